//===- schedule/EventTrigger.h - A runner that waits for events ------------===//
//
// A template whose first task is ACS::EventTrigger or ACS::AlarmTrigger
// runs as OOS runs it: a trigger execution that waits, and for each event
// that matches starts a child execution of the same template from its
// second task, the trigger task's outputs selected from the event
// (`.content.resourceId`, `.instanceId`).
//
// The events come from the command line (--event), or from the cloud the
// runner drives, through the APIs OOS's triggers rest on:
//   ACS::EventTrigger  CloudMonitor's system events
//                      (CMS DescribeSystemEventAttribute), matched on
//                      Product, Name, Level, RegionId, Content and the
//                      resource's Tags;
//   ACS::AlarmTrigger  the instances' latest metric (CMS DescribeMetricLast)
//                      against Threshold with ComparisonOperator, Times
//                      checks in a row, at most once per SilenceTime.
// The simulated cloud raises system events as its instances stop and start
// and their tags change, and reports metrics its instances' tags
// `sim:metric:<name>` set.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/Executor.h"

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace oosc::runtime::schedule {

struct EventTriggerOptions {
  /// On a real clock, how often a wait wakes to see whether SIGINT or
  /// SIGTERM came; zero: each wait is one sleep.
  std::chrono::milliseconds wakeEvery{0};
  /// A new id for each child execution.
  std::function<std::string()> newExecutionId;
  /// End after this many firings (--firings); 0: no limit.
  unsigned long long maxFirings = 0;
  /// --event: these events instead of the cloud's, in order; the trigger
  /// ends after them.
  std::vector<Value> givenEvents;
  /// Stop waiting after this long on the runner's clock; zero: until
  /// cancelled.
  std::chrono::seconds listenFor{0};
};

/// Whether the template's first task is ACS::EventTrigger or ACS::AlarmTrigger.
bool startsWithEventTrigger(const TemplateDef &def);

/// Runs the trigger execution \p triggerId (see above). Ends Success when
/// the given events are spent, --firings are done or --listen-for has
/// passed; Cancelled on SIGINT or SIGTERM; Failed when the trigger's
/// properties are wrong or the cloud cannot be asked. The outputs count
/// firings by outcome.
ExecutionOutcome runEventTrigger(const TemplateDef &def, const std::vector<Value> &parameters,
                                 RunEnvironment &environment, const std::string &triggerId,
                                 const EventTriggerOptions &options);

} // namespace oosc::runtime::schedule
