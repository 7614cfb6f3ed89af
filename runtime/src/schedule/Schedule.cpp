//===- schedule/Schedule.cpp ------------------------------------------------===//
#include "oosc/runtime/schedule/Schedule.h"

#include "text/MessageText.h"
#include "oosc/runtime/Value.h"

#include <algorithm>
#include <cctype>

namespace oosc::runtime::schedule {
namespace {

bool sameWord(std::string_view a, std::string_view b) { return equalsIgnoringAsciiCase(a, b); }

struct RateUnit {
  std::string_view singular, plural;
  std::int64_t seconds;
};

constexpr RateUnit kRateUnits[] = {
    {"minute", "minutes", 60},
    {"hour", "hours", 3600},
    {"day", "days", 86400},
};

/// A StartDate, EndDate or `at` time as a UTC instant: with a zone in the
/// text, that zone; without, local time in \p zone (a time that a
/// daylight-saving jump skips is read with the offset after the jump).
Outcome<std::int64_t> resolveDate(std::string_view property, const std::string &text,
                                  const TimeZone &zone) {
  std::optional<DateText> date = parseDateText(text);
  if (!date)
    return fail(std::string(property) + " " + text::quoteCut(text) +
                " is not a date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
  std::int64_t local = toSeconds(date->civil);
  if (date->offsetSeconds)
    return local - *date->offsetSeconds;
  std::vector<std::int64_t> instants = zone.fromLocal(local);
  return instants.empty() ? local - zone.offsetAt(local) : instants.front();
}

} // namespace

Outcome<std::int64_t> parseRate(std::string_view text) {
  auto refuse = [&]() {
    return fail("rate " + text::quoteCut(text) +
                ": expected a positive number and a unit: minutes, hours or days (e.g. '30 minutes')");
  };
  size_t at = 0;
  while (at < text.size() && text[at] == ' ')
    ++at;
  std::int64_t count = 0;
  size_t digits = at;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) && at - digits < 9)
    count = count * 10 + (text[at++] - '0');
  if (at == digits || count == 0)
    return refuse();
  while (at < text.size() && text[at] == ' ')
    ++at;
  std::string_view unit = text.substr(at);
  while (!unit.empty() && unit.back() == ' ')
    unit.remove_suffix(1);
  for (const RateUnit &candidate : kRateUnits)
    if (sameWord(unit, candidate.singular) || sameWord(unit, candidate.plural))
      return count * candidate.seconds;
  return refuse();
}

Outcome<Schedule> Schedule::make(const ScheduleSpec &spec, std::int64_t now,
                                 const std::string &zoneinfoDir) {
  Schedule schedule;
  schedule.spec_ = spec;
  auto zone = TimeZone::load(spec.timeZone, zoneinfoDir);
  if (!zone)
    return fail("TimeZone: " + zone.error().message);
  schedule.zone_ = std::move(zone.value());
  if (spec.endDate.empty())
    return fail("EndDate is required: the last day the trigger may fire (YYYY-MM-DD or "
                "YYYY-MM-DDThh:mm:ssZ)");
  auto end = resolveDate("EndDate", spec.endDate, schedule.zone_);
  if (!end)
    return end.error();
  schedule.end_ = end.value();
  schedule.start_ = now;
  if (!spec.startDate.empty()) {
    auto start = resolveDate("StartDate", spec.startDate, schedule.zone_);
    if (!start)
      return start.error();
    schedule.start_ = start.value();
  }
  if (schedule.end_ < schedule.start_)
    return fail("EndDate " + text::quoteCut(spec.endDate) + " comes before " +
                (spec.startDate.empty() ? "the trigger starts (" + formatUtcSeconds(now) + ")"
                                        : "StartDate " + text::quoteCut(spec.startDate)));
  if (sameWord(spec.type, "cron")) {
    auto cron = parseCron(spec.expression);
    if (!cron)
      return fail("Expression: " + cron.error().message);
    schedule.kind_ = Kind::Cron;
    schedule.cron_ = std::move(cron.value());
  } else if (sameWord(spec.type, "rate")) {
    auto rate = parseRate(spec.expression);
    if (!rate)
      return fail("Expression: " + rate.error().message);
    schedule.kind_ = Kind::Rate;
    schedule.rateSeconds_ = rate.value();
  } else if (sameWord(spec.type, "at")) {
    auto at = resolveDate("Expression", spec.expression, schedule.zone_);
    if (!at)
      return at.error();
    schedule.kind_ = Kind::At;
    schedule.at_ = at.value();
  } else {
    return fail("Type " + text::quoteCut(spec.type) + " is not a kind of schedule: expected cron, rate or at");
  }
  return schedule;
}

std::optional<std::int64_t> Schedule::firingAfter(std::int64_t time) const {
  // Nothing before StartDate: search from just before it.
  time = std::max(time, start_ - 1);
  std::optional<std::int64_t> next;
  switch (kind_) {
  case Kind::Cron:
    next = cronFiringAfter(time);
    break;
  case Kind::Rate: // StartDate, then every rate after it
    next = time < start_ ? start_ : start_ + ((time - start_) / rateSeconds_ + 1) * rateSeconds_;
    break;
  case Kind::At:
    if (at_ > time)
      next = at_;
    break;
  }
  if (next && *next > end_)
    return std::nullopt;
  return next;
}

std::optional<std::int64_t> Schedule::cronFiringAfter(std::int64_t time) const {
  CivilTime local = toCivil(zone_.toLocal(time));
  while (std::optional<CivilTime> match = nextCronTime(cron_, local)) {
    std::int64_t matchLocal = toSeconds(*match);
    // Each local time fires once, at its first instant after `time`; one
    // that a daylight-saving jump skips does not fire.
    for (std::int64_t instant : zone_.fromLocal(matchLocal))
      if (instant > time)
        return instant;
    if (matchLocal > zone_.toLocal(end_) + 86400)
      return std::nullopt;
    local = *match;
  }
  return std::nullopt;
}

std::string Schedule::describe() const {
  std::string text = spec_.type + " '" + spec_.expression + "'";
  if (kind_ != Kind::Rate)
    text += " in " + zone_.name();
  return text;
}

} // namespace oosc::runtime::schedule
