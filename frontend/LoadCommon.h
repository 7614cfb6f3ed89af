//===- LoadCommon.h - What the YAML and the JSON loader share -------------===//
#pragma once

#include "ir/Node.h"
#include "support/DiagnosticEngine.h"

namespace oosc::frontend {

/// Limits that keep hostile input from exhausting the stack or memory.
struct LoadLimits {
  /// Deeper nesting is refused; real templates nest about 12 levels.
  unsigned maxDepth = 256;
};

/// What loading produced. `complete` is false when a syntax error cut the
/// document short: the tree then holds what came before the error.
struct LoadResult {
  bool complete = true;
};

/// The one report for a key given twice in a mapping.
void reportDuplicateKey(const ir::Node &first, const ir::Node &repeat,
                        DiagnosticEngine &diagnostics);

} // namespace oosc::frontend
