//===- schedule/TimeZone.cpp ------------------------------------------------===//
#include "oosc/runtime/schedule/TimeZone.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <sstream>

namespace oosc::runtime::schedule {
namespace {

constexpr std::int64_t kDay = 86400;

/// Big-endian integers, as TZif stores them.
std::int64_t readSigned(std::string_view data, size_t at, size_t bytes) {
  std::uint64_t value = 0;
  for (size_t i = 0; i < bytes; ++i)
    value = value << 8 | static_cast<unsigned char>(data[at + i]);
  if (bytes < 8 && (value >> (bytes * 8 - 1)) != 0) // sign-extend
    value |= ~std::uint64_t(0) << (bytes * 8);
  return static_cast<std::int64_t>(value);
}

struct TzifCounts {
  std::uint32_t isUtc, isStd, leaps, times, types, chars;

  /// Bytes of the data block that follows the header, with \p timeBytes
  /// wide transition times (4 in version 1, 8 after).
  size_t dataSize(size_t timeBytes) const {
    return size_t(times) * (timeBytes + 1) + size_t(types) * 6 + chars +
           size_t(leaps) * (timeBytes + 4) + isStd + isUtc;
  }
};

constexpr size_t kHeaderSize = 44;

std::optional<TzifCounts> readHeader(std::string_view data, size_t at) {
  if (data.size() < at + kHeaderSize || data.substr(at, 4) != "TZif")
    return std::nullopt;
  auto count = [&](size_t index) {
    return static_cast<std::uint32_t>(readSigned(data, at + 20 + 4 * index, 4));
  };
  return TzifCounts{count(0), count(1), count(2), count(3), count(4), count(5)};
}

/// The standard offset of a POSIX TZ string ("CST-8", "<+08>-8": POSIX
/// counts hours west, so -8 is UTC+8), and whether a daylight saving rule
/// follows it.
std::optional<std::pair<std::int64_t, bool>> parsePosixStandard(std::string_view rule) {
  size_t at = 0;
  if (!rule.empty() && rule[0] == '<') {
    at = rule.find('>');
    if (at == std::string_view::npos)
      return std::nullopt;
    ++at;
  } else {
    while (at < rule.size() && std::isalpha(static_cast<unsigned char>(rule[at])))
      ++at;
  }
  int sign = 1;
  if (at < rule.size() && (rule[at] == '+' || rule[at] == '-'))
    sign = rule[at++] == '-' ? -1 : 1;
  auto number = [&]() -> std::optional<std::int64_t> {
    size_t start = at;
    std::int64_t value = 0;
    while (at < rule.size() && std::isdigit(static_cast<unsigned char>(rule[at])))
      value = value * 10 + (rule[at++] - '0');
    return at == start ? std::nullopt : std::optional(value);
  };
  std::optional<std::int64_t> hours = number(), minutes = 0, seconds = 0;
  auto colon = [&]() { return at < rule.size() && rule[at] == ':' && ++at; };
  if (hours && colon()) {
    minutes = number();
    if (minutes && colon())
      seconds = number();
  }
  if (!hours || !minutes || !seconds)
    return std::nullopt;
  return std::pair(-sign * (*hours * 3600 + *minutes * 60 + *seconds), at < rule.size());
}

/// `UTC+8`, `GMT-05:30`, `+08:00`: hours (and minutes) east of UTC.
std::optional<std::int64_t> parseFixedOffset(std::string_view name) {
  for (std::string_view prefix : {"UTC", "GMT"})
    if (name.substr(0, 3) == prefix)
      name.remove_prefix(3);
  if (name.empty() || (name[0] != '+' && name[0] != '-'))
    return std::nullopt;
  int sign = name[0] == '-' ? -1 : 1;
  name.remove_prefix(1);
  std::int64_t hours = 0, minutes = 0;
  size_t at = 0;
  for (; at < name.size() && std::isdigit(static_cast<unsigned char>(name[at])) && at < 2; ++at)
    hours = hours * 10 + (name[at] - '0');
  if (at == 0)
    return std::nullopt;
  if (at < name.size() && name[at] == ':')
    ++at;
  size_t minuteStart = at;
  for (; at < name.size() && std::isdigit(static_cast<unsigned char>(name[at])); ++at)
    minutes = minutes * 10 + (name[at] - '0');
  if (at != name.size() || (at != minuteStart && at - minuteStart != 2) || hours > 14 || minutes > 59)
    return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

/// Zone names are paths below the tz database: keep them there.
bool isZoneName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos)
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+';
  });
}

} // namespace

Outcome<TimeZone> parseTzif(std::string_view name, std::string_view data) {
  auto invalid = [&](const std::string &why) {
    return fail("time zone '" + std::string(name) + "': not a valid tz database file (" + why + ")");
  };
  std::optional<TzifCounts> counts = readHeader(data, 0);
  if (!counts)
    return invalid("no TZif header");
  size_t at = kHeaderSize;
  size_t timeBytes = 4;
  if (data[4] >= '2') { // skip the 32-bit block: the 64-bit one follows
    at += counts->dataSize(4);
    counts = readHeader(data, at);
    if (!counts)
      return invalid("no second header");
    at += kHeaderSize;
    timeBytes = 8;
  }
  if (data.size() < at + counts->dataSize(timeBytes) || counts->types == 0)
    return invalid("truncated");
  size_t indexes = at + size_t(counts->times) * timeBytes;
  size_t types = indexes + counts->times;
  auto offsetOfType = [&](size_t type) { return readSigned(data, types + type * 6, 4); };
  TimeZone zone;
  zone.name_ = std::string(name);
  zone.initialOffset_ = offsetOfType(0);
  for (size_t i = 0; i < counts->times; ++i) {
    size_t type = static_cast<unsigned char>(data[indexes + i]);
    if (type >= counts->types)
      return invalid("a transition names no type");
    zone.periods_.push_back({readSigned(data, at + i * timeBytes, timeBytes), offsetOfType(type)});
  }
  size_t footer = at + counts->dataSize(timeBytes);
  if (timeBytes == 8 && footer < data.size() && data[footer] == '\n') {
    size_t end = data.find('\n', footer + 1);
    std::string_view rule = data.substr(footer + 1, end == std::string_view::npos ? 0 : end - footer - 1);
    // A zone without transitions (Etc/GMT-8 in a slim database) keeps
    // its only offset in the footer.
    auto standard = parsePosixStandard(rule);
    if (standard && !standard->second && zone.periods_.empty())
      zone.initialOffset_ = standard->first;
  }
  return zone;
}

Outcome<TimeZone> TimeZone::load(std::string_view name, const std::string &zoneinfoDir) {
  if (name == "UTC" || name == "GMT" || name == "Z" || name.empty())
    return TimeZone();
  if (auto offset = parseFixedOffset(name)) {
    TimeZone zone;
    zone.name_ = std::string(name);
    zone.initialOffset_ = *offset;
    return zone;
  }
  if (!isZoneName(name))
    return fail("time zone '" + std::string(name) +
                "' is not a zone name: expected an IANA name such as Asia/Shanghai, or UTC+8");
  std::string path = zoneinfoDir + "/" + std::string(name);
  std::ifstream input(path, std::ios::binary);
  if (!input)
    return fail("time zone '" + std::string(name) + "' is not in the tz database (" + path +
                "): expected an IANA name such as Asia/Shanghai, or UTC+8");
  std::ostringstream content;
  content << input.rdbuf();
  return parseTzif(name, content.str());
}

std::int64_t TimeZone::offsetAt(std::int64_t utc) const {
  auto after = std::upper_bound(periods_.begin(), periods_.end(), utc,
                                [](std::int64_t t, const Period &period) { return t < period.from; });
  return after == periods_.begin() ? initialOffset_ : std::prev(after)->offset;
}

std::vector<std::int64_t> TimeZone::fromLocal(std::int64_t local) const {
  // Offsets change at most once within a day around any instant in real
  // zones, so the offsets a day either side are the only candidates.
  std::vector<std::int64_t> instants;
  for (std::int64_t offset : {offsetAt(local - kDay), offsetAt(local + kDay), offsetAt(local)}) {
    std::int64_t utc = local - offset;
    if (offsetAt(utc) == offset && std::find(instants.begin(), instants.end(), utc) == instants.end())
      instants.push_back(utc);
  }
  std::sort(instants.begin(), instants.end());
  return instants;
}

} // namespace oosc::runtime::schedule
