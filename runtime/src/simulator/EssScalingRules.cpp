// EssScalingRules.cpp - ExecuteScalingRule on the simulated Auto Scaling:
// the rule (made by the generic engine's CreateScalingRule, found by its
// ScalingRuleAri) moves its group's capacity, within MinSize and MaxSize,
// by launching instances from the active scaling configuration or
// releasing the newest ones, and the change is a scaling activity
// DescribeScalingActivities shows.
#include "World.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace oosc::runtime::sim::ess {
namespace {

constexpr std::string_view kRuleKind = "Ess::ScalingRule";

std::vector<std::string> inServiceOf(const World &world, std::string_view groupId) {
  std::vector<std::string> ids;
  for (const Value &member : world.records(section::ScalingInstances))
    if (textOf(member, "ScalingGroupId") == groupId && textOf(member, "LifecycleState") == "InService")
      ids.emplace_back(textOf(member, "InstanceId"));
  return ids;
}

/// The capacity \p rule asks of a group of \p current instances, before
/// the group's bounds.
Outcome<std::int64_t, ApiError> askedCapacity(const Value &rule, std::int64_t current) {
  std::string_view type = textOf(rule, "AdjustmentType");
  // As the rule keeps it: a number, or the text a template passed ("-1");
  // anything else adjusts nothing.
  auto adjustment = Request(rule).integer("AdjustmentValue", 0, INT64_MIN, INT64_MAX);
  std::int64_t value = adjustment ? adjustment.value() : 0;
  if (type == "QuantityChangeInCapacity")
    return current + value;
  if (type == "PercentChangeInCapacity")
    return current + static_cast<std::int64_t>(std::lround(static_cast<double>(current) * value / 100));
  if (type == "TotalCapacity")
    return value;
  return invalidParameter("AdjustmentType", "it is QuantityChangeInCapacity, PercentChangeInCapacity or TotalCapacity");
}

/// Launches one instance from \p configuration into \p group, in the
/// group's \p index-th vSwitch (round robin), and puts it InService.
void launchInto(World &world, const Value &group, const Value &configuration, size_t index) {
  std::vector<std::string> vSwitches;
  if (const Value *ids = group.findPath("VSwitchIds.VSwitchId"); ids && ids->isList())
    for (const Value &id : ids->getList())
      vSwitches.push_back(scalarText(id));
  if (vSwitches.empty())
    vSwitches.emplace_back(textOf(group, "VSwitchId"));
  std::string groupId(textOf(group, "ScalingGroupId"));
  InstanceSpec spec;
  spec.regionId = std::string(textOf(group, "RegionId"));
  spec.vSwitchId = vSwitches[index % vSwitches.size()];
  spec.securityGroupId = std::string(textOf(configuration, "SecurityGroupId"));
  spec.imageId = std::string(textOf(configuration, "ImageId"));
  spec.instanceType = std::string(textOf(configuration, "InstanceType"));
  spec.keyPairName = std::string(textOf(configuration, "KeyPairName"));
  spec.name = "ESS-" + std::string(textOf(group, "ScalingGroupName"));
  spec.tags = {{"acs:autoscaling:scalingGroupId", groupId}};
  std::string instanceId = ecs::createInstance(world, spec, true);
  addInServiceInstance(world, instanceId, groupId, std::string(textOf(configuration, "ScalingConfigurationId")));
}

} // namespace

Result executeScalingRule(World &world, const Request &request) {
  auto ari = request.required("ScalingRuleAri");
  if (!ari)
    return ari.error();
  const Value *rule = findResource(world, kRuleKind, "ScalingRuleAri", ari.value());
  if (!rule)
    return notFound("InvalidScalingRuleAri.NotFound", "The specified scaling rule does not exist.");
  Value *group = world.find(section::ScalingGroups, "ScalingGroupId", textOf(*rule, "ScalingGroupId"));
  if (!group)
    return notFound("InvalidScalingGroupId.NotFound", "The specified scaling group does not exist.");
  if (textOf(*group, "LifecycleState") != "Active")
    return forbidden("IncorrectScalingGroupStatus",
                     "The current status of the specified scaling group does not support this action.");
  std::string groupId(textOf(*group, "ScalingGroupId"));
  std::vector<std::string> members = inServiceOf(world, groupId);
  auto current = static_cast<std::int64_t>(members.size());
  auto asked = askedCapacity(*rule, current);
  if (!asked)
    return asked.error();
  std::int64_t target =
      std::clamp(asked.value(), integerOf(*group, "MinSize", 0), std::max(integerOf(*group, "MaxSize", 0), std::int64_t(0)));
  const Value *configuration =
      world.find(section::ScalingConfigurations, "ScalingConfigurationId", textOf(*group, "ActiveScalingConfigurationId"));
  if (target > current && !configuration)
    return forbidden("IncorrectScalingGroupStatus", "The scaling group has no active scaling configuration.");
  for (std::int64_t i = current; i < target; ++i)
    launchInto(world, *group, *configuration, static_cast<size_t>(i));
  // Scaling in releases the newest instances first.
  for (std::int64_t i = current; i > target; --i)
    ecs::releaseInstance(world, members[static_cast<size_t>(i - 1)]);
  group->set("DesiredCapacity", target);
  std::string activityId = addActivity(world, groupId,
                                       "Execute scaling rule " + std::string(textOf(*rule, "ScalingRuleId")) +
                                           ": from " + std::to_string(current) + " to " + std::to_string(target) +
                                           " instances");
  Value answer = object();
  answer.set("ScalingActivityId", activityId);
  return answer;
}

} // namespace oosc::runtime::sim::ess
