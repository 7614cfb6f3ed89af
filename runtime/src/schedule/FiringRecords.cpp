//===- schedule/FiringRecords.cpp ----------------------------------------------===//
#include "schedule/FiringRecords.h"

#include "executor/Progress.h"
#include "executor/StepRecords.h"
#include "oosc/runtime/Journal.h"

#include <algorithm>
#include <iostream>

namespace oosc::runtime::schedule {
namespace {

void checkWritten(RunEnvironment &environment, const Outcome<bool> &written) {
  if (!written)
    reportJournalFailure(environment.cancellation, written.error());
}

bool isTrouble(const std::string &status) {
  return status == "Missed" || status == "Skipped" || status == "Interrupted";
}

/// Why a firing started no child, or lost it.
std::string troubleText(const std::string &status, const std::string &childId) {
  if (status == "Missed")
    return "no runner was up at that time; it was not run";
  if (status == "Skipped")
    return "the firing before it was still running; it was not run";
  return "the runner stopped while its execution " + childId + " ran; it did not finish";
}

} // namespace

void scheduleResolved(RunEnvironment &environment, const std::string &triggerId,
                      const Schedule &schedule) {
  environment.progress.note("schedule",
                            {{"execution", Value(triggerId)},
                             {"schedule", Value(schedule.describe())},
                             {"start", Value(formatUtcSeconds(schedule.start()))},
                             {"end", Value(formatUtcSeconds(schedule.end()))}},
                            "  schedule: " + schedule.describe() + ", from " +
                                formatUtcSeconds(schedule.start()) + " to " +
                                formatUtcSeconds(schedule.end()));
  if (Journal *journal = environment.journal) {
    const ScheduleSpec &spec = schedule.spec();
    checkWritten(environment, journal->recordSchedule({triggerId, spec.type, spec.expression,
                                          spec.timeZone.empty() ? "UTC" : spec.timeZone,
                                          static_cast<double>(schedule.start()),
                                          static_cast<double>(schedule.end())}));
  }
}

void firingRecorded(RunEnvironment &environment, const std::string &triggerId, std::int64_t at,
                    const std::string &childId, const std::string &status, bool quiet) {
  if (Journal *journal = environment.journal)
    checkWritten(environment, journal->recordFiring({triggerId, static_cast<double>(at), childId, status}));
  if (quiet)
    return;
  std::string when = formatUtcSeconds(at);
  Value::Map fields{{"execution", Value(triggerId)}, {"at", Value(when)}, {"status", Value(status)}};
  if (!childId.empty())
    fields.emplace_back("child", Value(childId));
  if (isTrouble(status)) {
    environment.progress.note("firing", std::move(fields),
                              "warning: firing at " + when + " " + status + ": " +
                                  troubleText(status, childId));
    return;
  }
  std::string text = "  firing at " + when + ": " + status;
  if (!childId.empty())
    text += (status == "Running" ? ", execution " : " (execution ") + childId +
            (status == "Running" ? "" : ")");
  environment.progress.note("firing", std::move(fields), text);
}

void triggerNote(RunEnvironment &environment, const std::string &triggerId, const std::string &text) {
  environment.progress.note("trigger", {{"execution", Value(triggerId)}, {"message", Value(text)}},
                            "  " + text);
}

void triggerWarning(RunEnvironment &environment, const std::string &triggerId,
                    const std::string &text) {
  environment.progress.note("warning", {{"execution", Value(triggerId)}, {"message", Value(text)}},
                            "warning: " + text);
}

void FiringCounts::add(std::string_view status) {
  std::int64_t *counter = status == "Success"     ? &success
                          : status == "Failed"    ? &failed
                          : status == "Cancelled" ? &cancelled
                          : status == "Missed"    ? &missed
                          : status == "Skipped"   ? &skipped
                                                  : &interrupted;
  ++*counter;
}

Value FiringCounts::toValue(bool scheduled) const {
  std::pair<const char *, std::int64_t> counts[] = {{"success", success}, {"failed", failed},
                                                    {"cancelled", cancelled}, {"missed", missed},
                                                    {"skipped", skipped}, {"interrupted", interrupted}};
  constexpr size_t kEveryTriggersCounts = 3; // success, failed, cancelled
  Value::Map shown;
  for (size_t i = 0; i < (scheduled ? std::size(counts) : kEveryTriggersCounts); ++i)
    shown.emplace_back(counts[i].first, Value(counts[i].second));
  return Value(std::move(shown));
}

bool sleepUntil(RunEnvironment &environment, std::chrono::system_clock::time_point until,
                std::chrono::milliseconds wakeEvery) {
  for (;;) {
    if (environment.cancellation && environment.cancellation->isRequested()) {
      environment.cancellation->take();
      return false;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - environment.clock.now());
    if (left.count() <= 0)
      return true;
    environment.clock.sleepFor(wakeEvery.count() > 0 ? std::min(left, wakeEvery) : left);
  }
}

std::string runFiring(RunEnvironment &environment, const ExecutionState &trigger, std::int64_t at,
                      const std::string &childId,
                      const std::function<ExecutionOutcome(RunEnvironment &child)> &run) {
  const std::string &triggerId = trigger.executionId;
  firingRecorded(environment, triggerId, at, childId, "Running");
  RunEnvironment child = environment;
  child.depth = environment.depth + 1;
  executionStarted(child, trigger.def, trigger.parameters, childId, triggerId);
  ExecutionOutcome outcome = run(child);
  executionEnded(child, childId, outcome);
  std::string status(executionStatusName(outcome.status));
  firingRecorded(environment, triggerId, at, childId, status);
  return status;
}

ExecutionOutcome triggerEnded(ExecutionState &state, ExecutionStatus status, const std::string &error,
                              std::chrono::steady_clock::time_point started, Value firings) {
  TaskStatus taskStatus = status == ExecutionStatus::Success     ? TaskStatus::Success
                          : status == ExecutionStatus::Cancelled ? TaskStatus::Cancelled
                                                                 : TaskStatus::Failed;
  const TaskDef &trigger = state.def.tasks.front();
  state.tasks.front().status = taskStatus;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // Nothing runs after the trigger in its own execution: next is the end.
  taskEnded(state, trigger, 0, taskStatus, seconds, status == ExecutionStatus::Failed ? error : "", std::nullopt);
  ExecutionOutcome outcome;
  outcome.status = status;
  outcome.outputs = Value(Value::Map{{"firings", std::move(firings)}});
  if (status == ExecutionStatus::Failed)
    outcome.error = "task '" + trigger.name + "' failed: " + error;
  else if (status == ExecutionStatus::Cancelled)
    outcome.error = error;
  return outcome;
}

} // namespace oosc::runtime::schedule
