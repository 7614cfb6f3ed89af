//===- Durations.cpp --------------------------------------------------------===//
#include "executor/Durations.h"

#include "text/MessageText.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace oosc::runtime {
namespace {

constexpr double kSecondsPerDay = 86400;

/// One amount as ISO 8601 writes it: digits with at most one '.'. Nothing
/// for anything else. One past the range of a double (400 digits) reads as
/// infinity, for the caller to refuse as too long; one too small for a
/// double (a dot and 400 zeros before a 1) as 0.
std::optional<double> amountOf(std::string_view text) {
  size_t dots = 0, digits = 0;
  for (char c : text) {
    dots += c == '.';
    digits += std::isdigit(static_cast<unsigned char>(c)) != 0;
  }
  if (digits == 0 || dots > 1 || digits + dots != text.size())
    return std::nullopt;
  double amount = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), amount);
  if (error == std::errc::result_out_of_range) {
    std::string_view whole = text.substr(0, text.find('.'));
    bool large = whole.find_first_not_of('0') != std::string_view::npos;
    return large ? std::numeric_limits<double>::infinity() : 0.0;
  }
  if (error != std::errc() || end != text.data() + text.size())
    return std::nullopt;
  return amount;
}

/// Seconds in one \p unit, or 0 when the unit is not allowed there.
double unitSeconds(char unit, bool inTime) {
  if (unit == 'D')
    return kSecondsPerDay;
  if (unit == 'W' && !inTime)
    return 7 * kSecondsPerDay;
  if (!inTime)
    return 0; // before 'T', M means months... which OOS does not use
  return unit == 'H' ? 3600 : unit == 'M' ? 60 : unit == 'S' ? 1 : 0;
}

} // namespace

Outcome<std::chrono::milliseconds> parseDuration(std::string_view text) {
  std::string upper;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c)))
      upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto invalid = [&] {
    return fail("invalid duration " + text::quoteCut(text) +
                ": write ISO 8601 (PT1H30M) or a short form (1H30M, 90S)");
  };
  size_t i = 0;
  bool inTime = true;
  if (!upper.empty() && upper[0] == 'P') {
    i = 1;
    inTime = false;
  }
  double seconds = 0;
  bool any = false;
  while (i < upper.size()) {
    if (upper[i] == 'T') {
      inTime = true;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < upper.size() && (std::isdigit(static_cast<unsigned char>(upper[i])) || upper[i] == '.'))
      ++i;
    if (start == i || i == upper.size())
      return invalid();
    std::optional<double> amount = amountOf(std::string_view(upper).substr(start, i - start));
    double perUnit = unitSeconds(upper[i++], inTime);
    if (!amount || perUnit == 0)
      return invalid();
    // Checked as it grows, so no sum or product leaves the range checked.
    seconds += *amount * perUnit;
    if (!(seconds <= kMaxDurationSeconds))
      return fail("duration " + text::quoteCut(text) + " is longer than " +
                  std::to_string(kMaxDurationSeconds / 86400) + " days (P" +
                  std::to_string(kMaxDurationSeconds / 86400) + "D), the longest a runner waits");
    any = true;
  }
  if (!any)
    return invalid();
  return std::chrono::milliseconds(std::llround(seconds * 1000));
}

} // namespace oosc::runtime
