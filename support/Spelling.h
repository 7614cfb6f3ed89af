//===- Spelling.h - Case folding and "did you mean" suggestions -----------===//
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc {

/// ASCII case-insensitive equality: OOS folds the case of names, and names are
/// ASCII ([A-Za-z0-9_-]), so no Unicode folding is needed.
bool equalsIgnoreCase(std::string_view a, std::string_view b);
/// ASCII lower-case copy, used as a lookup key for case-insensitive tables.
std::string foldCase(std::string_view text);
/// Edit distance (insert, delete, replace, swap neighbours); case is free.
size_t editDistanceIgnoreCase(std::string_view a, std::string_view b);

/// The closest candidate within a distance that grows with the name's length,
/// or nothing. Ties go to the earliest candidate, so results are deterministic.
std::optional<std::string> suggestName(std::string_view name,
                                       const std::vector<std::string_view> &candidates);

} // namespace oosc
