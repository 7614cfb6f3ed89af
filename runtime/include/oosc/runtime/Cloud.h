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

#include <functional>
#include <string>
#include <string_view>

namespace oosc::runtime {

/// Whether \p service speaks a REST protocol of its own rather than
/// OpenAPI's (OSS, MNS): OOS hands it a call's HTTP parts (Method, URI, Headers,
/// Body) as the template writes them, and its answer is its document alone,
/// the request id travelling in a header.
inline bool speaksItsOwnProtocol(std::string_view service) {
  return equalsIgnoringAsciiCase(service, "OSS") || equalsIgnoringAsciiCase(service, "MNS");
}

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

/// An attempt of a call that the backend repeats by itself: the real
/// cloud's client after throttling or a dropped connection. The executor
/// journals each one.
struct RepeatedAttempt {
  std::string code;      ///< why the attempt failed
  std::string requestId; ///< the failed attempt's, when it had one
  int attempt = 0;       ///< from 1
  int maxAttempts = 0;
  long waitMs = 0; ///< before the next attempt
};
using AttemptObserver = std::function<void(const RepeatedAttempt &)>;

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

  /// call(), telling \p observer of each attempt the backend repeats.
  /// Backends that never repeat a call need not override it.
  virtual Outcome<Value, ApiError> callObserved(std::string_view service, std::string_view api,
                                                const Value &parameters, const AttemptObserver &observer) {
    return call(service, api, parameters);
  }

  /// One line for the runner's start banner, e.g.
  /// "simulated cloud (state: /tmp/world.json)".
  virtual std::string describe() const = 0;
};

} // namespace oosc::runtime
