// Endpoints from the API table, and the endpoint URLs a user may give.
#include "oosc/openapi/Endpoints.h"

#include "oosc/apis/CloudApis.h"

#include <gtest/gtest.h>

namespace {

using oosc::openapi::EndpointType;

std::string host(std::string_view service, std::string_view region, EndpointType type = EndpointType::Public) {
  const oosc::apis::ProductRecord *product = oosc::apis::cloudApis().findService(service);
  EXPECT_NE(product, nullptr) << service;
  return product ? oosc::openapi::endpointHost(*product, region, type) : "";
}

TEST(Endpoints, ARegionsOwnHostFromTheTable) {
  EXPECT_EQ(host("ECS", "cn-hangzhou"), "ecs-cn-hangzhou.aliyuncs.com");
  EXPECT_EQ(host("ECS", "cn-beijing"), "ecs.cn-beijing.aliyuncs.com");
}

TEST(Endpoints, TheCentralHostWhereTheProductHasOne) { EXPECT_EQ(host("STS", "cn-shanghai"), "sts.aliyuncs.com"); }

TEST(Endpoints, TheSdkRuleForRegionsTheTableDoesNotName) {
  EXPECT_EQ(host("OOS", "cn-hangzhou"), "oos.cn-hangzhou.aliyuncs.com");
  EXPECT_EQ(host("ESS", "cn-zhangjiakou"), "ess.cn-zhangjiakou.aliyuncs.com");
}

TEST(Endpoints, VpcHosts) {
  EXPECT_EQ(host("ESS", "ap-southeast-1", EndpointType::Vpc), "ess-vpc.ap-southeast-1.aliyuncs.com");
  EXPECT_EQ(host("ECS", "cn-nowhere-9", EndpointType::Vpc), "ecs-vpc.cn-nowhere-9.aliyuncs.com");
}

// The credential chain's STS calls: central, or the region's VPC endpoint
// with --endpoint-type vpc (as Alibaba's credential libraries name it).
TEST(Endpoints, StsCentralOrInTheRegionsVpc) {
  EXPECT_EQ(oosc::openapi::stsEndpointUrl("cn-shanghai", oosc::openapi::EndpointType::Public),
            "https://sts.aliyuncs.com");
  EXPECT_EQ(oosc::openapi::stsEndpointUrl("cn-shanghai", oosc::openapi::EndpointType::Vpc),
            "https://sts-vpc.cn-shanghai.aliyuncs.com");
}

TEST(EndpointUrl, HttpsAnywhereAndHttpOnlyToLoopback) {
  std::string why;
  auto secure = oosc::openapi::parseEndpointUrl("https://ECS.Example.com/", why);
  ASSERT_TRUE(secure) << why;
  EXPECT_EQ(secure->text(), "https://ecs.example.com");
  auto local = oosc::openapi::parseEndpointUrl("http://127.0.0.1:8080", why);
  ASSERT_TRUE(local) << why;
  EXPECT_EQ(local->port, 8080);
  EXPECT_TRUE(oosc::openapi::parseEndpointUrl("http://localhost:1", why));
  EXPECT_TRUE(oosc::openapi::parseEndpointUrl("http://[::1]:9000", why));

  EXPECT_FALSE(oosc::openapi::parseEndpointUrl("http://10.0.0.1:80", why));
  EXPECT_NE(why.find("only https"), std::string::npos) << why;
  EXPECT_FALSE(oosc::openapi::parseEndpointUrl("http://127.0.0.1.example.com", why));
  EXPECT_FALSE(oosc::openapi::parseEndpointUrl("ecs.aliyuncs.com", why));
  EXPECT_NE(why.find("scheme"), std::string::npos) << why;
  EXPECT_FALSE(oosc::openapi::parseEndpointUrl("https://host:99999", why));
  EXPECT_FALSE(oosc::openapi::parseEndpointUrl("https://host/path", why));
  EXPECT_FALSE(oosc::openapi::parseEndpointUrl("ftp://host", why));
}

TEST(EndpointUrl, LoopbackHosts) {
  EXPECT_TRUE(oosc::openapi::isLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(oosc::openapi::isLoopbackHost("127.255.3.4"));
  EXPECT_FALSE(oosc::openapi::isLoopbackHost("127.0.0"));
  EXPECT_FALSE(oosc::openapi::isLoopbackHost("127.0.0.256"));
  EXPECT_FALSE(oosc::openapi::isLoopbackHost("128.0.0.1"));
  EXPECT_FALSE(oosc::openapi::isLoopbackHost("127.0.0.1.evil.com"));
}

/// Two products answer to FC: FC 3.0 (FC) and FC 2.0 (FC-Open). A template's
/// API decides which one it calls; without an API the exact code wins.
TEST(Endpoints, AServiceNameOfTwoProductsIsTheOneWithTheApi) {
  const oosc::apis::ApiTable &table = oosc::apis::cloudApis();
  const oosc::apis::ProductRecord *newer = table.findService("FC");
  ASSERT_NE(newer, nullptr);
  EXPECT_EQ(newer->code, "FC");
  const oosc::apis::ProductRecord *older = table.findService("FC", "GetService");
  ASSERT_NE(older, nullptr);
  EXPECT_EQ(older->code, "FC-Open");
  EXPECT_EQ(table.findService("fc", "ListFunctions"), newer);
  // An API neither has: the product the name names, for the error to say so.
  EXPECT_EQ(table.findService("FC", "NoSuchApi"), newer);
}

} // namespace
