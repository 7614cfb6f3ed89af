//===- SurrogateEscapes.h - JSON's \uD83D\uDE00 made readable to yaml-cpp --===//
//
// JSON writes characters beyond U+FFFF as a pair of \u escapes (Python's
// json.dumps does so by default); yaml-cpp 0.7 rejects each half as an invalid
// code point. Before parsing, such pairs are rewritten to the equivalent
// YAML escape \UXXXXXXXX, two bytes shorter, and positions are mapped back.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::frontend {

struct SurrogateRewrite {
  std::string text;
  /// Offsets in `text` just after each rewritten escape; every position at
  /// or past the i-th one is 2*(i+1) bytes further on in the original.
  std::vector<uint32_t> shiftPoints;

  uint32_t toOriginal(uint32_t offset) const;
};

/// Nothing when the text has no escaped surrogate pair (the common case).
std::optional<SurrogateRewrite> rewriteSurrogatePairs(std::string_view text);

} // namespace oosc::frontend
