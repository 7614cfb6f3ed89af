// EcsNetwork.cpp - Read-only network and geography of the simulated cloud:
// regions, zones, VPCs, vSwitches and security groups.
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::ecs {

namespace {

/// Copies the records of \p name in \p regionId whose members equal the
/// request parameters named in \p filters, and whose ids are in the list
/// parameters \p idParams (when given).
Outcome<Value::List, ApiError> regionalRecords(
    const World &world, const Request &request, std::string_view name,
    std::string_view regionId, std::initializer_list<std::string_view> filters,
    std::string_view idKey, std::initializer_list<std::string_view> idParams) {
  auto ids = request.list(idParams, true);
  if (!ids)
    return ids.error();
  Value::List matches;
  for (const Value &record : world.records(name)) {
    if (regionOfRecord(record) != regionId)
      continue;
    bool wanted = ids.value().empty() ||
                  std::find(ids.value().begin(), ids.value().end(),
                            textOf(record, idKey)) != ids.value().end();
    for (std::string_view filter : filters)
      if (auto value = request.text(filter))
        wanted = wanted && textOf(record, filter) == *value;
    if (wanted)
      matches.push_back(publicView(record));
  }
  return matches;
}

Result pagedRegional(World &world, const Request &request,
                     std::string_view name, std::string_view outer,
                     std::string_view inner,
                     std::initializer_list<std::string_view> filters,
                     std::string_view idKey,
                     std::initializer_list<std::string_view> idParams,
                     bool answersRegionId = false) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  auto matches = regionalRecords(world, request, name, regionId.value(),
                                 filters, idKey, idParams);
  if (!matches)
    return matches.error();
  // Of these APIs only DescribeSecurityGroups answers its RegionId.
  Value response = answersRegionId ? Value(Value::Map{{"RegionId", regionId.value()}}) : object();
  putPage(response, outer, inner, std::move(matches.value()), page.value());
  return response;
}

} // namespace

Result describeRegions(World &world, const Request &) {
  Value::List regions;
  for (const Value &region : world.records(section::Regions)) {
    Value view = publicView(region);
    Value::Map &members = view.getMap();
    members.erase(std::remove_if(members.begin(), members.end(),
                                 [](const Value::Member &m) {
                                   return m.first == "Zones";
                                 }),
                  members.end());
    regions.push_back(std::move(view));
  }
  return Value(Value::Map{
      {"Regions", Value(Value::Map{{"Region", list(std::move(regions))}})}});
}

Result describeZones(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  const Value *zones = world.region(regionId.value())->find("Zones");
  return Value(Value::Map{
      {"Zones", zones ? *zones : Value(Value::Map{{"Zone", list()}})}});
}

Result describeVpcs(World &world, const Request &request) {
  return pagedRegional(world, request, section::Vpcs, "Vpcs", "Vpc",
                       {"VpcName"}, "VpcId", {"VpcId"});
}

Result describeVSwitches(World &world, const Request &request) {
  return pagedRegional(world, request, section::VSwitches, "VSwitches",
                       "VSwitch", {"VpcId", "ZoneId", "VSwitchName"},
                       "VSwitchId", {"VSwitchId"});
}

Result describeSecurityGroups(World &world, const Request &request) {
  return pagedRegional(
      world, request, section::SecurityGroups, "SecurityGroups",
      "SecurityGroup", {"VpcId", "SecurityGroupName", "SecurityGroupType"},
      "SecurityGroupId", {"SecurityGroupId", "SecurityGroupIds"}, true);
}

} // namespace oosc::runtime::sim::ecs
