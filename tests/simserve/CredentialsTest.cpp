// The credential chain: the environment and ~/.aliyun/config.json profiles
// (AK, StsToken, RamRoleArn), the role's temporary credentials obtained from
// the served simulator's STS (AssumeRole) and refreshed before they expire,
// and what the served STS accepts and refuses.
#include "simserve/CredentialFixture.h"

namespace {

using oosc::testing::CredentialChain;

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
