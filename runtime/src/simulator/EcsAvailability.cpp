// EcsAvailability.cpp - Simulated DescribeAvailableResource: what each zone
// of a region offers of a kind of resource. Templates ask it before they
// create an instance (Alibaba's ACS::ECS::CheckAvailableInstanceTypes) and
// select the types in stock with jq.
//
// Every zone has every instance type the world knows (the Ecs::InstanceType
// records and the types its instances run) in stock, and the disk
// categories and network the simulated instances use: the simulator has no
// shortage to model. Dedicated hosts are not simulated: asking for them is
// InvalidParameter naming what is not, rather than an empty answer.
#include "World.h"

#include <set>

namespace oosc::runtime::sim::ecs {

namespace {

/// The instance types the world knows, sorted.
std::set<std::string> knownInstanceTypes(const World &world) {
  std::set<std::string> types;
  for (const Value &record : world.records(section::Resources))
    if (const Value *kind = simulatedMember(record, "Kind"); kind && *kind == Value("Ecs::InstanceType"))
      types.insert(std::string(textOf(record, "InstanceTypeId")));
  for (const Value &instance : world.records(section::Instances))
    types.insert(std::string(textOf(instance, "InstanceType")));
  types.erase("");
  return types;
}

/// What a zone offers of one DestinationResource, and the request
/// parameter that narrows the answer to one of them.
struct Offer {
  std::string_view destination, narrowedBy;
  std::vector<std::string> values;
};

/// The offer for \p destination, or nothing for a kind the simulator does
/// not know.
std::optional<Offer> offerOf(const World &world, std::string_view destination) {
  std::vector<std::string> disks{"cloud_essd", "cloud_auto", "cloud_ssd", "cloud_efficiency"};
  std::set<std::string> types = knownInstanceTypes(world);
  const Offer offers[] = {
      {"InstanceType", "InstanceType", std::vector<std::string>(types.begin(), types.end())},
      {"SystemDisk", "SystemDiskCategory", disks},
      {"DataDisk", "DataDiskCategory", disks},
      {"Network", "NetworkCategory", {"vpc"}},
      {"IoOptimized", "IoOptimized", {"optimized"}},
      {"Zone", "", {}},
  };
  for (const Offer &offer : offers)
    if (equalsIgnoreCase(offer.destination, destination))
      return offer;
  return std::nullopt;
}

Value supportedResources(const std::vector<std::string> &values, std::string_view wanted) {
  Value::List supported;
  for (const std::string &value : values)
    if (wanted.empty() || value == wanted)
      supported.push_back(Value(Value::Map{{"Value", value},
                                           {"Status", "Available"},
                                           {"StatusCategory", "WithStock"}}));
  return Value(Value::Map{{"SupportedResource", list(std::move(supported))}});
}

} // namespace

Result describeAvailableResource(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto destination = request.required("DestinationResource");
  if (!destination)
    return destination.error();
  std::optional<Offer> offer = offerOf(world, destination.value());
  if (!offer)
    return invalidParameter("DestinationResource",
                            "the simulated cloud offers Zone, IoOptimized, InstanceType, SystemDisk, DataDisk "
                            "and Network; \"" + destination.value() + "\" (dedicated hosts) is not simulated");
  std::string wanted = offer->narrowedBy.empty() ? std::string() : request.textOr(offer->narrowedBy, "");
  std::optional<std::string> zoneWanted = request.text("ZoneId");
  Value::List zones;
  const Value *regionZones = world.region(regionId.value())->find("Zones");
  const Value *zoneList = regionZones ? regionZones->find("Zone") : nullptr;
  if (zoneList && zoneList->isList())
    for (const Value &zone : zoneList->getList()) {
      std::string zoneId(textOf(zone, "ZoneId"));
      if (zoneWanted && *zoneWanted != zoneId)
        continue;
      Value::List resources;
      if (!offer->values.empty())
        resources.push_back(Value(Value::Map{{"Type", std::string(offer->destination)},
                                             {"SupportedResources", supportedResources(offer->values, wanted)}}));
      zones.push_back(Value(Value::Map{{"ZoneId", zoneId},
                                       {"RegionId", regionId.value()},
                                       {"Status", "Available"},
                                       {"StatusCategory", "WithStock"},
                                       {"AvailableResources", Value(Value::Map{{"AvailableResource", list(std::move(resources))}})}}));
    }
  return Value(Value::Map{{"AvailableZones", Value(Value::Map{{"AvailableZone", list(std::move(zones))}})}});
}

} // namespace oosc::runtime::sim::ecs
