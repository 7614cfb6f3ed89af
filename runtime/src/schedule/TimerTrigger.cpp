//===- schedule/TimerTrigger.cpp ----------------------------------------------===//
#include "schedule/TimerTrigger.h"

#include "executor/History.h"
#include "executor/StepRecords.h"
#include "oosc/runtime/Journal.h"
#include "schedule/FiringRecords.h"

#include <algorithm>

namespace oosc::runtime::schedule {
namespace {

/// Missed firings past this many are counted in one line, not one each
/// (all are journaled).
constexpr size_t kMissedLinesShown = 10;

std::int64_t secondsOf(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

std::string property(const Value &properties, std::string_view name) {
  const Value *value = properties.findCaseInsensitive(name);
  return value && !value->isNull() ? value->toDisplayString() : std::string();
}

class TriggerRun {
public:
  TriggerRun(const TemplateDef &def, const std::vector<Value> &parameters, RunEnvironment &environment,
             const std::string &triggerId, const TriggerOptions &options)
      : state_(def, parameters, environment, triggerId), environment_(environment),
        triggerId_(triggerId), options_(options) {}

  ExecutionOutcome run() {
    auto started = std::chrono::steady_clock::now();
    std::int64_t now = secondsOf(environment_.clock.now());
    auto schedule = options_.resuming ? journaledSchedule() : templateSchedule(now);
    if (!schedule)
      return end(ExecutionStatus::Failed, schedule.error().message, started);
    scheduleResolved(environment_, triggerId_, schedule.value());
    // Fresh: the first firing is the first at or after now. Resumed: the
    // ones between the last recorded firing and now were missed.
    std::int64_t last = now - 1;
    if (options_.resuming)
      last = reportMissed(schedule.value(), now);
    else
      warnOfUnfinishedTriggers();
    bool cancelled = fireUntilTheEnd(schedule.value(), last);
    if (!cancelled && !endedByCount())
      triggerNote(environment_, triggerId_,
                  "no firing is left before EndDate " + formatUtcSeconds(schedule.value().end()));
    return end(cancelled ? ExecutionStatus::Cancelled : ExecutionStatus::Success,
               cancelled ? "cancelled while waiting for its schedule" : "", started);
  }

private:
  const TaskDef &trigger() const { return state_.def.tasks.front(); }

  Outcome<Schedule> templateSchedule(std::int64_t now) {
    Value properties(Value::Map{});
    if (trigger().properties) {
      Context context(state_);
      auto evaluated = trigger().properties(context);
      if (!evaluated)
        return evaluated.error();
      properties = std::move(evaluated.value());
    }
    ScheduleSpec spec{property(properties, "Type"), property(properties, "Expression"),
                      property(properties, "TimeZone"), property(properties, "StartDate"),
                      property(properties, "EndDate")};
    auto schedule = Schedule::make(spec, now);
    if (schedule && schedule.value().end() < now)
      return fail("EndDate '" + spec.endDate + "' has passed (it is " + formatUtcSeconds(now) +
                  "): the trigger would never fire");
    return schedule;
  }

  /// The schedule the trigger resolved when it first started.
  Outcome<Schedule> journaledSchedule() {
    if (!environment_.journal)
      return fail("--resume-schedule needs the journal");
    auto recorded = environment_.journal->schedule(triggerId_);
    if (!recorded)
      return recorded.error();
    if (!recorded.value())
      return fail("the journal has no schedule for " + triggerId_);
    const JournalSchedule &row = *recorded.value();
    auto start = static_cast<std::int64_t>(row.start), end = static_cast<std::int64_t>(row.end);
    return Schedule::make({row.type, row.expression, row.timeZone, formatUtcSeconds(start),
                           formatUtcSeconds(end)},
                          start);
  }

  /// Settles the firings an earlier runner left open, then records each
  /// firing that passed while no runner was up as Missed. Returns the last
  /// firing accounted for.
  std::int64_t reportMissed(const Schedule &schedule, std::int64_t now) {
    std::int64_t last = schedule.start() - 1;
    auto recorded = environment_.journal->firings(triggerId_);
    for (const JournalFiring &firing : recorded ? recorded.value() : std::vector<JournalFiring>{}) {
      auto at = static_cast<std::int64_t>(firing.scheduledAt);
      last = std::max(last, at);
      if (firing.status == "Running")
        settleOpenFiring(at, firing.childId);
    }
    size_t missed = 0;
    for (auto next = schedule.firingAfter(last); next && *next < now; next = schedule.firingAfter(last)) {
      firingRecorded(environment_, triggerId_, *next, "", "Missed", ++missed > kMissedLinesShown);
      counts_.add("Missed");
      last = *next;
    }
    if (missed > kMissedLinesShown)
      triggerWarning(environment_, triggerId_,
                     std::to_string(missed) + " firings were missed in all while no runner was up (" +
                         std::to_string(missed - kMissedLinesShown) + " more than listed; all are in the journal)");
    return last;
  }

  /// A firing whose child was started by a runner that then stopped: the
  /// child either ended (the runner stopped before recording it) or is
  /// resumed from the journal, as `--resume` would, and ends now.
  void settleOpenFiring(std::int64_t at, const std::string &childId) {
    auto child = environment_.journal->execution(childId);
    std::string status = child && child.value() ? child.value()->status : "Running";
    if (status == "Running")
      status = resumeFiring(at, childId);
    firingRecorded(environment_, triggerId_, at, childId, status);
    counts_.add(status);
  }

  /// Takes up the interrupted child of the firing at \p at; its status, or
  /// Interrupted when the journal cannot say where it stopped.
  std::string resumeFiring(std::int64_t at, const std::string &childId) {
    auto history = loadHistory(*environment_.journal, childId, state_.def);
    if (!history)
      return "Interrupted";
    triggerNote(environment_, triggerId_,
                "the firing at " + formatUtcSeconds(at) + " was interrupted (its runner stopped while " +
                    childId + " ran): resuming it");
    RunEnvironment child = environment_;
    child.depth = environment_.depth + 1;
    executionResumed(child, childId);
    ExecutionOptions resumed;
    resumed.firstTask = 1;
    resumed.history = &history.value();
    ExecutionOutcome outcome = runExecution(state_.def, state_.parameters, child, childId, resumed);
    executionEnded(child, childId, outcome);
    return std::string(executionStatusName(outcome.status));
  }

  /// Earlier trigger executions of this template whose runner stopped:
  /// say how to account for their firings.
  void warnOfUnfinishedTriggers() {
    if (!environment_.journal)
      return;
    auto executions = environment_.journal->executions();
    for (const JournalExecution &execution : executions ? executions.value() : std::vector<JournalExecution>{}) {
      if (execution.id == triggerId_ || execution.status != "Running" || !execution.parentId.empty() ||
          !sameName(execution.templateName, state_.def.name) || runnerIsAlive(execution))
        continue;
      auto schedule = environment_.journal->schedule(execution.id);
      if (schedule && schedule.value())
        triggerWarning(environment_, triggerId_,
                       "trigger execution " + execution.id +
                           " of this template was interrupted (its runner stopped); --resume-schedule " +
                           execution.id + " reports the firings it missed and continues it");
    }
  }

  /// Fires each remaining firing in turn; returns whether it was cancelled.
  bool fireUntilTheEnd(const Schedule &schedule, std::int64_t last) {
    // Firings that came due while a child ran are skipped, not run late.
    std::int64_t freeSince = secondsOf(environment_.clock.now());
    for (auto next = schedule.firingAfter(last); next; next = schedule.firingAfter(last)) {
      last = *next;
      if (*next < freeSince) {
        firingRecorded(environment_, triggerId_, *next, "", "Skipped");
        counts_.add("Skipped");
        continue;
      }
      triggerNote(environment_, triggerId_, "waiting for the firing at " + formatUtcSeconds(*next));
      if (!waitUntil(*next))
        return true;
      fire(*next);
      freeSince = secondsOf(environment_.clock.now());
      if (isCancelRequested())
        return true;
      ++fired_;
      if (endedByCount()) {
        triggerNote(environment_, triggerId_,
                    "ended after " + std::to_string(fired_) + " firings (--firings); the schedule goes on to " +
                        formatUtcSeconds(schedule.end()));
        return false;
      }
    }
    return false;
  }

  bool endedByCount() const { return options_.maxFirings > 0 && fired_ >= options_.maxFirings; }

  bool isCancelRequested() const {
    return environment_.cancellation && environment_.cancellation->isRequested();
  }

  /// Waits on the clock until \p at; false when cancelled first.
  bool waitUntil(std::int64_t at) {
    return sleepUntil(environment_, std::chrono::system_clock::time_point(std::chrono::seconds(at)),
                      options_.wakeEvery);
  }

  /// One child execution of the template without its trigger.
  void fire(std::int64_t at) {
    ExecutionOptions withoutTheTrigger;
    withoutTheTrigger.firstTask = 1;
    std::string childId = options_.newExecutionId();
    counts_.add(runFiring(environment_, state_, at, childId, [&](RunEnvironment &child) {
      return runExecution(state_.def, state_.parameters, child, childId, withoutTheTrigger);
    }));
  }

  ExecutionOutcome end(ExecutionStatus status, const std::string &error,
                       std::chrono::steady_clock::time_point started) {
    return triggerEnded(state_, status, error, started, counts_.toValue(true));
  }

  ExecutionState state_;
  RunEnvironment &environment_;
  std::string triggerId_;
  const TriggerOptions &options_;
  FiringCounts counts_;
  unsigned long long fired_ = 0; ///< firings run, for --firings
};

} // namespace

bool startsWithTimerTrigger(const TemplateDef &def) {
  return !def.tasks.empty() && sameName(def.tasks.front().action, "ACS::TimerTrigger");
}

ExecutionOutcome runTimerTrigger(const TemplateDef &def, const std::vector<Value> &parameters,
                                 RunEnvironment &environment, const std::string &triggerId,
                                 const TriggerOptions &options) {
  return TriggerRun(def, parameters, environment, triggerId, options).run();
}

std::optional<std::string> restoreTriggerParameters(const std::string &journalFile,
                                                    const std::string &triggerId,
                                                    const TemplateDef &def, Value &parameters) {
  if (!startsWithTimerTrigger(def))
    return "--resume-schedule: template '" + def.name + "' does not start with ACS::TimerTrigger";
  auto journal = Journal::open(journalFile);
  if (!journal)
    return journal.error().message;
  auto execution = journal.value()->execution(triggerId);
  if (!execution)
    return execution.error().message;
  if (!execution.value())
    return "--resume-schedule: no execution '" + triggerId + "' in " + journalFile;
  const JournalExecution &recorded = *execution.value();
  auto schedule = journal.value()->schedule(triggerId);
  if (!recorded.parentId.empty() || !schedule || !schedule.value())
    return "--resume-schedule: execution '" + triggerId + "' is not a timer trigger's execution";
  if (!sameName(recorded.templateName, def.name))
    return "--resume-schedule: execution '" + triggerId + "' runs template '" + recorded.templateName +
           "', not '" + def.name + "'";
  if (recorded.status != "Running")
    return "--resume-schedule: trigger execution '" + triggerId + "' ended " + recorded.status +
           "; only an unfinished one can be resumed";
  if (runnerIsAlive(recorded)) // two runners would fire each firing twice
    return "--resume-schedule: the runner of trigger execution '" + triggerId + "' (process " +
           std::to_string(recorded.runnerPid) + " on " + recorded.runnerHost + ") is still running";
  auto values = parseJson(recorded.parametersJson);
  if (!values || !values->isMap())
    return "--resume-schedule: the parameters journaled for '" + triggerId + "' are not a JSON object";
  for (const ParameterDef &parameter : def.parameters) {
    const Value *value = values->findCaseInsensitive(parameter.name);
    if (!value || parameters.findCaseInsensitive(parameter.name))
      continue;
    if (parameter.secret)
      return "--resume-schedule: parameter '" + parameter.name +
             "' is secret and the journal keeps it masked: give it again with -p";
    parameters.set(parameter.name, *value);
  }
  return std::nullopt;
}

} // namespace oosc::runtime::schedule
