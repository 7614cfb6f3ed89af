//===- catalogue/EventTriggers.cpp ------------------------------------------===//
#include "oosc/runtime/EventTriggers.h"
#include "oosc/runtime/Value.h"

namespace oosc::runtime {

std::vector<TriggerApi> triggerApisOf(std::string_view action) {
  if (equalsIgnoringAsciiCase(action, "ACS::EventTrigger"))
    return {{"Cms", "DescribeSystemEventAttribute"}, {"Ecs", "DescribeInstances"}};
  if (equalsIgnoringAsciiCase(action, "ACS::AlarmTrigger"))
    return {{"Cms", "DescribeMetricLast"}, {"Ecs", "DescribeInstances"}};
  return {};
}

} // namespace oosc::runtime
