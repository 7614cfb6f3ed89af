//===- schedule/EventTrigger.cpp ----------------------------------------------===//
#include "schedule/EventTrigger.h"

#include "executor/StepRecords.h"
#include "executor/TaskOutputs.h"
#include "oosc/runtime/Context.h"
#include "oosc/runtime/EventTriggers.h"
#include "schedule/FiringRecords.h"

#include <map>
#include <memory>
#include <set>

namespace oosc::runtime::schedule {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

std::int64_t millisOf(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<milliseconds>(time.time_since_epoch()).count();
}

/// A property as the trigger gives it; a JSON text of a list or map
/// (`'{{ tags }}'` of a Json parameter) decoded.
Value property(const Value &properties, std::string_view name) {
  const Value *value = properties.findCaseInsensitive(name);
  if (!value)
    return Value();
  if (value->isString() && !value->getString().empty() &&
      (value->getString().front() == '[' || value->getString().front() == '{'))
    if (std::optional<Value> parsed = parseJson(value->getString()))
      return std::move(*parsed);
  return *value;
}

std::string text(const Value &properties, std::string_view name) {
  Value value = property(properties, name);
  return value.isNull() ? std::string() : value.toDisplayString();
}

/// Whether \p have is among \p wanted: a list's items or one value; no
/// filter when \p wanted is absent or empty.
bool among(const Value &wanted, const Value &have) {
  if (wanted.isNull() || (wanted.isList() && wanted.getList().empty()))
    return true;
  std::string haveText = have.isNull() ? "" : have.toDisplayString();
  auto same = [&](const Value &item) { return equalsIgnoringAsciiCase(item.toDisplayString(), haveText); };
  if (!wanted.isList())
    return same(wanted);
  for (const Value &item : wanted.getList())
    if (same(item))
      return true;
  return false;
}

/// Tags a trigger names: `[{Key, Value}]`, or a `{key: value}` map.
std::vector<std::pair<std::string, std::string>> wantedTags(const Value &tags) {
  std::vector<std::pair<std::string, std::string>> wanted;
  if (tags.isList())
    for (const Value &tag : tags.getList()) {
      const Value *key = tag.findCaseInsensitive("Key");
      const Value *value = tag.findCaseInsensitive("Value");
      if (key && key->isString() && !key->getString().empty())
        wanted.emplace_back(key->getString(), value && !value->isNull() ? value->toDisplayString() : "");
    }
  else if (tags.isMap())
    for (const auto &[key, value] : tags.getMap())
      wanted.emplace_back(key, value.toDisplayString());
  return wanted;
}

/// What an event trigger or an alarm trigger waits on.
class EventWatch {
public:
  virtual ~EventWatch() = default;
  /// The events that happened since the last look, in order.
  virtual Outcome<std::vector<Value>> look() = 0;
  /// How long to wait between looks.
  virtual milliseconds interval() const = 0;
};

/// Whether the ECS instance \p instanceId carries every tag of \p tags
/// (asked of the cloud: the event does not say).
Outcome<bool> instanceHasTags(RunEnvironment &environment, const std::string &regionId,
                              const std::string &instanceId, const std::vector<std::pair<std::string, std::string>> &tags) {
  if (tags.empty())
    return true;
  Value request(Value::Map{{"InstanceIds", Value(Value(Value::List{Value(instanceId)}).toJson())}});
  if (!regionId.empty())
    request.set("RegionId", Value(regionId));
  auto answer = environment.cloud.call("ECS", "DescribeInstances", request);
  if (!answer)
    return fail("ECS.DescribeInstances (the tags of " + instanceId + "): " + answer.error().code + ": " +
                answer.error().message);
  const Value *instances = answer.value().findPath("Instances.Instance");
  if (!instances || !instances->isList() || instances->getList().empty())
    return false;
  const Value *have = instances->getList().front().findPath("Tags.Tag");
  for (const auto &[key, value] : tags) {
    bool found = false;
    if (have && have->isList())
      for (const Value &tag : have->getList())
        found = found || (tag.find("TagKey") && tag.find("TagKey")->toDisplayString() == key &&
                          (value.empty() || (tag.find("TagValue") && tag.find("TagValue")->toDisplayString() == value)));
    if (!found)
      return false;
  }
  return true;
}

/// ACS::EventTrigger: CloudMonitor's system events since the trigger
/// started, as OOS receives them.
class SystemEventWatch : public EventWatch {
public:
  SystemEventWatch(RunEnvironment &environment, Value properties)
      : environment_(environment), properties_(std::move(properties)),
        since_(millisOf(environment.clock.now())) {}

  milliseconds interval() const override { return seconds(10); }

  /// Whether \p event is one the trigger takes.
  Outcome<bool> matches(const Value &event) const {
    if (!among(property(properties_, "Product"), *event.findCaseInsensitive("product")) ||
        !among(property(properties_, "Name"), *event.findCaseInsensitive("name")) ||
        !among(property(properties_, "Level"), *event.findCaseInsensitive("level")) ||
        !among(property(properties_, "RegionId"), *event.findCaseInsensitive("regionId")))
      return false;
    Value content = property(properties_, "Content");
    const Value *have = event.findCaseInsensitive("content");
    if (content.isMap())
      for (const auto &[key, wanted] : content.getMap()) {
        const Value *field = have ? have->findCaseInsensitive(key) : nullptr;
        bool passed = false;
        if (field && field->isList())
          for (const Value &item : field->getList())
            passed = passed || among(wanted, item);
        else
          passed = among(wanted, field ? *field : Value());
        if (!passed)
          return false;
      }
    auto tags = wantedTags(property(properties_, "Tags"));
    const Value *resource = have ? have->findCaseInsensitive("resourceId") : nullptr;
    if (tags.empty() || !resource || !resource->isString())
      return true;
    return instanceHasTags(environment_, event.findCaseInsensitive("regionId")->toDisplayString(),
                           resource->getString(), tags);
  }

  Outcome<std::vector<Value>> look() override {
    std::int64_t now = millisOf(environment_.clock.now());
    Value request(Value::Map{{"StartTime", Value(std::to_string(since_))},
                             {"EndTime", Value(std::to_string(now))},
                             {"PageSize", Value(std::int64_t(100))}});
    if (std::string product = text(properties_, "Product"); !product.empty())
      request.set("Product", Value(product));
    auto answer = environment_.cloud.call("CMS", "DescribeSystemEventAttribute", request);
    if (!answer)
      return fail("CMS.DescribeSystemEventAttribute: " + answer.error().code + ": " + answer.error().message);
    std::vector<Value> events;
    const Value *found = answer.value().findPath("SystemEvents.SystemEvent");
    for (const Value &record : found && found->isList() ? found->getList() : Value::List{}) {
      Value event = eventOf(record);
      std::string id = record.find("Id") ? record.find("Id")->toDisplayString() : event.toJson();
      if (!seen_.insert(id).second)
        continue;
      auto wanted = matches(event);
      if (!wanted)
        return wanted.error();
      if (wanted.value())
        events.push_back(std::move(event));
    }
    since_ = std::max(since_, now - 1000); // events keep their ids; a second of overlap loses none
    return events;
  }

private:
  /// A system event as OOS hands it to the trigger: lower-case keys, the
  /// content decoded.
  static Value eventOf(const Value &record) {
    auto field = [&](std::string_view name) {
      const Value *value = record.find(name);
      return value ? *value : Value("");
    };
    Value content = field("Content");
    if (content.isString())
      if (std::optional<Value> parsed = parseJson(content.getString()))
        content = std::move(*parsed);
    return Value(Value::Map{{"product", field("Product")},     {"name", field("Name")},
                            {"level", field("Level")},         {"regionId", field("RegionId")},
                            {"resourceId", field("ResourceId")}, {"instanceName", field("InstanceName")},
                            {"status", field("Status")},       {"time", field("Time")},
                            {"content", content}});
  }

  RunEnvironment &environment_;
  Value properties_;
  std::int64_t since_;
  std::set<std::string> seen_;
};

bool breaches(double value, const std::string &comparison, double threshold) {
  if (comparison == "GreaterThanOrEqualToThreshold")
    return value >= threshold;
  if (comparison == "LessThanThreshold")
    return value < threshold;
  if (comparison == "LessThanOrEqualToThreshold")
    return value <= threshold;
  if (comparison == "NotEqualToThreshold")
    return value != threshold;
  return value > threshold; // GreaterThanThreshold, CloudMonitor's default
}

/// ACS::AlarmTrigger: the instances' latest metric, checked every Period.
class AlarmWatch : public EventWatch {
public:
  AlarmWatch(RunEnvironment &environment, Value properties)
      : environment_(environment), properties_(std::move(properties)) {}

  /// What is wrong with the alarm's properties, if anything.
  std::optional<std::string> problem() const {
    for (const char *required : {"Namespace", "MetricName", "Threshold"})
      if (text(properties_, required).empty())
        return std::string("ACS::AlarmTrigger needs ") + required;
    if (!parseJson(text(properties_, "Threshold")) || !parseJson(text(properties_, "Threshold"))->isNumber())
      return "ACS::AlarmTrigger: Threshold '" + text(properties_, "Threshold") + "' is not a number";
    std::string comparison = text(properties_, "ComparisonOperator");
    for (const char *known : {"", "GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "LessThanThreshold",
                              "LessThanOrEqualToThreshold", "NotEqualToThreshold"})
      if (comparison == known)
        return std::nullopt;
    return "ACS::AlarmTrigger: ComparisonOperator '" + comparison + "' is not one CloudMonitor knows";
  }

  milliseconds interval() const override { return seconds(std::max<std::int64_t>(number("Period", 60), 1)); }

  Outcome<std::vector<Value>> look() override {
    Value request(Value::Map{{"Namespace", Value(text(properties_, "Namespace"))},
                             {"MetricName", Value(text(properties_, "MetricName"))},
                             {"Period", Value(std::to_string(number("Period", 60)))}});
    if (Value resources = property(properties_, "Resources"); !resources.isNull())
      request.set("Dimensions", Value(resources.isString() ? resources.getString() : resources.toJson()));
    auto answer = environment_.cloud.call("CMS", "DescribeMetricLast", request);
    if (!answer)
      return fail("CMS.DescribeMetricLast: " + answer.error().code + ": " + answer.error().message);
    const Value *datapoints = answer.value().find("Datapoints");
    std::optional<Value> points =
        datapoints && datapoints->isString() ? parseJson(datapoints->getString()) : std::nullopt;
    std::vector<Value> events;
    for (const Value &point : points && points->isList() ? points->getList() : Value::List{}) {
      auto event = check(point);
      if (!event)
        return event.error();
      if (event.value())
        events.push_back(std::move(*event.value()));
    }
    return events;
  }

private:
  std::int64_t number(std::string_view name, std::int64_t fallback) const {
    std::optional<Value> value = parseJson(text(properties_, name));
    return value && value->isNumber() ? static_cast<std::int64_t>(value->getNumber()) : fallback;
  }

  /// One instance's datapoint: an alarm when it is the Times-th breach in
  /// a row and the instance is not silenced.
  Outcome<std::optional<Value>> check(const Value &point) {
    const Value *instance = point.find("instanceId");
    std::string statistic = text(properties_, "Statistics").empty() ? "Average" : text(properties_, "Statistics");
    const Value *value = point.find(statistic);
    if (!instance || !value || !value->isNumber())
      return std::optional<Value>();
    std::string id = instance->toDisplayString();
    double threshold = parseJson(text(properties_, "Threshold"))->getNumber();
    if (!breaches(value->getNumber(), text(properties_, "ComparisonOperator"), threshold)) {
      breaches_[id] = 0;
      return std::optional<Value>();
    }
    auto tags = wantedTags(property(properties_, "Tags"));
    auto tagged = instanceHasTags(environment_, environment_.regionId, id, tags);
    if (!tagged)
      return tagged.error();
    std::int64_t now = millisOf(environment_.clock.now());
    if (!tagged.value() || ++breaches_[id] < std::max<std::int64_t>(number("Times", 1), 1) ||
        (lastAlarm_.count(id) && now - lastAlarm_[id] < number("SilenceTime", 86400) * 1000))
      return std::optional<Value>();
    breaches_[id] = 0;
    lastAlarm_[id] = now;
    return std::optional<Value>(Value(Value::Map{{"instanceId", Value(id)},
                                                 {"namespace", Value(text(properties_, "Namespace"))},
                                                 {"metricName", Value(text(properties_, "MetricName"))},
                                                 {"statistics", Value(statistic)},
                                                 {"value", *value},
                                                 {"threshold", Value(threshold)},
                                                 {"timestamp", Value(now)}}));
  }

  RunEnvironment &environment_;
  Value properties_;
  std::map<std::string, std::int64_t> breaches_;
  std::map<std::string, std::int64_t> lastAlarm_;
};

class EventRun {
public:
  EventRun(const TemplateDef &def, const std::vector<Value> &parameters, RunEnvironment &environment,
           const std::string &triggerId, const EventTriggerOptions &options)
      : state_(def, parameters, environment, triggerId), environment_(environment), triggerId_(triggerId),
        options_(options) {}

  ExecutionOutcome run() {
    auto started = std::chrono::steady_clock::now();
    Value properties(Value::Map{});
    if (trigger().properties) {
      Context context(state_);
      auto evaluated = trigger().properties(context);
      if (!evaluated)
        return end(ExecutionStatus::Failed, evaluated.error().message, started);
      properties = std::move(evaluated.value());
    }
    bool alarm = equalsIgnoringAsciiCase(trigger().action, "ACS::AlarmTrigger");
    std::unique_ptr<EventWatch> watch;
    if (alarm) {
      auto alarmWatch = std::make_unique<AlarmWatch>(environment_, properties);
      if (std::optional<std::string> problem = alarmWatch->problem())
        return end(ExecutionStatus::Failed, *problem, started);
      watch = std::move(alarmWatch);
    } else {
      watch = std::make_unique<SystemEventWatch>(environment_, properties);
    }
    if (!options_.givenEvents.empty())
      return fireGiven(started);
    return listen(*watch, started);
  }

private:
  const TaskDef &trigger() const { return state_.def.tasks.front(); }

  bool done() const { return options_.maxFirings > 0 && fired_ >= options_.maxFirings; }
  bool cancelRequested() const { return environment_.cancellation && environment_.cancellation->isRequested(); }

  /// --event: each given event fires once, in order; the trigger's filters
  /// are the user's business here (the event is what they chose to send).
  ExecutionOutcome fireGiven(std::chrono::steady_clock::time_point started) {
    for (const Value &event : options_.givenEvents) {
      if (cancelRequested() || done())
        break;
      fire(event);
    }
    if (cancelRequested()) {
      environment_.cancellation->take();
      return end(ExecutionStatus::Cancelled, "cancelled while firing its events", started);
    }
    triggerNote(environment_, triggerId_, "the events given with --event are spent");
    return end(ExecutionStatus::Success, "", started);
  }

  ExecutionOutcome listen(EventWatch &watch, std::chrono::steady_clock::time_point started) {
    auto until = environment_.clock.now() + options_.listenFor;
    triggerNote(environment_, triggerId_,
                "waiting for " + std::string(trigger().action) +
                    (options_.listenFor.count() > 0
                         ? " events until " + formatUtcSeconds(std::chrono::duration_cast<seconds>(until.time_since_epoch()).count())
                         : std::string(" events (Ctrl-C ends the trigger)")));
    for (;;) {
      auto events = watch.look();
      if (!events)
        return end(ExecutionStatus::Failed, events.error().message, started);
      for (const Value &event : events.value()) {
        fire(event);
        if (done()) {
          triggerNote(environment_, triggerId_, "ended after " + std::to_string(fired_) + " firings (--firings)");
          return end(ExecutionStatus::Success, "", started);
        }
      }
      if (options_.listenFor.count() > 0 && environment_.clock.now() >= until) {
        triggerNote(environment_, triggerId_,
                    "stopped listening after " + std::to_string(options_.listenFor.count()) +
                        " s (--listen-for) with " + std::to_string(fired_) + " firings");
        return end(ExecutionStatus::Success, "", started);
      }
      if (!sleepUntil(environment_, environment_.clock.now() + watch.interval(), options_.wakeEvery))
        return end(ExecutionStatus::Cancelled, "cancelled while waiting for events", started);
    }
  }

  /// One child execution from the second task, the trigger's outputs
  /// selected from \p event.
  void fire(const Value &event) {
    // The journal keys a trigger's firings by their second: events that
    // come in the same second take the seconds after it.
    std::int64_t at = std::max(millisOf(environment_.clock.now()) / 1000, lastAt_ + 1);
    lastAt_ = at;
    std::string childId = options_.newExecutionId();
    counts_.add(runFiring(environment_, state_, at, childId, [&](RunEnvironment &child) {
      return runFromTheEvent(child, childId, event);
    }));
    ++fired_;
  }

  /// The template after its trigger, the trigger's outputs selected from \p event.
  ExecutionOutcome runFromTheEvent(RunEnvironment &child, const std::string &childId, const Value &event) {
    Context context(state_);
    auto outputs = extractOutputs(trigger(), event, context);
    if (!outputs) {
      ExecutionOutcome failed;
      failed.status = ExecutionStatus::Failed;
      failed.error = "task '" + trigger().name + "' failed: the event " + event.toJson() +
                     " gives no outputs: " + outputs.error().message;
      return failed;
    }
    Value::Map triggerOutputs;
    for (auto &[name, value] : outputs.value())
      triggerOutputs.emplace_back(name, std::move(value));
    Value given(std::move(triggerOutputs));
    ExecutionOptions fromTheEvent;
    fromTheEvent.firstTask = 1;
    fromTheEvent.firstTaskOutputs = &given;
    return runExecution(state_.def, state_.parameters, child, childId, fromTheEvent);
  }

  ExecutionOutcome end(ExecutionStatus status, const std::string &error, std::chrono::steady_clock::time_point started) {
    return triggerEnded(state_, status, error, started, counts_.toValue(false));
  }

  ExecutionState state_;
  RunEnvironment &environment_;
  std::string triggerId_;
  const EventTriggerOptions &options_;
  FiringCounts counts_;
  unsigned long long fired_ = 0;
  std::int64_t lastAt_ = 0; ///< the second of the last firing
};

} // namespace

bool startsWithEventTrigger(const TemplateDef &def) {
  return !def.tasks.empty() && !triggerApisOf(def.tasks.front().action).empty();
}

ExecutionOutcome runEventTrigger(const TemplateDef &def, const std::vector<Value> &parameters,
                                 RunEnvironment &environment, const std::string &triggerId,
                                 const EventTriggerOptions &options) {
  return EventRun(def, parameters, environment, triggerId, options).run();
}

} // namespace oosc::runtime::schedule
