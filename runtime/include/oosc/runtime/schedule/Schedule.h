//===- schedule/Schedule.h - When an ACS::TimerTrigger fires ---------------===//
//
// A TimerTrigger's properties made into firing times: `cron` (Cron.h) read
// in the TimeZone, `rate` ("30 minutes", "1 hour", "2 days") counted from
// StartDate (or from when the trigger starts), `at` one date-time. Firings
// fall between StartDate and EndDate, both included. Times are whole
// seconds since the Unix epoch, UTC.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/schedule/Cron.h"
#include "oosc/runtime/schedule/TimeZone.h"

#include <cstdint>
#include <optional>
#include <string>

namespace oosc::runtime::schedule {

/// The TimerTrigger properties as the template gives them (already
/// evaluated): empty strings for properties not given.
struct ScheduleSpec {
  std::string type;       ///< cron, rate or at (any case)
  std::string expression;
  std::string timeZone;   ///< empty: UTC
  std::string startDate;  ///< empty: when the trigger starts
  std::string endDate;    ///< required
};

class Schedule {
public:
  enum class Kind { Cron, Rate, At };

  /// Checks and resolves \p spec; \p now (the trigger's start) anchors a
  /// rate without StartDate. Errors name the property and what is wrong.
  static Outcome<Schedule> make(const ScheduleSpec &spec, std::int64_t now,
                                const std::string &zoneinfoDir = kSystemZoneinfo);

  /// The first firing strictly after \p time, if one comes before the end.
  std::optional<std::int64_t> firingAfter(std::int64_t time) const;

  Kind kind() const { return kind_; }
  std::int64_t start() const { return start_; }
  std::int64_t end() const { return end_; }
  const ScheduleSpec &spec() const { return spec_; }
  /// "cron '0 0 2 21-25 * ?' in Asia/Shanghai", for progress lines.
  std::string describe() const;

private:
  std::optional<std::int64_t> cronFiringAfter(std::int64_t time) const;

  ScheduleSpec spec_;
  Kind kind_ = Kind::At;
  CronExpression cron_;
  std::int64_t rateSeconds_ = 0;
  std::int64_t at_ = 0;
  TimeZone zone_;
  std::int64_t start_ = 0, end_ = 0;
};

/// "30 minutes", "1 hour", "2 days" as seconds.
Outcome<std::int64_t> parseRate(std::string_view text);

} // namespace oosc::runtime::schedule
