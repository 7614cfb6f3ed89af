//===- References.cpp -------------------------------------------------------===//
#include "analysis/References.h"

namespace oosc::analysis {
namespace {

/// Scope of the references being collected.
struct Scope {
  const ir::Task *task = nullptr;
  bool inLoop = false;
  bool inTemplateOutputs = false;
};

class Collector {
public:
  explicit Collector(std::vector<ReferenceSite> &sites) : sites_(sites) {}

  /// Every reference below `node`, except inside an inline child template
  /// (ACS::Template's TemplateContent), whose names belong to the child.
  void collect(const ir::Node *node, const Scope &scope) {
    if (!node)
      return;
    if (node->interpolation)
      for (const ir::Reference *reference : node->interpolation->references())
        sites_.push_back({reference, scope.task, scope.inLoop, scope.inTemplateOutputs});
    for (const ir::MapEntry &entry : node->entries) {
      if (entry.key->isScalar() && entry.key->value == "TemplateContent")
        continue;
      collect(entry.key, scope);
      collect(entry.value, scope);
    }
    for (const ir::Node *item : node->items)
      collect(item, scope);
  }

  void collectTask(const ir::Task &task) {
    Scope scope{&task, task.loop.has_value(), false};
    for (const ir::MapEntry &entry : task.decl->entries) {
      std::string_view key = entry.key->isScalar() ? std::string_view(entry.key->value) : "";
      // Names are not evaluated text; Description is for people. (Jump
      // targets are names too, but one computed with {{ }} is evaluated.)
      if (key == "Name" || key == "Action" || key == "Description")
        continue;
      // Items and the rate control are evaluated before any item exists.
      collect(entry.value, key == "Loop" ? Scope{&task, false, false} : scope);
    }
  }

private:
  std::vector<ReferenceSite> &sites_;
};

} // namespace

std::vector<ReferenceSite> collectReferences(const ir::Template &tmpl) {
  std::vector<ReferenceSite> sites;
  Collector collector(sites);
  for (const ir::Parameter &parameter : tmpl.parameters)
    collector.collect(parameter.defaultValue, {});
  if (tmpl.root && tmpl.root->isMapping()) {
    collector.collect(ir::resolve(tmpl.root->get("RamRole")), {});
    collector.collect(ir::resolve(tmpl.root->get("States")), {});
    collector.collect(ir::resolve(tmpl.root->get("Conditions")), {});
  }
  for (const ir::Task &task : tmpl.tasks)
    collector.collectTask(task);
  for (const ir::OutputDecl &output : tmpl.outputs)
    collector.collect(output.value, {nullptr, false, true});
  return sites;
}

} // namespace oosc::analysis
