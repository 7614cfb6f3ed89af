//===- schedule/Calendar.h - Civil dates and times as plain arithmetic ----===//
//
// Schedules are computed in a zone's local time (cron fields, a date-only
// EndDate) and fire at UTC instants. Both are counted here as seconds since
// 1970-01-01T00:00:00 of their own scale, so converting between civil fields
// and seconds never touches the host's time zone (gmtime/mktime read TZ, a
// process-wide setting).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::runtime::schedule {

/// A proleptic Gregorian date and a time of day, without a zone.
struct CivilTime {
  std::int64_t year = 1970;
  unsigned month = 1; ///< 1 to 12
  unsigned day = 1;   ///< 1 to 31
  unsigned hour = 0, minute = 0, second = 0;
};

bool isLeapYear(std::int64_t year);
unsigned daysInMonth(std::int64_t year, unsigned month);

/// Days from 1970-01-01 to the date (negative before it).
std::int64_t daysFromDate(std::int64_t year, unsigned month, unsigned day);

/// Seconds from 1970-01-01T00:00:00 of the same scale to \p time.
std::int64_t toSeconds(const CivilTime &time);
CivilTime toCivil(std::int64_t seconds);

/// 1 for Sunday to 7 for Saturday, as OOS cron counts the days of a week.
unsigned dayOfWeek(const CivilTime &time);

/// `YYYY-MM-DDThh:mm:ssZ` of a UTC instant.
std::string formatUtcSeconds(std::int64_t seconds);

/// A time stamp as TimerTrigger's StartDate and EndDate take it:
/// `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss]` without a zone (both local to the
/// schedule's time zone), or with `Z` or an offset `+08:00` (an instant).
struct DateText {
  CivilTime civil;
  std::optional<std::int64_t> offsetSeconds; ///< set: the text named its zone
};
std::optional<DateText> parseDateText(std::string_view text);

} // namespace oosc::runtime::schedule
