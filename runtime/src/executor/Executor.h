//===- Executor.h - Runs a compiled template (runtime internal) -----------===//
#pragma once

#include "executor/ExecutionState.h"

namespace oosc::runtime {

struct ExecutionOutcome {
  ExecutionStatus status = ExecutionStatus::Failed;
  Value outputs = Value(Value::Map{});
  std::string error; ///< why it failed: the first failing task and its error
};

struct ExecutionHistory;

/// How an execution starts.
struct ExecutionOptions {
  /// Resume: what the journal says the execution already did (see History.h).
  const ExecutionHistory *history = nullptr;
  /// The task to start at: 1 for the children a trigger (the first task)
  /// starts.
  size_t firstTask = 0;
  /// With firstTask 1 under an event trigger: the trigger task's outputs,
  /// selected from the event, as if it had run (`{{ trigger.instanceId }}`).
  const Value *firstTaskOutputs = nullptr;
};

/// Runs `def` with resolved parameter values: tasks in order, following
/// OnSuccess, OnError, When and Choice; returns the status and the template
/// outputs. `executionId` names the execution in messages and pseudo
/// parameters.
ExecutionOutcome runExecution(const TemplateDef &def, std::vector<Value> parameters,
                              RunEnvironment &environment, std::string executionId,
                              const ExecutionOptions &options = {});

/// Evaluates defaults for parameters not given and checks every value
/// against its constraints; `given` maps names (any case) to values. Values
/// named in `unchecked` (placeholders of a plan preview) skip the checks.
/// A Default reads `{{ ACS::ExecutionId }}` as \p executionId.
Outcome<std::vector<Value>> resolveParameters(const TemplateDef &def, const Value &given,
                                              RunEnvironment &environment,
                                              const std::vector<std::string> &unchecked = {},
                                              const std::string &executionId = {});

} // namespace oosc::runtime
