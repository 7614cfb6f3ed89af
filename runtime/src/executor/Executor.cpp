//===- Executor.cpp - Tasks in order, jumps, statuses ----------------------===//
#include "executor/Executor.h"
#include "executor/StepRecords.h"
#include "executor/History.h"

#include "executor/Actions.h"
#include "executor/Loops.h"
#include "executor/Progress.h"
#include "executor/Steering.h"
#include "executor/TaskOutputs.h"
#include "text/MessageText.h"
#include "oosc/runtime/Functions.h"
#include "oosc/runtime/impl/Generated.h"

#include <algorithm>
#include <chrono>
#include <map>

namespace oosc::runtime {

std::string_view taskStatusName(TaskStatus status) {
  switch (status) {
  case TaskStatus::NotRun:
    return "NotRun";
  case TaskStatus::Running:
    return "Running";
  case TaskStatus::Success:
    return "Success";
  case TaskStatus::Failed:
    return "Failed";
  case TaskStatus::Skipped:
    return "Skipped";
  case TaskStatus::Cancelled:
    return "Cancelled";
  }
  return "Unknown";
}

std::string_view executionStatusName(ExecutionStatus status) {
  switch (status) {
  case ExecutionStatus::Running:
    return "Running";
  case ExecutionStatus::Success:
    return "Success";
  case ExecutionStatus::Failed:
    return "Failed";
  case ExecutionStatus::Cancelled:
    return "Cancelled";
  }
  return "Unknown";
}

namespace {

/// Backward jumps can loop; OOS bounds executions by time, a runner by count.
constexpr size_t kMaxTaskRuns = 100000;

bool isChoice(const TaskDef &task) { return sameName(task.action, "ACS::Choice"); }

/// How a task ended and where the execution goes next (nothing: the end).
struct StepEnd {
  TaskStatus status;
  std::optional<size_t> next;
  std::string error;
};

class Executor {
public:
  explicit Executor(ExecutionState &state) : state_(state) {}

  ExecutionOutcome run(size_t firstTask) {
    const std::vector<TaskDef> &tasks = state_.def.tasks;
    std::optional<size_t> index =
        state_.history ? restore(*state_.history) : std::optional<size_t>(firstTask);
    if (index && *index < firstTask) // resumed before its first task ended
      index = firstTask;
    for (size_t runs = 0; index && *index < tasks.size(); ++runs) {
      if (runs == kMaxTaskRuns) {
        recordFailure("stopped after " + std::to_string(kMaxTaskRuns) +
                      " task runs: the jumps between tasks never reach the end");
        break;
      }
      index = step(tasks[*index], *index);
    }
    return finish();
  }

private:
  /// A resumed execution: the results of the tasks that ended come back
  /// from the journal, and the run goes on where it stopped.
  std::optional<size_t> restore(const ExecutionHistory &history) {
    for (size_t i = 0; i < history.tasks.size() && i < state_.tasks.size(); ++i) {
      if (!history.tasks[i])
        continue;
      const StepHistory &ended = *history.tasks[i];
      state_.tasks[i].status = ended.status;
      state_.tasks[i].error = ended.error;
      state_.taskRuns[i] = ended.run;
      for (const auto &[name, value] : ended.outputs.getMap())
        state_.tasks[i].outputs[name] = value;
      if (ended.status == TaskStatus::Failed)
        recordFailure("task '" + state_.def.tasks[i].name + "' failed: " + ended.error);
      cancelled_ = cancelled_ || ended.status == TaskStatus::Cancelled;
    }
    return history.cursor;
  }

  /// Runs one task; returns the index of the next, or nothing at the end.
  /// The task's record and the new cursor are committed before that.
  std::optional<size_t> step(const TaskDef &task, size_t index) {
    auto start = std::chrono::steady_clock::now();
    ++state_.taskRuns[index];
    StepEnd end = runStep(task, index);
    setStatus(index, end.status, end.error);
    taskEnded(state_, task, index, end.status, elapsed(start), end.error, end.next);
    return end.next;
  }

  StepEnd runStep(const TaskDef &task, size_t index) {
    Context context(state_);
    if (Cancellation *cancel = state_.environment.cancellation; cancel && cancel->take())
      return cancelBefore(task, index, context);
    switch (askBeforeTask(state_, task)) { // --mode Debug; Run otherwise
    case Verb::Skip:
      return {TaskStatus::Skipped, index + 1, ""};
    case Verb::Complete:
      completed_ = true;
      return {TaskStatus::Skipped, std::nullopt, "not run: the execution was completed"};
    case Verb::Cancel:
      return cancelBefore(task, index, context);
    default:
      break;
    }
    // A looped task's When that reads ACS::TaskLoopItem decides for each
    // item (Alibaba's ACS-ECS-BulkyInstallARMSAgent runs a Linux script on
    // the Linux items only): the loop evaluates it.
    bool whenPerItem = false;
    if (task.when) {
      Context noticing = context.noticingLoopItemReads(whenPerItem);
      Outcome<bool> run = impl::holds(noticing, task.when);
      whenPerItem = whenPerItem && task.loop;
      if (!run.ok() && !whenPerItem)
        return afterFailure(task, index, "When: " + run.error().message);
      if (run.ok() && !run.value())
        return {TaskStatus::Skipped, index + 1, ""};
    }
    if (isChoice(task))
      return choose(task, index, context);
    setStatus(index, TaskStatus::Running, "");
    Outcome<bool> done = task.loop ? runLoop(task, index, state_, whenPerItem) : runOnce(task, index, context);
    if (!done.ok())
      return done.error().cancelled ? cancelledDuring(task, index, done.error().message)
                                    : afterFailure(task, index, done.error().message);
    return {TaskStatus::Success, follow(task.onSuccess.value_or(Jump{}), index, context), ""};
  }

  Outcome<bool> runOnce(const TaskDef &task, size_t index, Context &context) {
    Value properties(Value::Map{});
    if (task.properties) {
      auto evaluated = task.properties(context);
      if (!evaluated)
        return evaluated.error();
      properties = std::move(evaluated.value());
    }
    ActionCall call{task, properties, state_, context};
    auto result = runAction(call);
    if (!result)
      return result.error();
    auto outputs = extractOutputs(task, result.value(), context);
    if (!outputs)
      return outputs.error();
    std::lock_guard<std::mutex> lock(state_.mutex);
    for (auto &[name, value] : outputs.value())
      state_.tasks[index].outputs[name] = std::move(value);
    return true;
  }

  StepEnd choose(const TaskDef &task, size_t index, Context &context) {
    for (const ChoiceDef &choice : task.choices) {
      Outcome<bool> taken = impl::holds(context, choice.when);
      if (!taken.ok())
        return afterFailure(task, index, "When: " + taken.error().message);
      if (taken.value())
        return {TaskStatus::Success, follow(choice.next, index, context), ""};
    }
    return {TaskStatus::Success, follow(task.defaultTask.value_or(Jump{}), index, context), ""};
  }

  StepEnd afterFailure(const TaskDef &task, size_t index, const std::string &error) {
    if (std::optional<Verb> answer = askAfterFailure(state_, task, error)) { // --mode FailurePause
      if (*answer == Verb::Retry)
        return {TaskStatus::Failed, index, error}; // recorded, then run again
      if (*answer == Verb::Skip)
        return {TaskStatus::Skipped, index + 1, error};
      return cancelledDuring(task, index, "it failed: " + error);
    }
    recordFailure("task '" + task.name + "' failed: " + error);
    Context context(state_);
    // Default OnError is ACS::END: the execution ends, Failed.
    return {TaskStatus::Failed, follow(task.onError.value_or(Jump{Jump::Kind::End}), index, context),
            error};
  }

  /// Cancelled before \p task started: it does not run, and its OnError
  /// route (the template's cleanup) is taken instead.
  StepEnd cancelBefore(const TaskDef &task, size_t index, Context &context) {
    cancelled_ = true;
    recordFailure("cancelled before task '" + task.name + "' started");
    return {TaskStatus::Cancelled, follow(task.onError.value_or(Jump{Jump::Kind::End}), index, context),
            "cancelled before it started"};
  }

  /// Cancelled while it ran or waited (a person cancelled, rejected): the
  /// task ends Cancelled and its OnError route runs, as for a signal.
  StepEnd cancelledDuring(const TaskDef &task, size_t index, const std::string &reason) {
    cancelled_ = true;
    recordFailure("task '" + task.name + "' cancelled: " + reason);
    Context context(state_);
    return {TaskStatus::Cancelled, follow(task.onError.value_or(Jump{Jump::Kind::End}), index, context),
            reason};
  }

  /// Cancelled: this execution acted on the request, or it is the top-level
  /// one and a request came (its children may have acted on it).
  bool wasCancelled() const {
    const Cancellation *cancel = state_.environment.cancellation;
    return cancelled_ || (state_.environment.depth == 0 && cancel && cancel->isRequested());
  }

  std::optional<size_t> follow(const Jump &jump, size_t index, Context &context) {
    switch (jump.kind) {
    case Jump::Kind::Next:
      return index + 1;
    case Jump::Kind::End:
      return std::nullopt;
    case Jump::Kind::Task:
      return static_cast<size_t>(jump.task);
    case Jump::Kind::Dynamic:
      return followDynamic(jump, index, context);
    }
    return std::nullopt;
  }

  /// A target computed at run time: a task name (any case) or a keyword.
  std::optional<size_t> followDynamic(const Jump &jump, size_t index, Context &context) {
    auto target = jump.dynamic(context);
    std::string name = target ? target.value().toDisplayString() : std::string();
    if (sameName(name, "ACS::NEXT"))
      return index + 1;
    if (sameName(name, "ACS::END"))
      return std::nullopt;
    const std::vector<TaskDef> &tasks = state_.def.tasks;
    for (size_t i = 0; i < tasks.size(); ++i)
      if (sameName(tasks[i].name, name))
        return i;
    recordFailure(target ? "jump target '" + name + "' names no task"
                         : "jump target: " + target.error().message);
    return std::nullopt;
  }

  void setStatus(size_t index, TaskStatus status, const std::string &error) {
    std::lock_guard<std::mutex> lock(state_.mutex);
    state_.tasks[index].status = status;
    state_.tasks[index].error = error;
  }

  void recordFailure(std::string error) {
    if (!failed_) {
      failed_ = true;
      firstError_ = std::move(error);
    }
  }

  static double elapsed(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }

  /// Template outputs are evaluated at the end, even after a failure (as
  /// far as they can be), so a cleanup path still reports what it made.
  ExecutionOutcome finish() {
    ExecutionOutcome outcome;
    Context context(state_);
    Value::Map outputs;
    for (const OutputDef &output : state_.def.outputs) {
      auto value = output.value(context);
      if (!value) {
        if (!failed_ && !completed_) // completed early: outputs of tasks not run are left out
          recordFailure("output '" + output.name + "': " + value.error().message);
        continue;
      }
      auto typed = convertOutput(output.type, value.value());
      if (!typed) {
        recordFailure("output '" + output.name + "': " + typed.error().message);
        continue;
      }
      outputs.emplace_back(output.name, std::move(typed.value()));
    }
    outcome.outputs = Value(std::move(outputs));
    outcome.status = wasCancelled() ? ExecutionStatus::Cancelled
                     : failed_      ? ExecutionStatus::Failed
                                    : ExecutionStatus::Success;
    outcome.error = firstError_;
    return outcome;
  }

  ExecutionState &state_;
  bool failed_ = false;
  bool cancelled_ = false;
  bool completed_ = false; ///< a person completed it early (Debug mode)
  std::string firstError_;
};

} // namespace

ExecutionOutcome runExecution(const TemplateDef &def, std::vector<Value> parameters,
                              RunEnvironment &environment, std::string executionId,
                              const ExecutionOptions &options) {
  environment.secrets.add(def, parameters);
  ExecutionState state(def, std::move(parameters), environment, std::move(executionId));
  state.history = options.history;
  if (options.firstTaskOutputs && options.firstTaskOutputs->isMap() && !state.tasks.empty()) {
    state.tasks.front().status = TaskStatus::Success;
    for (const auto &[name, value] : options.firstTaskOutputs->getMap())
      state.tasks.front().outputs[name] = value;
  }
  return Executor(state).run(options.firstTask);
}

Outcome<std::vector<Value>> resolveParameters(const TemplateDef &def, const Value &given,
                                              RunEnvironment &environment,
                                              const std::vector<std::string> &unchecked,
                                              const std::string &executionId) {
  std::map<std::string_view, std::string_view, FoldedLess> seen;
  for (const auto &[name, value] : given.getMap()) {
    bool known = false;
    for (const ParameterDef &parameter : def.parameters)
      known = known || sameName(parameter.name, name);
    if (!known)
      return fail("unknown parameter " + text::quoteCut(name));
    // Names compare without case: two spellings of one name would leave
    // which value counts to chance.
    if (auto [earlier, added] = seen.emplace(name, name); !added)
      return fail("parameter " + text::quoteCut(name) + " is given twice, also as " +
                  text::quoteCut(earlier->second) + " (names are compared without case)");
  }
  // Defaults may refer to other parameters ('{{ sourceImageId }}-copy'):
  // given values go in first, then defaults in declaration order, each
  // seeing what was resolved before it.
  ExecutionState resolving(def, std::vector<Value>(def.parameters.size()), environment, executionId);
  Context context(resolving);
  for (size_t i = 0; i < def.parameters.size(); ++i)
    if (const Value *value = given.findCaseInsensitive(def.parameters[i].name))
      resolving.parameters[i] = *value;
  PatternCache patterns;
  for (size_t i = 0; i < def.parameters.size(); ++i) {
    const ParameterDef &parameter = def.parameters[i];
    Value &chosen = resolving.parameters[i];
    if (!given.findCaseInsensitive(parameter.name)) {
      if (!parameter.defaultValue)
        return fail("parameter '" + parameter.name + "' is required (" +
                    std::string(parameterTypeName(parameter.spec.type)) + ")");
      auto evaluated = parameter.defaultValue(context);
      if (!evaluated)
        return fail("parameter '" + parameter.name + "': Default: " + evaluated.error().message);
      chosen = std::move(evaluated.value());
    }
    // OOS passes a single value to a List parameter (the linter warns).
    if (parameter.spec.type == ParameterType::List && chosen.isScalar() && !chosen.isNull())
      chosen = Value(Value::List{chosen});
    // And a list or map to a String one as its JSON text: Alibaba's
    // ACS-OSS-PutBucketReferer passes its List parameter to the String
    // parameter of ACS::ECS::SMCConversionConstantByJqScript.
    if (parameter.spec.type == ParameterType::String && (chosen.isList() || chosen.isMap()))
      chosen = Value(chosen.toJson());
    if (auto coerced = coerceToType(parameter.spec.type, chosen))
      chosen = std::move(*coerced);
    bool check = std::find(unchecked.begin(), unchecked.end(), parameter.name) == unchecked.end();
    for (const ConstraintViolation &violation : check ? checkValue(parameter.spec, chosen, patterns)
                                                      : std::vector<ConstraintViolation>{})
      return fail("parameter '" + parameter.name + "': " + violation.message);
  }
  return std::move(resolving.parameters);
}

} // namespace oosc::runtime
