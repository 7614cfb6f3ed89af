//===- SourceFile.cpp - Line tables and offset conversion -----------------===//
#include "support/SourceFile.h"

#include <algorithm>

namespace oosc {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    char c = text_[i];
    // A lone CR is a line break in YAML too; CRLF counts once.
    if (c == '\n' || (c == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n')))
      lineStarts_.push_back(i + 1);
  }
}

static bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

uint32_t countCodePoints(std::string_view utf8) {
  uint32_t count = 0;
  for (unsigned char c : utf8)
    if (!isContinuationByte(c))
      ++count;
  return count;
}

LineColumn SourceFile::lineColumn(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  uint32_t lineIndex = static_cast<uint32_t>(it - lineStarts_.begin()) - 1;
  uint32_t start = lineStarts_[lineIndex];
  std::string_view prefix(text_.data() + start, offset - start);
  // A byte order mark is invisible in editors: it is not a column.
  if (start == 0 && prefix.substr(0, 3) == "\xEF\xBB\xBF")
    prefix.remove_prefix(3);
  return {lineIndex + 1, countCodePoints(prefix) + 1};
}

uint32_t SourceFile::lineStart(uint32_t line) const {
  if (line == 0)
    return 0;
  if (line > lineStarts_.size())
    return static_cast<uint32_t>(text_.size());
  return lineStarts_[line - 1];
}

std::string_view SourceFile::lineText(uint32_t line) const {
  uint32_t start = lineStart(line);
  uint32_t end = line < lineStarts_.size() ? lineStarts_[line]
                                           : static_cast<uint32_t>(text_.size());
  std::string_view text(text_.data() + start, end - start);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

uint32_t SourceFile::offsetOf(LineColumn position) const {
  uint32_t offset = lineStart(position.line);
  std::string_view line = lineText(position.line);
  if (offset == 0 && line.substr(0, 3) == "\xEF\xBB\xBF") {
    offset = 3;
    line.remove_prefix(3);
  }
  uint32_t column = 1;
  size_t i = 0;
  while (i < line.size() && column < position.column) {
    ++i;
    while (i < line.size() && isContinuationByte(static_cast<unsigned char>(line[i])))
      ++i;
    ++column;
  }
  return offset + static_cast<uint32_t>(i);
}

} // namespace oosc
