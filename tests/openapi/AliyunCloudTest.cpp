// The real-cloud backend against a loopback server standing in for an
// OpenAPI endpoint: the request it sends (signed so that the signature
// checks out from what arrived), and how it reads answers and failures.
#include "oosc/openapi/AliyunCloud.h"
#include "oosc/openapi/Verification.h"

#include "oosc/apis/CloudApis.h"

#include "support/LoopbackServer.h"

#include <gtest/gtest.h>

namespace {

using oosc::openapi::AliyunCloud;
using oosc::openapi::AliyunCloudOptions;
using oosc::openapi::Field;
using oosc::openapi::Fields;
using oosc::runtime::Value;

constexpr const char *kSecret = "loopback-test-secret";

Fields queryOf(const std::string &target) {
  std::size_t question = target.find('?');
  if (question == std::string::npos)
    return {};
  return oosc::openapi::decodeQuery(std::string_view(target).substr(question + 1), false);
}

std::string valueOf(const Fields &fields, std::string_view name) {
  for (const Field &field : fields)
    if (field.name == name)
      return field.value;
  return "<absent>";
}

AliyunCloudOptions optionsFor(int port, oosc::openapi::Credentials credentials = {"LTAIloopbacktest1234", kSecret, ""}) {
  AliyunCloudOptions options;
  options.table = &oosc::apis::cloudApis();
  std::string why;
  options.endpoint = oosc::openapi::parseEndpointUrl("http://127.0.0.1:" + std::to_string(port), why);
  auto transport = oosc::openapi::makeCurlTransport({});
  EXPECT_TRUE(transport.ok());
  options.transport = std::move(transport.value());
  options.credentials = oosc::openapi::fixedCredentials(std::move(credentials), "the test");
  options.now = [] { return std::time_t(1765000000); };
  options.nonce = [] { return std::string("0123456789abcdef0123456789abcdef"); };
  // One attempt: these servers answer once (retries: tests/simserve).
  options.retry.maxAttempts = 1;
  return options;
}

Value parameters(std::string_view json) { return *oosc::runtime::parseJson(json); }

TEST(AliyunCloud, SignsV3SoThatTheSignatureChecksOutFromWhatArrived) {
  oosc::testing::OneRequestServer server(200, R"({"RequestId":"r-1","TotalCount":0})");
  AliyunCloud cloud(optionsFor(server.port()));
  auto answer = cloud.call("ecs", "DescribeInstances", parameters(R"({"InstanceIds": ["i-1", "i 2"], "PageSize": 10})"));
  ASSERT_TRUE(answer.ok()) << answer.error().code << ": " << answer.error().message;
  EXPECT_EQ(answer.value().find("RequestId")->getString(), "r-1");

  oosc::testing::HttpRequest sent = oosc::testing::parseHttpRequest(server.received());
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.header("x-acs-action"), "DescribeInstances");
  EXPECT_EQ(sent.header("x-acs-version"), "2014-05-26");
  EXPECT_EQ(sent.header("x-acs-date"), "2025-12-06T05:46:40Z");
  Fields query = queryOf(sent.target);
  EXPECT_EQ(valueOf(query, "InstanceIds"), R"(["i-1","i 2"])");
  EXPECT_EQ(valueOf(query, "PageSize"), "10");

  oosc::openapi::v3::RequestToSign received;
  received.method = sent.method;
  received.canonicalUri = sent.target.substr(0, sent.target.find('?'));
  received.query = query;
  for (auto &[name, value] : sent.headerFields())
    received.headers.push_back({name, value});
  received.payloadHash = oosc::openapi::sha256Hex(sent.body);
  EXPECT_EQ(sent.header("x-acs-content-sha256"), received.payloadHash);
  EXPECT_EQ(sent.header("Authorization"),
            oosc::openapi::v3::authorization(received, "LTAIloopbacktest1234", kSecret));
}

TEST(AliyunCloud, SignsV1OnRequest) {
  oosc::testing::OneRequestServer server(200, R"({"RequestId":"r-1"})");
  AliyunCloudOptions options = optionsFor(server.port(), {"LTAIloopbacktest1234", kSecret, "sts-token"});
  options.signature = oosc::openapi::SignatureVersion::V1;
  AliyunCloud cloud(std::move(options));
  ASSERT_TRUE(cloud.call("ESS", "DescribeScalingGroups", parameters(R"({"ScalingGroupIds": ["asg-1"]})")).ok());
  oosc::testing::HttpRequest sent = oosc::testing::parseHttpRequest(server.received());
  Fields query = queryOf(sent.target);
  EXPECT_EQ(valueOf(query, "Action"), "DescribeScalingGroups");
  EXPECT_EQ(valueOf(query, "Version"), "2014-08-28");
  EXPECT_EQ(valueOf(query, "ScalingGroupId.1"), "asg-1");
  EXPECT_EQ(valueOf(query, "SecurityToken"), "sts-token");
  std::string signature = valueOf(query, "Signature");
  Fields signedParams;
  for (const Field &field : query)
    if (field.name != "Signature")
      signedParams.push_back(field);
  EXPECT_EQ(signature, oosc::openapi::v1::sign(sent.method, signedParams, kSecret));
}

TEST(AliyunCloud, AnErrorBodyBecomesTheApiError) {
  oosc::testing::OneRequestServer server(
      404, R"({"RequestId":"r-2","HostId":"ecs.aliyuncs.com","Code":"InvalidInstanceId.NotFound",)"
           R"("Message":"The specified InstanceId does not exist.","Recommend":"https://api.aliyun.com"})");
  AliyunCloud cloud(optionsFor(server.port()));
  auto answer = cloud.call("ECS", "StartInstance", parameters(R"({"InstanceId": "i-gone"})"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "InvalidInstanceId.NotFound");
  EXPECT_EQ(answer.error().message, "The specified InstanceId does not exist.");
  EXPECT_EQ(answer.error().httpStatus, 404);
  EXPECT_EQ(answer.error().requestId, "r-2");
}

TEST(AliyunCloud, ABodyThatIsNotJsonSaysWhatCame) {
  oosc::testing::OneRequestServer server(502, "<html>Bad Gateway</html>");
  AliyunCloud cloud(optionsFor(server.port()));
  auto answer = cloud.call("ECS", "DescribeRegions", parameters("{}"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "HTTP502");
  EXPECT_EQ(answer.error().httpStatus, 502);
  EXPECT_NE(answer.error().message.find("Bad Gateway"), std::string::npos) << answer.error().message;
}

TEST(AliyunCloud, ATextAnswerReachesTheTemplateAsData) {
  // ACK's DescribeClusterAttachScripts answers the script itself.
  oosc::testing::OneRequestServer server(200, "curl http://aliacs-k8s.oss.aliyuncs.com/attach.sh | bash -s -- --token t");
  AliyunCloud cloud(optionsFor(server.port()));
  auto answer = cloud.call("CS", "DescribeClusterAttachScripts", parameters(R"({"ClusterId": "c1", "body": "{}"})"));
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  const Value *data = answer.value().find("data");
  ASSERT_TRUE(data && data->isString()) << answer.value().toJson();
  EXPECT_EQ(data->getString().rfind("curl http://aliacs-k8s", 0), 0u);

  oosc::testing::OneRequestServer empty(200, "");
  AliyunCloud second(optionsFor(empty.port()));
  auto nothing = second.call("CS", "DescribeClusterAttachScripts", parameters(R"({"ClusterId": "c1", "body": "{}"})"));
  ASSERT_TRUE(nothing.ok()) << nothing.error().message;
  EXPECT_EQ(nothing.value().toJson(), "{}");
}

TEST(AliyunCloud, ARefusedConnectionIsAnErrorThatNamesTheEndpoint) {
  int port;
  {
    oosc::testing::KeepAliveServer closed(200, "{}");
    port = closed.port();
  }
  AliyunCloud cloud(optionsFor(port));
  auto answer = cloud.call("ECS", "DescribeRegions", parameters("{}"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "oosc.ConnectionFailed");
  EXPECT_NE(answer.error().message.find("127.0.0.1:" + std::to_string(port)), std::string::npos);
}

TEST(AliyunCloud, AFailedCallNamesTheEndpointButNotTheSignedQuery) {
  int port;
  {
    oosc::testing::KeepAliveServer closed(200, "{}");
    port = closed.port();
  }
  AliyunCloudOptions options = optionsFor(port, {"LTAIloopbacktest1234", kSecret, "sts-token-secret"});
  options.signature = oosc::openapi::SignatureVersion::V1;
  AliyunCloud cloud(std::move(options));
  auto answer = cloud.call("ECS", "DescribeRegions", parameters("{}"));
  ASSERT_FALSE(answer.ok());
  EXPECT_NE(answer.error().message.find("http://127.0.0.1:" + std::to_string(port) + "/"), std::string::npos)
      << answer.error().message;
  EXPECT_EQ(answer.error().message.find("sts-token-secret"), std::string::npos) << answer.error().message;
  EXPECT_EQ(answer.error().message.find("Signature"), std::string::npos) << answer.error().message;
  EXPECT_EQ(answer.error().message.find("LTAIloopbacktest1234"), std::string::npos) << answer.error().message;
}

TEST(AliyunCloud, AServiceTheTableLacksIsNotCalled) {
  AliyunCloud cloud(optionsFor(1));
  auto answer = cloud.call("NoSuchProduct", "DoIt", parameters("{}"));
  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().code, "oosc.UnknownService");
}

TEST(AliyunCloud, TheDescriptionNamesTheKeyMaskedAndNeverTheSecret) {
  AliyunCloud cloud(optionsFor(8080, {"LTAIloopbacktest1234", kSecret, "sts-token-secret"}));
  std::string description = cloud.describe();
  EXPECT_NE(description.find("LTAI************1234"), std::string::npos) << description;
  EXPECT_NE(description.find("http://127.0.0.1:8080"), std::string::npos) << description;
  EXPECT_EQ(description.find(kSecret), std::string::npos);
  EXPECT_EQ(description.find("sts-token-secret"), std::string::npos);
}

} // namespace

namespace {

TEST(AliyunCloud, ARestfulCallsUriAndBodyAsATemplateWritesThemReachTheWire) {
  // ACS::ExecuteAPI of CS's ModifyClusterNodePool the way Alibaba's
  // templates write it: the path in URI, the body as JSON text.
  oosc::testing::OneRequestServer server(200, R"({"request_id":"r-1","task_id":"t-1"})");
  AliyunCloud cloud(optionsFor(server.port()));
  auto answer = cloud.call("CS", "ModifyClusterNodePool",
                           parameters(R"({"Method": "PUT", "URI": "/clusters/c-1/nodepools/np-2?x=1",
                                          "Headers": {}, "Body": "{\"scaling_group\": {\"desired_size\": 3}}"})"));
  ASSERT_TRUE(answer.ok()) << answer.error().code << ": " << answer.error().message;
  oosc::testing::HttpRequest sent = oosc::testing::parseHttpRequest(server.received());
  EXPECT_EQ(sent.method, "PUT");
  EXPECT_EQ(sent.target.substr(0, sent.target.find('?')), "/clusters/c-1/nodepools/np-2");
  EXPECT_EQ(valueOf(queryOf(sent.target), "x"), "1");
  EXPECT_EQ(valueOf(queryOf(sent.target), "URI"), "<absent>");
  EXPECT_EQ(*oosc::runtime::parseJson(sent.body), parameters(R"({"scaling_group": {"desired_size": 3}})"));
}

TEST(AliyunCloud, AUriOfAnotherApiIsSentThereAndOneOfNoApiIsRefused) {
  // Alibaba's ACS::CS::RunCommand names DescribeClusters but GETs
  // /clusters/ID, which is DescribeClusterDetail's path: the gateway routes
  // by path, so the call goes there.
  oosc::testing::OneRequestServer server(200, R"({"cluster_id":"c-1","cluster_type":"ManagedKubernetes"})");
  AliyunCloud cloud(optionsFor(server.port()));
  auto answer = cloud.call("CS", "DescribeClusters", parameters(R"({"Method": "GET", "URI": "/clusters/c-1"})"));
  ASSERT_TRUE(answer.ok()) << answer.error().code << ": " << answer.error().message;
  oosc::testing::HttpRequest sent = oosc::testing::parseHttpRequest(server.received());
  EXPECT_EQ(sent.method, "GET");
  EXPECT_EQ(sent.target.substr(0, sent.target.find('?')), "/clusters/c-1");
  EXPECT_EQ(sent.header("x-acs-action"), "DescribeClusterDetail");

  auto nowhere = cloud.call("CS", "DescribeClusters", parameters(R"({"URI": "/no/such/path/here"})"));
  ASSERT_FALSE(nowhere.ok());
  EXPECT_EQ(nowhere.error().code, "oosc.BadRequest");
  EXPECT_NE(nowhere.error().message.find("'/no/such/path/here' does not have the path of DescribeClusters"),
            std::string::npos)
      << nowhere.error().message;
}

} // namespace
