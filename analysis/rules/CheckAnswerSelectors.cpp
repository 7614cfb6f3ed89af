//===- CheckAnswerSelectors.cpp - Selectors read the answer (`answer-selector`)
//
// The ValueSelector of an API task's outputs and the PropertySelector of
// ACS::WaitFor and ACS::CheckFor run on the API's answer. Where the table
// knows the answer's shape, each selector is followed over it
// (AnswerPaths.h): a misspelt field (one close to a field the answer has), a
// field read of a list or `[]` over a string are errors; a field like none
// of the answer's is a warning (the shapes come from today's SDK models, and
// a template may read a field an older version returned); an output whose Type cannot hold what the
// selector gives is a warning. Selectors holding {{ }} are known only at run
// time and selectors that do not compile are jq-syntax's.
//
//===----------------------------------------------------------------------===//
#include "analysis/AnswerPaths.h"
#include "analysis/CloudCalls.h"
#include "analysis/JqScripts.h"
#include "analysis/Rules.h"
#include "frontend/JqSyntax.h"
#include "oosc/apis/CloudApis.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using Kind = apis::Shape::Kind;

const ir::Node *selectorProperty(const ir::Task &task) {
  const ir::Node *properties = ir::resolve(task.properties);
  if (!properties || !properties->isMapping())
    return nullptr;
  for (const ir::MapEntry &entry : properties->entries)
    if (entry.key && equalsIgnoreCase(entry.key->value, "PropertySelector"))
      return ir::resolve(entry.value);
  return nullptr;
}

/// Why an output of \p type cannot hold what the selector gives, or nothing.
std::optional<std::string> typeProblem(std::string_view type, const AnswerPathResult &result) {
  if (!result.resultKind || result.stream)
    return std::nullopt;
  Kind kind = *result.resultKind;
  bool scalar = kind == Kind::String || kind == Kind::Number || kind == Kind::Boolean;
  bool structured = kind == Kind::Object || kind == Kind::Array || kind == Kind::Map;
  if ((equalsIgnoreCase(type, "List") && scalar) ||
      ((equalsIgnoreCase(type, "Number") || equalsIgnoreCase(type, "Boolean")) && structured))
    return "an output of Type " + std::string(type) + ", but the selector gives " +
           (kind == Kind::Array ? std::string("a list") : "a " + std::string(apis::shapeKindName(kind)));
  return std::nullopt;
}

struct SelectorChecker {
  AnalysisContext &context;
  const CloudCall &call;
  const apis::Shape &answer;

  /// Follows one selector; the result, or nothing when it is not judged.
  std::optional<AnswerPathResult> follow(const ir::Node *scalar, const std::string &what) {
    if (!scalar || !scalar->isScalar() || scalar->value.find("{{") != std::string::npos)
      return std::nullopt;
    PreparedJqScript prepared = prepareJqScript({scalar, true, what});
    if (frontend::checkJqSyntax(prepared.text))
      return std::nullopt;
    AnswerPathResult result = followAnswerPath(prepared.text, answer);
    for (const AnswerPathProblem &problem : result.problems) {
      size_t begin = prepared.valueOffset(problem.offset);
      size_t end = prepared.valueOffset(problem.offset + problem.length);
      SourceRange range = scalar->valueRange(begin, end);
      Severity severity = problem.certain || problem.suggestion ? Severity::Error : Severity::Warning;
      Diagnostic &diagnostic = context.diagnostics.report(
          RuleId::AnswerSelector, severity, range,
          what + " of API '" + call.api->value + "': " + problem.message);
      if (problem.suggestion)
        diagnostic.fix(range, *problem.suggestion);
    }
    return result;
  }

  void run() {
    const ir::Task &task = *call.task;
    if (!equalsIgnoreCase(task.action, "ACS::ExecuteAPI"))
      follow(selectorProperty(task), "PropertySelector");
    for (const ir::OutputDecl &output : task.outputs) {
      auto result = follow(ir::resolve(output.value), "ValueSelector of output '" + output.name.text + "'");
      const ir::Node *type = ir::resolve(output.type);
      if (!result || !result->problems.empty() || !type || !type->isScalar())
        continue;
      if (auto problem = typeProblem(type->value, *result))
        context.diagnostics.report(RuleId::AnswerSelector, Severity::Warning, type->range,
                                   "output '" + output.name.text + "' of task '" + task.name.text + "' is " +
                                       *problem);
    }
  }
};

} // namespace

void checkAnswerSelectors(AnalysisContext &context) {
  const apis::ApiTable &table = apis::cloudApis();
  for (const CloudCall &call : collectCloudCalls(context.tmpl)) {
    if (!call.spec || !call.uriFitsApi)
      continue;
    const apis::Shape *answer = table.answerShape(*call.product, call.spec->name);
    if (answer)
      SelectorChecker{context, call, answer->kind == apis::Shape::Kind::String ? apis::textAnswerShape() : *answer}
          .run();
  }
}

} // namespace oosc::analysis
