//===- Actions.cpp - The table of actions and the simple ones --------------===//
#include "executor/Actions.h"
#include "executor/OosChildren.h"

#include "executor/ApiActions.h"
#include "executor/ChildExecutions.h"
#include "executor/SelectTargets.h"
#include "executor/Durations.h"
#include "executor/Steering.h"
#include "oosc/runtime/ActionCatalogue.h"

namespace oosc::runtime {
namespace {

using Handler = Outcome<Value> (*)(ActionCall &);

Outcome<Value> sleep(ActionCall &call) {
  const Value *duration = call.properties.findCaseInsensitive("Duration");
  if (!duration)
    return fail("ACS::Sleep needs Duration (EndDate is not supported yet)");
  auto wait = parseDuration(duration->toDisplayString());
  if (!wait)
    return wait.error();
  call.state.environment.clock.sleepFor(wait.value());
  return Value(Value::Map{});
}

struct ActionEntry {
  std::string_view name;
  Handler handler;
};

/// The built-in actions this runtime implements. The others the catalogue
/// lists (oosc/runtime/ActionCatalogue.h) fail with a clear message instead
/// of being mistaken for product actions.
constexpr ActionEntry kHandlers[] = {
    {"ACS::ExecuteAPI", executeApi}, {"ACS::WaitFor", waitFor},
    {"ACS::CheckFor", checkFor},     {"ACS::Sleep", sleep},
    {"ACS::Template", runNestedTemplate},
    {"ACS::Notify", notify},
    {"ACS::Approve", approve},       {"ACS::Pause", pause},
    {"ACS::SelectTargets", selectTargets},
};

Handler findHandler(std::string_view action) {
  for (const ActionEntry &entry : kHandlers)
    if (sameName(entry.name, action))
      return entry.handler;
  return nullptr;
}

} // namespace

bool isSupportedAction(std::string_view action, const RunEnvironment &environment) {
  if (sameName(action, "ACS::Choice"))
    return true;
  if (isBuiltInAction(action))
    return findHandler(action) != nullptr;
  return environment.findAction(action) != nullptr || environment.childrenOnOos;
}

Outcome<Value> runAction(ActionCall &call) {
  const std::string &action = call.task.action;
  if (isBuiltInAction(action)) {
    Handler handler = findHandler(action);
    if (!handler)
      return fail("action " + action + " is not supported yet");
    return handler(call);
  }
  if (const TemplateDef *product = call.state.environment.findAction(action))
    return runProductAction(call, *product);
  if (call.state.environment.childrenOnOos)
    return runOnOos(call, action, call.properties);
  return fail("action " + action + " is not supported yet: no built-in action or product action of "
              "that name is compiled into this runner");
}

} // namespace oosc::runtime
