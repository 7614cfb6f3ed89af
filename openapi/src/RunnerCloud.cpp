//===- RunnerCloud.cpp - `--cloud aliyun` for runners -----------------------===//
#include "oosc/openapi/RunnerCloud.h"

#include "StsCalls.h"

#include "oosc/openapi/AliyunCloud.h"
#include "oosc/openapi/HttpText.h"

#include <cctype>
#include <optional>
#include <vector>


namespace oosc::openapi {

namespace {

using runtime::ApiError;
using runtime::Outcome;
using runtime::Value;

/// The OpenAPI client with the table it reads, which it does not own.
class RunnerCloud final : public runtime::CloudBackend {
public:
  RunnerCloud(std::vector<apis::ProductRecord> products, AliyunCloudOptions options, std::string account)
      : products_(std::move(products)), table_(products_.data(), products_.size()),
        client_((options.table = &table_, std::move(options))), account_(std::move(account)) {}

  Outcome<Value, ApiError> call(std::string_view service, std::string_view api, const Value &parameters) override {
    return client_.call(service, api, parameters);
  }
  Outcome<Value, ApiError> callObserved(std::string_view service, std::string_view api, const Value &parameters,
                                        const runtime::AttemptObserver &observer) override {
    return client_.callObserved(service, api, parameters, observer);
  }
  /// "Alibaba Cloud account 1234567890123456 (acs:ram::...), region ...".
  std::string describe() const override {
    std::string client = client_.describe();
    std::string prefix = "Alibaba Cloud, ";
    if (client.rfind(prefix, 0) == 0)
      client.erase(0, prefix.size());
    return "Alibaba Cloud account " + account_ + ", " + client +
           "; product actions and templates not built into this runner run as child executions on OOS";
  }

private:
  std::vector<apis::ProductRecord> products_;
  apis::ApiTable table_;
  AliyunCloud client_;
  std::string account_;
};

/// Who the credentials are, from STS GetCallerIdentity: "1234567890123456
/// (acs:ram::1234567890123456:user/deployer)". Asked before anything else,
/// so a key that does not work stops the runner before its first call.
Outcome<std::string> callerAccount(const StsAccess &sts, std::shared_ptr<CredentialsProvider> credentials) {
  auto identity = callSts(sts, std::move(credentials), "GetCallerIdentity", Value(Value::Map{}));
  if (!identity)
    return runtime::fail("cannot tell whose credentials these are: STS GetCallerIdentity answered " +
                         identity.error().code + ": " + identity.error().message);
  auto text = [&](std::string_view name) {
    const Value *member = identity.value().find(name);
    return member ? member->toDisplayString() : std::string();
  };
  return text("AccountId") + " (" + text("Arn") + ")";
}

/// The runner's products, and OOS where its templates call none of OOS's
/// APIs: child executions on OOS (StartExecution, ListExecutions) need its
/// version and endpoint (`oos.<region>.aliyuncs.com`, from the API metadata).
std::vector<apis::ProductRecord> withOos(const runtime::RunnerImage &image) {
  std::vector<apis::ProductRecord> products;
  bool hasOos = false;
  for (std::size_t i = 0; image.apiProducts && i < image.apiProductCount; ++i) {
    products.push_back(image.apiProducts[i]);
    hasOos = hasOos || equalsIgnoringCase(image.apiProducts[i].code, "oos");
  }
  if (!hasOos)
    products.push_back({"oos", "2019-06-01", "oos", apis::ApiStyle::Rpc, "", "", "", "", ""});
  return products;
}

/// `ECS`, `R_KVSTORE`: a product code as an environment variable's suffix.
std::string productVariable(std::string_view code) {
  std::string name;
  for (char c : code)
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

/// --endpoint, else ALIBABA_CLOUD_ENDPOINT, for every call (into
/// \p everyCall); a product's own ALIBABA_CLOUD_ENDPOINT_<CODE> over both.
/// The error names the setting that is wrong.
std::optional<std::string> readEndpoints(const runtime::RealCloudSettings &settings,
                                         const EnvironmentLookup &environment,
                                         const std::vector<apis::ProductRecord> &products, AliyunCloudOptions &client,
                                         std::string &everyCall) {
  everyCall = settings.endpoint.empty() ? environment("ALIBABA_CLOUD_ENDPOINT").value_or("") : settings.endpoint;
  std::string why;
  if (!everyCall.empty() && !(client.endpoint = parseEndpointUrl(everyCall, why)))
    return (settings.endpoint.empty() ? "ALIBABA_CLOUD_ENDPOINT: " : "--endpoint: ") + why;
  bool allLoopback = client.endpoint && isLoopbackHost(client.endpoint->host);
  for (const apis::ProductRecord &product : products) {
    std::string name = "ALIBABA_CLOUD_ENDPOINT_" + productVariable(product.code);
    if (std::optional<std::string> own = environment(name)) {
      std::optional<EndpointUrl> url = parseEndpointUrl(*own, why);
      if (!url)
        return name + ": " + why;
      allLoopback = allLoopback && isLoopbackHost(url->host);
      client.productEndpoints[lowerCase(product.code)] = *url;
    }
  }
  // Real clouds keep real time; only a test cloud runs faster.
  if (settings.timeScale != 1 && !allLoopback)
    return std::string("--time-scale goes only with a test cloud on loopback (--endpoint "
                       "http://127.0.0.1:PORT of `oosc sim serve --time-scale N`)");
  return std::nullopt;
}

} // namespace

Outcome<std::unique_ptr<runtime::CloudBackend>> openRunnerCloud(const runtime::RealCloudSettings &settings,
                                                                const runtime::RunnerImage &image) {
  AliyunCloudOptions client;
  client.region = settings.region;
  client.endpointType = settings.vpcEndpoints ? EndpointType::Vpc : EndpointType::Public;
  client.signature = settings.signatureV1 ? SignatureVersion::V1 : SignatureVersion::V3;
  EnvironmentLookup environment = processEnvironment();
  std::vector<apis::ProductRecord> products = withOos(image);
  std::string everyCall;
  if (auto error = readEndpoints(settings, environment, products, client, everyCall))
    return runtime::fail(*error);
  auto transport = makeCurlTransport({});
  if (!transport)
    return transport.error();
  client.transport = std::move(transport.value());
  ChainOptions chain;
  chain.environment = environment;
  chain.profile = settings.profile;
  // STS goes where the other calls go when an endpoint is given (a private
  // or test cloud), unless ALIBABA_CLOUD_STS_ENDPOINT says otherwise.
  chain.stsEndpoint = environment("ALIBABA_CLOUD_STS_ENDPOINT").value_or(everyCall);
  if (chain.stsEndpoint.empty())
    chain.stsEndpoint = stsEndpointUrl(settings.region, client.endpointType);
  chain.transport = client.transport;
  auto credentials = defaultCredentialChain(chain);
  if (!credentials)
    return runtime::fail("--cloud aliyun " + credentials.error().message);
  client.credentials = std::move(credentials.value());
  auto account = callerAccount({chain.stsEndpoint, client.transport, nullptr}, client.credentials);
  if (!account)
    return runtime::fail("--cloud aliyun: " + account.error().message);
  return std::unique_ptr<runtime::CloudBackend>(
      std::make_unique<RunnerCloud>(std::move(products), std::move(client), account.value()));
}

} // namespace oosc::openapi
