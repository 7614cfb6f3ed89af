//===- schedule/FiringRecords.h - Telling the user and the journal of firings ===//
//
// The timer trigger's counterpart of executor/StepRecords.h: the one place
// its progress lines and its journal records (schedule, firings) are
// written.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/ExecutionState.h"
#include "executor/Executor.h"
#include "oosc/runtime/schedule/Schedule.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace oosc::runtime::schedule {

/// The schedule a trigger resolved: a progress line and its journal record.
void scheduleResolved(RunEnvironment &environment, const std::string &triggerId,
                      const Schedule &schedule);

/// A firing's record (inserted, or its status updated) and, unless \p quiet,
/// a progress line; warnings for Missed, Skipped and Interrupted firings.
void firingRecorded(RunEnvironment &environment, const std::string &triggerId, std::int64_t at,
                    const std::string &childId, const std::string &status, bool quiet = false);

/// The end of a trigger execution (its one task, \p state's first): the
/// task's record, and the outcome with \p firings as its outputs.
ExecutionOutcome triggerEnded(ExecutionState &state, ExecutionStatus status, const std::string &error,
                              std::chrono::steady_clock::time_point started, Value firings);

/// A line about the trigger as a whole (waiting, the end, a summary).
void triggerNote(RunEnvironment &environment, const std::string &triggerId, const std::string &text);

/// A warning line about the trigger.
void triggerWarning(RunEnvironment &environment, const std::string &triggerId, const std::string &text);

} // namespace oosc::runtime::schedule
