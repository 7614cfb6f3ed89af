//===- runner/Pickers.cpp ---------------------------------------------------===//
#include "runner/Pickers.h"

#include "runner/Plan.h"
#include "oosc/runtime/ResourceLists.h"
#include "oosc/runtime/Value.h"

#include <algorithm>
#include <ctime>
#include <iostream>
#include <string_view>

namespace oosc::runtime {
namespace {

using ResourcePicker = ResourceList;

std::string metadataText(const ParameterDef &parameter, std::string_view key) {
  if (!parameter.associationMetadata.isMap())
    return "";
  const Value *value = parameter.associationMetadata.findCaseInsensitive(key);
  return value && value->isString() ? value->getString() : "";
}

bool isTargets(const ParameterDef &parameter) { return equalsIgnoringAsciiCase(parameter.association, "Targets"); }
/// A region picker; a parameter named regionId without one (ESS lifecycle
/// templates leave it to the hook) means the same.
bool isRegion(const ParameterDef &parameter) {
  return equalsIgnoringAsciiCase(parameter.association, "RegionId") || equalsIgnoringAsciiCase(parameter.association, "ALIYUN::ECS::RegionId") ||
         (parameter.association.empty() && equalsIgnoringAsciiCase(parameter.name, "regionId"));
}
bool isCommand(const ParameterDef &parameter) {
  return equalsIgnoringAsciiCase(parameter.association, "Code") ||
         equalsIgnoringAsciiCase(parameter.association, "ALIYUN::OOS::Command::CommandContent");
}
bool isDateTime(const ParameterDef &parameter) { return equalsIgnoringAsciiCase(parameter.association, "DateTime"); }
bool isTimer(const ParameterDef &parameter) {
  return equalsIgnoringAsciiCase(parameter.association, "ALIYUN::OOS::Component::TimerTrigger");
}

bool isPlaceholder(const Value &value) { return value.isString() && isStarterPlaceholder(value.getString()); }

/// A Default such as `${regionId}` (or `['${instanceIds}']`) is no value:
/// the service that starts the template (an ESS lifecycle hook) puts one in
/// its place.
bool filledByStarter(const ParameterDef &parameter, RunEnvironment &environment) {
  std::optional<Value> value = defaultOf(parameter, environment);
  if (!value)
    return false;
  if (value->isList())
    return value->getList().size() == 1 && isPlaceholder(value->getList().front());
  return isPlaceholder(*value);
}

const ResourcePicker *pickerOf(const ParameterDef &parameter, bool filledByStarter = false) {
  std::string resourceType = metadataText(parameter, "ResourceType");
  return pickerListOf({parameter.name, parameter.association, resourceType, filledByStarter, &parameter.feeds});
}

/// A Default of '' on a parameter a resource picker serves is the
/// console's picker with nothing chosen yet (UpdateImage's vSwitchId): the
/// person picks one.
bool nothingChosen(const ParameterDef &parameter, RunEnvironment &environment) {
  std::optional<Value> value = defaultOf(parameter, environment);
  return value && value->isString() && value->getString().empty() && pickerOf(parameter);
}

/// The region the picker lists in: the parameter its metadata names when
/// that one was given, else the runner's.
std::string regionFor(const ParameterDef &parameter, const Value &given, const RunEnvironment &environment) {
  std::string named = metadataText(parameter, "RegionId");
  if (!named.empty())
    if (const Value *value = given.findCaseInsensitive(named); value && value->isString())
      return value->getString();
  return environment.regionId;
}

/// The list API's request: the region, and the parent resource the row's
/// `within` takes from the parameter the metadata names (the service of a
/// function picker), when that one was given.
Value listRequest(const ResourcePicker &picker, const ParameterDef &parameter, const Value &given,
                  const std::string &region) {
  Value request(Value::Map{{"RegionId", Value(region)}});
  size_t equals = picker.within.find('=');
  if (equals == std::string_view::npos)
    return request;
  std::string named = metadataText(parameter, picker.within.substr(equals + 1));
  if (const Value *parent = named.empty() ? nullptr : given.findCaseInsensitive(named))
    request.set(std::string(picker.within.substr(0, equals)), *parent);
  return request;
}

std::string utcText(std::time_t seconds, const char *format) {
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[40];
  std::strftime(text, sizeof text, format, &parts);
  return text;
}

/// A time an hour ahead of the runner's clock, in the form the metadata
/// asks (`HH:mm:ssZ` for a time of day; a full time stamp otherwise).
Value dateTimeValue(const ParameterDef &parameter, const RunEnvironment &environment) {
  std::time_t later = std::chrono::system_clock::to_time_t(environment.clock.now()) + 3600;
  std::string format = metadataText(parameter, "Format");
  if (format.rfind("HH:mm", 0) == 0)
    return Value(utcText(later, "%H:%M:%SZ"));
  return Value(utcText(later, "%Y-%m-%dT%H:%M:%SZ"));
}

/// A single firing a minute ahead: a scheduled template runs once, then ends.
Value timerValue(const RunEnvironment &environment) {
  std::time_t soon = std::chrono::system_clock::to_time_t(environment.clock.now()) + 60;
  // Lower-case keys: the console's TimerTrigger component writes them so,
  // and templates pick them apart with Fn::Select.
  return Value(Value::Map{{"type", Value("at")},
                          {"expression", Value(utcText(soon, "%Y-%m-%dT%H:%M:%SZ"))},
                          {"endDate", Value(utcText(soon + 86400, "%Y-%m-%dT%H:%M:%SZ"))},
                          {"timeZone", Value("UTC")}});
}

Value shaped(const ParameterDef &parameter, Value id, const std::string &region, const ResourcePicker &picker) {
  if (isTargets(parameter)) {
    Value targets(Value::Map{{"Type", Value("ResourceIds")},
                             {"ResourceIds", Value(Value::List{std::move(id)})},
                             {"RegionId", Value(region)},
                             {"ResourceType", Value(std::string(picker.name))}});
    // A String parameter holds the object as its JSON text.
    return parameter.spec.type == ParameterType::String ? Value(targets.toJson()) : targets;
  }
  if (parameter.spec.type == ParameterType::List)
    return Value(Value::List{std::move(id)});
  return id;
}

/// The values a non-resource picker offers (region, time, command), or none.
std::optional<Value> computedChoice(const ParameterDef &parameter, const Value &given,
                                    const RunEnvironment &environment) {
  if (isRegion(parameter))
    return Value(regionFor(parameter, given, environment));
  if (isDateTime(parameter))
    return dateTimeValue(parameter, environment);
  if (isTimer(parameter))
    return timerValue(environment);
  if (isCommand(parameter))
    return Value("echo picked by oosc");
  return std::nullopt;
}

/// Texts tried, in order, for a String parameter whose placeholder breaks
/// its AllowedPattern or lengths: common shapes of names, codes and numbers.
constexpr const char *kPatternCandidates[] = {"oosc", "oosc1", "OOSC", "ABC", "A1B", "abc", "a",  "1",
                                              "10",   "20", "100", "oosc-1", "oosc_1", "Oosc1234", "Oosc@1234", "/tmp",
                                              "oosc.example.com", "192.168.0.1", "2024-01-01T00:00:00Z"};

/// What a person types for a parameter commonly named so, where no picker
/// serves it: Cloud Assistant's own defaults.
constexpr std::pair<std::string_view, std::string_view> kConventionalValues[] = {
    {"workingDir", "/root"}, {"username", "root"}, {"commandType", "RunShellScript"}};

/// The console's first choice for an AssociationProperty that offers a
/// fixed set of values rather than the account's resources.
constexpr std::pair<std::string_view, std::string_view> kAssociationChoices[] = {
    {"ChargeType", "PostPaid"},
    {"ALIYUN::ECS::Disk::SystemDiskCategory", "cloud_essd"},
    {"ALIYUN::ECS::Disk::DataDiskCategory", "cloud_essd"},
    {"ALIYUN::ECS::Instance::StopMode", "KeepCharging"}};

/// A value of the parameter's type that passes its constraints where one
/// of the usual shapes does: the console's choice or a conventional value,
/// the placeholder, else the first candidate.
Value typedValue(const ParameterDef &parameter) {
  PatternCache patterns;
  auto chosen = [&](const auto &table, std::string_view key) -> std::optional<Value> {
    for (const auto &[name, text] : table)
      if (equalsIgnoringAsciiCase(key, name) && checkValue(parameter.spec, Value(std::string(text)), patterns).empty())
        return Value(std::string(text));
    return std::nullopt;
  };
  if (parameter.spec.type == ParameterType::String) {
    if (std::optional<Value> choice = chosen(kAssociationChoices, parameter.association))
      return *choice;
    if (std::optional<Value> conventional = chosen(kConventionalValues, parameter.name))
      return *conventional;
  }
  Value value = placeholderValue(parameter);
  if (parameter.spec.type != ParameterType::String || parameter.spec.allowedValues)
    return value;
  if (checkValue(parameter.spec, value, patterns).empty())
    return value;
  for (const char *candidate : kPatternCandidates)
    if (checkValue(parameter.spec, Value(candidate), patterns).empty())
      return Value(candidate);
  return value; // the runner names the constraint it breaks
}

} // namespace

std::optional<std::string> pickerNote(const ParameterDef &parameter) {
  if (const ResourcePicker *picker = pickerOf(parameter))
    return "picked from " + std::string(picker->what) + " (" + std::string(picker->product) + "." +
           std::string(picker->api) + ")";
  if (isRegion(parameter))
    return std::string("picked: the runner's region (--region)");
  if (isDateTime(parameter) || isTimer(parameter))
    return std::string("picked: a time an hour (a trigger a minute) after the start");
  return std::nullopt;
}

namespace {

/// pickerChoices, with whether a starter fills the parameter's Default
/// already worked out.
Outcome<std::vector<PickerChoice>> choicesFor(const ParameterDef &parameter, const Value &given,
                                              RunEnvironment &environment, bool starterFills) {
  std::vector<PickerChoice> choices;
  if (std::optional<Value> computed = computedChoice(parameter, given, environment)) {
    choices.push_back({*computed, computed->toDisplayString()});
    return choices;
  }
  const ResourcePicker *picker = pickerOf(parameter, starterFills);
  if (!picker)
    return choices;
  std::string region = regionFor(parameter, given, environment);
  auto answer = environment.cloud.call(picker->product, picker->api, listRequest(*picker, parameter, given, region));
  if (!answer)
    return fail(std::string(picker->product) + "." + std::string(picker->api) + " failed: " + answer.error().code +
                ": " + answer.error().message);
  const Value *list = answer.value().findPath(picker->listPath);
  if (list && list->isList())
    for (const Value &resource : list->getList())
      if (const Value *id = resource.find(picker->idField); id && id->isString()) {
        std::string label = id->getString();
        for (const char *nameField : {"InstanceName", "ImageName", "Name", "DBInstanceDescription"})
          if (const Value *name = resource.find(nameField); name && name->isString() && !name->getString().empty()) {
            label += "  " + name->getString();
            break;
          }
        choices.push_back({shaped(parameter, *id, region, *picker), std::move(label)});
      }
  if (choices.empty())
    return fail("no " + std::string(picker->what) + " in " + region + " to pick (" + std::string(picker->product) +
                "." + std::string(picker->api) + " lists none)");
  // AllowedValues narrow what the picker offers; none of them listed: the
  // parameter's own values are the choice (typedValue), not the picker's.
  if (const std::optional<std::vector<Value>> &allowed = parameter.spec.allowedValues)
    choices.erase(std::remove_if(choices.begin(), choices.end(),
                                 [&](const PickerChoice &choice) {
                                   return std::find(allowed->begin(), allowed->end(), choice.value) == allowed->end();
                                 }),
                  choices.end());
  return choices;
}

} // namespace

Outcome<std::vector<PickerChoice>> pickerChoices(const ParameterDef &parameter, const Value &given,
                                                 RunEnvironment &environment) {
  return choicesFor(parameter, given, environment, filledByStarter(parameter, environment));
}

Outcome<std::vector<std::string>> pickDefaults(const TemplateDef &def, Value &given, RunEnvironment &environment) {
  std::vector<std::string> filled;
  for (const ParameterDef &parameter : def.parameters) {
    if (given.findCaseInsensitive(parameter.name))
      continue;
    bool starterFills = filledByStarter(parameter, environment);
    if (parameter.defaultValue && !starterFills && !nothingChosen(parameter, environment))
      continue;
    auto choices = choicesFor(parameter, given, environment, starterFills);
    if (!choices)
      return fail("parameter '" + parameter.name + "': " + choices.error().message);
    if (choices.value().empty()) {
      // No picker: a value of its type, as --placeholders would give.
      given.set(parameter.name, typedValue(parameter));
    } else {
      given.set(parameter.name, choices.value().front().value);
    }
    filled.push_back(parameter.name);
  }
  return filled;
}

Outcome<std::vector<std::string>> pickInteractively(const TemplateDef &def, Value &given,
                                                    RunEnvironment &environment, std::istream &in,
                                                    std::ostream &out) {
  std::vector<std::string> filled;
  for (const ParameterDef &parameter : def.parameters) {
    if (parameter.defaultValue || given.findCaseInsensitive(parameter.name))
      continue;
    auto choices = pickerChoices(parameter, given, environment);
    if (!choices)
      return fail("parameter '" + parameter.name + "': " + choices.error().message);
    out << parameter.name << " (" << parameterTypeName(parameter.spec.type) << ")";
    if (!parameter.description.empty())
      out << ": " << parameter.description;
    out << '\n';
    const std::vector<PickerChoice> &offered = choices.value();
    for (size_t i = 0; i < offered.size(); ++i)
      out << "  " << i + 1 << ") " << offered[i].label << '\n';
    out << (offered.empty() ? "  value: " : "  number, or a value of your own: ") << std::flush;
    std::string line;
    if (!std::getline(in, line))
      return fail("no answer for parameter '" + parameter.name + "'");
    char *end = nullptr;
    unsigned long number = std::strtoul(line.c_str(), &end, 10);
    if (!offered.empty() && !line.empty() && *end == '\0' && number >= 1 && number <= offered.size())
      given.set(parameter.name, offered[number - 1].value);
    else if (parameter.spec.type == ParameterType::String)
      given.set(parameter.name, Value(line));
    else if (std::optional<Value> typed = parseJson(line))
      given.set(parameter.name, std::move(*typed));
    else
      given.set(parameter.name, Value(line));
    filled.push_back(parameter.name);
  }
  return filled;
}

} // namespace oosc::runtime
