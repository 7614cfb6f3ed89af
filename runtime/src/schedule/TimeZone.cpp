//===- schedule/TimeZone.cpp ------------------------------------------------===//
#include "oosc/runtime/schedule/TimeZone.h"

#include "text/MessageText.h"

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

/// The run of decimal digits at \p at, which is moved past it.
std::string_view digitRun(std::string_view text, size_t &at) {
  size_t start = at;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])))
    ++at;
  return text.substr(start, at - start);
}

/// \p digits as a number when there are 1 to \p maxDigits of them: longer
/// runs never reach arithmetic, whatever a file or a template holds.
std::optional<std::int64_t> smallNumber(std::string_view digits, size_t maxDigits) {
  if (digits.empty() || digits.size() > maxDigits)
    return std::nullopt;
  std::int64_t value = 0;
  for (char digit : digits)
    value = value * 10 + (digit - '0');
  return value;
}

/// What a POSIX TZ string ("CST-8", "<+08>-8") says: its standard offset
/// east of UTC (POSIX counts hours west, so -8 is UTC+8), and whether a
/// daylight saving rule follows it.
struct PosixStandard {
  std::int64_t offset = 0;
  bool daylightRule = false;
};

/// RFC 8536 allows hours up to 167 in a footer (POSIX: 24); minutes and
/// seconds 0 to 59.
constexpr std::int64_t kMaxPosixHours = 167;

Outcome<PosixStandard> parsePosixStandard(std::string_view rule) {
  auto malformed = [&](const std::string &why) {
    return fail("its TZ string " + text::quoteCut(rule) + " is malformed: " + why);
  };
  size_t at = 0;
  if (!rule.empty() && rule[0] == '<') {
    at = rule.find('>');
    if (at == std::string_view::npos)
      return malformed("'<' without '>'");
    ++at;
  } else {
    while (at < rule.size() && std::isalpha(static_cast<unsigned char>(rule[at])))
      ++at;
  }
  int sign = 1;
  if (at < rule.size() && (rule[at] == '+' || rule[at] == '-'))
    sign = rule[at++] == '-' ? -1 : 1;
  std::optional<std::int64_t> hours = smallNumber(digitRun(rule, at), 3), minutes = 0, seconds = 0;
  auto colon = [&]() { return at < rule.size() && rule[at] == ':' && ++at; };
  if (hours && colon()) {
    minutes = smallNumber(digitRun(rule, at), 2);
    if (minutes && colon())
      seconds = smallNumber(digitRun(rule, at), 2);
  }
  if (!hours || !minutes || !seconds || *hours > kMaxPosixHours || *minutes > 59 || *seconds > 59)
    return malformed("expected an offset hh[:mm[:ss]] of at most 167 hours");
  return PosixStandard{-sign * (*hours * 3600 + *minutes * 60 + *seconds), at < rule.size()};
}

/// The largest offset of a real zone: UTC+14 (Pacific/Kiritimati).
constexpr std::int64_t kMaxOffsetHours = 14;

/// `UTC+8`, `GMT-05:30`, `+08:00`, `+0800`: hours (and minutes) east of
/// UTC. Nothing when \p name is not written as an offset (it may be a zone
/// name); an error saying what is wrong when it is one, but a bad one.
std::optional<Outcome<std::int64_t>> parseFixedOffset(std::string_view name) {
  std::string_view text = name;
  for (std::string_view prefix : {"UTC", "GMT"})
    if (text.substr(0, 3) == prefix)
      text.remove_prefix(3);
  if (text.empty() || (text[0] != '+' && text[0] != '-'))
    return std::nullopt;
  auto invalid = [&](const std::string &why) -> Outcome<std::int64_t> {
    return fail("time zone " + text::quoteCut(name) + " is not a valid UTC offset: " + why +
                "; expected UTC+8, GMT-05:30 or +08:00 (hours 0 to 14, minutes 00 to 59)");
  };
  int sign = text[0] == '-' ? -1 : 1;
  size_t at = 1;
  std::string_view hourDigits = digitRun(text, at), minuteDigits;
  if (at < text.size() && text[at] == ':') {
    ++at;
    minuteDigits = digitRun(text, at);
    if (minuteDigits.size() != 2)
      return invalid("the minutes " + text::quoteCut(minuteDigits) + " are not two digits");
  } else if (hourDigits.size() == 4) { // +0800
    minuteDigits = hourDigits.substr(2);
    hourDigits = hourDigits.substr(0, 2);
  }
  if (hourDigits.empty())
    return invalid("no hours after '" + std::string(1, text[0]) + "'");
  if (hourDigits.size() > 2)
    return invalid("the hours " + text::quoteCut(hourDigits) + " are not one or two digits");
  if (at != text.size())
    return invalid(text::quoteCut(text.substr(at)) + " follows the offset");
  std::int64_t hours = *smallNumber(hourDigits, 2);
  std::int64_t minutes = minuteDigits.empty() ? 0 : *smallNumber(minuteDigits, 2);
  if (hours > kMaxOffsetHours)
    return invalid("the hours " + std::to_string(hours) + " are more than 14");
  if (minutes > 59)
    return invalid("the minutes " + std::to_string(minutes) + " are more than 59");
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
    return fail("time zone " + text::quoteCut(name) + ": not a valid tz database file (" + why + ")");
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
    if (!rule.empty()) {
      auto standard = parsePosixStandard(rule);
      if (!standard)
        return invalid("its footer: " + standard.error().message);
      if (!standard.value().daylightRule && zone.periods_.empty())
        zone.initialOffset_ = standard.value().offset;
    }
  }
  return zone;
}

Outcome<TimeZone> TimeZone::load(std::string_view name, const std::string &zoneinfoDir) {
  if (name == "UTC" || name == "GMT" || name == "Z" || name.empty())
    return TimeZone();
  if (std::optional<Outcome<std::int64_t>> offset = parseFixedOffset(name)) {
    if (!*offset)
      return offset->error();
    TimeZone zone;
    zone.name_ = std::string(name);
    zone.initialOffset_ = offset->value();
    return zone;
  }
  if (!isZoneName(name))
    return fail("time zone " + text::quoteCut(name) +
                " is not a zone name: expected an IANA name such as Asia/Shanghai, or UTC+8");
  std::string path = zoneinfoDir + "/" + std::string(name);
  std::ifstream input(path, std::ios::binary);
  if (!input)
    return fail("time zone " + text::quoteCut(name) + " is not in the tz database (" + zoneinfoDir +
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
