// RequestEncoding.h - A template's API parameters as they travel, driven by
// the API table's parameter types and positions, the way OOS's
// ACS::ExecuteAPI sends them.
//
// - RepeatList: a list is flattened, `InstanceId.1`, and a list of mappings
//   `Tag.1.Key`; a template may name it in the plural (`InstanceIds`,
//   `Tags`) where the API has no parameter of that name.
// - Json, and a list or mapping given to a String (or number) parameter: one
//   JSON text (`InstanceIds: [a, b]` of DescribeInstances travels as
//   `["a","b"]`).
// - Booleans and numbers as text (`true`, `10`).
// - Struct fields of an RPC API flattened, `SystemDisk.Category`.
// - Restful (ROA) APIs: Path parameters fill the path pattern, Query ones the
//   query, and the Body ones the JSON body (a parameter named `body` is the
//   whole body).
// Names the table does not know travel as written, their values as text: the
// linter reports them; the cloud decides.
#ifndef OOSC_OPENAPI_REQUESTENCODING_H
#define OOSC_OPENAPI_REQUESTENCODING_H

#include "oosc/apis/ApiTable.h"
#include "oosc/openapi/Signing.h"
#include "oosc/runtime/Value.h"

#include <string>
#include <vector>

namespace oosc::openapi {

/// An API call ready to be signed and sent (without the common parameters:
/// Action, Version, credentials, nonce and date are the signer's).
struct WireRequest {
  std::string method = "POST";
  /// `/` for RPC; the filled path pattern for restful APIs (segments
  /// percent-encoded).
  std::string path = "/";
  Fields query;
  /// RPC Body and FormData parameters: an x-www-form-urlencoded body.
  Fields form;
  Fields headers;
  /// Restful Body parameters: a JSON body (empty when there are none).
  std::string jsonBody;
  /// What could not be encoded (a path parameter without a value): the call
  /// is not sent.
  std::vector<std::string> problems;
};

/// Encodes \p parameters (a mapping, as a template's Parameters give it) for
/// \p api of a product of \p style. \p method overrides the API's first
/// method (restful templates say Method).
WireRequest encodeRequest(const apis::ApiSpec &api, apis::ApiStyle style, const runtime::Value &parameters,
                          std::string_view method = {});

/// A scalar as text on the wire: strings as they are, booleans `true` and
/// `false`, whole numbers without a fraction; lists and mappings as JSON.
std::string wireText(const runtime::Value &value);

} // namespace oosc::openapi

#endif
