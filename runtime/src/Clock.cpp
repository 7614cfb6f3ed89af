// Clock.cpp - The real and virtual clocks and UTC time formatting.
#include "oosc/runtime/Clock.h"

#include <cstdio>
#include <thread>

namespace oosc::runtime {

std::chrono::system_clock::time_point RealClock::now() const {
  return std::chrono::system_clock::now();
}

void RealClock::sleepFor(std::chrono::milliseconds duration) {
  if (duration.count() > 0)
    std::this_thread::sleep_for(duration);
}

VirtualClock::VirtualClock()
    : VirtualClock(std::chrono::system_clock::time_point(
          std::chrono::seconds(DefaultEpochSeconds))) {}

VirtualClock::VirtualClock(std::chrono::system_clock::time_point start)
    : current(start) {}

std::chrono::system_clock::time_point VirtualClock::now() const {
  std::lock_guard<std::mutex> lock(mutex);
  return current;
}

void VirtualClock::sleepFor(std::chrono::milliseconds duration) {
  if (duration.count() <= 0)
    return;
  std::lock_guard<std::mutex> lock(mutex);
  current += duration;
}

std::int64_t toUnixMillis(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             time.time_since_epoch())
      .count();
}

std::chrono::system_clock::time_point fromUnixMillis(std::int64_t millis) {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::milliseconds(millis)));
}

namespace {

struct CivilDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

/// Converts days since 1970-01-01 to a proleptic Gregorian date. Works in
/// 400-year eras (146097 days) with years starting on March 1st, so the leap
/// day falls at the end of a year and needs no special case. Done by hand
/// because gmtime is not thread-safe and gmtime_r is not standard C++.
CivilDate civilFromDays(std::int64_t days) {
  days += 719468; // Shift the epoch to 0000-03-01.
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  std::int64_t dayOfEra = days - era * 146097;
  std::int64_t yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  std::int64_t dayOfYear =
      dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  std::int64_t monthFromMarch = (5 * dayOfYear + 2) / 153;
  unsigned day =
      static_cast<unsigned>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
  unsigned month = static_cast<unsigned>(
      monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
  std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

} // namespace

std::string formatUtc(std::int64_t unixMillis, bool withSeconds) {
  constexpr std::int64_t MillisPerDay = 86400000;
  std::int64_t days = unixMillis / MillisPerDay;
  std::int64_t millisOfDay = unixMillis % MillisPerDay;
  if (millisOfDay < 0) {
    millisOfDay += MillisPerDay;
    --days;
  }
  CivilDate date = civilFromDays(days);
  int seconds = static_cast<int>(millisOfDay / 1000);
  char buffer[40];
  if (withSeconds)
    std::snprintf(buffer, sizeof(buffer), "%04lld-%02u-%02uT%02d:%02d:%02dZ",
                  static_cast<long long>(date.year), date.month, date.day,
                  seconds / 3600, seconds / 60 % 60, seconds % 60);
  else
    std::snprintf(buffer, sizeof(buffer), "%04lld-%02u-%02uT%02d:%02dZ",
                  static_cast<long long>(date.year), date.month, date.day,
                  seconds / 3600, seconds / 60 % 60);
  return buffer;
}

} // namespace oosc::runtime
