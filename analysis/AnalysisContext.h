//===- AnalysisContext.h - What every rule gets to see ---------------------===//
#pragma once

#include "analysis/Callees.h"
#include "analysis/References.h"
#include "analysis/SymbolTable.h"
#include "support/DiagnosticEngine.h"

namespace oosc::runtime {
class JqEngine;
class PatternCache;
}

namespace oosc::analysis {

/// Shared, read-only facts about one template plus the engine to report into.
/// Built once per file; rules never recompute what is here.
struct AnalysisContext {
  const ir::Template &tmpl;
  const SymbolTable &symbols;
  const std::vector<ReferenceSite> &references;
  DiagnosticEngine &diagnostics;
  /// Compiled AllowedPattern regexes, per thread of the caller.
  runtime::PatternCache &patterns;
  /// The other templates of the lint run, for ACS::Template; may be null.
  const TemplateLibrary *templates = nullptr;
  /// libjq, the authority on jq errors; may be null.
  runtime::JqEngine *jq = nullptr;
};

} // namespace oosc::analysis
