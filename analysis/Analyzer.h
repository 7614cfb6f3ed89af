//===- Analyzer.h - Runs the lint rules over a template --------------------===//
#pragma once

#include "ir/Template.h"
#include "support/DiagnosticEngine.h"

namespace oosc::runtime {
class JqEngine;
class PatternCache;
}

namespace oosc::analysis {

class TemplateLibrary;

struct AnalysisOptions {
  /// False when the document was cut short by a syntax error: rules that
  /// need the whole template (required keys, undefined names, reachability)
  /// are skipped instead of reporting consequences of the truncation.
  bool documentComplete = true;
  /// The templates an ACS::Template task may name; null: none known.
  const TemplateLibrary *templates = nullptr;
  /// libjq, to confirm a jq-syntax error before it is reported; null: the
  /// linter's own jq checker decides alone.
  runtime::JqEngine *jq = nullptr;
};

/// Runs every rule of the rule table in table order.
void analyze(const ir::Template &tmpl, DiagnosticEngine &diagnostics,
             runtime::PatternCache &patterns, const AnalysisOptions &options = {});

} // namespace oosc::analysis
