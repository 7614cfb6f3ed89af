//===- SchemaWalk.cpp -------------------------------------------------------===//
#include "analysis/SchemaWalk.h"

#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using ir::Node;

const Node *field(const Node *map, std::string_view key) {
  return map && map->isMapping() ? ir::resolve(map->get(key)) : nullptr;
}

using Visit = std::function<void(const LevelSite &)>;

void visitMap(const Node *node, const Node *owner, const LevelSpec &level, const Visit &visit) {
  node = ir::resolve(node);
  if (node && node->isMapping() && node->functionName().empty())
    visit({node, owner, &level});
}

void visitEntries(const Node *map, const LevelSpec &level, const Visit &visit) {
  if (!map || !map->isMapping())
    return;
  for (const ir::MapEntry &entry : map->entries)
    visitMap(entry.value, entry.key, level, visit);
}

void visitTask(const Node *task, const Visit &visit) {
  visitMap(task, task, taskLevel(), visit);
  visitEntries(field(task, "Outputs"), taskOutputLevel(), visit);
  if (const Node *loop = field(task, "Loop")) {
    visitMap(loop, loop, loopLevel(), visit);
    visitMap(field(loop, "RateControl"), loop, rateControlLevel(), visit);
    visitEntries(field(loop, "Outputs"), loopOutputLevel(), visit);
  }
  const Node *action = field(task, "Action");
  if (action && action->isScalar() && equalsIgnoreCase(action->value, "ACS::Choice")) {
    const Node *choices = field(field(task, "Properties"), "Choices");
    if (choices && choices->isSequence())
      for (const Node *choice : choices->items)
        visitMap(choice, choice, choiceLevel(), visit);
  }
}

} // namespace

void forEachLevel(const ir::Template &tmpl, const Visit &visit) {
  const Node *root = tmpl.root;
  if (!root || !root->isMapping())
    return;
  visit({root, root,
         tmpl.dialect == ir::Dialect::States ? &stateTemplateLevel() : &templateLevel()});
  visitEntries(field(root, "Parameters"), parameterLevel(), visit);
  if (const Node *tasks = field(root, "Tasks"); tasks && tasks->isSequence())
    for (const Node *task : tasks->items)
      visitTask(ir::resolve(task), visit);
  visitEntries(field(root, "Outputs"), templateOutputLevel(), visit);
}

bool isComputed(const Node *node) {
  node = ir::resolve(node);
  if (!node)
    return false;
  if (node->isScalar())
    return node->value.find("{{") != std::string::npos;
  return !node->functionName().empty();
}

std::string_view describeShape(const Node *node) {
  node = ir::resolve(node);
  if (!node || node->isNull())
    return "empty";
  if (isComputed(node))
    return "an expression";
  if (node->isMapping())
    return "a mapping";
  if (node->isSequence())
    return "a list";
  return "a scalar";
}

} // namespace oosc::analysis
