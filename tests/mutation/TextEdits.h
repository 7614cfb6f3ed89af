//===- TextEdits.h - Exact edits of template text at frontend byte ranges --===//
//
// The mutators only edit text they can prove is written verbatim (a scalar
// without escapes or folds) or insert entries into a mapping whose layout
// they have checked: new lines in a YAML block mapping, new members on the
// anchor's line in a flow mapping (JSON); anything else is skipped, so a
// mutant never breaks the file by accident.
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

/// A scalar to write into a template, quoted as its file's syntax needs.
struct Scalar {
  enum class Kind : uint8_t { Word, Text, Number };
  Kind kind = Kind::Text;
  std::string text; ///< printable ASCII without quotes or backslashes
};

/// `{ ... }` (JSON, or YAML flow style) rather than a YAML block mapping.
bool isFlowMapping(const SourceFile &file, const ir::Node *mapping);

/// YAML: words plain, text single-quoted; flow: JSON scalars.
std::string rendered(const Scalar &value, bool flow);

struct NewEntry {
  std::string key;
  Scalar value;
};

/// Entries added to a mapping; `entryOffsets` are where each new entry
/// starts in the mutated text.
struct EntryInsertion {
  Splice splice;
  std::vector<uint32_t> entryOffsets;
};

/// In a block mapping, new lines after the line of `anchor`, indented like
/// its key, when `anchor` is `key: scalar` on one line (only spaces and `- `
/// before the key, only a comment after the value). In a flow mapping, new
/// members just before `anchor`'s key, on its line.
std::optional<EntryInsertion> addEntries(const SourceFile &file, const ir::Node *mapping,
                                         const ir::MapEntry *anchor,
                                         const std::vector<NewEntry> &entries);

} // namespace oosc::mutation
