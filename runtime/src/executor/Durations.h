//===- Durations.h - ACS::Sleep's durations --------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"

#include <chrono>
#include <cstdint>
#include <string_view>

namespace oosc::runtime {

/// The longest duration a runner accepts, in seconds: a year. A longer wait
/// is surely a mistake, and the bound keeps every duration far inside what
/// the clocks' arithmetic holds (std::chrono's nanoseconds reach 292 years).
inline constexpr std::int64_t kMaxDurationSeconds = 365 * 86400;

/// ISO 8601 durations (`PT1H2M`, `P1DT2H`) and OOS's short forms (`1H2M`,
/// `30s`, `4m`), case-insensitive, from 0 to kMaxDurationSeconds.
Outcome<std::chrono::milliseconds> parseDuration(std::string_view text);

} // namespace oosc::runtime
