// ResourceCenter.cpp - Resource Center's SearchResources on the simulated
// cloud: the world's resources of the types CloudResources.h lists
// (hand-written models' sections and the generic engine's kinds), filtered by Filter's
// {Key, Value[], MatchType} conditions, all of which must hold.
#include "CloudResources.h"

#include <algorithm>

namespace oosc::runtime::sim::rc {
namespace {

/// One condition of Filter.
struct Condition {
  std::string key, matchType;
  std::vector<std::string> values;
};

std::vector<std::string> textsOf(const Value *value) {
  std::vector<std::string> texts;
  if (value && value->isList())
    for (const Value &item : value->getList())
      texts.push_back(scalarText(item));
  else if (value && !value->isNull())
    texts.push_back(scalarText(*value));
  return texts;
}

/// Filter as a template writes it (a list of maps) or as it travels
/// (Filter.1.Key, Filter.1.Value.1, ...).
Outcome<std::vector<Condition>, ApiError> conditionsOf(const Request &request) {
  Value::List written;
  if (const Value *filter = request.find("Filter"); filter && filter->isList())
    written = filter->getList();
  for (int n = 1;; ++n) {
    std::string prefix = "Filter." + std::to_string(n) + ".";
    const Value *key = request.find(prefix + "Key");
    if (!key)
      break;
    Value::List values;
    for (int m = 1; const Value *value = request.find(prefix + "Value." + std::to_string(m)); ++m)
      values.push_back(*value);
    const Value *match = request.find(prefix + "MatchType");
    written.push_back(Value(Value::Map{{"Key", *key}, {"Value", Value(std::move(values))},
                                       {"MatchType", match ? *match : Value("equals")}}));
  }
  std::vector<Condition> conditions;
  for (const Value &item : written) {
    const Value *key = item.isMap() ? item.find("Key") : nullptr;
    if (!key || !key->isString())
      return invalidParameter("Filter", "each condition has a Key");
    const Value *match = item.find("MatchType");
    Condition condition{key->getString(), match ? scalarText(*match) : "equals", textsOf(item.find("Value"))};
    if (condition.matchType != "equals" && condition.matchType != "prefix" && condition.matchType != "contain" &&
        condition.matchType != "not")
      return invalidParameter("Filter", "MatchType '" + condition.matchType + "' is not equals, prefix, contain or not");
    conditions.push_back(std::move(condition));
  }
  return conditions;
}

bool matches(const std::string &have, const Condition &condition) {
  auto one = [&](const std::string &value) {
    if (condition.matchType == "prefix")
      return have.rfind(value, 0) == 0;
    if (condition.matchType == "contain")
      return have.find(value) != std::string::npos;
    return have == value;
  };
  bool any = std::any_of(condition.values.begin(), condition.values.end(), one);
  return condition.matchType == "not" ? !any : any;
}

Value resourceOf(const CloudResourceType &source, const Value &record) {
  Value::List tags;
  for (const Tag &tag : ecs::tagsOf(record))
    tags.push_back(Value(Value::Map{{"Key", tag.key}, {"Value", tag.value.value_or("")}}));
  return Value(Value::Map{{"ResourceType", std::string(source.type)},
                          {"ResourceId", std::string(textOf(record, source.idField))},
                          {"ResourceName", std::string(textOf(record, source.nameField))},
                          {"RegionId", std::string(regionOfRecord(record))},
                          {"ZoneId", std::string(textOf(record, "ZoneId"))},
                          {"ResourceGroupId", std::string(textOf(record, "ResourceGroupId"))},
                          {"AccountId", std::string(kAccountId)},
                          {"CreateTime", std::string(textOf(record, "CreationTime"))},
                          {"Tags", Value(std::move(tags))}});
}

} // namespace

Result searchResources(World &world, const Request &request) {
  auto conditions = conditionsOf(request);
  if (!conditions)
    return conditions.error();
  for (const Condition &condition : conditions.value())
    if (condition.key != "ResourceType" && condition.key != "RegionId" && condition.key != "ResourceId" &&
        condition.key != "ResourceName" && condition.key != "ResourceGroupId")
      return invalidParameter("Filter", "Key '" + condition.key + "' is not one Resource Center searches by");
  auto page = readPaging(request, 20, 100);
  if (!page)
    return page.error();
  Value::List found;
  forEachCloudResource<const Value>(world, [&](const CloudResourceType &type, const Value &record) {
    Value resource = resourceOf(type, record);
    bool keep = true;
    for (const Condition &condition : conditions.value())
      keep = keep && matches(std::string(textOf(resource, condition.key)), condition);
    if (keep)
      found.push_back(std::move(resource));
  });
  Value answer = object();
  answer.set("Resources", Value(pageOf(std::move(found), page.value())));
  answer.set("MaxResults", static_cast<std::int64_t>(page.value().size));
  answer.set("NextToken", "");
  return answer;
}

} // namespace oosc::runtime::sim::rc
