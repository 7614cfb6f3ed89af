//===- CheckReachability.cpp - Tasks that no path reaches ------------------===//
//
// Rule `unreachable-task`: a breadth-first search from the first task over
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
  std::vector<std::vector<size_t>> edges = successors(context.tmpl, context.symbols);
  std::vector<bool> reached(tasks.size() + 1, false);
  std::vector<size_t> queue{0};
  reached[0] = true;
  for (size_t next = 0; next < queue.size(); ++next) {
    size_t current = queue[next];
    if (current == tasks.size())
      continue;
    for (size_t successor : edges[current])
      if (successor <= tasks.size() && !reached[successor]) {
        reached[successor] = true;
        queue.push_back(successor);
      }
  }
  for (const ir::Task &task : tasks)
    if (!reached[task.index] && task.name.node)
      context.diagnostics.report(RuleId::UnreachableTask, task.name.range,
                                 "task '" + task.name.text +
                                     "' can never run: no path from the first task reaches it");
}

} // namespace oosc::analysis
