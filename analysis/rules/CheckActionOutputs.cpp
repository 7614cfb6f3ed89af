//===- CheckActionOutputs.cpp - ValueSelectors read outputs the callee has --===//
//
// Rule `action-outputs`: a product action or a child template returns its
// declared Outputs, and a task's ValueSelector is jq over them. A selector
// that starts with a name (`imageId`, `.imageId.x`, `.imageId | length`) must
// start with one of those outputs, or it selects null. Selectors that start
// otherwise (`.`, `.[]`, `{...}`, functions) are not judged.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "analysis/TaskCalls.h"
#include "oosc/runtime/Selector.h"
#include "support/Spelling.h"

#include <cctype>

namespace oosc::analysis {
namespace {

bool isNameCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

/// The output name a selector starts with and its offset, if it starts
/// with a field: `.name`, `  .name[0]`, `.name | length`, or a bare `name`
/// that OOS turns into `.name` (runtime::normalizeSelector decides, as for
/// a runner).
std::optional<std::pair<std::string, size_t>> leadingName(std::string_view selector) {
  size_t start = selector.find_first_not_of(" \t");
  if (start == std::string_view::npos)
    return std::nullopt;
  bool dotted = selector[start] == '.';
  if (!dotted && runtime::normalizeSelector(selector) == selector)
    return std::nullopt; // a call, keyword, literal or builtin: not a field
  start += dotted;
  size_t end = start;
  while (end < selector.size() && isNameCharacter(selector[end]))
    ++end;
  if (end == start || std::isdigit(static_cast<unsigned char>(selector[start])))
    return std::nullopt;
  return std::make_pair(std::string(selector.substr(start, end - start)), start);
}

void checkSelector(AnalysisContext &context, const ir::Task &task, const Callee &callee,
                   const ir::Node *selector) {
  auto name = leadingName(selector->value);
  if (!name)
    return;
  std::vector<std::string_view> outputs(callee.outputs.begin(), callee.outputs.end());
  for (std::string_view output : outputs)
    if (output == name->first) // jq keys are case-sensitive
      return;
  SourceRange range = selector->valueRange(name->second, name->second + name->first.size());
  std::string message = "task '" + task.name.text + "' selects '" + name->first + "', but " +
                        callee.title;
  if (outputs.empty()) {
    context.diagnostics.report(RuleId::ActionOutputs, range, message + " has no outputs");
    return;
  }
  std::string list;
  for (std::string_view output : outputs)
    list += (list.empty() ? "'" : ", '") + std::string(output) + "'";
  message += " outputs only " + list;
  auto suggestion = suggestName(name->first, outputs);
  if (!suggestion) {
    context.diagnostics.report(RuleId::ActionOutputs, range, message);
    return;
  }
  Diagnostic &diagnostic = context.diagnostics.report(
      RuleId::ActionOutputs, range, message + "; did you mean '" + *suggestion + "'?");
  diagnostic.fix(range, *suggestion);
}

} // namespace

void checkActionOutputs(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks) {
    if (task.outputs.empty())
      continue;
    const Callee *callee = outputSource(task, context.templates);
    if (!callee || !callee->outputsKnown)
      continue;
    for (const ir::OutputDecl &output : task.outputs) {
      const ir::Node *selector = ir::resolve(output.value);
      if (selector && selector->isScalar() && !isComputed(selector))
        checkSelector(context, task, *callee, selector);
    }
  }
}

} // namespace oosc::analysis
