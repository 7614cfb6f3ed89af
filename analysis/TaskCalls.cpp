//===- TaskCalls.cpp --------------------------------------------------------===//
#include "analysis/TaskCalls.h"

#include "analysis/SchemaWalk.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

bool isTemplateAction(std::string_view action) {
  return equalsIgnoreCase(action, "ACS::Template");
}

using ir::property;

/// The child an ACS::Template names with a literal TemplateName: a template
/// of the run first (a user's own), else a product action of that name.
const Callee *childOf(const ir::Task &task, const TemplateLibrary *templates) {
  const ir::Node *name = property(task.properties, "TemplateName");
  if (!name || !name->isScalar() || isComputed(name) || name->value.empty())
    return nullptr;
  if (templates)
    if (const Callee *child = templates->find(name->value))
      return child;
  if (templates)
    if (const Callee *defined = templates->findAction(name->value))
      return defined;
  const runtime::ActionDoc *doc = runtime::findAction(name->value);
  return doc && runtime::isProductAction(*doc) ? findActionCallee(name->value) : nullptr;
}

/// A task without Properties but with a key that is a misspelling of it:
/// `schema` reports the key, and every property would look missing.
bool hasMisspeltProperties(const ir::Task &task) {
  const ir::Node *decl = ir::resolve(task.decl);
  if (task.properties || !decl || !decl->isMapping())
    return false;
  for (const ir::MapEntry &entry : decl->entries)
    if (entry.key && editDistanceIgnoreCase(entry.key->value, "Properties") <= 2)
      return true;
  return false;
}

SourceRange anchorOf(const ir::Task &task) {
  if (task.actionNode)
    return task.actionNode->range;
  return task.name.range;
}

} // namespace

std::vector<PropertyCall> propertyCalls(const ir::Task &task, const TemplateLibrary *templates) {
  std::vector<PropertyCall> calls;
  if (task.action.empty() || task.action.find("{{") != std::string::npos ||
      hasMisspeltProperties(task))
    return calls;
  const Callee *action = findActionCallee(task.action, templates);
  if (!action)
    return calls; // unknown-action reports it
  calls.push_back({action, ir::resolve(task.properties), anchorOf(task)});
  if (isTemplateAction(task.action))
    if (const Callee *child = childOf(task, templates)) {
      const ir::Node *parameters = property(task.properties, "Parameters");
      const ir::Node *name = property(task.properties, "TemplateName");
      calls.push_back({child, parameters, name ? name->range : anchorOf(task)});
    }
  return calls;
}

const Callee *outputSource(const ir::Task &task, const TemplateLibrary *templates) {
  if (isTemplateAction(task.action))
    return childOf(task, templates);
  if (templates)
    if (const Callee *defined = templates->findAction(task.action))
      return defined;
  const runtime::ActionDoc *doc = runtime::findAction(task.action);
  if (!doc || !runtime::isProductAction(*doc))
    return nullptr;
  return findActionCallee(task.action);
}

} // namespace oosc::analysis
