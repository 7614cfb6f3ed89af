// The credential chain: the environment and ~/.aliyun/config.json profiles
// (AK, StsToken, RamRoleArn), the role's temporary credentials obtained from
// the served simulator's STS (AssumeRole) and refreshed before they expire,
// and what the served STS accepts and refuses.
#include "oosc/simserve/SimServe.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/AliyunCloud.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace {

namespace fs = std::filesystem;
using oosc::openapi::AliyunCloud;
using oosc::openapi::AliyunCloudOptions;
using oosc::openapi::ChainOptions;
using oosc::runtime::Value;

class CredentialChain : public ::testing::Test {
protected:
  void SetUp() override {
    home_ = fs::temp_directory_path() /
            ("oosc-credentials-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(home_);
    fs::create_directories(home_ / ".aliyun");
    auto served = oosc::simserve::SimServe::start({}, oosc::apis::cloudApis());
    ASSERT_TRUE(served.ok()) << served.error().message;
    server_ = std::move(served.value());
  }
  void TearDown() override { fs::remove_all(home_); }

  void writeConfig(const std::string &json) { std::ofstream(home_ / ".aliyun" / "config.json") << json; }

  ChainOptions options(std::string profile = "") {
    ChainOptions chain;
    chain.environment = [this](const std::string &name) -> std::optional<std::string> {
      auto found = environment_.find(name);
      return found == environment_.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
    chain.profile = std::move(profile);
    chain.homeDirectory = home_.string();
    chain.stsEndpoint = server_->url();
    auto transport = oosc::openapi::makeCurlTransport({});
    EXPECT_TRUE(transport.ok());
    chain.transport = std::move(transport.value());
    chain.now = [this] { return now_; };
    return chain;
  }

  /// A call to the served simulator signed with \p credentials.
  oosc::runtime::Outcome<Value, oosc::runtime::ApiError> callWith(oosc::openapi::Credentials credentials,
                                                                  const std::string &service = "ECS",
                                                                  const std::string &api = "DescribeRegions") {
    AliyunCloudOptions client;
    client.table = &oosc::apis::cloudApis();
    std::string why;
    client.endpoint = oosc::openapi::parseEndpointUrl(server_->url(), why);
    client.transport = std::move(oosc::openapi::makeCurlTransport({}).value());
    client.credentials = oosc::openapi::fixedCredentials(std::move(credentials), "the test");
    client.retry.maxAttempts = 1;
    return AliyunCloud(std::move(client)).call(service, api, Value(Value::Map{}));
  }

  std::string roleProfile(const std::string &name, const std::string &secret = oosc::simserve::kTestKeySecret) {
    return R"({"name": ")" + name + R"(", "mode": "RamRoleArn", "access_key_id": ")" + oosc::simserve::kTestKeyId +
           R"(", "access_key_secret": ")" + secret +
           R"(", "ram_role_arn": "acs:ram::1234567890123456:role/deployer", "ram_session_name": "ci",
               "expired_seconds": 900})";
  }

  fs::path home_;
  std::map<std::string, std::string> environment_;
  std::time_t now_ = std::time(nullptr);
  std::unique_ptr<oosc::simserve::SimServe> server_;
};

TEST_F(CredentialChain, TheEnvironmentComesFirst) {
  environment_ = {{"ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIfromtheenvironment"}, {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s"}};
  writeConfig(R"({"current": "p", "profiles": [{"name": "p", "mode": "AK", "access_key_id": "LTAIfromthefile",
                 "access_key_secret": "s"}]})");
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok()) << provider.error().message;
  EXPECT_EQ(provider.value()->get().value().accessKeyId, "LTAIfromtheenvironment");
}

TEST_F(CredentialChain, AProfileByNameOrByTheEnvironmentOrCurrent) {
  writeConfig(R"({"current": "first", "profiles": [
      {"name": "first", "mode": "AK", "access_key_id": "LTAIfirst00001", "access_key_secret": "s1"},
      {"name": "second", "mode": "StsToken", "access_key_id": "STS.second0001", "access_key_secret": "s2",
       "sts_token": "token-2"}]})");
  auto current = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(current.ok()) << current.error().message;
  EXPECT_EQ(current.value()->get().value().accessKeyId, "LTAIfirst00001");
  EXPECT_NE(current.value()->describe().find("profile 'first'"), std::string::npos);

  environment_ = {{"ALIBABA_CLOUD_PROFILE", "second"}};
  auto fromEnvironment = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(fromEnvironment.ok()) << fromEnvironment.error().message;
  EXPECT_EQ(fromEnvironment.value()->get().value().securityToken, "token-2");

  // Named on the command line: over the environment's keys too.
  environment_ = {{"ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenv"}, {"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "s"}};
  auto named = oosc::openapi::defaultCredentialChain(options("first"));
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named.value()->get().value().accessKeyId, "LTAIfirst00001");
}

TEST_F(CredentialChain, WithNothingItSaysWhereItLookedAndWhy) {
  auto none = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("the environment (ALIBABA_CLOUD_ACCESS_KEY_ID"), std::string::npos)
      << none.error().message;
  EXPECT_NE(none.error().message.find("~/.aliyun/config.json (no such file)"), std::string::npos)
      << none.error().message;

  writeConfig(R"({"current": "x", "profiles": [{"name": "x", "mode": "CloudSSO"}]})");
  auto unsupported = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(unsupported.ok());
  EXPECT_NE(unsupported.error().message.find("profile 'x': mode CloudSSO is not supported yet"), std::string::npos)
      << unsupported.error().message;

  writeConfig("{not json");
  auto broken = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("not a JSON object"), std::string::npos) << broken.error().message;
}

TEST_F(CredentialChain, ARoleIsAssumedFromTheServedStsAndItsKeysWork) {
  writeConfig(R"({"current": "deploy", "profiles": [)" + roleProfile("deploy") + "]}");
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok()) << provider.error().message;
  auto credentials = provider.value()->get();
  ASSERT_TRUE(credentials.ok()) << credentials.error().message;
  EXPECT_EQ(credentials.value().accessKeyId.rfind("STS.", 0), 0u) << credentials.value().accessKeyId;
  EXPECT_FALSE(credentials.value().securityToken.empty());
  EXPECT_NE(provider.value()->describe().find("role acs:ram::1234567890123456:role/deployer"), std::string::npos);
  EXPECT_EQ(provider.value()->describe().find(credentials.value().accessKeySecret), std::string::npos);

  auto identity = callWith(credentials.value(), "STS", "GetCallerIdentity");
  ASSERT_TRUE(identity.ok()) << identity.error().code << ": " << identity.error().message;
  EXPECT_EQ(identity.value().find("IdentityType")->getString(), "AssumedRoleUser");
  EXPECT_EQ(identity.value().find("Arn")->getString(), "acs:ram::1234567890123456:assumed-role/deployer/ci");
  EXPECT_TRUE(callWith(credentials.value()).ok());
}

TEST_F(CredentialChain, TemporaryKeysAreRefreshedBeforeTheyExpire) {
  writeConfig(R"({"current": "deploy", "profiles": [)" + roleProfile("deploy") + "]}");
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok());
  std::string first = provider.value()->get().value().accessKeyId;
  now_ += 60; // far from expiry: the same keys
  EXPECT_EQ(provider.value()->get().value().accessKeyId, first);
  now_ += 900 - 60 - 200; // 200 s left of 900: under a quarter, refreshed
  std::string second = provider.value()->get().value().accessKeyId;
  EXPECT_NE(second, first);
}

TEST_F(CredentialChain, AWrongSourceSecretIsSaid) {
  writeConfig(R"({"current": "deploy", "profiles": [)" + roleProfile("deploy", "not-the-secret") + "]}");
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok());
  auto credentials = provider.value()->get();
  ASSERT_FALSE(credentials.ok());
  EXPECT_NE(credentials.error().message.find("AssumeRole of acs:ram::1234567890123456:role/deployer failed: "
                                             "SignatureDoesNotMatch"),
            std::string::npos)
      << credentials.error().message;
  EXPECT_EQ(credentials.error().message.find("not-the-secret"), std::string::npos);
}

TEST_F(CredentialChain, TheServedStsChecksTheToken) {
  writeConfig(R"({"current": "deploy", "profiles": [)" + roleProfile("deploy") + "]}");
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok());
  oosc::openapi::Credentials credentials = provider.value()->get().value();
  oosc::openapi::Credentials wrongToken = credentials;
  wrongToken.securityToken = "CAISnot-the-token";
  auto refused = callWith(wrongToken);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "InvalidSecurityToken.Mismatch");
  oosc::openapi::Credentials noToken = credentials;
  noToken.securityToken.clear();
  EXPECT_EQ(callWith(noToken).error().code, "MissingSecurityToken");
}

} // namespace
