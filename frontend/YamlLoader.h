//===- YamlLoader.h - YAML and JSON text to the ir::Node tree --------------===//
#pragma once

#include "ir/Node.h"
#include "support/DiagnosticEngine.h"

namespace oosc::frontend {

/// Limits that keep hostile input from exhausting the stack or memory.
struct LoadLimits {
  /// Deeper nesting is refused; real templates nest about 12 levels.
  unsigned maxDepth = 256;
  /// Read strict JSON with the dedicated reader (JsonLoader.h); off only in
  /// tests that compare it with the yaml-cpp path.
  bool strictJsonFastPath = true;
};

/// What loading produced. `complete` is false when a syntax error cut the
/// document short: the tree then holds what came before the error.
struct LoadResult {
  bool complete = true;
};

/// Parses the file's text into `document`, reporting yaml-syntax problems
/// (including binary and non-UTF-8 text) and duplicate keys.
LoadResult loadDocument(const SourceFile &file, ir::Document &document,
                        DiagnosticEngine &diagnostics, const LoadLimits &limits = {});

/// The one report for a key given twice in a mapping (both loaders use it).
void reportDuplicateKey(const ir::Node &first, const ir::Node &repeat,
                        DiagnosticEngine &diagnostics);

} // namespace oosc::frontend
