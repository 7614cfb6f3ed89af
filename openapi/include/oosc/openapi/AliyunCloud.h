// AliyunCloud.h - The real cloud behind the runtime's CloudBackend.
//
// Each call: find the API in the runner's table, encode the template's
// parameters (RequestEncoding.h), pick the endpoint (Endpoints.h, or the one
// the user gave), sign (v3 by default, v1 for RPC APIs on request), send
// (Transport.h) and read the answer: JSON into a Value, an error body into
// an ApiError with the cloud's Code, Message, status and RequestId.
#ifndef OOSC_OPENAPI_ALIYUNCLOUD_H
#define OOSC_OPENAPI_ALIYUNCLOUD_H

#include "oosc/apis/ApiTable.h"
#include "oosc/openapi/Credentials.h"
#include "oosc/openapi/Endpoints.h"
#include "oosc/openapi/Transport.h"
#include "oosc/runtime/Cloud.h"

#include <chrono>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace oosc::openapi {

enum class SignatureVersion { V1, V3 };

/// Repeating calls the cloud turned away for a moment: throttling
/// (`Throttling*`), `ServiceUnavailable`, HTTP 5xx and dropped connections,
/// only where repeating is safe: reads (Describe*, List*, Get*, ...), calls
/// with a ClientToken, and any call that never reached the endpoint. Waits
/// grow exponentially with full jitter. A template's own Retries are the
/// executor's, on top.
struct RetryPolicy {
  int maxAttempts = 5;
  std::chrono::milliseconds base{200};
  std::chrono::milliseconds cap{10000};
};

/// One repeated call, for the progress lines (and the journal).
struct RetryNotice {
  std::string api;
  std::string code; ///< why the attempt failed
  int attempt = 0;  ///< the attempt that failed, from 1
  int maxAttempts = 0;
  std::chrono::milliseconds wait{0};
};

struct AliyunCloudOptions {
  /// The APIs the runner may call (a runner's own subset, or the whole table).
  const apis::ApiTable *table = nullptr;
  std::string region = "cn-hangzhou";
  EndpointType endpointType = EndpointType::Public;
  /// Every call goes here instead of the table's endpoint (a private or test
  /// endpoint).
  std::optional<EndpointUrl> endpoint;
  /// A product's own endpoint, over `endpoint` and the table's: keyed by
  /// the product code in lower case (`ecs`), from ALIBABA_CLOUD_ENDPOINT_ECS.
  std::map<std::string, EndpointUrl> productEndpoints;
  SignatureVersion signature = SignatureVersion::V3;
  std::shared_ptr<Transport> transport;
  std::shared_ptr<CredentialsProvider> credentials;
  /// Calls go unsigned, without credentials: only for the few RPC APIs whose
  /// own parameters prove the caller (STS AssumeRoleWithOIDC).
  bool anonymous = false;
  /// Seconds since the epoch, and a fresh nonce per call: injectable so tests
  /// can reproduce a signature.
  std::function<std::time_t()> now;
  std::function<std::string()> nonce;
  RetryPolicy retry;
  /// Waits between attempts (the runner's clock); a number in [0, 1) for the
  /// jitter; told of each repeat. Defaults: really sleep, a seeded generator,
  /// nobody told.
  std::function<void(std::chrono::milliseconds)> sleep;
  std::function<double()> random;
  std::function<void(const RetryNotice &)> onRetry;
};

/// Whether \p error is worth another attempt, and whether \p api with
/// \p parameters may be repeated after it.
bool isTransient(const runtime::ApiError &error);
bool safeToRepeat(std::string_view api, const runtime::Value &parameters, const runtime::ApiError &error);

class AliyunCloud final : public runtime::CloudBackend {
public:
  explicit AliyunCloud(AliyunCloudOptions options);

  runtime::Outcome<runtime::Value, runtime::ApiError> call(std::string_view service, std::string_view api,
                                                           const runtime::Value &parameters) override;
  /// Each repeated attempt is told to \p observer too (the executor
  /// journals it), as well as to AliyunCloudOptions::onRetry.
  runtime::Outcome<runtime::Value, runtime::ApiError> callObserved(std::string_view service, std::string_view api,
                                                                   const runtime::Value &parameters,
                                                                   const runtime::AttemptObserver &observer) override;
  std::string describe() const override;

private:
  runtime::Outcome<runtime::Value, runtime::ApiError> callOnce(std::string_view service, std::string_view api,
                                                               const runtime::Value &parameters);
  runtime::Outcome<runtime::Value, runtime::ApiError> readOrFail(const HttpRequest &request);

  AliyunCloudOptions options_;
};

} // namespace oosc::openapi

#endif
