//===- SourceFile.h - One loaded template text and its line table ---------===//
//
// Positions inside the project are byte offsets into a SourceFile; they become
// 1-based line and column (counted in Unicode code points) only when printed.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oosc {

/// A half-open byte range [begin, end) inside one SourceFile.
struct SourceRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  static SourceRange at(uint32_t offset, uint32_t length = 0) {
    return {offset, offset + length};
  }
  bool empty() const { return begin == end; }
  bool operator==(const SourceRange &o) const {
    return begin == o.begin && end == o.end;
  }
};

/// A printable position: 1-based line, 1-based column in code points.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

/// The text of one template with its path as the user gave it.
class SourceFile {
public:
  SourceFile(std::string path, std::string text);

  const std::string &path() const { return path_; }
  std::string_view text() const { return text_; }

  /// Line and column of a byte offset; offsets past the end clamp to the end.
  LineColumn lineColumn(uint32_t offset) const;
  /// Byte offset of the start of a 1-based line.
  uint32_t lineStart(uint32_t line) const;
  /// The text of a 1-based line without its line break.
  std::string_view lineText(uint32_t line) const;
  uint32_t lineCount() const { return static_cast<uint32_t>(lineStarts_.size()); }
  /// Byte offset of a 1-based line and code-point column (inverse of lineColumn).
  uint32_t offsetOf(LineColumn position) const;

private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
};

/// Number of code points in a UTF-8 byte string (invalid bytes count as one each).
uint32_t countCodePoints(std::string_view utf8);

} // namespace oosc
