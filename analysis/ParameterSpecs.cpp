//===- ParameterSpecs.cpp ---------------------------------------------------===//
#include "analysis/ParameterSpecs.h"

#include "analysis/LiteralValue.h"
#include "oosc/runtime/MessageText.h"
#include "oosc/runtime/NumberRanges.h"

#include <cmath>

namespace oosc::analysis {
namespace {

std::optional<double> number(const ir::Node *node) {
  auto value = literalValue(node);
  if (!node || !value || !value->isNumber())
    return std::nullopt;
  return value->getNumber();
}

std::optional<int64_t> integer(const ir::Node *node) {
  auto value = number(node);
  if (!value || *value != std::floor(*value) || std::fabs(*value) > runtime::kLargestExactInteger)
    return std::nullopt;
  return static_cast<int64_t>(*value);
}

} // namespace

std::optional<runtime::ParameterSpec> parameterSpec(const ir::Parameter &parameter) {
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

std::optional<std::string> lengthProblem(std::string_view property, const ir::Node *node) {
  const ir::Node *resolved = ir::resolve(node);
  if (!number(node) || integer(node))
    return std::nullopt;
  return std::string(property) +
         " must be a whole number of characters from -2^53 to 2^53, not " +
         runtime::quoteCut(resolved->value);
}

} // namespace oosc::analysis
