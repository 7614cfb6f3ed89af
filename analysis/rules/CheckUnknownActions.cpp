//===- CheckUnknownActions.cpp - Every Action names an action OOS has -------===//
//
// Rule `unknown-action`: the Action of a task is a built-in action or a
// cloud-product action of the catalogue (oosc/runtime/ActionCatalogue.h),
// compared without case as OOS does. A misspelling gets the closest name;
// names that exist only in people's (and language models') imagination get
// the action that does the job.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "oosc/runtime/ActionCatalogue.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

/// Actions that do not exist but are often written (oos-spec.md section 7),
/// and what to use instead.
struct Imagined {
  std::string_view name;
  std::string_view advice;
};

constexpr Imagined kImagined[] = {
    {"ACS::RunCommand", "use 'ACS::ECS::RunCommand'"},
    {"ACS::ExecuteScript", "use 'ACS::ECS::RunCommand'"},
    {"ACS::Flow::ForEach", "give the task a Loop with Items instead"},
    {"ACS::Flow::Repeat", "give the task a Loop with Items instead"},
    {"ACS::Parallel", "give the task a Loop with RateControl Concurrency instead"},
    {"ACS::WaitForUserAction", "use 'ACS::Approve' or 'ACS::Pause'"},
};

const std::vector<std::string_view> &actionNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> all;
    for (const runtime::ActionDoc &action : runtime::actionCatalogue())
      all.push_back(action.name);
    return all;
  }();
  return names;
}

void reportUnknown(AnalysisContext &context, const ir::Task &task) {
  const ir::Node *node = task.actionNode;
  std::string message = "unknown action '" + task.action + "'";
  for (const Imagined &imagined : kImagined)
    if (equalsIgnoreCase(imagined.name, task.action)) {
      context.diagnostics.report(RuleId::UnknownAction, node->range,
                                 message + ": OOS has no such action; " + std::string(imagined.advice));
      return;
    }
  if (auto suggestion = suggestName(task.action, actionNames())) {
    Diagnostic &diagnostic = context.diagnostics.report(
        RuleId::UnknownAction, node->range, message + "; did you mean '" + *suggestion + "'?");
    diagnostic.fix(node->range, *suggestion);
    return;
  }
  // A three-part name may be a product action newer than the catalogue.
  bool productForm = task.action.find("::", task.action.find("::") + 2) != std::string::npos;
  context.diagnostics.report(
      RuleId::UnknownAction, node->range,
      message + (productForm ? ": not one of the " + std::to_string(actionNames().size()) +
                                   " built-in and cloud-product actions oosc knows"
                             : ": not a built-in action (product actions are written "
                               "ACS::<Product>::<Name>)"));
}

} // namespace

void checkUnknownActions(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks) {
    const ir::Node *node = ir::resolve(task.actionNode);
    if (!node || !node->isScalar() || task.action.empty() || isComputed(node))
      continue;
    // Without the ACS:: prefix it is no OOS action at all: `schema` says so.
    if (!equalsIgnoreCase(std::string_view(task.action).substr(0, 5), "ACS::"))
      continue;
    if (!runtime::findAction(task.action) && !(context.templates && context.templates->findAction(task.action)))
      reportUnknown(context, task);
  }
}

} // namespace oosc::analysis
