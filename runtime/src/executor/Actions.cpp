//===- Actions.cpp - The table of actions and the simple ones --------------===//
#include "executor/Actions.h"

#include "executor/ApiActions.h"
#include "executor/ChildExecutions.h"
#include "executor/Durations.h"

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
  Handler handler; ///< null: recognised, not supported yet
};

/// Every built-in action of the spec (section 7); those without a handler
/// fail with a clear message instead of being mistaken for product actions.
constexpr ActionEntry kActions[] = {
    {"ACS::ExecuteAPI", executeApi},
    {"ACS::WaitFor", waitFor},
    {"ACS::CheckFor", checkFor},
    {"ACS::Sleep", sleep},
    {"ACS::Template", runNestedTemplate},
    {"ACS::ExecuteHttpRequest", nullptr},
    {"ACS::Approve", nullptr},
    {"ACS::Approve::DingTalkWebhook", nullptr},
    {"ACS::Notify", nullptr},
    {"ACS::Notify::DingTalkWebhook", nullptr},
    {"ACS::Pause", nullptr},
    {"ACS::SelectTargets", nullptr},
    {"ACS::TimerTrigger", nullptr},
    {"ACS::EventTrigger", nullptr},
    {"ACS::AlarmTrigger", nullptr},
    {"ACS::Loop", nullptr},
    {"ACS::GitCodeRepo", nullptr},
};

const ActionEntry *findBuiltIn(std::string_view action) {
  for (const ActionEntry &entry : kActions)
    if (sameName(entry.name, action))
      return &entry;
  return nullptr;
}

} // namespace

bool isSupportedAction(std::string_view action, const RunEnvironment &environment) {
  if (sameName(action, "ACS::Choice"))
    return true;
  if (const ActionEntry *entry = findBuiltIn(action))
    return entry->handler != nullptr;
  return environment.findAction(action) != nullptr;
}

Outcome<Value> runAction(ActionCall &call) {
  const std::string &action = call.task.action;
  if (const ActionEntry *entry = findBuiltIn(action)) {
    if (!entry->handler)
      return fail("action " + action + " is not supported yet");
    return entry->handler(call);
  }
  if (const TemplateDef *product = call.state.environment.findAction(action))
    return runProductAction(call, *product);
  return fail("action " + action + " is not supported yet: no built-in action or product action of "
              "that name is compiled into this runner");
}

} // namespace oosc::runtime
