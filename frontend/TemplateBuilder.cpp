//===- TemplateBuilder.cpp --------------------------------------------------===//
#include "frontend/TemplateBuilder.h"

#include "support/Spelling.h"

namespace oosc::frontend {
namespace {

using ir::Node;

const Node *field(const Node *map, std::string_view key) {
  map = ir::resolve(map);
  return map && map->isMapping() ? ir::resolve(map->get(key)) : nullptr;
}

ir::Name nameOf(const Node *node) {
  if (!node || !node->isScalar())
    return {};
  return {node->value, node->range, node};
}

std::optional<ir::JumpTarget> jumpTarget(const Node *node) {
  if (!node || !node->isScalar())
    return std::nullopt;
  return ir::JumpTarget{node->value, node->range, node};
}

/// Entries of a mapping of declarations (`name: {...}`).
template <typename Add> void forEachDeclaration(const Node *map, Add &&add) {
  map = ir::resolve(map);
  if (!map || !map->isMapping())
    return;
  for (const ir::MapEntry &entry : map->entries)
    if (entry.key->isScalar())
      add(entry.key, ir::resolve(entry.value));
}

ir::Parameter buildParameter(const Node *key, const Node *decl) {
  ir::Parameter parameter;
  parameter.name = nameOf(key);
  parameter.decl = decl;
  parameter.typeNode = field(decl, "Type");
  if (parameter.typeNode && parameter.typeNode->isScalar())
    parameter.type = parameter.typeNode->value;
  parameter.defaultValue = field(decl, "Default");
  parameter.allowedValues = field(decl, "AllowedValues");
  parameter.allowedPattern = field(decl, "AllowedPattern");
  parameter.minLength = field(decl, "MinLength");
  parameter.maxLength = field(decl, "MaxLength");
  parameter.minValue = field(decl, "MinValue");
  parameter.maxValue = field(decl, "MaxValue");
  return parameter;
}

std::vector<ir::OutputDecl> buildOutputs(const Node *map, std::string_view valueKey) {
  std::vector<ir::OutputDecl> outputs;
  forEachDeclaration(map, [&](const Node *key, const Node *decl) {
    outputs.push_back({nameOf(key), decl, field(decl, "Type"), field(decl, valueKey)});
  });
  return outputs;
}

void buildChoices(ir::Task &task) {
  const Node *choices = field(task.properties, "Choices");
  if (choices && choices->isSequence())
    for (const Node *item : choices->items) {
      const Node *choice = ir::resolve(item);
      task.choices.push_back({field(choice, "When"), jumpTarget(field(choice, "NextTask"))});
    }
  task.defaultTask = jumpTarget(field(task.properties, "DefaultTask"));
}

ir::Task buildTask(const Node *decl, size_t index) {
  ir::Task task;
  task.index = index;
  task.decl = decl;
  task.name = nameOf(field(decl, "Name"));
  task.actionNode = field(decl, "Action");
  if (task.actionNode && task.actionNode->isScalar())
    task.action = task.actionNode->value;
  task.properties = field(decl, "Properties");
  task.when = field(decl, "When");
  task.onError = jumpTarget(field(decl, "OnError"));
  task.onSuccess = jumpTarget(field(decl, "OnSuccess"));
  task.outputs = buildOutputs(field(decl, "Outputs"), "ValueSelector");
  if (const Node *loop = field(decl, "Loop"); loop && loop->isMapping())
    task.loop = ir::Loop{loop, field(loop, "Items"), buildOutputs(field(loop, "Outputs"), "AggregateField")};
  if (task.isChoice())
    buildChoices(task);
  return task;
}

} // namespace

ir::Template buildTemplate(const Node *root) {
  ir::Template result;
  root = ir::resolve(root);
  result.root = root;
  if (!root || !root->isMapping())
    return result;
  result.formatVersion = field(root, "FormatVersion");
  if (result.formatVersion && result.formatVersion->isScalar() &&
      result.formatVersion->value == "OOS-2019-06-01-State")
    result.dialect = ir::Dialect::States;
  forEachDeclaration(field(root, "Parameters"), [&](const Node *key, const Node *decl) {
    result.parameters.push_back(buildParameter(key, decl));
  });
  if (const Node *tasks = field(root, "Tasks"); tasks && tasks->isSequence())
    for (const Node *item : tasks->items)
      if (const Node *decl = ir::resolve(item); decl && decl->isMapping())
        result.tasks.push_back(buildTask(decl, result.tasks.size()));
  result.outputs = buildOutputs(field(root, "Outputs"), "Value");
  return result;
}

} // namespace oosc::frontend
