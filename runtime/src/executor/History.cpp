//===- History.cpp ----------------------------------------------------------===//
#include "executor/History.h"

#include "oosc/runtime/Journal.h"

namespace oosc::runtime {
namespace {

Value parseOutputs(const std::string &json) {
  std::optional<Value> value = parseJson(json);
  return value && value->isMap() ? std::move(*value) : Value(Value::Map{});
}

StepHistory fromStep(const JournalStep &step) {
  return {parseTaskStatus(step.status), parseOutputs(step.outputsJson), step.error,
          static_cast<unsigned>(std::max(1, step.run))};
}

} // namespace

TaskStatus parseTaskStatus(std::string_view name) {
  for (TaskStatus status : {TaskStatus::NotRun, TaskStatus::Running, TaskStatus::Success,
                            TaskStatus::Failed, TaskStatus::Skipped, TaskStatus::Cancelled})
    if (taskStatusName(status) == name)
      return status;
  return TaskStatus::NotRun;
}

const StepHistory *ExecutionHistory::item(const std::string &task, size_t item, unsigned run) const {
  auto found = items.find({task, static_cast<int>(item)});
  return found != items.end() && found->second.run == run ? &found->second : nullptr;
}

Outcome<ExecutionHistory> loadHistory(Journal &journal, const std::string &id, const TemplateDef &def) {
  auto execution = journal.execution(id);
  if (!execution)
    return execution.error();
  if (!execution.value())
    return fail("no execution '" + id + "' in " + journal.path());
  ExecutionHistory history;
  int cursor = execution.value()->cursor;
  if (cursor >= 0 && static_cast<size_t>(cursor) < def.tasks.size())
    history.cursor = static_cast<size_t>(cursor);
  history.tasks.resize(def.tasks.size());
  auto steps = journal.steps(id);
  if (!steps)
    return steps.error();
  for (const JournalStep &step : steps.value()) {
    if (step.loopItem >= 0) {
      history.items[{step.task, step.loopItem}] = fromStep(step);
      continue;
    }
    for (size_t i = 0; i < def.tasks.size(); ++i)
      if (def.tasks[i].name == step.task)
        history.tasks[i] = fromStep(step);
  }
  auto calls = journal.apiCalls(id);
  if (!calls)
    return calls.error();
  for (const JournalApiCall &call : calls.value())
    if (!call.key.empty())
      history.calls[call.key] = {call.result, call.requestId, call.row};
  return history;
}

} // namespace oosc::runtime
