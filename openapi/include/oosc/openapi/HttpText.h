// HttpText.h - The small text rules of HTTP that the client, the
// verification and the served simulator share: header names compared
// without case, percent-decoding.
#ifndef OOSC_OPENAPI_HTTPTEXT_H
#define OOSC_OPENAPI_HTTPTEXT_H

#include <string>
#include <string_view>

namespace oosc::openapi {

/// ASCII case-insensitive equality (header names, `Format=XML`).
bool equalsIgnoringCase(std::string_view a, std::string_view b);

std::string lowerCase(std::string_view text);

/// `%XY` escapes decoded (a malformed one kept as it is); \p plusIsSpace for
/// form bodies, where `+` is a space.
std::string percentDecode(std::string_view text, bool plusIsSpace);

} // namespace oosc::openapi

#endif
