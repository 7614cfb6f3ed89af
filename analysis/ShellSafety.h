//===- ShellSafety.h - Text the shell reads as one plain word --------------===//
#pragma once

#include <string_view>

namespace oosc::analysis {

/// Letters, digits, non-ASCII bytes and `_-.,:/@%+=`: characters with no
/// meaning to the shell anywhere in a word (no blanks, quotes, globs,
/// expansions, redirections or separators).
bool isShellSafeCharacter(char c);
bool isShellSafeText(std::string_view text);

/// Every string the AllowedPattern accepts (whole-string match, as OOS
/// applies it) is made of safe characters. Conservative: a construct it does
/// not understand, `.`, a negated class or a class holding an unsafe
/// character makes the answer no. Lookarounds only narrow what matches, so
/// they are skipped.
bool patternAllowsOnlyShellSafeText(std::string_view pattern);

} // namespace oosc::analysis
