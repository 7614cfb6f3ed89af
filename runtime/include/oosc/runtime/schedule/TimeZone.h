//===- schedule/TimeZone.h - UTC offsets of a named time zone -------------===//
//
// TimerTrigger's TimeZone (an IANA name such as Asia/Shanghai; UTC by
// default) says in which local time a cron expression and a date-only
// StartDate or EndDate are read. A zone is loaded once from the system's tz
// database (TZif files under /usr/share/zoneinfo) and then answered as a
// pure function of the instant: no TZ variable, no localtime_r, so nothing
// process-wide changes and threads do not matter.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::runtime::schedule {

/// Where Debian (and most Unix systems) keep the tz database.
inline constexpr const char *kSystemZoneinfo = "/usr/share/zoneinfo";

class TimeZone {
public:
  /// UTC.
  TimeZone() = default;

  /// `UTC`, `GMT`, a fixed offset (`UTC+8`, `GMT-05:30`, `+08:00`), or an
  /// IANA name read from \p zoneinfoDir. The error names the zone and says
  /// what is wrong with it.
  static Outcome<TimeZone> load(std::string_view name, const std::string &zoneinfoDir = kSystemZoneinfo);

  const std::string &name() const { return name_; }

  /// Seconds east of UTC in force at the UTC instant \p utc.
  std::int64_t offsetAt(std::int64_t utc) const;
  std::int64_t toLocal(std::int64_t utc) const { return utc + offsetAt(utc); }

  /// The UTC instants at which clocks in the zone read \p local (seconds
  /// since 1970-01-01T00:00:00 local): none in a gap when clocks jump
  /// forward, two in the hour repeated when they go back, earliest first.
  std::vector<std::int64_t> fromLocal(std::int64_t local) const;

private:
  struct Period {
    std::int64_t from; ///< UTC instant the offset starts at
    std::int64_t offset;
  };

  std::string name_ = "UTC";
  std::int64_t initialOffset_ = 0; ///< before the first period
  std::vector<Period> periods_;    ///< ordered by `from`

  friend Outcome<TimeZone> parseTzif(std::string_view name, std::string_view data);
};

/// Reads a TZif file's contents (RFC 8536, versions 1 to 4). Exact up to the
/// file's last transition; after it, the footer's standard offset when the
/// footer has no daylight saving rule, else the last transition's offset
/// (Debian's files list transitions up to 2037).
Outcome<TimeZone> parseTzif(std::string_view name, std::string_view data);

} // namespace oosc::runtime::schedule
