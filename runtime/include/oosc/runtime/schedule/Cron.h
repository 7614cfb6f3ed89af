//===- schedule/Cron.h - OOS cron expressions --------------------------------===//
//
// The cron dialect of OOS timer triggers (help: "Configure cron
// expressions"): six fields, seconds first,
//
//   seconds minutes hours day-of-month month day-of-week
//
// each a list of `*`, a value, a range `a-b`, or a step `*/n`, `a/n`,
// `a-b/n`; months may be JAN-DEC and days of the week SUN-SAT (1 is
// Sunday, 7 Saturday), in any case. `?` (no constraint) stands alone in
// day-of-month or day-of-week, `L` in day-of-month is the month's last day.
// `*` and `?` both leave the day free; a day-of-month and a day-of-week that
// both restrict the day are refused rather than guessed at (classic cron
// takes either, Quartz refuses them).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/schedule/Calendar.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::runtime::schedule {

struct CronExpression {
  std::string text;
  /// Bit n set: the value n matches.
  std::uint64_t seconds = 0, minutes = 0, hours = 0, daysOfMonth = 0, months = 0, daysOfWeek = 0;
  bool lastDayOfMonth = false; ///< `L`
  bool anyDayOfMonth = true, anyDayOfWeek = true; ///< `*` or `?`

  bool matchesDay(const CivilTime &date) const;
};

/// Parses \p text; the error quotes the expression and names the field and
/// the part of it that is wrong.
Outcome<CronExpression> parseCron(std::string_view text);

/// The first time strictly after \p after that \p cron matches, looking at
/// most \p years ahead (a 29th of February can be eight years away).
std::optional<CivilTime> nextCronTime(const CronExpression &cron, const CivilTime &after,
                                      unsigned years = 9);

} // namespace oosc::runtime::schedule
