//===- References.cpp -------------------------------------------------------===//
#include "analysis/References.h"

#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

/// Keys whose values OOS shows to people but never evaluates.
bool isDocumentationKey(std::string_view key) {
  return key == "Description" || key == "Label" || key == "Metadata" ||
         key == "AssociationPropertyMetadata" || key == "ConstraintDescription";
}

class Collector {
public:
  explicit Collector(std::vector<ReferenceSite> &sites) : sites_(sites) {}

  void collect(const ir::Node *node, const ir::Task *task, bool inLoop) {
    ir::forEachNode(node, [&](const ir::Node &current) {
      if (current.interpolation)
        for (const ir::Reference *reference : current.interpolation->references())
          sites_.push_back({reference, task, inLoop});
    });
  }

  /// Like collect(), but skips documentation keys and inline child templates
  /// at any depth of a task or template.
  void collectEvaluated(const ir::Node *node, const ir::Task *task, bool inLoop) {
    if (!node)
      return;
    if (node->interpolation)
      collect(node, task, inLoop);
    for (const ir::MapEntry &entry : node->entries) {
      std::string_view key = entry.key->isScalar() ? std::string_view(entry.key->value) : "";
      if (isDocumentationKey(key) || key == "TemplateContent")
        continue;
      collect(entry.key, task, inLoop);
      collectEvaluated(entry.value, task, inLoop);
    }
    for (const ir::Node *item : node->items)
      collectEvaluated(item, task, inLoop);
  }

private:
  std::vector<ReferenceSite> &sites_;
};

} // namespace

std::vector<ReferenceSite> collectReferences(const ir::Template &tmpl) {
  std::vector<ReferenceSite> sites;
  Collector collector(sites);
  for (const ir::Parameter &parameter : tmpl.parameters)
    collector.collect(parameter.defaultValue, nullptr, false);
  if (tmpl.root && tmpl.root->isMapping()) {
    collector.collect(ir::resolve(tmpl.root->get("RamRole")), nullptr, false);
    collector.collectEvaluated(ir::resolve(tmpl.root->get("States")), nullptr, false);
  }
  for (const ir::Task &task : tmpl.tasks)
    for (const ir::MapEntry &entry : task.decl->entries) {
      std::string_view key = entry.key->isScalar() ? std::string_view(entry.key->value) : "";
      // Name, Action and jump targets are names, not evaluated text.
      if (key == "Name" || key == "Action" || key == "OnError" || key == "OnSuccess" ||
          isDocumentationKey(key))
        continue;
      collector.collectEvaluated(entry.value, &task, task.loop.has_value());
    }
  for (const ir::OutputDecl &output : tmpl.outputs)
    collector.collectEvaluated(output.decl, nullptr, false);
  return sites;
}

} // namespace oosc::analysis
