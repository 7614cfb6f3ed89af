// PathPattern.h - A restful API's path pattern (`/clusters/[ClusterId]`)
// against the URI a template writes (`/clusters/{{ clusterId }}`, or at run
// time `/clusters/c-123`).
//
// OOS takes a restful call's URI as written, with or without the API
// version some products put first (`/2021-04-06/services/...`): either
// side may leave that segment out.
#ifndef OOSC_APIS_PATHPATTERN_H
#define OOSC_APIS_PATHPATTERN_H

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oosc::apis {

/// The values of the pattern's `[Name]` slots, in order, decoded from
/// percent-encoding.
using PathValues = std::vector<std::pair<std::string, std::string>>;

struct PathMatchOptions {
  /// A segment holding `{{` is a value still to be computed: it fits any
  /// segment of the pattern (the linter's view of a template).
  bool templated = false;
};

/// The slots' values when \p uri (its query, after `?`, ignored) has the
/// pattern's segments, or nothing when it does not fit.
std::optional<PathValues> matchPath(std::string_view uri, std::string_view pathPattern,
                                    PathMatchOptions options = {});

/// \p text with its `%XX` escapes decoded (and `+` as a space when
/// \p plusIsSpace, as form bodies write it); a `%` that starts no escape
/// is kept as it is.
std::string percentDecoded(std::string_view text, bool plusIsSpace = false);

/// The `name=value` pairs of \p uri's query (after `?`), decoded; empty
/// without one.
std::vector<std::pair<std::string, std::string>> uriQuery(std::string_view uri);

} // namespace oosc::apis

#endif
