// The signatures against the vectors Alibaba Cloud documents (and those of
// its SDKs' own tests), step by step.
#include "oosc/openapi/Signing.h"

#include <gtest/gtest.h>

namespace {

using oosc::openapi::Fields;
namespace v1 = oosc::openapi::v1;
namespace v3 = oosc::openapi::v3;

TEST(PercentEncode, KeepsOnlyTheUnreservedCharacters) {
  EXPECT_EQ(oosc::openapi::percentEncode("AZaz09-_.~"), "AZaz09-_.~");
  EXPECT_EQ(oosc::openapi::percentEncode("a b*c/d+e"), "a%20b%2Ac%2Fd%2Be");
  EXPECT_EQ(oosc::openapi::percentEncode("!'()=&%"), "%21%27%28%29%3D%26%25");
  EXPECT_EQ(oosc::openapi::percentEncode("中"), "%E4%B8%AD");
  EXPECT_EQ(oosc::openapi::percentEncode(""), "");
}

TEST(CanonicalQueryString, SortsByNameAndEncodesBoth) {
  Fields fields{{"b", "2 3"}, {"A", "x"}, {"a", ""}, {"Tag.1.Key", "k*"}};
  EXPECT_EQ(oosc::openapi::canonicalQueryString(fields), "A=x&Tag.1.Key=k%2A&a=&b=2%203");
}

// ECS's documented example (DescribeRegions, secret "testsecret").
TEST(SignatureV1, DocumentedDescribeRegionsExample) {
  Fields params{{"AccessKeyId", "testid"},
                {"Action", "DescribeRegions"},
                {"Format", "XML"},
                {"SignatureMethod", "HMAC-SHA1"},
                {"SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
                {"SignatureVersion", "1.0"},
                {"Timestamp", "2016-02-23T12:46:24Z"},
                {"Version", "2014-05-26"}};
  EXPECT_EQ(v1::stringToSign("GET", params),
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
            "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-"
            "02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
  EXPECT_EQ(v1::sign("GET", params, "testsecret"), "OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
}

// darabonba's test_get_rpc_signature.
TEST(SignatureV1, SdkTestVector) {
  EXPECT_EQ(v1::sign("GET", {{"query", "test"}, {"body", "test"}}, "secret"), "XlUyV4sXjOuX5FnjUz9IF9tm5rU=");
}

TEST(Sha256Hex, EmptyAndTest) {
  EXPECT_EQ(oosc::openapi::sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(oosc::openapi::sha256Hex("test"), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
}

// The v3 example of Alibaba Cloud's signature documentation (RunInstances).
TEST(SignatureV3, DocumentedRunInstancesExample) {
  v3::RequestToSign request;
  request.method = "POST";
  request.query = {{"ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"}, {"RegionId", "cn-shanghai"}};
  request.payloadHash = oosc::openapi::sha256Hex("");
  request.headers = {{"host", "ecs.cn-shanghai.aliyuncs.com"},
                     {"x-acs-action", "RunInstances"},
                     {"x-acs-version", "2014-05-26"},
                     {"x-acs-date", "2023-10-26T10:22:32Z"},
                     {"x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"},
                     {"x-acs-content-sha256", request.payloadHash}};
  EXPECT_EQ(v3::signedHeaders(request.headers),
            "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
  EXPECT_EQ(v3::authorization(request, "YourAccessKeyId", "YourAccessKeySecret"),
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
            "x-acs-date;x-acs-signature-nonce;x-acs-version,"
            "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
}

// darabonba's test_get_authorization: an empty query value, and two values
// of one header name (different case) sorted and joined.
TEST(SignatureV3, SdkTestVectorWithRepeatedHeader) {
  v3::RequestToSign request;
  request.method = "GET";
  request.query = {{"test", "ok"}, {"empty", ""}};
  request.headers = {{"x-acs-test", "http"}, {"x-acs-TEST", "https"}};
  request.payloadHash = "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23";
  EXPECT_EQ(v3::canonicalRequest(request),
            "GET\n/\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n"
            "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23");
  EXPECT_EQ(v3::signature(v3::stringToSign(v3::canonicalRequest(request)), "secret"),
            "d16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1");
}

TEST(SignatureV3, OnlyHostContentTypeAndAcsHeadersAreSigned) {
  Fields headers{{"User-Agent", "oosc"}, {"Content-Type", "application/json"}, {"X-Acs-Action", "A"},
                 {"host", "h"}, {"Accept", "*/*"}};
  EXPECT_EQ(v3::signedHeaders(headers), "content-type;host;x-acs-action");
}

TEST(SignatureV3, HeaderValuesAreTrimmed) {
  v3::RequestToSign padded{"GET", "/", {}, {{"x-acs-action", "  A \t"}}, "h"};
  v3::RequestToSign plain{"GET", "/", {}, {{"x-acs-action", "A"}}, "h"};
  EXPECT_EQ(v3::canonicalRequest(padded), v3::canonicalRequest(plain));
}

} // namespace
