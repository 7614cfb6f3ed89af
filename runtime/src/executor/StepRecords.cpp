//===- StepRecords.cpp ------------------------------------------------------===//
#include "executor/StepRecords.h"

#include "executor/Progress.h"
#include "oosc/runtime/Journal.h"

#include <chrono>
#include <iostream>

namespace oosc::runtime {
namespace {

double wallClockNow() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

void warnIfFailed(const Outcome<bool> &written) {
  if (!written)
    std::cerr << "warning: " << written.error().message << '\n';
}

void record(ExecutionState &state, const JournalStep &step) {
  if (Journal *journal = state.environment.journal)
    warnIfFailed(journal->recordStep(state.executionId, step));
}

/// The parameters as the journal keeps them: secret values masked.
std::string maskedParameters(const TemplateDef &def, const std::vector<Value> &values) {
  Value shown(Value::Map{});
  for (size_t i = 0; i < def.parameters.size() && i < values.size(); ++i)
    shown.set(def.parameters[i].name, def.parameters[i].secret ? Value("******") : values[i]);
  return shown.toJson();
}

} // namespace

void executionStarted(RunEnvironment &environment, const TemplateDef &def,
                      const std::vector<Value> &parameters, const std::string &id,
                      const std::string &parentId) {
  if (Journal *journal = environment.journal)
    warnIfFailed(journal->beginExecution({id, def.name, maskedParameters(def, parameters),
                                          "Automatic", "Running", parentId, "{}", "",
                                          wallClockNow(), 0}));
}

void executionEnded(RunEnvironment &environment, const std::string &id,
                    const ExecutionOutcome &outcome) {
  if (Journal *journal = environment.journal)
    warnIfFailed(journal->finishExecution(id, std::string(executionStatusName(outcome.status)),
                                          outcome.outputs.toJson(), outcome.error, wallClockNow()));
}

void taskEnded(ExecutionState &state, const TaskDef &task, size_t index, TaskStatus status,
               double seconds, const std::string &error) {
  state.environment.progress.task(state, task, status, seconds, error);
  if (!state.environment.journal)
    return;
  Value outputs(Value::Map{});
  {
    std::lock_guard<std::mutex> lock(state.mutex);
    for (const auto &[name, value] : state.tasks[index].outputs)
      outputs.set(name, value);
  }
  double now = wallClockNow();
  record(state, {task.name, -1, std::string(taskStatusName(status)), outputs.toJson(), error,
                 now - seconds, now});
}

void apiCalled(ExecutionState &state, const TaskDef &task, const std::string &service,
               const std::string &api, const std::string &requestId, const std::string &result) {
  if (Journal *journal = state.environment.journal)
    warnIfFailed(journal->recordApiCall(state.executionId,
                                        {task.name, service, api, requestId, result, wallClockNow()}));
}

void loopItemEnded(ExecutionState &state, const TaskDef &task, size_t item, size_t items, bool ok,
                   const std::string &error, const Value &outputs, double seconds) {
  state.environment.progress.loopItem(state, task, item, items, ok, error);
  double now = wallClockNow();
  record(state, {task.name, static_cast<int>(item), ok ? "Success" : "Failed", outputs.toJson(),
                 error, now - seconds, now});
}

} // namespace oosc::runtime
