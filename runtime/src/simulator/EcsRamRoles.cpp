// EcsRamRoles.cpp - The RAM role of an ECS instance (its RamRoleName):
// DescribeInstanceRamRole, AttachInstanceRamRole, DetachInstanceRamRole.
// Attaching and detaching answer per instance, as ECS does: an instance
// that does not exist, has a role already or has none to detach fails on
// its own line, the others go on.
#include "World.h"

namespace oosc::runtime::sim::ecs {
namespace {

/// The region a call is in and the instances it names (InstanceIds; none
/// named: the region's).
struct Asked {
  std::string regionId;
  std::vector<std::string> instanceIds;
};

Outcome<Asked, ApiError> askedOf(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"InstanceIds", "InstanceId"});
  if (!ids)
    return ids.error();
  return Asked{regionId.value(), std::move(ids.value())};
}

Value roleSet(const std::string &instanceId, std::string_view roleName) {
  return Value(Value::Map{{"InstanceId", instanceId}, {"RamRoleName", roleName}});
}

Value result(const std::string &instanceId, const std::string &code, const std::string &message) {
  return Value(Value::Map{{"InstanceId", instanceId},
                          {"Success", code == "200"},
                          {"Code", code},
                          {"Message", message}});
}

/// The per-instance answer of Attach (\p attach) or Detach.
Result changeRoles(World &world, const Request &request, bool attach) {
  auto asked = askedOf(world, request);
  if (!asked)
    return asked.error();
  const std::string &regionId = asked.value().regionId;
  const std::vector<std::string> &ids = asked.value().instanceIds;
  if (ids.empty())
    return missingParameter("InstanceIds");
  std::string role = request.textOr("RamRoleName", "");
  if (attach && role.empty())
    return missingParameter("RamRoleName");
  Value::List results;
  std::int64_t failed = 0;
  for (const std::string &id : ids) {
    Value *instance = world.find(section::Instances, "InstanceId", id);
    std::string had = instance ? std::string(textOf(*instance, "RamRoleName")) : "";
    std::string code = "200", message = "success";
    if (!instance || textOf(*instance, "RegionId") != regionId) {
      code = "InvalidInstanceId.NotFound";
      message = "The specified InstanceId does not exist.";
    } else if (attach && !had.empty()) {
      code = "InvalidInstanceId.AlreadyAttached";
      message = "The instance has a RAM role attached already (" + had + ").";
    } else if (!attach && (had.empty() || (!role.empty() && role != had))) {
      code = "InvalidRamRole.NotEqual";
      message = "The instance has no RAM role " + (role.empty() ? std::string("attached.") : role + ".");
    } else {
      instance->set("RamRoleName", attach ? role : "");
    }
    failed += code != "200";
    Value line = result(id, code, message);
    if (!attach)
      line.set("InstanceRamRoleSets",
               Value(Value::Map{{"InstanceRamRoleSet", list({roleSet(id, code == "200" ? had : "")})}}));
    results.push_back(std::move(line));
  }
  std::string resultsKey = attach ? "AttachInstanceRamRoleResults" : "DetachInstanceRamRoleResults";
  std::string resultKey = attach ? "AttachInstanceRamRoleResult" : "DetachInstanceRamRoleResult";
  return Value(Value::Map{{"RamRoleName", role},
                          {"TotalCount", static_cast<std::int64_t>(ids.size())},
                          {"FailCount", failed},
                          {resultsKey, Value(Value::Map{{resultKey, list(std::move(results))}})}});
}

} // namespace

Result describeInstanceRamRole(World &world, const Request &request) {
  auto asked = askedOf(world, request);
  if (!asked)
    return asked.error();
  const std::string &regionId = asked.value().regionId;
  const std::vector<std::string> &ids = asked.value().instanceIds;
  std::string role = request.textOr("RamRoleName", "");
  Value::List sets;
  for (const Value &instance : world.records(section::Instances)) {
    std::string id(textOf(instance, "InstanceId"));
    std::string_view has = textOf(instance, "RamRoleName");
    // Named instances are answered with or without a role; otherwise the
    // instances that have one (the one asked for, if any).
    bool named = !ids.empty();
    if (textOf(instance, "RegionId") != regionId || (named && !listedOrAll(ids, id)) ||
        (!named && has.empty()) || (!role.empty() && has != role))
      continue;
    sets.push_back(roleSet(id, has));
  }
  auto page = readPaging(request, 10, 100);
  if (!page)
    return page.error();
  // The answer pages but gives only TotalCount (no PageNumber/PageSize).
  auto total = static_cast<std::int64_t>(sets.size());
  return Value(Value::Map{
      {"RegionId", regionId},
      {"TotalCount", total},
      {"InstanceRamRoleSets", Value(Value::Map{{"InstanceRamRoleSet", list(pageOf(std::move(sets), page.value()))}})}});
}

Result attachInstanceRamRole(World &world, const Request &request) { return changeRoles(world, request, true); }

Result detachInstanceRamRole(World &world, const Request &request) { return changeRoles(world, request, false); }

} // namespace oosc::runtime::sim::ecs
