//===- StepRecords.h - Telling the user and the journal a step ended -------===//
#pragma once

#include "executor/ExecutionState.h"
#include "executor/Executor.h"

namespace oosc::runtime {

/// An execution started: its journal record, secret parameters masked;
/// `parentId` links a child execution (nested template, product action).
void executionStarted(RunEnvironment &environment, const TemplateDef &def,
                      const std::vector<Value> &parameters, const std::string &id,
                      const std::string &parentId);
void executionEnded(RunEnvironment &environment, const std::string &id,
                    const ExecutionOutcome &outcome);

/// A task ended (or was skipped): the progress line, then its journal record,
/// committed before the executor moves on.
void taskEnded(ExecutionState &state, const TaskDef &task, size_t index, TaskStatus status,
               double seconds, const std::string &error);

/// A task called a cloud API (\p requestId and \p result: "Success" or the
/// error code).
void apiCalled(ExecutionState &state, const TaskDef &task, const std::string &service,
               const std::string &api, const std::string &requestId, const std::string &result);

/// One item of a task's loop ended.
void loopItemEnded(ExecutionState &state, const TaskDef &task, size_t item, size_t items, bool ok,
                   const std::string &error, const Value &outputs, double seconds);

} // namespace oosc::runtime
