// Request encoding from the API table's parameter types and positions, on
// real APIs of the generated table.
#include "oosc/openapi/RequestEncoding.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/apis/PathPattern.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using oosc::openapi::Field;
using oosc::openapi::Fields;
using oosc::openapi::WireRequest;
using oosc::runtime::Value;

struct Call {
  const oosc::apis::ProductRecord *product = nullptr;
  const oosc::apis::ApiSpec *api = nullptr;
};

Call find(std::string_view service, std::string_view api) {
  const oosc::apis::ApiTable &table = oosc::apis::cloudApis();
  Call call;
  call.product = table.findService(service);
  if (call.product)
    call.api = table.findApi(*call.product, api);
  return call;
}

WireRequest encode(std::string_view service, std::string_view api, const Value &parameters,
                   std::string_view method = {}) {
  Call call = find(service, api);
  EXPECT_NE(call.api, nullptr) << service << " " << api;
  if (!call.api)
    return {};
  return oosc::openapi::encodeRequest(*call.api, call.product->style, parameters, method);
}

Value parse(std::string_view json) {
  std::optional<Value> parsed = oosc::runtime::parseJson(json);
  EXPECT_TRUE(parsed.has_value()) << json;
  return parsed ? *parsed : Value();
}

std::string valueOf(const Fields &fields, std::string_view name) {
  auto found = std::find_if(fields.begin(), fields.end(), [&](const Field &f) { return f.name == name; });
  return found == fields.end() ? "<absent>" : found->value;
}

TEST(RequestEncoding, ListGivenToAStringParameterTravelsAsJsonText) {
  WireRequest request = encode("ECS", "DescribeInstances", parse(R"({"InstanceIds": ["i-1", "i-2"]})"));
  EXPECT_EQ(valueOf(request.query, "InstanceIds"), R"(["i-1","i-2"])");
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/");
}

TEST(RequestEncoding, RepeatListsAreFlattened) {
  WireRequest request = encode("ecs", "DescribeInstances",
                               parse(R"({"Tag": [{"Key": "env", "Value": "prod"}, {"Key": "team"}],
                                          "AdditionalAttributes": ["META_OPTIONS", "DDH_CLUSTER"]})"));
  EXPECT_EQ(valueOf(request.query, "Tag.1.Key"), "env");
  EXPECT_EQ(valueOf(request.query, "Tag.1.Value"), "prod");
  EXPECT_EQ(valueOf(request.query, "Tag.2.Key"), "team");
  EXPECT_EQ(valueOf(request.query, "Tag.2.Value"), "<absent>");
  EXPECT_EQ(valueOf(request.query, "AdditionalAttributes.1"), "META_OPTIONS");
  EXPECT_EQ(valueOf(request.query, "AdditionalAttributes.2"), "DDH_CLUSTER");
}

TEST(RequestEncoding, APluralNamesARepeatList) {
  WireRequest request = encode("ECS", "DescribeInstances", parse(R"({"Tags": [{"Key": "a", "Value": "b"}]})"));
  EXPECT_EQ(valueOf(request.query, "Tag.1.Key"), "a");
  EXPECT_EQ(valueOf(request.query, "Tags"), "<absent>");
}

TEST(RequestEncoding, BooleansAndNumbersAsText) {
  WireRequest request =
      encode("ECS", "DescribeInstances", parse(R"({"DryRun": true, "PageSize": 50, "MaxResults": 10.0})"));
  EXPECT_EQ(valueOf(request.query, "DryRun"), "true");
  EXPECT_EQ(valueOf(request.query, "PageSize"), "50");
  EXPECT_EQ(valueOf(request.query, "MaxResults"), "10");
}

TEST(RequestEncoding, StructFieldsAndFlattenedNames) {
  WireRequest request = encode("ECS", "RunInstances",
                               parse(R"({"SystemDisk": {"Category": "cloud_essd", "Size": 40},
                                          "DataDisk.1.Size": 100, "ImageId": "m-1"})"));
  EXPECT_EQ(valueOf(request.query, "SystemDisk.Category"), "cloud_essd");
  EXPECT_EQ(valueOf(request.query, "SystemDisk.Size"), "40");
  EXPECT_EQ(valueOf(request.query, "DataDisk.1.Size"), "100");
  EXPECT_EQ(valueOf(request.query, "ImageId"), "m-1");
}

TEST(RequestEncoding, NamesTheTableDoesNotKnowTravelAsWritten) {
  WireRequest request = encode("ECS", "DescribeInstances", parse(R"({"NoSuchThing": {"a": 1}, "Skipped": null})"));
  EXPECT_EQ(valueOf(request.query, "NoSuchThing"), R"({"a":1})");
  EXPECT_EQ(valueOf(request.query, "Skipped"), "<absent>");
}

TEST(RequestEncoding, RestfulPathQueryAndBody) {
  WireRequest request = encode("CS", "ScaleClusterNodePool",
                               parse(R"({"ClusterId": "c 1/x", "NodepoolId": "np-1", "body": {"count": 2}})"));
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.path, "/clusters/c%201%2Fx/nodepools/np-1");
  EXPECT_EQ(request.jsonBody, R"({"count":2})");
  EXPECT_TRUE(request.query.empty());
  EXPECT_TRUE(request.problems.empty());
}

TEST(RequestEncoding, RestfulPathParameterMissingIsAProblem) {
  WireRequest request = encode("CS", "DescribeClusterDetail", parse("{}"));
  ASSERT_EQ(request.problems.size(), 1u);
  EXPECT_NE(request.problems[0].find("ClusterId"), std::string::npos);
  EXPECT_EQ(request.method, "GET");
}

TEST(RequestEncoding, MethodGivenByTheTemplateWins) {
  WireRequest request = encode("ECS", "DescribeInstances", parse("{}"), "GET");
  EXPECT_EQ(request.method, "GET");
}

} // namespace

namespace {

using oosc::apis::matchPath;
using oosc::apis::PathValues;

TEST(PathPattern, AUriFillsThePatternsSlotsDecoded) {
  auto values = matchPath("/clusters/c%201/nodepools/np-1?x=1", "/clusters/[ClusterId]/nodepools/[NodepoolId]");
  ASSERT_TRUE(values);
  EXPECT_EQ(*values, (PathValues{{"ClusterId", "c 1"}, {"NodepoolId", "np-1"}}));
  EXPECT_FALSE(matchPath("/clusters/c-1", "/clusters/[ClusterId]/nodepools/[NodepoolId]"));
  EXPECT_FALSE(matchPath("/clusterz/c-1", "/clusters/[ClusterId]"));
}

TEST(PathPattern, TheApiVersionMayBeLeftOutOnEitherSide) {
  EXPECT_EQ(matchPath("/services/svc", "/2021-04-06/services/[serviceName]"),
            (PathValues{{"serviceName", "svc"}}));
  EXPECT_EQ(matchPath("/2016-08-15/services/svc", "/services/[serviceName]"), (PathValues{{"serviceName", "svc"}}));
}

TEST(PathPattern, ATemplatedSegmentFitsOnlyWhenAskedTo) {
  EXPECT_FALSE(matchPath("/clusters/{{ id }}/x", "/clusters/[ClusterId]/nodepools"));
  EXPECT_TRUE(matchPath("/{{ kind }}/c-1", "/clusters/[ClusterId]", {/*templated=*/true}));
  EXPECT_FALSE(matchPath("/{{ kind }}/c-1", "/clusters/[ClusterId]"));
}

TEST(PathPattern, TheQueryIsReadDecoded) {
  EXPECT_EQ(oosc::apis::uriQuery("/a?x=1&y=a%2Fb&flag"),
            (std::vector<std::pair<std::string, std::string>>{{"x", "1"}, {"y", "a/b"}, {"flag", ""}}));
  EXPECT_TRUE(oosc::apis::uriQuery("/a").empty());
}

TEST(PathPattern, TheGatewayRoutesACallByPathAndMethod) {
  const oosc::apis::ApiTable &table = oosc::apis::cloudApis();
  const oosc::apis::ProductRecord *cs = table.findService("CS", "DescribeClusterDetail");
  ASSERT_TRUE(cs);
  const oosc::apis::ApiSpec *detail = table.findApiByPath(*cs, "GET", "/clusters/c-1");
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->name, "DescribeClusterDetail");
  const oosc::apis::ApiSpec *removal = table.findApiByPath(*cs, "DELETE", "/clusters/c-1");
  ASSERT_TRUE(removal);
  EXPECT_EQ(removal->name, "DeleteCluster");
  EXPECT_FALSE(table.findApiByPath(*cs, "GET", "/no/such/path"));
}

} // namespace
