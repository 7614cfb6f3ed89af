//===- StepRecords.cpp ------------------------------------------------------===//
#include "executor/StepRecords.h"

#include "executor/Progress.h"
#include "executor/Steering.h"
#include "oosc/runtime/Journal.h"
#include "text/MessageText.h"

#include <chrono>
#include <csignal>
#include <iostream>
#include <unistd.h>

namespace oosc::runtime {
namespace {

double wallClockNow() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

template <typename T> void checkWritten(RunEnvironment &environment, const Outcome<T> &written) {
  if (!written)
    reportJournalFailure(environment.cancellation, written.error());
}

void record(ExecutionState &state, const JournalStep &step, std::optional<int> cursor = std::nullopt) {
  if (Journal *journal = state.environment.journal)
    checkWritten(state.environment, journal->recordStep(state.executionId, step, cursor));
  if (KillSwitch *kill = state.environment.killSwitch)
    kill->recordWritten();
}

/// The parameters as the journal keeps them: secret ones masked, and so
/// is a parent's secret passed on in an ordinary one.
std::string maskedParameters(const RunEnvironment &environment, const TemplateDef &def,
                             const std::vector<Value> &values) {
  Value shown(Value::Map{});
  for (size_t i = 0; i < def.parameters.size() && i < values.size(); ++i)
    shown.set(def.parameters[i].name,
              def.parameters[i].secret ? Value("******") : environment.secrets.mask(values[i]));
  return shown.toJson();
}

} // namespace

std::string shownError(const SecretValues &secrets, const std::string &rawError) {
  return text::boundedMessage(secrets.maskText(rawError));
}

void reportJournalFailure(Cancellation *cancel, const Failure &failure) {
  if (cancel && cancel->journalLost.exchange(true))
    return;
  std::cerr << "error: " << failure.message
            << "; the execution stops at its next step (its cleanup runs as for SIGTERM)\n";
}

void executionStarted(RunEnvironment &environment, const TemplateDef &def,
                      const std::vector<Value> &parameters, const std::string &id,
                      const std::string &parentId) {
  if (Journal *journal = environment.journal)
    checkWritten(environment, journal->beginExecution({id, def.name, maskedParameters(environment, def, parameters),
                                          std::string(recordedMode(environment)), "Running",
                                          parentId, "{}", "", wallClockNow(), 0, 0, getpid(),
                                          runnerHostName()}));
}

void executionResumed(RunEnvironment &environment, const std::string &id) {
  if (Journal *journal = environment.journal)
    checkWritten(environment, journal->reopenExecution(id, getpid(), runnerHostName(),
                                          std::string(recordedMode(environment))));
}


void executionEnded(RunEnvironment &environment, const std::string &id,
                    const ExecutionOutcome &outcome) {
  if (Journal *journal = environment.journal)
    checkWritten(environment, journal->finishExecution(id, std::string(executionStatusName(outcome.status)),
                                          environment.secrets.mask(outcome.outputs).toJson(),
                                          shownError(environment.secrets, outcome.error), wallClockNow()));
}

void taskEnded(ExecutionState &state, const TaskDef &task, size_t index, TaskStatus status,
               double seconds, const std::string &rawError, std::optional<size_t> next) {
  const SecretValues &secrets = state.environment.secrets;
  std::string error = shownError(secrets, rawError);
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
  record(state,
         {task.name, -1, std::string(taskStatusName(status)), secrets.mask(outputs).toJson(), error,
          now - seconds,
          now, static_cast<int>(state.taskRuns[index])},
         next ? static_cast<int>(*next) : -1);
}

long long apiCallSent(ExecutionState &state, const TaskDef &task, int loopItem,
                      const std::string &service, const std::string &api, const std::string &key) {
  Journal *journal = state.environment.journal;
  if (!journal)
    return 0;
  auto row = journal->recordApiCall(
      state.executionId, {task.name, service, api, "", "Sent", wallClockNow(), loopItem, key});
  if (!row) {
    checkWritten(state.environment, row);
    return 0;
  }
  return row.value();
}

void apiCallAnswered(ExecutionState &state, long long row, const std::string &requestId,
                     const std::string &result) {
  if (Journal *journal = state.environment.journal; journal && row != 0)
    checkWritten(state.environment, journal->finishApiCall(row, requestId, result));
}

void apiCallMade(ExecutionState &state, const TaskDef &task, int loopItem, const std::string &service,
                 const std::string &api, const std::string &requestId, const std::string &result) {
  if (Journal *journal = state.environment.journal)
    if (auto row = journal->recordApiCall(state.executionId, {task.name, service, api, requestId,
                                                              result, wallClockNow(), loopItem});
        !row)
      checkWritten(state.environment, row);
}

void apiCallRepeated(ExecutionState &state, const TaskDef &task, int loopItem, const std::string &service,
                     const std::string &api, const RepeatedAttempt &attempt) {
  std::string result = attempt.code + " (attempt " + std::to_string(attempt.attempt) + " of " +
                       std::to_string(attempt.maxAttempts) + ", repeated after " +
                       std::to_string(attempt.waitMs) + " ms)";
  apiCallMade(state, task, loopItem, service, api, attempt.requestId, result);
  std::string item = loopItem >= 0 ? "[" + std::to_string(loopItem) + "]" : "";
  state.environment.progress.note(
      "retry",
      {{"execution", Value(state.executionId)},
       {"task", Value(task.name + item)},
       {"api", Value(service + "." + api)},
       {"code", Value(attempt.code)},
       {"attempt", Value(static_cast<std::int64_t>(attempt.attempt))},
       {"maxAttempts", Value(static_cast<std::int64_t>(attempt.maxAttempts))},
       {"waitMs", Value(static_cast<std::int64_t>(attempt.waitMs))}},
      "  " + task.name + item + ": " + api + " turned away (" + attempt.code + "), attempt " +
          std::to_string(attempt.attempt) + " of " + std::to_string(attempt.maxAttempts) + "; again in " +
          std::to_string(attempt.waitMs) + " ms");
}

void KillSwitch::callAnswered() {
  if (afterCall != 0 && ++calls == afterCall)
    std::raise(SIGKILL);
}

void KillSwitch::recordWritten() {
  if (afterRecord != 0 && ++records == afterRecord)
    std::raise(SIGKILL);
}

void loopItemEnded(ExecutionState &state, const TaskDef &task, size_t item, size_t items, bool ok,
                   const std::string &rawError, const Value &outputs, double seconds, unsigned run) {
  const SecretValues &secrets = state.environment.secrets;
  std::string error = shownError(secrets, rawError);
  state.environment.progress.loopItem(state, task, item, items, ok, error);
  double now = wallClockNow();
  record(state, {task.name, static_cast<int>(item), ok ? "Success" : "Failed",
                 secrets.mask(outputs).toJson(), error, now - seconds, now, static_cast<int>(run)});
}

namespace {

/// A wait began or ended: the task's step and the execution's status say so
/// (the cursor stays: a resume asks again).
void recordWaitState(ExecutionState &state, const TaskDef &task, const char *stepStatus,
                     const char *executionStatus) {
  Journal *journal = state.environment.journal;
  if (!journal)
    return;
  double now = wallClockNow();
  record(state, {task.name, -1, stepStatus, "{}", "", now, 0, static_cast<int>(state.runOf(task))});
  checkWritten(state.environment, journal->setExecutionStatus(state.executionId, executionStatus));
}

} // namespace

void taskWaiting(ExecutionState &state, const TaskDef &task, const std::string &question,
                 const std::vector<std::string> &verbs) {
  state.environment.progress.waiting(state, task, question, verbs);
  // The question itself is in the waits table.
  recordWaitState(state, task, "Waiting", "Waiting");
}

void waitEnded(ExecutionState &state, const TaskDef &task, std::string_view answer) {
  state.environment.progress.answered(state, task, answer);
  // Running until the executor records how the task ended.
  recordWaitState(state, task, "Running", "Running");
}

} // namespace oosc::runtime
