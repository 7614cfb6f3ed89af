//===- OptionValues.h - Simulator and runner option values, checked -------===//
//
// Every number a person gives a runner (or `oosc sim serve`) is checked against its range before
// it reaches arithmetic (a latency of 2^63 ms, a probability of NaN, a time
// past what the clock holds), and the error names the option and the range.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Simulator.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace oosc::runtime {

/// A value, or the message saying what is wrong with the text.
template <typename T> using Checked = std::variant<T, std::string>;

/// The whole of \p text as a decimal integer within [min, max].
std::optional<std::int64_t> parseIntegerIn(std::string_view text, std::int64_t min, std::int64_t max);

/// The longest simulated latency of one call: an hour.
constexpr std::int64_t MaxLatencyMillis = 3'600'000;
/// The highest call or record count --fail @N and --kill-after take.
constexpr std::int64_t MaxCount = 1'000'000'000;

/// --latency MS.
Checked<std::chrono::milliseconds> parseLatency(const std::string &text);
/// --fail SERVICE.API[:CODE][@N|~P].
Checked<FaultRule> parseFault(const std::string &text);
/// --kill-after call:N or record:N: which one, and N.
struct KillPoint {
  bool afterCall = true;
  unsigned count = 0;
};
Checked<KillPoint> parseKillAfter(const std::string &text);
/// The longest --listen-for: ten years.
constexpr std::int64_t MaxListenSeconds = 10LL * 366 * 86400;
/// --listen-for: whole seconds, or a number with s, m, h or d.
std::optional<std::chrono::seconds> parseSpan(const std::string &text);
/// The JSON object an \p option takes, written out or as @FILE; \p whatItHolds
/// completes the error for a value that is not an object.
Checked<Value> parseJsonObjectArgument(const std::string &option, const std::string &text,
                                       const std::string &whatItHolds);
/// --event: a JSON object, or @FILE holding one.
Checked<Value> parseEvent(const std::string &text);
/// --now: a time stamp with its zone (Z, +08:00) or a UTC date, within the
/// clock's range (EarliestStartMillis to LatestStartMillis).
Checked<std::chrono::system_clock::time_point> parseNow(const std::string &text);

} // namespace oosc::runtime
