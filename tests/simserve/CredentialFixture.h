// CredentialFixture.h - A home folder of its own, an environment of its own
// and the served simulator's STS, for tests of the credential chain.
#pragma once

#include "oosc/simserve/SimServe.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/AliyunCloud.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace oosc::testing {

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

  /// Writes \p text to \p relative under the test's home; its full path.
  std::string writeHomeFile(const std::string &relative, const std::string &text) {
    fs::path path = home_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  /// An OIDC token (a JWT) whose payload is \p claims; its signature part
  /// is not a real one (the served STS does not check it).
  static std::string oidcToken(const std::string &claims) {
    auto encode = [](const std::string &bytes) {
      static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      std::string text;
      unsigned buffer = 0;
      int bits = 0;
      for (unsigned char byte : bytes) {
        buffer = (buffer << 8) | byte;
        for (bits += 8; bits >= 6; bits -= 6)
          text += kAlphabet[(buffer >> (bits - 6)) & 63];
      }
      if (bits > 0)
        text += kAlphabet[(buffer << (6 - bits)) & 63];
      return text;
    };
    return encode(R"({"alg":"RS256","typ":"JWT"})") + "." + encode(claims) + ".c2lnbmF0dXJl";
  }

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

} // namespace oosc::testing
