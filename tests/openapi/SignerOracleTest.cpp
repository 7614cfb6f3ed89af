// Our signatures byte for byte against Alibaba Cloud's own SDK signer
// (../shared/tools/alicloud-sdk/sign.js, over @alicloud/openapi-util) on
// generated requests: non-ASCII text, spaces, `*`, `~`, `/`, reserved
// characters, empty values, long flattened lists, mixed-case and unsigned
// headers. Skipped, saying why, where node or the SDK is absent.
#include "oosc/openapi/Signing.h"

#include "cli/Subprocess.h"
#include "support/Tools.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using oosc::openapi::Field;
using oosc::openapi::Fields;

/// Pieces values are made of: each is a case some encoder gets wrong.
const std::vector<std::string> kPieces = {
    "i-bp67acfmxazb4p", " ", "*", "~", "/", "中文", "é", "a+b", "%20", "=", "&", "'", "!", "(", ")",
    "[\"i-1\",\"i-2\"]", "{\"k\":\"v\"}", "2016-02-23T12:46:24Z", "ecs.g7.large", ":", "?", "#", "\t",
    "Ünïcødé", "😀", "@", ",", ";", "$", "\\"};

class Generator {
public:
  explicit Generator(unsigned seed) : random_(seed) {}

  std::string value() {
    std::string text;
    int pieces = pick(4); // 0 pieces: the empty value
    for (int i = 0; i < pieces; ++i)
      text += kPieces[pick(static_cast<int>(kPieces.size()))];
    return text;
  }

  /// API parameters as templates flatten them: plain names, struct fields
  /// and RepeatList items, now and then a long list.
  Fields apiParameters() {
    static const std::vector<std::string> kNames = {"InstanceId", "RegionId", "SystemDisk.Category", "Tag",
                                                    "ImageName", "Description", "PageSize", "InstanceIds"};
    Fields fields;
    int count = 1 + pick(5);
    for (int i = 0; i < count; ++i) {
      std::string name = kNames[pick(static_cast<int>(kNames.size()))] + std::to_string(i);
      if (pick(6) == 0) {
        int items = 20 + pick(40);
        for (int item = 1; item <= items; ++item)
          fields.push_back({name + "." + std::to_string(item) + ".Key", value()});
      } else {
        fields.push_back({name, value()});
      }
    }
    return fields;
  }

  std::string secret() { return "s3cr" + value() + "t"; }
  int pick(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(random_); }

private:
  std::mt19937 random_;
};

class SignerOracle : public ::testing::Test {
protected:
  void SetUp() override {
    signJs_ = fs::path(OOSC_SHARED_TOOLS) / "alicloud-sdk" / "sign.js";
    node_ = oosc::testing::findOnPath("node");
    if (node_.empty() || !fs::exists(signJs_) ||
        !fs::exists(fs::path(OOSC_SHARED_TOOLS) / "alicloud-sdk" / "node_modules" / "@alicloud" / "openapi-util"))
      GTEST_SKIP() << "node or " << signJs_.string()
                   << " with its node_modules not found (run ../shared/tools/setup.sh)";
  }

  std::string oracle(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), signJs_.string());
    oosc::testing::RunResult result = oosc::testing::runProgram(node_, arguments);
    EXPECT_EQ(result.exitCode, 0) << result.err;
    if (!result.out.empty() && result.out.back() == '\n')
      result.out.pop_back();
    return result.out;
  }

  std::string node_;
  fs::path signJs_;
};

constexpr int kCases = 24;

TEST_F(SignerOracle, SignatureV1AgreesOnGeneratedRequests) {
  Generator generate(20261206);
  for (int i = 0; i < kCases; ++i) {
    std::string method = generate.pick(2) ? "GET" : "POST";
    Fields params = {{"Action", "DescribeInstances"}, {"Version", "2014-05-26"}, {"Format", "JSON"},
                     {"AccessKeyId", "LTAItestkey" + std::to_string(i)}, {"SignatureMethod", "HMAC-SHA1"},
                     {"SignatureVersion", "1.0"}, {"SignatureNonce", "nonce-" + std::to_string(i)},
                     {"Timestamp", "2026-12-06T04:00:00Z"}};
    for (Field &field : generate.apiParameters())
      params.push_back(std::move(field));
    std::string secret = generate.secret();
    std::vector<std::string> arguments = {"v1", "--method", method, "--secret", secret};
    for (const Field &field : params) {
      arguments.push_back("--param");
      arguments.push_back(field.name + "=" + field.value);
    }
    EXPECT_EQ(oosc::openapi::v1::sign(method, params, secret), oracle(arguments))
        << "case " << i << ": " << oosc::openapi::v1::stringToSign(method, params);
  }
}

TEST_F(SignerOracle, SignatureV3AgreesOnGeneratedRequests) {
  Generator generate(6122026);
  for (int i = 0; i < kCases; ++i) {
    oosc::openapi::v3::RequestToSign request;
    request.method = generate.pick(2) ? "GET" : "POST";
    request.query = generate.apiParameters();
    request.payloadHash = oosc::openapi::sha256Hex(generate.value());
    request.headers = {{"host", "ecs.cn-hangzhou.aliyuncs.com"},
                       {"x-acs-action", "DescribeInstances"},
                       {"x-acs-version", "2014-05-26"},
                       {"x-acs-date", "2026-12-06T04:00:00Z"},
                       {"x-acs-signature-nonce", "nonce-" + std::to_string(i)},
                       {"x-acs-content-sha256", request.payloadHash},
                       {"User-Agent", "oosc/0.1 (not signed)"}};
    if (generate.pick(2))
      request.headers.push_back({"content-type", "application/x-www-form-urlencoded"});
    if (generate.pick(2))
      request.headers.push_back({"X-Acs-Security-Token", "  token " + std::to_string(i) + "  "});
    std::string keyId = "LTAItestkey" + std::to_string(i);
    std::string secret = generate.secret();
    std::vector<std::string> arguments = {"v3", "--method", request.method, "--path", "/", "--key-id", keyId,
                                          "--secret", secret, "--payload-hash", request.payloadHash};
    for (const Field &field : request.query) {
      arguments.push_back("--query");
      arguments.push_back(field.name + "=" + field.value);
    }
    for (const Field &field : request.headers) {
      arguments.push_back("--header");
      arguments.push_back(field.name + ":" + field.value);
    }
    EXPECT_EQ(oosc::openapi::v3::authorization(request, keyId, secret), oracle(arguments))
        << "case " << i << ":\n" << oosc::openapi::v3::canonicalRequest(request);
  }
}

} // namespace
