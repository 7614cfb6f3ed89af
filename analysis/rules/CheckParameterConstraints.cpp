//===- CheckParameterConstraints.cpp - Defaults obey their constraints -----===//
//
// Rule `parameter-constraint`. The checks themselves live in the runtime
// library (oosc/runtime/ParameterConstraints.h), so a runner rejects a bad
// command-line value with the same words the linter uses for a bad Default.
//
//===----------------------------------------------------------------------===//
#include "analysis/LiteralValue.h"
#include "analysis/Rules.h"
#include "oosc/runtime/ParameterConstraints.h"

#include <cmath>

namespace oosc::analysis {
namespace {

using runtime::ConstraintKind;

/// A constraint node and the spec field it fills.
struct SpecReader {
  const ir::Parameter &parameter;

  std::optional<int64_t> integer(const ir::Node *node) const {
    auto value = literalValue(node);
    if (!node || !value || !value->isNumber())
      return std::nullopt;
    double number = value->getNumber();
    if (number != std::floor(number))
      return std::nullopt;
    return static_cast<int64_t>(number);
  }

  std::optional<double> number(const ir::Node *node) const {
    auto value = literalValue(node);
    if (!node || !value || !value->isNumber())
      return std::nullopt;
    return value->getNumber();
  }

  /// Nothing when the parameter's constraints are not literal enough to check.
  std::optional<runtime::ParameterSpec> read() const {
    auto type = runtime::parseParameterType(parameter.type);
    if (!type)
      return std::nullopt; // reported by the schema rule
    runtime::ParameterSpec spec;
    spec.name = parameter.name.text;
    spec.type = *type;
    if (const ir::Node *allowed = ir::resolve(parameter.allowedValues);
        allowed && allowed->isSequence()) {
      auto values = literalValue(allowed);
      if (!values)
        return std::nullopt;
      spec.allowedValues = values->getList();
    }
    if (const ir::Node *pattern = ir::resolve(parameter.allowedPattern);
        pattern && pattern->isScalar())
      spec.allowedPattern = pattern->value;
    spec.minLength = integer(parameter.minLength);
    spec.maxLength = integer(parameter.maxLength);
    spec.minValue = number(parameter.minValue);
    spec.maxValue = number(parameter.maxValue);
    return spec;
  }
};

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
  auto spec = SpecReader{parameter}.read();
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
