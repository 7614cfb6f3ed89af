// Seed.cpp - The built-in world a simulator starts from: regions and zones,
// a default VPC, vSwitches and security group per region, public images,
// one custom image, an Auto Scaling group (Ess.cpp) that uses it, and a mixed
// fleet in cn-shanghai (SeedFleet.cpp).
#include "World.h"
#include "simulator/generic/GenericEngine.h"

#include <array>

namespace oosc::runtime::sim {

namespace {

struct RegionSeed {
  std::string_view id;
  std::string_view localName;
  std::array<std::string_view, 4> zones; // "" marks the end.
};

constexpr RegionSeed Regions[] = {
    {"cn-hangzhou",
     "China (Hangzhou)",
     {"cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"}},
    {"cn-shanghai",
     "China (Shanghai)",
     {"cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g", ""}},
    {"cn-beijing",
     "China (Beijing)",
     {"cn-beijing-g", "cn-beijing-h", "cn-beijing-i", ""}},
    {"ap-southeast-1",
     "Singapore",
     {"ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c", ""}},
};

struct ImageSeed {
  std::string_view id;
  std::string_view osName;
  std::string_view platform;
  std::string_view osType;
  std::string_view architecture;
  std::int64_t sizeGiB;
  /// Whether instances from it come with the Cloud Assistant agent.
  bool cloudAssistant;
};

constexpr ImageSeed PublicImages[] = {
    {"aliyun_3_x64_20G_alibase_20240528.vhd",
     "Alibaba Cloud Linux 3.2104 LTS 64 bit", "Aliyun", "linux", "x86_64", 20,
     true},
    {"aliyun_3_arm64_20G_alibase_20240528.vhd",
     "Alibaba Cloud Linux 3.2104 LTS 64 bit ARM Edition", "Aliyun", "linux",
     "arm64", 20, true},
    {"centos_7_9_x64_20G_alibase_20240628.vhd", "CentOS 7.9 64 bit", "CentOS",
     "linux", "x86_64", 20, true},
    // Older than Cloud Assistant: exercises InstallCloudAssistant.
    {"centos_6_10_64_20G_alibase_20190326.vhd", "CentOS 6.10 64 bit", "CentOS",
     "linux", "x86_64", 20, false},
    {"ubuntu_22_04_x64_20G_alibase_20240710.vhd", "Ubuntu 22.04 64 bit",
     "Ubuntu", "linux", "x86_64", 20, true},
    {"win2022_21H2_x64_dtc_en-us_40G_alibase_20240613.vhd",
     "Windows Server 2022 Datacenter 64 bit English", "Windows Server 2022",
     "windows", "x86_64", 40, true},
    // The Server Core image Alibaba's ACS-ECS-RepairWindowsBlueScreenIssue
    // starts its helper instance from, by this id.
    {"wincore_2022_x64_dtc_zh-cn_40G_alibase_20240617.vhd",
     "Windows Server 2022 Datacenter Core 64 bit Chinese", "Windows Server 2022",
     "windows", "x86_64", 40, true},
};

/// "cn-hangzhou-h" -> "cnhangzhouh": seeded ids are letters and digits
/// after their prefix, as template AllowedPatterns (sg-[A-Za-z0-9]*) expect.
std::string compact(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c != '-')
      out += c;
  return out;
}

std::string vpcIdOf(std::string_view regionId) {
  return "vpc-sim" + compact(regionId);
}

void addRegion(World &world, const RegionSeed &seed, std::string_view created) {
  Value::List zones, vSwitchIds;
  int index = 0;
  for (std::string_view zone : seed.zones) {
    if (zone.empty())
      break;
    std::string vSwitchId = "vsw-sim" + compact(zone);
    zones.push_back(
        Value(Value::Map{{"ZoneId", zone},
                         {"LocalName", std::string(seed.localName) + " Zone " +
                                           std::string(1, zone.back())}}));
    vSwitchIds.emplace_back(vSwitchId);
    world.records(section::VSwitches)
        .push_back(Value(Value::Map{
            {"VSwitchId", vSwitchId},
            {"VSwitchName", "sim-default-" + std::string(zone)},
            {"VpcId", vpcIdOf(seed.id)},
            {"ZoneId", zone},
            {"CidrBlock", "172.16." + std::to_string(index++) + ".0/24"},
            {"Status", "Available"},
            {"IsDefault", true},
            {"AvailableIpAddressCount", 252},
            {"Description", ""},
            {"CreationTime", std::string(created)},
            {"Simulated", Value(Value::Map{{"RegionId", seed.id}})}}));
  }
  world.records(section::Regions)
      .push_back(Value(Value::Map{
          {"RegionId", seed.id},
          {"LocalName", seed.localName},
          {"RegionEndpoint", "ecs." + std::string(seed.id) + ".aliyuncs.com"},
          {"Status", "available"},
          {"Zones", Value(Value::Map{{"Zone", list(std::move(zones))}})}}));
  world.records(section::Vpcs)
      .push_back(Value(Value::Map{
          {"VpcId", vpcIdOf(seed.id)},
          {"VpcName", "sim-default-vpc"},
          {"RegionId", seed.id},
          {"CidrBlock", "172.16.0.0/12"},
          {"Status", "Available"},
          {"IsDefault", true},
          {"Description", ""},
          {"CreationTime", std::string(created)},
          {"VSwitchIds",
           Value(Value::Map{{"VSwitchId", list(std::move(vSwitchIds))}})}}));
  world.records(section::SecurityGroups)
      .push_back(Value(Value::Map{
          {"SecurityGroupId", "sg-sim" + compact(seed.id)},
          {"SecurityGroupName", "sim-default"},
          {"Description", "Default security group of the simulated VPC"},
          {"VpcId", vpcIdOf(seed.id)},
          {"SecurityGroupType", "normal"},
          {"ResourceGroupId", ""},
          {"CreationTime", std::string(created)},
          {"Tags", Value(Value::Map{{"Tag", list()}})},
          {"Simulated", Value(Value::Map{{"RegionId", seed.id}})}}));
}

Value publicImage(const ImageSeed &seed, std::string_view created) {
  std::string name(seed.id);
  name.resize(name.size() - 4); // Without ".vhd", as public image names read.
  return Value(Value::Map{
      {"ImageId", seed.id},
      {"ImageName", name},
      {"ImageFamily", ""},
      {"ImageVersion", ""},
      {"Description", ""},
      {"Size", seed.sizeGiB},
      {"Status", "Available"},
      {"Progress", "100%"},
      {"ImageOwnerAlias", "system"},
      {"OSType", seed.osType},
      {"OSName", seed.osName},
      {"OSNameEn", seed.osName},
      {"Platform", seed.platform},
      {"Architecture", seed.architecture},
      {"IsSupportCloudinit", true},
      {"IsSupportIoOptimized", true},
      {"IsSelfShared", ""},
      {"IsCopied", false},
      {"IsSubscribed", false},
      {"BootMode", "BIOS"},
      {"CreationTime", std::string(created)},
      {"ProductCode", ""},
      {"ResourceGroupId", ""},
      {"DiskDeviceMappings", Value(Value::Map{{"DiskDeviceMapping", list()}})},
      {"Tags", Value(Value::Map{{"Tag", list()}})},
      {"Simulated",
       Value(Value::Map{{"CloudAssistant", seed.cloudAssistant}})}});
}

} // namespace

Value seedWorld(Millis now) {
  World world(
      Value(Value::Map{{"Time", now}, {"DefaultRegion", "cn-hangzhou"}}));
  std::string created = formatTime(now);
  for (const RegionSeed &region : Regions)
    addRegion(world, region, created);
  for (const ImageSeed &image : PublicImages)
    world.records(section::Images).push_back(publicImage(image, created));

  // A custom image for the scaling group, as a team would have baked.
  const Value *centos = world.find(section::Images, "ImageId",
                                   "centos_7_9_x64_20G_alibase_20240628.vhd");
  std::string imageId = world.nextId("m");
  Value custom =
      ecs::customImage(*centos, imageId, "sim-web-base-v1", "cn-hangzhou", now);
  custom.set("Description", "Base image of the sim-web scaling group");
  world.records(section::Images).push_back(std::move(custom));

  ess::seedScalingGroup(world, imageId);
  ess::seedFleet(world);
  generic::seedResources(world);
  seedPublicContent(world, created);
  oss::seedBuckets(world, created);
  return world.document();
}

} // namespace oosc::runtime::sim
