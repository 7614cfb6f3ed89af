//===- CheckJqSyntax.cpp - jq scripts compile (`jq-syntax`) ----------------===//
//
// Rule `jq-syntax` (oos-spec.md 5.3, 7.2, 7.4 and Fn::Jq in 8): every literal
// ValueSelector, PropertySelector and Fn::Jq script compiles with jq 1.6, as
// the runner will prepare it (`{{ }}` rendered, a leading dot added to
// selectors). The check is frontend/JqSyntax.h, held to libjq's verdicts by
// tests/unit/JqSyntaxTest.cpp, because libjq costs 15-20 ms a script; a
// script it rejects is then compiled with libjq, which has the last word,
// and the error is reported at the character the checker found.
//
//===----------------------------------------------------------------------===//
#include "analysis/JqScripts.h"
#include "analysis/Rules.h"
#include "frontend/JqSyntax.h"
#include "oosc/runtime/Jq.h"

namespace oosc::analysis {
namespace {

/// The source range of script bytes [begin, end), at least one byte wide so
/// that an error at the very end still points at the script's last byte.
SourceRange scriptRange(const ir::Node &scalar, const PreparedJqScript &prepared, size_t begin,
                        size_t end) {
  size_t size = scalar.value.size();
  size_t from = prepared.valueOffset(begin), to = prepared.valueOffset(end);
  if (size == 0)
    return scalar.range;
  from = std::min(from, size - 1);
  to = std::min(std::max(to, from + 1), size);
  return scalar.valueRange(from, to);
}

void checkScript(AnalysisContext &context, const JqScriptSite &site) {
  PreparedJqScript prepared = prepareJqScript(site);
  std::optional<frontend::JqSyntaxError> error = frontend::checkJqSyntax(prepared.text);
  if (!error || (context.jq && !context.jq->compileError(prepared.text)))
    return;
  SourceRange where = scriptRange(*site.scalar, prepared, error->offset, error->offset + error->length);
  Diagnostic &diagnostic =
      context.diagnostics.report(RuleId::JqSyntax, where, site.what + ": " + error->message);
  // Only a name written verbatim in the source is replaced: not one spelt
  // with escapes, nor one that ends at a dot OOS added.
  if (error->suggestion && error->length > 0 && where.end - where.begin == error->length &&
      prepared.valueOffset(error->offset) + error->length <= site.scalar->value.size())
    diagnostic.fix(where, *error->suggestion);
}

} // namespace

void checkJqSyntax(AnalysisContext &context) {
  for (const JqScriptSite &site : collectJqScripts(context.tmpl))
    checkScript(context, site);
}

} // namespace oosc::analysis
