//===- CheckDuplicateTasks.cpp - Task names are unique ---------------------===//
//
// Rule `duplicate-name` for tasks. OOS resolves task names without case, so
// two names that differ only in case are as ambiguous as two equal ones.
// (Duplicate keys in a mapping are found by the frontend.)
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "support/Spelling.h"

#include <unordered_map>

namespace oosc::analysis {

void checkDuplicateTasks(AnalysisContext &context) {
  std::unordered_map<std::string, const ir::Task *> seen;
  for (const ir::Task &task : context.tmpl.tasks) {
    if (!task.name.node)
      continue;
    auto [it, inserted] = seen.emplace(foldCase(task.name.text), &task);
    if (inserted)
      continue;
    const ir::Task &first = *it->second;
    std::string message = first.name.text == task.name.text
                              ? "duplicate task name '" + task.name.text + "'"
                              : "task name '" + task.name.text + "' differs from task '" +
                                    first.name.text +
                                    "' only in case; OOS resolves task names without case";
    context.diagnostics.report(RuleId::DuplicateName, task.name.range, message)
        .note(first.name.range, "first defined here");
  }
}

} // namespace oosc::analysis
