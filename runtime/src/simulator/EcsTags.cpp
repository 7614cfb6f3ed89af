// EcsTags.cpp - Tags on simulated ECS resources (instances, images,
// security groups): TagResources, UntagResources, ListTagResources, and the
// tag helpers other handlers filter with.
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::ecs {

namespace {

constexpr std::size_t MaxTagsPerResource = 20;

/// A ResourceType of the tag APIs and where such resources live.
struct ResourceKind {
  std::string_view type;
  std::string_view section;
  std::string_view idKey;
};

constexpr ResourceKind ResourceKinds[] = {
    {"instance", section::Instances, "InstanceId"},
    {"image", section::Images, "ImageId"},
    {"securitygroup", section::SecurityGroups, "SecurityGroupId"},
};

Value::List *tagList(Value &record) {
  Value *tags = record.find("Tags");
  if (!tags || !tags->isMap())
    tags = &record.set("Tags", Value(Value::Map{{"Tag", list()}}));
  Value *items = tags->find("Tag");
  if (!items || !items->isList())
    items = &tags->set("Tag", list());
  return &items->getList();
}

Outcome<const ResourceKind *, ApiError> kindOf(const Request &request) {
  auto type = request.required("ResourceType");
  if (!type)
    return type.error();
  for (const ResourceKind &kind : ResourceKinds)
    if (equalsIgnoreCase(kind.type, type.value()))
      return &kind;
  return invalidParameter("ResourceType",
                          "expected instance, image or securitygroup");
}

bool ownedIn(const Value &record, std::string_view regionId) {
  // Public images belong to nobody, so they cannot carry user tags.
  return textOf(record, "ImageOwnerAlias") != "system" &&
         regionOfRecord(record) == regionId;
}

/// The resources a tag request names; pointers into one section, which the
/// caller must not grow while holding them.
Outcome<std::vector<Value *>, ApiError> resourcesOf(World &world,
                                                    const Request &request,
                                                    const ResourceKind &kind,
                                                    std::string_view regionId) {
  auto ids = request.list({"ResourceId", "ResourceIds"});
  if (!ids)
    return ids.error();
  if (ids.value().empty())
    return missingParameter("ResourceId");
  std::vector<Value *> resources;
  for (const std::string &id : ids.value()) {
    Value *record = world.find(kind.section, kind.idKey, id);
    if (!record || !ownedIn(*record, regionId))
      return notFound("InvalidResourceId.NotFound",
                      "The specified resource \"" + id + "\" does not exist.");
    resources.push_back(record);
  }
  return resources;
}

std::optional<ApiError> checkTagKeys(const std::vector<Tag> &tags) {
  for (const Tag &tag : tags)
    for (std::string_view reserved : {"aliyun", "acs:", "http://", "https://"})
      if (tag.key.size() > 128 ||
          tag.key.substr(0, reserved.size()) == reserved)
        return makeError(
            400, "InvalidTagKey.Malformed",
            "The tag key \"" + tag.key +
                "\" is not valid: at most 128 characters, not "
                "starting with aliyun, acs:, http:// or https://.");
  return std::nullopt;
}

} // namespace

void setTags(Value &record, const std::vector<Tag> &tags) {
  Value::List &items = *tagList(record);
  for (const Tag &tag : tags) {
    std::string value = tag.value.value_or("");
    auto existing =
        std::find_if(items.begin(), items.end(), [&](const Value &t) {
          return textOf(t, "TagKey") == tag.key;
        });
    if (existing != items.end())
      existing->set("TagValue", value);
    else
      items.push_back(
          Value(Value::Map{{"TagKey", tag.key}, {"TagValue", value}}));
  }
}

void removeTags(Value &record, const std::vector<std::string> &keys, bool all) {
  Value::List &items = *tagList(record);
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const Value &tag) {
                               return all || std::find(keys.begin(), keys.end(), textOf(tag, "TagKey")) != keys.end();
                             }),
              items.end());
}

std::vector<Tag> tagsOf(const Value &record) {
  std::vector<Tag> tags;
  const Value *container = record.find("Tags");
  const Value *items = container ? container->find("Tag") : nullptr;
  if (items && items->isList())
    for (const Value &item : items->getList())
      tags.push_back({std::string(textOf(item, "TagKey")),
                      std::string(textOf(item, "TagValue"))});
  return tags;
}

bool matchesTags(const Value &record, const std::vector<Tag> &filter) {
  std::vector<Tag> tags = tagsOf(record);
  return std::all_of(filter.begin(), filter.end(), [&](const Tag &wanted) {
    return std::any_of(tags.begin(), tags.end(), [&](const Tag &tag) {
      return tag.key == wanted.key &&
             (!wanted.value || tag.value == wanted.value);
    });
  });
}

namespace {

/// CloudMonitor's Tag:ChangeOnResource event: the keys whose value \p before
/// did not have and the resource's tags after; none when nothing changed
/// (a tag set again to its value).
void tagsChanged(World &world, const Value &resource, const ResourceKind &kind, const std::vector<Tag> &before) {
  Value::List keys;
  for (const Tag &tag : tagsOf(resource)) {
    bool had = false;
    for (const Tag &old : before)
      had = had || (old.key == tag.key && old.value.value_or("") == tag.value.value_or(""));
    if (!had)
      keys.emplace_back(tag.key);
  }
  if (keys.empty())
    return;
  Value::Map now;
  for (const Tag &tag : tagsOf(resource))
    now.emplace_back(tag.key, Value(tag.value.value_or("")));
  std::string id(textOf(resource, kind.idKey));
  SystemEvent event;
  event.product = "tag";
  event.name = "Tag:ChangeOnResource";
  event.regionId = std::string(textOf(resource, "RegionId"));
  event.resourceId = "acs:ecs:" + event.regionId + ":" + std::string(kAccountId) + ":" + std::string(kind.type) + "/" + id;
  event.time = world.now();
  event.content = Value(Value::Map{{"product", "ecs"},
                                   {"resourceType", kind.type},
                                   {"resourceId", id},
                                   {"changedTagKeys", Value(std::move(keys))},
                                   {"tags", Value(std::move(now))}});
  raiseSystemEvent(world, event);
}

} // namespace

Result tagResources(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto kind = kindOf(request);
  if (!kind)
    return kind.error();
  auto tags = request.tags();
  if (!tags)
    return tags.error();
  if (tags.value().empty())
    return missingParameter("Tag");
  if (std::optional<ApiError> error = checkTagKeys(tags.value()))
    return *error;
  auto resources = resourcesOf(world, request, *kind.value(), regionId.value());
  if (!resources)
    return resources.error();
  for (Value *resource : resources.value()) {
    Value updated = *resource;
    setTags(updated, tags.value());
    if (tagsOf(updated).size() > MaxTagsPerResource)
      return makeError(400, "InvalidTagCount",
                       "A resource can have at most 20 tags.");
  }
  for (Value *resource : resources.value()) {
    std::vector<Tag> before = tagsOf(*resource);
    setTags(*resource, tags.value());
    tagsChanged(world, *resource, *kind.value(), before);
  }
  return object();
}

Result untagResources(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto kind = kindOf(request);
  if (!kind)
    return kind.error();
  auto keys = request.list({"TagKey", "TagKeys"});
  if (!keys)
    return keys.error();
  auto all = request.boolean("All", false);
  if (!all)
    return all.error();
  auto resources = resourcesOf(world, request, *kind.value(), regionId.value());
  if (!resources)
    return resources.error();
  for (Value *resource : resources.value())
    removeTags(*resource, keys.value(), all.value());
  return object();
}

Result listTagResources(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto kind = kindOf(request);
  if (!kind)
    return kind.error();
  auto ids = request.list({"ResourceId", "ResourceIds"});
  if (!ids)
    return ids.error();
  auto filter = request.tags();
  if (!filter)
    return filter.error();
  // This API pages by NextToken only, 50 entries at a time.
  PageSpec page{0, 50, 1, true};
  if (request.has("NextToken")) {
    auto read = readPaging(request, 50, 50);
    if (!read)
      return read.error();
    page = read.value();
  }
  Value::List entries;
  for (const Value &record : world.records(kind.value()->section)) {
    std::string id(textOf(record, kind.value()->idKey));
    if (!ownedIn(record, regionId.value()) ||
        (!ids.value().empty() &&
         std::find(ids.value().begin(), ids.value().end(), id) ==
             ids.value().end()) ||
        !matchesTags(record, filter.value()))
      continue;
    for (const Tag &tag : tagsOf(record))
      entries.push_back(
          Value(Value::Map{{"ResourceId", id},
                           {"ResourceType", std::string(kind.value()->type)},
                           {"TagKey", tag.key},
                           {"TagValue", tag.value.value_or("")}}));
  }
  Value response = object();
  putPage(response, "TagResources", "TagResource", std::move(entries), page);
  // ListTagResources answers NextToken only: no TotalCount, no MaxResults.
  Value::Map &members = response.getMap();
  members.erase(std::remove_if(members.begin(), members.end(),
                               [](const Value::Member &member) {
                                 return member.first == "TotalCount" || member.first == "MaxResults";
                               }),
                members.end());
  return response;
}

} // namespace oosc::runtime::sim::ecs
