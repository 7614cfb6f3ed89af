// Tag.cpp - The TAG service on the simulated cloud: tags on any resource
// CloudResources.h knows, named by ARN (`arn:acs:ecs:cn-hangzhou:ACCOUNT:
// instance/i-...`), kept on the resource's own record as ECS keeps them
// (so DescribeInstances shows what TagResources set). A resource an ARN
// does not find fails on its own line (FailedResources), the others go on.
#include "CloudResources.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace oosc::runtime::sim::tag {
namespace {

/// `ACS::ECS::Instance` -> {"ecs", "instance"}.
std::pair<std::string, std::string> arnPartsOf(std::string_view type) {
  std::string lower = lowerAscii(type);
  size_t first = lower.find("::"), second = lower.rfind("::");
  return {lower.substr(first + 2, second - first - 2), lower.substr(second + 2)};
}

std::string arnOf(const CloudResourceType &type, const Value &record) {
  auto [service, kind] = arnPartsOf(type.type);
  return "arn:acs:" + service + ":" + std::string(regionOfRecord(record)) + ":" + std::string(kAccountId) + ":" +
         kind + "/" + std::string(textOf(record, type.idField));
}

/// A resource an ARN names, with the ARN that names it alone.
struct Named {
  std::string arn;
  Value *record;
};

/// The records an ARN names: the one of its id, or with `*` as the id
/// (`arn:acs:ecs:cn-hangzhou:ACCOUNT:instance/*`) every one of its type in
/// its region. None for an ARN that names nothing.
std::vector<Named> resourcesOf(World &world, std::string_view arn) {
  // arn:acs:SERVICE:REGION:ACCOUNT:TYPE/ID
  std::vector<std::string_view> parts;
  size_t at = 0;
  for (int i = 0; i < 5; ++i) {
    size_t colon = arn.find(':', at);
    if (colon == std::string_view::npos)
      return {};
    parts.push_back(arn.substr(at, colon - at));
    at = colon + 1;
  }
  std::string_view rest = arn.substr(at);
  size_t slash = rest.find('/');
  if (parts[0] != "arn" || parts[1] != "acs" || slash == std::string_view::npos)
    return {};
  std::string service = lowerAscii(parts[2]), kind = lowerAscii(rest.substr(0, slash));
  std::string_view id = rest.substr(slash + 1), region = parts[3];
  std::vector<Named> found;
  forEachCloudResource<Value>(world, [&](const CloudResourceType &type, Value &record) {
    if (arnPartsOf(type.type) == std::make_pair(service, kind) &&
        (id == "*" ? regionOfRecord(record) == region : textOf(record, type.idField) == id))
      found.push_back({arnOf(type, record), &record});
  });
  return found;
}

/// The one record an ARN names by its id (not `*`), or null.
Value *resourceOf(World &world, std::string_view arn) {
  bool wildcard = arn.size() >= 2 && arn.substr(arn.size() - 2) == "/*";
  std::vector<Named> found = wildcard ? std::vector<Named>{} : resourcesOf(world, arn);
  return found.size() == 1 ? found.front().record : nullptr;
}

/// Tags as the TAG API takes them: a JSON object text `{"k": "v"}` (or the
/// map a template writes).
Outcome<std::vector<Tag>, ApiError> tagsParameter(const Request &request, bool required) {
  const Value *given = request.find("Tags");
  if (!given)
    return required ? Outcome<std::vector<Tag>, ApiError>(missingParameter("Tags")) : std::vector<Tag>{};
  std::optional<Value> parsed = given->isString() ? parseJson(given->getString()) : std::optional<Value>(*given);
  // A list of such objects (Alibaba's ACS-TAG-AddTagsToResources sends one
  // in a list) counts as their keys together.
  Value::List objects = parsed && parsed->isList() ? parsed->getList() : Value::List{};
  if (parsed && parsed->isMap())
    objects.push_back(*parsed);
  std::vector<Tag> tags;
  for (const Value &object : objects) {
    if (!object.isMap())
      return invalidParameter("Tags", "it is a JSON object of tag keys and values");
    for (const auto &[key, value] : object.getMap())
      tags.push_back({key, scalarText(value)});
  }
  if (!parsed || objects.empty())
    return invalidParameter("Tags", "it is a JSON object of tag keys and values");
  return tags;
}

Value failure(const std::string &arn) {
  return Value(Value::Map{{"ResourceARN", arn},
                          {"Result", Value(Value::Map{{"Code", "InvalidResourceId.NotFound"},
                                                      {"Message", "The resource " + arn + " does not exist."}})}});
}

/// Each resource of \p arns changed by \p change; the ones no ARN finds
/// answered as FailedResources.
Result eachResource(World &world, const std::vector<std::string> &arns, const std::function<void(Value &)> &change) {
  Value::List failed;
  for (const std::string &arn : arns) {
    if (Value *record = resourceOf(world, arn))
      change(*record);
    else
      failed.push_back(failure(arn));
  }
  Value answer = object();
  answer.set("FailedResources", Value(Value::Map{{"FailedResource", Value(std::move(failed))}}));
  return answer;
}

Value tagsView(const Value &record) {
  Value::List tags;
  for (const Tag &tag : ecs::tagsOf(record))
    tags.push_back(Value(Value::Map{{"Key", tag.key},
                                    {"Value", tag.value.value_or("")},
                                    {"Category", tag.key.rfind("acs:", 0) == 0 ? "System" : "Custom"}}));
  return Value(std::move(tags));
}

/// Every tag of the region's resources, by key.
std::map<std::string, std::set<std::string>> tagsIn(World &world, std::string_view regionId) {
  std::map<std::string, std::set<std::string>> found;
  forEachCloudResource<const Value>(world, [&](const CloudResourceType &, const Value &record) {
    if (regionOfRecord(record) == regionId)
      for (const Tag &tag : ecs::tagsOf(record))
        found[tag.key].insert(tag.value.value_or(""));
  });
  return found;
}

} // namespace

Result tagResources(World &world, const Request &request) {
  auto arns = request.list({"ResourceARN"});
  if (!arns)
    return arns.error();
  if (arns.value().empty())
    return missingParameter("ResourceARN");
  auto tags = tagsParameter(request, true);
  if (!tags)
    return tags.error();
  return eachResource(world, arns.value(), [&](Value &record) { ecs::setTags(record, tags.value()); });
}

Result untagResources(World &world, const Request &request) {
  auto arns = request.list({"ResourceARN"});
  if (!arns)
    return arns.error();
  auto keys = request.list({"TagKey"});
  if (!keys)
    return keys.error();
  if (arns.value().empty() || keys.value().empty())
    return missingParameter(arns.value().empty() ? "ResourceARN" : "TagKey");
  return eachResource(world, arns.value(), [&](Value &record) { ecs::removeTags(record, keys.value()); });
}

Result listTagResources(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto arns = request.list({"ResourceARN"});
  if (!arns)
    return arns.error();
  auto filter = tagsParameter(request, false);
  if (!filter)
    return filter.error();
  // The resources the ARNs name, or without ARNs every one of the region.
  std::vector<Named> named;
  for (const std::string &arn : arns.value())
    for (Named &one : resourcesOf(world, arn))
      named.push_back(std::move(one));
  if (arns.value().empty())
    forEachCloudResource<Value>(world, [&](const CloudResourceType &type, Value &record) {
      if (regionOfRecord(record) == regionId.value())
        named.push_back({arnOf(type, record), &record});
    });
  Value::List listed;
  for (const Named &one : named)
    if (!ecs::tagsOf(*one.record).empty() && ecs::matchesTags(*one.record, filter.value()))
      listed.push_back(Value(Value::Map{{"ResourceARN", one.arn}, {"Tags", tagsView(*one.record)}}));
  Value answer = object();
  answer.set("TagResources", Value(std::move(listed)));
  answer.set("NextToken", "");
  return answer;
}

Result listTagKeys(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  Value::List keys;
  for (const auto &[key, values] : tagsIn(world, regionId.value()))
    keys.push_back(Value(Value::Map{{"Key", key}, {"Category", "Custom"}, {"Description", ""}}));
  Value answer = object();
  answer.set("Keys", Value(Value::Map{{"Key", Value(std::move(keys))}}));
  answer.set("NextToken", "");
  return answer;
}

Result listTagValues(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto key = request.required("Key");
  if (!key)
    return key.error();
  Value::List values;
  std::map<std::string, std::set<std::string>> all = tagsIn(world, regionId.value());
  if (auto it = all.find(key.value()); it != all.end())
    for (const std::string &value : it->second)
      values.emplace_back(value);
  Value answer = object();
  answer.set("Values", Value(Value::Map{{"Value", Value(std::move(values))}}));
  answer.set("NextToken", "");
  return answer;
}

} // namespace oosc::runtime::sim::tag
