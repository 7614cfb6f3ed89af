// Ecs.cpp - Simulated ECS instances: creation, the status state machine
// (Pending -> Starting -> Running -> Stopping -> Stopped), queries, deletion.
#include "World.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace oosc::runtime::sim::ecs {

namespace {

/// vCPUs and memory of an instance type, guessed from its name the way the
/// ECS type families are laid out: ecs.<family>.<N>xlarge has 4N vCPUs, and
/// the family letter sets the memory per vCPU (c 2 GiB, g 4, r 8).
struct TypeShape {
  bool valid = false;
  std::string family;
  std::int64_t cpu = 0;
  std::int64_t memoryMiB = 0;
};

TypeShape shapeOf(std::string_view type) {
  TypeShape shape;
  std::size_t lastDot = type.rfind('.');
  if (type.substr(0, 4) != "ecs." || lastDot <= 4 || lastDot + 1 >= type.size())
    return shape;
  std::string_view size = type.substr(lastDot + 1);
  shape.family = std::string(type.substr(0, lastDot));
  if (size == "small" || size == "medium")
    shape.cpu = 1;
  else if (size == "large")
    shape.cpu = 2;
  else if (size == "xlarge")
    shape.cpu = 4;
  else if (size.size() > 6 && size.substr(size.size() - 6) == "xlarge")
    shape.cpu = 4 * std::max(1, std::atoi(std::string(size).c_str()));
  else
    return shape;
  char letter = type[4];
  std::int64_t gibPerCpu = letter == 'c' ? 2 : letter == 'r' ? 8 : 4;
  shape.memoryMiB = shape.cpu * gibPerCpu * 1024;
  shape.valid = true;
  return shape;
}

ApiError instanceNotFound() {
  return notFound("InvalidInstanceId.NotFound",
                  "The specified InstanceId does not exist.");
}

ApiError incorrectStatus(const Value &instance) {
  return forbidden("IncorrectInstanceStatus",
                   "The current status of the resource does not support this "
                   "operation (instance " +
                       std::string(textOf(instance, "InstanceId")) + " is " +
                       std::string(textOf(instance, "Status")) + ").");
}


/// Changes that bring an instance to Running at \p at. An agent whose
/// installation a stop or reboot interrupted starts with the instance.
Value runningChanges(const Value &instance, Millis at) {
  Value changes = Value(Value::Map{{"Status", "Running"},
                                   {"StartTime", formatTime(at, false)},
                                   {"StoppedMode", "Not-applicable"}});
  const Value *agent = simulatedMember(instance, "CloudAssistant");
  if (agent && agent->isString() && agent->getString() == "Installing")
    changes.set("Simulated", Value(Value::Map{{"CloudAssistant", "Active"}}));
  return changes;
}

std::string privateIp(const Value &vSwitch, std::string_view instanceId) {
  // 172.16.<n>.0/24 blocks: take <n> from the vSwitch and a host number from
  // the id's counter, so addresses are stable across runs.
  std::string_view cidr = textOf(vSwitch, "CidrBlock");
  std::size_t firstDot = cidr.find('.');
  std::size_t secondDot = cidr.find('.', firstDot + 1);
  std::size_t thirdDot = cidr.find('.', secondDot + 1);
  std::string network = thirdDot == std::string_view::npos
                            ? std::string("172.16.0")
                            : std::string(cidr.substr(0, thirdDot));
  std::size_t digits = instanceId.find_first_of("0123456789");
  std::int64_t counter =
      digits == std::string_view::npos
          ? 0
          : std::atoll(std::string(instanceId.substr(digits)).c_str());
  return network + "." + std::to_string(2 + counter % 250);
}

bool globMatch(std::string_view pattern, std::string_view text) {
  std::size_t star = pattern.find('*');
  if (star == std::string_view::npos)
    return pattern == text;
  if (text.substr(0, star) != pattern.substr(0, star))
    return false;
  std::string_view rest = pattern.substr(star + 1);
  for (std::size_t from = star; from <= text.size(); ++from)
    if (globMatch(rest, text.substr(from)))
      return true;
  return false;
}

/// Equality filters of DescribeInstances: request parameter = member.
constexpr std::string_view InstanceFilters[] = {"Status",
                                                "ZoneId",
                                                "InstanceType",
                                                "ImageId",
                                                "KeyPairName",
                                                "ResourceGroupId",
                                                "InstanceChargeType",
                                                "InstanceNetworkType",
                                                "HostName"};

bool matchesInstance(const Value &instance, const Request &request,
                     const std::vector<std::string> &ids,
                     const std::vector<Tag> &tags) {
  if (!ids.empty() && std::find(ids.begin(), ids.end(),
                                textOf(instance, "InstanceId")) == ids.end())
    return false;
  for (std::string_view filter : InstanceFilters)
    if (auto wanted = request.text(filter);
        wanted && textOf(instance, filter) != *wanted)
      return false;
  if (auto name = request.text("InstanceName");
      name && !globMatch(*name, textOf(instance, "InstanceName")))
    return false;
  const Value *vpc = instance.find("VpcAttributes");
  for (std::string_view filter : {"VpcId", "VSwitchId"})
    if (auto wanted = request.text(filter);
        wanted && (!vpc || textOf(*vpc, filter) != *wanted))
      return false;
  if (auto group = request.text("SecurityGroupId")) {
    const Value *groups = instance.find("SecurityGroupIds");
    const Value *idList = groups ? groups->find("SecurityGroupId") : nullptr;
    if (!idList || !idList->isList() ||
        std::find(idList->getList().begin(), idList->getList().end(),
                  Value(*group)) == idList->getList().end())
      return false;
  }
  return matchesTags(instance, tags);
}

Outcome<const Value *, ApiError>
pickVSwitch(World &world, const Request &request, std::string_view regionId) {
  if (auto id = request.text("VSwitchId")) {
    const Value *vSwitch = world.find(section::VSwitches, "VSwitchId", *id);
    const Value *vSwitchRegion =
        vSwitch ? simulatedMember(*vSwitch, "RegionId") : nullptr;
    if (!vSwitch || !vSwitchRegion || *vSwitchRegion != Value(regionId))
      return notFound("InvalidVSwitchId.NotFound",
                      "The specified VSwitchId does not exist.");
    return vSwitch;
  }
  // No vSwitch: like the console, use the default vSwitch of the zone (or
  // of the region's first zone).
  std::optional<std::string> zone = request.text("ZoneId");
  for (const Value &vSwitch : world.records(section::VSwitches)) {
    const Value *vSwitchRegion = simulatedMember(vSwitch, "RegionId");
    if (vSwitchRegion && *vSwitchRegion == Value(regionId) &&
        (!zone || textOf(vSwitch, "ZoneId") == *zone))
      return &vSwitch;
  }
  return notFound("InvalidZoneId.NotFound",
                  "The specified ZoneId does not exist in the region.");
}

Outcome<std::string, ApiError>
pickSecurityGroup(World &world, const Request &request, const Value &vSwitch) {
  auto ids = request.list({"SecurityGroupId", "SecurityGroupIds"});
  if (!ids)
    return ids.error();
  std::string_view vpcId = textOf(vSwitch, "VpcId");
  if (ids.value().empty()) {
    for (const Value &group : world.records(section::SecurityGroups))
      if (textOf(group, "VpcId") == vpcId)
        return std::string(textOf(group, "SecurityGroupId"));
    return missingParameter("SecurityGroupId");
  }
  const std::string &id = ids.value().front();
  const Value *group =
      world.find(section::SecurityGroups, "SecurityGroupId", id);
  if (!group)
    return notFound("InvalidSecurityGroupId.NotFound",
                    "The specified SecurityGroupId does not exist.");
  if (textOf(*group, "VpcId") != vpcId)
    return forbidden("InvalidSecurityGroup.NotInSameVpc",
                     "The specified security group and vSwitch are not in the "
                     "same VPC.");
  return id;
}

/// Reads everything RunInstances needs besides the image and network.
Outcome<InstanceSpec, ApiError> readSpec(const Request &request) {
  InstanceSpec spec;
  spec.name = request.textOr("InstanceName", "");
  spec.hostName = request.textOr("HostName", "");
  spec.description = request.textOr("Description", "");
  spec.keyPairName = request.textOr("KeyPairName", "");
  spec.ramRoleName = request.textOr("RamRoleName", "");
  spec.resourceGroupId = request.textOr("ResourceGroupId", "");
  spec.chargeType = request.textOr("InstanceChargeType", "PostPaid");
  if (spec.chargeType != "PostPaid" && spec.chargeType != "PrePaid")
    return invalidParameter("InstanceChargeType",
                            "expected PostPaid or PrePaid");
  spec.internetChargeType =
      request.textOr("InternetChargeType", "PayByTraffic");
  spec.systemDiskCategory =
      request.textOr("SystemDisk.Category",
                     request.textOr("SystemDiskCategory", "cloud_essd"));
  auto size = request.integer(request.has("SystemDisk.Size") ? "SystemDisk.Size"
                                                             : "SystemDiskSize",
                              40, 20, 2048);
  if (!size)
    return size.error();
  spec.systemDiskSize = size.value();
  auto bandwidth = request.integer("InternetMaxBandwidthOut", 0, 0, 100);
  if (!bandwidth)
    return bandwidth.error();
  spec.bandwidthOut = bandwidth.value();
  // 0 leaves the default, as for a call without it: Alibaba's own
  // ACS-ECS-RepairWindowsBlueScreenIssue passes 0 for its helper instance.
  auto bandwidthIn = request.integer("InternetMaxBandwidthIn", 100, 0, 10240);
  if (!bandwidthIn)
    return bandwidthIn.error();
  spec.bandwidthIn = bandwidthIn.value() ? bandwidthIn.value() : 100;
  auto tags = request.tags();
  if (!tags)
    return tags.error();
  spec.tags = tags.value();
  return spec;
}

/// Schedules Starting after \p startingAfter, then Running.
void scheduleStart(World &world, Value &instance, Millis startingAfter) {
  world.cancelTimeline(instance);
  Millis runningAfter = startingAfter + delay::StartingToRunning;
  world.schedule(instance, startingAfter,
                 Value(Value::Map{{"Status", "Starting"}}));
  world.schedule(instance, runningAfter,
                 runningChanges(instance, world.now() + runningAfter));
}

} // namespace

/// The instance named by the request's InstanceId, in the request's region.
Outcome<Value *, ApiError> instanceFor(World &world, const Request &request) {
  auto id = request.required("InstanceId");
  if (!id)
    return id.error();
  Value *instance = world.find(section::Instances, "InstanceId", id.value());
  std::optional<std::string> regionId = request.text("RegionId");
  if (!instance || (regionId && textOf(*instance, "RegionId") != *regionId))
    return instanceNotFound();
  return instance;
}

std::string createInstance(World &world, const InstanceSpec &spec,
                           bool running) {
  std::string id =
      spec.instanceId.empty() ? world.nextId("i") : spec.instanceId;
  const Value *vSwitch =
      world.find(section::VSwitches, "VSwitchId", spec.vSwitchId);
  const Value *image = findImage(world, spec.imageId, spec.regionId);
  Value none = object();
  const Value &vsw = vSwitch ? *vSwitch : none;
  const Value &img = image ? *image : none;
  TypeShape shape = shapeOf(spec.instanceType);
  std::string created = formatTime(world.now(), false);
  const Value *imageAgent = simulatedMember(img, "CloudAssistant");
  bool agent = imageAgent && imageAgent->isBool() && imageAgent->getBool();
  Value instance(Value::Map{
      {"InstanceId", id},
      {"InstanceName", spec.name.empty() ? id : spec.name},
      {"HostName",
       spec.hostName.empty() ? "iZ" + id.substr(2) + "Z" : spec.hostName},
      {"Description", spec.description},
      {"RegionId", spec.regionId},
      {"ZoneId", std::string(textOf(vsw, "ZoneId"))},
      {"Status", running ? "Running" : "Pending"},
      {"InstanceType", spec.instanceType},
      {"InstanceTypeFamily", shape.family},
      {"Cpu", shape.cpu},
      {"Memory", shape.memoryMiB},
      {"ImageId", spec.imageId},
      {"OSType", std::string(textOf(img, "OSType"))},
      {"OSName", std::string(textOf(img, "OSName"))},
      {"OSNameEn", std::string(textOf(img, "OSNameEn"))},
      {"InstanceChargeType", spec.chargeType},
      {"InternetChargeType", spec.internetChargeType},
      {"InternetMaxBandwidthIn", spec.bandwidthIn},
      {"InternetMaxBandwidthOut", spec.bandwidthOut},
      {"InstanceNetworkType", "vpc"},
      {"IoOptimized", true},
      {"CreationTime", created},
      {"StartTime", running ? created : std::string()},
      {"ExpiredTime", "2099-12-31T15:59Z"},
      {"StoppedMode", "Not-applicable"},
      {"ResourceGroupId", spec.resourceGroupId},
      {"KeyPairName", spec.keyPairName},
      {"DeploymentSetId", ""},
      {"CreditSpecification", ""},
      {"DeletionProtection", false},
      {"SecurityGroupIds",
       Value(Value::Map{
           {"SecurityGroupId", list({Value(spec.securityGroupId)})}})},
      {"VpcAttributes",
       Value(Value::Map{{"VpcId", std::string(textOf(vsw, "VpcId"))},
                        {"VSwitchId", spec.vSwitchId},
                        {"PrivateIpAddress",
                         Value(Value::Map{{"IpAddress", list({Value(privateIp(
                                                            vsw, id))})}})},
                        {"NatIpAddress", ""}})},
      {"PublicIpAddress", Value(Value::Map{{"IpAddress", list()}})},
      {"EipAddress", Value(Value::Map{{"AllocationId", ""},
                                      {"IpAddress", ""},
                                      {"InternetChargeType", ""}})},
      {"Tags", Value(Value::Map{{"Tag", list()}})},
      {"Simulated",
       Value(Value::Map{{"CloudAssistant", agent ? "Active" : "None"},
                        {"RamRoleName", spec.ramRoleName},
                        {"SystemDiskCategory", spec.systemDiskCategory},
                        {"SystemDiskSize", spec.systemDiskSize}})}});
  setTags(instance, spec.tags);
  if (!running)
    scheduleStart(world, instance, delay::PendingToStarting);
  world.records(section::Instances).push_back(std::move(instance));
  return id;
}

bool cloudAssistantOnline(const Value &instance) {
  const Value *agent = simulatedMember(instance, "CloudAssistant");
  return textOf(instance, "Status") == "Running" && agent &&
         *agent == Value("Active");
}

Result runInstances(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto imageId = request.required("ImageId");
  if (!imageId)
    return imageId.error();
  auto type = request.required("InstanceType");
  if (!type)
    return type.error();
  auto amount = request.integer("Amount", 1, 1, 100);
  if (!amount)
    return amount.error();
  auto image = availableImage(world, imageId.value(), regionId.value());
  if (!image)
    return image.error();
  if (!shapeOf(type.value()).valid)
    return makeError(400, "InvalidInstanceType.ValueNotSupported",
                     "The specified InstanceType \"" + type.value() +
                         "\" does not exist or is not supported.");
  auto vSwitch = pickVSwitch(world, request, regionId.value());
  if (!vSwitch)
    return vSwitch.error();
  auto group = pickSecurityGroup(world, request, *vSwitch.value());
  if (!group)
    return group.error();
  auto spec = readSpec(request);
  if (!spec)
    return spec.error();
  auto dryRun = request.boolean("DryRun", false);
  if (!dryRun)
    return dryRun.error();
  if (dryRun.value())
    return makeError(
        400, "DryRunOperation",
        "Request validation has been passed with DryRun flag set.");
  spec.value().regionId = regionId.value();
  spec.value().imageId = imageId.value();
  spec.value().instanceType = type.value();
  spec.value().vSwitchId = std::string(textOf(*vSwitch.value(), "VSwitchId"));
  spec.value().securityGroupId = group.value();
  Value::List ids;
  for (std::int64_t i = 0; i < amount.value(); ++i)
    ids.emplace_back(createInstance(world, spec.value(), false));
  return Value(
      Value::Map{{"InstanceIdSets",
                  Value(Value::Map{{"InstanceIdSet", list(std::move(ids))}})},
                 {"OrderId", ""},
                 {"TradePrice", 0.0}});
}

Result describeInstances(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"InstanceIds"});
  if (!ids)
    return ids.error();
  if (ids.value().size() > 100)
    return invalidParameter("InstanceIds", "at most 100 ids");
  auto tags = request.tags();
  if (!tags)
    return tags.error();
  auto page = readPaging(request, 10, 100);
  if (!page)
    return page.error();
  Value::List matches;
  for (const Value &instance : world.records(section::Instances))
    if (textOf(instance, "RegionId") == regionId.value() &&
        matchesInstance(instance, request, ids.value(), tags.value()))
      matches.push_back(publicView(instance));
  Value response = object();
  putPage(response, "Instances", "Instance", std::move(matches), page.value());
  return response;
}

Result describeInstanceStatus(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"InstanceId", "InstanceIds"});
  if (!ids)
    return ids.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  std::optional<std::string> zone = request.text("ZoneId");
  std::set<std::string> wanted(ids.value().begin(), ids.value().end());
  Value::List statuses;
  for (const Value &instance : world.records(section::Instances)) {
    std::string id(textOf(instance, "InstanceId"));
    if (textOf(instance, "RegionId") != regionId.value() ||
        (!wanted.empty() && !wanted.count(id)) ||
        (zone && textOf(instance, "ZoneId") != *zone))
      continue;
    statuses.push_back(
        Value(Value::Map{{"InstanceId", id},
                         {"Status", std::string(textOf(instance, "Status"))}}));
  }
  Value response = object();
  putPage(response, "InstanceStatuses", "InstanceStatus", std::move(statuses),
          page.value());
  return response;
}

namespace {

/// ECS's codes of an instance's Status (DescribeInstancesFullStatus).
std::int64_t statusCode(std::string_view status) {
  constexpr std::pair<std::string_view, std::int64_t> kCodes[] = {
      {"Pending", 0}, {"Running", 1}, {"Starting", 2}, {"Stopping", 3}, {"Stopped", 4}};
  for (const auto &[name, code] : kCodes)
    if (name == status)
      return code;
  return 0;
}

} // namespace

Result describeInstancesFullStatus(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"InstanceId", "InstanceIds"});
  if (!ids)
    return ids.error();
  auto page = readPaging(request, 10, 100);
  if (!page)
    return page.error();
  std::optional<std::string> status = request.text("Status");
  std::optional<std::string> health = request.text("HealthStatus");
  // The simulated instances have no scheduled system events: a filter on
  // events matches none of them.
  bool eventFilter = false;
  for (std::string_view name : {"EventId", "EventType", "InstanceEventType", "EventPublishTime.Start",
                                "EventPublishTime.End", "NotBefore.Start", "NotBefore.End"})
    eventFilter = eventFilter || request.has(name);
  std::set<std::string> wanted(ids.value().begin(), ids.value().end());
  Value::List statuses;
  for (const Value &instance : world.records(section::Instances)) {
    std::string id(textOf(instance, "InstanceId"));
    std::string_view state = textOf(instance, "Status");
    if (textOf(instance, "RegionId") != regionId.value() || (!wanted.empty() && !wanted.count(id)) ||
        (status && state != *status) || (health && *health != "Ok") || eventFilter)
      continue;
    statuses.push_back(Value(Value::Map{
        {"InstanceId", id},
        {"Status", Value(Value::Map{{"Code", statusCode(state)}, {"Name", std::string(state)}})},
        {"HealthStatus", Value(Value::Map{{"Code", std::int64_t(0)}, {"Name", "Ok"}})},
        {"ScheduledSystemEventSet", Value(Value::Map{{"ScheduledSystemEventType", list()}})}}));
  }
  for (const std::string &id : wanted)
    if (!world.find(section::Instances, "InstanceId", id))
      return notFound("InvalidInstanceId.NotFound", "The specified InstanceId \"" + id + "\" does not exist.");
  Value response = object();
  putPage(response, "InstanceFullStatusSet", "InstanceFullStatusType", std::move(statuses), page.value());
  return response;
}

namespace {

/// CloudMonitor's Instance:StateChange event of \p record reaching \p state
/// after \p after.
void stateChanged(World &world, const Value &record, std::string_view state, Millis after) {
  std::string id(textOf(record, "InstanceId"));
  SystemEvent event;
  event.product = "ECS";
  event.name = "Instance:StateChange";
  event.regionId = std::string(textOf(record, "RegionId"));
  event.resourceId = "acs:ecs:" + event.regionId + ":" + std::string(kAccountId) + ":instance/" + id;
  event.instanceName = std::string(textOf(record, "InstanceName"));
  event.time = world.now() + after;
  event.content = Value(Value::Map{{"resourceId", id}, {"resourceType", "ALIYUN::ECS::Instance"}, {"state", state}});
  raiseSystemEvent(world, event);
}

} // namespace

Result startInstance(World &world, const Request &request) {
  auto instance = instanceFor(world, request);
  if (!instance)
    return instance.error();
  Value &record = *instance.value();
  if (textOf(record, "Status") != "Stopped")
    return incorrectStatus(record);
  record.set("Status", "Starting");
  world.cancelTimeline(record);
  world.schedule(
      record, delay::StartingToRunning,
      runningChanges(record, world.now() + delay::StartingToRunning));
  stateChanged(world, record, "Starting", 0);
  stateChanged(world, record, "Running", delay::StartingToRunning);
  return object();
}

Result stopInstance(World &world, const Request &request) {
  auto instance = instanceFor(world, request);
  if (!instance)
    return instance.error();
  auto force = request.boolean("ForceStop", false);
  if (!force)
    return force.error();
  std::string mode = request.textOr("StoppedMode", "KeepCharging");
  if (mode != "KeepCharging" && mode != "StopCharging")
    return invalidParameter("StoppedMode",
                            "expected KeepCharging or StopCharging");
  Value &record = *instance.value();
  if (textOf(record, "Status") != "Running")
    return incorrectStatus(record);
  record.set("Status", "Stopping");
  world.cancelTimeline(record);
  Millis stopping = force.value() ? delay::ForceStopping : delay::Stopping;
  world.schedule(record, stopping, Value(Value::Map{{"Status", "Stopped"}, {"StoppedMode", mode}}));
  stateChanged(world, record, "Stopping", 0);
  stateChanged(world, record, "Stopped", stopping);
  return object();
}

Result rebootInstance(World &world, const Request &request) {
  auto instance = instanceFor(world, request);
  if (!instance)
    return instance.error();
  auto force = request.boolean("ForceStop", false);
  if (!force)
    return force.error();
  Value &record = *instance.value();
  if (textOf(record, "Status") != "Running")
    return incorrectStatus(record);
  record.set("Status", "Stopping");
  scheduleStart(world, record,
                force.value() ? delay::ForceStopping : delay::RebootStopping);
  return object();
}

Result deleteInstance(World &world, const Request &request) {
  auto instance = instanceFor(world, request);
  if (!instance)
    return instance.error();
  auto force = request.boolean("Force", false);
  if (!force)
    return force.error();
  Value &record = *instance.value();
  if (boolOf(record, "DeletionProtection"))
    return forbidden("InvalidOperation.DeletionProtection",
                     "The instance has deletion protection enabled; disable "
                     "it with ModifyInstanceAttribute first.");
  if (textOf(record, "Status") != "Stopped" && !force.value())
    return incorrectStatus(record);
  releaseInstance(world, std::string(textOf(record, "InstanceId")));
  return object();
}

void releaseInstance(World &world, const std::string &id) {
  world.erase(section::Instances, "InstanceId", id);
  world.erase(section::ScalingInstances, "InstanceId", id);
}

} // namespace oosc::runtime::sim::ecs
