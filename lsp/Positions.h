//===- Positions.h - LSP positions (UTF-16) against byte offsets ---------===//
//
// The protocol counts columns in UTF-16 code units; the rest of oosc counts
// bytes. Conversion happens here and only here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "support/SourceFile.h"

#include <optional>

#include <llvm/Support/JSON.h>

namespace oosc::lsp {

struct Position {
  uint32_t line = 0;      ///< 0-based
  uint32_t character = 0; ///< UTF-16 code units
};

Position toPosition(const SourceFile &file, uint32_t offset);
/// Clamps positions past the end of a line or of the file.
uint32_t toOffset(const SourceFile &file, Position position);

llvm::json::Object toJson(Position position);
llvm::json::Object toJsonRange(const SourceFile &file, SourceRange range);
/// Reads {line, character}; nothing when the shape is wrong.
std::optional<Position> positionFrom(const llvm::json::Value *value);

} // namespace oosc::lsp
