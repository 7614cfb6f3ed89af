//===- functions/UtcTime.cpp - Parsing and formatting UTC time stamps
//------===//
//
// Calendar arithmetic on the proleptic Gregorian calendar, done by hand
// because std::gmtime/strftime depend on the host's locale and are not
// thread-safe everywhere.
//
//===----------------------------------------------------------------------===//
#include "UtcTime.h"

#include <array>

namespace oosc::runtime::functions {

namespace {

constexpr std::int64_t MicrosPerSecond = 1000000;

/// A broken-down UTC time.
struct CivilTime {
  std::int64_t year = 1970;
  unsigned month = 1;
  unsigned day = 1;
  unsigned hour = 0;
  unsigned minute = 0;
  unsigned second = 0;
  std::int32_t microsecond = 0;
};

constexpr std::array<std::string_view, 7> WeekdayNames = {
    "Sunday",   "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday"};

constexpr std::array<std::string_view, 12> MonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool isLeapYear(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(std::int64_t year, unsigned month) {
  constexpr std::array<unsigned, 12> Days = {31, 28, 31, 30, 31, 30,
                                             31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : Days[month - 1];
}

/// Days from 1970-01-01 to the given date. The year is shifted to start in
/// March so that the leap day is the last day of its year; a 400-year era
/// then has a fixed length of 146097 days.
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  std::int64_t shiftedYear = month <= 2 ? year - 1 : year;
  std::int64_t era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400;
  std::int64_t yearOfEra = shiftedYear - era * 400;
  std::int64_t monthFromMarch = month > 2 ? month - 3 : month + 9;
  std::int64_t dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
  std::int64_t dayOfEra =
      yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  // 719468 days separate 0000-03-01, where eras start, from 1970-01-01.
  return era * 146097 + dayOfEra - 719468;
}

/// The inverse of daysFromCivil.
void civilFromDays(std::int64_t days, CivilTime &civil) {
  std::int64_t shifted = days + 719468;
  std::int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
  std::int64_t dayOfEra = shifted - era * 146097;
  std::int64_t yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  std::int64_t dayOfYear =
      dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  std::int64_t monthFromMarch = (5 * dayOfYear + 2) / 153;
  civil.day =
      static_cast<unsigned>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
  civil.month = static_cast<unsigned>(monthFromMarch < 10 ? monthFromMarch + 3
                                                          : monthFromMarch - 9);
  civil.year = yearOfEra + era * 400 + (civil.month <= 2 ? 1 : 0);
}

std::int64_t floorDivide(std::int64_t value, std::int64_t divisor) {
  std::int64_t quotient = value / divisor;
  return value % divisor < 0 ? quotient - 1 : quotient;
}

CivilTime toCivil(UtcTime time) {
  CivilTime civil;
  std::int64_t days = floorDivide(time.seconds, SecondsPerDay);
  std::int64_t secondOfDay = time.seconds - days * SecondsPerDay;
  civilFromDays(days, civil);
  civil.hour = static_cast<unsigned>(secondOfDay / 3600);
  civil.minute = static_cast<unsigned>(secondOfDay / 60 % 60);
  civil.second = static_cast<unsigned>(secondOfDay % 60);
  civil.microsecond = time.microseconds;
  return civil;
}

/// The first and one past the last second of years 1 to 9999.
constexpr std::int64_t earliestSecond() { return -62135596800; }
constexpr std::int64_t latestSecond() { return 253402300800 - 1; }

/// A cursor over a time stamp that reads fixed-width numbers.
class Scanner {
public:
  explicit Scanner(std::string_view text) : text(text) {}

  bool atEnd() const { return pos == text.size(); }
  char peek() const { return atEnd() ? '\0' : text[pos]; }
  bool consume(char c) {
    if (peek() != c)
      return false;
    ++pos;
    return true;
  }
  /// Reads up to \p maxDigits (at least \p minDigits) decimal digits.
  std::optional<std::int64_t> digits(std::size_t minDigits,
                                     std::size_t maxDigits,
                                     std::size_t *count = nullptr) {
    std::int64_t value = 0;
    std::size_t read = 0;
    while (read < maxDigits && !atEnd() && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (text[pos] - '0');
      ++pos;
      ++read;
    }
    if (read < minDigits)
      return std::nullopt;
    if (count)
      *count = read;
    return value;
  }
  void skipDigits() {
    while (!atEnd() && peek() >= '0' && peek() <= '9')
      ++pos;
  }

private:
  std::string_view text;
  std::size_t pos = 0;
};

/// Reads `[.fraction]` into microseconds (digits past the sixth are
/// dropped).
bool scanFraction(Scanner &scanner, std::int32_t &microseconds) {
  if (!scanner.consume('.') && !scanner.consume(','))
    return true;
  std::size_t count = 0;
  std::optional<std::int64_t> fraction = scanner.digits(1, 6, &count);
  if (!fraction)
    return false;
  for (std::size_t i = count; i < 6; ++i)
    *fraction *= 10;
  microseconds = static_cast<std::int32_t>(*fraction);
  scanner.skipDigits(); // finer digits are beyond microsecond precision
  return true;
}

/// Reads `[:MM[:SS[.fraction]]]` after the hour.
bool scanMinutesAndSeconds(Scanner &scanner, CivilTime &civil) {
  if (!scanner.consume(':'))
    return true;
  std::optional<std::int64_t> minute = scanner.digits(2, 2);
  if (!minute || *minute > 59)
    return false;
  civil.minute = static_cast<unsigned>(*minute);
  if (!scanner.consume(':'))
    return true;
  std::optional<std::int64_t> second = scanner.digits(2, 2);
  if (!second || *second > 59)
    return false;
  civil.second = static_cast<unsigned>(*second);
  return scanFraction(scanner, civil.microsecond);
}

/// Reads the zone designator (none, `Z`, `+HH:MM`, `-HHMM`, `+HH`) as the
/// offset east of UTC in seconds; the scanner must then be at the end.
std::optional<std::int64_t> scanZone(Scanner &scanner) {
  if (scanner.atEnd())
    return 0;
  if (scanner.consume('Z') || scanner.consume('z'))
    return scanner.atEnd() ? std::optional<std::int64_t>(0) : std::nullopt;
  int sign = scanner.consume('+') ? 1 : scanner.consume('-') ? -1 : 0;
  if (sign == 0)
    return std::nullopt;
  std::optional<std::int64_t> hours = scanner.digits(2, 2);
  if (!hours || *hours > 23)
    return std::nullopt;
  std::int64_t minutes = 0;
  bool colon = scanner.consume(':');
  if (colon || !scanner.atEnd()) {
    std::optional<std::int64_t> read = scanner.digits(2, 2);
    if (!read || *read > 59)
      return std::nullopt;
    minutes = *read;
  }
  if (!scanner.atEnd())
    return std::nullopt;
  return sign * (*hours * 3600 + minutes * 60);
}

std::optional<CivilTime> scanDate(Scanner &scanner) {
  CivilTime civil;
  std::optional<std::int64_t> year = scanner.digits(4, 4);
  if (!year || *year < 1 || !scanner.consume('-'))
    return std::nullopt;
  std::optional<std::int64_t> month = scanner.digits(2, 2);
  if (!month || *month < 1 || *month > 12 || !scanner.consume('-'))
    return std::nullopt;
  std::optional<std::int64_t> day = scanner.digits(2, 2);
  if (!day || *day < 1 ||
      *day > daysInMonth(*year, static_cast<unsigned>(*month)))
    return std::nullopt;
  civil.year = *year;
  civil.month = static_cast<unsigned>(*month);
  civil.day = static_cast<unsigned>(*day);
  return civil;
}

std::string padded(std::int64_t value, int width) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (static_cast<int>(digits.size()) < width)
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return value < 0 ? "-" + digits : digits;
}

unsigned dayOfYear(const CivilTime &civil) {
  return static_cast<unsigned>(
      daysFromCivil(civil.year, civil.month, civil.day) -
      daysFromCivil(civil.year, 1, 1) + 1);
}

/// 0 for Sunday; 1970-01-01 was a Thursday.
unsigned weekday(const CivilTime &civil) {
  std::int64_t days = daysFromCivil(civil.year, civil.month, civil.day);
  return static_cast<unsigned>(((days + 4) % 7 + 7) % 7);
}

/// Expands a directive about the date, or returns std::nullopt.
std::optional<std::string> expandDateDirective(char letter,
                                               const CivilTime &civil) {
  switch (letter) {
  case 'Y':
    return padded(civil.year, 4);
  case 'm':
    return padded(civil.month, 2);
  case 'd':
    return padded(civil.day, 2);
  case 'y':
    return padded(civil.year % 100, 2);
  case 'j':
    return padded(dayOfYear(civil), 3);
  case 'a':
    return std::string(WeekdayNames[weekday(civil)].substr(0, 3));
  case 'A':
    return std::string(WeekdayNames[weekday(civil)]);
  case 'b':
    return std::string(MonthNames[civil.month - 1].substr(0, 3));
  case 'B':
    return std::string(MonthNames[civil.month - 1]);
  case 'w':
    return std::to_string(weekday(civil));
  case 'u':
    return std::to_string(weekday(civil) == 0 ? 7 : weekday(civil));
  case 'F':
    return padded(civil.year, 4) + "-" + padded(civil.month, 2) + "-" +
           padded(civil.day, 2);
  default:
    return std::nullopt;
  }
}

/// Expands a directive about the time of day or the zone, or returns
/// std::nullopt.
std::optional<std::string> expandTimeDirective(char letter,
                                               const CivilTime &civil) {
  switch (letter) {
  case 'H':
    return padded(civil.hour, 2);
  case 'M':
    return padded(civil.minute, 2);
  case 'S':
    return padded(civil.second, 2);
  case 'f':
    return padded(civil.microsecond, 6);
  case 'p':
    return std::string(civil.hour < 12 ? "AM" : "PM");
  case 'I':
    return padded(civil.hour % 12 == 0 ? 12 : civil.hour % 12, 2);
  case 'T':
    return padded(civil.hour, 2) + ":" + padded(civil.minute, 2) + ":" +
           padded(civil.second, 2);
  case 'Z':
    return std::string("UTC");
  case 'z':
    return std::string("+0000");
  case '%':
    return std::string("%");
  default:
    return std::nullopt;
  }
}

/// Expands one directive letter, or returns std::nullopt if unsupported.
std::optional<std::string> expandDirective(char letter,
                                           const CivilTime &civil) {
  if (std::optional<std::string> date = expandDateDirective(letter, civil))
    return date;
  return expandTimeDirective(letter, civil);
}

} // namespace

std::optional<UtcTime> parseUtcTime(std::string_view text) {
  Scanner scanner(text);
  std::optional<CivilTime> civil = scanDate(scanner);
  if (!civil)
    return std::nullopt;
  if (scanner.consume('T') || scanner.consume('t') || scanner.consume(' ')) {
    std::optional<std::int64_t> hour = scanner.digits(2, 2);
    if (!hour || *hour > 23)
      return std::nullopt;
    civil->hour = static_cast<unsigned>(*hour);
    if (!scanMinutesAndSeconds(scanner, *civil))
      return std::nullopt;
  }
  std::optional<std::int64_t> offset = scanZone(scanner);
  if (!offset)
    return std::nullopt;
  UtcTime time;
  time.seconds =
      daysFromCivil(civil->year, civil->month, civil->day) * SecondsPerDay +
      civil->hour * 3600 + civil->minute * 60 + civil->second - *offset;
  time.microseconds = civil->microsecond;
  if (time.seconds < earliestSecond() || time.seconds > latestSecond())
    return std::nullopt;
  return time;
}

std::optional<std::int64_t> parseTimeOfDay(std::string_view text) {
  Scanner scanner(text);
  std::optional<std::int64_t> hour = scanner.digits(1, 2);
  if (!hour || *hour > 23 || !scanner.consume(':'))
    return std::nullopt;
  std::optional<std::int64_t> minute = scanner.digits(2, 2);
  if (!minute || *minute > 59)
    return std::nullopt;
  std::int64_t second = 0;
  if (scanner.consume(':')) {
    std::optional<std::int64_t> read = scanner.digits(2, 2);
    if (!read || *read > 59)
      return std::nullopt;
    second = *read;
  }
  if (!scanner.consume('Z'))
    scanner.consume('z');
  if (!scanner.atEnd())
    return std::nullopt;
  return *hour * 3600 + *minute * 60 + second;
}

Outcome<std::string> formatTime(UtcTime time, std::string_view format) {
  CivilTime civil = toCivil(time);
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    if (i + 1 == format.size())
      return fail("the format ends with a lone %");
    char letter = format[++i];
    std::optional<std::string> expansion = expandDirective(letter, civil);
    if (!expansion)
      return fail("unsupported directive %" + std::string(1, letter) +
                  " in the format");
    out += *expansion;
  }
  return out;
}

std::string toIsoString(UtcTime time) {
  CivilTime civil = toCivil(time);
  return padded(civil.year, 4) + "-" + padded(civil.month, 2) + "-" +
         padded(civil.day, 2) + "T" + padded(civil.hour, 2) + ":" +
         padded(civil.minute, 2) + ":" + padded(civil.second, 2) + "Z";
}

std::optional<UtcTime> addMicroseconds(UtcTime time,
                                       std::int64_t microseconds) {
  std::int64_t carrySeconds = floorDivide(microseconds, MicrosPerSecond);
  std::int64_t micros =
      time.microseconds + (microseconds - carrySeconds * MicrosPerSecond);
  if (micros >= MicrosPerSecond) {
    micros -= MicrosPerSecond;
    ++carrySeconds;
  }
  // Checked before adding so that an absurd amount cannot overflow.
  if (carrySeconds > latestSecond() - time.seconds ||
      carrySeconds < earliestSecond() - time.seconds)
    return std::nullopt;
  return UtcTime{time.seconds + carrySeconds,
                 static_cast<std::int32_t>(micros)};
}

UtcTime fromTimePoint(std::chrono::system_clock::time_point point) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    point.time_since_epoch())
                    .count();
  std::int64_t seconds = floorDivide(micros, MicrosPerSecond);
  return UtcTime{seconds,
                 static_cast<std::int32_t>(micros - seconds * MicrosPerSecond)};
}

} // namespace oosc::runtime::functions
