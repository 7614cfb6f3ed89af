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

SeedPlace fleetPlace() {
  return {FleetRegion, FleetVpc, FleetSecurityGroup,
          {std::begin(FleetVSwitches), std::end(FleetVSwitches)}};
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
      .push_back(seededConfiguration(world, fleetPlace(), std::string(FleetConfiguration),
                                     std::string(FleetGroup), true, Members[0].imageId,
                                     "ecs.g6.large", "sim-fleet-g6"));
  world.records(section::ScalingGroups)
      .push_back(seededGroup(world, fleetPlace(), std::string(FleetGroup), "sim-fleet",
                             std::string(FleetConfiguration), std::size(Members)));
  for (std::size_t i = 0; i < std::size(Members); ++i)
    addMember(world, Members[i], i);
}

} // namespace oosc::runtime::sim::ess
