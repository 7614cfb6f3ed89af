//===- schedule/TimerTrigger.h - A runner that stays up for its schedule ---===//
//
// OOS runs a template whose first task is ACS::TimerTrigger as a trigger
// execution that waits, and starts a child execution of the same template
// (same parameters, without the trigger task) at each firing until EndDate.
// A runner does the same on its clock: a virtual clock moves straight to
// each firing, so a test runs a month of firings at once; --real-time
// really waits.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/Executor.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace oosc::runtime::schedule {

struct TriggerOptions {
  /// On a real clock, how often a wait wakes to see whether SIGINT or
  /// SIGTERM came; zero: each wait is one sleep (a virtual clock's sleeps
  /// return at once).
  std::chrono::milliseconds wakeEvery{0};
  /// Continue the trigger execution whose id the run is given, as the
  /// journal recorded it, reporting the firings that passed while no runner
  /// was up (--resume-schedule).
  bool resuming = false;
  /// A new id for each child execution.
  std::function<std::string()> newExecutionId;
  /// End after this many firings run (--firings); 0: at EndDate.
  unsigned long long maxFirings = 0;
};

/// Whether the template's first task is ACS::TimerTrigger.
bool startsWithTimerTrigger(const TemplateDef &def);

/// Runs the trigger execution \p triggerId: resolves the trigger's
/// schedule, then for each firing waits on the clock and runs the template
/// from its second task as a child execution, journaled with the firing.
/// Ends Success when no firing is left before EndDate, Cancelled on SIGINT
/// or SIGTERM, Failed when the schedule is wrong. Children that fail do not
/// fail the trigger; the outputs count firings by outcome.
ExecutionOutcome runTimerTrigger(const TemplateDef &def, const std::vector<Value> &parameters,
                                 RunEnvironment &environment, const std::string &triggerId,
                                 const TriggerOptions &options);

/// For --resume-schedule: checks that \p triggerId is an unfinished trigger
/// execution of \p def in the journal \p journalFile, and adds the
/// parameters it recorded to \p parameters (values given on the command
/// line win). Secret parameters were recorded masked, so they must be given
/// again. Returns what is wrong, if anything.
std::optional<std::string> restoreTriggerParameters(const std::string &journalFile,
                                                    const std::string &triggerId,
                                                    const TemplateDef &def, Value &parameters);

} // namespace oosc::runtime::schedule
