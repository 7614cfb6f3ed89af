//===- ExecutionState.h - One running execution (runtime internal) --------===//
#pragma once

#include "oosc/runtime/Clock.h"
#include "oosc/runtime/Cloud.h"
#include "oosc/runtime/Context.h"
#include "oosc/runtime/Program.h"
#include "executor/Secrets.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>

namespace oosc::runtime {

enum class TaskStatus : uint8_t { NotRun, Running, Success, Failed, Skipped, Cancelled };
std::string_view taskStatusName(TaskStatus status);

enum class ExecutionStatus : uint8_t { Running, Success, Failed, Cancelled };
std::string_view executionStatusName(ExecutionStatus status);

/// Orders names as OOS compares them: without case.
struct FoldedLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

/// Names compare without case in OOS (tasks, actions, outputs, keywords).
inline bool sameName(std::string_view a, std::string_view b) { return equalsIgnoringAsciiCase(a, b); }

struct TaskResult {
  TaskStatus status = TaskStatus::NotRun;
  std::map<std::string, Value, FoldedLess> outputs;
  std::string error;
};

class Journal;
class Progress;
class WebhookSender;
struct ExecutionHistory;
struct Steering;

/// For tests of `--resume`: the runner kills itself (SIGKILL) right after
/// the Nth answered cloud call, before the answer is journaled (the worst
/// moment), or right after the Nth journal record. 0: never.
struct KillSwitch {
  unsigned afterCall = 0;
  unsigned afterRecord = 0;
  std::atomic<unsigned> calls{0};
  std::atomic<unsigned> records{0};

  void callAnswered();
  void recordWritten();
};

/// A request to cancel the execution (SIGINT, SIGTERM) and whether an
/// executor has acted on it: the first one to start a task after the request
/// does not start it and takes its OnError route instead, so the template's
/// cleanup still runs; every task after that runs as usual.
struct Cancellation {
  const std::atomic<bool> *requested = nullptr;
  /// A person answered cancel or reject to a waiting execution.
  std::atomic<bool> answered{false};
  /// The journal could not be written: an execution it no longer records
  /// could not be resumed, nor its calls settled on a retry, so it stops
  /// at its next step as a SIGTERM stops it.
  std::atomic<bool> journalLost{false};
  std::atomic<bool> handled{false};

  bool isRequested() const {
    return (requested && requested->load()) || answered.load() || journalLost.load();
  }
  /// True for the one caller that acts on the request.
  bool take() { return isRequested() && !handled.exchange(true); }
};

/// Finds the template behind ACS::Template's TemplateName or a product action.
using TemplateLookup = std::function<const TemplateDef *(std::string_view name)>;

/// What every execution of one runner process shares.
struct RunEnvironment {
  CloudBackend &cloud;
  Clock &clock;
  Progress &progress;
  TemplateLookup findTemplate;
  TemplateLookup findAction;
  /// Where executions, tasks and loop items are recorded; null: nowhere.
  Journal *journal = nullptr;
  /// Shared by the execution and its children; null: cannot be cancelled.
  Cancellation *cancellation = nullptr;
  /// Modes and who answers a waiting execution; null: Automatic, no waits.
  Steering *steering = nullptr;
  std::string regionId = "cn-hangzhou";
  std::string accountId = "1234567890123456";
  std::string user = "oosc";
  /// On the real cloud: product actions and templates the runner does not
  /// carry run as child executions on OOS (OosChildren.h).
  bool childrenOnOos = false;
  /// Nesting depth of child executions, to stop runaway recursion.
  unsigned depth = 0;
  /// Null except in tests of `--resume`.
  KillSwitch *killSwitch = nullptr;
  /// Posts ACS::Notify's webhooks; null: they go through the cloud backend
  /// (the simulator records them).
  WebhookSender *webhooks = nullptr;
  /// Values never written in clear: the secret parameters of this
  /// execution and of its parents (children get a copy to add theirs).
  SecretValues secrets{};
};

/// The state of one execution: parameter values and task results. Loop items
/// running on several threads write results under `mutex`.
class ExecutionState {
public:
  ExecutionState(const TemplateDef &def, std::vector<Value> parameters, RunEnvironment &environment,
                 std::string executionId)
      : def(def), parameters(std::move(parameters)), tasks(def.tasks.size()),
        taskRuns(def.tasks.size()), environment(environment), executionId(std::move(executionId)) {}

  const TemplateDef &def;
  std::vector<Value> parameters;
  std::vector<TaskResult> tasks;
  /// How many times each task started (a backward jump runs one again):
  /// part of the names of its loop items, children and calls.
  std::vector<unsigned> taskRuns;
  RunEnvironment &environment;
  std::string executionId;
  std::mutex mutex;
  /// Which run of \p task (one of def.tasks) is going on, from 1: part of
  /// the names of its loop items, children and calls.
  unsigned runOf(const TaskDef &task) const {
    for (size_t i = 0; i < def.tasks.size() && i < taskRuns.size(); ++i)
      if (&def.tasks[i] == &task)
        return std::max(1u, taskRuns[i]);
    return 1;
  }

  /// Set when the execution is resumed: what the journal says it did.
  const ExecutionHistory *history = nullptr;
};

} // namespace oosc::runtime
