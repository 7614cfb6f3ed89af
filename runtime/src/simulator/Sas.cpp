// Sas.cpp - Security Center (SAS) on the simulated cloud: every ECS
// instance is an asset (DescribeCloudCenterInstances, searched by its
// Criteria), whose Security Center agent OperateAgentClientInstall
// installs and DescribeAgentInstallStatus reports.
//
// An asset's Uuid is made from its instance id (the real one is the
// agent's machine id); its ClientStatus is `offline` until the agent is
// installed, `online` after, kept on the instance as Simulated.SasAgent.
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::sas {
namespace {

std::string uuidOf(std::string_view instanceId) { return "sas-" + std::string(instanceId); }

std::string firstOf(const Value &instance, std::string_view path) {
  const Value *list = instance.findPath(path);
  return list && list->isList() && !list->getList().empty() ? scalarText(list->getList().front()) : "";
}

Value assetOf(const Value &instance) {
  const Value *agent = simulatedMember(instance, "SasAgent");
  std::string intranet = firstOf(instance, "VpcAttributes.PrivateIpAddress.IpAddress");
  const Value *vpc = instance.findPath("VpcAttributes.VpcId");
  return Value(Value::Map{{"Uuid", uuidOf(textOf(instance, "InstanceId"))},
                          {"InstanceId", std::string(textOf(instance, "InstanceId"))},
                          {"InstanceName", std::string(textOf(instance, "InstanceName"))},
                          {"AssetType", "0"},
                          {"AssetTypeName", "ECS"},
                          {"Os", std::string(textOf(instance, "OSType"))},
                          {"OsName", std::string(textOf(instance, "OSName"))},
                          {"RegionId", std::string(textOf(instance, "RegionId"))},
                          {"Region", std::string(textOf(instance, "RegionId"))},
                          {"IntranetIp", intranet},
                          {"InternetIp", firstOf(instance, "PublicIpAddress.IpAddress")},
                          {"Ip", intranet},
                          {"VpcInstanceId", vpc ? scalarText(*vpc) : ""},
                          {"Status", textOf(instance, "Status") == "Running" ? "Running" : "Stopped"},
                          {"ClientStatus", agent && agent->isString() ? agent->getString() : "offline"},
                          {"Vendor", 0},
                          {"VendorName", "ALIYUN"}});
}

/// One `{"name": ..., "value": ...}` of Criteria.
struct Criterion {
  std::string name, value;
};

Outcome<std::vector<Criterion>, ApiError> criteriaOf(const Request &request) {
  std::vector<Criterion> criteria;
  std::optional<std::string> text = request.text("Criteria");
  if (!text)
    return criteria;
  std::optional<Value> parsed = parseJson(*text);
  if (!parsed || !parsed->isList())
    return invalidParameter("Criteria", "it is a JSON list of {\"name\", \"value\"} objects");
  for (const Value &item : parsed->getList()) {
    const Value *name = item.isMap() ? item.find("name") : nullptr;
    const Value *value = item.isMap() ? item.find("value") : nullptr;
    if (!name || !name->isString() || !value)
      return invalidParameter("Criteria", "each of its items has a name and a value");
    criteria.push_back({name->getString(), scalarText(*value)});
  }
  return criteria;
}

/// Whether \p asset meets \p criterion: the field it names (ignoring case)
/// holds its value.
Outcome<bool, ApiError> meets(const Value &asset, const Criterion &criterion) {
  const Value *field = asset.findCaseInsensitive(criterion.name);
  if (!field)
    return invalidParameter("Criteria", "'" + criterion.name + "' is not a field of an asset");
  return scalarText(*field) == criterion.value;
}

/// The world's ECS instances that the request's Uuids (or InstanceIds)
/// name, each once; InvalidParameter for a name no asset has.
Outcome<std::vector<Value *>, ApiError> instancesNamed(World &world, const Request &request) {
  auto uuids = request.list({"Uuids"}, true);
  if (!uuids)
    return uuids.error();
  auto ids = request.list({"InstanceIds"}, true);
  if (!ids)
    return ids.error();
  if (uuids.value().empty() && ids.value().empty())
    return missingParameter("Uuids");
  std::vector<Value *> found;
  auto take = [&](const std::string &name, bool isUuid) -> std::optional<ApiError> {
    for (Value &instance : world.records(section::Instances)) {
      std::string_view id = textOf(instance, "InstanceId");
      if (isUuid ? uuidOf(id) == name : id == name) {
        if (std::find(found.begin(), found.end(), &instance) == found.end())
          found.push_back(&instance);
        return std::nullopt;
      }
    }
    return invalidParameter(isUuid ? "Uuids" : "InstanceIds", "no asset is " + name);
  };
  for (const std::string &uuid : uuids.value())
    if (auto error = take(uuid, true))
      return *error;
  for (const std::string &id : ids.value())
    if (auto error = take(id, false))
      return *error;
  return found;
}

} // namespace

Result describeCloudCenterInstances(World &world, const Request &request) {
  auto criteria = criteriaOf(request);
  if (!criteria)
    return criteria.error();
  bool anyOf = equalsIgnoreCase(request.textOr("LogicalExp", "AND"), "OR");
  auto page = readPaging(request, 20, 100);
  if (!page)
    return page.error();
  Value::List assets;
  for (const Value &instance : world.records(section::Instances)) {
    Value asset = assetOf(instance);
    bool keep = !anyOf || criteria.value().empty();
    for (const Criterion &criterion : criteria.value()) {
      auto met = meets(asset, criterion);
      if (!met)
        return met.error();
      keep = anyOf ? keep || met.value() : keep && met.value();
    }
    if (keep)
      assets.push_back(std::move(asset));
  }
  auto total = static_cast<std::int64_t>(assets.size());
  Value answer = object();
  answer.set("Instances", Value(pageOf(std::move(assets), page.value())));
  answer.set("PageInfo", Value(Value::Map{{"CurrentPage", page.value().pageNumber},
                                          {"PageSize", static_cast<std::int64_t>(page.value().size)},
                                          {"TotalCount", total},
                                          {"Count", total}}));
  answer.set("Success", true);
  return answer;
}

Result operateAgentClientInstall(World &world, const Request &request) {
  auto instances = instancesNamed(world, request);
  if (!instances)
    return instances.error();
  Value::List records;
  for (Value *instance : instances.value()) {
    simulated(*instance).set("SasAgent", Value("online"));
    std::string recordId = world.nextId("sasinstall");
    records.push_back(Value(Value::Map{{"InstanceId", std::string(textOf(*instance, "InstanceId"))},
                                       {"Uuid", uuidOf(textOf(*instance, "InstanceId"))},
                                       {"RecordId", std::stoll(recordId.substr(recordId.size() - 12))}}));
  }
  Value answer = object();
  answer.set("AegisCelintInstallResposeList", Value(std::move(records))); // sic: SAS's spelling
  return answer;
}

Result describeAgentInstallStatus(World &world, const Request &request) {
  auto instances = instancesNamed(world, request);
  if (!instances)
    return instances.error();
  Value::List statuses;
  for (Value *instance : instances.value()) {
    const Value *agent = simulatedMember(*instance, "SasAgent");
    bool installed = agent && agent->isString() && agent->getString() == "online";
    statuses.push_back(Value(Value::Map{{"Uuid", uuidOf(textOf(*instance, "InstanceId"))},
                                        {"ResuleCode", installed ? "0" : "1"}, // sic
                                        {"Result", std::int64_t(installed ? 0 : 1)},
                                        {"Message", installed ? "install success" : "not installed"}}));
  }
  Value answer = object();
  answer.set("AegisClientInvokeStatusResponseList", Value(std::move(statuses)));
  return answer;
}

} // namespace oosc::runtime::sim::sas
