//===- SurrogateEscapes.cpp -------------------------------------------------===//
#include "frontend/SurrogateEscapes.h"

#include <algorithm>
#include <cstdio>

namespace oosc::frontend {
namespace {

/// The value of `\uXXXX` at `i`, or -1.
long escapedUnit(std::string_view text, size_t i) {
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u')
    return -1;
  long value = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    char c = text[k];
    int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (digit < 0)
      return -1;
    value = value * 16 + digit;
  }
  return value;
}

/// A backslash escapes the next character only after an even run of them.
bool isEscapeStart(std::string_view text, size_t i) {
  size_t backslashes = 0;
  while (i > backslashes && text[i - backslashes - 1] == '\\')
    ++backslashes;
  return backslashes % 2 == 0;
}

} // namespace

uint32_t SurrogateRewrite::toOriginal(uint32_t offset) const {
  size_t passed = std::upper_bound(shiftPoints.begin(), shiftPoints.end(), offset) - shiftPoints.begin();
  return offset + static_cast<uint32_t>(2 * passed);
}

std::optional<SurrogateRewrite> rewriteSurrogatePairs(std::string_view text) {
  if (text.find("\\u") == std::string_view::npos)
    return std::nullopt;
  SurrogateRewrite rewrite;
  rewrite.text.reserve(text.size());
  size_t copied = 0;
  for (size_t i = text.find("\\u"); i != std::string_view::npos; i = text.find("\\u", i + 1)) {
    long high = escapedUnit(text, i);
    long low = escapedUnit(text, i + 6);
    if (high < 0xD800 || high > 0xDBFF || low < 0xDC00 || low > 0xDFFF || !isEscapeStart(text, i))
      continue;
    long codePoint = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    char escape[11];
    std::snprintf(escape, sizeof escape, "\\U%08lX", codePoint);
    rewrite.text.append(text.substr(copied, i - copied));
    rewrite.text.append(escape, 10);
    rewrite.shiftPoints.push_back(static_cast<uint32_t>(rewrite.text.size()));
    copied = i + 12;
    i += 11;
  }
  if (rewrite.shiftPoints.empty())
    return std::nullopt;
  rewrite.text.append(text.substr(copied));
  return rewrite;
}

} // namespace oosc::frontend
