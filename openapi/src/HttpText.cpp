#include "oosc/openapi/HttpText.h"

#include "oosc/apis/PathPattern.h"

#include <cctype>
#include <cstdio>

namespace oosc::openapi {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::string lowerCase(std::string_view text) {
  std::string lower(text);
  for (char &c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string percentDecode(std::string_view text, bool plusIsSpace) { return apis::percentDecoded(text, plusIsSpace); }

std::string isoTime(std::time_t when) {
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::optional<std::time_t> parseIsoTime(const std::string &text) {
  std::tm utc{};
  char zone = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                  &utc.tm_min, &utc.tm_sec, &zone) != 7 ||
      zone != 'Z')
    return std::nullopt;
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  return timegm(&utc);
}

} // namespace oosc::openapi
