//===- schedule/Calendar.cpp -------------------------------------------------===//
#include "oosc/runtime/schedule/Calendar.h"

#include <cstdio>

namespace oosc::runtime::schedule {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floorDivide(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
}

/// Days from 0001-01-01 to January 1st of \p year.
std::int64_t daysBeforeYear(std::int64_t year) {
  std::int64_t previous = year - 1;
  return 365 * previous + floorDivide(previous, 4) - floorDivide(previous, 100) +
         floorDivide(previous, 400);
}

/// Reads exactly \p count digits at \p at; advances it.
std::optional<unsigned> digits(std::string_view text, size_t &at, size_t count) {
  if (at + count > text.size())
    return std::nullopt;
  unsigned value = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = text[at + i];
    if (c < '0' || c > '9')
      return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  at += count;
  return value;
}

bool consume(std::string_view text, size_t &at, char expected) {
  if (at < text.size() && text[at] == expected) {
    ++at;
    return true;
  }
  return false;
}

/// `Z`, `+08:00`, `+0800` or `-05:30` at the end of a time stamp.
std::optional<std::int64_t> parseOffset(std::string_view text, size_t &at) {
  if (consume(text, at, 'Z') || consume(text, at, 'z'))
    return 0;
  int sign = consume(text, at, '+') ? 1 : consume(text, at, '-') ? -1 : 0;
  if (sign == 0)
    return std::nullopt;
  auto hours = digits(text, at, 2);
  consume(text, at, ':');
  auto minutes = digits(text, at, 2);
  if (!hours || !minutes || *hours > 23 || *minutes > 59)
    return std::nullopt;
  return sign * static_cast<std::int64_t>(*hours * 3600 + *minutes * 60);
}

} // namespace

bool isLeapYear(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(std::int64_t year, unsigned month) {
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

std::int64_t daysFromDate(std::int64_t year, unsigned month, unsigned day) {
  std::int64_t days = daysBeforeYear(year) - daysBeforeYear(1970);
  for (unsigned m = 1; m < month; ++m)
    days += daysInMonth(year, m);
  return days + day - 1;
}

std::int64_t toSeconds(const CivilTime &time) {
  return daysFromDate(time.year, time.month, time.day) * kSecondsPerDay + time.hour * 3600 +
         time.minute * 60 + time.second;
}

CivilTime toCivil(std::int64_t seconds) {
  std::int64_t days = floorDivide(seconds, kSecondsPerDay);
  std::int64_t rest = seconds - days * kSecondsPerDay;
  CivilTime civil;
  // An estimate from the mean year length, then corrected by whole years.
  civil.year = 1970 + floorDivide(days * 400, 146097);
  while (daysFromDate(civil.year, 1, 1) > days)
    --civil.year;
  while (daysFromDate(civil.year + 1, 1, 1) <= days)
    ++civil.year;
  std::int64_t dayOfYear = days - daysFromDate(civil.year, 1, 1);
  while (dayOfYear >= daysInMonth(civil.year, civil.month))
    dayOfYear -= daysInMonth(civil.year, civil.month++);
  civil.day = static_cast<unsigned>(dayOfYear + 1);
  civil.hour = static_cast<unsigned>(rest / 3600);
  civil.minute = static_cast<unsigned>(rest / 60 % 60);
  civil.second = static_cast<unsigned>(rest % 60);
  return civil;
}

unsigned dayOfWeek(const CivilTime &time) {
  // 1970-01-01 was a Thursday, the fifth day counting from Sunday.
  std::int64_t days = daysFromDate(time.year, time.month, time.day);
  return static_cast<unsigned>(days + 4 - floorDivide(days + 4, 7) * 7) + 1;
}

std::string formatUtcSeconds(std::int64_t seconds) {
  CivilTime civil = toCivil(seconds);
  char text[40];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02u:%02u:%02uZ",
                static_cast<long long>(civil.year), civil.month, civil.day, civil.hour,
                civil.minute, civil.second);
  return text;
}

std::optional<DateText> parseDateText(std::string_view text) {
  size_t at = 0;
  DateText date;
  auto year = digits(text, at, 4);
  bool dashes = consume(text, at, '-');
  auto month = digits(text, at, 2);
  dashes = consume(text, at, '-') && dashes;
  auto day = digits(text, at, 2);
  if (!year || !month || !day || !dashes || *month < 1 || *month > 12 || *day < 1 ||
      *day > daysInMonth(*year, *month))
    return std::nullopt;
  date.civil = {*year, *month, *day, 0, 0, 0};
  if (at == text.size())
    return date;
  if (!consume(text, at, 'T') && !consume(text, at, ' '))
    return std::nullopt;
  auto hour = digits(text, at, 2);
  bool colon = consume(text, at, ':');
  auto minute = digits(text, at, 2);
  std::optional<unsigned> second = 0u;
  if (consume(text, at, ':'))
    second = digits(text, at, 2);
  if (!hour || !colon || !minute || !second || *hour > 23 || *minute > 59 || *second > 59)
    return std::nullopt;
  date.civil.hour = *hour;
  date.civil.minute = *minute;
  date.civil.second = *second;
  if (at < text.size()) {
    date.offsetSeconds = parseOffset(text, at);
    if (!date.offsetSeconds || at != text.size())
      return std::nullopt;
  }
  return date;
}

} // namespace oosc::runtime::schedule
