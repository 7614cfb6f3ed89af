//===- TextEdits.h - Exact edits of YAML text at frontend byte ranges ------===//
//
// The mutators only edit text they can prove is written verbatim (a scalar
// without escapes or folds) or insert whole lines into a block mapping whose
// layout they have checked; anything else is skipped, so a mutant never
// breaks the YAML by accident.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Mutant.h"

#include <optional>

namespace oosc::mutation {

/// Whether the source bytes at `range` are exactly `text`.
bool isVerbatim(const SourceFile &file, SourceRange range, std::string_view text);

/// The source range of a scalar's value when it is written verbatim, so it
/// can be replaced byte for byte (quotes, if any, stay around it).
std::optional<SourceRange> verbatimValue(const SourceFile &file, const ir::Node *node);

/// A splice that replaces `range` by `replacement`.
Splice replaceRange(SourceRange range, std::string replacement);

/// New lines inserted after the line of a block mapping entry, indented like
/// its key; `lineOffsets` are where each new line starts in the mutated text.
struct LineInsertion {
  Splice splice;
  std::vector<uint32_t> lineOffsets;
};

/// Nothing unless the entry is `key: scalar` on one line of a block mapping
/// (only spaces and `- ` before the key, only a comment after the value).
std::optional<LineInsertion> insertLinesAfter(const SourceFile &file, const ir::MapEntry *entry,
                                              const std::vector<std::string> &lines);

/// A YAML single-quoted scalar holding `text`.
std::string singleQuoted(std::string_view text);

} // namespace oosc::mutation
