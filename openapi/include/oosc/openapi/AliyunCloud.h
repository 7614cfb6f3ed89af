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

#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace oosc::openapi {

enum class SignatureVersion { V1, V3 };

struct AliyunCloudOptions {
  /// The APIs the runner may call (a runner's own subset, or the whole table).
  const apis::ApiTable *table = nullptr;
  std::string region = "cn-hangzhou";
  EndpointType endpointType = EndpointType::Public;
  /// Every call goes here instead of the table's endpoint (a private or test
  /// endpoint).
  std::optional<EndpointUrl> endpoint;
  SignatureVersion signature = SignatureVersion::V3;
  std::shared_ptr<Transport> transport;
  std::shared_ptr<CredentialsProvider> credentials;
  /// Seconds since the epoch, and a fresh nonce per call: injectable so tests
  /// can reproduce a signature.
  std::function<std::time_t()> now;
  std::function<std::string()> nonce;
};

class AliyunCloud final : public runtime::CloudBackend {
public:
  explicit AliyunCloud(AliyunCloudOptions options);

  runtime::Outcome<runtime::Value, runtime::ApiError> call(std::string_view service, std::string_view api,
                                                           const runtime::Value &parameters) override;
  std::string describe() const override;

private:
  runtime::Outcome<runtime::Value, runtime::ApiError> readOrFail(const HttpRequest &request);

  AliyunCloudOptions options_;
};

} // namespace oosc::openapi

#endif
