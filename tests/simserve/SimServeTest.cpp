// The simulated cloud served on the wire, in process: our own OpenAPI
// client against it (signatures v3 and v1, freshness, errors, XML), and
// Alibaba's SDK clients (../shared/tools/alicloud-sdk/call.js: pop-core,
// openapi-client, the generated ECS and VPC SDKs) calling it.
#include "oosc/simserve/SimServe.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/AliyunCloud.h"
#include "oosc/openapi/HttpText.h"

#include "cli/Subprocess.h"
#include "support/SimServeClient.h"
#include "support/Tools.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using oosc::openapi::AliyunCloud;
using oosc::openapi::AliyunCloudOptions;
using oosc::runtime::Value;

std::unique_ptr<oosc::simserve::SimServe> serve(std::vector<oosc::runtime::FaultRule> faults = {}) {
  oosc::simserve::SimServeOptions options;
  options.simulator.faults = std::move(faults);
  auto served = oosc::simserve::SimServe::start(std::move(options), oosc::apis::cloudApis());
  EXPECT_TRUE(served.ok()) << (served.ok() ? "" : served.error().message);
  return served.ok() ? std::move(served.value()) : nullptr;
}

AliyunCloudOptions clientOptions(const oosc::simserve::SimServe &server,
                                 std::string secret = oosc::simserve::kTestKeySecret) {
  AliyunCloudOptions options = oosc::testing::simServeClientOptions(server.url(), std::move(secret));
  EXPECT_TRUE(options.endpoint && options.transport);
  return options;
}

Value json(std::string_view text) { return *oosc::runtime::parseJson(text); }

TEST(SimServe, OurClientCallsItWithSignatureV3) {
  auto server = serve();
  ASSERT_TRUE(server);
  AliyunCloud cloud(clientOptions(*server));
  auto answer = cloud.call("ECS", "DescribeInstances", json(R"({"RegionId": "cn-hangzhou", "PageSize": 5})"));
  ASSERT_TRUE(answer.ok()) << answer.error().code << ": " << answer.error().message;
  ASSERT_NE(answer.value().find("Instances"), nullptr);
  EXPECT_FALSE(answer.value().find("RequestId")->getString().empty());
}

TEST(SimServe, OurClientCallsItWithSignatureV1) {
  auto server = serve();
  ASSERT_TRUE(server);
  AliyunCloudOptions options = clientOptions(*server);
  options.signature = oosc::openapi::SignatureVersion::V1;
  AliyunCloud cloud(std::move(options));
  auto answer = cloud.call("ESS", "DescribeScalingGroups", json(R"({"RegionId": "cn-hangzhou"})"));
  ASSERT_TRUE(answer.ok()) << answer.error().code << ": " << answer.error().message;
  EXPECT_NE(answer.value().find("ScalingGroups"), nullptr);
}

TEST(SimServe, AWrongSecretIsRefused) {
  auto server = serve();
  ASSERT_TRUE(server);
  for (auto version : {oosc::openapi::SignatureVersion::V3, oosc::openapi::SignatureVersion::V1}) {
    AliyunCloudOptions options = clientOptions(*server, "not-the-secret");
    options.signature = version;
    AliyunCloud cloud(std::move(options));
    auto answer = cloud.call("ECS", "DescribeRegions", json("{}"));
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().code, "SignatureDoesNotMatch");
    EXPECT_EQ(answer.error().httpStatus, 400);
    EXPECT_FALSE(answer.error().requestId.empty());
  }
}

TEST(SimServe, AnUnknownKeyIsRefused) {
  auto server = serve();
  ASSERT_TRUE(server);
  AliyunCloudOptions options = clientOptions(*server);
  options.credentials = oosc::openapi::fixedCredentials({"LTAIunknownkey", "x", ""}, "the test");
  AliyunCloud cloud(std::move(options));
  auto answer = cloud.call("ECS", "DescribeRegions", json("{}"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "InvalidAccessKeyId.NotFound");
  EXPECT_EQ(answer.error().httpStatus, 404);
}

TEST(SimServe, AStaleTimestampAndAReusedNonceAreRefused) {
  auto server = serve();
  ASSERT_TRUE(server);
  AliyunCloudOptions stale = clientOptions(*server);
  stale.now = [] { return std::time(nullptr) - 3600; };
  auto old = AliyunCloud(std::move(stale)).call("ECS", "DescribeRegions", json("{}"));
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.error().code, "InvalidTimeStamp.Expired");

  AliyunCloudOptions repeating = clientOptions(*server);
  repeating.nonce = [] { return std::string("the-same-nonce-every-time"); };
  AliyunCloud cloud(std::move(repeating));
  ASSERT_TRUE(cloud.call("ECS", "DescribeRegions", json("{}")).ok());
  auto again = cloud.call("ECS", "DescribeRegions", json("{}"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "SignatureNonceUsed");
}

TEST(SimServe, AnApiNoProductHasIsInvalidActionNotFound) {
  auto server = serve();
  ASSERT_TRUE(server);
  AliyunCloud cloud(clientOptions(*server));
  auto answer = cloud.call("ECS", "DescribeNoSuchThing", json("{}"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "InvalidAction.NotFound");
  EXPECT_EQ(answer.error().httpStatus, 404);
}

/// A v1-signed GET of ECS's DescribeInstances (version 2014-05-26) sent to
/// the server with \p host as its Host header; the answer's status and body.
std::pair<long, std::string> describeInstancesWithHost(const oosc::simserve::SimServe &server,
                                                        const std::string &host) {
  oosc::openapi::Fields params = {{"Action", "DescribeInstances"},
                                  {"Version", "2014-05-26"},
                                  {"Format", "JSON"},
                                  {"AccessKeyId", oosc::simserve::kTestKeyId},
                                  {"SignatureMethod", "HMAC-SHA1"},
                                  {"SignatureVersion", "1.0"},
                                  {"SignatureNonce", "host-" + host + std::to_string(std::rand())},
                                  {"Timestamp", oosc::openapi::isoTime(std::time(nullptr))},
                                  {"RegionId", "cn-hangzhou"}};
  params.push_back({"Signature", oosc::openapi::v1::sign("GET", params, oosc::simserve::kTestKeySecret)});
  oosc::openapi::HttpRequest request;
  request.method = "GET";
  request.url = server.url() + "/?" + oosc::openapi::canonicalQueryString(params);
  request.headers.push_back({"Host", host});
  auto response = oosc::openapi::makeCurlTransport({}).value()->send(request);
  EXPECT_TRUE(response.ok());
  return response.ok() ? std::make_pair(response.value().status, response.value().body)
                       : std::make_pair(0L, std::string());
}

// The product is the one a `*.aliyuncs.com` Host header names; without one
// (a loopback address), the one whose version and API the request names.
TEST(SimServe, TheHostHeaderTellsTheProduct) {
  auto server = serve();
  ASSERT_TRUE(server);
  auto byVersion = describeInstancesWithHost(*server, "127.0.0.1:" + std::to_string(server->port()));
  EXPECT_EQ(byVersion.first, 200) << byVersion.second;
  EXPECT_NE(byVersion.second.find("\"Instances\""), std::string::npos) << byVersion.second;
  auto ecs = describeInstancesWithHost(*server, "ecs.cn-hangzhou.aliyuncs.com");
  EXPECT_EQ(ecs.first, 200) << ecs.second;
  // VPC has no DescribeInstances: named by the Host, it is VPC that answers.
  auto vpc = describeInstancesWithHost(*server, "vpc.cn-hangzhou.aliyuncs.com");
  EXPECT_EQ(vpc.first, 404) << vpc.second;
  EXPECT_NE(vpc.second.find("InvalidAction.NotFound"), std::string::npos) << vpc.second;
}

TEST(SimServe, ChangesReachTheSimulatedWorld) {
  auto server = serve();
  ASSERT_TRUE(server);
  AliyunCloud cloud(clientOptions(*server));
  auto created = cloud.call("ECS", "CreateCommand",
                            json(R"({"RegionId": "cn-hangzhou", "Name": "over-http", "Type": "RunShellScript",
                                     "CommandContent": "ZWNobyBoaQ=="})"));
  ASSERT_TRUE(created.ok()) << created.error().code << ": " << created.error().message;
  std::string id = created.value().find("CommandId")->getString();
  std::string world = server->cloud().snapshot().toJson();
  EXPECT_NE(world.find(id), std::string::npos);
  EXPECT_NE(world.find("over-http"), std::string::npos);
}


oosc::runtime::FaultRule fault(const char *api, const char *code, unsigned nthCall) {
  oosc::runtime::FaultRule rule;
  rule.service = "ECS";
  rule.api = api;
  rule.code = code;
  rule.nthCall = nthCall;
  rule.probability = nthCall ? 0 : 1;
  return rule;
}

/// A client that records its retries and waits instead of sleeping.
struct RetryRecorder {
  std::vector<oosc::openapi::RetryNotice> notices;
  std::vector<std::chrono::milliseconds> waits;
  void attach(AliyunCloudOptions &options) {
    options.onRetry = [this](const oosc::openapi::RetryNotice &notice) { notices.push_back(notice); };
    options.sleep = [this](std::chrono::milliseconds wait) { waits.push_back(wait); };
  }
};

TEST(SimServeRetries, AThrottledReadIsRepeated) {
  auto server = serve({fault("DescribeInstances", "Throttling.User", 1)});
  ASSERT_TRUE(server);
  AliyunCloudOptions options = clientOptions(*server);
  RetryRecorder recorder;
  recorder.attach(options);
  AliyunCloud cloud(std::move(options));
  auto answer = cloud.call("ECS", "DescribeInstances", json("{}"));
  ASSERT_TRUE(answer.ok()) << answer.error().code;
  ASSERT_EQ(recorder.notices.size(), 1u);
  EXPECT_EQ(recorder.notices[0].code, "Throttling.User");
  EXPECT_EQ(recorder.notices[0].attempt, 1);
  EXPECT_LE(recorder.waits[0].count(), 200);
}

TEST(SimServeRetries, AChangeWithoutClientTokenIsNotRepeated) {
  auto server = serve({fault("CreateCommand", "ServiceUnavailable", 1)});
  ASSERT_TRUE(server);
  AliyunCloudOptions options = clientOptions(*server);
  RetryRecorder recorder;
  recorder.attach(options);
  AliyunCloud cloud(std::move(options));
  Value command = json(R"({"Name": "n", "Type": "RunShellScript", "CommandContent": "ZWNobw=="})");
  auto answer = cloud.call("ECS", "CreateCommand", command);
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "ServiceUnavailable");
  EXPECT_TRUE(recorder.notices.empty());
}

TEST(SimServeRetries, AChangeWithAClientTokenIsRepeated) {
  auto server = serve({fault("CreateCommand", "ServiceUnavailable", 1)});
  ASSERT_TRUE(server);
  AliyunCloudOptions options = clientOptions(*server);
  RetryRecorder recorder;
  recorder.attach(options);
  AliyunCloud cloud(std::move(options));
  Value command =
      json(R"({"Name": "n", "Type": "RunShellScript", "CommandContent": "ZWNobw==", "ClientToken": "t-1"})");
  auto answer = cloud.call("ECS", "CreateCommand", command);
  ASSERT_TRUE(answer.ok()) << answer.error().code;
  EXPECT_EQ(recorder.notices.size(), 1u);
}

TEST(SimServeRetries, ItGivesUpAfterTheLastAttemptWithGrowingWaits) {
  auto server = serve({fault("DescribeRegions", "Throttling", 0)});
  ASSERT_TRUE(server);
  AliyunCloudOptions options = clientOptions(*server);
  options.random = [] { return 0.999; };
  RetryRecorder recorder;
  recorder.attach(options);
  AliyunCloud cloud(std::move(options));
  auto answer = cloud.call("ECS", "DescribeRegions", json("{}"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "Throttling");
  ASSERT_EQ(recorder.waits.size(), 4u); // 5 attempts
  EXPECT_EQ(recorder.waits[0].count(), 199);
  EXPECT_EQ(recorder.waits[1].count(), 399);
  EXPECT_EQ(recorder.waits[2].count(), 799);
  EXPECT_EQ(recorder.waits[3].count(), 1598);
}

/// call.js, Alibaba's own SDK clients, against the served simulator.
class SdkClients : public ::testing::Test {
protected:
  void SetUp() override {
    tools_ = fs::path(OOSC_SHARED_TOOLS) / "alicloud-sdk";
    if (std::string missing = oosc::testing::missingAlicloudSdk(tools_); !missing.empty())
      GTEST_SKIP() << missing;
    node_ = oosc::testing::findOnPath("node");
    server_ = serve();
    ASSERT_TRUE(server_);
    setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", oosc::simserve::kTestKeyId, 1);
    setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", oosc::simserve::kTestKeySecret, 1);
    unsetenv("ALIBABA_CLOUD_SECURITY_TOKEN");
  }

  /// What the client made of the answer: call.js's JSON line.
  Value call(const std::string &client, const std::string &product, const std::string &version,
             const std::string &action, const std::string &params = "{}") {
    oosc::testing::RunResult result = oosc::testing::runProgram(
        node_, {(tools_ / "call.js").string(), "--client", client, "--endpoint",
                "127.0.0.1:" + std::to_string(server_->port()), "--product", product, "--api-version", version,
                "--action", action, "--params-json", params});
    std::optional<Value> line = oosc::runtime::parseJson(result.out);
    EXPECT_TRUE(line) << result.out << result.err;
    return line ? *line : Value();
  }

  fs::path tools_;
  std::string node_;
  std::unique_ptr<oosc::simserve::SimServe> server_;
};

bool succeeded(const Value &line) {
  const Value *ok = line.find("ok");
  return ok && ok->isBool() && ok->getBool();
}

TEST_F(SdkClients, EachClientGetsAnAnswerItParses) {
  struct Case {
    const char *client, *product, *version, *action, *params, *field;
  };
  const Case cases[] = {
      {"pop", "Ecs", "2014-05-26", "DescribeInstances", R"({"PageSize": 2})", "Instances"},
      {"tea", "Ecs", "2014-05-26", "DescribeImages", "{}", "Images"},
      {"ecs", "Ecs", "2014-05-26", "DescribeRegions", "{}", "Regions"},
      {"vpc", "Vpc", "2016-04-28", "DescribeVpcs", "{}", "Vpcs"},
      {"pop", "Ess", "2014-08-28", "DescribeScalingGroups", "{}", "ScalingGroups"},
      {"tea", "Ess", "2014-08-28", "DescribeScalingConfigurations", "{}", "ScalingConfigurations"},
  };
  for (const Case &c : cases) {
    Value line = call(c.client, c.product, c.version, c.action, c.params);
    ASSERT_TRUE(succeeded(line)) << c.client << " " << c.action << ": " << line.toJson();
    const Value *body = line.find("body");
    ASSERT_TRUE(body) << line.toJson();
    EXPECT_NE(body->find(c.field), nullptr) << c.client << " " << c.action << ": " << line.toJson();
  }
}

TEST_F(SdkClients, AWrongSecretIsRefusedForEveryClient) {
  setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret", 1);
  for (const char *client : {"pop", "tea", "ecs"}) {
    Value line = call(client, "Ecs", "2014-05-26", "DescribeRegions");
    EXPECT_FALSE(succeeded(line)) << client;
    const Value *code = line.find("code");
    ASSERT_TRUE(code) << line.toJson();
    EXPECT_EQ(code->toDisplayString(), "SignatureDoesNotMatch") << client << ": " << line.toJson();
  }
}

} // namespace
