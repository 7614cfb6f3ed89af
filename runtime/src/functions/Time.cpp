//===- functions/Time.cpp - Time built-ins
//---------------------------------===//
//
// Fn::AddHour, Fn::AddSecond, Fn::FormatUTCTime, Fn::CalculateTimeByOpsWindow
// and Fn::DurationBetween. Times are UTC strings such as ACS::CurrentUTCTime
// (2024-01-02T03:04:05Z); results use the same form.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"
#include "UtcTime.h"

#include <cmath>

namespace oosc::runtime::functions {

namespace {

constexpr std::int64_t MicrosPerSecond = 1000000;

Outcome<UtcTime> timeArgument(std::string_view function, std::string_view what,
                              const Value &value) {
  if (value.isString())
    if (std::optional<UtcTime> time = parseUtcTime(value.getString()))
      return *time;
  return failure(function, std::string(what) +
                               " must be a utc time like "
                               "2024-01-02T03:04:05Z, got " +
                               describe(value));
}

Outcome<std::int64_t> timeOfDayArgument(std::string_view function,
                                        std::string_view what,
                                        const Value &value) {
  if (value.isString())
    if (std::optional<std::int64_t> seconds = parseTimeOfDay(value.getString()))
      return *seconds;
  return failure(function, std::string(what) +
                               " must be a time of day like 08:30 or "
                               "08:30:00Z, got " +
                               describe(value));
}

/// \p amount units of \p microsPerUnit as microseconds, or std::nullopt if
/// that cannot be represented.
std::optional<std::int64_t> toMicroseconds(const Value &amount,
                                           std::int64_t microsPerUnit) {
  if (amount.isInteger()) {
    std::int64_t micros;
    if (__builtin_mul_overflow(amount.getInteger(), microsPerUnit, &micros))
      return std::nullopt;
    return micros;
  }
  double micros = amount.getReal() * static_cast<double>(microsPerUnit);
  // Well inside int64_t; anything larger is out of the calendar's range.
  constexpr double Limit = 9.0e18;
  if (!std::isfinite(micros) || std::fabs(micros) > Limit)
    return std::nullopt;
  return static_cast<std::int64_t>(std::llround(micros));
}

/// Shared body of Fn::AddHour and Fn::AddSecond.
Outcome<Value> addToTime(std::string_view function, std::string_view unit,
                         std::int64_t microsPerUnit, const Value &argument) {
  std::string shape = "[utc time, " + std::string(unit) + "]";
  auto arguments = argumentList(function, argument, shape, 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto time = timeArgument(function, "argument 1", args[0]);
  if (!time)
    return time.error();
  auto amount = numberArgument(function, "argument 2", args[1]);
  if (!amount)
    return amount.error();
  std::optional<std::int64_t> micros =
      toMicroseconds(amount.value(), microsPerUnit);
  std::optional<UtcTime> result =
      micros ? addMicroseconds(time.value(), *micros) : std::nullopt;
  if (!result)
    return failure(function, "the result is outside the years 1 to 9999");
  return Value(toIsoString(*result));
}

/// ISO 8601 duration of \p seconds (non-negative), as ACS::Sleep reads it:
/// PT8H30M, PT45S, PT0S.
std::string isoDuration(std::int64_t seconds) {
  if (seconds == 0)
    return "PT0S";
  std::string text = "PT";
  if (std::int64_t hours = seconds / 3600)
    text += std::to_string(hours) + "H";
  if (std::int64_t minutes = seconds / 60 % 60)
    text += std::to_string(minutes) + "M";
  if (std::int64_t rest = seconds % 60)
    text += std::to_string(rest) + "S";
  return text;
}

std::int64_t microsBetween(UtcTime from, UtcTime to) {
  return (to.seconds - from.seconds) * MicrosPerSecond +
         (to.microseconds - from.microseconds);
}

} // namespace

Outcome<Value> addHour(const Value &argument, const FunctionEnvironment &) {
  return addToTime("Fn::AddHour", "hours", 3600 * MicrosPerSecond, argument);
}

// Fn::AddSecond only appears in older templates (oos-spec.md section 8), with
// the same shape as Fn::AddHour.
Outcome<Value> addSecond(const Value &argument, const FunctionEnvironment &) {
  return addToTime("Fn::AddSecond", "seconds", MicrosPerSecond, argument);
}

Outcome<Value> formatUtcTime(const Value &argument,
                             const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::FormatUTCTime";
  auto arguments = argumentList(Name, argument, "[utc time, format]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto time = timeArgument(Name, "argument 1", args[0]);
  if (!time)
    return time.error();
  auto format = textArgument(Name, "the format", args[1]);
  if (!format)
    return format.error();
  auto text = formatTime(time.value(), format.value());
  if (!text)
    return failure(Name, text.error().message);
  return Value(std::move(text.value()));
}

// Fn::CalculateTimeByOpsWindow: "generates the next time point within the
// window based on the execution time" (oos-spec.md section 8). The window is
// [start, end) of UTC times of day and wraps past midnight when end < start.
// Inside the window the answer is now; otherwise it is the next start. Real
// templates pass the same time twice ([startHourMinute, startHourMinute]):
// that empty window yields the next occurrence of that time.
Outcome<Value>
calculateTimeByOpsWindow(const Value &argument,
                         const FunctionEnvironment &environment) {
  constexpr std::string_view Name = "Fn::CalculateTimeByOpsWindow";
  auto arguments =
      argumentList(Name, argument, "[start HH:MM, end HH:MM]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto start = timeOfDayArgument(Name, "the start", args[0]);
  if (!start)
    return start.error();
  auto end = timeOfDayArgument(Name, "the end", args[1]);
  if (!end)
    return end.error();
  if (!environment.now)
    return failure(Name, "no clock is available to tell the current time");
  UtcTime now = fromTimePoint(environment.now());
  now.microseconds = 0;
  std::int64_t secondOfDay =
      ((now.seconds % SecondsPerDay) + SecondsPerDay) % SecondsPerDay;
  bool inside = start.value() <= end.value()
                    ? secondOfDay >= start.value() && secondOfDay < end.value()
                    : secondOfDay >= start.value() || secondOfDay < end.value();
  if (inside)
    return Value(toIsoString(now));
  std::int64_t midnight = now.seconds - secondOfDay;
  std::int64_t next = midnight + start.value();
  if (next < now.seconds)
    next += SecondsPerDay;
  return Value(toIsoString(UtcTime{next, 0}));
}

// Fn::DurationBetween (oos-spec.md section 8): [HH:MM, HH:MM] gives how long
// from the first time of day to the next occurrence of the second, wrapping
// past midnight (08:00 to 02:00 is 18 hours), as an ISO 8601 duration for
// ACS::Sleep. Two full UTC times give the exact span instead, which must not
// be negative. Fractions of a second are dropped.
Outcome<Value> durationBetween(const Value &argument,
                               const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::DurationBetween";
  auto arguments = argumentList(Name, argument, "[start, end]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  bool bothTimes = args[0].isString() && args[1].isString() &&
                   parseUtcTime(args[0].getString()) &&
                   parseUtcTime(args[1].getString());
  if (bothTimes) {
    std::int64_t micros = microsBetween(*parseUtcTime(args[0].getString()),
                                        *parseUtcTime(args[1].getString()));
    if (micros < 0)
      return failure(Name, "the end " + args[1].getString() +
                               " is before the start " + args[0].getString());
    return Value(isoDuration(micros / MicrosPerSecond));
  }
  auto start = timeOfDayArgument(Name, "the start", args[0]);
  if (!start)
    return start.error();
  auto end = timeOfDayArgument(Name, "the end", args[1]);
  if (!end)
    return end.error();
  std::int64_t seconds = end.value() - start.value();
  if (seconds < 0)
    seconds += SecondsPerDay;
  return Value(isoDuration(seconds));
}

} // namespace oosc::runtime::functions
