// JqTest.cpp - Tests of normalizeSelector and JqEngine (libjq 1.6).
//
// Selectors are the shapes found in real OOS templates; the inputs are
// hand-written API responses shaped like ECS DescribeInstances and friends.
#include "oosc/runtime/Jq.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace oosc::runtime;

namespace oosc::runtime {
// Readable gtest failure messages.
void PrintTo(const Value &value, std::ostream *os) { *os << value.toJson(); }
} // namespace oosc::runtime

namespace {

Value json(std::string_view text) {
  std::optional<Value> value = parseJson(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? std::move(*value) : Value();
}

Value list(Value::List items) { return Value(std::move(items)); }
Value map(Value::Map members) { return Value(std::move(members)); }

/// Two instances as ECS DescribeInstances returns them (trimmed).
Value describeInstances() {
  return json(R"({
    "RequestId": "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
    "TotalCount": 2, "PageNumber": 1, "PageSize": 10,
    "Instances": {"Instance": [
      {"InstanceId": "i-bp1a", "InstanceName": "web-1", "Status": "Running",
       "OSType": "linux", "InstanceType": "ecs.g6.large",
       "ZoneId": "cn-hangzhou-h", "Cpu": 2, "Memory": 8192,
       "InstanceNetworkType": "vpc",
       "VpcAttributes": {"VSwitchId": "vsw-1",
                         "PrivateIpAddress": {"IpAddress": ["192.168.0.10"]}},
       "InnerIpAddress": {"IpAddress": []},
       "PublicIpAddress": {"IpAddress": []},
       "EipAddress": {"IpAddress": "", "AllocationId": ""},
       "SecurityGroupIds": {"SecurityGroupId": ["sg-1", "sg-2"]},
       "Tags": {"Tag": [{"TagKey": "acs:ecs:owner", "TagValue": "x"},
                        {"TagKey": "env", "TagValue": "prod"}]}},
      {"InstanceId": "i-bp1b", "InstanceName": "db-1", "Status": "Stopped",
       "OSType": "windows", "InstanceType": "ecs.r6.xlarge",
       "ZoneId": "cn-hangzhou-i", "Cpu": 4, "Memory": 32768,
       "InstanceNetworkType": "classic",
       "VpcAttributes": {"VSwitchId": "",
                         "PrivateIpAddress": {"IpAddress": []}},
       "InnerIpAddress": {"IpAddress": ["10.0.0.7"]},
       "PublicIpAddress": {"IpAddress": []},
       "EipAddress": {"IpAddress": "47.96.1.2", "AllocationId": "eip-1"},
       "SecurityGroupIds": {"SecurityGroupId": ["sg-3"]}}
    ]}})");
}

/// ECS DescribeDisks (trimmed).
Value describeDisks() {
  return json(R"({"TotalCount": 2, "Disks": {"Disk": [
    {"DiskId": "d-sys", "Type": "system", "Category": "cloud_essd",
     "Device": "/dev/xvda", "Size": 40, "DiskName": "", "Encrypted": false,
     "PerformanceLevel": "PL1", "Status": "In_use"},
    {"DiskId": "d-data", "Type": "data", "Category": "cloud_efficiency",
     "Device": "/dev/xvdb", "Size": 100, "DiskName": "logs",
     "Encrypted": true, "PerformanceLevel": "", "Status": "In_use"}]}})");
}

std::vector<Value> values(std::initializer_list<Value> items) {
  return std::vector<Value>(items);
}

/// Runs a program that must succeed.
std::vector<Value> runOk(JqEngine &engine, std::string_view program,
                         const Value &input) {
  Outcome<std::vector<Value>> result = engine.run(program, input);
  EXPECT_TRUE(result.ok()) << program << ": "
                           << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : std::vector<Value>{};
}

/// The message of a program that must fail at run time or compile time.
std::string runError(JqEngine &engine, std::string_view program,
                     const Value &input) {
  Outcome<std::vector<Value>> result = engine.run(program, input);
  EXPECT_FALSE(result.ok()) << program;
  return result.ok() ? std::string() : result.error().message;
}

std::vector<std::string> keysOf(const Value &object) {
  std::vector<std::string> keys;
  for (const Value::Member &member : object.getMap())
    keys.push_back(member.first);
  return keys;
}

//===----------------------------------------------------------------------===//
// normalizeSelector
//===----------------------------------------------------------------------===//

struct NormalizeCase {
  const char *selector;
  const char *expected;
};

std::ostream &operator<<(std::ostream &os, const NormalizeCase &c) {
  return os << '"' << c.selector << '"';
}

class NormalizeSelectorTest : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(NormalizeSelectorTest, AddsTheDotOnlyWhereJqNeedsIt) {
  EXPECT_EQ(normalizeSelector(GetParam().selector), GetParam().expected);
}

// Every normalized case is valid jq (the corpus shapes most of all).
TEST_P(NormalizeSelectorTest, ResultCompiles) {
  JqEngine engine;
  std::optional<JqCompileError> error =
      engine.compileError(normalizeSelector(GetParam().selector));
  EXPECT_FALSE(error) << error->message;
}

const NormalizeCase NormalizeCases[] = {
    // Bare field paths, the most common selector shape in the corpus.
    {"Instances.Instance[].InstanceId", ".Instances.Instance[].InstanceId"},
    {"Status", ".Status"},
    {"invocationOutput", ".invocationOutput"},
    {"instanceIds[0]", ".instanceIds[0]"},
    {"Outputs[0].OutputValue", ".Outputs[0].OutputValue"},
    {"InstanceIdSets.InstanceIdSet[]", ".InstanceIdSets.InstanceIdSet[]"},
    {"VSwitches.VSwitch[0].ZoneId", ".VSwitches.VSwitch[0].ZoneId"},
    {"_private", "._private"},
    // Bare paths followed by pipes and filters.
    {"Images.Image|length|tostring", ".Images.Image|length|tostring"},
    {"Data.OrderList.Order[].InstanceIDs | fromjson | .[]",
     ".Data.OrderList.Order[].InstanceIDs | fromjson | .[]"},
    {"Regions.Region[]|.RegionId|select([scan(\"cn-hangzhou|test\")]|"
     "length<1)",
     ".Regions.Region[]|.RegionId|select([scan(\"cn-hangzhou|test\")]|"
     "length<1)"},
    {"Instances.Instance[] | {\"InstanceId\": .InstanceId}",
     ".Instances.Instance[] | {\"InstanceId\": .InstanceId}"},
    {"ScalingInstances.ScalingInstance | map({\"InstanceId\": "
     "(.InstanceId)})[]",
     ".ScalingInstances.ScalingInstance | map({\"InstanceId\": "
     "(.InstanceId)})[]"},
    // Leading and trailing whitespace is kept; the dot goes before the name.
    {"  Disks.Disk[0].DiskId ", "  .Disks.Disk[0].DiskId "},
    {"\n Status", "\n .Status"},
    // Already dotted, or not a path at all.
    {".InstanceName", ".InstanceName"},
    {".", "."},
    {"..", ".."},
    {"..|numbers", "..|numbers"},
    {".|{\"a\": .TotalCount}", ".|{\"a\": .TotalCount}"},
    {".[0]", ".[0]"},
    {"[.[] | .x]", "[.[] | .x]"},
    {"{\"a\": .b}", "{\"a\": .b}"},
    {"(.a)", "(.a)"},
    {"$__loc__", "$__loc__"},
    {"\"literal\"", "\"literal\""},
    {"42", "42"},
    {"-1", "-1"},
    {"@base64", "@base64"},
    {"# a comment\n.x", "# a comment\n.x"},
    {"", ""},
    {"   ", "   "},
    // Calls and keywords.
    {"map(.InstanceId)", "map(.InstanceId)"},
    {"map (.x)", "map (.x)"},
    {"select(.Status == \"Running\")", "select(.Status == \"Running\")"},
    {"contains([\"eni\"])", "contains([\"eni\"])"},
    {"if .Code == null then \"a\" else \"b\" end",
     "if .Code == null then \"a\" else \"b\" end"},
    {"try .a catch \"x\"", "try .a catch \"x\""},
    {"reduce .[] as $x (0; . + $x)", "reduce .[] as $x (0; . + $x)"},
    {"def f: .x; f", "def f: .x; f"},
    {"label $out | 1", "label $out | 1"},
    {"true", "true"},
    {"null", "null"},
    // Zero-argument builtins, unless followed by a path.
    {"length", "length"},
    {"keys | length", "keys | length"},
    {"tostring", "tostring"},
    {"not", "not"},
    {"values[0]", ".values[0]"},
    {"first.Name", ".first.Name"},
    // Keywords that cannot start a program can only be field names.
    {"end", ".end"},
    {"then.x", ".then.x"},
};

INSTANTIATE_TEST_SUITE_P(Cases, NormalizeSelectorTest,
                         ::testing::ValuesIn(NormalizeCases));

//===----------------------------------------------------------------------===//
// Real selectors on API-shaped responses
//===----------------------------------------------------------------------===//

TEST(JqEngineTest, ArrayIteratorStreamsOneResultPerElement) {
  JqEngine engine;
  EXPECT_EQ(runOk(engine, normalizeSelector("Instances.Instance[].InstanceId"),
                  describeInstances()),
            values({"i-bp1a", "i-bp1b"}));
  EXPECT_EQ(runOk(engine,
                  ".Instances.Instance[].SecurityGroupIds."
                  "SecurityGroupId[]",
                  describeInstances()),
            values({"sg-1", "sg-2", "sg-3"}));
}

TEST(JqEngineTest, IndexesAndNegativeIndexes) {
  JqEngine engine;
  Value input = describeInstances();
  EXPECT_EQ(runOk(engine, ".Instances.Instance[0].InstanceType", input),
            values({"ecs.g6.large"}));
  EXPECT_EQ(runOk(engine, ".Instances.Instance[-1].ZoneId", input),
            values({"cn-hangzhou-i"}));
  EXPECT_EQ(runOk(engine, ".Instances.Instance[5].ZoneId", input),
            values({Value()}));
  EXPECT_EQ(runOk(engine, ".TotalCount", input), values({2}));
}

TEST(JqEngineTest, IdentityReturnsTheInput) {
  JqEngine engine;
  Value input = describeInstances();
  EXPECT_EQ(runOk(engine, ".", input), values({input}));
}

TEST(JqEngineTest, Select) {
  JqEngine engine;
  Value input = describeInstances();
  EXPECT_EQ(runOk(engine,
                  ".Instances.Instance[] | select(.Status == \"Running\") | "
                  ".InstanceId",
                  input),
            values({"i-bp1a"}));
  EXPECT_EQ(runOk(engine,
                  ".Instances.Instance[] | select(.Status == \"Deleted\")",
                  input),
            values({}));
  EXPECT_EQ(runOk(engine,
                  ".Instances.Instance | map(select(.InstanceNetworkType == "
                  "\"classic\")) | .[].InstanceId",
                  input),
            values({"i-bp1b"}));
  EXPECT_EQ(runOk(engine,
                  normalizeSelector(
                      "Instances.Instance | map(select((.EipAddress.IpAddress "
                      "!= \"\") or (.PublicIpAddress.IpAddress[]|length > "
                      "0))) | .[].InstanceId"),
                  input),
            values({"i-bp1b"}));
}

TEST(JqEngineTest, MapWithObjectConstructionKeepsKeyOrder) {
  JqEngine engine;
  std::vector<Value> results = runOk(
      engine,
      ".Disks.Disk|map( select(.Type == \"system\" )|{\"Category\":(.Category),"
      "\"Device\": (.Device),\"Size\":(.Size),\"DiskName\":(.DiskName),"
      "\"PerformanceLevel\":(.PerformanceLevel)})[]",
      describeDisks());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(keysOf(results[0]),
            (std::vector<std::string>{"Category", "Device", "Size", "DiskName",
                                      "PerformanceLevel"}));
  EXPECT_EQ(results[0].toJson(),
            R"({"Category":"cloud_essd","Device":"/dev/xvda","Size":40,)"
            R"("DiskName":"","PerformanceLevel":"PL1"})");
}

TEST(JqEngineTest, ObjectConstructionPerElement) {
  JqEngine engine;
  std::vector<Value> results =
      runOk(engine,
            ".Instances.Instance[] | {\"osType\":.OSType, "
            "\"instanceId\":.InstanceId}",
            describeInstances());
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].toJson(), R"({"osType":"linux","instanceId":"i-bp1a"})");
  EXPECT_EQ(results[1].toJson(),
            R"({"osType":"windows","instanceId":"i-bp1b"})");
  // Computed keys and shorthand fields.
  EXPECT_EQ(runOk(engine,
                  ".Instances.Instance[0] | {(.Status): .InstanceId, Cpu}",
                  describeInstances())[0]
                .toJson(),
            R"({"Running":"i-bp1a","Cpu":2})");
}

TEST(JqEngineTest, MapKeysComeBackInJqOrder) {
  JqEngine engine;
  Value input = map({{"zeta", 1}, {"alpha", 2}, {"mid", 3}});
  std::vector<Value> results = runOk(engine, ".", input);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(keysOf(results[0]),
            (std::vector<std::string>{"zeta", "alpha", "mid"}));
  // Deleting and adding members: jq appends new keys at the end.
  results = runOk(engine, "del(.alpha) | .new = 4 | .alpha = 5", input);
  EXPECT_EQ(keysOf(results[0]),
            (std::vector<std::string>{"zeta", "mid", "new", "alpha"}));
  // keys sorts, keys_unsorted does not.
  EXPECT_EQ(runOk(engine, "keys", input),
            values({list({"alpha", "mid", "zeta"})}));
  EXPECT_EQ(runOk(engine, "keys_unsorted", input),
            values({list({"zeta", "alpha", "mid"})}));
}

TEST(JqEngineTest, ToStringAndToNumber) {
  JqEngine engine;
  Value input = describeInstances();
  EXPECT_EQ(runOk(engine, ".TotalCount|tostring", input), values({"2"}));
  EXPECT_EQ(runOk(engine, normalizeSelector("Images.Image|length|tostring"),
                  json(R"({"Images":{"Image":[{},{},{}]}})")),
            values({"3"}));
  EXPECT_EQ(
      runOk(engine, ".Instances.Instance[0].VpcAttributes|tostring", input),
      values({R"({"VSwitchId":"vsw-1","PrivateIpAddress":)"
              R"({"IpAddress":["192.168.0.10"]}})"}));
  Value attributes = json(R"({"AccountAttributeItems":{"AccountAttributeItem":[
      {"AttributeName":"max-postpaid-instance-vcpu-count",
       "AttributeValues":{"ValueItem":[{"Value":"1000"},{"Value":"12.5"}]}}]}})");
  std::vector<Value> numbers =
      runOk(engine,
            ".AccountAttributeItems.AccountAttributeItem[0].AttributeValues."
            "ValueItem[].Value | tonumber",
            attributes);
  ASSERT_EQ(numbers.size(), 2u);
  EXPECT_TRUE(numbers[0].isInteger());
  EXPECT_EQ(numbers[0], Value(1000));
  EXPECT_TRUE(numbers[1].isReal());
  EXPECT_EQ(numbers[1], Value(12.5));
  EXPECT_EQ(runOk(engine, ".DefaultPolicyVersion != null|tostring",
                  json(R"({"DefaultPolicyVersion":"v1"})")),
            values({"true"}));
}

TEST(JqEngineTest, FromJson) {
  JqEngine engine;
  Value orders = json(R"({"Data":{"OrderList":{"Order":[
      {"OrderId":"1","InstanceIDs":"[\"i-1\",\"i-2\"]"},
      {"OrderId":"2","InstanceIDs":"[\"i-3\"]"}]}}})");
  EXPECT_EQ(runOk(engine,
                  normalizeSelector(
                      "Data.OrderList.Order[].InstanceIDs | fromjson | .[]"),
                  orders),
            values({"i-1", "i-2", "i-3"}));
  EXPECT_EQ(runOk(engine, "fromjson", Value(R"({"b":[1,2.5],"a":null})")),
            values({json(R"({"b":[1,2.5],"a":null})")}));
}

TEST(JqEngineTest, AlternativeOperatorDefaults) {
  JqEngine engine;
  EXPECT_EQ(runOk(engine, ".Missing // \"default\"", describeInstances()),
            values({"default"}));
  EXPECT_EQ(runOk(engine, ".TotalCount // 0", describeInstances()),
            values({2}));
  EXPECT_EQ(runOk(engine, ".flag // \"unset\"", json(R"({"flag":false})")),
            values({"unset"}));
  EXPECT_EQ(runOk(engine, "[.[] // \"none\"]", json("[]")),
            values({list({"none"})}));
}

TEST(JqEngineTest, OptionalIteration) {
  JqEngine engine;
  Value input = describeInstances();
  // The second instance has no Tags at all.
  EXPECT_EQ(runOk(engine, "[.Instances.Instance[].Tags.Tag[]?.TagKey]", input),
            values({list({"acs:ecs:owner", "env"})}));
  EXPECT_EQ(runOk(engine, ".[]?", Value(3)), values({}));
  EXPECT_EQ(runOk(engine,
                  "[.Instances.Instance[] | all(.Tags.Tag[]?; .TagKey != "
                  "\"acs:ecs:sharedFrom\")]",
                  input),
            values({list({true, true})}));
  EXPECT_NE(runError(engine, ".[]", Value(3)), "");
}

TEST(JqEngineTest, ConditionalSelectorFromWaitFor) {
  JqEngine engine;
  const char *selector =
      ".| if .Code==null then \"CodeNotExists\" else if "
      ".Code==\"BackendServer.configuring\" then \"RetryCodeExists\" else "
      "\"OtherCodes\" end end";
  EXPECT_EQ(runOk(engine, selector, json(R"({"RequestId":"r"})")),
            values({"CodeNotExists"}));
  EXPECT_EQ(
      runOk(engine, selector, json(R"({"Code":"BackendServer.configuring"})")),
      values({"RetryCodeExists"}));
  EXPECT_EQ(runOk(engine, selector, json(R"({"Code":"Throttling"})")),
            values({"OtherCodes"}));
  EXPECT_EQ(runOk(engine, ".Code | not", json(R"({"Code":null})")),
            values({true}));
}

TEST(JqEngineTest, VariablesFloorAndArithmetic) {
  JqEngine engine;
  Value prices = json(R"({"SpotPrices":{"SpotPriceType":[
      {"ZoneId":"cn-hangzhou-h","InstanceType":"ecs.g6.large",
       "SpotPrice":0.2,"OriginPrice":1.0},
      {"ZoneId":"cn-hangzhou-i","InstanceType":"ecs.g6.large",
       "SpotPrice":0.123,"OriginPrice":0.5}]}})");
  std::vector<Value> results =
      runOk(engine,
            ".SpotPrices.SpotPriceType[-1] | .SpotPrice / .OriginPrice * "
            "10000 | floor as $num | $num/100",
            prices);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_TRUE(results[0].isReal());
  // The same IEEE operations in the same order as jq.
  EXPECT_EQ(results[0].getReal(), std::floor(0.123 / 0.5 * 10000) / 100);
  EXPECT_EQ(runOk(engine,
                  ".ImageId as $imageId | .Accounts.Account | "
                  "map({imageId:$imageId, uid:.AliyunId})",
                  json(R"({"ImageId":"m-1","Accounts":{"Account":[
                      {"AliyunId":"100"},{"AliyunId":"200"}]}})"))[0]
                .toJson(),
            R"([{"imageId":"m-1","uid":"100"},{"imageId":"m-1","uid":"200"}])");
}

TEST(JqEngineTest, RegexesWithLookahead) {
  JqEngine engine;
  EXPECT_EQ(runOk(engine,
                  ".Instances.Instance[0] | .Tags.Tag | map(select( .TagKey | "
                  "test(\"^(?!acs).*\"))) | map(.TagKey)",
                  describeInstances()),
            values({list({"env"})}));
  EXPECT_EQ(runOk(engine,
                  normalizeSelector("Regions.Region[]|.RegionId|select([scan("
                                    "\"cn-hangzhou|test\")]|length<1)"),
                  json(R"({"Regions":{"Region":[{"RegionId":"cn-hangzhou"},
                      {"RegionId":"cn-beijing"}]}})")),
            values({"cn-beijing"}));
}

TEST(JqEngineTest, DisksEncryptionCheck) {
  JqEngine engine;
  EXPECT_EQ(runOk(engine,
                  ".Disks.Disk[] as $disk|$disk.Category|startswith(\"cloud\") "
                  "and ($disk.Encrypted|not)|tostring",
                  describeDisks()),
            values({"true", "false"}));
}

TEST(JqEngineTest, FnJqScriptsFromTemplates) {
  JqEngine engine;
  EXPECT_EQ(runOk(engine,
                  ".resourceType | ascii_downcase |split(\"::\") | "
                  "\"arn:acs:\"+.[1]+\":cn-hangzhou:1234:\"+.[2]+\"/i-1\"",
                  json(R"({"resourceType":"ALIYUN::ECS::Instance"})")),
            values({"arn:acs:ecs:cn-hangzhou:1234:instance/i-1"}));
  EXPECT_EQ(runOk(engine, "contains([\"eni\"])", json(R"(["eni","ecs"])")),
            values({true}));
  EXPECT_EQ(
      runOk(engine, "map(select(. != null)) | .[][]", json("[[1,2],null,[3]]")),
      values({1, 2, 3}));
  EXPECT_EQ(runOk(engine, "group_by(.f) | map(length)",
                  json(R"([{"f":"g6"},{"f":"r6"},{"f":"g6"}])")),
            values({list({2, 1})}));
  EXPECT_EQ(runOk(engine, ".[1]=\"\"|join(\"|\")", json(R"(["a","b","c"])")),
            values({"a||c"}));
}

//===----------------------------------------------------------------------===//
// Conversions
//===----------------------------------------------------------------------===//

TEST(JqEngineTest, ScalarKindsRoundTrip) {
  JqEngine engine;
  Value input = list(
      {Value(), true, false, 0, -7, 1.5, -0.25, "", "text", list({}), map({})});
  std::vector<Value> results = runOk(engine, ".[]", input);
  ASSERT_EQ(results.size(), input.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i].kind(), input.getList()[i].kind()) << i;
    EXPECT_EQ(results[i], input.getList()[i]) << i;
  }
}

TEST(JqEngineTest, RealsStayRealsAndIntegralNumbersBecomeIntegers) {
  JqEngine engine;
  std::vector<Value> results =
      runOk(engine, ".[]", list({0.1, 2.5e-7, 1e300, -3.75}));
  for (const Value &result : results)
    EXPECT_TRUE(result.isReal()) << result.toJson();
  EXPECT_EQ(results[0], Value(0.1));
  EXPECT_EQ(results[2], Value(1e300));
  std::vector<Value> sum = runOk(engine, ".[0] + .[1]", list({0.1, 0.2}));
  EXPECT_EQ(sum, values({0.1 + 0.2}));
  // jq has one number type: an integral real comes back as an Integer.
  std::vector<Value> two = runOk(engine, ".", Value(2.0));
  ASSERT_EQ(two.size(), 1u);
  EXPECT_TRUE(two[0].isInteger());
  EXPECT_EQ(runOk(engine, "3 / 2", Value()), values({1.5}));
  EXPECT_TRUE(runOk(engine, "4 / 2", Value())[0].isInteger());
  // Past int64_t an integral number stays a Real.
  std::vector<Value> big = runOk(engine, "1e20", Value());
  ASSERT_EQ(big.size(), 1u);
  EXPECT_TRUE(big[0].isReal());
  EXPECT_EQ(big[0].getReal(), 1e20);
}

TEST(JqEngineTest, BigIntegers) {
  JqEngine engine;
  constexpr std::int64_t TwoTo53 = std::int64_t{1} << 53;
  EXPECT_EQ(runOk(engine, ".", Value(TwoTo53))[0].getInteger(), TwoTo53);
  EXPECT_EQ(runOk(engine, ".", Value(-TwoTo53))[0].getInteger(), -TwoTo53);
  EXPECT_EQ(runOk(engine, "pow(2;62)", Value())[0].getInteger(),
            std::int64_t{1} << 62);
  constexpr std::int64_t Min = std::numeric_limits<std::int64_t>::min();
  std::vector<Value> min = runOk(engine, ".", Value(Min));
  ASSERT_TRUE(min[0].isInteger());
  EXPECT_EQ(min[0].getInteger(), Min);
  // jq 1.6 holds numbers as doubles: 2^53 + 1 rounds to 2^53, and int64's
  // maximum rounds up to 2^63, which no longer fits.
  EXPECT_EQ(runOk(engine, ".", Value(TwoTo53 + 1))[0].getInteger(), TwoTo53);
  std::vector<Value> max =
      runOk(engine, ".", Value(std::numeric_limits<std::int64_t>::max()));
  ASSERT_TRUE(max[0].isReal());
  EXPECT_EQ(max[0].getReal(), 9223372036854775808.0);
  EXPECT_EQ(runOk(engine, ".", json("12345678901234567890"))[0].getReal(),
            12345678901234567890.0);
}

TEST(JqEngineTest, NonFiniteNumbers) {
  JqEngine engine;
  std::vector<Value> results =
      runOk(engine, "nan, infinite, -infinite", Value());
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].isReal());
  EXPECT_TRUE(std::isnan(results[0].getReal()));
  EXPECT_EQ(results[1].getReal(), std::numeric_limits<double>::infinity());
  EXPECT_EQ(results[2].getReal(), -std::numeric_limits<double>::infinity());
  std::vector<Value> negativeZero = runOk(engine, ".", Value(-0.0));
  ASSERT_TRUE(negativeZero[0].isReal());
  EXPECT_TRUE(std::signbit(negativeZero[0].getReal()));
}

TEST(JqEngineTest, UnicodeStrings) {
  JqEngine engine;
  Value input = map({{"名称", "héllo 世界 😀"}, {"ascii", "ABC"}});
  EXPECT_EQ(runOk(engine, ".", input), values({input}));
  EXPECT_EQ(runOk(engine, ".\"名称\" | length", input), values({10}));
  EXPECT_EQ(runOk(engine, ".\"名称\" | utf8bytelength", input), values({18}));
  EXPECT_EQ(runOk(engine, ".\"名称\" | test(\"世\")", input), values({true}));
  EXPECT_EQ(runOk(engine, "keys_unsorted[0]", input), values({"名称"}));
  EXPECT_EQ(runOk(engine, "\"\\u00e9\\ud83d\\ude00\"", Value()),
            values({"é😀"}));
  EXPECT_EQ(runOk(engine, ".\"名称\" | explode | .[-1]", input),
            values({0x1F600}));
  EXPECT_EQ(runOk(engine, "tojson", Value("é")), values({"\"é\""}));
}

TEST(JqEngineTest, MalformedUtf8AndNulBytes) {
  JqEngine engine;
  std::vector<Value> replaced = runOk(engine, ".",
                                      Value("a\xFF"
                                            "b"));
  EXPECT_EQ(replaced, values({"a\xEF\xBF\xBD"
                              "b"}));
  std::string withNul("a\0b", 3);
  std::vector<Value> kept = runOk(engine, ".", Value(withNul));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].getString(), withNul);
  EXPECT_EQ(runOk(engine, "length", Value(withNul)), values({3}));
}

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

TEST(JqCompileErrorTest, SyntaxErrorHasMessageAndOffset) {
  JqEngine engine;
  std::optional<JqCompileError> error = engine.compileError(".a | %");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "syntax error, unexpected '%'");
  ASSERT_TRUE(error->offset);
  EXPECT_EQ(*error->offset, 5u);
}

TEST(JqCompileErrorTest, UndefinedFunction) {
  JqEngine engine;
  std::optional<JqCompileError> error = engine.compileError(".Instances | foo");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "foo/0 is not defined");
  EXPECT_EQ(error->offset, std::optional<std::uint32_t>(13));
}

TEST(JqCompileErrorTest, MessagesCarryNoJqDecoration) {
  JqEngine engine;
  for (const char *program :
       {".a[", "1 +", ".a b", "map(", "{a:}", ".[\"x\""}) {
    std::optional<JqCompileError> error = engine.compileError(program);
    ASSERT_TRUE(error) << program;
    EXPECT_NE(error->message, "") << program;
    EXPECT_EQ(error->message.find("jq:"), std::string::npos) << program;
    EXPECT_EQ(error->message.find("<top-level>"), std::string::npos) << program;
    EXPECT_EQ(error->message.find("shell quoting"), std::string::npos)
        << program;
    EXPECT_EQ(error->message.find('\n'), std::string::npos) << program;
    if (error->offset) {
      EXPECT_LE(*error->offset, std::string_view(program).size()) << program;
    }
  }
}

TEST(JqCompileErrorTest, OffsetOnALaterLine) {
  JqEngine engine;
  std::optional<JqCompileError> error =
      engine.compileError(".Instances\n| .Instance[] |\n ]");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, std::optional<std::uint32_t>(28));
}

TEST(JqCompileErrorTest, SeveralErrorsAreJoined) {
  JqEngine engine;
  std::optional<JqCompileError> error = engine.compileError("foo | bar(1)");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->message, "foo/0 is not defined; bar/1 is not defined");
  EXPECT_EQ(error->offset, std::optional<std::uint32_t>(0));
}

TEST(JqCompileErrorTest, ValidProgramsHaveNoError) {
  JqEngine engine;
  EXPECT_FALSE(engine.compileError(".Instances.Instance[].InstanceId"));
  EXPECT_FALSE(engine.compileError(""));
  EXPECT_FALSE(engine.compileError("def f(g): [g]; f(.[])"));
}

TEST(JqCompileErrorTest, ModulesAreNotFoundRatherThanCrashing) {
  JqEngine engine;
  for (const char *program : {"import \"foo\" as f; .", "include \"foo\"; .",
                              "import \"/etc/passwd\" as $p; ."}) {
    std::optional<JqCompileError> error = engine.compileError(program);
    ASSERT_TRUE(error) << program;
    EXPECT_NE(error->message.find("module not found"), std::string::npos)
        << error->message;
  }
}

TEST(JqCompileErrorTest, NulCharacterIsRefused) {
  JqEngine engine;
  std::optional<JqCompileError> error =
      engine.compileError(std::string_view(".a\0.b", 5));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->offset, std::optional<std::uint32_t>(2));
}

TEST(JqCompileErrorTest, NothingIsPrintedToStderr) {
  JqEngine engine;
  ::testing::internal::CaptureStderr();
  engine.compileError(".a[");
  engine.compileError(".a | undefined_function");
  engine.run("error(\"boom\")", Value());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(JqCompileErrorTest, RunReportsCompileErrors) {
  JqEngine engine;
  EXPECT_EQ(runError(engine, ".Instances | foo", Value()),
            "foo/0 is not defined");
}

TEST(JqRuntimeErrorTest, ErrorFunction) {
  JqEngine engine;
  EXPECT_EQ(runError(engine, "error(\"boom\")", Value()), "boom");
  EXPECT_EQ(runError(engine,
                     ".[] | if . > 1 then error(\"too big: \\(.)\") "
                     "else . end",
                     json("[1,2]")),
            "too big: 2");
  EXPECT_EQ(runError(engine, "error({\"code\":1})", Value()),
            "jq error (not a string): {\"code\":1}");
}

TEST(JqRuntimeErrorTest, IndexingTheWrongType) {
  JqEngine engine;
  EXPECT_EQ(runError(engine, ".a.b", json(R"({"a":"x"})")),
            "Cannot index string with string \"b\"");
  EXPECT_EQ(runError(engine, ".Instances.Instance[].InstanceId",
                     json(R"({"Instances":"none"})")),
            "Cannot index string with string \"Instance\"");
  EXPECT_EQ(runError(engine, ".[0]", json("{}")),
            "Cannot index object with number");
}

TEST(JqRuntimeErrorTest, ConversionErrors) {
  JqEngine engine;
  EXPECT_NE(runError(engine, "tonumber", Value("abc")).find("abc"),
            std::string::npos);
  EXPECT_NE(runError(engine, "fromjson", Value("{nope")), "");
  EXPECT_NE(runError(engine, "keys", Value(1)), "");
}

TEST(JqRuntimeErrorTest, ResultsBeforeAnErrorAreDropped) {
  JqEngine engine;
  EXPECT_EQ(runError(engine, "1, 2, error(\"late\")", Value()), "late");
}

TEST(JqRuntimeErrorTest, TryCatchRecovers) {
  JqEngine engine;
  EXPECT_EQ(runOk(engine, "try .a.b catch \"fallback\"", json(R"({"a":1})")),
            values({"fallback"}));
  EXPECT_EQ(runOk(engine, "[.[] | tonumber?]", json(R"(["1","x","2.5"])")),
            values({list({1, 2.5})}));
}

TEST(JqRuntimeErrorTest, HaltAndHaltError) {
  JqEngine engine;
  EXPECT_EQ(runOk(engine, "1, halt, 2", Value()), values({1}));
  EXPECT_EQ(runError(engine, "\"stopped\\n\" | halt_error", Value()),
            "stopped");
  EXPECT_EQ(runError(engine, "{\"a\":1} | halt_error(3)", Value()),
            "{\"a\":1}");
  // Halted programs run again normally (libjq 1.6 would double-free here
  // if the halted state were reused).
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(runOk(engine, "1, halt, 2", Value()), values({1}));
    EXPECT_EQ(runError(engine, "\"again\" | halt_error", Value()), "again");
    EXPECT_EQ(runError(engine, "{\"a\":1} | halt_error(3)", Value()),
              "{\"a\":1}");
  }
  EXPECT_EQ(runOk(engine, "halt_error(0)", Value("fine")), values({}));
}

TEST(JqRuntimeErrorTest, ErrorNullIsEmptyInJq16) {
  JqEngine engine;
  // libjq 1.6 treats an error without a message as backtracking.
  EXPECT_EQ(runOk(engine, "1, error(null), 2", Value()), values({1, 2}));
}

TEST(JqRuntimeErrorTest, EngineIsReusableAfterAnError) {
  JqEngine engine;
  EXPECT_FALSE(engine.run(".a.b", json(R"({"a":"x"})")).ok());
  EXPECT_EQ(runOk(engine, ".a.b", json(R"({"a":{"b":7}})")), values({7}));
}

// libjq 1.6 crashes on these without an input callback.
TEST(JqRuntimeErrorTest, NoInputsBeyondTheOne) {
  JqEngine engine;
  // "break" is jq 1.6's own message for reading past the last input.
  EXPECT_EQ(runError(engine, "input", Value()), "break");
  EXPECT_EQ(runOk(engine, "[inputs]", Value()), values({list({})}));
  EXPECT_EQ(runOk(engine, "input_filename", Value()), values({Value()}));
}

TEST(JqRuntimeErrorTest, DebugIsSilent) {
  JqEngine engine;
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(runOk(engine, "debug | . + 1", Value(1)), values({2}));
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

//===----------------------------------------------------------------------===//
// Limits and the cache
//===----------------------------------------------------------------------===//

TEST(JqLimitsTest, ResultCount) {
  JqLimits limits;
  limits.maxResults = 100;
  JqEngine engine(limits);
  EXPECT_EQ(runOk(engine, "range(100)", Value()).size(), 100u);
  EXPECT_EQ(runError(engine, "range(101)", Value()),
            "the jq program produced more than 100 results");
  EXPECT_NE(runError(engine, "repeat(1)", Value()), "");
}

TEST(JqLimitsTest, DefaultResultCountStopsAnEndlessStream) {
  JqEngine engine;
  EXPECT_EQ(engine.limits().maxResults, 100000u);
  EXPECT_EQ(runError(engine, "range(infinite)", Value()),
            "the jq program produced more than 100000 results");
}

TEST(JqLimitsTest, InputSize) {
  JqLimits limits;
  limits.maxInputBytes = 1024;
  JqEngine engine(limits);
  EXPECT_EQ(runOk(engine, "length", Value(std::string(500, 'x'))),
            values({500}));
  EXPECT_EQ(runError(engine, "length", Value(std::string(2000, 'x'))),
            "the jq input is larger than the input limit");
  Value::List many(100, Value(1));
  EXPECT_EQ(runError(engine, "length", list(many)),
            "the jq input is larger than the input limit");
  EXPECT_EQ(runError(engine, "length", map({{std::string(2000, 'k'), 1}})),
            "the jq input is larger than the input limit");
}

TEST(JqLimitsTest, OutputSize) {
  JqLimits limits;
  limits.maxOutputBytes = 64 * 1024;
  JqEngine engine(limits);
  EXPECT_EQ(runOk(engine, "[range(1000)] | length", Value()), values({1000}));
  EXPECT_EQ(runError(engine, "[range(100000)]", Value()),
            "the jq results are larger than the output limit");
  // The budget covers all results of a run together.
  EXPECT_EQ(runError(engine, "range(10) | [range(1000)]", Value()),
            "the jq results are larger than the output limit");
  EXPECT_EQ(runError(engine, "\"x\" * 100000", Value()),
            "the jq results are larger than the output limit");
}

TEST(JqLimitsTest, Depth) {
  JqEngine engine;
  Value deep = list({});
  for (unsigned i = 0; i < MaxJsonDepth + 10; ++i)
    deep = list({std::move(deep)});
  EXPECT_EQ(runError(engine, "length", deep),
            "the jq input is nested deeper than 512 levels");
  EXPECT_EQ(runError(engine, "reduce range(600) as $i (0; [.])", Value()),
            "a jq result is nested deeper than 512 levels");
  EXPECT_EQ(
      runOk(engine, "reduce range(600) as $i (0; [.]) | flatten", Value()),
      values({list({0})}));
}

TEST(JqCacheTest, ProgramsAreCompiledOnce) {
  JqEngine engine;
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(runOk(engine, ".a", map({{"a", i}})), values({i}));
  EXPECT_FALSE(engine.compileError(".a"));
  EXPECT_EQ(engine.cachedProgramCount(), 1u);
  EXPECT_TRUE(engine.compileError(".a["));
  EXPECT_TRUE(engine.compileError(".a["));
  EXPECT_EQ(engine.cachedProgramCount(), 2u);
}

TEST(JqCacheTest, CacheIsBounded) {
  JqLimits limits;
  limits.maxCachedPrograms = 3;
  JqEngine engine(limits);
  for (int i = 0; i < 6; ++i)
    EXPECT_EQ(runOk(engine, "1 + " + std::to_string(i), Value()),
              values({1 + i}));
  EXPECT_EQ(engine.cachedProgramCount(), 3u);
  // An evicted program is simply compiled again.
  EXPECT_EQ(runOk(engine, "1 + 0", Value()), values({1}));
  EXPECT_EQ(engine.cachedProgramCount(), 3u);
}

TEST(JqCacheTest, ZeroCapacityStillRuns) {
  JqLimits limits;
  limits.maxCachedPrograms = 0;
  JqEngine engine(limits);
  EXPECT_EQ(runOk(engine, ".x", map({{"x", 1}})), values({1}));
  EXPECT_EQ(runOk(engine, ".y", map({{"y", 2}})), values({2}));
  EXPECT_EQ(engine.cachedProgramCount(), 1u);
}

TEST(JqCacheTest, EnginesMove) {
  JqEngine first;
  EXPECT_EQ(runOk(first, ".a", map({{"a", 1}})), values({1}));
  JqEngine second(std::move(first));
  EXPECT_EQ(second.cachedProgramCount(), 1u);
  EXPECT_EQ(runOk(second, ".a", map({{"a", 2}})), values({2}));
  first = std::move(second);
  EXPECT_EQ(runOk(first, ".a", map({{"a", 3}})), values({3}));
  // A moved-from engine starts over with an empty cache.
  EXPECT_EQ(runOk(second, ".b", map({{"b", 4}})), values({4}));
}

} // namespace
