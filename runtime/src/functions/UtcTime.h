//===- functions/UtcTime.h - UTC time stamps for the time built-ins
//--------===//
//
// Private to runtime/src/functions: parsing and strftime-style formatting of
// UTC time stamps, in plain arithmetic so that results never depend on the
// host's time zone or locale.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::runtime::functions {

/// Seconds in a day; OOS ignores leap seconds, as POSIX time does.
constexpr std::int64_t SecondsPerDay = 86400;

/// An instant: whole seconds since 1970-01-01T00:00:00Z plus a fraction.
struct UtcTime {
  std::int64_t seconds = 0;
  std::int32_t microseconds = 0; ///< 0 to 999999
};

/// Parses a UTC time stamp as OOS writes them: `2024-01-02T03:04:05Z`, and
/// the shorter forms that Fn::FormatUTCTime produces from it (`...T03:04Z`,
/// `...T03Z`, `2024-01-02`). Fractions of a second, a space or lower-case
/// `t` before the time, a missing `Z`, and offsets (`+08:00`, `-0130`)
/// are accepted; offsets are converted to UTC. Years run from 1 to 9999.
std::optional<UtcTime> parseUtcTime(std::string_view text);

/// A time of day `HH:MM` or `HH:MM:SS`, optionally followed by `Z`, as
/// seconds since midnight.
std::optional<std::int64_t> parseTimeOfDay(std::string_view text);

/// \p time in \p format, strftime style: %Y %m %d %H %M %S %f %y %j %a %A
/// %b %B %p %I %w %u %Z (UTC) %z (+0000) %F %T %%. Any other directive fails
/// with a message naming it (no function prefix).
Outcome<std::string> formatTime(UtcTime time, std::string_view format);

/// \p time as `YYYY-MM-DDTHH:MM:SSZ`, the form OOS time functions return.
std::string toIsoString(UtcTime time);

/// Adds \p microseconds, or returns std::nullopt if the result leaves the
/// years 1 to 9999.
std::optional<UtcTime> addMicroseconds(UtcTime time, std::int64_t microseconds);

/// The instant of a system clock reading, truncated to microseconds.
UtcTime fromTimePoint(std::chrono::system_clock::time_point point);

} // namespace oosc::runtime::functions
