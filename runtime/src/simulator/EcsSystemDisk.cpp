// EcsSystemDisk.cpp - Simulated ReplaceSystemDisk: a stopped instance gets a
// new system disk made from another image.
//
// Disks are not simulated as resources of their own: the instance keeps the
// id of its current system disk under Simulated.SystemDiskId, so a test can
// tell a disk that was replaced from one that was left alone even when the
// image is the same.
#include "World.h"

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
  return Value(Value::Map{{"DiskId", diskId}});
}

} // namespace oosc::runtime::sim::ecs
