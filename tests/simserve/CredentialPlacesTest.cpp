// The rest of the credential chain, each place served on loopback: an OIDC
// role (the environment's, a config.json OIDC profile, an INI
// oidc_role_arn section) through the served STS's AssumeRoleWithOIDC;
// config.json's ChainableRamRoleArn, EcsRamRole and CredentialsURI modes;
// the SDKs' ~/.alibabacloud/credentials; the ECS instance's RAM role from a
// metadata service (IMDSv2 session token) served by the test; and
// ALIBABA_CLOUD_CREDENTIALS_URI. The keys each place gives are checked by
// calling the served simulator with them.
#include "simserve/CredentialFixture.h"
#include "support/LoopbackServer.h"
#include "support/SimServeClient.h"

namespace {

using oosc::testing::CredentialChain;
using oosc::testing::HttpRequest;
using oosc::testing::KeepAliveServer;
using oosc::openapi::AliyunCloud;
using oosc::openapi::AliyunCloudOptions;
using oosc::openapi::ChainOptions;
using oosc::runtime::Value;

constexpr const char *kRole = "acs:ram::1234567890123456:role/deployer";
constexpr const char *kProvider = "acs:ram::1234567890123456:oidc-provider/ci";

class CredentialPlaces : public CredentialChain {
protected:
  /// A token that expires an hour after the fixture's clock.
  std::string freshToken() {
    return oidcToken(R"({"iss":"https://oidc.example","sub":"system:serviceaccount:ci:deployer","aud":"sts",)"
                     R"("iat":)" + std::to_string(now_) + R"(,"exp":)" + std::to_string(now_ + 3600) + "}");
  }

  /// Temporary keys from the served STS, as a metadata service or a
  /// credentials URI would hand them out: JSON with Code and Expiration.
  std::string servedKeyJson() {
    ChainOptions chain = options();
    AliyunCloudOptions client = oosc::testing::simServeClientOptions(server_->url());
    client.transport = chain.transport;
    auto answer = AliyunCloud(std::move(client))
                      .call("STS", "AssumeRole",
                            Value(Value::Map{{"RoleArn", kRole}, {"RoleSessionName", "instance"},
                                             {"DurationSeconds", "900"}}));
    EXPECT_TRUE(answer.ok());
    Value key = *answer.value().find("Credentials");
    key.getMap().insert(key.getMap().begin(), {"Code", Value("Success")});
    return key.toJson();
  }

  /// The keys \p provider gives work against the served simulator.
  void expectWorkingKeys(const std::shared_ptr<oosc::openapi::CredentialsProvider> &provider) {
    auto credentials = provider->get();
    ASSERT_TRUE(credentials.ok()) << credentials.error().message;
    EXPECT_EQ(credentials.value().accessKeyId.rfind("STS.", 0), 0u) << credentials.value().accessKeyId;
    auto called = callWith(credentials.value());
    EXPECT_TRUE(called.ok()) << called.error().code << ": " << called.error().message;
    EXPECT_EQ(provider->describe().find(credentials.value().accessKeySecret), std::string::npos);
    EXPECT_EQ(provider->describe().find(credentials.value().securityToken), std::string::npos);
  }
};

TEST_F(CredentialPlaces, AnOidcRoleFromTheEnvironment) {
  environment_ = {{"ALIBABA_CLOUD_ROLE_ARN", kRole},
                  {"ALIBABA_CLOUD_OIDC_PROVIDER_ARN", kProvider},
                  {"ALIBABA_CLOUD_OIDC_TOKEN_FILE", writeHomeFile("token", freshToken() + "\n")}};
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok()) << provider.error().message;
  EXPECT_NE(provider.value()->describe().find("AssumeRoleWithOIDC"), std::string::npos) << provider.value()->describe();
  expectWorkingKeys(provider.value());
  auto identity = callWith(provider.value()->get().value(), "STS", "GetCallerIdentity");
  ASSERT_TRUE(identity.ok());
  EXPECT_EQ(identity.value().find("IdentityType")->getString(), "AssumedRoleUser");
}

TEST_F(CredentialPlaces, TheServedStsReadsTheOidcToken) {
  environment_ = {{"ALIBABA_CLOUD_ROLE_ARN", kRole}, {"ALIBABA_CLOUD_OIDC_PROVIDER_ARN", kProvider}};
  auto refusal = [&](const std::string &token) {
    environment_["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = writeHomeFile("token", token);
    auto provider = oosc::openapi::defaultCredentialChain(options());
    EXPECT_TRUE(provider.ok());
    auto credentials = provider.value()->get();
    EXPECT_FALSE(credentials.ok());
    return credentials.ok() ? std::string() : credentials.error().message;
  };
  EXPECT_NE(refusal("not-a-jwt").find("AuthenticationFail.OIDCToken.Invalid"), std::string::npos);
  std::string expired = oidcToken(R"({"iss":"i","sub":"s","aud":"a","exp":)" + std::to_string(now_ - 10) + "}");
  EXPECT_NE(refusal(expired).find("AuthenticationFail.OIDCToken.Expired"), std::string::npos);
  environment_["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::999:oidc-provider/elsewhere";
  EXPECT_NE(refusal(freshToken()).find("AuthenticationFail.NoPermission"), std::string::npos);
  // Half an OIDC setting is said, not skipped silently.
  environment_ = {{"ALIBABA_CLOUD_ROLE_ARN", kRole}};
  auto half = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(half.ok());
  EXPECT_NE(half.error().message.find("ALIBABA_CLOUD_OIDC_PROVIDER_ARN is not set (the other two are)"),
            std::string::npos)
      << half.error().message;
}

TEST_F(CredentialPlaces, ConfigJsonOidcAndChainedRoles) {
  std::string token = writeHomeFile("token", freshToken());
  writeConfig(R"({"current": "oidc", "profiles": [
      {"name": "oidc", "mode": "OIDC", "ram_role_arn": ")" + std::string(kRole) + R"(",
       "oidc_provider_arn": ")" + kProvider + R"(", "oidc_token_file": ")" + token + R"("},
      {"name": "base", "mode": "AK", "access_key_id": ")" + oosc::simserve::kTestKeyId +
              R"(", "access_key_secret": ")" + oosc::simserve::kTestKeySecret + R"("},
      {"name": "chained", "mode": "ChainableRamRoleArn", "source_profile": "base",
       "ram_role_arn": "acs:ram::1234567890123456:role/auditor"},
      {"name": "twice", "mode": "ChainableRamRoleArn", "source_profile": "chained",
       "ram_role_arn": "acs:ram::1234567890123456:role/second"},
      {"name": "loop", "mode": "ChainableRamRoleArn", "source_profile": "loop", "ram_role_arn": "x"}]})");
  auto oidc = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(oidc.ok()) << oidc.error().message;
  expectWorkingKeys(oidc.value());

  auto chained = oosc::openapi::defaultCredentialChain(options("chained"));
  ASSERT_TRUE(chained.ok()) << chained.error().message;
  expectWorkingKeys(chained.value());
  // A role assumed with another role's temporary keys.
  auto twice = oosc::openapi::defaultCredentialChain(options("twice"));
  ASSERT_TRUE(twice.ok()) << twice.error().message;
  expectWorkingKeys(twice.value());
  auto identity = callWith(twice.value()->get().value(), "STS", "GetCallerIdentity");
  ASSERT_TRUE(identity.ok());
  EXPECT_EQ(identity.value().find("Arn")->getString(), "acs:ram::1234567890123456:assumed-role/second/oosc");

  auto loop = oosc::openapi::defaultCredentialChain(options("loop"));
  ASSERT_FALSE(loop.ok());
  EXPECT_NE(loop.error().message.find("goes round in a circle"), std::string::npos) << loop.error().message;
}

TEST_F(CredentialPlaces, TheSdksCredentialsFile) {
  writeHomeFile(".alibabacloud/credentials", std::string(R"(# the SDKs' profiles
[default]
enable = true
type = access_key
access_key_id = )") + oosc::simserve::kTestKeyId + R"(
access_key_secret = )" + oosc::simserve::kTestKeySecret + R"(

[role]
type = ram_role_arn
access_key_id = )" + oosc::simserve::kTestKeyId + R"(
access_key_secret = )" + oosc::simserve::kTestKeySecret + R"(
role_arn = )" + kRole + R"(
role_session_name = from-ini

[off]
enable = false
type = access_key
access_key_id = LTAIoff
access_key_secret = s
)");
  auto plain = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_EQ(plain.value()->get().value().accessKeyId, oosc::simserve::kTestKeyId);
  EXPECT_NE(plain.value()->describe().find("~/.alibabacloud/credentials [default]"), std::string::npos)
      << plain.value()->describe();
  EXPECT_TRUE(callWith(plain.value()->get().value()).ok());

  auto role = oosc::openapi::defaultCredentialChain(options("role"));
  ASSERT_TRUE(role.ok()) << role.error().message;
  expectWorkingKeys(role.value());

  auto off = oosc::openapi::defaultCredentialChain(options("off"));
  ASSERT_FALSE(off.ok());
  EXPECT_NE(off.error().message.find("[off] has enable = false"), std::string::npos) << off.error().message;

  // ALIBABA_CLOUD_CREDENTIALS_FILE names another file.
  environment_ = {{"ALIBABA_CLOUD_CREDENTIALS_FILE", writeHomeFile("elsewhere.ini", "[default]\ntype = nothing\n")}};
  auto elsewhere = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_NE(elsewhere.error().message.find("type nothing is not supported"), std::string::npos)
      << elsewhere.error().message;
}

TEST_F(CredentialPlaces, TheInstanceRoleFromTheMetadataServiceWithASessionToken) {
  std::string keys = servedKeyJson();
  int tokensIssued = 0, keyFetches = 0;
  std::string unauthorised;
  KeepAliveServer metadata([&](const HttpRequest &request) -> KeepAliveServer::Answer {
    if (request.method == "PUT" && request.target == "/latest/api/token") {
      if (request.header("X-aliyun-ecs-metadata-token-ttl-seconds").empty())
        return {400, ""};
      ++tokensIssued;
      return {200, "session-token-" + std::to_string(tokensIssued)};
    }
    if (request.header("X-aliyun-ecs-metadata-token").rfind("session-token-", 0) != 0) {
      unauthorised = request.target;
      return {401, ""};
    }
    if (request.target == "/latest/meta-data/ram/security-credentials/")
      return {200, "EcsDeployer"};
    if (request.target == "/latest/meta-data/ram/security-credentials/EcsDeployer") {
      ++keyFetches;
      return {200, keys};
    }
    return {404, ""};
  });
  environment_ = {{"ALIBABA_CLOUD_ECS_METADATA", "EcsDeployer"},
                  {"OOSC_ECS_METADATA_URL", metadata.uri("")}};
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok()) << provider.error().message;
  expectWorkingKeys(provider.value());
  EXPECT_GE(tokensIssued, 1);
  EXPECT_EQ(keyFetches, 1);
  EXPECT_EQ(unauthorised, "");

  // The profile mode without a role name asks the service for it.
  writeConfig(R"({"current": "ecs", "profiles": [{"name": "ecs", "mode": "EcsRamRole"}]})");
  environment_ = {{"OOSC_ECS_METADATA_URL", metadata.uri("")}};
  auto byProfile = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(byProfile.ok()) << byProfile.error().message;
  expectWorkingKeys(byProfile.value());
  EXPECT_EQ(keyFetches, 2);
  // 900-second keys: fetched again with under a quarter of their life left.
  now_ += 700;
  ASSERT_TRUE(byProfile.value()->get().ok());
  EXPECT_EQ(keyFetches, 3);

  // Elsewhere than the instance's own address, only loopback is asked.
  environment_ = {{"ALIBABA_CLOUD_ECS_METADATA", "EcsDeployer"}, {"OOSC_ECS_METADATA_URL", "http://10.1.2.3"}};
  auto refused = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("the metadata service address http://10.1.2.3"), std::string::npos)
      << refused.error().message;
}

TEST_F(CredentialPlaces, HardenedModeNeedsTheSessionToken) {
  KeepAliveServer noTokens(403, "");
  environment_ = {{"ALIBABA_CLOUD_ECS_METADATA", "EcsDeployer"},
                  {"ALIBABA_CLOUD_IMDSV1_DISABLED", "true"},
                  {"OOSC_ECS_METADATA_URL", noTokens.uri("")}};
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok());
  auto credentials = provider.value()->get();
  ASSERT_FALSE(credentials.ok());
  EXPECT_NE(credentials.error().message.find("session token: HTTP 403"), std::string::npos)
      << credentials.error().message;
  EXPECT_EQ(noTokens.requests(), 1); // nothing asked without the token
}

TEST_F(CredentialPlaces, ACredentialsUriFromTheEnvironmentOrAProfile) {
  std::string keys = servedKeyJson();
  KeepAliveServer uri([&](const HttpRequest &request) -> KeepAliveServer::Answer {
    return request.target == "/credentials?token=uri-secret" ? KeepAliveServer::Answer{200, keys}
                                                             : KeepAliveServer::Answer{404, ""};
  });
  environment_ = {{"ALIBABA_CLOUD_CREDENTIALS_URI", uri.uri("/credentials?token=uri-secret")}};
  auto provider = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(provider.ok()) << provider.error().message;
  expectWorkingKeys(provider.value());
  // Its query may hold a token: never shown.
  EXPECT_EQ(provider.value()->describe().find("uri-secret"), std::string::npos) << provider.value()->describe();

  writeConfig(R"({"current": "uri", "profiles": [{"name": "uri", "mode": "CredentialsURI",
                 "credentials_uri": ")" + uri.uri("/missing?token=uri-secret") + R"("}]})");
  environment_.clear();
  auto missing = oosc::openapi::defaultCredentialChain(options());
  ASSERT_TRUE(missing.ok());
  auto refused = missing.value()->get();
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("HTTP 404"), std::string::npos) << refused.error().message;
  EXPECT_EQ(refused.error().message.find("uri-secret"), std::string::npos) << refused.error().message;

  environment_ = {{"ALIBABA_CLOUD_CREDENTIALS_URI", "http://192.0.2.1/credentials"}};
  writeConfig("{}");
  auto plainHttp = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(plainHttp.ok());
  EXPECT_NE(plainHttp.error().message.find("ALIBABA_CLOUD_CREDENTIALS_URI ("), std::string::npos)
      << plainHttp.error().message;
}

TEST_F(CredentialPlaces, WithNothingEveryPlaceIsNamed) {
  auto none = oosc::openapi::defaultCredentialChain(options());
  ASSERT_FALSE(none.ok());
  for (const char *place : {"the environment (", "the environment's OIDC role (", "~/.aliyun/config.json (",
                            "~/.alibabacloud/credentials (", "the ECS instance's RAM role (",
                            "ALIBABA_CLOUD_CREDENTIALS_URI ("})
    EXPECT_NE(none.error().message.find(place), std::string::npos) << place << " in " << none.error().message;
  auto named = oosc::openapi::defaultCredentialChain(options("nobody"));
  ASSERT_FALSE(named.ok());
  EXPECT_NE(named.error().message.find("for profile 'nobody'"), std::string::npos) << named.error().message;
  EXPECT_EQ(named.error().message.find("the environment ("), std::string::npos) << named.error().message;
}

} // namespace
