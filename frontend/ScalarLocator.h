//===- ScalarLocator.h - Map decoded YAML scalars back to source bytes ----===//
//
// Maps a scalar decoded by yaml-cpp back to the exact source bytes it came
// from, so diagnostics can point inside quoted, folded and block scalars.
//
// yaml-cpp reports only a start mark per scalar, and that mark may sit on an
// anchor or tag rather than on the scalar itself. locateScalar() re-scans the
// source from the mark following the YAML 1.2 scalar rules (plain,
// single-quoted, double-quoted/JSON, literal and folded block scalars) and
// checks the result byte for byte against the decoded value.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace oosc::frontend {

/// Where a scalar's text lies in the source, and where each decoded byte came
/// from.
struct ScalarSpan {
  /// First byte of the scalar itself (after any anchor/tag): the quote, the
  /// block indicator, or the first plain character.
  uint32_t begin = 0;
  /// One past the last source byte of the scalar: after the closing quote;
  /// for plain scalars after the last non-space char; for block scalars after
  /// the last content character (not the trailing line break). For a block
  /// scalar without content lines it is the end of the `|`/`>` header
  /// indicators; for an empty node with only properties (`k: !!str`)
  /// begin == end == the byte after the last property.
  uint32_t end = 0;
  /// offsets[i] = source offset of decoded byte i (size == decoded.size()).
  /// Bytes produced by an escape map to the backslash (`''` maps to its
  /// first quote); a space or line break produced by folding maps to the
  /// source line break it replaces (for n > 1 folded breaks, the i-th newline
  /// maps to the break ending the i-th empty line); chomped/kept final
  /// newlines of block scalars map to the end of their line. Offsets never
  /// decrease.
  std::vector<uint32_t> offsets;
};

/// Re-scans the scalar whose yaml-cpp mark is at \p markPos (a byte offset
/// into \p source, possibly pointing at an anchor or tag before the scalar)
/// and maps every byte of \p decoded to its source byte.
///
/// The plain-vs-quoted-vs-block decision comes from the source byte at the
/// scalar's begin. Runs in time linear in the scalar's source extent.
///
/// Note: yaml-cpp's Mark::pos does not count a leading UTF-8 byte order mark,
/// so callers whose \p source starts with EF BB BF must add 3 to it.
///
/// Where yaml-cpp 0.7 deviates from YAML 1.2 (it clips newlines of a fold
/// that ends a quoted scalar, drops one trailing empty line of a `>+` scalar,
/// and decodes \N and \_ to single Latin-1 bytes), either reading matches.
///
/// \returns std::nullopt when the re-decoded text does not equal \p decoded
/// (the caller then falls back to the mark), e.g. for a quoted scalar that
/// yaml-cpp accepted although it is never closed.
std::optional<ScalarSpan> locateScalar(std::string_view source,
                                       uint32_t markPos,
                                       std::string_view decoded);

/// Same begin/end as locateScalar() without building offsets. Cheap: it does
/// not allocate at all, so it suits scalars that only need their extent.
std::optional<std::pair<uint32_t, uint32_t>>
locateScalarExtent(std::string_view source, uint32_t markPos,
                   std::string_view decoded);

} // namespace oosc::frontend
