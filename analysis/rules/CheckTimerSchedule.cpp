//===- CheckTimerSchedule.cpp - An ACS::TimerTrigger's schedule can fire ---===//
//
// Rule `timer-schedule`: a TimerTrigger's Type, Expression, TimeZone,
// StartDate and EndDate, when written as literals, are read by the same
// parser the runner uses (oosc/runtime/schedule): a cron of 6 fields, a
// rate, an `at` date-time, a known time zone, dates in order. Computed
// values (`{{ }}`) are left to the runner.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "oosc/runtime/schedule/Schedule.h"

namespace oosc::analysis {
namespace {

constexpr std::string_view kProperties[] = {"Type", "Expression", "TimeZone", "StartDate",
                                            "EndDate"};

/// The literal text of a scalar property; nothing for a computed one.
std::optional<std::string> literal(const ir::Node *node) {
  node = ir::resolve(node);
  if (!node || !node->isScalar() || node->value.find("{{") != std::string::npos)
    return std::nullopt;
  return node->value;
}

/// The property an error of Schedule::make is about ("Expression: ...",
/// "EndDate '...' comes before ...", "cron '...': ..."), for its position.
const ir::Node *culprit(const ir::Node *properties, const std::string &message) {
  for (std::string_view name : kProperties)
    if (message.rfind(name, 0) == 0)
      if (const ir::Node *node = properties->get(name))
        return node;
  const ir::Node *expression = properties->get("Expression");
  return expression ? expression : properties;
}

void checkTrigger(AnalysisContext &context, const ir::Task &task) {
  const ir::Node *properties = ir::resolve(task.properties);
  if (!properties || !properties->isMapping())
    return;
  runtime::schedule::ScheduleSpec spec;
  std::string *fields[] = {&spec.type, &spec.expression, &spec.timeZone, &spec.startDate,
                           &spec.endDate};
  for (size_t i = 0; i < std::size(kProperties); ++i) {
    const ir::Node *node = properties->get(kProperties[i]);
    std::optional<std::string> text = literal(node);
    if (node && !text)
      return; // computed at run time
    *fields[i] = text.value_or("");
  }
  if (spec.type.empty() || spec.expression.empty() || spec.endDate.empty())
    return; // a missing property is action-properties' finding
  auto schedule = runtime::schedule::Schedule::make(spec, 0);
  if (!schedule)
    context.diagnostics.report(RuleId::TimerSchedule,
                               culprit(properties, schedule.error().message)->range,
                               "the trigger cannot fire: " + schedule.error().message);
}

} // namespace

void checkTimerSchedule(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks)
    if (runtime::equalsIgnoringAsciiCase(task.action, "ACS::TimerTrigger"))
      checkTrigger(context, task);
}

} // namespace oosc::analysis
