//===- JqScripts.cpp --------------------------------------------------------===//
#include "analysis/JqScripts.h"

#include "frontend/JqSyntax.h"
#include "oosc/runtime/Selector.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using ir::Node;

using ir::property;

void addScalar(std::vector<JqScriptSite> &sites, const Node *node, bool isSelector, std::string what) {
  node = ir::resolve(node);
  if (node && node->isScalar())
    sites.push_back({node, isSelector, std::move(what)});
}

void collectTaskSelectors(const ir::Task &task, std::vector<JqScriptSite> &sites) {
  for (const ir::OutputDecl &output : task.outputs)
    addScalar(sites, output.value, true, "ValueSelector of output '" + output.name.text + "'");
  if (equalsIgnoreCase(task.action, "ACS::WaitFor") || equalsIgnoreCase(task.action, "ACS::CheckFor"))
    addScalar(sites, property(task.properties, "PropertySelector"), true, "PropertySelector");
  if (!equalsIgnoreCase(task.action, "ACS::ExecuteHttpRequest"))
    return;
  for (std::string_view check : {"CheckFor", "WaitFor"}) {
    const Node *rules = property(property(task.properties, check), "Rules");
    if (!rules || !rules->isSequence())
      continue;
    for (const Node *rule : rules->items)
      addScalar(sites, property(rule, "PropertySelector"), true,
                "PropertySelector of a " + std::string(check) + " rule");
  }
}

/// Fn::Jq: [First|All, script, value]. ROS template bodies are left to ROS.
void collectJqCalls(const Node *node, std::vector<JqScriptSite> &sites) {
  node = ir::resolve(node);
  if (!node)
    return;
  if (node->isMapping() && node->functionName() == "Fn::Jq") {
    const Node *arguments = ir::resolve(node->entries[0].value);
    if (arguments && arguments->isSequence() && arguments->items.size() >= 2)
      addScalar(sites, arguments->items[1], false, "Fn::Jq script");
  }
  for (const ir::MapEntry &entry : node->entries)
    if (!(entry.key && entry.key->isScalar() && entry.key->value == "TemplateBody"))
      collectJqCalls(entry.value, sites);
  for (const Node *item : node->items)
    collectJqCalls(item, sites);
}

} // namespace

std::vector<JqScriptSite> collectJqScripts(const ir::Template &tmpl) {
  std::vector<JqScriptSite> sites;
  for (const ir::Task &task : tmpl.tasks)
    collectTaskSelectors(task, sites);
  collectJqCalls(tmpl.root, sites);
  return sites;
}

PreparedJqScript prepareJqScript(const JqScriptSite &site) {
  // OOS renders `{{ }}` first; the runner then adds the dot (TaskOutputs.cpp).
  PreparedJqScript prepared{frontend::standInTemplateReferences(site.scalar->value)};
  if (!site.isSelector)
    return prepared;
  std::string normalized = runtime::normalizeSelector(prepared.text);
  if (normalized.size() == prepared.text.size() + 1)
    prepared.insertedDot = normalized.find_first_not_of(" \t\r\n");
  prepared.text = std::move(normalized);
  return prepared;
}

} // namespace oosc::analysis
