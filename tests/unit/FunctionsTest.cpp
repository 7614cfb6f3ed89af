// FunctionsTest.cpp - Table-driven tests of the Fn:: function library.
#include "oosc/runtime/Functions.h"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <string>
#include <vector>

using namespace oosc::runtime;

namespace {

/// 2024-01-02T03:04:05Z, a Tuesday.
constexpr std::int64_t FixedNow = 1704164645;

/// A stand-in for libjq that knows just enough programs for Fn::Jq.
Outcome<std::vector<Value>> fakeJq(std::string_view program,
                                   const Value &input) {
  if (program == ".")
    return std::vector<Value>{input};
  if (program == ".[]" && input.isList())
    return std::vector<Value>(input.getList().begin(), input.getList().end());
  if (program == "empty")
    return std::vector<Value>{};
  if (program == "error")
    return fail("jq: error: boom");
  return fail("the fake jq cannot run " + std::string(program));
}

FunctionEnvironment testEnvironment() {
  FunctionEnvironment environment;
  environment.jq = fakeJq;
  environment.now = [] {
    return std::chrono::system_clock::time_point(
        std::chrono::seconds(FixedNow));
  };
  return environment;
}

Value json(const char *text) {
  JsonParseError error;
  std::optional<Value> value = parseJson(text, &error);
  EXPECT_TRUE(value) << "bad JSON in the test: " << text << ": "
                     << error.message;
  return value ? *value : Value();
}

/// Test names from a function name and the case's position.
std::string caseName(std::string_view function, std::size_t index) {
  std::string name;
  for (char c : function)
    if (std::isalnum(static_cast<unsigned char>(c)))
      name += c;
  if (name.rfind("Fn", 0) == 0)
    name.erase(0, 2);
  return name + "_" + std::to_string(index);
}

//===----------------------------------------------------------------------===//
// callFunction: accepted arguments
//===----------------------------------------------------------------------===//

struct AcceptedCase {
  const char *function;
  const char *argument; ///< JSON
  const char *result;   ///< JSON, compared as written (key order, 1 vs 1.0)
};

const AcceptedCase AcceptedCases[] = {
    {"Fn::Base64Encode", R"("hello")", R"("aGVsbG8=")"},
    {"Fn::Base64Encode", R"("")", R"("")"},
    {"Fn::Base64Encode", R"("ab")", R"("YWI=")"},
    {"Fn::Base64Encode", R"(123)", R"("MTIz")"},
    {"Fn::Base64Encode", R"("\u4e2d")", R"("5Lit")"},
    {"Fn::Base64Decode", R"("aGVsbG8=")", R"("hello")"},
    {"Fn::Base64Decode", R"("aGVsbG8")", R"("hello")"},
    {"Fn::Base64Decode", R"("aGVs\nbG8=\n")", R"("hello")"},
    {"Fn::Base64Decode", R"("")", R"("")"},
    {"Fn::MergeMapToList",
     R"([{"ServerId":["s1","s2"]},{"Weight":[100]},{"Type":["ecs","eni"]}])",
     R"([{"ServerId":"s1","Weight":100,"Type":"ecs"},)"
     R"({"ServerId":"s2","Weight":100,"Type":"eni"}])"},
    {"Fn::MergeMapToList", R"([{"a":"x"},{"b":[1,2,3]}])",
     R"([{"a":"x","b":1},{"a":"x","b":2},{"a":"x","b":3}])"},
    {"Fn::MergeMap", R"([{"a":1,"b":2},{"b":3,"c":4}])",
     R"({"a":1,"b":3,"c":4})"},
    {"Fn::MergeMap", R"([{"x":{"y":1}},{"x":{"z":2}}])", R"({"x":{"z":2}})"},
    {"Fn::Join", R"([",",["a","b","c"]])", R"("a,b,c")"},
    {"Fn::Join", R"(["",["x",1,true,2.5]])", R"("x1true2.5")"},
    {"Fn::Join", R"(["-",[]])", R"("")"},
    {"Fn::Select", R"([1,["a","b","c"]])", R"("b")"},
    {"Fn::Select", R"(["0",["a","b"]])", R"("a")"},
    {"Fn::Select", R"([-1,["a","b","c"]])", R"("c")"},
    {"Fn::Select", R"([2.0,["a","b","c"]])", R"("c")"},
    {"Fn::Select", R"(["type",{"type":"cron","expression":"0 * * * * *"}])",
     R"("cron")"},
    {"Fn::Split", R"([",","a,b,,c"])", R"(["a","b","","c"])"},
    {"Fn::Split", R"([":","08:30:00Z"])", R"(["08","30","00Z"])"},
    {"Fn::Split", R"(["/",""])", R"([""])"},
    {"Fn::Split", R"(["cluster/","acs:cs:cn-hangzhou:1:cluster/c1"])",
     R"(["acs:cs:cn-hangzhou:1:","c1"])"},
    {"Fn::Replace", R"([{".":"_"},"OOS-exec-1.2"])", R"("OOS-exec-1_2")"},
    {"Fn::Replace", R"([{"a":"b","b":"c"},"ab"])", R"("cc")"},
    {"Fn::Min", R"([3,1,2])", R"(1)"},
    {"Fn::Min", R"([2.5,3])", R"(2.5)"},
    {"Fn::Min", R"(["b","a","c"])", R"("a")"},
    {"Fn::Min", R"(["10",9])", R"(9)"},
    {"Fn::Max", R"(["10",9])", R"("10")"},
    {"Fn::Max", R"(["9","10"])", R"("9")"},
    {"Fn::Max", R"([1,3,3.0])", R"(3)"},
    {"Fn::First", R"(["a","b"])", R"("a")"},
    {"Fn::Last", R"(["a","b"])", R"("b")"},
    {"Fn::Last", R"([[1,2]])", R"([1,2])"},
    {"Fn::ListJoin", R"(["a",1,["b"]])", R"(["a",1,["b"]])"},
    {"Fn::ListJoin", R"([])", R"([])"},
    {"Fn::Equals", R"(["a","a"])", R"(true)"},
    {"Fn::Equals", R"(["0",0])", R"(true)"},
    {"Fn::Equals", R"(["1.5",1.5])", R"(true)"},
    {"Fn::Equals", R"([1,1.0])", R"(true)"},
    {"Fn::Equals", R"(["true",true])", R"(true)"},
    {"Fn::Equals", R"(["False",false])", R"(true)"},
    {"Fn::Equals", R"([[],[]])", R"(true)"},
    {"Fn::Equals", R"([{"a":[1,"2"],"b":null},{"b":null,"a":["1",2]}])",
     R"(true)"},
    {"Fn::Equals", R"(["a","A"])", R"(false)"},
    {"Fn::Equals", R"([null,""])", R"(false)"},
    {"Fn::Equals", R"([0,false])", R"(false)"},
    {"Fn::Equals", R"([[1,2],[2,1]])", R"(false)"},
    {"Fn::Equals", R"(["[]",[]])", R"(false)"},
    {"Fn::If", R"([true,"yes","no"])", R"("yes")"},
    {"Fn::If", R"(["false",1,2])", R"(2)"},
    {"Fn::If", R"(["TRUE",[1],{}])", R"([1])"},
    {"Fn::Not", R"(true)", R"(false)"},
    {"Fn::Not", R"("False")", R"(true)"},
    {"Fn::Not", R"([false])", R"(true)"},
    {"Fn::And", R"([true,"true"])", R"(true)"},
    {"Fn::And", R"([true,false,true])", R"(false)"},
    {"Fn::Or", R"([false,"TRUE"])", R"(true)"},
    {"Fn::Or", R"([false,false])", R"(false)"},
    {"Fn::AddHour", R"(["2024-01-02T03:04:05Z",2])",
     R"("2024-01-02T05:04:05Z")"},
    {"Fn::AddHour", R"(["2024-01-02T03:04:05Z",-24])",
     R"("2024-01-01T03:04:05Z")"},
    {"Fn::AddHour", R"(["2024-02-28T23:00:00Z","2"])",
     R"("2024-02-29T01:00:00Z")"},
    {"Fn::AddHour", R"(["2024-01-02T03:04:05Z",1.5])",
     R"("2024-01-02T04:34:05Z")"},
    {"Fn::AddHour", R"(["2024-01-02T03Z",1])", R"("2024-01-02T04:00:00Z")"},
    {"Fn::AddHour", R"(["2024-01-02T03:04:05+08:00",0])",
     R"("2024-01-01T19:04:05Z")"},
    {"Fn::AddHour", R"(["2024-03-01T00:00:00Z",-720])",
     R"("2024-01-31T00:00:00Z")"},
    {"Fn::AddHour", R"(["2024-01-02",0])", R"("2024-01-02T00:00:00Z")"},
    {"Fn::AddSecond", R"(["2024-01-02T03:04:05Z",180])",
     R"("2024-01-02T03:07:05Z")"},
    {"Fn::AddSecond", R"(["2024-12-31T23:59:59Z",1])",
     R"("2025-01-01T00:00:00Z")"},
    {"Fn::AddSecond", R"(["1969-12-31T23:59:59.5Z",0.5])",
     R"("1970-01-01T00:00:00Z")"},
    {"Fn::FormatUTCTime", R"(["2024-01-02T03:04:05Z","%Y-%m-%dT%H:%MZ"])",
     R"("2024-01-02T03:04Z")"},
    {"Fn::FormatUTCTime", R"(["2024-01-02T03:04:05Z","%Y-%m-%dT00:00Z"])",
     R"("2024-01-02T00:00Z")"},
    {"Fn::FormatUTCTime",
     R"(["2024-01-02T15:04:05.25Z","%a %A %b %B %j %I%p %f %y %w %u %Z %z %%"])",
     R"("Tue Tuesday Jan January 002 03PM 250000 24 2 2 UTC +0000 %")"},
    {"Fn::FormatUTCTime", R"(["2024-12-29T00:00:00Z","%F %T %a %j"])",
     R"("2024-12-29 00:00:00 Sun 364")"},
    {"Fn::CalculateTimeByOpsWindow", R"(["02:00","04:00"])",
     R"("2024-01-02T03:04:05Z")"},
    {"Fn::CalculateTimeByOpsWindow", R"(["05:30","05:30"])",
     R"("2024-01-02T05:30:00Z")"},
    {"Fn::CalculateTimeByOpsWindow", R"(["01:00","02:00"])",
     R"("2024-01-03T01:00:00Z")"},
    {"Fn::CalculateTimeByOpsWindow", R"(["22:00","04:00"])",
     R"("2024-01-02T03:04:05Z")"},
    {"Fn::CalculateTimeByOpsWindow", R"(["08:00:00Z","09:00:00Z"])",
     R"("2024-01-02T08:00:00Z")"},
    {"Fn::DurationBetween", R"(["08:00:00Z","18:30:00Z"])", R"("PT10H30M")"},
    {"Fn::DurationBetween", R"(["22:00","02:00"])", R"("PT4H")"},
    {"Fn::DurationBetween", R"(["08:00","08:00"])", R"("PT0S")"},
    {"Fn::DurationBetween", R"(["08:00:00","08:00:45"])", R"("PT45S")"},
    {"Fn::DurationBetween",
     R"(["2024-01-02T03:04:05Z","2024-01-03T04:05:06Z"])", R"("PT25H1M1S")"},
    {"Fn::Intersection", R"([["i-1","i-2","i-3"],["i-3","i-1"]])",
     R"(["i-1","i-3"])"},
    {"Fn::Intersection", R"([[1,1,2]])", R"([1,2])"},
    {"Fn::Intersection", R"([["a"],["b"]])", R"([])"},
    {"Fn::Union", R"([["a","b"],["b","c"]])", R"(["a","b","c"])"},
    {"Fn::Union", R"([[1],[1.0,"1"]])", R"([1,"1"])"},
    {"Fn::Difference", R"([["a","b","c"],["b","c","d"]])", R"(["a","d"])"},
    {"Fn::Difference", R"([[1,2],[2],[2,3]])", R"([1,3])"},
    {"Fn::Jq", R"(["First",".[]",[1,2]])", R"(1)"},
    {"Fn::Jq", R"(["All",".[]",[1,2]])", R"([1,2])"},
    {"Fn::Jq", R"(["first","empty",{}])", R"(null)"},
    {"Fn::Jq", R"(["All","empty",{}])", R"([])"},
    {"Fn::MapJoin", R"([["a","b"],[1,2]])", R"({"a":1,"b":2})"},
    {"Fn::MapJoin", R"([[],[]])", R"({})"},
    {"Fn::IsIpInCIDR", R"(["10.1.2.3","10.0.0.0/8"])", R"(true)"},
    {"Fn::IsIpInCIDR", R"(["192.168.1.1","10.0.0.0/8"])", R"(false)"},
    {"Fn::IsIpInCIDR", R"(["10.0.0.0/8","10.1.2.3"])", R"(true)"},
    {"Fn::IsIpInCIDR", R"(["172.16.5.4","172.16.0.0/20"])", R"(true)"},
    {"Fn::IsIpInCIDR", R"(["172.16.16.4","172.16.0.0/20"])", R"(false)"},
    {"Fn::IsIpInCIDR", R"(["2001:db8::1","2001:db8::/32"])", R"(true)"},
    {"Fn::IsIpInCIDR", R"(["2001:db9::1","2001:DB8::/32"])", R"(false)"},
    {"Fn::IsIpInCIDR", R"(["::ffff:10.0.0.1","::ffff:0:0/96"])", R"(true)"},
    {"Fn::IsIpInCIDR", R"(["10.0.0.1","2001:db8::/32"])", R"(false)"},
    {"Fn::IsIpInCIDR", R"(["10.0.0.5","10.0.0.5"])", R"(true)"},
    {"Fn::IsIpInCIDR", R"(["1.2.3.4","0.0.0.0/0"])", R"(true)"},
    {"Fn::Sub",
     R"(["acs:ram::${AccountId}:role/${Role}",{"AccountId":"123","Role":"admin"}])",
     R"("acs:ram::123:role/admin")"},
    {"Fn::Sub", R"([".|{\"Package\": \"${package}\"}",{"package":"nginx"}])",
     R"(".|{\"Package\": \"nginx\"}")"},
    {"Fn::Sub", R"(["${a}-${unknown}-${!a}",{"a":1}])",
     R"("1-${unknown}-${a}")"},
    {"Fn::Sub", R"(["ids: ${ids}",{"ids":["i-1","i-2"]}])",
     R"("ids: [\"i-1\",\"i-2\"]")"},
    {"Fn::Sub", R"(["open ${a",{"a":1}])", R"("open ${a")"},
    {"Fn::Escape", R"(["it's","powershell"])", R"("it''s")"},
    {"Fn::Escape", R"(["it''s","PowerShell"])", R"("it''''s")"},
    {"Fn::Escape", R"(["it's","shell"])", R"("it'\\''s")"},
    {"Fn::Escape", R"(["it's"])", R"("it''s")"},
    {"Fn::ConvertMapToList", R"([{"env":"prod","team":"ops"}])",
     R"([{"Key":"env","Value":"prod"},{"Key":"team","Value":"ops"}])"},
    {"Fn::ConvertMapToList", R"({"a":[1]})", R"([{"Key":"a","Value":[1]}])"},
    {"Fn::MergeList", R"([["a","b"],["c"],[]])", R"(["a","b","c"])"},
    {"Fn::MergeList", R"([["a"],"b",[["c"]]])", R"(["a","b",["c"]])"},
    {"Fn::CalculateBatch", R"([5,[1,2,3,4,5,6,7,8,9,10,11,12]])", R"(3)"},
    {"Fn::CalculateBatch", R"(["3",["a","b","c"]])", R"(1)"},
    {"Fn::CalculateBatch", R"([2,["a","b","c"]])", R"(2)"},
    {"Fn::CalculateBatch", R"([5,[]])", R"(1)"},
    {"Fn::RangeSelect", R"([0,-1,["a","b","c"]])", R"(["a","b"])"},
    {"Fn::RangeSelect", R"([1,null,["a","b","c"]])", R"(["b","c"])"},
    {"Fn::RangeSelect", R"([-2,10,["a","b","c"]])", R"(["b","c"])"},
    {"Fn::RangeSelect", R"([2,1,["a","b","c"]])", R"([])"},
    {"Fn::RangeSelect", R"(["0","-1",["a","b"]])", R"(["a"])"},
    {"Fn::ContainsSubString", R"(["path/to/Dockerfile","/"])", R"(true)"},
    {"Fn::ContainsSubString", R"(["Dockerfile","/"])", R"(false)"},
    {"Fn::ContainsSubString", R"(["abc",""])", R"(true)"},
    {"Fn::FindMatchedPackage",
     R"(["{\"Packages\":[{\"Platform\":\"windows\",\"InstallScript\":\"w\"},)"
     R"({\"Platform\":\"Linux\",\"Arch\":[\"x86_64\",\"arm64\"],)"
     R"(\"InstallScript\":\"l\"}]}",)"
     R"("{\"platform\":\"linux\",\"arch\":\"arm64\",\"hostname\":\"h\"}\n"])",
     R"({"Platform":"Linux","Arch":["x86_64","arm64"],"InstallScript":"l"})"},
    {"Fn::FindMatchedPackage",
     R"([[{"Platform":"linux","InstallScript":"a"}],)"
     R"({"platform":"linux","arch":"x86_64"}])",
     R"({"Platform":"linux","InstallScript":"a"})"},
    {"Fn::Sum", R"([1,2,3])", R"(6)"},
    {"Fn::Sum", R"([1,"2",0.5])", R"(3.5)"},
    {"Fn::Sum", R"([])", R"(0)"},
    {"Fn::Sum", R"(5)", R"(5)"},
};

class AcceptedTest : public ::testing::TestWithParam<AcceptedCase> {};

TEST_P(AcceptedTest, GivesResult) {
  const AcceptedCase &test = GetParam();
  Outcome<Value> result =
      callFunction(test.function, json(test.argument), testEnvironment());
  ASSERT_TRUE(result) << test.function << " " << test.argument << ": "
                      << result.error().message;
  EXPECT_EQ(result.value().toJson(), json(test.result).toJson())
      << test.function << " " << test.argument;
}

INSTANTIATE_TEST_SUITE_P(
    Functions, AcceptedTest, ::testing::ValuesIn(AcceptedCases),
    [](const ::testing::TestParamInfo<AcceptedCase> &info) {
      return caseName(info.param.function, info.index);
    });

//===----------------------------------------------------------------------===//
// callFunction: rejected arguments
//===----------------------------------------------------------------------===//

struct RejectedCase {
  const char *function;
  const char *argument; ///< JSON
  const char *message;  ///< the exact failure message
};

const RejectedCase RejectedCases[] = {
    {"Fn::Base64Encode", R"(["a"])",
     R"(Fn::Base64Encode: the argument must be a string, got list ["a"])"},
    {"Fn::Base64Encode", R"(null)",
     R"(Fn::Base64Encode: the argument must be a string, got null)"},
    {"Fn::Base64Decode", R"("aGVs*G8=")",
     R"(Fn::Base64Decode: invalid base64 input: unexpected character '*' at offset 4)"},
    {"Fn::Base64Decode", R"("aGVs=bG8")",
     R"(Fn::Base64Decode: invalid base64 input: unexpected character 'b' at offset 5)"},
    {"Fn::Base64Decode", R"("aGVsb")",
     R"(Fn::Base64Decode: invalid base64 input: its length does not fit whole bytes)"},
    {"Fn::Base64Decode", R"("/w==")",
     R"(Fn::Base64Decode: the decoded bytes are not utf-8 text)"},
    {"Fn::MergeMapToList", R"([{"a":[]}])",
     R"(Fn::MergeMapToList: the list under 'a' is empty, so it has no value to repeat)"},
    {"Fn::MergeMapToList", R"([{"a":[1]},5])",
     R"(Fn::MergeMapToList: argument 2 must be a map, got integer 5)"},
    {"Fn::MergeMapToList", R"({"a":[1]})",
     R"(Fn::MergeMapToList: expects [{key: [values]}, {key: [values]}, ...], got map {"a":[1]})"},
    {"Fn::MergeMap", R"([{"a":1},[1]])",
     R"(Fn::MergeMap: argument 2 must be a map, got list [1])"},
    {"Fn::MergeMap", R"([])",
     R"(Fn::MergeMap: expects [map, map, ...], got a list of 0 items)"},
    {"Fn::Join", R"([",","abc"])",
     R"(Fn::Join: argument 2 must be a list, got string "abc")"},
    {"Fn::Join", R"([",",["a",null]])",
     R"(Fn::Join: item 2 of the list is null)"},
    {"Fn::Join", R"([","])",
     R"(Fn::Join: expects [delimiter, list], got a list of 1 item)"},
    {"Fn::Select", R"([5,["a","b","c"]])",
     R"(Fn::Select: index 5 is out of range for a list of 3)"},
    {"Fn::Select", R"([-4,["a","b","c"]])",
     R"(Fn::Select: index -4 is out of range for a list of 3)"},
    {"Fn::Select", R"(["x",["a"]])",
     R"(Fn::Select: the index for a list must be an integer, got string "x")"},
    {"Fn::Select", R"(["missing",{"a":1,"b":2}])",
     R"(Fn::Select: key 'missing' is not in the map (keys: a, b))"},
    {"Fn::Select", R"(["a",{}])",
     R"(Fn::Select: key 'a' is not in the empty map)"},
    {"Fn::Select", R"([0,"abc"])",
     R"(Fn::Select: argument 2 must be a list or a map, got string "abc")"},
    {"Fn::Split", R"(["","abc"])", R"(Fn::Split: the delimiter is empty)"},
    {"Fn::Split", R"([",",["a"]])",
     R"(Fn::Split: argument 2 must be a string, got list ["a"])"},
    {"Fn::Replace", R"([{"":"x"},"abc"])",
     R"(Fn::Replace: argument 1 has an empty key: there is nothing to replace)"},
    {"Fn::Replace", R"([["a"],"abc"])",
     R"(Fn::Replace: argument 1 must be a map, got list ["a"])"},
    {"Fn::Min", R"([])", R"(Fn::Min: the list is empty)"},
    {"Fn::Min", R"([1,"a"])",
     R"(Fn::Min: cannot compare string "a" with integer 1)"},
    {"Fn::Max", R"("abc")", R"(Fn::Max: expects a list, got string "abc")"},
    {"Fn::Max", R"([[1]])", R"(Fn::Max: cannot compare list [1])"},
    {"Fn::First", R"([])", R"(Fn::First: the list is empty)"},
    {"Fn::First", R"({"a":1})",
     R"(Fn::First: expects a list, got map {"a":1})"},
    {"Fn::Last", R"("x")", R"(Fn::Last: expects a list, got string "x")"},
    {"Fn::ListJoin", R"("x")",
     R"(Fn::ListJoin: expects [value, value, ...], got string "x")"},
    {"Fn::Equals", R"(["a"])",
     R"(Fn::Equals: expects [value, value], got a list of 1 item)"},
    {"Fn::Equals", R"("a")",
     R"(Fn::Equals: expects [value, value], got string "a")"},
    {"Fn::If", R"([1,"a","b"])",
     R"(Fn::If: the condition must be true or false, got integer 1)"},
    {"Fn::If", R"([true,"a"])",
     R"(Fn::If: expects [condition, value if true, value if false], got a list of 2 items)"},
    {"Fn::Not", R"("yes")",
     R"(Fn::Not: the condition must be true or false, got string "yes")"},
    {"Fn::Not", R"([true,false])",
     R"(Fn::Not: expects condition or [condition], got a list of 2 items)"},
    {"Fn::And", R"([true,null])",
     R"(Fn::And: argument 2 must be true or false, got null)"},
    {"Fn::Or", R"([])",
     R"(Fn::Or: expects [condition, condition, ...], got a list of 0 items)"},
    {"Fn::Or", R"(true)",
     R"(Fn::Or: expects [condition, condition, ...], got bool true)"},
    {"Fn::AddHour", R"(["yesterday",1])",
     R"(Fn::AddHour: argument 1 must be a utc time like 2024-01-02T03:04:05Z, got string "yesterday")"},
    {"Fn::AddHour", R"(["2024-02-30T00:00:00Z",1])",
     R"(Fn::AddHour: argument 1 must be a utc time like 2024-01-02T03:04:05Z, got string "2024-02-30T00:00:00Z")"},
    {"Fn::AddHour", R"(["2024-01-02T03:04:05Z","x"])",
     R"(Fn::AddHour: argument 2 must be a number, got string "x")"},
    {"Fn::AddHour", R"(["9999-12-31T23:00:00Z",2])",
     R"(Fn::AddHour: the result is outside the years 1 to 9999)"},
    {"Fn::AddHour", R"(["2024-01-02T03:04:05Z",1e300])",
     R"(Fn::AddHour: the result is outside the years 1 to 9999)"},
    {"Fn::AddSecond", R"(["2024-01-02T03:04:05Z"])",
     R"(Fn::AddSecond: expects [utc time, seconds], got a list of 1 item)"},
    {"Fn::FormatUTCTime", R"(["2024-01-02T03:04:05Z","%Q"])",
     R"(Fn::FormatUTCTime: unsupported directive %Q in the format)"},
    {"Fn::FormatUTCTime", R"(["2024-01-02T03:04:05Z","100%"])",
     R"(Fn::FormatUTCTime: the format ends with a lone %)"},
    {"Fn::FormatUTCTime", R"([1700000000,"%Y"])",
     R"(Fn::FormatUTCTime: argument 1 must be a utc time like 2024-01-02T03:04:05Z, got integer 1700000000)"},
    {"Fn::CalculateTimeByOpsWindow", R"(["25:00","26:00"])",
     R"(Fn::CalculateTimeByOpsWindow: the start must be a time of day like 08:30 or 08:30:00Z, got string "25:00")"},
    {"Fn::CalculateTimeByOpsWindow", R"(["08:00"])",
     R"(Fn::CalculateTimeByOpsWindow: expects [start HH:MM, end HH:MM], got a list of 1 item)"},
    {"Fn::DurationBetween",
     R"(["2024-01-03T00:00:00Z","2024-01-02T00:00:00Z"])",
     R"(Fn::DurationBetween: the end 2024-01-02T00:00:00Z is before the start 2024-01-03T00:00:00Z)"},
    {"Fn::DurationBetween", R"(["8 am","09:00"])",
     R"(Fn::DurationBetween: the start must be a time of day like 08:30 or 08:30:00Z, got string "8 am")"},
    {"Fn::Intersection", R"([["a"],"b"])",
     R"(Fn::Intersection: argument 2 must be a list, got string "b")"},
    {"Fn::Union", R"("a")",
     R"(Fn::Union: expects [list, list, ...], got string "a")"},
    {"Fn::Difference", R"([])",
     R"(Fn::Difference: expects [list, list, ...], got a list of 0 items)"},
    {"Fn::Jq", R"(["Some",".",1])",
     R"(Fn::Jq: the mode must be First or All, got 'Some')"},
    {"Fn::Jq", R"(["First","error",1])", R"(Fn::Jq: jq: error: boom)"},
    {"Fn::Jq", R"(["First",".a"])",
     R"(Fn::Jq: expects [First or All, jq program, value], got a list of 2 items)"},
    {"Fn::MapJoin", R"([["a"],[1,2]])",
     R"(Fn::MapJoin: the lists differ in length: 1 key, 2 values)"},
    {"Fn::MapJoin", R"([[null],[1]])",
     R"(Fn::MapJoin: key 1 must be a string, got null)"},
    {"Fn::IsIpInCIDR", R"(["10.0.0.256","10.0.0.0/8"])",
     R"(Fn::IsIpInCIDR: '10.0.0.256' is not an ipv4 or ipv6 address)"},
    {"Fn::IsIpInCIDR", R"(["010.0.0.1","10.0.0.0/8"])",
     R"(Fn::IsIpInCIDR: '010.0.0.1' is not an ipv4 or ipv6 address)"},
    {"Fn::IsIpInCIDR", R"(["2001:db8:::1","::/0"])",
     R"(Fn::IsIpInCIDR: '2001:db8:::1' is not an ipv4 or ipv6 address)"},
    {"Fn::IsIpInCIDR", R"(["10.0.0.1","10.0.0.0/33"])",
     R"(Fn::IsIpInCIDR: '10.0.0.0/33' is not a cidr block like 10.0.0.0/8 or 2001:db8::/32)"},
    {"Fn::Sub", R"(["${a}",["a"]])",
     R"(Fn::Sub: argument 2 must be a map, got list ["a"])"},
    {"Fn::Sub", R"(["${a}",{"a":null}])",
     R"(Fn::Sub: the value of 'a' is null)"},
    {"Fn::Escape", R"(["x","cmd"])",
     R"(Fn::Escape: unknown kind 'cmd' (expected powershell or shell))"},
    {"Fn::Escape", R"([])",
     R"(Fn::Escape: expects [string, kind], got a list of 0 items)"},
    {"Fn::ConvertMapToList", R"([["a"]])",
     R"(Fn::ConvertMapToList: the argument must be a map, got list ["a"])"},
    {"Fn::ConvertMapToList", R"([{},{}])",
     R"(Fn::ConvertMapToList: expects [map], got a list of 2 items)"},
    {"Fn::MergeList", R"("abc")",
     R"(Fn::MergeList: expects a list, got string "abc")"},
    {"Fn::CalculateBatch", R"([0,["a"]])",
     R"(Fn::CalculateBatch: the batch count must be at least 1, got 0)"},
    {"Fn::CalculateBatch", R"(["x",[]])",
     R"(Fn::CalculateBatch: the batch count must be an integer, got string "x")"},
    {"Fn::RangeSelect", R"([0,1,"abc"])",
     R"(Fn::RangeSelect: argument 3 must be a list, got string "abc")"},
    {"Fn::RangeSelect", R"([0.5,1,[]])",
     R"(Fn::RangeSelect: the start must be an integer, got real 0.5)"},
    {"Fn::ContainsSubString", R"(["abc"])",
     R"(Fn::ContainsSubString: expects [string, substring], got a list of 1 item)"},
    {"Fn::ContainsSubString", R"([["a"],"a"])",
     R"(Fn::ContainsSubString: argument 1 must be a string, got list ["a"])"},
    {"Fn::FindMatchedPackage",
     R"([[{"Platform":"windows"}],{"platform":"linux","arch":"x86_64"}])",
     R"(Fn::FindMatchedPackage: no package matches platform=linux, arch=x86_64)"},
    {"Fn::FindMatchedPackage", R"([{"Name":"x"},{}])",
     R"(Fn::FindMatchedPackage: argument 1 has no list of packages (a list, or a map with Packages))"},
    {"Fn::FindMatchedPackage", R"([[],"[1]"])",
     R"(Fn::FindMatchedPackage: argument 2 must be a map of instance properties, got list [1])"},
    {"Fn::Sum", R"([1,"x"])",
     R"(Fn::Sum: item 2 must be a number, got string "x")"},
    {"Fn::Sum", R"([9223372036854775807,1])",
     R"(Fn::Sum: the sum does not fit a 64-bit integer)"},
    {"Fn::Unknown", R"(1)", R"(unknown function Fn::Unknown)"},
    {"Fn::Eval", R"(["1+1"])",
     R"(Fn::Eval: expressions are compiled, not called at run time)"},
};

class RejectedTest : public ::testing::TestWithParam<RejectedCase> {};

TEST_P(RejectedTest, FailsWithMessage) {
  const RejectedCase &test = GetParam();
  Outcome<Value> result =
      callFunction(test.function, json(test.argument), testEnvironment());
  ASSERT_FALSE(result) << test.function << " " << test.argument << " gave "
                       << result.value().toJson();
  EXPECT_EQ(result.error().message, test.message);
}

INSTANTIATE_TEST_SUITE_P(
    Functions, RejectedTest, ::testing::ValuesIn(RejectedCases),
    [](const ::testing::TestParamInfo<RejectedCase> &info) {
      return caseName(info.param.function, info.index);
    });

//===----------------------------------------------------------------------===//
// The environment
//===----------------------------------------------------------------------===//

TEST(FunctionEnvironmentTest, MissingPiecesFailClearly) {
  FunctionEnvironment empty;
  Outcome<Value> window = callFunction("Fn::CalculateTimeByOpsWindow",
                                       json(R"(["01:00","02:00"])"), empty);
  ASSERT_FALSE(window);
  EXPECT_EQ(window.error().message,
            "Fn::CalculateTimeByOpsWindow: no clock is available to tell the "
            "current time");
  Outcome<Value> jq = callFunction("Fn::Jq", json(R"(["All",".",1])"), empty);
  ASSERT_FALSE(jq);
  EXPECT_EQ(jq.error().message, "Fn::Jq: no jq evaluator is available");
}

TEST(FunctionEnvironmentTest, ClockBeforeTheEpochAndOnTheBoundary) {
  FunctionEnvironment environment;
  environment.now = [] {
    // 1969-12-31T23:59:59.5Z
    return std::chrono::system_clock::time_point(
        std::chrono::milliseconds(-500));
  };
  Outcome<Value> result =
      callFunction("Fn::CalculateTimeByOpsWindow",
                   json(R"(["23:59:59","00:00"])"), environment);
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().toJson(), R"("1969-12-31T23:59:59Z")");
}

//===----------------------------------------------------------------------===//
// The function table
//===----------------------------------------------------------------------===//

TEST(FunctionTableTest, KnowsEveryFunctionOfTheSpecification) {
  for (const char *name : {"Fn::Base64Encode",
                           "Fn::Base64Decode",
                           "Fn::MergeMapToList",
                           "Fn::MergeMap",
                           "Fn::Join",
                           "Fn::Select",
                           "Fn::Split",
                           "Fn::Replace",
                           "Fn::Min",
                           "Fn::Max",
                           "Fn::First",
                           "Fn::Last",
                           "Fn::ListJoin",
                           "Fn::Equals",
                           "Fn::If",
                           "Fn::Not",
                           "Fn::And",
                           "Fn::Or",
                           "Fn::AddHour",
                           "Fn::AddSecond",
                           "Fn::FormatUTCTime",
                           "Fn::CalculateTimeByOpsWindow",
                           "Fn::Intersection",
                           "Fn::Union",
                           "Fn::Difference",
                           "Fn::Jq",
                           "Fn::MapJoin",
                           "Fn::IsIpInCIDR",
                           "Fn::Sub",
                           "Fn::DurationBetween",
                           "Fn::Escape",
                           "Fn::ConvertMapToList",
                           "Fn::MergeList",
                           "Fn::CalculateBatch",
                           "Fn::RangeSelect",
                           "Fn::ContainsSubString",
                           "Fn::FindMatchedPackage",
                           "Fn::Sum"})
    EXPECT_TRUE(isKnownFunction(name)) << name;
  EXPECT_EQ(functionNames().size(), 38u);
  EXPECT_FALSE(isKnownFunction("Fn::Eval"));
  EXPECT_FALSE(isKnownFunction("Fn::join"));
  EXPECT_FALSE(isKnownFunction("Fn::GetAtt"));
}

TEST(FunctionTableTest, EveryFunctionHasAcceptedAndRejectedCases) {
  for (std::string_view name : functionNames()) {
    bool accepted = false;
    bool rejected = false;
    for (const AcceptedCase &test : AcceptedCases)
      accepted = accepted || name == test.function;
    for (const RejectedCase &test : RejectedCases)
      rejected = rejected || name == test.function;
    EXPECT_TRUE(accepted) << name;
    EXPECT_TRUE(rejected) << name;
  }
}

//===----------------------------------------------------------------------===//
// toCondition and valuesEqual
//===----------------------------------------------------------------------===//

TEST(ConditionTest, AcceptsBooleansAndTheirSpellings) {
  struct {
    const char *value;
    bool truth;
  } cases[] = {{"true", true},
               {"false", false},
               {R"("true")", true},
               {R"("TRUE")", true},
               {R"("False")", false}};
  for (const auto &test : cases) {
    Outcome<bool> truth = toCondition(json(test.value));
    ASSERT_TRUE(truth) << test.value;
    EXPECT_EQ(truth.value(), test.truth) << test.value;
  }
}

TEST(ConditionTest, RejectsEverythingElseNamingTheValue) {
  struct {
    const char *value;
    const char *message;
  } cases[] = {
      {"1", "a condition must be true or false, got integer 1"},
      {R"("yes")", R"(a condition must be true or false, got string "yes")"},
      {"null", "a condition must be true or false, got null"},
      {"[true]", "a condition must be true or false, got list [true]"},
  };
  for (const auto &test : cases) {
    Outcome<bool> truth = toCondition(json(test.value));
    ASSERT_FALSE(truth) << test.value;
    EXPECT_EQ(truth.error().message, test.message);
  }
}

TEST(ValuesEqualTest, ComparesScalarsWithTheirStringForms) {
  EXPECT_TRUE(valuesEqual(Value("42"), Value(42)));
  EXPECT_TRUE(valuesEqual(Value(42), Value("42")));
  EXPECT_TRUE(valuesEqual(Value("1e2"), Value(100)));
  EXPECT_FALSE(valuesEqual(Value("42 "), Value(42)));
  EXPECT_FALSE(valuesEqual(Value("null"), Value()));
  EXPECT_FALSE(valuesEqual(Value(1), Value(true)));
  EXPECT_FALSE(valuesEqual(json(R"({"a":1})"), json(R"({"a":1,"b":2})")));
}

//===----------------------------------------------------------------------===//
// aggregate
//===----------------------------------------------------------------------===//

struct AggregateCase {
  const char *function;
  const char *items;  ///< JSON list of per-item values
  const char *result; ///< JSON, or nullptr when \c message is set
  const char *message = nullptr;
};

const AggregateCase AggregateCases[] = {
    {"Fn::ListJoin", R"(["a",null,1])", R"(["a",null,1])"},
    {"Fn::ListJoin", R"([])", R"([])"},
    {"Fn::Sum", R"([1,2,"3",null])", R"(6)"},
    {"Fn::Sum", R"([])", R"(0)"},
    {"Fn::Max", R"([3,"10",2])", R"("10")"},
    {"Fn::Min", R"([3,null,2])", R"(2)"},
    {"Fn::Min", R"([])", R"(null)"},
    {"Fn::MergeList", R"([["a"],["b","c"]])", R"(["a","b","c"])"},
    {"Fn::First", R"(["x","y"])", R"("x")"},
    {"Fn::Last", R"(["x","y"])", R"("y")"},
    {"Fn::Join", R"(["a"])", nullptr,
     "AggregateType Fn::Join is not supported (expected Fn::ListJoin, "
     "Fn::Sum, Fn::Max, Fn::Min, Fn::First, Fn::Last or Fn::MergeList)"},
    {"Fn::Sum", R"(["a"])", nullptr,
     R"(Fn::Sum: item 1 must be a number, got string "a")"},
    {"Fn::Max", R"([1,"a"])", nullptr,
     R"(Fn::Max: cannot compare string "a" with integer 1)"},
};

class AggregateTest : public ::testing::TestWithParam<AggregateCase> {};

TEST_P(AggregateTest, Aggregates) {
  const AggregateCase &test = GetParam();
  Value items = json(test.items);
  Outcome<Value> result =
      aggregate(test.function, std::vector<Value>(items.getList().begin(),
                                                  items.getList().end()));
  if (test.message) {
    ASSERT_FALSE(result) << "gave " << result.value().toJson();
    EXPECT_EQ(result.error().message, test.message);
    return;
  }
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result.value().toJson(), json(test.result).toJson());
}

INSTANTIATE_TEST_SUITE_P(
    Functions, AggregateTest, ::testing::ValuesIn(AggregateCases),
    [](const ::testing::TestParamInfo<AggregateCase> &info) {
      return caseName(info.param.function, info.index);
    });

//===----------------------------------------------------------------------===//
// arithmetic and unaryArithmetic
//===----------------------------------------------------------------------===//

struct ArithmeticCase {
  const char *op;
  const char *left;   ///< JSON; nullptr for a unary operator
  const char *right;  ///< JSON
  const char *result; ///< JSON, or nullptr when \c message is set
  const char *message = nullptr;
};

const ArithmeticCase ArithmeticCases[] = {
    {"+", "1", "2", "3"},
    {"+", R"("1")", R"("2")", "3"},
    {"+", "1", "0.5", "1.5"},
    {"-", "5", "7", "-2"},
    {"*", "6", "7", "42"},
    {"*", "-24", R"("3")", "-72"},
    {"*", R"("1.5")", "2", "3.0"},
    {"/", "7", "2", "3.5"},
    {"/", "4", "2", "2.0"},
    {"//", "7", "2", "3"},
    {"//", "-7", "2", "-4"},
    {"//", "7.0", "2", "3.0"},
    {"%", "-7", "3", "2"},
    {"%", "7", "-3", "-2"},
    {"%", "5.5", "2", "1.5"},
    {"%", "-9223372036854775808", "-1", "0"},
    {"**", "2", "10", "1024"},
    {"**", "2", "-1", "0.5"},
    {"**", "2.0", "3", "8.0"},
    {"**", "4", "0.5", "2.0"},
    {"**", "-2", "3", "-8"},
    {"<", "1", "2", "true"},
    {">=", R"("3")", "3", "true"},
    {">", "2.5", "3", "false"},
    {"<=", "3", "3.0", "true"},
    {"==", R"("1.0")", "1", "true"},
    {"!=", R"("a")", R"("b")", "true"},
    {"==", R"("a")", R"("a")", "true"},
    {"==", "[1]", R"(["1"])", "true"},
    {"+", R"("a")", R"("b")", R"("ab")"},
    {"<", R"("abc")", R"("abd")", "true"},
    {"/", "1", "0", nullptr, "Fn::Eval: division by zero in 1 / 0"},
    {"%", "1", "0", nullptr, "Fn::Eval: division by zero in 1 % 0"},
    {"//", "1.5", "0", nullptr, "Fn::Eval: division by zero in 1.5 // 0"},
    {"+", "9223372036854775807", "1", nullptr,
     "Fn::Eval: the result of 9223372036854775807 + 1 does not fit a 64-bit "
     "integer"},
    {"//", "-9223372036854775808", "-1", nullptr,
     "Fn::Eval: the result of -9223372036854775808 // -1 does not fit a "
     "64-bit integer"},
    {"**", "2", "64", nullptr,
     "Fn::Eval: the result of 2 ** 64 does not fit a 64-bit integer"},
    {"**", "0", "-1", nullptr,
     "Fn::Eval: zero cannot be raised to a negative power"},
    {"**", "-8", "0.5", nullptr,
     "Fn::Eval: a negative number cannot be raised to a fractional power "
     "(-8 ** 0.5)"},
    {"**", "10.0", "400", nullptr,
     "Fn::Eval: the result of 10.0 ** 400 is too large"},
    {"-", R"("a")", "1", nullptr,
     R"(Fn::Eval: operator - needs numbers, got string "a")"},
    {"+", "1", R"("a")", nullptr,
     R"(Fn::Eval: operator + needs numbers, got string "a")"},
    {"+", "true", "1", nullptr,
     "Fn::Eval: operator + needs numbers, got bool true"},
    {"<", "[1]", "2", nullptr,
     "Fn::Eval: operator < needs numbers, got list [1]"},
    {"&", "1", "2", nullptr, "Fn::Eval: unknown operator '&'"},
    {"-", nullptr, "5", "-5"},
    {"-", nullptr, R"("2.5")", "-2.5"},
    {"+", nullptr, R"("7")", "7"},
    {"-", nullptr, R"("x")", nullptr,
     R"(Fn::Eval: unary - needs a number, got string "x")"},
    {"!", nullptr, "1", nullptr, "Fn::Eval: unknown unary operator '!'"},
    {"-", nullptr, "-9223372036854775808", nullptr,
     "Fn::Eval: the negation of -9223372036854775808 does not fit a 64-bit "
     "integer"},
};

class ArithmeticTest : public ::testing::TestWithParam<ArithmeticCase> {};

TEST_P(ArithmeticTest, FollowsPython) {
  const ArithmeticCase &test = GetParam();
  Outcome<Value> result =
      test.left ? arithmetic(test.op, json(test.left), json(test.right))
                : unaryArithmetic(test.op, json(test.right));
  std::string shown = std::string(test.left ? test.left : "") + " " + test.op +
                      " " + test.right;
  if (test.message) {
    ASSERT_FALSE(result) << shown << " gave " << result.value().toJson();
    EXPECT_EQ(result.error().message, test.message);
    return;
  }
  ASSERT_TRUE(result) << shown << ": " << result.error().message;
  EXPECT_EQ(result.value().toJson(), json(test.result).toJson()) << shown;
}

INSTANTIATE_TEST_SUITE_P(
    Functions, ArithmeticTest, ::testing::ValuesIn(ArithmeticCases),
    [](const ::testing::TestParamInfo<ArithmeticCase> &info) {
      return std::string(info.param.left ? "Binary_" : "Unary_") +
             std::to_string(info.index);
    });

} // namespace
