//===- ShellSafety.cpp ------------------------------------------------------===//
#include "analysis/ShellSafety.h"

#include <algorithm>
#include <cctype>

namespace oosc::analysis {
namespace {

constexpr std::string_view kSafePunctuation = "_-.,:/@%+=";

/// Escapes for classes of safe characters: digits and word characters.
constexpr std::string_view kSafeClassEscapes = "dw";
/// Zero-width escapes: they match no character.
constexpr std::string_view kAssertionEscapes = "bBAZz";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// A range such as a-z or 0-9: both ends in one run of letters or digits.
bool isSafeRange(char low, char high) {
  auto within = [&](char first, char last) {
    return low >= first && high <= last && low <= high;
  };
  return within('a', 'z') || within('A', 'Z') || within('0', '9');
}

/// `\x` outside or inside a class: a safe class, an assertion or a safe
/// literal.
bool isSafeEscape(char c, bool inClass) {
  if (kSafeClassEscapes.find(c) != std::string_view::npos)
    return true;
  if (!inClass && kAssertionEscapes.find(c) != std::string_view::npos)
    return true;
  return !std::isalpha(static_cast<unsigned char>(c)) && isShellSafeCharacter(c);
}

/// A bracket class starting at `pattern[at] == '['`; returns the index past
/// its `]`, or npos when it may admit an unsafe character.
size_t safeClassEnd(std::string_view pattern, size_t at) {
  size_t i = at + 1;
  if (i < pattern.size() && pattern[i] == '^')
    return std::string_view::npos; // a negated class admits nearly anything
  for (; i < pattern.size() && pattern[i] != ']'; ++i) {
    char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size() || !isSafeEscape(pattern[i + 1], true))
        return std::string_view::npos;
      ++i;
    } else if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (!isSafeRange(c, pattern[i + 2]))
        return std::string_view::npos;
      i += 2;
    } else if (!isShellSafeCharacter(c)) {
      return std::string_view::npos;
    }
  }
  return i < pattern.size() ? i + 1 : std::string_view::npos;
}

/// The index past a lookaround group starting at `pattern[at] == '('`.
size_t groupEnd(std::string_view pattern, size_t at) {
  int depth = 0;
  for (size_t i = at; i < pattern.size(); ++i) {
    if (pattern[i] == '\\')
      ++i;
    else if (pattern[i] == '(')
      ++depth;
    else if (pattern[i] == ')' && --depth == 0)
      return i + 1;
  }
  return std::string_view::npos;
}

bool startsLookaround(std::string_view rest) {
  for (std::string_view opener : {"(?=", "(?!", "(?<=", "(?<!"})
    if (rest.substr(0, opener.size()) == opener)
      return true;
  return false;
}

/// `{2}`, `{1,3}`, `{2,}` starting at `pattern[at] == '{'`: index past it.
size_t quantifierEnd(std::string_view pattern, size_t at) {
  size_t i = at + 1;
  while (i < pattern.size() && (isDigit(pattern[i]) || pattern[i] == ','))
    ++i;
  return i < pattern.size() && pattern[i] == '}' && i > at + 1 ? i + 1 : std::string_view::npos;
}

/// Regex syntax that matches no character by itself.
constexpr std::string_view kStructure = "^$|)*+?";

} // namespace

bool isShellSafeCharacter(char c) {
  auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) || byte >= 0x80 || kSafePunctuation.find(c) != std::string_view::npos;
}

bool isShellSafeText(std::string_view text) {
  return std::all_of(text.begin(), text.end(), isShellSafeCharacter);
}

bool patternAllowsOnlyShellSafeText(std::string_view pattern) {
  if (pattern.empty())
    return false;
  for (size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\\') {
      if (i + 1 >= pattern.size() || !isSafeEscape(pattern[i + 1], false))
        return false;
      i += 2;
    } else if (c == '[') {
      i = safeClassEnd(pattern, i);
    } else if (c == '(' && startsLookaround(pattern.substr(i))) {
      i = groupEnd(pattern, i);
    } else if (c == '(') {
      i += pattern.substr(i, 3) == "(?:" ? 3 : 1;
      if (i < pattern.size() && pattern[i - 1] == '(' && pattern[i] == '?')
        return false; // named groups, flags: not understood
    } else if (c == '{') {
      i = quantifierEnd(pattern, i);
    } else if (c == '.') {
      return false; // any character, unescaped

    } else if (kStructure.find(c) != std::string_view::npos || isShellSafeCharacter(c)) {
      ++i;
    } else {
      return false; // a literal the shell would read
    }
    if (i == std::string_view::npos)
      return false;
  }
  return true;
}

} // namespace oosc::analysis
