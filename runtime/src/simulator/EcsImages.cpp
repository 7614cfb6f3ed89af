// EcsImages.cpp - Simulated ECS images: public images everywhere, custom
// images created from instances (Creating -> Available), queries, deletion.
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::ecs {

namespace {

bool imageInUse(const World &world, std::string_view imageId) {
  const Value::List &instances = world.records(section::Instances);
  return std::any_of(instances.begin(), instances.end(), [&](const Value &i) {
    return textOf(i, "ImageId") == imageId;
  });
}

bool isCustom(const Value &image) {
  return textOf(image, "ImageOwnerAlias") == "self";
}

std::string_view imageRegion(const Value &image) {
  const Value *region = simulatedMember(image, "RegionId");
  return region && region->isString() ? std::string_view(region->getString())
                                      : std::string_view();
}

/// Real image names: 2-128 characters, starting with a letter, and not
/// with a prefix the platform reserves.
std::optional<ApiError> checkImageName(std::string_view name) {
  bool startsWithLetter =
      !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') ||
                        (name[0] >= 'A' && name[0] <= 'Z') ||
                        static_cast<unsigned char>(name[0]) >= 0x80);
  bool reserved = false;
  for (std::string_view prefix : {"http://", "https://", "aliyun", "acs:"})
    reserved = reserved || name.substr(0, prefix.size()) == prefix;
  if (name.size() < 2 || name.size() > 128 || !startsWithLetter || reserved)
    return makeError(400, "InvalidImageName.Malformed",
                     "The specified ImageName \"" + std::string(name) +
                         "\" is not valid: use 2 to 128 characters starting "
                         "with a letter, not with http://, https://, aliyun "
                         "or acs:.");
  return std::nullopt;
}

bool nameTaken(const World &world, std::string_view name,
               std::string_view regionId) {
  for (const Value &image : world.records(section::Images))
    if (isCustom(image) && imageRegion(image) == regionId &&
        textOf(image, "ImageName") == name)
      return true;
  return false;
}

/// The filters of DescribeImages other than ids, status and tags.
struct ImageFilter {
  std::optional<std::string> name, owner, osType, architecture, family, usage;
};

bool matchesFilter(const World &world, const Value &image,
                   const ImageFilter &filter) {
  if (filter.name &&
      textOf(image, "ImageName").find(*filter.name) == std::string_view::npos)
    return false; // ImageName is a fuzzy (substring) search in the real API.
  if (filter.owner && textOf(image, "ImageOwnerAlias") != *filter.owner)
    return false;
  if (filter.osType &&
      !equalsIgnoreCase(textOf(image, "OSType"), *filter.osType))
    return false;
  if (filter.architecture &&
      textOf(image, "Architecture") != *filter.architecture)
    return false;
  if (filter.family && textOf(image, "ImageFamily") != *filter.family)
    return false;
  if (filter.usage &&
      (imageInUse(world, textOf(image, "ImageId")) ? "instance" : "none") !=
          *filter.usage)
    return false;
  return true;
}

} // namespace

const Value *findImage(const World &world, std::string_view imageId,
                       std::string_view regionId) {
  const Value *image = world.find(section::Images, "ImageId", imageId);
  if (!image || (isCustom(*image) && imageRegion(*image) != regionId))
    return nullptr;
  return image;
}

Outcome<const Value *, ApiError> availableImage(const World &world, std::string_view imageId,
                                                std::string_view regionId) {
  const Value *image = findImage(world, imageId, regionId);
  if (!image)
    return notFound("InvalidImageId.NotFound", "The specified ImageId does not exist.");
  if (textOf(*image, "Status") != "Available")
    return forbidden("IncorrectImageStatus", "The specified image is not available (it is " +
                                                 std::string(textOf(*image, "Status")) + ").");
  return image;
}

Value customImage(const Value &source, const std::string &imageId,
                  const std::string &name, const std::string &regionId,
                  Millis now) {
  const Value *agent = simulatedMember(source, "CloudAssistant");
  bool hasAgent =
      agent && ((agent->isBool() && agent->getBool()) ||
                (agent->isString() && agent->getString() != "None"));
  const Value *diskSize = simulatedMember(source, "SystemDiskSize");
  std::int64_t size = integerOf(
      source, "Size",
      diskSize && diskSize->isInteger() ? diskSize->getInteger() : 40);
  std::string_view architecture = textOf(source, "Architecture");
  return Value(Value::Map{
      {"ImageId", imageId},
      {"ImageName", name},
      {"ImageFamily", ""},
      {"ImageVersion", ""},
      {"Description", ""},
      {"Size", size},
      {"Status", "Available"},
      {"Progress", "100%"},
      {"ImageOwnerAlias", "self"},
      {"OSType", std::string(textOf(source, "OSType"))},
      {"OSName", std::string(textOf(source, "OSName"))},
      {"OSNameEn", std::string(textOf(source, "OSNameEn"))},
      {"Platform", std::string(textOf(source, "Platform"))},
      {"Architecture", architecture.empty() ? std::string("x86_64")
                                            : std::string(architecture)},
      {"IsSupportCloudinit", true},
      {"IsSupportIoOptimized", true},
      {"IsSelfShared", ""},
      {"IsCopied", false},
      {"IsSubscribed", false},
      {"BootMode", "BIOS"},
      {"CreationTime", formatTime(now)},
      {"ProductCode", ""},
      {"ResourceGroupId", ""},
      {"DiskDeviceMappings", Value(Value::Map{{"DiskDeviceMapping", list()}})},
      {"Tags", Value(Value::Map{{"Tag", list()}})},
      {"Simulated", Value(Value::Map{{"RegionId", regionId},
                                     {"CloudAssistant", hasAgent}})}});
}

namespace {

/// The instance whose system disk an image is made of: InstanceId's (it
/// must be Running or Stopped), or that of the disk SnapshotId was taken
/// of (the snapshot holds the disk as it was; the instance's state does not
/// matter).
Outcome<Value *, ApiError> imageSource(World &world, const Request &request, const std::string &regionId) {
  std::optional<std::string> snapshotId = request.text("SnapshotId");
  if (snapshotId && !request.has("InstanceId")) {
    const Value *snapshot = findResource(world, "Ecs::Snapshot", "SnapshotId", *snapshotId);
    if (!snapshot || textOf(*snapshot, "RegionId") != regionId)
      return notFound("InvalidSnapshotId.NotFound", "The specified SnapshotId \"" + *snapshotId + "\" does not exist.");
    const Value *disk = findResource(world, "Ecs::Disk", "DiskId", textOf(*snapshot, "SourceDiskId"));
    Value *instance = disk ? world.find(section::Instances, "InstanceId", textOf(*disk, "InstanceId")) : nullptr;
    if (!instance)
      return makeError(501, "NotImplemented",
                       "The simulated cloud does not model an image of snapshot " + *snapshotId +
                           ", whose disk no instance holds, of Ecs.CreateImage.");
    return instance;
  }
  auto instanceId = request.required("InstanceId");
  if (!instanceId)
    return instanceId.error();
  Value *instance = world.find(section::Instances, "InstanceId", instanceId.value());
  if (!instance || textOf(*instance, "RegionId") != regionId)
    return notFound("InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
  std::string_view status = textOf(*instance, "Status");
  if (status != "Running" && status != "Stopped")
    return forbidden("IncorrectInstanceStatus", "The current status of the resource does not support "
                                                "this operation (instance " +
                                                    instanceId.value() + " is " + std::string(status) + ").");
  return instance;
}

} // namespace

Result createImage(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto made = imageSource(world, request, regionId.value());
  if (!made)
    return made.error();
  Value *instance = made.value();
  std::string instanceId(textOf(*instance, "InstanceId"));
  std::optional<std::string> name = request.text("ImageName");
  if (name) {
    if (std::optional<ApiError> error = checkImageName(*name))
      return *error;
    if (nameTaken(world, *name, regionId.value()))
      return makeError(400, "InvalidImageName.Duplicated",
                       "The specified ImageName \"" + *name +
                           "\" already exists.");
  }
  auto tags = request.tags();
  if (!tags)
    return tags.error();

  std::string imageId = world.nextId("m");
  const Value *source =
      findImage(world, textOf(*instance, "ImageId"), regionId.value());
  Value image =
      customImage(source ? *source : *instance, imageId, name ? *name : imageId,
                  regionId.value(), world.now());
  // The image captures the instance's disk as it is now, agent included.
  const Value *agent = simulatedMember(*instance, "CloudAssistant");
  const Value *diskSize = simulatedMember(*instance, "SystemDiskSize");
  mergeInto(image,
            Value(Value::Map{
                {"Size", diskSize && diskSize->isInteger()
                             ? diskSize->getInteger()
                             : integerOf(image, "Size", 40)},
                {"Status", "Creating"},
                {"Progress", "0%"},
                {"Description", request.textOr("Description", "")},
                {"ImageFamily", request.textOr("ImageFamily", "")},
                {"ImageVersion", request.textOr("ImageVersion", "")},
                {"ResourceGroupId", request.textOr("ResourceGroupId", "")},
                {"Simulated",
                 Value(Value::Map{
                     {"CloudAssistant", agent && *agent != Value("None")},
                     {"SourceInstanceId", instanceId}})}}));
  Value mapping(
      Value::Map{{"Device", "/dev/xvda"},
                 {"Type", "system"},
                 {"Size", std::to_string(integerOf(image, "Size", 40))},
                 {"SnapshotId", world.nextId("s")},
                 {"Format", ""},
                 {"ImportOSSBucket", ""},
                 {"ImportOSSObject", ""}});
  image.find("DiskDeviceMappings")->set("DiskDeviceMapping", list({mapping}));
  setTags(image, tags.value());
  world.schedule(image, delay::ImageHalfway,
                 Value(Value::Map{{"Progress", "50%"}}));
  world.schedule(
      image, delay::ImageSnapshot,
      Value(Value::Map{{"Status", "Available"}, {"Progress", "100%"}}));
  world.records(section::Images).push_back(std::move(image));
  return Value(Value::Map{{"ImageId", imageId}});
}

Result copyImage(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto imageId = request.required("ImageId");
  if (!imageId)
    return imageId.error();
  auto destination = request.required("DestinationRegionId");
  if (!destination)
    return destination.error();
  auto available = availableImage(world, imageId.value(), regionId.value());
  if (!available)
    return available.error();
  const Value &source = *available.value();
  // Only an account's own images are copied; public ones are in every region.
  if (!isCustom(source))
    return forbidden("InvalidImageId.NotSupported", "The specified image is not a custom image; only custom "
                                                    "images can be copied.");
  if (!world.region(destination.value()))
    return notFound("InvalidDestinationRegionId.NotFound",
                    "The specified DestinationRegionId \"" + destination.value() + "\" does not exist.");
  auto encrypted = request.boolean("Encrypted", boolOf(source, "IsEncrypted"));
  if (!encrypted)
    return encrypted.error();
  std::string copyId = world.nextId("m");
  std::string name = request.textOr("DestinationImageName", textOf(source, "ImageName"));
  Value copy = customImage(source, copyId, name, destination.value(), world.now());
  mergeInto(copy, Value(Value::Map{{"Status", "Creating"},
                                   {"Progress", "0%"},
                                   {"IsCopied", true},
                                   {"Description", request.textOr("DestinationDescription", "")},
                                   {"Simulated", Value(Value::Map{{"CopiedFrom", imageId.value()},
                                                                  {"Encrypted", encrypted.value()}})}}));
  if (const Value *mappings = source.find("DiskDeviceMappings"))
    copy.set("DiskDeviceMappings", *mappings);
  world.schedule(copy, delay::ImageHalfway, Value(Value::Map{{"Progress", "50%"}}));
  world.schedule(copy, delay::ImageSnapshot, Value(Value::Map{{"Status", "Available"}, {"Progress", "100%"}}));
  world.records(section::Images).push_back(std::move(copy));
  return Value(Value::Map{{"ImageId", copyId}});
}

Result describeImages(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"ImageId"}, true);
  if (!ids)
    return ids.error();
  auto statuses = request.list({"Status"}, true);
  if (!statuses)
    return statuses.error();
  // Like the real API, only Available images unless Status says otherwise.
  if (statuses.value().empty())
    statuses.value().push_back("Available");
  auto tags = request.tags();
  if (!tags)
    return tags.error();
  auto page = readPaging(request, 10, 100);
  if (!page)
    return page.error();
  auto window = creationWindow(request);
  if (!window)
    return window.error();
  ImageFilter filter{
      request.text("ImageName"),   request.text("ImageOwnerAlias"),
      request.text("OSType"),      request.text("Architecture"),
      request.text("ImageFamily"), request.text("Usage")};
  if (filter.owner && *filter.owner != "system" && *filter.owner != "self" &&
      *filter.owner != "others" && *filter.owner != "marketplace")
    return invalidParameter("ImageOwnerAlias",
                            "expected system, self, others or marketplace");

  Value::List matches;
  for (const Value &image : world.records(section::Images)) {
    std::string_view id = textOf(image, "ImageId");
    if (!findImage(world, id, regionId.value()) ||
        (!ids.value().empty() &&
         std::find(ids.value().begin(), ids.value().end(), id) ==
             ids.value().end()) ||
        std::find(statuses.value().begin(), statuses.value().end(),
                  textOf(image, "Status")) == statuses.value().end() ||
        !matchesFilter(world, image, filter) ||
        !inWindow(textOf(image, "CreationTime"), window.value()) ||
        !matchesTags(image, tags.value()))
      continue;
    Value view = publicView(image);
    view.set("Usage", imageInUse(world, id) ? "instance" : "none");
    matches.push_back(std::move(view));
  }
  Value response(Value::Map{{"RegionId", regionId.value()}});
  putPage(response, "Images", "Image", std::move(matches), page.value());
  return response;
}

Result deleteImage(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto imageId = request.required("ImageId");
  if (!imageId)
    return imageId.error();
  auto force = request.boolean("Force", false);
  if (!force)
    return force.error();
  Value *image = world.find(section::Images, "ImageId", imageId.value());
  // The real API ignores ids that are not custom images of the region.
  if (!image || !isCustom(*image) || imageRegion(*image) != regionId.value())
    return object();
  if (textOf(*image, "Status") == "Creating")
    return forbidden("ImageIsCreating",
                     "The specified image is being created.");
  if (!force.value() && imageInUse(world, imageId.value()))
    return forbidden("ImageUsingByInstance",
                     "The specified image has been used to create instances.");
  world.erase(section::Images, "ImageId", imageId.value());
  return object();
}

} // namespace oosc::runtime::sim::ecs
