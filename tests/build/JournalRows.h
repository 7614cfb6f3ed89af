// JournalRows.h - A runner's journal read with SQLite itself.
#pragma once

#include <string>
#include <vector>

namespace oosc::testing {

using Rows = std::vector<std::vector<std::string>>;

/// Every row of \p sql over the journal at \p path, as text (a test
/// failure when it cannot be read).
Rows query(const std::string &path, const std::string &sql);

} // namespace oosc::testing
