//===- EventTriggers.h - What a waiting trigger asks the cloud ------------===//
//
// A runner whose template starts with ACS::EventTrigger or ACS::AlarmTrigger
// asks CloudMonitor for events while it waits (runtime/src/schedule/
// EventTrigger.h), and ECS for the tags of the instance an event names, so
// it carries those APIs' table entries (codegen/ApiSubset.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string_view>
#include <vector>

namespace oosc::runtime {

struct TriggerApi {
  std::string_view product, api;
};

/// The APIs a trigger of \p action (any case) calls; empty for an action
/// that is not an event or alarm trigger.
std::vector<TriggerApi> triggerApisOf(std::string_view action);

} // namespace oosc::runtime
