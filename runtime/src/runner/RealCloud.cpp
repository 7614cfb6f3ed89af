//===- runner/RealCloud.cpp -------------------------------------------------===//
#include "runner/RealCloud.h"

#include "oosc/openapi/AliyunCloud.h"

#include <iostream>

namespace oosc::runtime {

namespace {

/// The OpenAPI client with the table it reads, which it does not own.
class RealCloud final : public CloudBackend {
public:
  RealCloud(std::unique_ptr<apis::ApiTable> table, openapi::AliyunCloudOptions options)
      : table_(std::move(table)), client_((options.table = table_.get(), std::move(options))) {}

  Outcome<Value, ApiError> call(std::string_view service, std::string_view api, const Value &parameters) override {
    return client_.call(service, api, parameters);
  }
  std::string describe() const override { return client_.describe(); }

private:
  std::unique_ptr<apis::ApiTable> table_;
  openapi::AliyunCloud client_;
};

} // namespace

Outcome<std::unique_ptr<CloudBackend>> openRealCloud(const RunnerOptions &options, const RunnerImage &image) {
  openapi::AliyunCloudOptions client;
  client.region = options.region;
  client.endpointType = options.vpcEndpoints ? openapi::EndpointType::Vpc : openapi::EndpointType::Public;
  client.signature = options.signatureV1 ? openapi::SignatureVersion::V1 : openapi::SignatureVersion::V3;
  if (!options.endpoint.empty()) {
    std::string why;
    client.endpoint = openapi::parseEndpointUrl(options.endpoint, why);
    if (!client.endpoint)
      return fail("--endpoint: " + why);
  }
  client.credentials = openapi::environmentCredentials(openapi::processEnvironment());
  if (!client.credentials)
    return fail("--cloud aliyun found no credentials; looked at: the environment "
                "(ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, with "
                "ALIBABA_CLOUD_SECURITY_TOKEN for STS credentials)");
  auto transport = openapi::makeCurlTransport({});
  if (!transport)
    return transport.error();
  client.transport = std::move(transport.value());
  client.onRetry = [](const openapi::RetryNotice &notice) {
    std::cerr << "  retrying " << notice.api << " after " << notice.code << " (attempt " << notice.attempt
              << " of " << notice.maxAttempts << " failed; again in " << notice.wait.count() << " ms)\n";
  };
  auto table = std::make_unique<apis::ApiTable>(image.apiProducts, image.apiProducts ? image.apiProductCount : 0);
  return std::unique_ptr<CloudBackend>(std::make_unique<RealCloud>(std::move(table), std::move(client)));
}

} // namespace oosc::runtime
