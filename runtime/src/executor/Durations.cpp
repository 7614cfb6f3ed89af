//===- Durations.cpp --------------------------------------------------------===//
#include "executor/Durations.h"

#include <cctype>
#include <string>

namespace oosc::runtime {

Outcome<std::chrono::milliseconds> parseDuration(std::string_view text) {
  std::string upper;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c)))
      upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto invalid = [&] {
    return fail("invalid duration '" + std::string(text) +
                "': write ISO 8601 (PT1H30M) or a short form (1H30M, 90S)");
  };
  size_t i = 0;
  bool inTime = true;
  if (!upper.empty() && upper[0] == 'P') {
    i = 1;
    inTime = false; // before 'T', M means months... which OOS does not use
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
    double amount = std::stod(upper.substr(start, i - start));
    char unit = upper[i++];
    if (unit == 'D' || (unit == 'W' && !inTime))
      seconds += amount * (unit == 'D' ? 86400 : 604800);
    else if (unit == 'H' && inTime)
      seconds += amount * 3600;
    else if (unit == 'M' && inTime)
      seconds += amount * 60;
    else if (unit == 'S' && inTime)
      seconds += amount;
    else
      return invalid();
    any = true;
  }
  if (!any)
    return invalid();
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

} // namespace oosc::runtime
