//===- CheckParameterConstraints.cpp - Defaults obey their constraints -----===//
//
// Rule `parameter-constraint`. The checks themselves live in the runtime
// library (oosc/runtime/ParameterConstraints.h), so a runner rejects a bad
// command-line value with the same words the linter uses for a bad Default.
//
//===----------------------------------------------------------------------===//
#include "analysis/LiteralValue.h"
#include "analysis/ParameterSpecs.h"
#include "analysis/Rules.h"
#include "oosc/runtime/ParameterConstraints.h"

namespace oosc::analysis {
namespace {

using runtime::ConstraintKind;

const ir::Node *constraintNode(const ir::Parameter &parameter, ConstraintKind kind) {
  switch (kind) {
  case ConstraintKind::Type:
    return parameter.typeNode;
  case ConstraintKind::AllowedValues:
    return parameter.allowedValues;
  case ConstraintKind::AllowedPattern:
    return parameter.allowedPattern;
  case ConstraintKind::MinLength:
    return parameter.minLength;
  case ConstraintKind::MaxLength:
    return parameter.maxLength;
  case ConstraintKind::MinValue:
    return parameter.minValue;
  case ConstraintKind::MaxValue:
    return parameter.maxValue;
  }
  return nullptr;
}

/// Where a problem in the constraints themselves is shown: the bad entry of
/// AllowedValues, the bad character of a pattern, or the property.
SourceRange problemRange(const ir::Parameter &parameter, const runtime::SpecProblem &problem) {
  const ir::Node *node = ir::resolve(constraintNode(parameter, problem.kind));
  if (!node)
    return parameter.name.range;
  if (problem.allowedValueIndex && node->isSequence() &&
      *problem.allowedValueIndex < node->items.size())
    return node->items[*problem.allowedValueIndex]->range;
  if (problem.patternOffset && node->isScalar()) {
    size_t offset = std::min<size_t>(*problem.patternOffset, node->value.size());
    size_t end = std::min(offset + 1, node->value.size());
    return node->valueRange(offset, std::max(end, offset));
  }
  return constraintNode(parameter, problem.kind)->range;
}

void checkParameter(AnalysisContext &context, const ir::Parameter &parameter) {
  for (auto [property, node] : {std::pair{"MinLength", parameter.minLength}, {"MaxLength", parameter.maxLength}})
    if (std::optional<std::string> problem = lengthProblem(property, node))
      context.diagnostics.report(RuleId::ParameterConstraint, node->range,
                                 "parameter '" + parameter.name.text + "': " + *problem);
  auto spec = parameterSpec(parameter);
  if (!spec)
    return;
  for (const runtime::SpecProblem &problem : runtime::checkSpec(*spec, context.patterns))
    context.diagnostics.report(RuleId::ParameterConstraint, problemRange(parameter, problem),
                               "parameter '" + parameter.name.text + "': " + problem.message);
  const ir::Node *defaultNode = parameter.defaultValue;
  if (!defaultNode || ir::resolve(defaultNode)->isNull())
    return;
  auto value = literalValue(defaultNode);
  if (!value)
    return;
  if (spec->type == runtime::ParameterType::List && value->isScalar()) {
    // Official templates do this and OOS accepts it; it works by accident
    // (the API takes the text), so it is a warning, and the element is
    // still checked as a one-item list.
    context.diagnostics.report(RuleId::ParameterConstraint, Severity::Warning, defaultNode->range,
                               "Default of List parameter '" + parameter.name.text +
                                   "' is a single value, not a list; write it as [" +
                                   value->toDisplayString() + "]");
    value = runtime::Value(runtime::Value::List{std::move(*value)});
  }
  for (const runtime::ConstraintViolation &violation :
       runtime::checkValue(*spec, *value, context.patterns))
    context.diagnostics.report(RuleId::ParameterConstraint, defaultNode->range,
                               "Default of parameter '" + parameter.name.text +
                                   "': " + violation.message);
}

} // namespace

void checkParameterConstraints(AnalysisContext &context) {
  for (const ir::Parameter &parameter : context.tmpl.parameters)
    checkParameter(context, parameter);
}

} // namespace oosc::analysis
