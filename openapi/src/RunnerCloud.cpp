//===- RunnerCloud.cpp - `--cloud aliyun` for runners -----------------------===//
#include "oosc/openapi/RunnerCloud.h"

#include "oosc/openapi/AliyunCloud.h"

#include <iostream>

namespace oosc::openapi {

namespace {

using runtime::ApiError;
using runtime::Outcome;
using runtime::Value;

/// The OpenAPI client with the table it reads, which it does not own.
class RunnerCloud final : public runtime::CloudBackend {
public:
  RunnerCloud(std::unique_ptr<apis::ApiTable> table, AliyunCloudOptions options)
      : table_(std::move(table)), client_((options.table = table_.get(), std::move(options))) {}

  Outcome<Value, ApiError> call(std::string_view service, std::string_view api, const Value &parameters) override {
    return client_.call(service, api, parameters);
  }
  std::string describe() const override { return client_.describe(); }

private:
  std::unique_ptr<apis::ApiTable> table_;
  AliyunCloud client_;
};

} // namespace

Outcome<std::unique_ptr<runtime::CloudBackend>> openRunnerCloud(const runtime::RealCloudSettings &settings,
                                                                const runtime::RunnerImage &image) {
  AliyunCloudOptions client;
  client.region = settings.region;
  client.endpointType = settings.vpcEndpoints ? EndpointType::Vpc : EndpointType::Public;
  client.signature = settings.signatureV1 ? SignatureVersion::V1 : SignatureVersion::V3;
  if (!settings.endpoint.empty()) {
    std::string why;
    client.endpoint = parseEndpointUrl(settings.endpoint, why);
    if (!client.endpoint)
      return runtime::fail("--endpoint: " + why);
  }
  auto transport = makeCurlTransport({});
  if (!transport)
    return transport.error();
  client.transport = std::move(transport.value());
  ChainOptions chain;
  chain.environment = processEnvironment();
  chain.profile = settings.profile;
  // STS goes where the other calls go when an endpoint is given (a private
  // or test cloud), unless ALIBABA_CLOUD_STS_ENDPOINT says otherwise.
  chain.stsEndpoint = chain.environment("ALIBABA_CLOUD_STS_ENDPOINT").value_or(settings.endpoint);
  chain.transport = client.transport;
  auto credentials = defaultCredentialChain(chain);
  if (!credentials)
    return runtime::fail("--cloud aliyun " + credentials.error().message);
  client.credentials = std::move(credentials.value());
  client.onRetry = [](const RetryNotice &notice) {
    std::cerr << "  retrying " << notice.api << " after " << notice.code << " (attempt " << notice.attempt
              << " of " << notice.maxAttempts << " failed; again in " << notice.wait.count() << " ms)\n";
  };
  auto table = std::make_unique<apis::ApiTable>(image.apiProducts, image.apiProducts ? image.apiProductCount : 0);
  return std::unique_ptr<runtime::CloudBackend>(std::make_unique<RunnerCloud>(std::move(table), std::move(client)));
}

} // namespace oosc::openapi
