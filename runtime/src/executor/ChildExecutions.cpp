//===- ChildExecutions.cpp --------------------------------------------------===//
#include "executor/ChildExecutions.h"
#include "executor/OosChildren.h"

#include "executor/Executor.h"
#include "executor/Progress.h"
#include "executor/StepRecords.h"
#include "executor/History.h"
#include "oosc/runtime/Journal.h"

namespace oosc::runtime {
namespace {

/// Templates may call templates; a cycle would recurse without end.
constexpr unsigned kMaxNesting = 16;

/// A child's id names its parent, task, run and loop item, so a resumed
/// parent finds the child it started before: `exec-1.task`, `exec-1.task.3`
/// (the third loop item), `exec-1.task-2` (the task's second run). Dotted,
/// as OOS's child ids are: Alibaba's actions split ACS::ExecutionId at its
/// dots and join the parts into the names of what they make (a loop item's
/// child in ACS::ECS::ModifyUserPasswordBySecretParameter takes three
/// parts; ACS::FC::ExecuteScript turns dots into `_` for a ROS stack name),
/// so a child id holds only what those names may: letters, digits, `-`,
/// `_` and the dots.
std::string childId(const ActionCall &call) {
  std::string id = call.state.executionId + "." + call.task.name;
  if (unsigned run = call.state.runOf(call.task); run > 1)
    id += "-" + std::to_string(run);
  if (call.loopItem >= 0)
    id += "." + std::to_string(call.loopItem + 1);
  return id;
}

Outcome<Value> outcomeValue(const TemplateDef &child, const ExecutionOutcome &outcome) {
  if (outcome.status != ExecutionStatus::Success)
    return fail(child.name + " " + std::string(executionStatusName(outcome.status)) + ": " +
                outcome.error);
  return outcome.outputs;
}

/// A resumed parent meets a child it had started: an ended child gives its
/// recorded result, an interrupted one is resumed. Nothing: not started.
std::optional<Outcome<Value>> resumeChild(ActionCall &call, RunEnvironment &environment,
                                          const TemplateDef &child, std::vector<Value> &values,
                                          const std::string &id) {
  Journal *journal = environment.journal;
  if (!call.state.history || !journal)
    return std::nullopt;
  auto record = journal->execution(id);
  if (!record || !record.value())
    return std::nullopt;
  const JournalExecution &earlier = *record.value();
  if (earlier.status == "Success" || earlier.status == "Failed" || earlier.status == "Cancelled") {
    ExecutionOutcome outcome;
    outcome.status = earlier.status == "Success"  ? ExecutionStatus::Success
                     : earlier.status == "Failed" ? ExecutionStatus::Failed
                                                  : ExecutionStatus::Cancelled;
    outcome.error = earlier.error;
    if (std::optional<Value> outputs = parseJson(earlier.outputsJson))
      outcome.outputs = std::move(*outputs);
    return outcomeValue(child, outcome);
  }
  auto history = loadHistory(*journal, id, child);
  if (!history)
    return Outcome<Value>(history.error());
  executionResumed(environment, id);
  ExecutionOutcome outcome =
      runExecution(child, std::move(values), environment, id, {&history.value()});
  executionEnded(environment, id, outcome);
  return outcomeValue(child, outcome);
}

Outcome<Value> runChild(ActionCall &call, const TemplateDef &child, const Value &parameters) {
  RunEnvironment &parent = call.state.environment;
  if (parent.depth >= kMaxNesting)
    return fail("templates nested more than " + std::to_string(kMaxNesting) + " deep");
  RunEnvironment environment = parent;
  environment.depth = parent.depth + 1;
  std::string id = childId(call);
  auto values = resolveParameters(child, parameters.isMap() ? parameters : Value(Value::Map{}),
                                  environment, {}, id);
  if (!values)
    return fail(child.name + ": " + values.error().message);
  if (auto resumed = resumeChild(call, environment, child, values.value(), id))
    return std::move(*resumed);
  executionStarted(environment, child, values.value(), id, call.state.executionId);
  ExecutionOutcome outcome = runExecution(child, std::move(values.value()), environment, id);
  executionEnded(environment, id, outcome);
  return outcomeValue(child, outcome);
}

} // namespace

Outcome<Value> runNestedTemplate(ActionCall &call) {
  const Value *name = call.properties.findCaseInsensitive("TemplateName");
  if (!name)
    return fail("ACS::Template needs TemplateName (inline TemplateContent is not supported yet)");
  const TemplateDef *child = call.state.environment.findTemplate(name->toDisplayString());
  if (!child)
    child = call.state.environment.findAction(name->toDisplayString());
  const Value *parameters = call.properties.findCaseInsensitive("Parameters");
  if (!child && call.state.environment.childrenOnOos)
    return runOnOos(call, name->toDisplayString(), parameters ? *parameters : Value(Value::Map{}));
  if (!child)
    return fail("template '" + name->toDisplayString() +
                "' is not compiled into this runner (build it together: oosc build a.yaml b.yaml)");
  return runChild(call, *child, parameters ? *parameters : Value(Value::Map{}));
}

Outcome<Value> runProductAction(ActionCall &call, const TemplateDef &action) {
  return runChild(call, action, call.properties);
}

} // namespace oosc::runtime
