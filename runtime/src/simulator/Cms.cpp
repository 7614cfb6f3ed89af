// Cms.cpp - CloudMonitor's view of the simulated world: the system events
// the hand-written models raise (an instance stops or starts, a resource's
// tags change), read with DescribeSystemEventAttribute, and the latest
// metrics of the instances, read with DescribeMetricLast. ACS::EventTrigger
// and ACS::AlarmTrigger wait on these two APIs, here as on the real cloud.
//
// An instance's metric is what its tag `sim:metric:<MetricName>` says (set
// it with TagResources, or in a world file, to make an alarm fire), else a
// quiet machine's (Cms.def).
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim {
namespace {

constexpr std::string_view MetricTagPrefix = "sim:metric:";

struct QuietMetric {
  std::string_view name;
  double value;
};

/// What an idle instance reports where no tag says otherwise.
constexpr QuietMetric QuietMetrics[] = {
    {"cpu_total", 5},          {"CPUUtilization", 5},          {"memory_usedutilization", 40},
    {"diskusage_utilization", 30}, {"load_1m", 0.1},           {"net_tcpconnection", 20},
};

double metricOf(const Value &instance, std::string_view metric) {
  for (const Tag &tag : ecs::tagsOf(instance))
    if (tag.key.size() > MetricTagPrefix.size() && tag.key.substr(0, MetricTagPrefix.size()) == MetricTagPrefix &&
        tag.key.substr(MetricTagPrefix.size()) == metric && tag.value)
      if (std::optional<Value> number = parseJson(*tag.value); number && number->isNumber())
        return number->getNumber();
  for (const QuietMetric &quiet : QuietMetrics)
    if (quiet.name == metric)
      return quiet.value;
  return 0;
}

/// StartTime/EndTime as CloudMonitor takes them, in milliseconds since
/// 1970; nothing when absent or not a number.
std::optional<Millis> timeParameter(const Request &request, std::string_view name) {
  std::optional<std::string> text = request.text(name);
  if (!text)
    return std::nullopt;
  if (std::optional<Value> number = parseJson(*text); number && number->isNumber())
    return static_cast<Millis>(number->getNumber());
  return std::nullopt;
}

/// The instance ids a Dimensions parameter names (`[{"instanceId":"i-1"}]`);
/// empty: every instance.
std::vector<std::string> dimensionInstances(const Request &request) {
  std::vector<std::string> ids;
  std::optional<std::string> text = request.text("Dimensions");
  std::optional<Value> dimensions = text ? parseJson(*text) : std::nullopt;
  if (dimensions && dimensions->isMap())
    dimensions = Value(Value::List{*dimensions});
  if (dimensions && dimensions->isList())
    for (const Value &dimension : dimensions->getList())
      if (std::string_view id = textOf(dimension, "instanceId"); !id.empty())
        ids.emplace_back(id);
  return ids;
}

} // namespace

void raiseSystemEvent(World &world, const SystemEvent &event) {
  Value content = event.content;
  Value record(Value::Map{{"Id", world.nextId("evt")},
                          {"Product", event.product},
                          {"Name", event.name},
                          {"Level", event.level},
                          {"Status", "Normal"},
                          {"RegionId", event.regionId},
                          {"ResourceId", event.resourceId},
                          {"InstanceName", event.instanceName},
                          {"Time", event.time},
                          {"Content", content.toJson()}});
  world.records(section::SystemEvents).push_back(std::move(record));
}

namespace cms {

Result describeSystemEventAttribute(World &world, const Request &request) {
  std::optional<Millis> start = timeParameter(request, "StartTime");
  std::optional<Millis> end = timeParameter(request, "EndTime");
  if ((request.has("StartTime") && !start) || (request.has("EndTime") && !end))
    return invalidParameter(request.has("StartTime") && !start ? "StartTime" : "EndTime",
                            "expected milliseconds since 1970");
  Millis until = std::min(end.value_or(world.now()), world.now()); // what has happened yet
  Value::List found;
  for (const Value &event : world.records(section::SystemEvents)) {
    Millis at = integerOf(event, "Time");
    bool wanted = at <= until && (!start || at >= *start);
    for (std::string_view field : {"Product", "Name", "Level", "Status"})
      if (std::optional<std::string> filter = request.text(field))
        wanted = wanted && equalsIgnoreCase(textOf(event, field), *filter);
    if (wanted)
      found.push_back(publicView(event));
  }
  auto page = readPaging(request, 10, 100);
  if (!page)
    return page.error();
  return Value(Value::Map{
      {"Code", "200"},
      {"Success", "true"},
      {"SystemEvents", Value(Value::Map{{"SystemEvent", list(pageOf(std::move(found), page.value()))}})}});
}

Result describeMetricLast(World &world, const Request &request) {
  auto metric = request.required("MetricName");
  if (!metric)
    return metric.error();
  auto space = request.required("Namespace");
  if (!space)
    return space.error();
  std::vector<std::string> wanted = dimensionInstances(request);
  Value::List points;
  if (space.value() == "acs_ecs_dashboard")
    for (const Value &instance : world.records(section::Instances)) {
      std::string id(textOf(instance, "InstanceId"));
      if (textOf(instance, "Status") != "Running" || !listedOrAll(wanted, id))
        continue;
      double value = metricOf(instance, metric.value());
      points.push_back(Value(Value::Map{{"timestamp", world.now()},
                                        {"userId", std::string(kAccountId)},
                                        {"instanceId", id},
                                        {"Average", value},
                                        {"Maximum", value},
                                        {"Minimum", value}}));
    }
  // CloudMonitor gives the datapoints as JSON text.
  return Value(Value::Map{{"Code", "200"},
                          {"Success", true},
                          {"Period", request.textOr("Period", "60")},
                          {"Datapoints", Value(Value::List(std::move(points))).toJson()}});
}

} // namespace cms
} // namespace oosc::runtime::sim
