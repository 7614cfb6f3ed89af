//===- TextEdits.cpp --------------------------------------------------------===//
#include "TextEdits.h"

namespace oosc::mutation {

std::string Splice::applyTo(std::string_view original) const {
  std::string text(original.substr(0, offset));
  text += inserted;
  text += original.substr(offset + removed);
  return text;
}

uint32_t Splice::mapped(uint32_t originalOffset) const {
  if (originalOffset < offset)
    return originalOffset;
  if (originalOffset < offset + removed)
    return offset;
  return originalOffset - removed + static_cast<uint32_t>(inserted.size());
}

bool isVerbatim(const SourceFile &file, SourceRange range, std::string_view text) {
  std::string_view source = file.text();
  return range.begin <= range.end && range.end <= source.size() &&
         source.substr(range.begin, range.end - range.begin) == text;
}

std::optional<SourceRange> verbatimValue(const SourceFile &file, const ir::Node *node) {
  if (!node || !node->isScalar() || node->value.empty())
    return std::nullopt;
  SourceRange range = node->valueRange(0, node->value.size());
  if (!isVerbatim(file, range, node->value))
    return std::nullopt;
  return range;
}

Splice replaceRange(SourceRange range, std::string replacement) {
  return {range.begin, range.end - range.begin, std::move(replacement)};
}

bool isFlowMapping(const SourceFile &file, const ir::Node *mapping) {
  return mapping && mapping->isMapping() && mapping->range.begin < file.text().size() &&
         file.text()[mapping->range.begin] == '{';
}

std::string rendered(const Scalar &value, bool flow) {
  if (value.kind == Scalar::Kind::Number || (value.kind == Scalar::Kind::Word && !flow))
    return value.text;
  char quote = flow ? '"' : '\'';
  return quote + value.text + quote;
}

namespace {

bool onlyIndentation(std::string_view prefix) {
  return prefix.find_first_not_of(" -") == std::string_view::npos;
}

/// Only blanks, then optionally a comment, up to the end of the line.
bool onlyCommentAfter(std::string_view rest) {
  size_t first = rest.find_first_not_of(" \t");
  return first == std::string_view::npos || rest[first] == '#';
}

std::optional<EntryInsertion> addBlockLines(const SourceFile &file, const ir::MapEntry &anchor,
                                            const std::vector<NewEntry> &entries) {
  if (!anchor.key->isPlainScalar() || !anchor.value->isScalar())
    return std::nullopt;
  std::string_view text = file.text();
  const SourceRange key = anchor.key->range;
  const SourceRange value = anchor.value->range;
  uint32_t line = file.lineColumn(key.begin).line;
  if (file.lineColumn(value.end).line != line || value.end > text.size())
    return std::nullopt;
  uint32_t lineStart = file.lineStart(line);
  if (!onlyIndentation(text.substr(lineStart, key.begin - lineStart)))
    return std::nullopt;
  size_t lineEnd = text.find('\n', value.end);
  if (lineEnd == std::string_view::npos)
    lineEnd = text.size();
  bool crlf = lineEnd > value.end && text[lineEnd - 1] == '\r';
  size_t at = crlf ? lineEnd - 1 : lineEnd;
  if (!onlyCommentAfter(text.substr(value.end, at - value.end)))
    return std::nullopt;

  const std::string lineBreak = crlf ? "\r\n" : "\n";
  const std::string indent(key.begin - lineStart, ' ');
  EntryInsertion insertion;
  insertion.splice.offset = static_cast<uint32_t>(at);
  for (const NewEntry &entry : entries) {
    insertion.splice.inserted += lineBreak;
    insertion.entryOffsets.push_back(static_cast<uint32_t>(at + insertion.splice.inserted.size()));
    insertion.splice.inserted += indent + entry.key + ": " + rendered(entry.value, false);
  }
  return insertion;
}

std::optional<EntryInsertion> addFlowMembers(const SourceFile &file, const ir::MapEntry &anchor,
                                             const std::vector<NewEntry> &entries) {
  uint32_t at = anchor.key->range.begin;
  if (anchor.key->style != ir::ScalarStyle::DoubleQuoted || file.text()[at] != '"')
    return std::nullopt;
  EntryInsertion insertion;
  insertion.splice.offset = at;
  for (const NewEntry &entry : entries) {
    insertion.entryOffsets.push_back(at + static_cast<uint32_t>(insertion.splice.inserted.size()));
    insertion.splice.inserted += "\"" + entry.key + "\": " + rendered(entry.value, true) + ", ";
  }
  return insertion;
}

} // namespace

std::optional<EntryInsertion> addEntries(const SourceFile &file, const ir::Node *mapping,
                                         const ir::MapEntry *anchor,
                                         const std::vector<NewEntry> &entries) {
  if (!mapping || !mapping->isMapping() || !anchor || !anchor->key || !anchor->value ||
      !anchor->key->isScalar())
    return std::nullopt;
  return isFlowMapping(file, mapping) ? addFlowMembers(file, *anchor, entries)
                                      : addBlockLines(file, *anchor, entries);
}

} // namespace oosc::mutation
