//===- SelectTargets.cpp - ACS::SelectTargets -------------------------------===//
//
// What OOS documents and the corpus shows: Properties ResourceType
// (`ALIYUN::ECS::Instance`, `ALIYUN::RDS::Instance`, ...), RegionId and
// Filters, a list of Targets objects as the console's Targets picker writes
// them (a map, or its JSON text):
//   {"Type": "ResourceIds", "ResourceIds": [...]}
//   {"Type": "Tags", "Tags": [{"Key": ..., "Value": ...}]}
//   {"Type": "ResourceGroup", "ResourceGroupId": ...}
//   {"Type": "All"}
// each optionally with "Parameters" (more request parameters of the Describe
// call, such as Status) and "RegionId".
//
// Decided here, where the documentation is silent:
// - the resources are listed with the type's Describe API (every page) in
//   the region, and each filter narrows the list: several filters select
//   what all of them select;
// - the answer has the Describe API's shape, except for RDS and Redis
//   instances, which the corpus selects as `Instances.Instance[].InstanceId`
//   like ECS instances: those are answered in that shape, each resource with
//   its id also as InstanceId;
// - ResourceIds select the ids that exist; ids that do not are left out,
//   as a listing leaves them out (an empty selection is not an error: the
//   tasks that loop over it run no item);
// - a tag filter without Value matches any value of that key.
//
//===----------------------------------------------------------------------===//
#include "executor/SelectTargets.h"

#include "oosc/runtime/ResourceLists.h"
#include "executor/ApiActions.h"

#include <set>

namespace oosc::runtime {
namespace {

/// A value that may come as JSON text (a String parameter holding a Targets
/// object or a list of ids).
Value decoded(const Value &value) {
  if (value.isString())
    if (std::optional<Value> parsed = parseJson(value.getString()); parsed && !parsed->isString())
      return std::move(*parsed);
  return value;
}

std::set<std::string> textsOf(const Value &value) {
  std::set<std::string> texts;
  Value list = decoded(value);
  if (list.isList()) {
    for (const Value &item : list.getList())
      texts.insert(item.toDisplayString());
  } else if (!list.isNull()) {
    // "i-1,i-2" as a console field holds several.
    std::string text = list.toDisplayString();
    for (size_t start = 0; start <= text.size();) {
      size_t comma = std::min(text.find(',', start), text.size());
      if (comma > start)
        texts.insert(text.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return texts;
}

/// The resource's tags as (key, value) pairs: `Tags.Tag[]` with TagKey and
/// TagValue (ECS) or Key and Value (most others).
std::vector<std::pair<std::string, std::string>> tagsOf(const Value &resource) {
  std::vector<std::pair<std::string, std::string>> tags;
  const Value *holder = resource.find("Tags");
  if (holder && holder->isMap())
    holder = holder->find("Tag");
  if (!holder || !holder->isList())
    return tags;
  for (const Value &tag : holder->getList()) {
    const Value *key = tag.find("TagKey") ? tag.find("TagKey") : tag.find("Key");
    const Value *value = tag.find("TagValue") ? tag.find("TagValue") : tag.find("Value");
    if (key)
      tags.emplace_back(key->toDisplayString(), value ? value->toDisplayString() : "");
  }
  return tags;
}

bool hasTags(const Value &resource, const Value &wanted) {
  Value list = decoded(wanted);
  if (!list.isList())
    return false;
  auto tags = tagsOf(resource);
  for (const Value &tag : list.getList()) {
    const Value *key = tag.findCaseInsensitive("Key");
    const Value *value = tag.findCaseInsensitive("Value");
    if (!key)
      return false;
    bool found = false;
    for (const auto &[haveKey, haveValue] : tags)
      found = found || (haveKey == key->toDisplayString() &&
                        (!value || value->isNull() || haveValue == value->toDisplayString()));
    if (!found)
      return false;
  }
  return true;
}

/// Types OOS answers in another shape than their Describe API's: the
/// corpus selects RDS and Redis instances as
/// `Instances.Instance[].InstanceId`, as it selects ECS instances.
struct SelectionShape {
  std::string_view type, idField;
};

constexpr SelectionShape kNormalisedShapes[] = {{"ALIYUN::RDS::Instance", "InstanceId"},
                                                {"ALIYUN::Redis::Instance", "InstanceId"}};

const SelectionShape *normalisedShapeOf(std::string_view type) {
  for (const SelectionShape &shape : kNormalisedShapes)
    if (sameName(shape.type, type))
      return &shape;
  return nullptr;
}

/// Whether \p filter keeps \p resource; fails on a Type it does not know.
Outcome<bool> keeps(const Value &filter, const Value &resource, const ResourceList &list) {
  const Value *type = filter.findCaseInsensitive("Type");
  std::string kind = type ? type->toDisplayString() : "";
  if (sameName(kind, "ResourceIds")) {
    const Value *ids = filter.findCaseInsensitive("ResourceIds");
    const Value *id = resource.find(list.idField);
    return ids && id && textsOf(*ids).count(id->toDisplayString()) > 0;
  }
  if (sameName(kind, "Tags")) {
    const Value *tags = filter.findCaseInsensitive("Tags");
    return tags && hasTags(resource, *tags);
  }
  if (sameName(kind, "ResourceGroup")) {
    const Value *wanted = filter.findCaseInsensitive("ResourceGroupId");
    const Value *group = resource.find("ResourceGroupId");
    return wanted && group && wanted->toDisplayString() == group->toDisplayString();
  }
  if (sameName(kind, "All"))
    return true;
  return fail("Targets of Type '" + kind + "' are not ones ACS::SelectTargets knows (ResourceIds, Tags, "
              "ResourceGroup, All)");
}

} // namespace

Outcome<Value> selectTargets(ActionCall &call) {
  const Value *typeValue = call.properties.findCaseInsensitive("ResourceType");
  if (!typeValue)
    return fail("ACS::SelectTargets needs ResourceType (ALIYUN::ECS::Instance, ...)");
  std::string type = typeValue->toDisplayString();
  const ResourceList *list = type.rfind("ALIYUN::", 0) == 0 ? findResourceList(type) : nullptr;
  if (!list)
    return fail("ACS::SelectTargets cannot list resources of type '" + type +
                "' (it lists ALIYUN::ECS::Instance, ALIYUN::RDS::Instance, ALIYUN::Redis::Instance, "
                "ALIYUN::ComputeNestSupplier::Instance and the other types of ResourceLists.def)");
  std::vector<Value> filters;
  if (const Value *given = call.properties.findCaseInsensitive("Filters")) {
    Value all = decoded(*given);
    if (all.isList()) {
      for (const Value &filter : all.getList())
        filters.push_back(decoded(filter));
    } else if (all.isMap()) {
      filters.push_back(all);
    } else if (!all.isNull()) {
      return fail("Filters must be a list of Targets objects, not " + all.toJson());
    }
  }
  for (const Value &filter : filters) {
    if (!filter.isMap())
      return fail("a Targets object is a map ({\"Type\": \"ResourceIds\", ...}), not " + filter.toJson());
    // Checked before anything is listed: an empty region must not hide it.
    if (auto known = keeps(filter, Value(Value::Map{}), *list); !known)
      return known.error();
  }

  std::string region = call.state.environment.regionId;
  if (const Value *given = call.properties.findCaseInsensitive("RegionId"); given && !given->isNull())
    region = given->toDisplayString();
  Value request(Value::Map{{"RegionId", Value(region)}});
  for (const Value &filter : filters)
    if (const Value *parameters = filter.findCaseInsensitive("Parameters"); parameters && parameters->isMap())
      for (const auto &[name, value] : parameters->getMap())
        request.set(name, value);
  auto answer = callAllPages(call, std::string(list->product), std::string(list->api), std::move(request));
  if (!answer)
    return answer.error();
  Value response = std::move(answer.value());
  Value *items = response.findPath(list->listPath);
  if (!items || !items->isList())
    return response; // nothing listed: the answer as the API gave it
  Value::List kept;
  for (Value &resource : items->getList()) {
    bool keep = true;
    for (const Value &filter : filters) {
      auto decided = keeps(filter, resource, *list);
      if (!decided)
        return decided.error();
      keep = keep && decided.value();
    }
    if (keep)
      kept.push_back(std::move(resource));
  }
  std::int64_t count = static_cast<std::int64_t>(kept.size());
  if (const SelectionShape *shape = normalisedShapeOf(type)) {
    // OOS answers these types as it answers ECS instances.
    for (Value &resource : kept)
      if (const Value *id = resource.find(list->idField))
        resource.set(std::string(shape->idField), *id);
    Value answer(Value::Map{{"Instances", Value(Value::Map{{"Instance", Value(std::move(kept))}})},
                            {"TotalCount", Value(count)}});
    return answer;
  }
  *items = Value(std::move(kept));
  response.set("TotalCount", Value(count));
  return response;
}

} // namespace oosc::runtime
