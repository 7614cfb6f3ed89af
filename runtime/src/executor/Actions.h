//===- Actions.h - What each action does (runtime internal) ---------------===//
#pragma once

#include "executor/ExecutionState.h"

namespace oosc::runtime {

/// One invocation of an action: the task, its evaluated properties and the
/// execution it belongs to. The result is what the task's output selectors
/// read: an API response, a child template's outputs.
struct ActionCall {
  const TaskDef &task;
  const Value &properties;
  ExecutionState &state;
  Context context;
  /// The item of the task's loop this call is for; -1 outside loops.
  int loopItem = -1;
  /// Calls that change resources made so far: numbers them (Idempotence.h).
  unsigned changingCalls = 0;
};

/// Runs the task's action; a Failure says why, naming the task.
Outcome<Value> runAction(ActionCall &call);

/// Whether the action name (any case) is one the runtime implements.
bool isSupportedAction(std::string_view action, const RunEnvironment &environment);

} // namespace oosc::runtime
