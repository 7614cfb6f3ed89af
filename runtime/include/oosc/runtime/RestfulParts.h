// RestfulParts.h - The parts of a restful call a template writes beside its
// Parameters (ACS::ExecuteAPI's Method, URI, Headers and Body), folded into
// the API's own parameters.
//
// OOS sends a restful call to the URI as written: `/clusters/c-1` names the
// cluster, which the API table calls the path parameter ClusterId. Backends
// fold the parts first, so the simulated and the real cloud both see the
// call as the API table describes it.
#ifndef OOSC_RUNTIME_RESTFULPARTS_H
#define OOSC_RUNTIME_RESTFULPARTS_H

#include "oosc/apis/ApiTable.h"
#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Value.h"

#include <string_view>

namespace oosc::runtime {

/// Method, URI, Headers or Body (any case).
bool isRestfulPart(std::string_view name);

/// \p parameters without the restful parts, and with: the path parameters
/// \p api's pattern names taken from the URI's segments, the URI's query
/// pairs, and the Body as the API's `body` parameter (a JSON object or
/// array parsed, other text as written). A parameter the template gives
/// by name wins over the URI's. Fails, naming both, when the URI does not
/// have the pattern's segments; an RPC API (no pattern) ignores the URI.
Outcome<Value> foldRestfulParts(const apis::ApiSpec &api, const Value &parameters);

/// The API a call reaches, its product, and its parameters, folded.
struct ReachedApi {
  const apis::ProductRecord *product = nullptr;
  const apis::ApiSpec *api = nullptr;
  Value parameters;
};

/// The gateway routes a restful call by its path: a URI of another API
/// than the one named reaches that API (the name is then a label, as the
/// linter says), in \p product or another product \p service names (FC's
/// /services/... paths are FC-Open's). \p named's when the URI fits it or
/// there is none; fails as foldRestfulParts does when no API has the URI's
/// path.
Outcome<ReachedApi> reachedApi(const apis::ApiTable &table, std::string_view service,
                               const apis::ProductRecord &product, const apis::ApiSpec &named,
                               const Value &parameters);

} // namespace oosc::runtime

#endif
