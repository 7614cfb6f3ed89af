// ValueTest.cpp - Tests of Value, its JSON writer and its JSON parser.
#include "oosc/runtime/Value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

using namespace oosc::runtime;

namespace {

Value list(Value::List items) { return Value(std::move(items)); }
Value map(Value::Map members) { return Value(std::move(members)); }

//===----------------------------------------------------------------------===//
// Construction, accessors, map helpers
//===----------------------------------------------------------------------===//

TEST(ValueTest, KindsFromConstructors) {
  EXPECT_EQ(Value().kind(), Value::Kind::Null);
  EXPECT_EQ(Value(nullptr).kind(), Value::Kind::Null);
  EXPECT_EQ(Value(true).kind(), Value::Kind::Bool);
  EXPECT_EQ(Value(42).kind(), Value::Kind::Integer);
  EXPECT_EQ(Value(std::int64_t{1} << 40).kind(), Value::Kind::Integer);
  EXPECT_EQ(Value(static_cast<unsigned short>(7)).kind(), Value::Kind::Integer);
  EXPECT_EQ(Value(1.5).kind(), Value::Kind::Real);
  EXPECT_EQ(Value("text").kind(), Value::Kind::String);
  EXPECT_EQ(Value(std::string("text")).kind(), Value::Kind::String);
  EXPECT_EQ(Value(std::string_view("text")).kind(), Value::Kind::String);
  EXPECT_EQ(list({1, 2}).kind(), Value::Kind::List);
  EXPECT_EQ(map({{"a", 1}}).kind(), Value::Kind::Map);
}

TEST(ValueTest, Accessors) {
  EXPECT_TRUE(Value(true).getBool());
  EXPECT_EQ(Value(-5).getInteger(), -5);
  EXPECT_DOUBLE_EQ(Value(2.5).getReal(), 2.5);
  EXPECT_DOUBLE_EQ(Value(3).getNumber(), 3.0);
  EXPECT_DOUBLE_EQ(Value(3.25).getNumber(), 3.25);
  EXPECT_EQ(Value("abc").getString(), "abc");
  EXPECT_EQ(list({1, "x"}).getList().size(), 2u);
  EXPECT_TRUE(Value(1).isNumber());
  EXPECT_TRUE(Value(1.0).isNumber());
  EXPECT_FALSE(Value("1").isNumber());
  EXPECT_TRUE(Value().isScalar());
  EXPECT_FALSE(list({}).isScalar());
  EXPECT_THROW(Value("x").getInteger(), std::bad_variant_access);
}

TEST(ValueTest, ListAppendAndSize) {
  Value items = list({});
  EXPECT_EQ(items.size(), 0u);
  items.append(1);
  items.append("two");
  EXPECT_EQ(items.size(), 2u);
  EXPECT_EQ(items.getList()[1], Value("two"));
  EXPECT_EQ(Value(5).size(), 0u);
}

TEST(ValueTest, MapSetKeepsInsertionOrderAndReplaces) {
  Value object = map({});
  object.set("zeta", 1);
  object.set("alpha", 2);
  object.set("zeta", 3);
  ASSERT_EQ(object.size(), 2u);
  EXPECT_EQ(object.getMap()[0].first, "zeta");
  EXPECT_EQ(object.getMap()[0].second, Value(3));
  EXPECT_EQ(object.getMap()[1].first, "alpha");
  EXPECT_EQ(object.toJson(), R"({"zeta":3,"alpha":2})");
}

TEST(ValueTest, FindAndFindCaseInsensitive) {
  Value object = map({{"RegionId", "cn-hangzhou"}, {"regionid", "other"}});
  ASSERT_NE(object.find("RegionId"), nullptr);
  EXPECT_EQ(*object.find("RegionId"), Value("cn-hangzhou"));
  EXPECT_EQ(object.find("REGIONID"), nullptr);
  ASSERT_NE(object.findCaseInsensitive("REGIONID"), nullptr);
  // The first member in insertion order wins.
  EXPECT_EQ(*object.findCaseInsensitive("REGIONID"), Value("cn-hangzhou"));
  EXPECT_EQ(object.findCaseInsensitive("Region"), nullptr);
  EXPECT_EQ(Value("not a map").find("x"), nullptr);
  EXPECT_EQ(Value(1).findCaseInsensitive("x"), nullptr);

  Value *mutableMember = object.find("regionid");
  ASSERT_NE(mutableMember, nullptr);
  *mutableMember = Value(7);
  EXPECT_EQ(object.getMap()[1].second, Value(7));
}

//===----------------------------------------------------------------------===//
// Equality
//===----------------------------------------------------------------------===//

TEST(ValueTest, Equality) {
  struct Case {
    Value lhs;
    Value rhs;
    bool equal;
  };
  const Case cases[] = {
      {Value(), Value(), true},
      {Value(), Value(false), false},
      {Value(true), Value(true), true},
      {Value(1), Value(1.0), true},
      {Value(1.0), Value(1), true},
      {Value(1), Value(1.5), false},
      {Value(1), Value("1"), false},
      {Value(std::numeric_limits<std::int64_t>::max()),
       Value(9223372036854775807.0), false},
      {Value(std::int64_t{1} << 53), Value(9007199254740992.0), true},
      {Value("a"), Value("a"), true},
      {Value("a"), Value("A"), false},
      {list({1, 2}), list({1, 2}), true},
      {list({1, 2}), list({2, 1}), false},
      {list({1}), list({1, 1}), false},
      {map({{"a", 1}, {"b", 2}}), map({{"b", 2}, {"a", 1}}), true},
      {map({{"a", 1}}), map({{"a", 2}}), false},
      {map({{"a", 1}}), map({{"b", 1}}), false},
      {map({{"a", 1}}), map({{"a", 1}, {"b", 1}}), false},
      {map({}), list({}), false},
      {Value(std::nan("")), Value(std::nan("")), false},
  };
  for (const Case &c : cases) {
    EXPECT_EQ(c.lhs == c.rhs, c.equal)
        << c.lhs.toJson() << " vs " << c.rhs.toJson();
    EXPECT_EQ(c.lhs != c.rhs, !c.equal)
        << c.lhs.toJson() << " vs " << c.rhs.toJson();
  }
}

//===----------------------------------------------------------------------===//
// toJson and toDisplayString
//===----------------------------------------------------------------------===//

TEST(ValueTest, ToJson) {
  struct Case {
    Value value;
    std::string json;
  };
  const Case cases[] = {
      {Value(), "null"},
      {Value(true), "true"},
      {Value(false), "false"},
      {Value(0), "0"},
      {Value(-42), "-42"},
      {Value(std::numeric_limits<std::int64_t>::min()), "-9223372036854775808"},
      {Value(1.5), "1.5"},
      {Value(1.0), "1.0"},
      {Value(-0.0), "-0.0"},
      {Value(0.1), "0.1"},
      {Value(100.0), "100.0"},
      {Value(1e15), "1000000000000000.0"},
      {Value(1e16), "1e+16"},
      {Value(1.5e20), "1.5e+20"},
      {Value(0.0001), "0.0001"},
      {Value(0.00001), "1e-05"},
      {Value(123.456), "123.456"},
      {Value(std::numeric_limits<double>::infinity()), "Infinity"},
      {Value(-std::numeric_limits<double>::infinity()), "-Infinity"},
      {Value(std::nan("")), "NaN"},
      {Value(""), R"("")"},
      {Value("plain"), R"("plain")"},
      {Value("quote\" backslash\\ slash/"), R"("quote\" backslash\\ slash/")"},
      {Value("\b\f\n\r\t"), R"("\b\f\n\r\t")"},
      {Value(std::string("\x01\x1f\x00", 3)), R"("\u0001\u001f\u0000")"},
      {Value("\x7f"), "\"\x7f\""},
      {Value("中文 ✓ 😀"), "\"中文 ✓ 😀\""},
      // Bytes that are not UTF-8 become U+FFFD so the output stays valid.
      {Value("a\xff"
             "b"),
       "\"a\xEF\xBF\xBD"
       "b\""},
      {Value("\xE4\xB8"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {list({}), "[]"},
      {map({}), "{}"},
      {list({1, "two", Value(), list({true})}), R"([1,"two",null,[true]])"},
      {map({{"b", 1}, {"a", map({{"k\n", list({})}})}}),
       R"({"b":1,"a":{"k\n":[]}})"},
  };
  for (const Case &c : cases)
    EXPECT_EQ(c.value.toJson(), c.json);
}

TEST(ValueTest, ToDisplayString) {
  EXPECT_EQ(Value("i-123").toDisplayString(), "i-123");
  EXPECT_EQ(Value("中文").toDisplayString(), "中文");
  EXPECT_EQ(Value(8).toDisplayString(), "8");
  EXPECT_EQ(Value(2.0).toDisplayString(), "2.0");
  EXPECT_EQ(Value(true).toDisplayString(), "true");
  EXPECT_EQ(Value().toDisplayString(), "null");
  EXPECT_EQ(list({"a", 1}).toDisplayString(), R"(["a",1])");
  EXPECT_EQ(map({{"Mode", "Concurrency"}}).toDisplayString(),
            R"({"Mode":"Concurrency"})");
}

TEST(ValueTest, KindNames) {
  EXPECT_EQ(kindName(Value::Kind::Null), "null");
  EXPECT_EQ(kindName(Value::Kind::Integer), "integer");
  EXPECT_EQ(kindName(Value::Kind::Map), "map");
}

//===----------------------------------------------------------------------===//
// parseJson
//===----------------------------------------------------------------------===//

TEST(ValueTest, ParseJsonCanonicalRoundTrips) {
  // Texts already in toJson's canonical form must come back unchanged.
  const char *texts[] = {
      "null",
      "true",
      "0",
      "-17",
      "9223372036854775807",
      "-9223372036854775808",
      "2.5",
      "1.0",
      "1e+16",
      "1e-05",
      R"("")",
      R"("escapes \" \\ \n \t \u0001")",
      "\"中文 😀\"",
      "[]",
      "{}",
      R"([1,[2,[3,[]]],{"a":null}])",
      R"({"Mode":"Batch","MaxErrors":0,"Batch":[1,"25%","50%"]})",
      R"({"z":1,"a":2,"m":3})",
  };
  for (const char *text : texts) {
    JsonParseError error;
    std::optional<Value> value = parseJson(text, &error);
    ASSERT_TRUE(value) << text << ": " << error.message << " at "
                       << error.offset;
    EXPECT_EQ(value->toJson(), text);
  }
}

TEST(ValueTest, ValueRoundTripsThroughJson) {
  const Value values[] = {
      Value(0.1),
      Value(-1e-300),
      Value(1.7976931348623157e308),
      Value(std::numeric_limits<double>::denorm_min()),
      Value("\xF0\x9F\x98\x80 mixed \x1b text"),
      map({{"Targets", map({{"Type", "ResourceIds"},
                            {"ResourceIds", list({"i-1", "i-2"})}})},
           {"Count", 3},
           {"Ratio", 0.5}}),
  };
  for (const Value &value : values) {
    std::optional<Value> back = parseJson(value.toJson());
    ASSERT_TRUE(back) << value.toJson();
    EXPECT_EQ(*back, value) << value.toJson();
    EXPECT_EQ(back->kind(), value.kind());
  }
}

TEST(ValueTest, ParseJsonDetails) {
  struct Case {
    const char *text;
    Value expected;
    Value::Kind kind;
  };
  const Case cases[] = {
      {" \t\r\n 1 \n", Value(1), Value::Kind::Integer},
      {"-0", Value(0), Value::Kind::Integer},
      {"1E2", Value(100.0), Value::Kind::Real},
      {"1e-2", Value(0.01), Value::Kind::Real},
      {"-1.25e+1", Value(-12.5), Value::Kind::Real},
      {"1e-400", Value(0.0), Value::Kind::Real},
      // Past int64_t: kept as a real rather than rejected.
      {"9223372036854775808", Value(9223372036854775808.0), Value::Kind::Real},
      {R"("\u4e2d\u6587")", Value("中文"), Value::Kind::String},
      {R"("\ud83d\ude00")", Value("\xF0\x9F\x98\x80"), Value::Kind::String},
      {R"("\u00e9\/")", Value("é/"), Value::Kind::String},
      {R"("\u0000")", Value(std::string(1, '\0')), Value::Kind::String},
      {R"([ 1 , "a" , [ ] , { } ])", list({1, "a", list({}), map({})}),
       Value::Kind::List},
      {R"({ "a" : { "b" : [ true , false , null ] } })",
       map({{"a", map({{"b", list({true, false, Value()})}})}}),
       Value::Kind::Map},
  };
  for (const Case &c : cases) {
    JsonParseError error;
    std::optional<Value> value = parseJson(c.text, &error);
    ASSERT_TRUE(value) << c.text << ": " << error.message;
    EXPECT_EQ(*value, c.expected) << c.text;
    EXPECT_EQ(value->kind(), c.kind) << c.text;
  }
}

TEST(ValueTest, ParseJsonErrors) {
  struct Case {
    std::string text;
    std::string message;
    std::size_t offset;
  };
  const Case cases[] = {
      {"", "unexpected end of input", 0},
      {"   ", "unexpected end of input", 3},
      {"[1,", "unexpected end of input", 3},
      {"[1,]", "unexpected character ']'", 3},
      {"[1 2]", "expected ',' or ']' in an array", 3},
      {"{\"a\" 1}", "expected ':' after an object key", 5},
      {"{\"a\":1 \"b\":2}", "expected ',' or '}' in an object", 7},
      {"{a:1}", "expected a string as object key", 1},
      {"{\"a\":1,}", "expected a string as object key", 7},
      {"{\"a\":1,\"a\":2}", "duplicate key \"a\"", 7},
      {"01", "unexpected trailing characters", 1},
      {"[1] x", "unexpected trailing characters", 4},
      {"1.", "invalid number (expected a digit after '.')", 0},
      {"1e", "invalid number (expected a digit in the exponent)", 0},
      {"-", "invalid number", 0},
      {"+1", "unexpected character '+'", 0},
      {".5", "unexpected character '.'", 0},
      {"1e400", "number out of range", 0},
      {"[-1e999]", "number out of range", 1},
      {"tru", "invalid literal (expected 'true')", 0},
      {"nul", "invalid literal (expected 'null')", 0},
      {"NaN", "unexpected character 'N'", 0},
      {"'a'", "unexpected character '''", 0},
      {"\"abc", "unterminated string", 0},
      {"\"a\\", "unterminated string", 2},
      {"\"a\nb\"", "unescaped control character in string", 2},
      {"\"\\x\"", "invalid escape sequence", 1},
      {"\"\\u12\"", "invalid \\u escape (expected four hex digits)", 1},
      {"\"\\ud800\"", "unpaired UTF-16 surrogate in \\u escape", 1},
      {"\"\\ud800\\u0041\"", "unpaired UTF-16 surrogate in \\u escape", 1},
      {"\"\\udc00\"", "unpaired UTF-16 surrogate in \\u escape", 1},
      {"\"ab\xff\"", "invalid UTF-8 in string", 3},
      {"\"\xC0\xAF\"", "invalid UTF-8 in string", 1},     // Overlong '/'.
      {"\"\xED\xA0\x80\"", "invalid UTF-8 in string", 1}, // Encoded surrogate.
      {"\xEF\xBB\xBF{}", "unexpected byte 0xef", 0},      // A BOM.
  };
  for (const Case &c : cases) {
    JsonParseError error;
    EXPECT_FALSE(parseJson(c.text, &error)) << c.text;
    EXPECT_EQ(error.message, c.message) << c.text;
    EXPECT_EQ(error.offset, c.offset) << c.text;
  }
  // The error out-parameter is optional.
  EXPECT_FALSE(parseJson("[", nullptr));
}

TEST(ValueTest, ParseJsonDepthLimit) {
  auto nested = [](unsigned depth) {
    return std::string(depth, '[') + std::string(depth, ']');
  };
  EXPECT_TRUE(parseJson(nested(MaxJsonDepth)));

  JsonParseError error;
  EXPECT_FALSE(parseJson(nested(MaxJsonDepth + 1), &error));
  EXPECT_EQ(error.message, "nesting deeper than 512 levels");
  EXPECT_EQ(error.offset, MaxJsonDepth);

  std::string objects;
  for (unsigned i = 0; i <= MaxJsonDepth; ++i)
    objects += "{\"a\":";
  EXPECT_FALSE(
      parseJson(objects + "1" + std::string(MaxJsonDepth + 1, '}'), &error));
  EXPECT_EQ(error.message, "nesting deeper than 512 levels");

  // Far deeper input must fail cleanly, not overflow the stack.
  EXPECT_FALSE(parseJson(std::string(1000000, '['), &error));
  EXPECT_EQ(error.message, "nesting deeper than 512 levels");
}

//===----------------------------------------------------------------------===//
// parseNumber and UTF-8 helpers
//===----------------------------------------------------------------------===//

TEST(ValueTest, ParseNumberAccepts) {
  struct Case {
    const char *text;
    Value expected;
    Value::Kind kind;
  };
  const Case cases[] = {
      {"0", Value(0), Value::Kind::Integer},
      {"42", Value(42), Value::Kind::Integer},
      {"-42", Value(-42), Value::Kind::Integer},
      {"+42", Value(42), Value::Kind::Integer},
      {"007", Value(7), Value::Kind::Integer},
      {"1.5", Value(1.5), Value::Kind::Real},
      {".5", Value(0.5), Value::Kind::Real},
      {"5.", Value(5.0), Value::Kind::Real},
      {"-2.5e3", Value(-2500.0), Value::Kind::Real},
      {"1E+2", Value(100.0), Value::Kind::Real},
      {"99999999999999999999", Value(1e20), Value::Kind::Real},
  };
  for (const Case &c : cases) {
    std::optional<Value> value = parseNumber(c.text);
    ASSERT_TRUE(value) << c.text;
    EXPECT_EQ(*value, c.expected) << c.text;
    EXPECT_EQ(value->kind(), c.kind) << c.text;
  }
}

TEST(ValueTest, ParseNumberRejects) {
  const char *texts[] = {"",      "-",   "+",     ".",     "abc", "1a",  " 1",
                         "1 ",    "1e",  "1e+",   "0x10",  "inf", "nan", "NaN",
                         "1,000", "--1", "1e400", "1.2.3", "１"};
  for (const char *text : texts)
    EXPECT_FALSE(parseNumber(text)) << text;
}

TEST(ValueTest, Utf8Helpers) {
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("ascii"));
  EXPECT_TRUE(isValidUtf8("中文😀"));
  EXPECT_FALSE(isValidUtf8("\xff"));
  EXPECT_FALSE(isValidUtf8("\xE4\xB8"));         // Truncated.
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // Past U+10FFFF.

  EXPECT_EQ(countCodePoints(""), 0u);
  EXPECT_EQ(countCodePoints("abc"), 3u);
  EXPECT_EQ(countCodePoints("中文"), 2u);
  EXPECT_EQ(countCodePoints("a😀b"), 3u);
  EXPECT_EQ(countCodePoints("a\xff\xfe"), 3u);
}

TEST(ValueTest, FindPathWalksDottedMapKeys) {
  std::optional<Value> answer = parseJson(R"({"Instances":{"Instance":[{"InstanceId":"i-1"}]},"TotalCount":1})");
  ASSERT_TRUE(answer);
  const Value *list = answer->findPath("Instances.Instance");
  ASSERT_TRUE(list && list->isList());
  EXPECT_EQ(list->getList().size(), 1u);
  EXPECT_EQ(answer->findPath(""), &*answer);
  EXPECT_EQ(answer->findPath("TotalCount")->toJson(), "1");
  EXPECT_EQ(answer->findPath("Instances.Missing"), nullptr);
  EXPECT_EQ(answer->findPath("TotalCount.Deeper"), nullptr); // a scalar has no members
  answer->findPath("Instances.Instance")->append(Value("i-2"));
  EXPECT_EQ(answer->findPath("Instances.Instance")->getList().size(), 2u);
}

} // namespace
