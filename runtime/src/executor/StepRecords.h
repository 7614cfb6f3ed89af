//===- StepRecords.h - Telling the user and the journal a step ended -------===//
#pragma once

#include "executor/ExecutionState.h"
#include "executor/Executor.h"

namespace oosc::runtime {

/// An error as the progress lines and the journal show it: secrets masked,
/// and bounded (a 10 MB value in it is not printed whole, nor nested three
/// times over by a child's, its parent's and the execution's errors).
std::string shownError(const SecretValues &secrets, const std::string &rawError);

/// A journal write failed: said once, and the execution stops at its next
/// step (Cancellation::journalLost; with no \p cancel, only said).
void reportJournalFailure(Cancellation *cancel, const Failure &failure);

/// An execution started: its journal record, secret parameters masked;
/// `parentId` links a child execution (nested template, product action).
void executionStarted(RunEnvironment &environment, const TemplateDef &def,
                      const std::vector<Value> &parameters, const std::string &id,
                      const std::string &parentId);
/// A resumed execution (top level or child) runs again, in this process.
void executionResumed(RunEnvironment &environment, const std::string &id);
void executionEnded(RunEnvironment &environment, const std::string &id,
                    const ExecutionOutcome &outcome);

/// A task ended (or was skipped): the progress line, then its journal record
/// with the task to run next (\p next; nothing: the end), committed together
/// before the executor moves on.
void taskEnded(ExecutionState &state, const TaskDef &task, size_t index, TaskStatus status,
               double seconds, const std::string &error, std::optional<size_t> next);

/// A task is about to call a cloud API: recorded as "Sent" before the call,
/// so a resume knows it may have happened. Returns the record's row (0:
/// not recorded). \p key names a call that changes resources (Idempotence.h).
long long apiCallSent(ExecutionState &state, const TaskDef &task, int loopItem,
                      const std::string &service, const std::string &api, const std::string &key);
/// Its answer (\p result: "Success" or the error code).
void apiCallAnswered(ExecutionState &state, long long row, const std::string &requestId,
                     const std::string &result);
/// A call that changes nothing (a read), recorded once, with its answer.
void apiCallMade(ExecutionState &state, const TaskDef &task, int loopItem, const std::string &service,
                 const std::string &api, const std::string &requestId, const std::string &result);

/// An attempt of a call that the cloud's client repeated by itself (after
/// throttling, a dropped connection): its own record, with the attempt's
/// error as result, and a progress line.
void apiCallRepeated(ExecutionState &state, const TaskDef &task, int loopItem, const std::string &service,
                     const std::string &api, const RepeatedAttempt &attempt);

/// A task waits for a person: the progress line (\p question and the
/// \p verbs it takes), then the task and the execution recorded Waiting.
void taskWaiting(ExecutionState &state, const TaskDef &task, const std::string &question,
                 const std::vector<std::string> &verbs);
/// The wait ended with \p answer: the task and the execution are Running
/// again, until the task's end is recorded.
void waitEnded(ExecutionState &state, const TaskDef &task, std::string_view answer);

/// One item of a task's loop ended.
void loopItemEnded(ExecutionState &state, const TaskDef &task, size_t item, size_t items, bool ok,
                   const std::string &error, const Value &outputs, double seconds, unsigned run);

} // namespace oosc::runtime
