//===- CheckReachability.cpp - Tasks that no path reaches ------------------===//
//
// Rule `unreachable-task`: a graph search from the first task over
// fall-through, OnSuccess, OnError, When-skip and Choice edges.
//
//===----------------------------------------------------------------------===//
#include "analysis/ControlFlow.h"
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkReachability(AnalysisContext &context) {
  const std::vector<ir::Task> &tasks = context.tmpl.tasks;
  if (tasks.empty())
    return;
  std::vector<bool> reached =
      reachableFrom(0, successors(context.tmpl, context.symbols), tasks.size() + 1);
  for (const ir::Task &task : tasks)
    if (!reached[task.index] && task.name.node)
      context.diagnostics.report(RuleId::UnreachableTask, task.name.range,
                                 "task '" + task.name.text +
                                     "' can never run: no path from the first task reaches it");
}

} // namespace oosc::analysis
