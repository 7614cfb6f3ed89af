// Our requests against what Alibaba Cloud's own SDK clients send for the
// same call: each client (../shared/tools/alicloud-sdk/call.js: the
// generated ECS and VPC SDKs, openapi-client and pop-core) and our client
// (given the template's form of the same parameters) call a loopback server
// that keeps the request; the API parameters of both, decoded from the
// query and the form body, must be the same. (The generated SDKs take their models' own
// camelCase field names inside structures: `Tag: [{key, value}]`.) Skipped,
// saying why, without node or the SDK.
#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/AliyunCloud.h"
#include "oosc/openapi/Verification.h"

#include "cli/Subprocess.h"
#include "support/LoopbackServer.h"
#include "support/Tools.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using oosc::openapi::Field;
using oosc::openapi::Fields;
using oosc::runtime::Value;
using Pairs = std::multiset<std::pair<std::string, std::string>>;

/// The parameters that are the SDK's own, not the API's.
bool isCommonParameter(const std::string &name) {
  static const std::set<std::string> kCommon = {"Action", "Version", "Format", "AccessKeyId", "Signature",
                                                "SignatureMethod", "SignatureVersion", "SignatureNonce",
                                                "SignatureType", "Timestamp", "SecurityToken"};
  return kCommon.count(name) > 0;
}

Pairs apiParametersOf(const oosc::testing::HttpRequest &request) {
  Fields fields;
  std::size_t question = request.target.find('?');
  if (question != std::string::npos)
    fields = oosc::openapi::decodeQuery(std::string_view(request.target).substr(question + 1), false);
  if (request.header("Content-Type").find("x-www-form-urlencoded") != std::string::npos)
    for (Field &field : oosc::openapi::decodeQuery(request.body, true))
      fields.push_back(std::move(field));
  Pairs pairs;
  for (const Field &field : fields)
    pairs.emplace(field.name, field.value);
  for (auto it = pairs.begin(); it != pairs.end();)
    it = isCommonParameter(it->first) ? pairs.erase(it) : std::next(it);
  return pairs;
}

std::string show(const Pairs &pairs) {
  std::string text;
  for (const auto &[name, value] : pairs)
    text += "  " + name + "=" + value + "\n";
  return text;
}

class SdkEncoding : public ::testing::Test {
protected:
  void SetUp() override {
    tools_ = fs::path(OOSC_SHARED_TOOLS) / "alicloud-sdk";
    if (std::string missing = oosc::testing::missingAlicloudSdk(tools_); !missing.empty())
      GTEST_SKIP() << missing;
    node_ = oosc::testing::findOnPath("node");
    setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIloopbacktest", 1);
    setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "loopback-test-secret", 1);
    unsetenv("ALIBABA_CLOUD_SECURITY_TOKEN");
  }

  /// What \p client sends for \p action with \p sdkParams (the SDK's form).
  Pairs sdkSends(const std::string &client, const std::string &product, const std::string &version,
                 const std::string &action, const std::string &sdkParams) {
    oosc::testing::OneRequestServer server(200, R"({"RequestId":"loopback-capture"})");
    oosc::testing::RunResult result = oosc::testing::runProgram(
        node_, {(tools_ / "call.js").string(), "--client", client, "--endpoint",
                "127.0.0.1:" + std::to_string(server.port()), "--product", product, "--api-version", version,
                "--action", action, "--region", "cn-hangzhou", "--params-json", sdkParams});
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    return apiParametersOf(oosc::testing::parseHttpRequest(server.received()));
  }

  /// What our client sends for the template's \p parameters (JSON), caught
  /// the same way: signature v1 to compare with pop-core, v3 otherwise.
  Pairs weSend(const std::string &service, const std::string &api, const std::string &parameters,
               oosc::openapi::SignatureVersion signature = oosc::openapi::SignatureVersion::V3) {
    std::optional<Value> value = oosc::runtime::parseJson(parameters);
    EXPECT_TRUE(value) << parameters;
    oosc::testing::OneRequestServer server(200, R"({"RequestId":"loopback-capture"})");
    oosc::openapi::AliyunCloudOptions options;
    options.table = &oosc::apis::cloudApis();
    std::string why;
    options.endpoint = oosc::openapi::parseEndpointUrl(server.uri(""), why);
    auto transport = oosc::openapi::makeCurlTransport({});
    EXPECT_TRUE(transport.ok());
    options.transport = std::move(transport.value());
    options.credentials =
        oosc::openapi::fixedCredentials({"LTAIloopbacktest", "loopback-test-secret", ""}, "the test");
    options.signature = signature;
    oosc::openapi::AliyunCloud cloud(std::move(options));
    auto answer = cloud.call(service, api, value ? *value : Value());
    EXPECT_TRUE(answer.ok()) << (answer.ok() ? "" : answer.error().message);
    return apiParametersOf(oosc::testing::parseHttpRequest(server.received()));
  }

  void expectSame(const Pairs &ours, const Pairs &sdk) {
    EXPECT_FALSE(sdk.empty());
    EXPECT_EQ(ours, sdk) << "ours:\n" << show(ours) << "the SDK's:\n" << show(sdk);
  }

  fs::path tools_;
  std::string node_;
};

TEST_F(SdkEncoding, EcsDescribeInstancesLikeTheGeneratedEcsSdk) {
  expectSame(weSend("ECS", "DescribeInstances",
                    R"({"RegionId": "cn-hangzhou", "InstanceIds": ["i-1", "i-2"], "PageSize": 50, "DryRun": false,
                        "Tag": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "a b*~"}]})"),
             sdkSends("ecs", "Ecs", "2014-05-26", "DescribeInstances",
                      R"({"InstanceIds": "[\"i-1\",\"i-2\"]", "PageSize": 50, "DryRun": false,
                          "Tag": [{"key": "env", "value": "prod"}, {"key": "team", "value": "a b*~"}]})"));
}

TEST_F(SdkEncoding, EcsRunInstancesStructsAndListsOfMappings) {
  expectSame(weSend("ECS", "RunInstances",
                    R"({"RegionId": "cn-hangzhou", "ImageId": "m-1", "InstanceType": "ecs.g7.large", "Amount": 2,
                        "SystemDisk": {"Category": "cloud_essd", "Size": 40},
                        "DataDisk": [{"Size": 100, "Category": "cloud_auto"}],
                        "Tag": [{"Key": "中文", "Value": "v/1"}]})"),
             sdkSends("ecs", "Ecs", "2014-05-26", "RunInstances",
                      R"({"ImageId": "m-1", "InstanceType": "ecs.g7.large", "Amount": 2,
                          "SystemDisk": {"category": "cloud_essd", "size": 40},
                          "DataDisk": [{"size": 100, "category": "cloud_auto"}],
                          "Tag": [{"key": "中文", "value": "v/1"}]})"));
}

TEST_F(SdkEncoding, VpcDescribeVpcsLikeTheGeneratedVpcSdk) {
  expectSame(weSend("VPC", "DescribeVpcs",
                    R"({"RegionId": "cn-hangzhou", "VpcId": "vpc-1", "IsDefault": true, "PageSize": 10,
                        "Tag": [{"Key": "k", "Value": "v"}]})"),
             sdkSends("vpc", "Vpc", "2016-04-28", "DescribeVpcs",
                      R"({"VpcId": "vpc-1", "IsDefault": true, "PageSize": 10, "Tag": [{"key": "k", "value": "v"}]})"));
}

TEST_F(SdkEncoding, EssPluralRepeatListLikePopCore) {
  expectSame(weSend("ESS", "DescribeScalingGroups",
                    R"({"RegionId": "cn-hangzhou", "ScalingGroupIds": ["asg-1", "asg-2"], "PageSize": 20})",
                    oosc::openapi::SignatureVersion::V1),
             sdkSends("pop", "Ess", "2014-08-28", "DescribeScalingGroups",
                      R"({"ScalingGroupId": ["asg-1", "asg-2"], "PageSize": 20})"));
}

TEST_F(SdkEncoding, OosJsonTextParameterLikeOpenApiClient) {
  expectSame(weSend("OOS", "StartExecution",
                    R"({"RegionId": "cn-hangzhou", "TemplateName": "ACS-ECS-BulkyRunCommand",
                        "Parameters": {"regionId": "cn-hangzhou", "targets": ["i-1"]}, "Mode": "Automatic"})"),
             sdkSends("tea", "Oos", "2019-06-01", "StartExecution",
                      R"({"TemplateName": "ACS-ECS-BulkyRunCommand", "Mode": "Automatic",
                          "Parameters": "{\"regionId\":\"cn-hangzhou\",\"targets\":[\"i-1\"]}"})"));
}

} // namespace
