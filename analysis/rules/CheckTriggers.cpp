//===- CheckTriggers.cpp - A trigger is the first task, and the only one --===//
//
// Rule `trigger` (oos-spec.md 7.10): at most one trigger per template, and
// it must be the first task.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "oosc/runtime/ActionCatalogue.h"

namespace oosc::analysis {
namespace {

bool isTriggerAction(std::string_view action) {
  const runtime::ActionDoc *doc = runtime::findAction(action);
  return doc && doc->kind == runtime::ActionKind::Trigger;
}

} // namespace

void checkTriggers(AnalysisContext &context) {
  const ir::Task *first = nullptr;
  for (const ir::Task &task : context.tmpl.tasks) {
    if (!isTriggerAction(task.action) || !task.actionNode)
      continue;
    if (first) {
      context.diagnostics
          .report(RuleId::Trigger, task.actionNode->range, "a template has at most one trigger")
          .note(first->actionNode->range, "the first trigger is here");
      continue;
    }
    first = &task;
    if (task.index != 0)
      context.diagnostics.report(RuleId::Trigger, task.actionNode->range,
                                 "a trigger must be the first task; '" + task.name.text + "' is task " +
                                     std::to_string(task.index + 1));
  }
}

} // namespace oosc::analysis
