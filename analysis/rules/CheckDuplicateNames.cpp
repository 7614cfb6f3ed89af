//===- CheckDuplicateNames.cpp - Declared names are unique -----------------===//
//
// Rule `duplicate-name` for tasks, parameters and each task's outputs. OOS
// resolves these names without case, so two names that differ only in case
// are as ambiguous as two equal ones. (Exact duplicate keys in a mapping are
// found by the frontend, which sees them before YAML drops one.)
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "support/Spelling.h"

#include <unordered_map>

namespace oosc::analysis {
namespace {

/// Reports each name whose folded spelling was seen before. (An exact
/// repeat within one mapping never gets here: the frontend reported it and
/// kept the first.)
class UniqueNames {
public:
  UniqueNames(AnalysisContext &context, std::string_view what) : context_(context), what_(what) {}

  void add(const ir::Name &name) {
    if (!name.node)
      return;
    auto [it, inserted] = seen_.emplace(foldCase(name.text), &name);
    if (inserted)
      return;
    const ir::Name &first = *it->second;
    bool exact = first.text == name.text;
    std::string message = exact ? "duplicate " + std::string(what_) + " name '" + name.text + "'"
                                : std::string(what_) + " name '" + name.text + "' differs from " +
                                      std::string(what_) + " '" + first.text +
                                      "' only in case; OOS resolves " + std::string(what_) +
                                      " names without case";
    context_.diagnostics.report(RuleId::DuplicateName, name.range, message)
        .note(first.range, "first defined here");
  }

private:
  AnalysisContext &context_;
  std::string_view what_;
  std::unordered_map<std::string, const ir::Name *> seen_;
};

} // namespace

void checkDuplicateNames(AnalysisContext &context) {
  UniqueNames tasks(context, "task");
  for (const ir::Task &task : context.tmpl.tasks) {
    tasks.add(task.name);
    // A loop output usually has the name of the task output it aggregates,
    // and then shadows it; only names within one Outputs map can clash.
    UniqueNames outputs(context, "output");
    for (const ir::OutputDecl &output : task.outputs)
      outputs.add(output.name);
    UniqueNames loopOutputs(context, "output");
    if (task.loop)
      for (const ir::OutputDecl &output : task.loop->outputs)
        loopOutputs.add(output.name);
  }
  UniqueNames parameters(context, "parameter");
  for (const ir::Parameter &parameter : context.tmpl.parameters)
    parameters.add(parameter.name);
}

} // namespace oosc::analysis
