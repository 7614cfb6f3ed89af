//===- CloudResources.h - The world's resources by Resource Center type ---===//
//
// Where the simulated world keeps each type of resource that Resource
// Center lists and TAG tags by ARN: a hand-written model's section (kind
// empty) or the generic engine's kind, and the fields holding its id and
// name. A type `ACS::ECS::Instance` is ARN `arn:acs:ecs:REGION:ACCOUNT:instance/ID`.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "World.h"

namespace oosc::runtime::sim {

struct CloudResourceType {
  std::string_view type, section, kind, idField, nameField;
};

inline constexpr CloudResourceType kCloudResourceTypes[] = {
    {"ACS::ECS::Instance", section::Instances, "", "InstanceId", "InstanceName"},
    {"ACS::ECS::SecurityGroup", section::SecurityGroups, "", "SecurityGroupId", "SecurityGroupName"},
    {"ACS::VPC::VPC", section::Vpcs, "", "VpcId", "VpcName"},
    {"ACS::VPC::VSwitch", section::VSwitches, "", "VSwitchId", "VSwitchName"},
    {"ACS::ESS::ScalingGroup", section::ScalingGroups, "", "ScalingGroupId", "ScalingGroupName"},
    {"ACS::ECS::Disk", section::Resources, "Ecs::Disk", "DiskId", "DiskName"},
    {"ACS::ECS::Snapshot", section::Resources, "Ecs::Snapshot", "SnapshotId", "SnapshotName"},
    {"ACS::ECS::KeyPair", section::Resources, "Ecs::KeyPair", "KeyPairName", "KeyPairName"},
    {"ACS::RDS::DBInstance", section::Resources, "Rds::DBInstance", "DBInstanceId", "DBInstanceDescription"},
    {"ACS::Redis::DBInstance", section::Resources, "R-kvstore::Instance", "InstanceId", "InstanceName"},
    {"ACS::MongoDB::DBInstance", section::Resources, "Dds::DBInstance", "DBInstanceId", "DBInstanceDescription"},
    {"ACS::SLB::LoadBalancer", section::Resources, "Slb::LoadBalancer", "LoadBalancerId", "LoadBalancerName"},
    {"ACS::EIP::EipAddress", section::Resources, "Vpc::EipAddress", "AllocationId", "Name"},
    {"ACS::KMS::Key", section::Resources, "Kms::Key", "KeyId", "KeyId"},
};

/// Whether \p record (of \p type's section) is one of \p type.
inline bool isOfType(const Value &record, const CloudResourceType &type) {
  if (type.kind.empty())
    return true;
  const Value *kind = simulatedMember(record, "Kind");
  return kind && kind->isString() && kind->getString() == type.kind;
}

/// Calls \p visit(type, record) for every resource of every type above.
template <typename Record, typename Visit> void forEachCloudResource(World &world, Visit &&visit) {
  for (const CloudResourceType &type : kCloudResourceTypes)
    for (Record &record : world.records(type.section))
      if (isOfType(record, type))
        visit(type, record);
}

} // namespace oosc::runtime::sim
