// World.cpp - The simulated world's state, its passage of time, and its
// persistence as a JSON document.
#include "World.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <system_error>
#include <thread>
#include <utility>

namespace oosc::runtime::sim {

namespace {

constexpr std::string_view FormatVersion = "oosc-simulated-cloud/1";

/// The list sections of a world, in document order, with the member that
/// identifies their records. Sections with timelines change by themselves.
struct SectionSpec {
  std::string_view name;
  std::string_view idKey;
  bool timed;
};

constexpr SectionSpec Sections[] = {
    {section::Regions, "RegionId", false},
    {section::Vpcs, "VpcId", false},
    {section::VSwitches, "VSwitchId", false},
    {section::SecurityGroups, "SecurityGroupId", false},
    {section::Images, "ImageId", true},
    {section::Instances, "InstanceId", true},
    {section::Commands, "CommandId", false},
    {section::Invocations, "InvokeId", true},
    {section::ScalingGroups, "ScalingGroupId", false},
    {section::ScalingConfigurations, "ScalingConfigurationId", false},
    {section::ScalingInstances, "InstanceId", false},
    {section::ScalingActivities, "ScalingActivityId", false},
    {section::Notifications, "NotificationId", false},
    {section::ClientTokens, "ClientToken", false},
    // Ids under Simulated.Id: each kind names its id field differently.
    {section::Resources, "", false},
    {section::Buckets, "Name", false},
    {section::SystemEvents, "Id", false},
    {section::Stacks, "StackId", true},
};

/// A record's id: its id field's, or for the generic engine's resources
/// Simulated.Id.
std::string_view idOf(const Value &record, const SectionSpec &spec) {
  if (!spec.idKey.empty())
    return textOf(record, spec.idKey);
  const Value *id = simulatedMember(record, "Id");
  return id && id->isString() ? std::string_view(id->getString()) : std::string_view();
}

/// Merges the timeline steps of \p record that are due at \p now.
void applyDueSteps(Value &record, Millis now) {
  Value *data = record.find("Simulated");
  Value *timeline = data ? data->find("Timeline") : nullptr;
  if (!timeline || !timeline->isList() || timeline->size() == 0)
    return;
  // Split first: merging may reallocate the members the timeline lives in.
  Value::List due, pending;
  for (Value &step : timeline->getList()) {
    std::int64_t at = integerOf(step, "At", std::numeric_limits<Millis>::max());
    (at <= now ? due : pending).push_back(std::move(step));
  }
  *timeline = list(std::move(pending));
  for (const Value &step : due)
    if (const Value *changes = step.find("Set"))
      mergeInto(record, *changes);
}

std::string describeOffset(std::string_view origin, const JsonParseError &e) {
  return std::string(origin) + ": not valid JSON (" + e.message + " at byte " +
         std::to_string(e.offset) + ")";
}

std::optional<std::string> checkSection(const Value &document,
                                        const SectionSpec &spec,
                                        std::string_view origin) {
  const Value *records = document.find(spec.name);
  if (!records)
    return std::nullopt;
  std::string where =
      std::string(origin) + ": section \"" + std::string(spec.name) + "\"";
  if (!records->isList())
    return where + " must be a list";
  std::size_t index = 0;
  for (const Value &record : records->getList()) {
    ++index;
    if (!record.isMap() || idOf(record, spec).empty())
      return where + ", entry " + std::to_string(index) +
             ": expected an object with a string \"" +
             std::string(spec.idKey.empty() ? "Simulated.Id" : spec.idKey) + "\"";
  }
  return std::nullopt;
}

std::optional<std::string> checkWorld(const Value &document,
                                      std::string_view origin) {
  if (!document.isMap())
    return std::string(origin) + ": a world must be a JSON object";
  if (const Value *version = document.find("FormatVersion");
      version &&
      !(version->isString() && version->getString() == FormatVersion))
    return std::string(origin) + ": unsupported FormatVersion (expected \"" +
           std::string(FormatVersion) + "\")";
  if (const Value *time = document.find("Time");
      time && (!time->isInteger() || time->getInteger() < EarliestStartMillis ||
               time->getInteger() > ClockCeilingMillis))
    return std::string(origin) + ": \"Time\" must be an integer from 0 to " +
           std::to_string(ClockCeilingMillis) + " (milliseconds since 1970, up to " +
           formatUtc(ClockCeilingMillis) + ")";
  if (const Value *region = document.find("DefaultRegion");
      region && !region->isString())
    return std::string(origin) + ": \"DefaultRegion\" must be a string";
  if (const Value *counters = document.find("Counters")) {
    if (!counters->isMap())
      return std::string(origin) + ": \"Counters\" must be an object";
    for (const auto &[name, count] : counters->getMap())
      if (!count.isInteger() || count.getInteger() < 0 ||
          count.getInteger() > MaxIdCounter)
        return std::string(origin) + ": counter \"" + name +
               "\" must be an integer from 0 to " + std::to_string(MaxIdCounter);
  }
  for (const SectionSpec &spec : Sections)
    if (std::optional<std::string> problem =
            checkSection(document, spec, origin))
      return problem;
  return std::nullopt;
}

void appendPretty(std::string &out, const Value &value, unsigned depth) {
  auto newline = [&](unsigned level) {
    out += '\n';
    out.append(level * 2, ' ');
  };
  if (value.isList() && value.size() > 0) {
    out += '[';
    const char *separator = "";
    for (const Value &item : value.getList()) {
      out += separator;
      newline(depth + 1);
      appendPretty(out, item, depth + 1);
      separator = ",";
    }
    newline(depth);
    out += ']';
    return;
  }
  if (value.isMap() && value.size() > 0) {
    out += '{';
    const char *separator = "";
    for (const auto &[key, member] : value.getMap()) {
      out += separator;
      newline(depth + 1);
      out += Value(key).toJson();
      out += ": ";
      appendPretty(out, member, depth + 1);
      separator = ",";
    }
    newline(depth);
    out += '}';
    return;
  }
  out += value.toJson();
}

/// Raises each id counter to at least the highest "<prefix>-sim<N>" id in
/// the world, so a hand-written world file cannot make new ids collide with
/// the ones it already has.
void reconcileCounters(Value &root) {
  Value &counters = *root.find("Counters");
  for (const SectionSpec &spec : Sections) {
    for (const Value &record : root.find(spec.name)->getList()) {
      std::string_view id = idOf(record, spec);
      std::size_t marker = id.find("-sim");
      std::string_view digits = marker == std::string_view::npos
                                    ? std::string_view()
                                    : id.substr(marker + 4);
      if (digits.empty() || digits.size() > 15 ||
          digits.find_first_not_of("0123456789") != std::string_view::npos)
        continue;
      std::string prefix(id.substr(0, marker));
      std::int64_t number = std::stoll(std::string(digits));
      if (number > integerOf(counters, prefix, 0))
        counters.set(prefix, number);
    }
  }
}

} // namespace

//===-- World
//--------------------------------------------------------------===//

World::World(Value document) : root(std::move(document)) {
  if (!root.isMap())
    root = object();
  // Every section exists from here on: adding a member to the root later
  // would move the others and invalidate references handlers hold.
  Value normalized = object();
  normalized.set("FormatVersion", FormatVersion);
  normalized.set("Time", integerOf(root, "Time", 0));
  normalized.set("DefaultRegion",
                 textOf(root, "DefaultRegion").empty()
                     ? std::string("cn-hangzhou")
                     : std::string(textOf(root, "DefaultRegion")));
  const Value *counters = root.find("Counters");
  normalized.set("Counters",
                 counters && counters->isMap() ? *counters : object());
  for (const SectionSpec &spec : Sections) {
    Value *records = root.find(spec.name);
    normalized.set(std::string(spec.name),
                   records && records->isList() ? std::move(*records) : list());
  }
  root = std::move(normalized);
  reconcileCounters(root);
}

Value::List &World::records(std::string_view name) {
  Value *records = root.find(name);
  if (!records || !records->isList())
    records = &root.set(std::string(name), list());
  return records->getList();
}

const Value::List &World::records(std::string_view name) const {
  static const Value::List Empty;
  const Value *records = root.find(name);
  return records && records->isList() ? records->getList() : Empty;
}

Value *World::find(std::string_view name, std::string_view idKey,
                   std::string_view id) {
  for (Value &record : records(name))
    if (textOf(record, idKey) == id)
      return &record;
  return nullptr;
}

const Value *World::find(std::string_view name, std::string_view idKey,
                         std::string_view id) const {
  for (const Value &record : records(name))
    if (textOf(record, idKey) == id)
      return &record;
  return nullptr;
}

bool World::erase(std::string_view name, std::string_view idKey,
                  std::string_view id) {
  Value::List &all = records(name);
  for (auto it = all.begin(); it != all.end(); ++it) {
    if (textOf(*it, idKey) == id) {
      all.erase(it);
      return true;
    }
  }
  return false;
}

Millis World::now() const { return integerOf(root, "Time", 0); }

void World::advanceTo(Millis time) {
  if (time > now())
    root.set("Time", time);
  Millis current = now();
  for (const SectionSpec &spec : Sections)
    if (spec.timed)
      for (Value &record : records(spec.name))
        applyDueSteps(record, current);
}

std::string World::nextId(std::string_view prefix, std::int64_t atLeast) {
  Value &counters = *root.find("Counters");
  // Counters were checked against MaxIdCounter when the world was read, so
  // adding one cannot overflow.
  std::int64_t next = std::max(integerOf(counters, prefix, 0) + 1, std::min(atLeast, MaxIdCounter));
  counters.set(std::string(prefix), next);
  std::string digits = std::to_string(next);
  // Twelve digits keep ids sortable and about as long as real ones.
  if (digits.size() < 12)
    digits.insert(0, 12 - digits.size(), '0');
  return std::string(prefix) + "-sim" + digits;
}

const Value *World::region(std::string_view regionId) const {
  return find(section::Regions, "RegionId", regionId);
}

std::string World::defaultRegion() const {
  return std::string(textOf(root, "DefaultRegion"));
}

void World::schedule(Value &record, Millis after, Value changes) {
  Value &data = simulated(record);
  Value *timeline = data.find("Timeline");
  if (!timeline || !timeline->isList())
    timeline = &data.set("Timeline", list());
  timeline->append(
      Value(Value::Map{{"At", now() + after}, {"Set", std::move(changes)}}));
}

Result World::call(std::string_view service, std::string_view api, const Value &parameters) {
  if (!innerCall_)
    return makeError(500, "InternalError", "The simulated cloud cannot call " + std::string(service) + "." +
                                               std::string(api) + " from within another call here.");
  return innerCall_(*this, service, api, parameters);
}

void World::cancelTimeline(Value &record) {
  simulated(record).set("Timeline", list());
}

//===-- Documents and files
//------------------------------------------------===//

Outcome<Value> parseWorld(std::string_view text, std::string_view origin) {
  JsonParseError error;
  std::optional<Value> document = parseJson(text, &error);
  if (!document)
    return fail(describeOffset(origin, error));
  if (std::optional<std::string> problem = checkWorld(*document, origin))
    return fail(*problem);
  return *document;
}

Value overlayWorld(Value base, const Value &overlay) {
  if (overlay.isMap())
    for (const auto &[key, member] : overlay.getMap())
      base.set(key, member);
  return base;
}

std::string prettyJson(const Value &value) {
  std::string out;
  appendPretty(out, value, 0);
  out += '\n';
  return out;
}

const Value *findResource(const World &world, std::string_view kind, std::string_view field,
                          std::string_view value, std::string_view region) {
  for (const Value &record : world.records(section::Resources)) {
    const Value *recordKind = simulatedMember(record, "Kind");
    if (!recordKind || !recordKind->isString() || recordKind->getString() != kind ||
        (!region.empty() && regionOfRecord(record) != region))
      continue;
    // Restful products spell their fields in camelCase (FC's functionName)
    // where a call's key is read as FunctionName.
    const Value *have = record.find(field) ? record.find(field) : record.findCaseInsensitive(field);
    if (have && have->isString() && have->getString() == value)
      return &record;
  }
  return nullptr;
}

Value *findResource(World &world, std::string_view kind, std::string_view field, std::string_view value,
                    std::string_view region) {
  return const_cast<Value *>(findResource(static_cast<const World &>(world), kind, field, value, region));
}

Value &addResource(World &world, std::string_view kind, std::string id, Value record) {
  Value &bookkeeping = simulated(record);
  bookkeeping.set("Kind", Value(std::string(kind)));
  bookkeeping.set("Id", Value(std::move(id)));
  Value::List &resources = world.records(section::Resources);
  resources.push_back(std::move(record));
  return resources.back();
}

} // namespace oosc::runtime::sim
