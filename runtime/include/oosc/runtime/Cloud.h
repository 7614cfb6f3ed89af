//===- Cloud.h - The cloud backend a runner sends OpenAPI calls to
//---------===//
//
// Generated runners never talk to a cloud directly: every OpenAPI call goes
// through a CloudBackend, so the same runner can run against the simulated
// cloud (the default) or a real endpoint.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Value.h"

#include <string>
#include <string_view>

namespace oosc::runtime {

/// An error answered by an OpenAPI endpoint, shaped like the JSON error body
/// Alibaba Cloud returns: a machine-readable code
/// ("InvalidInstanceId.NotFound"), a sentence for people, the HTTP status and
/// the request id.
struct ApiError {
  std::string code;
  std::string message;
  int httpStatus = 400;
  std::string requestId;

  /// {"Code", "Message", "RequestId", "HttpStatus"}: what ACS::WaitFor
  /// selectors see when they are evaluated on an error response (templates
  /// test `.Code` to decide whether to retry).
  Value body() const {
    return Value(Value::Map{{"Code", code},
                            {"Message", message},
                            {"RequestId", requestId},
                            {"HttpStatus", httpStatus}});
  }
};

/// Something that answers OpenAPI calls.
class CloudBackend {
public:
  virtual ~CloudBackend() = default;

  /// One OpenAPI call. \p service is the service code as templates write it
  /// (ECS, ecs, Ecs), \p api the API name (also matched ignoring case, as OOS
  /// does), \p parameters a map of request parameters in the forms templates
  /// use (lists, JSON strings, numbers written as strings).
  virtual Outcome<Value, ApiError> call(std::string_view service,
                                        std::string_view api,
                                        const Value &parameters) = 0;

  /// One line for the runner's start banner, e.g.
  /// "simulated cloud (state: /tmp/world.json)".
  virtual std::string describe() const = 0;
};

} // namespace oosc::runtime
