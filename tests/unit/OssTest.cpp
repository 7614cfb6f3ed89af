// OssTest.cpp - The simulated OSS: buckets, their ACL and settings
// documents as OOS templates put and read them through ACS::ExecuteAPI,
// URLs signed on the client side, OSS's errors; and the XML reader the
// documents are read with.
#include "oosc/runtime/Simulator.h"
#include "simulator/oss/OssXml.h"

#include <gtest/gtest.h>

using namespace oosc::runtime;
namespace oss = oosc::runtime::sim::oss;

namespace {

Value params(std::initializer_list<Value::Member> members) { return Value(Value::Map(members)); }

Value xml(std::string_view text) {
  auto read = oss::readXml(text);
  if (auto *error = std::get_if<oss::XmlError>(&read)) {
    ADD_FAILURE() << error->message << " at " << error->offset;
    return Value();
  }
  return std::get<Value>(read);
}

std::string xmlError(std::string_view text) {
  auto read = oss::readXml(text);
  if (auto *error = std::get_if<oss::XmlError>(&read))
    return error->message;
  ADD_FAILURE() << "read: " << std::get<Value>(read).toJson();
  return "";
}

TEST(OssXml, ElementsBecomeMapsLeavesTextRepeatsLists) {
  EXPECT_EQ(xml(R"(<?xml version="1.0" encoding="UTF-8"?>
      <RefererConfiguration>
        <AllowEmptyReferer>false</AllowEmptyReferer>
        <RefererList><Referer>http://a.example</Referer><Referer>http://b.example</Referer></RefererList>
      </RefererConfiguration>)")
                .toJson(),
            R"({"RefererConfiguration":{"AllowEmptyReferer":"false","RefererList":{"Referer":)"
            R"(["http://a.example","http://b.example"]}}})");
  // Empty elements, attributes, comments and the five entities.
  EXPECT_EQ(xml(R"(<A x="1"><!-- note --><B/><C>&lt;a &amp; b&gt;</C><D></D></A>)").toJson(),
            R"({"A":{"B":"","C":"<a & b>","D":""}})");
}

TEST(OssXml, WhatIsNotWellFormedIsSaid) {
  EXPECT_EQ(xmlError(""), "the body has no root element");
  EXPECT_EQ(xmlError("<A><B></A>"), "the end tag does not close 'B'");
  EXPECT_EQ(xmlError("<A>text"), "element 'A' has no end tag");
  EXPECT_EQ(xmlError("<A></A><B></B>"), "text after the root element 'A'");
  EXPECT_EQ(xmlError("<A>&bogus;</A>"), "an '&' that starts no entity");
  std::string deep;
  for (int i = 0; i < 40; ++i)
    deep += "<A>";
  EXPECT_EQ(xmlError(deep), "elements nest deeper than 32");
}

class OssTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto opened = SimulatedCloud::open(SimulatorOptions{});
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    cloud = std::move(opened.value());
  }

  Value call(std::string_view api, const Value &parameters) {
    auto answer = cloud->call("OSS", api, parameters);
    if (!answer) {
      ADD_FAILURE() << api << ": " << answer.error().code << ": " << answer.error().message;
      return Value();
    }
    return answer.value();
  }

  ApiError error(std::string_view api, const Value &parameters) {
    auto answer = cloud->call("OSS", api, parameters);
    if (answer) {
      ADD_FAILURE() << api << " answered " << answer.value().toJson();
      return ApiError{};
    }
    return answer.error();
  }

  std::unique_ptr<SimulatedCloud> cloud;
};

TEST_F(OssTest, EachRegionHasABucketListedWithoutARequestIdInTheBody) {
  Value listed = call("ListBuckets", params({{"prefix", "oosc-sim-cn-h"}}));
  const Value *buckets = listed.findPath("ListAllMyBucketsResult.Buckets.Bucket");
  ASSERT_TRUE(buckets && buckets->isList()) << listed.toJson();
  ASSERT_FALSE(buckets->getList().empty());
  EXPECT_EQ(buckets->getList()[0].find("Name")->toJson(), R"("oosc-sim-cn-hangzhou")");
  EXPECT_EQ(buckets->getList()[0].find("Location")->toJson(), R"("oss-cn-hangzhou")");
  // OSS's request id is a header (x-oss-request-id), not a member.
  EXPECT_FALSE(listed.find("RequestId"));
}

TEST_F(OssTest, TheAclIsSetByHeaderAndReadBack) {
  Value bucket = params({{"BucketName", "oosc-sim-cn-hangzhou"}, {"RegionId", "cn-hangzhou"}});
  Value put = bucket;
  put.set("Headers", params({{"X-OSS-ACL", "public-read"}})); // header names ignore case
  call("PutBucketAcl", put);
  Value read = call("GetBucketAcl", bucket);
  EXPECT_EQ(read.findPath("AccessControlPolicy.AccessControlList.Grant")->toJson(), R"("public-read")");
  put.set("Headers", params({{"x-oss-acl", "everyone"}}));
  EXPECT_EQ(error("PutBucketAcl", put).code, "InvalidArgument");
}

TEST_F(OssTest, SettingsDocumentsArePutReadAndDeleted) {
  Value bucket = params({{"BucketName", "oosc-sim-cn-hangzhou"}});
  // Before any put: OSS's defaults, or its NoSuch... error.
  EXPECT_EQ(call("GetBucketReferer", bucket).toJson(),
            R"({"RefererConfiguration":{"AllowEmptyReferer":"true","RefererList":""}})");
  EXPECT_EQ(error("GetBucketPolicy", bucket).code, "NoSuchBucketPolicy");
  EXPECT_EQ(error("GetBucketEncryption", bucket).code, "NoSuchServerSideEncryptionRule");

  Value put = bucket;
  put.set("Body", "<?xml version=\"1.0\"?><RefererConfiguration><AllowEmptyReferer>false</AllowEmptyReferer>"
                  "<RefererList><Referer>http://a.example</Referer></RefererList></RefererConfiguration>");
  call("PutBucketReferer", put);
  EXPECT_EQ(call("GetBucketReferer", bucket).findPath("RefererConfiguration.AllowEmptyReferer")->toJson(),
            R"("false")");
  put.set("Body", R"({"Version":"1","Statement":[]})");
  call("PutBucketPolicy", put);
  EXPECT_EQ(call("GetBucketPolicy", bucket).toJson(), R"({"Version":"1","Statement":[]})");
  call("DeleteBucketPolicy", bucket);
  EXPECT_EQ(error("GetBucketPolicy", bucket).code, "NoSuchBucketPolicy");

  // A body of another document, or no XML at all, is refused.
  put.set("Body", "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>");
  ApiError wrongRoot = error("PutBucketReferer", put);
  EXPECT_EQ(wrongRoot.code, "MalformedXML");
  EXPECT_NE(wrongRoot.message.find("the root element is not RefererConfiguration"), std::string::npos);
  put.set("Body", "<RefererConfiguration>");
  EXPECT_EQ(error("PutBucketReferer", put).code, "MalformedXML");
  put.set("Body", "not json");
  EXPECT_EQ(error("PutBucketPolicy", put).code, "InvalidPolicyDocument");
}

TEST_F(OssTest, BucketsAreMadeNamedCheckedAndRemoved) {
  call("PutBucket", params({{"BucketName", "team-logs"}, {"RegionId", "cn-shanghai"}}));
  EXPECT_EQ(error("PutBucket", params({{"BucketName", "team-logs"}})).code, "BucketAlreadyExists");
  Value info = call("GetBucketInfo", params({{"BucketName", "team-logs"}}));
  EXPECT_EQ(info.findPath("BucketInfo.Bucket.Region")->toJson(), R"("cn-shanghai")");
  // Another region's endpoint is refused, as OSS refuses it.
  EXPECT_EQ(error("GetBucketInfo", params({{"BucketName", "team-logs"}, {"RegionId", "cn-hangzhou"}})).code,
            "AccessDenied");
  EXPECT_EQ(error("PutBucket", params({{"BucketName", "Team_Logs"}})).code, "InvalidBucketName");
  call("DeleteBucket", params({{"BucketName", "team-logs"}}));
  ApiError gone = error("GetBucketAcl", params({{"BucketName", "team-logs"}}));
  EXPECT_EQ(gone.code, "NoSuchBucket");
  EXPECT_NE(gone.message.find("team-logs"), std::string::npos);
}

TEST_F(OssTest, AUrlIsSignedOnTheClientSideForTheRegionAndTime) {
  Value url = call("GenerateUrl", params({{"BucketName", "any-bucket"}, {"RegionId", "cn-beijing"},
                                          {"URI", "/builds/app.tar.gz"}, {"Expires", 600}, {"Internal", "true"}}));
  std::string text = url.find("Url")->getString();
  EXPECT_EQ(text.rfind("https://any-bucket.oss-cn-beijing-internal.aliyuncs.com/builds/app.tar.gz?Expires=", 0), 0u)
      << text;
  EXPECT_EQ(error("GenerateUrl", params({{"BucketName", "any-bucket"}})).code, "MissingParameter");
}

} // namespace
