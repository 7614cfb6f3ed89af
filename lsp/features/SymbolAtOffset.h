//===- SymbolAtOffset.h - What name stands under a byte offset ------------===//
//
// The shared core of hover, definition, references and rename: finds the
// declared thing a position names and every place that names it, resolving
// case-insensitively as OOS does.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/PseudoParameters.h"
#include "analysis/SymbolTable.h"
#include "lsp/Document.h"

#include <optional>
#include <string_view>
#include <vector>

namespace oosc::lsp {

enum class TargetKind : uint8_t {
  Parameter,
  Task,
  TaskOutput,     ///< an output of a task, loop outputs included
  TemplateOutput,
  Pseudo,
  Action,         ///< the value of a task's Action
};

/// The thing under the cursor, resolved to its declaration.
struct Target {
  TargetKind kind = TargetKind::Parameter;
  /// The name under the cursor as written (without quotes).
  SourceRange range;
  const ir::Parameter *parameter = nullptr;
  /// The task named (Task), owning the output (TaskOutput) or the action (Action).
  const ir::Task *task = nullptr;
  const ir::OutputDecl *output = nullptr;
  const analysis::PseudoParameter *pseudo = nullptr;
  /// The cursor is on the declaration itself.
  bool isDeclaration = false;
};

/// The declared thing under `offset`, or nothing (an undefined name, text).
std::optional<Target> findTarget(const Document &document,
                                 const analysis::SymbolTable &symbols, uint32_t offset);

/// The range of a target's declaring name; empty for pseudo parameters and actions.
std::optional<SourceRange> declarationRange(std::string_view text, const Target &target);

/// One place naming a target.
struct Occurrence {
  SourceRange range;
  bool isDeclaration = false;
};

/// Every place naming the same declaration as `target`, in source order.
std::vector<Occurrence> findOccurrences(const Document &document,
                                        const analysis::SymbolTable &symbols,
                                        const Target &target);

/// The name inside a scalar's source range: quotes are not part of it.
SourceRange unquotedRange(std::string_view text, SourceRange range);

/// The outputs a task declares in Outputs (not its loop's aggregated ones).
const ir::OutputDecl *findOwnOutput(const ir::Task &task, std::string_view name);

} // namespace oosc::lsp
