//===- ScheduleFuzzer.cpp - ACS::TimerTrigger schedules and time zones -------===//
//
// runtime/src/schedule, as the linter (rule timer-schedule) and runners use
// it: a TimerTrigger's properties made into a Schedule and its next firings,
// cron expressions, rates, time zones (fixed offsets and IANA names read
// from /usr/share/zoneinfo), and TZif files themselves.
//
// Input (seeds: corpus/schedule): a TZif file (it starts with "TZif"), or
// one TimerTrigger property a line:
//   Type, Expression, TimeZone, StartDate, EndDate
//
// What must hold: each firing comes strictly after the time asked about,
// no earlier than StartDate and no later than EndDate.
//
//===----------------------------------------------------------------------===//
#include "FuzzTarget.h"

#include "oosc/runtime/schedule/Schedule.h"

namespace oosc::fuzz {
namespace {

using namespace runtime::schedule;

/// 2024-01-01T00:00:00Z: when the fuzzed trigger starts.
constexpr std::int64_t kNow = 1704067200;

/// Instants from 1901 to 2400, where real schedules fall.
constexpr std::int64_t kInstants[] = {-2147483648LL, 0, 1704067200, 2147483647LL, 13569465600LL};

void exerciseZone(const TimeZone &zone) {
  for (std::int64_t instant : kInstants) {
    zone.offsetAt(instant);
    for (std::int64_t utc : zone.fromLocal(instant))
      fuzzCheck(zone.toLocal(utc) == instant,
                "fromLocal gave an instant whose local time is not the one asked for, in " + zone.name());
  }
}

void exerciseSchedule(const Schedule &schedule) {
  std::int64_t time = kNow;
  for (int firing = 0; firing < 8; ++firing) {
    std::optional<std::int64_t> next = schedule.firingAfter(time);
    if (!next)
      return;
    fuzzCheck(*next > time, "a firing at or before the time asked about: " + schedule.describe());
    fuzzCheck(*next >= schedule.start() && *next <= schedule.end(),
              "a firing outside StartDate..EndDate: " + schedule.describe());
    time = *next;
  }
}

void exerciseProperties(std::string_view text) {
  std::vector<std::string_view> fields = splitFields(text, 5);
  fields.resize(5);
  ScheduleSpec spec{std::string(fields[0]), std::string(fields[1]), std::string(fields[2]),
                    std::string(fields[3]), std::string(fields[4])};
  if (auto zone = TimeZone::load(spec.timeZone))
    exerciseZone(zone.value());
  if (auto cron = parseCron(spec.expression))
    nextCronTime(cron.value(), toCivil(kNow));
  parseRate(spec.expression);
  parseDateText(spec.startDate);
  if (auto schedule = Schedule::make(spec, kNow))
    exerciseSchedule(schedule.value());
}

} // namespace
} // namespace oosc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace oosc;
  std::string_view text = fuzz::asText(data, size);
  if (text.substr(0, 4) == "TZif") {
    if (auto zone = runtime::schedule::parseTzif("fuzzed", text))
      fuzz::exerciseZone(zone.value());
    return 0;
  }
  fuzz::exerciseProperties(text);
  return 0;
}
