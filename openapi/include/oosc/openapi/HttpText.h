// HttpText.h - The small text rules of HTTP that the client, the
// verification and the served simulator share: header names compared
// without case, percent-decoding.
#ifndef OOSC_OPENAPI_HTTPTEXT_H
#define OOSC_OPENAPI_HTTPTEXT_H

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::openapi {

/// ASCII case-insensitive equality (header names, `Format=XML`).
bool equalsIgnoringCase(std::string_view a, std::string_view b);

std::string lowerCase(std::string_view text);

/// `%XY` escapes decoded (a malformed one kept as it is); \p plusIsSpace for
/// form bodies, where `+` is a space.
std::string percentDecode(std::string_view text, bool plusIsSpace);

/// OpenAPI's timestamps, `2026-12-06T04:00:00Z` (UTC, to the second).
std::string isoTime(std::time_t when);
std::optional<std::time_t> parseIsoTime(const std::string &text);

} // namespace oosc::openapi

#endif
