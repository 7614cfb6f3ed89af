//===- Positions.cpp --------------------------------------------------------===//
#include "lsp/Positions.h"

namespace oosc::lsp {
namespace {

size_t sequenceLength(unsigned char lead) {
  return lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
}

} // namespace

Position toPosition(const SourceFile &file, uint32_t offset) {
  LineColumn at = file.lineColumn(offset);
  uint32_t start = file.lineStart(at.line);
  std::string_view text = file.text();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  uint32_t units = 0;
  for (uint32_t i = start; i < offset;) {
    size_t length = sequenceLength(static_cast<unsigned char>(text[i]));
    units += length == 4 ? 2 : 1; // beyond the BMP: a surrogate pair
    i += static_cast<uint32_t>(length);
  }
  return {at.line - 1, units};
}

uint32_t toOffset(const SourceFile &file, Position position) {
  if (position.line >= file.lineCount())
    return static_cast<uint32_t>(file.text().size());
  uint32_t start = file.lineStart(position.line + 1);
  std::string_view line = file.lineText(position.line + 1);
  uint32_t units = 0;
  size_t i = 0;
  while (i < line.size() && units < position.character) {
    size_t length = sequenceLength(static_cast<unsigned char>(line[i]));
    units += length == 4 ? 2 : 1;
    i += length;
  }
  return start + static_cast<uint32_t>(std::min(i, line.size()));
}

llvm::json::Object toJson(Position position) {
  return llvm::json::Object{{"line", position.line}, {"character", position.character}};
}

llvm::json::Object toJsonRange(const SourceFile &file, SourceRange range) {
  return llvm::json::Object{{"start", toJson(toPosition(file, range.begin))},
                            {"end", toJson(toPosition(file, range.end))}};
}

std::optional<Position> positionFrom(const llvm::json::Value *value) {
  const llvm::json::Object *object = value ? value->getAsObject() : nullptr;
  if (!object)
    return std::nullopt;
  auto line = object->getInteger("line");
  auto character = object->getInteger("character");
  if (!line || !character || *line < 0 || *character < 0)
    return std::nullopt;
  return Position{static_cast<uint32_t>(*line), static_cast<uint32_t>(*character)};
}

} // namespace oosc::lsp
