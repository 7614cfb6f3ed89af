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
#include <functional>
#include <string>
#include <string_view>

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

/// How the firings of one trigger run went, for its `firings` output.
struct FiringCounts {
  std::int64_t success = 0, failed = 0, cancelled = 0, missed = 0, skipped = 0, interrupted = 0;

  /// Counts a firing that ended \p status (an execution status, or Missed,
  /// Skipped, Interrupted).
  void add(std::string_view status);
  /// The output; \p scheduled adds the counts only a schedule can have
  /// (missed, skipped, interrupted).
  Value toValue(bool scheduled) const;
};

/// Sleeps on the environment's clock until \p until, waking at least every
/// \p wakeEvery (zero: one sleep) to see whether a cancel came; false when
/// one did (it is taken: no child runs).
bool sleepUntil(RunEnvironment &environment, std::chrono::system_clock::time_point until,
                std::chrono::milliseconds wakeEvery);

/// One firing at \p at: its Running record, the child execution \p childId
/// started, run by \p run in the child's environment, ended, and the
/// firing's final record. Returns the child's status.
std::string runFiring(RunEnvironment &environment, const ExecutionState &trigger, std::int64_t at,
                      const std::string &childId,
                      const std::function<ExecutionOutcome(RunEnvironment &child)> &run);

/// A line about the trigger as a whole (waiting, the end, a summary).
void triggerNote(RunEnvironment &environment, const std::string &triggerId, const std::string &text);

/// A warning line about the trigger.
void triggerWarning(RunEnvironment &environment, const std::string &triggerId, const std::string &text);

} // namespace oosc::runtime::schedule
