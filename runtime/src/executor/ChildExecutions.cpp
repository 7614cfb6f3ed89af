//===- ChildExecutions.cpp --------------------------------------------------===//
#include "executor/ChildExecutions.h"

#include "executor/Executor.h"
#include "executor/Progress.h"
#include "executor/StepRecords.h"

namespace oosc::runtime {
namespace {

/// Templates may call templates; a cycle would recurse without end.
constexpr unsigned kMaxNesting = 16;

Outcome<Value> runChild(ActionCall &call, const TemplateDef &child, const Value &parameters) {
  RunEnvironment &parent = call.state.environment;
  if (parent.depth >= kMaxNesting)
    return fail("templates nested more than " + std::to_string(kMaxNesting) + " deep");
  RunEnvironment environment = parent;
  environment.depth = parent.depth + 1;
  auto values = resolveParameters(child, parameters.isMap() ? parameters : Value(Value::Map{}),
                                  environment);
  if (!values)
    return fail(child.name + ": " + values.error().message);
  std::string id = call.state.executionId + "/" + call.task.name;
  if (call.task.loop) // one child per item: number them so each is its own
    id += "." + std::to_string(++call.state.childrenStarted);
  executionStarted(environment, child, values.value(), id, call.state.executionId);
  ExecutionOutcome outcome = runExecution(child, std::move(values.value()), environment, id);
  executionEnded(environment, id, outcome);
  if (outcome.status != ExecutionStatus::Success)
    return fail(child.name + " " + std::string(executionStatusName(outcome.status)) + ": " +
                outcome.error);
  return outcome.outputs;
}

} // namespace

Outcome<Value> runNestedTemplate(ActionCall &call) {
  const Value *name = call.properties.findCaseInsensitive("TemplateName");
  if (!name)
    return fail("ACS::Template needs TemplateName (inline TemplateContent is not supported yet)");
  const TemplateDef *child = call.state.environment.findTemplate(name->toDisplayString());
  if (!child)
    child = call.state.environment.findAction(name->toDisplayString());
  if (!child)
    return fail("template '" + name->toDisplayString() +
                "' is not compiled into this runner (build it together: oosc build a.yaml b.yaml)");
  const Value *parameters = call.properties.findCaseInsensitive("Parameters");
  return runChild(call, *child, parameters ? *parameters : Value(Value::Map{}));
}

Outcome<Value> runProductAction(ActionCall &call, const TemplateDef &action) {
  return runChild(call, action, call.properties);
}

} // namespace oosc::runtime
