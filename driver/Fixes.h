//===- Fixes.h - Applying the diagnostics' fix-its as text edits ----------===//
#pragma once

#include "driver/Linter.h"

namespace oosc::driver {

/// The text of `report`'s file with every fix applied (did-you-mean names,
/// the declared case of a reference). Edits touch only the ranges they
/// replace, so comments and formatting stay; overlapping fixes keep the
/// first. `applied` counts the edits made.
std::string applyFixes(const FileReport &report, size_t &applied);

/// A unified diff of two versions of a file, hunks with one line of context.
std::string unifiedDiff(const std::string &path, std::string_view before, std::string_view after);

} // namespace oosc::driver
