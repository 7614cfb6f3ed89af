// SeedFleet.cpp - The seeded mixed fleet: an Auto Scaling group in
// cn-shanghai whose InService instances run different operating systems and
// architectures, for rolling updates and extensions that pick a script per
// instance.
//
// It lives in its own region, and its ids are fixed names rather than
// counter values ("i-simfleet01", "asg-simfleet"), so the cn-hangzhou world
// and the ids of resources created later are the same with or without it.
#include "World.h"

namespace oosc::runtime::sim::ess {

namespace {

constexpr std::string_view FleetRegion = "cn-shanghai";
constexpr std::string_view FleetGroup = "asg-simfleet";
constexpr std::string_view FleetConfiguration = "asc-simfleet";
constexpr std::string_view FleetSecurityGroup = "sg-simcnshanghai";
constexpr std::string_view FleetVpc = "vpc-simcnshanghai";
constexpr std::string_view FleetVSwitches[] = {"vsw-simcnshanghaie",
                                               "vsw-simcnshanghaif"};

struct FleetMember {
  std::string_view instanceId;
  std::string_view imageId;
  std::string_view instanceType;
};

/// Three Linux x86_64 instances (two images), one Linux arm64 (an ARM
/// instance family) and one Windows: every case a per-OS, per-architecture
/// choice has to get right.
constexpr FleetMember Members[] = {
    {"i-simfleet01", "aliyun_3_x64_20G_alibase_20240528.vhd", "ecs.g6.large"},
    {"i-simfleet02", "aliyun_3_x64_20G_alibase_20240528.vhd", "ecs.g6.large"},
    {"i-simfleet03", "ubuntu_22_04_x64_20G_alibase_20240710.vhd",
     "ecs.g6.large"},
    {"i-simfleet04", "aliyun_3_arm64_20G_alibase_20240528.vhd",
     "ecs.g8y.large"},
    {"i-simfleet05", "win2022_21H2_x64_dtc_en-us_40G_alibase_20240613.vhd",
     "ecs.g6.large"},
};

Value fleetConfiguration(const World &world) {
  Value configuration = newConfiguration(std::string(FleetConfiguration), std::string(FleetGroup),
                                         true, world.now());
  configuration.set("ScalingConfigurationName", "sim-fleet-g6");
  if (const Value *image = world.find(section::Images, "ImageId", Members[0].imageId))
    useImage(configuration, *image);
  configuration.set("InstanceType", "ecs.g6.large");
  configuration.set("InstanceTypes", Value(Value::Map{{"InstanceType", list({Value("ecs.g6.large")})}}));
  configuration.set("SecurityGroupId", std::string(FleetSecurityGroup));
  configuration.set("SecurityGroupIds",
                    Value(Value::Map{{"SecurityGroupId", list({Value(FleetSecurityGroup)})}}));
  configuration.set("Simulated", Value(Value::Map{{"RegionId", FleetRegion}}));
  return configuration;
}

Value fleetGroup(const World &world) {
  Value::List vSwitchIds(std::begin(FleetVSwitches), std::end(FleetVSwitches));
  return Value(Value::Map{
      {"ScalingGroupId", FleetGroup},
      {"ScalingGroupName", "sim-fleet"},
      {"RegionId", FleetRegion},
      {"LifecycleState", "Active"},
      {"ActiveScalingConfigurationId", FleetConfiguration},
      {"LaunchTemplateId", ""},
      {"MinSize", 0},
      {"MaxSize", 10},
      {"DesiredCapacity", static_cast<std::int64_t>(std::size(Members))},
      {"DefaultCooldown", 300},
      {"GroupType", "ECS"},
      {"HealthCheckType", "ECS"},
      {"MultiAZPolicy", "PRIORITY"},
      {"ScalingPolicy", "release"},
      {"VpcId", FleetVpc},
      {"VSwitchId", FleetVSwitches[0]},
      {"VSwitchIds",
       Value(Value::Map{{"VSwitchId", list(std::move(vSwitchIds))}})},
      {"RemovalPolicies",
       Value(Value::Map{
           {"RemovalPolicy", list({Value("OldestScalingConfiguration"),
                                   Value("OldestInstance")})}})},
      {"SuspendedProcesses", Value(Value::Map{{"SuspendedProcess", list()}})},
      {"LoadBalancerIds", Value(Value::Map{{"LoadBalancerId", list()}})},
      {"DBInstanceIds", Value(Value::Map{{"DBInstanceId", list()}})},
      {"CreationTime", formatTime(world.now())}});
}

void addMember(World &world, const FleetMember &member, std::size_t index) {
  InstanceSpec spec;
  spec.instanceId = std::string(member.instanceId);
  spec.regionId = std::string(FleetRegion);
  spec.vSwitchId = std::string(FleetVSwitches[index % std::size(FleetVSwitches)]);
  spec.securityGroupId = std::string(FleetSecurityGroup);
  spec.imageId = std::string(member.imageId);
  spec.instanceType = std::string(member.instanceType);
  spec.name = "ESS-sim-fleet";
  spec.tags = {{"acs:autoscaling:scalingGroupId", std::string(FleetGroup)}};
  ecs::createInstance(world, spec, true);
  addInServiceInstance(world, std::string(member.instanceId), std::string(FleetGroup),
                       std::string(FleetConfiguration));
}

} // namespace

void seedFleet(World &world) {
  world.records(section::ScalingConfigurations)
      .push_back(fleetConfiguration(world));
  world.records(section::ScalingGroups).push_back(fleetGroup(world));
  for (std::size_t i = 0; i < std::size(Members); ++i)
    addMember(world, Members[i], i);
}

} // namespace oosc::runtime::sim::ess
