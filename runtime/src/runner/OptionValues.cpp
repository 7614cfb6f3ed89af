//===- runner/OptionValues.cpp ----------------------------------------------===//
#include "oosc/runtime/OptionValues.h"

#include "files/Files.h"
#include "text/MessageText.h"
#include "oosc/runtime/Clock.h"
#include "oosc/runtime/schedule/Calendar.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace oosc::runtime {
namespace {

std::string shown(const std::string &text) { return text::quoteCut(text); }

/// The whole of \p text as a finite number.
std::optional<double> parseFiniteNumber(std::string_view text) {
  if (text.empty() || text.size() > 64)
    return std::nullopt;
  std::string copy(text);
  char *end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

} // namespace

std::optional<std::int64_t> parseIntegerIn(std::string_view text, std::int64_t min, std::int64_t max) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value < min ||
      value > max)
    return std::nullopt;
  return value;
}

Checked<std::chrono::milliseconds> parseLatency(const std::string &text) {
  auto millis = parseIntegerIn(text, 0, MaxLatencyMillis);
  if (!millis)
    return "--latency takes whole milliseconds from 0 to " + std::to_string(MaxLatencyMillis) +
           " (an hour), not " + shown(text);
  return std::chrono::milliseconds(*millis);
}

std::optional<std::chrono::seconds> parseSpan(const std::string &text) {
  std::int64_t unit = 1;
  std::string digits = text;
  if (!digits.empty() && !std::isdigit(static_cast<unsigned char>(digits.back()))) {
    switch (digits.back()) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    default: return std::nullopt;
    }
    digits.pop_back();
  }
  auto count = parseIntegerIn(digits, 1, MaxListenSeconds / unit);
  if (!count)
    return std::nullopt;
  return std::chrono::seconds(*count * unit);
}

Checked<Value> parseJsonObjectArgument(const std::string &option, const std::string &text,
                                       const std::string &whatItHolds) {
  std::string json = text;
  if (!json.empty() && json[0] == '@') {
    std::string path = json.substr(1);
    auto read = files::readBounded(path, {option + " file", false});
    if (!read)
      return read.error().message;
    if (!read.value())
      return "cannot read " + option + " file " + shown(path) + ": it does not exist";
    json = std::move(*read.value());
  }
  JsonParseError error;
  auto object = parseJson(json, &error);
  if (!object)
    return option + ": " + error.message + " at offset " + std::to_string(error.offset);
  if (!object->isMap())
    return option + " takes a JSON object (" + whatItHolds + "), not " + shown(text);
  return std::move(*object);
}

Checked<Value> parseEvent(const std::string &text) {
  return parseJsonObjectArgument("--event", text, "the event as OOS hands it to the trigger");
}

Checked<FaultRule> parseFault(const std::string &text) {
  const std::string usage = "--fail takes SERVICE.API[:CODE][@N|~P] (N a call from 1 to " +
                            std::to_string(MaxCount) + ", P a probability above 0 and at most 1)";
  FaultRule rule;
  std::string rest = text;
  if (size_t at = rest.find('@'); at != std::string::npos) {
    auto nth = parseIntegerIn(std::string_view(rest).substr(at + 1), 1, MaxCount);
    if (!nth)
      return usage + ", not " + shown(text);
    rule.nthCall = static_cast<unsigned>(*nth);
    rest = rest.substr(0, at);
  } else if (size_t tilde = rest.find('~'); tilde != std::string::npos) {
    auto probability = parseFiniteNumber(std::string_view(rest).substr(tilde + 1));
    if (!probability || *probability <= 0 || *probability > 1)
      return usage + ", not " + shown(text);
    rule.probability = *probability;
    rest = rest.substr(0, tilde);
  } else {
    rule.probability = 1.0;
  }
  if (size_t colon = rest.find(':'); colon != std::string::npos) {
    rule.code = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
  }
  size_t dot = rest.find('.');
  if (dot == std::string::npos || rule.code.empty())
    return usage + ", not " + shown(text);
  rule.service = rest.substr(0, dot);
  rule.api = rest.substr(dot + 1);
  rule.message = "injected by --fail " + text;
  return rule;
}

Checked<KillPoint> parseKillAfter(const std::string &text) {
  size_t colon = text.find(':');
  std::string site = text.substr(0, colon);
  auto count = colon == std::string::npos
                   ? std::nullopt
                   : parseIntegerIn(std::string_view(text).substr(colon + 1), 1, MaxCount);
  if (!count || (site != "call" && site != "record"))
    return "--kill-after takes call:N or record:N (N from 1 to " + std::to_string(MaxCount) +
           "), not " + shown(text);
  return KillPoint{site == "call", static_cast<unsigned>(*count)};
}

Checked<std::chrono::system_clock::time_point> parseNow(const std::string &text) {
  std::string range = formatUtc(EarliestStartMillis) + " to " + formatUtc(LatestStartMillis);
  auto date = schedule::parseDateText(text);
  if (!date || (!date->offsetSeconds && text.size() > 10))
    return "--now takes a time such as 2026-11-21T00:00:00Z (or 2026-11-21T08:00:00+08:00), from " +
           range + ", not " + shown(text);
  // Years are four digits, so this cannot overflow; the range is the clock's.
  std::int64_t seconds = schedule::toSeconds(date->civil) - date->offsetSeconds.value_or(0);
  if (seconds < EarliestStartMillis / 1000 || seconds > LatestStartMillis / 1000)
    return "--now must be from " + range + " (the times a runner's clock holds), not " + shown(text);
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

} // namespace oosc::runtime
