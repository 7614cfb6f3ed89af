//===- StackResources.h - The ROS resource types the simulated cloud makes -===//
//
// The simulated ROS (runtime/src/simulator/ros/) makes a stack's resources
// by calling the simulated cloud's own APIs, as ROS calls the products'
// APIs: a VPC by VPC's CreateVpc, an instance by ECS's RunInstances. Each
// type is one row of StackResources.def: which API makes it, where its id
// is in the answer, which API removes it, and its attributes. A runner
// whose template calls ROS's CreateStack carries these APIs' table entries
// (codegen/ApiSubset.h), so its simulator can serve them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string_view>
#include <vector>

namespace oosc::runtime {

/// One ROS resource type. Lists are comma-separated `name=value` pairs;
/// in them `@id` is the resource's physical id, `$Name` the value the
/// create call was given for Name, anything else a literal.
struct StackResourceType {
  /// `ALIYUN::ECS::VPC`.
  std::string_view type;
  /// The product and API that make one (or, with `many`, several).
  std::string_view product, createApi;
  /// Property renames on the way to the create call:
  /// `SystemDiskSize=SystemDisk.Size`.
  std::string_view renames;
  /// Where the create answer holds the physical id (a dotted path); ""
  /// for a resource without one of its own (an attachment).
  std::string_view idPath;
  /// The physical id is a list (InstanceIdSets.InstanceIdSet): the remove
  /// call is made once per id.
  bool many;
  /// The API that removes it, and its parameters (`VpcId=@id`; a bare
  /// `Name` for `Name=$Name`).
  std::string_view deleteApi, deleteWith;
  /// Fn::GetAtt names: `RoleId=Role.RoleId` (a path of the create answer),
  /// `InstanceIds=@id`, `ZoneId=$ZoneId`.
  std::string_view attributes;
  /// Follow-up calls for list properties, made per item after the create
  /// and undone (last first) before the remove: `Roles=AttachPolicyToRole/
  /// DetachPolicyFromRole:RoleName` gives each item as RoleName; `:*`
  /// gives an item's fields as parameters; `linkWith` besides.
  std::string_view links, linkWith;
};

/// Every type the simulated ROS makes.
const std::vector<StackResourceType> &stackResourceTypes();
/// The row of \p type (exact, as ROS matches types); null if not made.
const StackResourceType *findStackResourceType(std::string_view type);

/// One entry of a `name=value` list (a bare `Name` is `Name=$Name`).
struct StackPair {
  std::string_view name, value;
};
std::vector<StackPair> stackPairs(std::string_view list);

/// One follow-up of `links`: each item of \p property is given to
/// \p attachApi as \p itemParameter (with linkWith), and to \p detachApi
/// before the resource is removed.
struct StackLink {
  std::string_view property, attachApi, detachApi, itemParameter;
};
std::vector<StackLink> stackLinks(const StackResourceType &type);

/// An API a stack's resources call: the product and the API.
struct StackApi {
  std::string_view product, api;
};
/// Every API the types call, create, remove and links: what a runner that
/// creates stacks carries.
std::vector<StackApi> stackResourceApis();

} // namespace oosc::runtime
