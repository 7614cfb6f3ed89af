// EcsSystemDisk.cpp - Simulated ReplaceSystemDisk: a stopped instance gets a
// new system disk made from another image.
//
// The new disk is a record of the generic engine's Ecs::Disk, so
// DescribeDisks finds it In_use (templates wait for that), and the old
// system disk is released with its record. The instance also keeps the id
// of its current system disk under Simulated.SystemDiskId, so a test can
// tell a disk that was replaced from one that was left alone even when the
// image is the same.
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::ecs {

namespace {

Outcome<Value *, ApiError> stoppedInstance(World &world,
                                           const Request &request) {
  auto found = instanceFor(world, request);
  if (!found)
    return found.error();
  Value *instance = found.value();
  // The real API refuses any other state: the disk is swapped while the
  // instance is off.
  if (textOf(*instance, "Status") != "Stopped")
    return forbidden("IncorrectInstanceStatus",
                     "The current status of the resource does not support "
                     "this operation (instance " +
                         std::string(textOf(*instance, "InstanceId")) + " is " +
                         std::string(textOf(*instance, "Status")) +
                         "; the system disk is replaced on Stopped "
                         "instances only).");
  return instance;
}

Outcome<const Value *, ApiError> usableImage(const World &world,
                                             const Request &request,
                                             std::string_view regionId) {
  if (!request.has("ImageId")) {
    if (request.has("DiskId"))
      return invalidParameter("DiskId", "replacing the operating system from "
                                        "a disk is not simulated; use ImageId");
    return missingParameter("ImageId");
  }
  std::string imageId = request.textOr("ImageId", "");
  return availableImage(world, imageId, regionId);
}

/// Releases the instance's system disk record, if the world has one (the
/// built-in instance does; instances made by RunInstances do not).
void releaseSystemDisk(World &world, std::string_view instanceId) {
  Value::List &resources = world.records(section::Resources);
  resources.erase(std::remove_if(resources.begin(), resources.end(),
                                 [&](const Value &record) {
                                   const Value *kind = simulatedMember(record, "Kind");
                                   return kind && *kind == Value("Ecs::Disk") &&
                                          textOf(record, "InstanceId") == instanceId &&
                                          textOf(record, "Type") == "system";
                                 }),
                  resources.end());
}

/// The record DescribeDisks answers for the new system disk of \p instance.
Value systemDiskRecord(const Value &instance, const std::string &diskId, std::int64_t size,
                       const Request &request) {
  const Value *category = simulatedMember(instance, "SystemDiskCategory");
  return Value(Value::Map{
      {"DiskId", diskId},
      {"RegionId", std::string(textOf(instance, "RegionId"))},
      {"ZoneId", std::string(textOf(instance, "ZoneId"))},
      {"InstanceId", std::string(textOf(instance, "InstanceId"))},
      {"ImageId", std::string(textOf(instance, "ImageId"))},
      {"Type", "system"},
      {"Category", category && category->isString() ? category->getString() : std::string("cloud_essd")},
      {"Size", size},
      {"Status", "In_use"},
      {"Encrypted", request.textOr("SystemDisk.Encrypted", "false") == "true"},
      {"DeleteWithInstance", true},
      {"Portable", false},
      {"Device", "/dev/xvda"},
      {"DiskName", std::string(textOf(instance, "InstanceName")) + "-system"}});
}

} // namespace

Result replaceSystemDisk(World &world, const Request &request) {
  auto instance = stoppedInstance(world, request);
  if (!instance)
    return instance.error();
  Value &record = *instance.value();
  auto image =
      usableImage(world, request, textOf(record, "RegionId"));
  if (!image)
    return image.error();
  std::int64_t current = integerOf(simulated(record), "SystemDiskSize", 40);
  std::int64_t floor = std::max(current, integerOf(*image.value(), "Size", 20));
  auto size = request.integer(request.has("SystemDisk.Size") ? "SystemDisk.Size"
                                                             : "SystemDiskSize",
                              floor, 20, 2048);
  if (!size)
    return size.error();
  if (size.value() < current)
    return invalidParameter("SystemDisk.Size",
                            "the new system disk cannot be smaller than the "
                            "current one (" +
                                std::to_string(current) + " GiB)");
  const Value &from = *image.value();
  std::string diskId = world.nextId("d");
  record.set("ImageId", std::string(textOf(from, "ImageId")));
  for (std::string_view field : {"OSType", "OSName", "OSNameEn"})
    record.set(std::string(field), std::string(textOf(from, field)));
  if (auto keyPair = request.text("KeyPairName"))
    record.set("KeyPairName", *keyPair);
  // A fresh operating system: the agent is there if the image carries it.
  const Value *agent = simulatedMember(from, "CloudAssistant");
  bool hasAgent = agent && agent->isBool() && agent->getBool();
  Value &bookkeeping = simulated(record);
  bookkeeping.set("SystemDiskId", diskId);
  bookkeeping.set("SystemDiskSize", size.value());
  bookkeeping.set("CloudAssistant", hasAgent ? "Active" : "None");
  releaseSystemDisk(world, textOf(record, "InstanceId"));
  addResource(world, "Ecs::Disk", diskId, systemDiskRecord(record, diskId, size.value(), request));
  return Value(Value::Map{{"DiskId", diskId}});
}

} // namespace oosc::runtime::sim::ecs
