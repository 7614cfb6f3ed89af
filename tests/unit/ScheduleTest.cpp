//===- ScheduleTest.cpp - Cron, rates, time zones and firing times ---------===//
#include "oosc/runtime/schedule/Calendar.h"
#include "oosc/runtime/schedule/Cron.h"
#include "oosc/runtime/schedule/Schedule.h"
#include "oosc/runtime/schedule/TimeZone.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <stdlib.h>

namespace oosc::runtime::schedule {
namespace {

std::int64_t utc(const char *text) {
  auto date = parseDateText(text);
  EXPECT_TRUE(date) << text;
  return date ? toSeconds(date->civil) - date->offsetSeconds.value_or(0) : 0;
}

CivilTime civil(const char *text) { return toCivil(utc(text)); }

std::string next(const char *expression, const char *after) {
  auto cron = parseCron(expression);
  EXPECT_TRUE(cron) << cron.error().message;
  if (!cron)
    return "";
  auto time = nextCronTime(cron.value(), civil(after));
  return time ? formatUtcSeconds(toSeconds(*time)) : "never";
}

std::string cronError(const char *expression) {
  auto cron = parseCron(expression);
  EXPECT_FALSE(cron) << expression << " parsed";
  return cron ? "" : cron.error().message;
}

/// Every firing of the schedule, in order.
std::vector<std::string> firings(const ScheduleSpec &spec, std::int64_t now) {
  auto schedule = Schedule::make(spec, now);
  EXPECT_TRUE(schedule) << schedule.error().message;
  std::vector<std::string> times;
  if (!schedule)
    return times;
  for (auto time = schedule.value().firingAfter(now - 1); time && times.size() < 100;
       time = schedule.value().firingAfter(*time))
    times.push_back(formatUtcSeconds(*time));
  return times;
}

std::string scheduleError(const ScheduleSpec &spec) {
  auto schedule = Schedule::make(spec, utc("2026-01-01T00:00:00Z"));
  EXPECT_FALSE(schedule) << "made a schedule of " << spec.expression;
  return schedule ? "" : schedule.error().message;
}

TEST(Calendar, SecondsAndCivilTimesRoundTripAcrossCenturies) {
  for (std::int64_t day = -800000; day < 800000; day += 997) {
    CivilTime time = toCivil(day * 86400 + 3723);
    EXPECT_EQ(toSeconds(time), day * 86400 + 3723);
    EXPECT_EQ(time.hour, 1u);
    EXPECT_EQ(time.minute, 2u);
    EXPECT_EQ(time.second, 3u);
  }
  EXPECT_EQ(formatUtcSeconds(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(formatUtcSeconds(951782400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(dayOfWeek(civil("1970-01-01")), 5u); // Thursday
  EXPECT_EQ(dayOfWeek(civil("2026-11-22")), 1u); // Sunday
  EXPECT_EQ(dayOfWeek(civil("2026-11-28")), 7u); // Saturday
}

TEST(Calendar, DateTextsAreDatesTimesAndOffsets) {
  EXPECT_EQ(utc("2026-11-21"), utc("2026-11-21T00:00:00Z"));
  EXPECT_EQ(utc("2026-11-21T10:00:00+08:00"), utc("2026-11-21T02:00:00Z"));
  EXPECT_EQ(utc("2026-11-21T02:00Z"), utc("2026-11-21T02:00:00Z"));
  auto local = parseDateText("2026-11-21T02:00:00");
  ASSERT_TRUE(local);
  EXPECT_FALSE(local->offsetSeconds) << "no zone in the text: local time";
  for (const char *bad : {"2026-02-29", "2026-13-01", "2026-11-21T24:00:00Z", "21/11/2026", "2026-11-21Tnoon",
                          "2026-11-21T02:00:00Q", ""})
    EXPECT_FALSE(parseDateText(bad)) << bad;
}

TEST(Cron, FieldsTakeValuesListsRangesStepsAndNames) {
  auto cron = parseCron("*/15 0/20 1-10/3 21-25,L JAN-mar,12 ?");
  ASSERT_TRUE(cron) << cron.error().message;
  EXPECT_EQ(cron.value().seconds, (1ull << 0) | (1ull << 15) | (1ull << 30) | (1ull << 45));
  EXPECT_EQ(cron.value().minutes, (1ull << 0) | (1ull << 20) | (1ull << 40));
  EXPECT_EQ(cron.value().hours, (1ull << 1) | (1ull << 4) | (1ull << 7) | (1ull << 10));
  EXPECT_EQ(cron.value().daysOfMonth, 0x1full << 21);
  EXPECT_TRUE(cron.value().lastDayOfMonth);
  EXPECT_EQ(cron.value().months, (1ull << 1) | (1ull << 2) | (1ull << 3) | (1ull << 12));
  EXPECT_TRUE(cron.value().anyDayOfWeek);
  auto weekdays = parseCron("0 30 9 ? * MON-FRI");
  ASSERT_TRUE(weekdays) << weekdays.error().message;
  EXPECT_EQ(weekdays.value().daysOfWeek, 0x1full << 2) << "1 is Sunday, so Monday is 2";
  EXPECT_FALSE(weekdays.value().anyDayOfWeek);
}

TEST(Cron, ErrorsQuoteTheExpressionAndNameTheWrongPart) {
  EXPECT_EQ(cronError("0 2 21-25 * ?"),
            "cron '0 2 21-25 * ?': expected 6 fields (seconds minutes hours day-of-month month "
            "day-of-week), found 5");
  EXPECT_EQ(cronError("0 0 2 21-35 * ?"),
            "cron '0 0 2 21-35 * ?': day-of-month '21-35': '35' is not a value of day-of-month: "
            "expected 1 to 31");
  EXPECT_EQ(cronError("0 0 24 * * ?"),
            "cron '0 0 24 * * ?': hours '24': '24' is not a value of hours: expected 0 to 23");
  EXPECT_EQ(cronError("0 0 2 * FOO ?"),
            "cron '0 0 2 * FOO ?': month 'FOO': 'FOO' is not a value of month: expected 1 to 12 or "
            "JAN to DEC");
  EXPECT_EQ(cronError("0 0 2 ? * 0"),
            "cron '0 0 2 ? * 0': day-of-week '0': '0' is not a value of day-of-week: expected 1 to 7 "
            "(1 is Sunday) or SUN to SAT");
  EXPECT_EQ(cronError("? 0 2 * * ?"), "cron '? 0 2 * * ?': seconds '?': '?' is only allowed in "
                                      "day-of-month and day-of-week");
  EXPECT_EQ(cronError("0 */0 2 * * ?"),
            "cron '0 */0 2 * * ?': minutes '*/0': the step after '/' must be a positive number");
  EXPECT_EQ(cronError("0 0 20-2 * * ?"), "cron '0 0 20-2 * * ?': hours '20-2': the range runs backwards");
  EXPECT_EQ(cronError("0 0 2 1,,2 * ?"), "cron '0 0 2 1,,2 * ?': day-of-month '1,,2': an empty item in a list");
  EXPECT_EQ(cronError("0 0 2 21 * MON"),
            "cron '0 0 2 21 * MON': day-of-month '21' and day-of-week 'MON' both restrict the day; "
            "write '?' in one of them");
}

TEST(Cron, NextTimeCrossesDaysMonthsAndYears) {
  // The seed's image update: the 21st to the 25th of each month at 02:00.
  EXPECT_EQ(next("0 0 2 21-25 * ?", "2026-11-20T12:00:00Z"), "2026-11-21T02:00:00Z");
  EXPECT_EQ(next("0 0 2 21-25 * ?", "2026-11-21T02:00:00Z"), "2026-11-22T02:00:00Z") << "strictly after";
  EXPECT_EQ(next("0 0 2 21-25 * ?", "2026-11-25T02:00:00Z"), "2026-12-21T02:00:00Z");
  EXPECT_EQ(next("0 0 2 21-25 * ?", "2026-12-25T03:00:00Z"), "2027-01-21T02:00:00Z");
  EXPECT_EQ(next("0 0 0 31 * ?", "2026-01-31T00:00:00Z"), "2026-03-31T00:00:00Z") << "February has no 31st";
  EXPECT_EQ(next("0 0 0 L * ?", "2024-02-01T00:00:00Z"), "2024-02-29T00:00:00Z");
  EXPECT_EQ(next("0 0 0 L * ?", "2025-02-01T00:00:00Z"), "2025-02-28T00:00:00Z");
  EXPECT_EQ(next("0 0 0 L * ?", "2025-04-30T00:00:00Z"), "2025-05-31T00:00:00Z");
  EXPECT_EQ(next("0 59 23 31 12 ?", "2026-12-31T23:59:00Z"), "2027-12-31T23:59:00Z");
  EXPECT_EQ(next("0 0 0 29 2 ?", "2025-01-01T00:00:00Z"), "2028-02-29T00:00:00Z");
  EXPECT_EQ(next("0 0 0 29 2 ?", "2096-03-01T00:00:00Z"), "2104-02-29T00:00:00Z") << "2100 is no leap year";
  EXPECT_EQ(next("0 0 0 30 2 ?", "2025-01-01T00:00:00Z"), "never");
  EXPECT_EQ(next("0 0 12 ? * WED", "2026-11-20T00:00:00Z"), "2026-11-25T12:00:00Z");
  EXPECT_EQ(next("0 0 12 ? * 1,7", "2026-11-23T00:00:00Z"), "2026-11-28T12:00:00Z") << "Saturday";
  EXPECT_EQ(next("0 */20 * * * ?", "2026-11-20T10:50:00Z"), "2026-11-20T11:00:00Z");
  EXPECT_EQ(next("30 * * * * ?", "2026-11-20T23:59:30Z"), "2026-11-21T00:00:30Z");
  EXPECT_EQ(next("0 15 10 ? * *", "2026-11-20T10:15:00Z"), "2026-11-21T10:15:00Z");
  EXPECT_EQ(next("0 15 10 * * ?", "2026-11-20T10:14:59Z"), "2026-11-20T10:15:00Z");
}

TEST(Schedule, CronFiresFromStartDateToEndDateIncluded) {
  ScheduleSpec spec{"cron", "0 0 2 21-25 * ?", "", "2026-11-21", "2026-11-26"};
  EXPECT_EQ(firings(spec, utc("2026-01-01T00:00:00Z")),
            (std::vector<std::string>{"2026-11-21T02:00:00Z", "2026-11-22T02:00:00Z", "2026-11-23T02:00:00Z",
                                      "2026-11-24T02:00:00Z", "2026-11-25T02:00:00Z"}));
  spec.endDate = "2026-11-23T02:00:00Z"; // a firing exactly at EndDate is in
  EXPECT_EQ(firings(spec, utc("2026-01-01T00:00:00Z")).size(), 3u);
  spec.endDate = "2026-11-23T01:59:59Z";
  EXPECT_EQ(firings(spec, utc("2026-01-01T00:00:00Z")).size(), 2u);
  // Started on the 23rd: nothing before then.
  spec.endDate = "2026-11-26";
  EXPECT_EQ(firings(spec, utc("2026-11-23T00:00:00Z")).front(), "2026-11-23T02:00:00Z");
}

TEST(Schedule, TimeZoneReadsCronAndDatesInLocalTime) {
  // Asia/Shanghai is UTC+8 all year: 02:00 there is 18:00 UTC the day before,
  // and the date-only StartDate is midnight there.
  ScheduleSpec spec{"cron", "0 0 2 21-25 * ?", "Asia/Shanghai", "2026-11-21", "2026-11-26"};
  auto times = firings(spec, utc("2026-01-01T00:00:00Z"));
  ASSERT_EQ(times.size(), 5u);
  EXPECT_EQ(times.front(), "2026-11-20T18:00:00Z");
  EXPECT_EQ(times.back(), "2026-11-24T18:00:00Z");
  auto schedule = Schedule::make(spec, 0);
  ASSERT_TRUE(schedule);
  EXPECT_EQ(formatUtcSeconds(schedule.value().start()), "2026-11-20T16:00:00Z");
  EXPECT_EQ(schedule.value().describe(), "cron '0 0 2 21-25 * ?' in Asia/Shanghai");
  spec.timeZone = "UTC+8"; // a fixed offset fires at the same times
  EXPECT_EQ(firings(spec, utc("2026-01-01T00:00:00Z")), times);
}

TEST(Schedule, DaylightSavingSkipsTheMissingHourAndFiresTheRepeatedOnceOnly) {
  // Europe/Berlin: 2026-03-29 02:00 jumps to 03:00; 2026-10-25 03:00 goes
  // back to 02:00.
  ScheduleSpec spring{"cron", "0 30 2 * * ?", "Europe/Berlin", "2026-03-28", "2026-03-31"};
  EXPECT_EQ(firings(spring, 0), (std::vector<std::string>{"2026-03-28T01:30:00Z", "2026-03-30T00:30:00Z"}));
  ScheduleSpec autumn{"cron", "0 30 2 * * ?", "Europe/Berlin", "2026-10-24", "2026-10-27"};
  EXPECT_EQ(firings(autumn, 0), (std::vector<std::string>{"2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z",
                                                           "2026-10-26T01:30:00Z"}));
}

TEST(Schedule, RateCountsFromStartDateOrFromNow) {
  ScheduleSpec spec{"rate", "8 hours", "", "2026-11-21T00:00:00Z", "2026-11-22T00:00:00Z"};
  EXPECT_EQ(firings(spec, 0), (std::vector<std::string>{"2026-11-21T00:00:00Z", "2026-11-21T08:00:00Z",
                                                         "2026-11-21T16:00:00Z", "2026-11-22T00:00:00Z"}));
  spec.startDate = "";
  EXPECT_EQ(firings(spec, utc("2026-11-21T10:00:00Z")),
            (std::vector<std::string>{"2026-11-21T10:00:00Z", "2026-11-21T18:00:00Z"}));
  EXPECT_EQ(parseRate("1 minute").value(), 60);
  EXPECT_EQ(parseRate("30 Minutes").value(), 1800);
  EXPECT_EQ(parseRate("2 days").value(), 172800);
  for (const char *bad : {"5 fortnights", "0 minutes", "minutes", "-1 hours", "1.5 hours", ""}) {
    auto rate = parseRate(bad);
    ASSERT_FALSE(rate) << bad;
    EXPECT_EQ(rate.error().message, "rate '" + std::string(bad) +
                                        "': expected a positive number and a unit: minutes, hours or days "
                                        "(e.g. '30 minutes')");
  }
}

TEST(Schedule, AtFiresOnceInItsZone) {
  ScheduleSpec spec{"at", "2026-11-21T02:00:00", "Asia/Shanghai", "", "2026-12-01"};
  EXPECT_EQ(firings(spec, utc("2026-11-01T00:00:00Z")), (std::vector<std::string>{"2026-11-20T18:00:00Z"}));
}

TEST(Schedule, BadPropertiesAreNamed) {
  EXPECT_EQ(scheduleError({"weekly", "MON", "", "", "2026-12-01"}),
            "Type 'weekly' is not a kind of schedule: expected cron, rate or at");
  EXPECT_EQ(scheduleError({"cron", "0 0 2 * *", "", "", "2026-12-01"}),
            "Expression: cron '0 0 2 * *': expected 6 fields (seconds minutes hours day-of-month month "
            "day-of-week), found 5");
  EXPECT_EQ(scheduleError({"cron", "0 0 2 * * ?", "", "", ""}),
            "EndDate is required: the last day the trigger may fire (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)");
  EXPECT_EQ(scheduleError({"cron", "0 0 2 * * ?", "", "", "26/11/2026"}),
            "EndDate '26/11/2026' is not a date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
  EXPECT_EQ(scheduleError({"cron", "0 0 2 * * ?", "", "2026-12-01", "2026-11-26"}),
            "EndDate '2026-11-26' comes before StartDate '2026-12-01'");
  EXPECT_EQ(scheduleError({"rate", "1 hour", "", "", "2025-11-26"}),
            "EndDate '2025-11-26' comes before the trigger starts (2026-01-01T00:00:00Z)");
  std::string zone = scheduleError({"cron", "0 0 2 * * ?", "Mars/Olympus_Mons", "", "2026-12-01"});
  EXPECT_EQ(zone.rfind("TimeZone: time zone 'Mars/Olympus_Mons' is not in the tz database (", 0), 0u) << zone;
  EXPECT_EQ(scheduleError({"cron", "0 0 2 * * ?", "../../etc/passwd", "", "2026-12-01"}),
            "TimeZone: time zone '../../etc/passwd' is not a zone name: expected an IANA name such as "
            "Asia/Shanghai, or UTC+8");
}

TEST(TimeZone, ReadsTheSystemDatabaseAndFixedOffsets) {
  ASSERT_TRUE(std::filesystem::exists(std::string(kSystemZoneinfo) + "/Asia/Shanghai"))
      << "the tz database is missing: install tzdata (scripts/setup.sh)";
  auto shanghai = TimeZone::load("Asia/Shanghai");
  ASSERT_TRUE(shanghai) << shanghai.error().message;
  EXPECT_EQ(shanghai.value().offsetAt(utc("2026-07-01T00:00:00Z")), 8 * 3600);
  auto berlin = TimeZone::load("Europe/Berlin");
  ASSERT_TRUE(berlin) << berlin.error().message;
  EXPECT_EQ(berlin.value().offsetAt(utc("2026-01-15T00:00:00Z")), 3600);
  EXPECT_EQ(berlin.value().offsetAt(utc("2026-07-15T00:00:00Z")), 7200);
  EXPECT_TRUE(berlin.value().fromLocal(utc("2026-03-29T02:30:00Z")).empty()) << "in the gap";
  EXPECT_EQ(berlin.value().fromLocal(utc("2026-10-25T02:30:00Z")).size(), 2u) << "in the overlap";
  auto india = TimeZone::load("UTC+05:30");
  ASSERT_TRUE(india);
  EXPECT_EQ(india.value().offsetAt(0), 5 * 3600 + 1800);
  EXPECT_EQ(TimeZone::load("GMT-5").value().offsetAt(0), -5 * 3600);
  EXPECT_EQ(TimeZone::load("UTC").value().offsetAt(0), 0);
  auto notTzif = parseTzif("Broken/Zone", "not a tz file");
  ASSERT_FALSE(notTzif);
  EXPECT_EQ(notTzif.error().message, "time zone 'Broken/Zone': not a valid tz database file (no TZif header)");
}

/// The message of a time zone that must not load.
std::string zoneError(std::string_view name, const std::string &zoneinfoDir = kSystemZoneinfo) {
  auto zone = TimeZone::load(name, zoneinfoDir);
  EXPECT_FALSE(zone) << name << " loaded";
  return zone ? "" : zone.error().message;
}

TEST(TimeZone, FixedOffsetsReadNoDigitStringUnbounded) {
  // Each of these once reached arithmetic whole: minutes (or hours, in a
  // later form) accumulated before their count was checked, and 22 digits
  // overflow a 64-bit integer.
  const std::string expected = "; expected UTC+8, GMT-05:30 or +08:00 (hours 0 to 14, minutes 00 to 59)";
  EXPECT_EQ(zoneError("+08:0666666666666666666666"),
            "time zone '+08:0666666666666666666666' is not a valid UTC offset: the minutes "
            "'0666666666666666666666' are not two digits" + expected);
  EXPECT_EQ(zoneError("UTC+0000000000000000000008"),
            "time zone 'UTC+0000000000000000000008' is not a valid UTC offset: the hours "
            "'0000000000000000000008' are not one or two digits" + expected);
  EXPECT_EQ(zoneError("GMT-15"), "time zone 'GMT-15' is not a valid UTC offset: the hours 15 are "
                                 "more than 14" + expected);
  EXPECT_EQ(zoneError("+08:75"), "time zone '+08:75' is not a valid UTC offset: the minutes 75 are "
                                 "more than 59" + expected);
  EXPECT_EQ(zoneError("UTC+"), "time zone 'UTC+' is not a valid UTC offset: no hours after '+'" + expected);
  EXPECT_EQ(zoneError("+8:"), "time zone '+8:' is not a valid UTC offset: the minutes '' are not two "
                              "digits" + expected);
  EXPECT_EQ(zoneError("+08:00x"), "time zone '+08:00x' is not a valid UTC offset: 'x' follows the "
                                  "offset" + expected);
  // A huge name is cut in the message, with its length.
  std::string huge = "+08:" + std::string(100000, '6');
  std::string message = zoneError(huge);
  EXPECT_LT(message.size(), 400u) << message.substr(0, 400);
  EXPECT_NE(message.find("...' (100004 bytes)"), std::string::npos) << message.substr(0, 400);
  // The forms that are right still read as before.
  EXPECT_EQ(TimeZone::load("+0800").value().offsetAt(0), 8 * 3600);
  EXPECT_EQ(TimeZone::load("UTC-9").value().offsetAt(0), -9 * 3600);
  EXPECT_EQ(TimeZone::load("GMT+05:45").value().offsetAt(0), 5 * 3600 + 45 * 60);
  EXPECT_EQ(TimeZone::load("UTC+14").value().offsetAt(0), 14 * 3600);
}

TEST(TimeZone, AFixedOffsetOfATriggerIsCheckedWhenTheScheduleIsMade) {
  EXPECT_EQ(scheduleError({"cron", "0 0 2 * * ?", "+08:0666666666666666666666", "", "2026-12-01"})
                .rfind("TimeZone: time zone '+08:0666666666666666666666' is not a valid UTC offset: "
                       "the minutes '0666666666666666666666' are not two digits",
                       0),
            0u);
}

/// A TZif version 2 file with no transitions, one type of \p offset seconds
/// and the footer line \p footer (RFC 8536 section 3).
std::string tzifFile(std::int32_t offset, const std::string &footer) {
  auto bigEndian = [](std::string &out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
      out += static_cast<char>((value >> shift) & 0xFF);
  };
  auto block = [&](std::string &out) {
    out += "TZif2" + std::string(15, '\0');
    for (std::uint32_t count : {0u, 0u, 0u, 0u, 1u, 4u}) // isut isstd leap time type char
      bigEndian(out, count);
    bigEndian(out, static_cast<std::uint32_t>(offset)); // the one type: offset, isdst, name
    out += std::string("\0\0", 2);
    out += std::string("ABC\0", 4);
  };
  std::string file;
  block(file); // version 1 data
  block(file); // version 2 data
  return file + "\n" + footer + "\n";
}

/// A zoneinfo folder of the test's own, removed at the end.
class ZoneinfoFolder {
public:
  ZoneinfoFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "oosc-zoneinfo-XXXXXX").string();
    path_ = mkdtemp(pattern.data()) ? pattern : "";
  }
  ~ZoneinfoFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string &path() const { return path_; }
  void write(const std::string &name, const std::string &content) const {
    std::ofstream(path_ + "/" + name, std::ios::binary) << content;
  }

private:
  std::string path_;
};

TEST(TimeZone, AMalformedFooterIsRefusedWithoutOverflow) {
  ZoneinfoFolder folder;
  ASSERT_FALSE(folder.path().empty());
  folder.write("Fixed", tzifFile(3600, "ABC-5"));
  folder.write("Overflowing", tzifFile(3600, "ABC-99999999999999999999999"));
  folder.write("Minutes", tzifFile(3600, "ABC-5:99999999999999999999999"));
  folder.write("LongHours", tzifFile(3600, "ABC-168"));
  // A footer with only a standard offset gives the zone its offset.
  auto fixed = TimeZone::load("Fixed", folder.path());
  ASSERT_TRUE(fixed) << fixed.error().message;
  EXPECT_EQ(fixed.value().offsetAt(0), 5 * 3600);
  EXPECT_EQ(zoneError("Overflowing", folder.path()),
            "time zone 'Overflowing': not a valid tz database file (its footer: its TZ string "
            "'ABC-99999999999999999999999' is malformed: expected an offset hh[:mm[:ss]] of at most "
            "167 hours)");
  EXPECT_NE(zoneError("Minutes", folder.path()).find("is malformed"), std::string::npos);
  EXPECT_NE(zoneError("LongHours", folder.path()).find("is malformed"), std::string::npos);
}

} // namespace
} // namespace oosc::runtime::schedule
