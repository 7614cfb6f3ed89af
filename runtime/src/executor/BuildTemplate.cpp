//===- BuildTemplate.cpp - TemplateDef from a generated template's tables -===//
#include "oosc/runtime/impl/Generated.h"
#include "oosc/runtime/NumberRanges.h"

#include <cmath>

namespace oosc::runtime::impl {
namespace {

std::optional<Jump> jumpOf(const JumpRow &row) {
  if (row.kind < 0)
    return std::nullopt;
  return Jump{static_cast<Jump::Kind>(row.kind), row.task, row.dynamic};
}

ParameterDef parameterOf(const ParameterRow &row) {
  ParameterDef parameter;
  parameter.name = std::string(row.name);
  parameter.spec.name = parameter.name;
  parameter.spec.type = parseParameterType(row.type).value_or(ParameterType::String);
  if (!row.allowedValuesJson.empty())
    if (auto values = parseJson(row.allowedValuesJson); values && values->isList())
      parameter.spec.allowedValues = values->getList();
  if (row.hasPattern)
    parameter.spec.allowedPattern = std::string(row.pattern);
  // The linter refuses lengths that are not whole numbers within 2^53
  // (parameter-constraint); converting one past int64_t would be undefined.
  auto isLength = [](double length) { return std::fabs(length) <= kLargestExactInteger; };
  if (row.hasMinLength && isLength(row.minLength))
    parameter.spec.minLength = static_cast<int64_t>(row.minLength);
  if (row.hasMaxLength && isLength(row.maxLength))
    parameter.spec.maxLength = static_cast<int64_t>(row.maxLength);
  if (row.hasMinValue)
    parameter.spec.minValue = row.minValue;
  if (row.hasMaxValue)
    parameter.spec.maxValue = row.maxValue;
  parameter.defaultValue = row.defaultValue;
  parameter.description = std::string(row.description);
  parameter.secret = row.secret;
  parameter.association = std::string(row.association);
  if (!row.associationMetadataJson.empty())
    if (std::optional<Value> metadata = parseJson(row.associationMetadataJson))
      parameter.associationMetadata = std::move(*metadata);
  for (std::string_view rest = row.feeds; !rest.empty();) {
    size_t end = std::min(rest.find(';'), rest.size());
    parameter.feeds.emplace_back(rest.substr(0, end));
    rest = rest.substr(std::min(end + 1, rest.size()));
  }
  return parameter;
}

OutputDef outputOf(const OutputRow &row) {
  return {std::string(row.name), std::string(row.type), row.value};
}

TaskDef taskOf(const TaskRow &row) {
  TaskDef task;
  task.name = std::string(row.name);
  task.action = std::string(row.action);
  task.line = row.line;
  task.properties = row.properties;
  task.when = row.when;
  task.onSuccess = jumpOf(row.onSuccess);
  task.onError = jumpOf(row.onError);
  task.defaultTask = jumpOf(row.defaultTask);
  for (size_t i = 0; i < row.outputCount; ++i)
    task.outputs.push_back({std::string(row.outputs[i].name), std::string(row.outputs[i].type),
                            row.outputs[i].value});
  if (row.hasLoop) {
    task.loop = LoopDef{row.loopItems, row.rateControl, {}};
    for (size_t i = 0; i < row.loopOutputCount; ++i)
      task.loop->outputs.push_back({std::string(row.loopOutputs[i].name),
                                    std::string(row.loopOutputs[i].aggregateType),
                                    std::string(row.loopOutputs[i].aggregateField)});
  }
  for (size_t i = 0; i < row.choiceCount; ++i)
    if (auto next = jumpOf(row.choices[i].next))
      task.choices.push_back({row.choices[i].when, *next});
  task.retry = {row.retries, row.delay, row.delayType, row.backOff, row.maxRetryInterval};
  return task;
}

} // namespace

TemplateDef buildTemplate(const TemplateRow &row) {
  TemplateDef def;
  def.name = std::string(row.name);
  def.source = std::string(row.source);
  def.description = std::string(row.description);
  for (size_t i = 0; i < row.parameterCount; ++i)
    def.parameters.push_back(parameterOf(row.parameters[i]));
  for (size_t i = 0; i < row.taskCount; ++i)
    def.tasks.push_back(taskOf(row.tasks[i]));
  for (size_t i = 0; i < row.outputCount; ++i)
    def.outputs.push_back(outputOf(row.outputs[i]));
  return def;
}

} // namespace oosc::runtime::impl
