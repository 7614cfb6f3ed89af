// Ess.cpp - Simulated Auto Scaling (ESS): the seeded scaling group, scaling
// groups and scaling configurations (where images are swapped).
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::ess {

namespace {

/// The group with capacities counted from its instances, so they never go
/// stale.
Value groupView(const World &world, const Value &group) {
  std::int64_t total = 0, inService = 0, standby = 0, protectedCount = 0;
  for (const Value &instance : world.records(section::ScalingInstances)) {
    if (textOf(instance, "ScalingGroupId") != textOf(group, "ScalingGroupId"))
      continue;
    std::string_view state = textOf(instance, "LifecycleState");
    ++total;
    inService += state == "InService";
    standby += state == "Standby";
    protectedCount += state == "Protected";
  }
  Value view = publicView(group);
  view.set("TotalCapacity", total);
  view.set("ActiveCapacity", inService + protectedCount);
  view.set("StandbyCapacity", standby);
  view.set("ProtectedCapacity", protectedCount);
  view.set("PendingCapacity", 0);
  view.set("RemovingCapacity", 0);
  view.set("TotalInstanceCount", total);
  return view;
}


/// The image a configuration request names by ImageId or ImageName, or
/// nullptr when it names none.
Outcome<const Value *, ApiError> requestedImage(const World &world,
                                                const Request &request,
                                                std::string_view regionId) {
  const Value *image = nullptr;
  if (auto id = request.text("ImageId")) {
    image = ecs::findImage(world, *id, regionId);
  } else if (auto name = request.text("ImageName")) {
    for (const Value &candidate : world.records(section::Images))
      if (textOf(candidate, "ImageName") == *name &&
          ecs::findImage(world, textOf(candidate, "ImageId"), regionId))
        image = &candidate;
  } else {
    return static_cast<const Value *>(nullptr);
  }
  if (!image)
    return notFound("InvalidImageId.NotFound",
                    "The specified image does not exist.");
  if (textOf(*image, "Status") != "Available")
    return forbidden("IncorrectImageStatus",
                     "The specified image is not available (it is " +
                         std::string(textOf(*image, "Status")) + ").");
  return image;
}

std::optional<ApiError> applyNetworkAndTypes(const World &world,
                                             const Request &request,
                                             Value &configuration,
                                             std::string_view regionId) {
  auto types = request.list({"InstanceTypes", "InstanceType"});
  if (!types)
    return types.error();
  for (const std::string &type : types.value())
    if (type.substr(0, 4) != "ecs.")
      return invalidParameter("InstanceType",
                              "'" + type + "' is not an ECS type");
  if (!types.value().empty()) {
    configuration.set("InstanceType", types.value().front());
    configuration.set(
        "InstanceTypes",
        Value(Value::Map{{"InstanceType", stringList(types.value())}}));
  }
  auto groups = request.list({"SecurityGroupId", "SecurityGroupIds"});
  if (!groups)
    return groups.error();
  for (const std::string &id : groups.value()) {
    const Value *group =
        world.find(section::SecurityGroups, "SecurityGroupId", id);
    if (!group || regionOfRecord(*group) != regionId)
      return notFound("InvalidSecurityGroupId.NotFound",
                      "The specified SecurityGroupId does not exist.");
  }
  if (!groups.value().empty()) {
    configuration.set("SecurityGroupId", groups.value().front());
    configuration.set(
        "SecurityGroupIds",
        Value(Value::Map{{"SecurityGroupId", stringList(groups.value())}}));
  }
  return std::nullopt;
}

/// Applies the configuration parameters the request carries.
std::optional<ApiError> applyConfiguration(const World &world,
                                           const Request &request,
                                           Value &configuration,
                                           std::string_view regionId) {
  auto image = requestedImage(world, request, regionId);
  if (!image)
    return image.error();
  if (image.value())
    useImage(configuration, *image.value());
  if (std::optional<ApiError> error =
          applyNetworkAndTypes(world, request, configuration, regionId))
    return error;
  for (std::string_view field :
       {"ScalingConfigurationName", "KeyPairName", "RamRoleName", "UserData",
        "InstanceName", "HostName", "InternetChargeType", "SpotStrategy",
        "SystemDiskCategory"})
    if (auto value = request.text(field))
      configuration.set(std::string(field), *value);
  if (auto category = request.text("SystemDisk.Category"))
    configuration.set("SystemDiskCategory", *category);
  auto size = request.integer(
      request.has("SystemDisk.Size") ? "SystemDisk.Size" : "SystemDiskSize",
      integerOf(configuration, "SystemDiskSize", 40), 20, 2048);
  if (!size)
    return size.error();
  configuration.set("SystemDiskSize", size.value());
  auto bandwidth = request.integer(
      "InternetMaxBandwidthOut",
      integerOf(configuration, "InternetMaxBandwidthOut"), 0, 100);
  if (!bandwidth)
    return bandwidth.error();
  configuration.set("InternetMaxBandwidthOut", bandwidth.value());
  auto tags = request.tags();
  if (!tags)
    return tags.error();
  // ESS writes a tag as Key and Value (ECS as TagKey and TagValue); given
  // tags replace the configuration's.
  if (!tags.value().empty()) {
    Value::List items;
    for (const Tag &tag : tags.value())
      items.push_back(Value(Value::Map{{"Key", tag.key}, {"Value", tag.value.value_or("")}}));
    configuration.set("Tags", Value(Value::Map{{"Tag", list(std::move(items))}}));
  }
  return std::nullopt;
}

} // namespace

Value newConfiguration(const std::string &id, const std::string &groupId,
                       bool active, Millis now) {
  return Value(Value::Map{
      {"ScalingConfigurationId", id},
      {"ScalingConfigurationName", id},
      {"ScalingGroupId", groupId},
      {"LifecycleState", active ? "Active" : "Inactive"},
      {"ImageId", ""},
      {"ImageName", ""},
      {"InstanceType", ""},
      {"InstanceTypes", Value(Value::Map{{"InstanceType", list()}})},
      {"SecurityGroupId", ""},
      {"SecurityGroupIds", Value(Value::Map{{"SecurityGroupId", list()}})},
      {"InternetChargeType", "PayByTraffic"},
      {"InternetMaxBandwidthIn", 200},
      {"InternetMaxBandwidthOut", 0},
      {"SystemDiskCategory", "cloud_essd"},
      {"SystemDiskSize", 40},
      {"KeyPairName", ""},
      {"RamRoleName", ""},
      {"UserData", ""},
      {"InstanceName", ""},
      {"HostName", ""},
      {"SpotStrategy", "NoSpot"},
      {"CreationTime", formatTime(now)},
      {"Tags", Value(Value::Map{{"Tag", list()}})}});
}

void useImage(Value &configuration, const Value &image) {
  configuration.set("ImageId", std::string(textOf(image, "ImageId")));
  configuration.set("ImageName", std::string(textOf(image, "ImageName")));
}

Outcome<Value *, ApiError> groupFor(World &world, const Request &request) {
  auto id = request.required("ScalingGroupId");
  if (!id)
    return id.error();
  Value *group =
      world.find(section::ScalingGroups, "ScalingGroupId", id.value());
  std::optional<std::string> regionId = request.text("RegionId");
  if (!group || (regionId && textOf(*group, "RegionId") != *regionId))
    return notFound("InvalidScalingGroupId.NotFound",
                    "The specified scaling group does not exist.");
  return group;
}

std::string groupRegion(const World &world, std::string_view groupId) {
  const Value *group =
      world.find(section::ScalingGroups, "ScalingGroupId", groupId);
  return group ? std::string(textOf(*group, "RegionId")) : std::string();
}

Value seededConfiguration(World &world, const SeedPlace &place, const std::string &id,
                          const std::string &groupId, bool active, std::string_view imageId,
                          std::string_view type, std::string_view name) {
  Value configuration = newConfiguration(id, groupId, active, world.now());
  if (const Value *image = world.find(section::Images, "ImageId", imageId))
    useImage(configuration, *image);
  configuration.set("ScalingConfigurationName", name);
  configuration.set("InstanceType", type);
  configuration.set("InstanceTypes", Value(Value::Map{{"InstanceType", list({Value(type)})}}));
  configuration.set("SecurityGroupId", place.securityGroup);
  configuration.set("SecurityGroupIds",
                    Value(Value::Map{{"SecurityGroupId", list({Value(place.securityGroup)})}}));
  configuration.set("Simulated", Value(Value::Map{{"RegionId", place.region}}));
  return configuration;
}

Value seededGroup(const World &world, const SeedPlace &place, const std::string &groupId,
                  std::string_view name, const std::string &activeId, std::int64_t desired) {
  Value::List vSwitchIds;
  for (std::string_view vSwitch : place.vSwitches)
    vSwitchIds.emplace_back(vSwitch);
  return Value(Value::Map{
      {"ScalingGroupId", groupId},
      {"ScalingGroupName", name},
      {"RegionId", place.region},
      {"LifecycleState", "Active"},
      {"ActiveScalingConfigurationId", activeId},
      {"LaunchTemplateId", ""},
      {"MinSize", 0},
      {"MaxSize", 10},
      {"DesiredCapacity", desired},
      {"DefaultCooldown", 300},
      {"GroupType", "ECS"},
      {"HealthCheckType", "ECS"},
      {"MultiAZPolicy", "PRIORITY"},
      {"ScalingPolicy", "release"},
      {"VpcId", place.vpc},
      {"VSwitchId", place.vSwitches.empty() ? std::string_view() : place.vSwitches.front()},
      {"VSwitchIds", Value(Value::Map{{"VSwitchId", list(std::move(vSwitchIds))}})},
      {"RemovalPolicies",
       Value(Value::Map{{"RemovalPolicy", list({Value("OldestScalingConfiguration"),
                                                Value("OldestInstance")})}})},
      {"SuspendedProcesses", Value(Value::Map{{"SuspendedProcess", list()}})},
      {"LoadBalancerIds", Value(Value::Map{{"LoadBalancerId", list()}})},
      {"DBInstanceIds", Value(Value::Map{{"DBInstanceId", list()}})},
      {"CreationTime", formatTime(world.now())}});
}

namespace {

// The seeded group lives in cn-hangzhou's default VPC (see Seed.cpp).
constexpr std::string_view SeedRegion = "cn-hangzhou";
/// The key pair of the built-in world (generic/Resources.def).
constexpr std::string_view SeedKeyPair = "sim-deploy-key";
constexpr std::string_view SeedVSwitches[] = {"vsw-simcnhangzhouh",
                                              "vsw-simcnhangzhoui"};
const SeedPlace Hangzhou{SeedRegion, "vpc-simcnhangzhou", "sg-simcnhangzhou",
                         {SeedVSwitches[0], SeedVSwitches[1]}};



/// Launches a Running instance in \p vSwitchId and puts it InService.
void seedInstance(World &world, const std::string &groupId,
                  const std::string &configurationId,
                  const std::string &imageId, std::string_view vSwitchId) {
  InstanceSpec spec;
  spec.regionId = std::string(SeedRegion);
  spec.vSwitchId = std::string(vSwitchId);
  spec.securityGroupId = std::string(Hangzhou.securityGroup);
  spec.imageId = imageId;
  spec.name = "ESS-sim-web-group";
  spec.keyPairName = std::string(SeedKeyPair);
  spec.tags = {{"acs:autoscaling:scalingGroupId", groupId}};
  std::string instanceId = ecs::createInstance(world, spec, true);
  addInServiceInstance(world, instanceId, groupId, configurationId);
}

} // namespace

void addInServiceInstance(World &world, const std::string &instanceId, const std::string &groupId,
                          const std::string &configurationId) {
  const Value *instance = world.find(section::Instances, "InstanceId", instanceId);
  std::string created = formatTime(world.now(), false);
  world.records(section::ScalingInstances)
      .push_back(Value(Value::Map{{"InstanceId", instanceId},
                                  {"ScalingGroupId", groupId},
                                  {"ScalingConfigurationId", configurationId},
                                  {"LifecycleState", "InService"},
                                  {"HealthStatus", "Healthy"},
                                  {"CreationType", "AutoCreated"},
                                  {"CreationTime", created},
                                  {"CreatedTime", created},
                                  {"ZoneId", std::string(instance ? textOf(*instance, "ZoneId") : "")},
                                  {"LaunchTemplateId", ""},
                                  {"WarmupState", "NoNeedWarmup"},
                                  {"WeightedCapacity", 1},
                                  {"LoadBalancerWeight", 50},
                                  {"Entrusted", false}}));
}

void seedScalingGroup(World &world, const std::string &imageId) {
  std::string groupId = world.nextId("asg");
  std::string activeId = world.nextId("asc");
  std::string spareId = world.nextId("asc");
  Value::List &configurations = world.records(section::ScalingConfigurations);
  configurations.push_back(seededConfiguration(world, Hangzhou, activeId, groupId, true, imageId,
                                               "ecs.g6.large", "sim-web-g6"));
  // The team logs in with its deploy key (the Ecs::KeyPair of Resources.def).
  configurations.back().set("KeyPairName", std::string(SeedKeyPair));
  configurations.push_back(seededConfiguration(world, Hangzhou, spareId, groupId, false,
                                               "aliyun_3_x64_20G_alibase_20240528.vhd",
                                               "ecs.c6.large", "sim-web-c6"));
  world.records(section::ScalingGroups)
      .push_back(seededGroup(world, Hangzhou, groupId, "sim-web-group", activeId, 2));
  for (std::string_view vSwitchId : SeedVSwitches)
    seedInstance(world, groupId, activeId, imageId, vSwitchId);
}

Result describeScalingGroups(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"ScalingGroupIds", "ScalingGroupId"});
  if (!ids)
    return ids.error();
  auto names = request.list({"ScalingGroupNames", "ScalingGroupName"});
  if (!names)
    return names.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  Value::List groups;
  for (const Value &group : world.records(section::ScalingGroups))
    if (textOf(group, "RegionId") == regionId.value() &&
        listedOrAll(ids.value(), textOf(group, "ScalingGroupId")) &&
        listedOrAll(names.value(), textOf(group, "ScalingGroupName")))
      groups.push_back(groupView(world, group));
  Value response = object();
  putPage(response, "ScalingGroups", "ScalingGroup", std::move(groups),
          page.value());
  return response;
}

Result describeScalingConfigurations(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids =
      request.list({"ScalingConfigurationIds", "ScalingConfigurationId"});
  if (!ids)
    return ids.error();
  auto names =
      request.list({"ScalingConfigurationNames", "ScalingConfigurationName"});
  if (!names)
    return names.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  std::optional<std::string> groupId = request.text("ScalingGroupId");
  Value::List configurations;
  for (const Value &configuration :
       world.records(section::ScalingConfigurations)) {
    std::string_view group = textOf(configuration, "ScalingGroupId");
    if (groupRegion(world, group) == regionId.value() &&
        (!groupId || group == *groupId) &&
        listedOrAll(ids.value(),
                    textOf(configuration, "ScalingConfigurationId")) &&
        listedOrAll(names.value(),
                    textOf(configuration, "ScalingConfigurationName")))
      configurations.push_back(publicView(configuration));
  }
  Value response = object();
  putPage(response, "ScalingConfigurations", "ScalingConfiguration",
          std::move(configurations), page.value());
  return response;
}

Result createScalingConfiguration(World &world, const Request &request) {
  auto group = groupFor(world, request);
  if (!group)
    return group.error();
  std::string groupId(textOf(*group.value(), "ScalingGroupId"));
  std::string regionId(textOf(*group.value(), "RegionId"));
  bool first = textOf(*group.value(), "ActiveScalingConfigurationId").empty();
  Value configuration = newConfiguration("", groupId, first, world.now());
  if (std::optional<ApiError> error =
          applyConfiguration(world, request, configuration, regionId))
    return *error;
  if (textOf(configuration, "ImageId").empty())
    return missingParameter("ImageId");
  if (textOf(configuration, "InstanceType").empty())
    return missingParameter("InstanceType");
  if (textOf(configuration, "SecurityGroupId").empty()) {
    // Default to a security group of the group's VPC, as the console does.
    for (const Value &candidate : world.records(section::SecurityGroups))
      if (textOf(candidate, "VpcId") == textOf(*group.value(), "VpcId")) {
        std::string id(textOf(candidate, "SecurityGroupId"));
        configuration.set("SecurityGroupId", id);
        configuration.set(
            "SecurityGroupIds",
            Value(Value::Map{{"SecurityGroupId", list({Value(id)})}}));
        break;
      }
  }
  if (textOf(configuration, "SecurityGroupId").empty())
    return missingParameter("SecurityGroupId");
  std::string id = world.nextId("asc");
  configuration.set("ScalingConfigurationId", id);
  if (textOf(configuration, "ScalingConfigurationName").empty())
    configuration.set("ScalingConfigurationName", id);
  configuration.set("Simulated", Value(Value::Map{{"RegionId", regionId}}));
  // A group without an active configuration adopts its first one.
  if (first)
    group.value()->set("ActiveScalingConfigurationId", id);
  world.records(section::ScalingConfigurations)
      .push_back(std::move(configuration));
  return Value(Value::Map{{"ScalingConfigurationId", id}});
}

Result modifyScalingConfiguration(World &world, const Request &request) {
  auto id = request.required("ScalingConfigurationId");
  if (!id)
    return id.error();
  Value *configuration = world.find(section::ScalingConfigurations,
                                    "ScalingConfigurationId", id.value());
  std::string regionId =
      configuration
          ? groupRegion(world, textOf(*configuration, "ScalingGroupId"))
          : std::string();
  std::optional<std::string> requestedRegion = request.text("RegionId");
  if (!configuration || (requestedRegion && *requestedRegion != regionId))
    return notFound("InvalidScalingConfigurationId.NotFound",
                    "The specified scaling configuration does not exist.");
  // Applied to a copy: a bad parameter leaves the configuration unchanged.
  Value updated = *configuration;
  if (std::optional<ApiError> error =
          applyConfiguration(world, request, updated, regionId))
    return *error;
  *configuration = std::move(updated);
  return object();
}

} // namespace oosc::runtime::sim::ess
