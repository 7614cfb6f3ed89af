//===- CheckCycles.cpp - Every reachable task can reach the end ------------===//
//
// Rule `cycle-without-exit`: on the task graph (ControlFlow.h), the tasks
// the first task reaches but from which no path leads to the end, by
// success or by a failure nothing handles. Computed backwards from the end,
// once: no path enumeration.
//
//===----------------------------------------------------------------------===//
#include "analysis/ControlFlow.h"
#include "analysis/Rules.h"
#include "support/Spelling.h"

namespace oosc::analysis {

void checkCycles(AnalysisContext &context) {
  const std::vector<ir::Task> &tasks = context.tmpl.tasks;
  if (tasks.empty())
    return;
  size_t end = tasks.size();
  std::vector<std::vector<size_t>> edges = successors(context.tmpl, context.symbols);
  std::vector<std::vector<size_t>> predecessors(end + 1);
  for (size_t from = 0; from < end; ++from)
    for (size_t to : edges[from])
      predecessors[std::min(to, end)].push_back(from);
  // A task that can fail and has no OnError ends the execution (Failed)
  // when it fails: that is a way out too. Sleep and Choice do not fail.
  for (const ir::Task &task : tasks)
    if (!task.onError && !equalsIgnoreCase(task.action, "ACS::Sleep") && !task.isChoice())
      predecessors[end].push_back(task.index);
  std::vector<bool> reachable = reachableFrom(0, edges, end + 1);
  std::vector<bool> canFinish = reachableFrom(end, predecessors, end + 1);
  for (const ir::Task &task : tasks)
    if (reachable[task.index] && !canFinish[task.index] && task.name.node) {
      // One report for the first task of such a loop is enough to see it.
      context.diagnostics.report(RuleId::CycleWithoutExit, task.name.range,
                                 "from task '" + task.name.text +
                                     "' no path reaches the end: its jumps only lead back to it");
      return;
    }
}

} // namespace oosc::analysis
