//===- schedule/Cron.cpp ------------------------------------------------------===//
#include "oosc/runtime/schedule/Cron.h"

#include "text/MessageText.h"

#include <array>
#include <cctype>
#include <vector>

namespace oosc::runtime::schedule {
namespace {

/// What one of the six fields accepts.
struct FieldSpec {
  std::string_view name;
  unsigned min, max;
  const std::array<std::string_view, 12> *names; ///< names[i] is the value min + i
  bool dayField;                                 ///< `?` allowed
};

constexpr std::array<std::string_view, 12> kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                          "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<std::string_view, 12> kDayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

constexpr FieldSpec kFields[6] = {
    {"seconds", 0, 59, nullptr, false},     {"minutes", 0, 59, nullptr, false},
    {"hours", 0, 23, nullptr, false},       {"day-of-month", 1, 31, nullptr, true},
    {"month", 1, 12, &kMonthNames, false},  {"day-of-week", 1, 7, &kDayNames, true},
};

std::string upper(std::string_view text) {
  std::string result(text);
  for (char &c : result)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return result;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t at = 0; at <= text.size(); ++at)
    if (at == text.size() || text[at] == separator) {
      parts.push_back(text.substr(start, at - start));
      start = at + 1;
    }
  return parts;
}

/// Parses one field, filling \p bits; errors say what is wrong with which part.
class FieldParser {
public:
  FieldParser(const FieldSpec &spec, std::string_view field) : spec_(spec), field_(field) {}

  std::optional<std::string> parse(std::uint64_t &bits, bool &any, bool &last) {
    if (field_ == "?") {
      if (!spec_.dayField)
        return problem(field_, "'?' is only allowed in day-of-month and day-of-week");
      any = true;
      return std::nullopt;
    }
    any = field_ == "*";
    for (std::string_view item : split(field_, ',')) {
      if (item == "L" && spec_.name == "day-of-month") {
        last = true;
        continue;
      }
      if (auto error = parseItem(item, bits))
        return error;
    }
    return std::nullopt;
  }

private:
  std::optional<std::string> parseItem(std::string_view item, std::uint64_t &bits) {
    if (item.empty())
      return problem(field_, "an empty item in a list");
    unsigned from = spec_.min, to = spec_.max, step = 1;
    std::string_view range = item;
    if (size_t slash = item.find('/'); slash != std::string_view::npos) {
      range = item.substr(0, slash);
      auto stepValue = number(item.substr(slash + 1));
      if (!stepValue || *stepValue == 0)
        return problem(item, "the step after '/' must be a positive number");
      step = *stepValue;
    }
    if (range != "*") {
      size_t dash = range.find('-');
      auto first = value(range.substr(0, dash));
      if (!first)
        return problem(item, valueError(range.substr(0, dash)));
      from = to = *first;
      if (dash != std::string_view::npos) {
        auto second = value(range.substr(dash + 1));
        if (!second)
          return problem(item, valueError(range.substr(dash + 1)));
        to = *second;
        if (to < from)
          return problem(item, "the range runs backwards");
      } else if (range.size() != item.size()) {
        to = spec_.max; // `a/n`: from a to the end of the field
      }
    }
    for (unsigned v = from; v <= to; v += step)
      bits |= std::uint64_t(1) << v;
    return std::nullopt;
  }

  static std::optional<unsigned> number(std::string_view text) {
    if (text.empty() || text.size() > 4)
      return std::nullopt;
    unsigned result = 0;
    for (char c : text) {
      if (c < '0' || c > '9')
        return std::nullopt;
      result = result * 10 + static_cast<unsigned>(c - '0');
    }
    return result;
  }

  std::optional<unsigned> value(std::string_view text) const {
    std::optional<unsigned> result = number(text);
    if (!result && spec_.names) {
      std::string name = upper(text);
      for (size_t i = 0; i < spec_.names->size(); ++i)
        if (!(*spec_.names)[i].empty() && (*spec_.names)[i] == name)
          result = spec_.min + static_cast<unsigned>(i);
    }
    if (result && (*result < spec_.min || *result > spec_.max))
      return std::nullopt;
    return result;
  }

  std::string valueError(std::string_view text) const {
    std::string expected = std::to_string(spec_.min) + " to " + std::to_string(spec_.max);
    if (spec_.names == &kMonthNames)
      expected += " or JAN to DEC";
    else if (spec_.names == &kDayNames)
      expected += " (1 is Sunday) or SUN to SAT";
    return text::quoteCut(text) + " is not a value of " + std::string(spec_.name) + ": expected " +
           expected;
  }

  std::string problem(std::string_view part, const std::string &why) const {
    return std::string(spec_.name) + " " + text::quoteCut(part) + ": " + why;
  }

  const FieldSpec &spec_;
  std::string_view field_;
};

bool has(std::uint64_t bits, unsigned value) { return (bits >> value) & 1; }

/// The first time of day at or after h:m:s that the cron's clock fields match.
std::optional<CivilTime> firstTimeOfDay(const CronExpression &cron, CivilTime day) {
  unsigned h0 = day.hour, m0 = day.minute, s0 = day.second;
  for (unsigned h = h0; h < 24; ++h) {
    if (!has(cron.hours, h))
      continue;
    for (unsigned m = h == h0 ? m0 : 0; m < 60; ++m) {
      if (!has(cron.minutes, m))
        continue;
      for (unsigned s = h == h0 && m == m0 ? s0 : 0; s < 60; ++s)
        if (has(cron.seconds, s)) {
          day.hour = h, day.minute = m, day.second = s;
          return day;
        }
    }
  }
  return std::nullopt;
}

} // namespace

bool CronExpression::matchesDay(const CivilTime &date) const {
  if (!has(months, date.month))
    return false;
  if (!anyDayOfMonth) {
    bool last = lastDayOfMonth && date.day == daysInMonth(date.year, date.month);
    return last || has(daysOfMonth, date.day);
  }
  return anyDayOfWeek || has(daysOfWeek, dayOfWeek(date));
}

Outcome<CronExpression> parseCron(std::string_view text) {
  CronExpression cron;
  cron.text = std::string(text);
  std::vector<std::string_view> fields;
  for (std::string_view part : split(text, ' '))
    if (!part.empty())
      fields.push_back(part);
  auto refuse = [&](const std::string &why) {
    return fail("cron " + text::quoteCut(cron.text) + ": " + why);
  };
  if (fields.size() != 6)
    return refuse("expected 6 fields (seconds minutes hours day-of-month month day-of-week), found " +
                  std::to_string(fields.size()));
  std::uint64_t *bits[6] = {&cron.seconds,     &cron.minutes, &cron.hours,
                            &cron.daysOfMonth, &cron.months,  &cron.daysOfWeek};
  bool unusedAny = false, unusedLast = false;
  for (size_t i = 0; i < 6; ++i) {
    bool &any = i == 3 ? cron.anyDayOfMonth : i == 5 ? cron.anyDayOfWeek : unusedAny;
    bool &last = i == 3 ? cron.lastDayOfMonth : unusedLast;
    if (auto error = FieldParser(kFields[i], fields[i]).parse(*bits[i], any, last))
      return refuse(*error);
  }
  if (!cron.anyDayOfMonth && !cron.anyDayOfWeek)
    return refuse("day-of-month " + text::quoteCut(fields[3]) + " and day-of-week " +
                  text::quoteCut(fields[5]) + " both restrict the day; write '?' in one of them");
  return cron;
}

std::optional<CivilTime> nextCronTime(const CronExpression &cron, const CivilTime &after,
                                      unsigned years) {
  std::int64_t next = toSeconds(after) + 1;
  CivilTime candidate = toCivil(next);
  std::int64_t days = static_cast<std::int64_t>(years) * 366;
  for (std::int64_t i = 0; i <= days; ++i) {
    if (cron.matchesDay(candidate))
      if (auto time = firstTimeOfDay(cron, candidate))
        return time;
    candidate = toCivil((daysFromDate(candidate.year, candidate.month, candidate.day) + 1) * 86400);
  }
  return std::nullopt;
}

} // namespace oosc::runtime::schedule
