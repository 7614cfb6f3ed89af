//===- CheckTimerSchedule.cpp - An ACS::TimerTrigger's schedule can fire ---===//
//
// Rule `timer-schedule`: a TimerTrigger's Type, Expression, TimeZone,
// StartDate and EndDate, when written as literals, are read by the same
// parser the runner uses (oosc/runtime/schedule): a cron of 6 fields, a
// rate, an `at` date-time, a known time zone, dates in order. A property
// that is just a parameter (`'{{ cron }}'`) is read through the
// parameter's literal Default, and the finding is put on that Default
// (the value the trigger gets when none is given); other computed values
// are left to the runner.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "oosc/runtime/schedule/Schedule.h"

namespace oosc::analysis {
namespace {

constexpr std::string_view kProperties[] = {"Type", "Expression", "TimeZone", "StartDate",
                                            "EndDate"};

/// Where a property's text comes from: the property itself, or the literal
/// Default of the one parameter it names.
struct Source {
  std::string text;
  const ir::Node *node = nullptr;       ///< where to report
  const ir::Parameter *via = nullptr;   ///< the parameter, if through one
};

/// The parameter a value names when it is exactly `{{ name }}`.
const ir::Parameter *onlyParameter(const std::string &value, const ir::Template &tmpl) {
  std::string_view text = value;
  auto trim = [](std::string_view &t) {
    while (!t.empty() && t.front() == ' ')
      t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ')
      t.remove_suffix(1);
  };
  trim(text);
  if (text.size() < 5 || text.substr(0, 2) != "{{" || text.substr(text.size() - 2) != "}}")
    return nullptr;
  text = text.substr(2, text.size() - 4);
  trim(text);
  for (const ir::Parameter &parameter : tmpl.parameters)
    if (parameter.name.text == text)
      return &parameter;
  return nullptr;
}

/// The text to check for a property; nothing when it is computed otherwise.
std::optional<Source> sourceOf(const ir::Node *node, const ir::Template &tmpl) {
  node = ir::resolve(node);
  if (!node || !node->isScalar())
    return std::nullopt;
  if (node->value.find("{{") == std::string::npos)
    return Source{node->value, node, nullptr};
  const ir::Parameter *parameter = onlyParameter(node->value, tmpl);
  const ir::Node *fallback = parameter ? ir::resolve(parameter->defaultValue) : nullptr;
  if (!fallback || !fallback->isScalar() || fallback->value.find("{{") != std::string::npos)
    return std::nullopt;
  return Source{fallback->value, fallback, parameter};
}

/// The property an error of Schedule::make is about ("Expression: ...",
/// "EndDate '...' comes before ...", "cron '...': ..."); Expression when
/// the message names none.
size_t culprit(const std::string &message) {
  for (size_t i = 0; i < std::size(kProperties); ++i)
    if (message.rfind(kProperties[i], 0) == 0)
      return i;
  return 1;
}

void checkTrigger(AnalysisContext &context, const ir::Task &task) {
  const ir::Node *properties = ir::resolve(task.properties);
  if (!properties || !properties->isMapping())
    return;
  runtime::schedule::ScheduleSpec spec;
  std::string *fields[] = {&spec.type, &spec.expression, &spec.timeZone, &spec.startDate,
                           &spec.endDate};
  std::optional<Source> sources[std::size(kProperties)];
  for (size_t i = 0; i < std::size(kProperties); ++i) {
    const ir::Node *node = properties->get(kProperties[i]);
    sources[i] = sourceOf(node, context.tmpl);
    if (node && !sources[i])
      return; // computed at run time
    *fields[i] = sources[i] ? sources[i]->text : "";
  }
  if (spec.type.empty() || spec.expression.empty() || spec.endDate.empty())
    return; // a missing property is action-properties' finding
  auto schedule = runtime::schedule::Schedule::make(spec, 0);
  if (schedule)
    return;
  const std::string &message = schedule.error().message;
  const std::optional<Source> &at = sources[culprit(message)];
  const ir::Node *where = at ? at->node : properties;
  Diagnostic &finding = context.diagnostics.report(RuleId::TimerSchedule, where->range,
                                                   "the trigger cannot fire: " + message);
  if (at && at->via)
    finding.note(properties->get(kProperties[culprit(message)])->range,
                 "the trigger '" + task.name.text + "' takes it from parameter '" +
                     at->via->name.text + "' here");
}

} // namespace

void checkTimerSchedule(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks)
    if (runtime::equalsIgnoringAsciiCase(task.action, "ACS::TimerTrigger"))
      checkTrigger(context, task);
}

} // namespace oosc::analysis
