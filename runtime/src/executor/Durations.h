//===- Durations.h - ACS::Sleep's durations --------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"

#include <chrono>
#include <string_view>

namespace oosc::runtime {

/// ISO 8601 durations (`PT1H2M`, `P1DT2H`) and OOS's short forms (`1H2M`,
/// `30s`, `4m`), case-insensitive.
Outcome<std::chrono::milliseconds> parseDuration(std::string_view text);

} // namespace oosc::runtime
