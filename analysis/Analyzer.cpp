//===- Analyzer.cpp - The rule table and its driver ------------------------===//
#include "analysis/Analyzer.h"

#include "analysis/Rules.h"

namespace oosc::analysis {
namespace {

struct RuleRun {
  void (*check)(AnalysisContext &);
  /// Needs the whole template: meaningless on a document cut short.
  bool needsCompleteDocument;
};

/// Order matters only for readability of the table: output is sorted later.
constexpr RuleRun kRuleRuns[] = {
    {checkSchema, false},
    {checkRequiredKeys, true},
    {checkDuplicateNames, false},
    {checkFunctionCalls, false},
    {checkReferences, true},
    {checkJumpTargets, true},
    {checkReachability, true},
    {checkParameterConstraints, false},
    {checkTriggers, false},
    {checkTimerSchedule, false},
    {checkCycles, true},
    {checkLoops, false},
    {checkOutputBeforeTask, true},
    {checkSecretDefaults, false},
    {checkUnknownActions, false},
    {checkActionProperties, true},
    {checkActionOutputs, true},
    {checkJqSyntax, false},
    {checkUnknownServices, false},
    {checkUnknownApis, false},
    {checkApiParameters, false},
    {checkAnswerSelectors, false},
    {checkTypeMismatch, false},
    {checkUnusedParameters, true},
    {checkUnusedOutputs, true},
    {checkShellQuoting, false},
};

} // namespace

void analyze(const ir::Template &tmpl, DiagnosticEngine &diagnostics,
             runtime::PatternCache &patterns, const AnalysisOptions &options) {
  // Nothing was read (unreadable text, or a syntax error before the first
  // node): any finding would only restate the error already reported.
  if (!options.documentComplete && !tmpl.root)
    return;
  SymbolTable symbols(tmpl);
  std::vector<ReferenceSite> references = collectReferences(tmpl);
  AnalysisContext context{tmpl,     symbols,          references, diagnostics,
                          patterns, options.templates, options.jq};
  for (const RuleRun &run : kRuleRuns)
    if (options.documentComplete || !run.needsCompleteDocument)
      run.check(context);
}

} // namespace oosc::analysis
