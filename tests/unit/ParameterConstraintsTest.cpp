// ParameterConstraintsTest.cpp - Tests of types, patterns and constraints.
#include "oosc/runtime/ParameterConstraints.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

using namespace oosc::runtime;

namespace {

Value list(Value::List items) { return Value(std::move(items)); }
Value map(Value::Map members) { return Value(std::move(members)); }

ParameterSpec specOf(ParameterType type) {
  ParameterSpec spec;
  spec.name = "param";
  spec.type = type;
  return spec;
}

std::vector<std::string>
messagesOf(const std::vector<ConstraintViolation> &violations) {
  std::vector<std::string> messages;
  for (const ConstraintViolation &violation : violations)
    messages.push_back(violation.message);
  return messages;
}

std::vector<std::string> messagesOf(const std::vector<SpecProblem> &problems) {
  std::vector<std::string> messages;
  for (const SpecProblem &problem : problems)
    messages.push_back(problem.message);
  return messages;
}

const char *outcomeName(MatchOutcome outcome) {
  switch (outcome) {
  case MatchOutcome::Matched:
    return "Matched";
  case MatchOutcome::NotMatched:
    return "NotMatched";
  case MatchOutcome::LimitExceeded:
    return "LimitExceeded";
  case MatchOutcome::InvalidSubject:
    return "InvalidSubject";
  }
  return "?";
}

//===----------------------------------------------------------------------===//
// ParameterType
//===----------------------------------------------------------------------===//

TEST(ParameterTypeTest, ParseAndName) {
  for (ParameterType type :
       {ParameterType::String, ParameterType::Number, ParameterType::Boolean,
        ParameterType::List, ParameterType::Json}) {
    std::optional<ParameterType> parsed =
        parseParameterType(parameterTypeName(type));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(*parsed, type);
  }
  EXPECT_EQ(parameterTypeName(ParameterType::Json), "Json");
  for (const char *bad : {"string", "JSON", "Integer", "", "Bool", " String"})
    EXPECT_FALSE(parseParameterType(bad)) << bad;
}

TEST(ParameterTypeTest, ConstraintKindNames) {
  EXPECT_EQ(constraintKindName(ConstraintKind::Type), "Type");
  EXPECT_EQ(constraintKindName(ConstraintKind::AllowedValues), "AllowedValues");
  EXPECT_EQ(constraintKindName(ConstraintKind::AllowedPattern),
            "AllowedPattern");
  EXPECT_EQ(constraintKindName(ConstraintKind::MinLength), "MinLength");
  EXPECT_EQ(constraintKindName(ConstraintKind::MaxLength), "MaxLength");
  EXPECT_EQ(constraintKindName(ConstraintKind::MinValue), "MinValue");
  EXPECT_EQ(constraintKindName(ConstraintKind::MaxValue), "MaxValue");
}

//===----------------------------------------------------------------------===//
// Pattern
//===----------------------------------------------------------------------===//

TEST(PatternTest, FullMatchTable) {
  struct Case {
    const char *pattern;
    const char *subject;
    MatchOutcome expected;
  };
  const Case cases[] = {
      {"^i-[a-z0-9]+$", "i-bp1abc", MatchOutcome::Matched},
      {"^i-[a-z0-9]+$", "i-BP1", MatchOutcome::NotMatched},
      {"^i-[a-z0-9]+$", "xi-abc", MatchOutcome::NotMatched},
      // '$' may match before a final newline, but the whole subject must
      // still be consumed.
      {"^abc$", "abc\n", MatchOutcome::NotMatched},
      // Unanchored patterns from real templates only make sense as full
      // matches.
      {"[A-Za-z0-9]*", "ab12", MatchOutcome::Matched},
      {"[A-Za-z0-9]*", "ab!", MatchOutcome::NotMatched},
      {"[A-Za-z0-9]*", "", MatchOutcome::Matched},
      {"sg-[A-Za-z0-9]*", "sg-bp1", MatchOutcome::Matched},
      {"sg-[A-Za-z0-9]*", "xsg-bp1", MatchOutcome::NotMatched},
      {"ecs\\.[A-Za-z0-9\\.\\-]*", "ecs.g6.large", MatchOutcome::Matched},
      {"ecs\\.[A-Za-z0-9\\.\\-]*", "ecs.g6.large ", MatchOutcome::NotMatched},
      {"(^\\d+$)", "12345", MatchOutcome::Matched},
      {"(^\\d+$)", "12a45", MatchOutcome::NotMatched},
      {"^[1-9]\\d?$|^[1-4]\\d\\d$|500$", "42", MatchOutcome::Matched},
      {"^[1-9]\\d?$|^[1-4]\\d\\d$|500$", "500", MatchOutcome::Matched},
      {"^[1-9]\\d?$|^[1-4]\\d\\d$|500$", "1500", MatchOutcome::NotMatched},
      // Lookaheads.
      {"^(?!aliyun)(?!acs:)[a-zA-Z0-9_-]+$", "my-template",
       MatchOutcome::Matched},
      {"^(?!aliyun)(?!acs:)[a-zA-Z0-9_-]+$", "aliyun-x",
       MatchOutcome::NotMatched},
      {"^(?!aliyun)(?!acs:)[a-zA-Z0-9_-]+$", "acs:x", MatchOutcome::NotMatched},
      {"^(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d]{8,}$", "Passw0rdX",
       MatchOutcome::Matched},
      {"^(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d]{8,}$", "password1",
       MatchOutcome::NotMatched},
      // Lookbehinds: no trailing hyphen, labels without edge hyphens.
      {"^[a-z0-9-]+(?<!-)$", "web-01", MatchOutcome::Matched},
      {"^[a-z0-9-]+(?<!-)$", "web-", MatchOutcome::NotMatched},
      {"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$",
       "example.aliyun.com", MatchOutcome::Matched},
      {"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+$",
       "example-.com", MatchOutcome::NotMatched},
      {"^\\{\\{oos-secret:.*$", "{{oos-secret:db-password}}",
       MatchOutcome::Matched},
      // Unicode: UTF mode with Unicode properties.
      {"^\\w+$", "中文名称", MatchOutcome::Matched},
      {"^\\p{Han}{2}$", "中文", MatchOutcome::Matched},
      {"^.{2}$", "中文", MatchOutcome::Matched},
      {"^.{6}$", "中文", MatchOutcome::NotMatched},
      {"^\\d+$", "١٢٣", MatchOutcome::Matched}, // Arabic-Indic digits.
      {"^[a-z]+$", "ab\xff", MatchOutcome::InvalidSubject},
      {"^.*$", "\xE4\xB8", MatchOutcome::InvalidSubject},
      {"", "", MatchOutcome::Matched},
      {"", "x", MatchOutcome::NotMatched},
  };
  for (const Case &c : cases) {
    CompiledPattern compiled = Pattern::compile(c.pattern);
    const Pattern *pattern = std::get_if<Pattern>(&compiled);
    ASSERT_NE(pattern, nullptr) << c.pattern;
    EXPECT_STREQ(outcomeName(pattern->fullMatch(c.subject)),
                 outcomeName(c.expected))
        << c.pattern << " on '" << c.subject << "'";
  }
}

TEST(PatternTest, CatastrophicBacktrackingHitsTheLimitQuickly) {
  const char *patterns[] = {"(a+)+$", "^(a|aa)+$", "^(\\w+\\s?)*$", "(x+x+)+y"};
  // The last subject contains the required 'y', so PCRE2 cannot reject it
  // up front; the end anchor after it forces the backtracking.
  const std::string subjects[] = {
      std::string(64, 'a') + "!", std::string(64, 'a') + "!",
      std::string(64, 'a') + "!", std::string(64, 'x') + "y!"};
  for (std::size_t i = 0; i < std::size(patterns); ++i) {
    CompiledPattern compiled = Pattern::compile(patterns[i]);
    const Pattern *pattern = std::get_if<Pattern>(&compiled);
    ASSERT_NE(pattern, nullptr) << patterns[i];
    // Not timed (the team's rule): without the limits these matches would
    // take longer than the universe has existed, so the test finishing at
    // all is the proof; each takes about 15 ms.
    EXPECT_STREQ(outcomeName(pattern->fullMatch(subjects[i])),
                 outcomeName(MatchOutcome::LimitExceeded))
        << patterns[i];
  }
}

TEST(PatternTest, LimitsAdmitLongOrdinaryValues) {
  // A 100,000-character script against permissive patterns, including
  // repeated groups that need backtracking levels for every character.
  std::string script(100'000, 'a');
  for (std::size_t i = 80; i < script.size(); i += 80)
    script[i] = '\n';
  for (const char *source : {"^[\\s\\S]*$", "^(?:.|\\n)*$", "^(a|\\n)*$",
                             "^[\\s\\S]{1,65535}[\\s\\S]*$"}) {
    CompiledPattern compiled = Pattern::compile(source);
    const Pattern *pattern = std::get_if<Pattern>(&compiled);
    ASSERT_NE(pattern, nullptr) << source;
    EXPECT_STREQ(outcomeName(pattern->fullMatch(script)),
                 outcomeName(MatchOutcome::Matched))
        << source;
  }
}

TEST(PatternTest, CompileErrorsGiveMessageAndOffset) {
  struct Case {
    const char *pattern;
    const char *messagePart;
    std::uint32_t offset;
  };
  const Case cases[] = {
      {"^(abc$", "missing closing parenthesis", 6},
      {"^[a-z$", "missing terminating ] for character class", 6},
      {"a{2,1}", "numbers out of order in {} quantifier", 5},
      {"^ab)c$", "unmatched closing parenthesis", 3},
      {"*a", "quantifier does not follow a repeatable item", 0},
      {"(?<!a+)b", "lookbehind assertion is not fixed length", 0},
      {"ab\\C", "\\C", 4},
      {"ab\xff", "UTF-8 error", 2},
  };
  for (const Case &c : cases) {
    CompiledPattern compiled = Pattern::compile(c.pattern);
    const PatternError *error = std::get_if<PatternError>(&compiled);
    ASSERT_NE(error, nullptr) << c.pattern;
    EXPECT_NE(error->message.find(c.messagePart), std::string::npos)
        << c.pattern << ": " << error->message;
    EXPECT_EQ(error->offset, c.offset) << c.pattern << ": " << error->message;
  }
}

TEST(PatternTest, MoveTransfersOwnership) {
  CompiledPattern compiled = Pattern::compile("^x+$");
  Pattern first = std::move(std::get<Pattern>(compiled));
  Pattern second = std::move(first);
  EXPECT_EQ(second.source(), "^x+$");
  EXPECT_EQ(second.fullMatch("xxx"), MatchOutcome::Matched);

  CompiledPattern other = Pattern::compile("^y$");
  Pattern third = std::move(std::get<Pattern>(other));
  third = std::move(second);
  EXPECT_EQ(third.fullMatch("xx"), MatchOutcome::Matched);
  EXPECT_EQ(third.fullMatch("y"), MatchOutcome::NotMatched);
}

TEST(PatternTest, CacheCompilesOncePerText) {
  PatternCache cache;
  const CompiledPattern &first = cache.get("^a$");
  const CompiledPattern &again = cache.get(std::string("^a$"));
  EXPECT_EQ(&first, &again);
  EXPECT_TRUE(std::holds_alternative<Pattern>(first));

  const CompiledPattern &bad = cache.get("(");
  EXPECT_TRUE(std::holds_alternative<PatternError>(bad));
  EXPECT_EQ(&bad, &cache.get("("));
  EXPECT_EQ(cache.size(), 2u);
  // Earlier references survive later insertions.
  for (int i = 0; i < 100; ++i)
    cache.get("^" + std::to_string(i) + "$");
  EXPECT_EQ(std::get<Pattern>(first).fullMatch("a"), MatchOutcome::Matched);
}

TEST(PatternTest, ALongLivedCacheIsBounded) {
  PatternCache cache;
  for (int i = 0; i < 10; ++i)
    cache.get("^" + std::to_string(i) + "$");
  cache.limitTo(10);
  EXPECT_EQ(cache.size(), 10u) << "at the bound: kept";
  cache.get("^10$");
  cache.limitTo(10);
  EXPECT_EQ(cache.size(), 0u) << "past the bound: forgotten";
  EXPECT_EQ(std::get<Pattern>(cache.get("^1$")).fullMatch("1"), MatchOutcome::Matched);
}

//===----------------------------------------------------------------------===//
// checkValue
//===----------------------------------------------------------------------===//

struct ValueCase {
  const char *label;
  ParameterSpec spec;
  Value value;
  std::vector<std::string> messages;
};

void runValueCases(const std::vector<ValueCase> &cases) {
  PatternCache patterns;
  for (const ValueCase &c : cases)
    EXPECT_EQ(messagesOf(checkValue(c.spec, c.value, patterns)), c.messages)
        << c.label;
}

TEST(CheckValueTest, TypeChecks) {
  using Messages = std::vector<std::string>;
  std::vector<ValueCase> cases = {
      {"string accepts string", specOf(ParameterType::String), Value("x"), {}},
      {"string accepts integer", specOf(ParameterType::String), Value(5), {}},
      {"string accepts real", specOf(ParameterType::String), Value(1.5), {}},
      {"string accepts bool", specOf(ParameterType::String), Value(true), {}},
      {"string rejects null", specOf(ParameterType::String), Value(),
       Messages{"null is not a String"}},
      {"string rejects list", specOf(ParameterType::String), list({1, "a"}),
       Messages{R"([1,"a"] is not a String)"}},
      {"string rejects map", specOf(ParameterType::String), map({{"k", "v"}}),
       Messages{R"({"k":"v"} is not a String)"}},

      {"number accepts integer", specOf(ParameterType::Number), Value(3), {}},
      {"number accepts real", specOf(ParameterType::Number), Value(-0.5), {}},
      {"number accepts numeric string",
       specOf(ParameterType::Number),
       Value("1e3"),
       {}},
      {"number rejects word", specOf(ParameterType::Number), Value("x"),
       Messages{"'x' is not a Number"}},
      {"number rejects padded string", specOf(ParameterType::Number),
       Value(" 1"), Messages{"' 1' is not a Number"}},
      {"number rejects bool", specOf(ParameterType::Number), Value(true),
       Messages{"true is not a Number"}},
      {"number rejects NaN", specOf(ParameterType::Number), Value(std::nan("")),
       Messages{"NaN is not a Number"}},
      {"number rejects list", specOf(ParameterType::Number), list({1}),
       Messages{"[1] is not a Number"}},

      {"boolean accepts bool",
       specOf(ParameterType::Boolean),
       Value(false),
       {}},
      {"boolean accepts 'True'",
       specOf(ParameterType::Boolean),
       Value("True"),
       {}},
      {"boolean accepts 'FALSE'",
       specOf(ParameterType::Boolean),
       Value("FALSE"),
       {}},
      {"boolean rejects 'yes'", specOf(ParameterType::Boolean), Value("yes"),
       Messages{"'yes' is not a Boolean"}},
      {"boolean rejects 1", specOf(ParameterType::Boolean), Value(1),
       Messages{"1 is not a Boolean"}},

      {"list accepts list",
       specOf(ParameterType::List),
       list({"i-1", "i-2"}),
       {}},
      {"list rejects string", specOf(ParameterType::List), Value("i-1,i-2"),
       Messages{"'i-1,i-2' is not a List"}},
      {"list rejects map", specOf(ParameterType::List), map({}),
       Messages{"{} is not a List"}},

      {"json accepts map",
       specOf(ParameterType::Json),
       map({{"Mode", "Concurrency"}}),
       {}},
      {"json accepts list", specOf(ParameterType::Json), list({}), {}},
      // OOS takes the JSON text of one (Alibaba's ACS-RAM-CreateRoleAndAttachCustomPolicy
      // passes ACS::ROS::CreateStack's templateBody so, built by Fn::Replace).
      {"json accepts the text of an object", specOf(ParameterType::Json), Value("{\"a\": 1}"), {}},
      {"json rejects other text", specOf(ParameterType::Json), Value("{a"),
       Messages{"'{a' is not a Json object or array"}},
      {"json rejects the text of a number", specOf(ParameterType::Json), Value("3"),
       Messages{"'3' is not a Json object or array"}},
      {"json rejects number", specOf(ParameterType::Json), Value(1),
       Messages{"1 is not a Json object or array"}},
  };
  runValueCases(cases);
}

TEST(CheckValueTest, TypeFailureStopsFurtherChecks) {
  ParameterSpec spec = specOf(ParameterType::Number);
  spec.allowedValues = std::vector<Value>{1, 2};
  spec.minValue = 5;
  PatternCache patterns;
  std::vector<ConstraintViolation> violations =
      checkValue(spec, Value("x"), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::Type);
}

TEST(CheckValueTest, AllowedValues) {
  using Messages = std::vector<std::string>;
  ParameterSpec regions = specOf(ParameterType::String);
  regions.allowedValues = std::vector<Value>{"us", "eu"};
  ParameterSpec numericStrings = specOf(ParameterType::String);
  numericStrings.allowedValues = std::vector<Value>{1, 2.5, true};
  ParameterSpec numbers = specOf(ParameterType::Number);
  numbers.allowedValues = std::vector<Value>{1, 2.5, "10"};
  ParameterSpec booleans = specOf(ParameterType::Boolean);
  booleans.allowedValues = std::vector<Value>{true};
  ParameterSpec lists = specOf(ParameterType::List);
  // A List's AllowedValues are the elements one may pick (a multi-select).
  lists.allowedValues = std::vector<Value>{Value("a"), Value("b")};
  ParameterSpec objects = specOf(ParameterType::Json);
  objects.allowedValues = std::vector<Value>{map({{"a", 1}, {"b", 2}})};
  ParameterSpec many = specOf(ParameterType::String);
  many.allowedValues.emplace();
  for (int i = 0; i < 25; ++i)
    many.allowedValues->push_back(Value("r" + std::to_string(i)));
  ParameterSpec none = specOf(ParameterType::String);
  none.allowedValues.emplace();

  std::vector<ValueCase> cases = {
      {"string in list", regions, Value("eu"), {}},
      {"string not in list", regions, Value("ap"),
       Messages{"'ap' is not one of the allowed values 'us', 'eu'"}},
      {"case matters", regions, Value("US"),
       Messages{"'US' is not one of the allowed values 'us', 'eu'"}},
      {"stringified integer", numericStrings, Value("1"), {}},
      {"integer against integer", numericStrings, Value(1), {}},
      {"stringified real", numericStrings, Value("2.5"), {}},
      {"stringified bool", numericStrings, Value("true"), {}},
      {"stringified forms differ", numericStrings, Value("1.0"),
       Messages{"'1.0' is not one of the allowed values 1, 2.5, true"}},
      {"number equal as number", numbers, Value(1.0), {}},
      {"number from string", numbers, Value("2.50"), {}},
      {"number against string entry", numbers, Value(10), {}},
      {"number not allowed", numbers, Value(3),
       Messages{"3 is not one of the allowed values 1, 2.5, '10'"}},
      {"boolean from string", booleans, Value("TRUE"), {}},
      {"boolean not allowed", booleans, Value(false),
       Messages{"false is not one of the allowed values true"}},
      {"list allowed", lists, list({"a", "b"}), {}},
      {"list elements in any order", lists, list({"b", "a"}), {}},
      {"list element not allowed", lists, list({"b", "z"}),
       Messages{R"(element 'z' of ["b","z"] is not one of the allowed values 'a', 'b')"}},
      {"json ignores member order", objects, map({{"b", 2}, {"a", 1}}), {}},
      {"long list is cut", many, Value("x"),
       Messages{
           "'x' is not one of the allowed values 'r0', 'r1', 'r2', 'r3', "
           "'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', "
           "'r14', 'r15', 'r16', 'r17', 'r18', 'r19' and 5 more"}},
      {"empty AllowedValues", none, Value("x"),
       Messages{"'x' is not allowed: AllowedValues is empty"}},
  };
  runValueCases(cases);

  PatternCache patterns;
  std::vector<ConstraintViolation> violations =
      checkValue(regions, Value("ap"), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::AllowedValues);
}

TEST(CheckValueTest, AllowedPattern) {
  using Messages = std::vector<std::string>;
  auto withPattern = [](const char *pattern) {
    ParameterSpec spec = specOf(ParameterType::String);
    spec.allowedPattern = pattern;
    return spec;
  };
  ParameterSpec numberWithPattern = specOf(ParameterType::Number);
  numberWithPattern.allowedPattern = "^1$";

  std::vector<ValueCase> cases = {
      {"matches", withPattern("^i-[a-z0-9]+$"), Value("i-bp1x"), {}},
      {"does not match", withPattern("^i-[a-z0-9]+$"), Value("abc"),
       Messages{"'abc' does not match AllowedPattern '^i-[a-z0-9]+$'"}},
      {"unanchored is a full match", withPattern("[A-Za-z0-9]*"), Value("ab!"),
       Messages{"'ab!' does not match AllowedPattern '[A-Za-z0-9]*'"}},
      {"negative lookahead", withPattern("^(?!aliyun)(?!acs:)[a-zA-Z0-9_-]+$"),
       Value("aliyun-ops"),
       Messages{"'aliyun-ops' does not match AllowedPattern "
                "'^(?!aliyun)(?!acs:)[a-zA-Z0-9_-]+$'"}},
      {"negative lookbehind", withPattern("^[a-z][a-z0-9-]*(?<!-)$"),
       Value("db-"),
       Messages{
           "'db-' does not match AllowedPattern '^[a-z][a-z0-9-]*(?<!-)$'"}},
      {"stringified number", withPattern("^\\d+$"), Value(42), {}},
      {"stringified bool", withPattern("^\\d+$"), Value(true),
       Messages{"true does not match AllowedPattern '^\\d+$'"}},
      {"non-string types ignore it", numberWithPattern, Value(2), {}},
      {"invalid pattern is left to checkSpec",
       withPattern("(abc"),
       Value("x"),
       {}},
      {"invalid UTF-8", withPattern("^.*$"), Value("bad\xff"),
       Messages{
           "cannot check 'bad\\xff' against AllowedPattern '^.*$': the value "
           "is not valid UTF-8"}},
      {"too expensive", withPattern("(a+)+$"),
       Value(std::string(40, 'a') + "!"),
       Messages{"cannot check '" + std::string(40, 'a') +
                "!' against AllowedPattern '(a+)+$': the pattern is too costly to "
                "match against a value of 41 characters (it reached PCRE2's "
                "backtracking limits; nested quantifiers such as (a+)+ backtrack "
                "exponentially)"}},
  };
  runValueCases(cases);

  PatternCache patterns;
  auto violations = checkValue(withPattern("(a+)+$"),
                               Value(std::string(40, 'a') + "!"), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::AllowedPattern);
}

TEST(CheckValueTest, Lengths) {
  using Messages = std::vector<std::string>;
  ParameterSpec spec = specOf(ParameterType::String);
  spec.minLength = 3;
  spec.maxLength = 5;
  ParameterSpec onlyMax = specOf(ParameterType::String);
  onlyMax.maxLength = 2;
  ParameterSpec listSpec = specOf(ParameterType::List);
  listSpec.maxLength = 1;

  std::vector<ValueCase> cases = {
      {"within", spec, Value("abcd"), {}},
      {"at min", spec, Value("abc"), {}},
      {"at max", spec, Value("abcde"), {}},
      {"too short", spec, Value("ab"),
       Messages{"'ab' is shorter than MinLength 3"}},
      {"too long", spec, Value("abcdef"),
       Messages{"'abcdef' is longer than MaxLength 5"}},
      {"empty", spec, Value(""), Messages{"'' is shorter than MinLength 3"}},
      // Code points, not bytes: 3 Chinese characters are 9 bytes.
      {"chinese within", spec, Value("阿里云"), {}},
      {"chinese too short", spec, Value("中文"),
       Messages{"'中文' is shorter than MinLength 3"}},
      {"chinese too long", spec, Value("阿里云运维编排"),
       Messages{"'阿里云运维编排' is longer than MaxLength 5"}},
      {"emoji counts once", onlyMax, Value("😀😀"), {}},
      {"stringified number", onlyMax, Value(12345),
       Messages{"12345 is longer than MaxLength 2"}},
      {"lists are not measured", listSpec, list({1, 2, 3}), {}},
  };
  runValueCases(cases);

  PatternCache patterns;
  auto violations = checkValue(spec, Value("ab"), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::MinLength);
  violations = checkValue(spec, Value("abcdef"), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::MaxLength);
}

TEST(CheckValueTest, Ranges) {
  using Messages = std::vector<std::string>;
  ParameterSpec spec = specOf(ParameterType::Number);
  spec.minValue = 1;
  spec.maxValue = 100;
  ParameterSpec fractional = specOf(ParameterType::Number);
  fractional.minValue = 0.5;
  ParameterSpec stringSpec = specOf(ParameterType::String);
  stringSpec.maxValue = 1;

  std::vector<ValueCase> cases = {
      {"within", spec, Value(50), {}},
      {"at min", spec, Value(1), {}},
      {"at max", spec, Value(100.0), {}},
      {"too large", spec, Value(101),
       Messages{"101 is greater than MaxValue 100"}},
      {"too small", spec, Value(0), Messages{"0 is less than MinValue 1"}},
      {"real too large", spec, Value(100.5),
       Messages{"100.5 is greater than MaxValue 100"}},
      {"string converted", spec, Value("101"),
       Messages{"'101' is greater than MaxValue 100"}},
      {"fractional limit", fractional, Value(0.25),
       Messages{"0.25 is less than MinValue 0.5"}},
      {"strings are not ranged", stringSpec, Value("5"), {}},
  };
  runValueCases(cases);

  PatternCache patterns;
  auto violations = checkValue(spec, Value(101), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::MaxValue);
  violations = checkValue(spec, Value(0), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::MinValue);
}

TEST(CheckValueTest, ReportsEveryFailedConstraint) {
  ParameterSpec spec = specOf(ParameterType::String);
  spec.allowedValues = std::vector<Value>{"i-abcdef"};
  spec.allowedPattern = "^i-[a-z]+$";
  spec.minLength = 4;
  PatternCache patterns;
  std::vector<ConstraintViolation> violations =
      checkValue(spec, Value("x1"), patterns);
  ASSERT_EQ(violations.size(), 3u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::AllowedValues);
  EXPECT_EQ(violations[1].kind, ConstraintKind::AllowedPattern);
  EXPECT_EQ(violations[2].kind, ConstraintKind::MinLength);
}

TEST(CheckValueTest, MessagesQuoteLongAndMultiLineValuesCompactly) {
  ParameterSpec spec = specOf(ParameterType::String);
  spec.maxLength = 3;
  PatternCache patterns;
  auto violations = checkValue(spec, Value("line1\nline2\t"), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message,
            "'line1\\nline2\\t' is longer than MaxLength 3");

  violations = checkValue(spec, Value(std::string(200, 'z')), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].message,
            "'" + std::string(77, 'z') + "...' (200 characters) is longer than MaxLength 3");

  std::string chinese;
  for (int i = 0; i < 100; ++i)
    chinese += "中";
  violations = checkValue(spec, Value(chinese), patterns);
  ASSERT_EQ(violations.size(), 1u);
  std::string expectedPrefix;
  for (int i = 0; i < 77; ++i)
    expectedPrefix += "中";
  EXPECT_EQ(violations[0].message,
            "'" + expectedPrefix + "...' (100 characters) is longer than MaxLength 3");
}

//===----------------------------------------------------------------------===//
// checkSpec
//===----------------------------------------------------------------------===//

TEST(CheckSpecTest, ValidSpecsHaveNoProblems) {
  ParameterSpec spec = specOf(ParameterType::String);
  spec.allowedValues = std::vector<Value>{"i-abc", "i-def"};
  spec.allowedPattern = "^i-[a-z]+$";
  spec.minLength = 1;
  spec.maxLength = 10;
  EXPECT_TRUE(checkSpec(spec).empty());

  ParameterSpec number = specOf(ParameterType::Number);
  number.minValue = 1;
  number.maxValue = 1;
  number.allowedValues = std::vector<Value>{1, "1"};
  EXPECT_TRUE(checkSpec(number).empty());
}

TEST(CheckSpecTest, Problems) {
  using Messages = std::vector<std::string>;
  struct Case {
    const char *label;
    ParameterSpec spec;
    Messages messages;
    std::vector<ConstraintKind> kinds;
  };
  ParameterSpec lengths = specOf(ParameterType::String);
  lengths.minLength = 5;
  lengths.maxLength = 3;
  ParameterSpec negative = specOf(ParameterType::String);
  negative.minLength = -1;
  negative.maxLength = -2;
  ParameterSpec range = specOf(ParameterType::Number);
  range.minValue = 10;
  range.maxValue = 1.5;
  ParameterSpec empty = specOf(ParameterType::String);
  empty.allowedValues.emplace();
  ParameterSpec badPattern = specOf(ParameterType::String);
  badPattern.allowedPattern = "^(abc$";
  ParameterSpec badEntries = specOf(ParameterType::Number);
  badEntries.allowedValues = std::vector<Value>{1, "x", 500};
  badEntries.maxValue = 100;
  ParameterSpec patternEntries = specOf(ParameterType::String);
  patternEntries.allowedValues = std::vector<Value>{"i-ok", "bad", "i-toolong"};
  patternEntries.allowedPattern = "^i-[a-z]+$";
  patternEntries.maxLength = 5;

  const Case cases[] = {
      {"min > max length",
       lengths,
       Messages{"MinLength 5 is greater than MaxLength 3"},
       {ConstraintKind::MinLength}},
      {"negative lengths",
       negative,
       Messages{"MinLength -1 is negative", "MaxLength -2 is negative",
                "MinLength -1 is greater than MaxLength -2"},
       {ConstraintKind::MinLength, ConstraintKind::MaxLength,
        ConstraintKind::MinLength}},
      {"min > max value",
       range,
       Messages{"MinValue 10 is greater than MaxValue 1.5"},
       {ConstraintKind::MinValue}},
      {"empty allowed values",
       empty,
       Messages{"no value is allowed: AllowedValues is empty"},
       {ConstraintKind::AllowedValues}},
      {"bad pattern",
       badPattern,
       Messages{"invalid AllowedPattern '^(abc$': missing closing parenthesis "
                "at offset 6"},
       {ConstraintKind::AllowedPattern}},
      {"entries of the wrong type or range",
       badEntries,
       Messages{"entry 2 of AllowedValues: 'x' is not a Number",
                "entry 3 of AllowedValues: 500 is greater than MaxValue 100"},
       {ConstraintKind::AllowedValues, ConstraintKind::AllowedValues}},
      {"entries breaking pattern and length",
       patternEntries,
       Messages{
           "entry 2 of AllowedValues: 'bad' does not match AllowedPattern "
           "'^i-[a-z]+$'",
           "entry 3 of AllowedValues: 'i-toolong' is longer than MaxLength 5"},
       {ConstraintKind::AllowedValues, ConstraintKind::AllowedValues}},
  };
  for (const Case &c : cases) {
    std::vector<SpecProblem> problems = checkSpec(c.spec);
    EXPECT_EQ(messagesOf(problems), c.messages) << c.label;
    std::vector<ConstraintKind> kinds;
    for (const SpecProblem &problem : problems)
      kinds.push_back(problem.kind);
    EXPECT_EQ(kinds, c.kinds) << c.label;
  }
}

TEST(CheckSpecTest, PatternOffsetAndEntryIndex) {
  ParameterSpec badPattern = specOf(ParameterType::String);
  badPattern.allowedPattern = "^[a-z$";
  PatternCache patterns;
  std::vector<SpecProblem> problems = checkSpec(badPattern, patterns);
  ASSERT_EQ(problems.size(), 1u);
  ASSERT_TRUE(problems[0].patternOffset);
  EXPECT_EQ(*problems[0].patternOffset, 6u);
  EXPECT_FALSE(problems[0].allowedValueIndex);
  // checkSpec warmed the caller's cache.
  EXPECT_EQ(patterns.size(), 1u);

  ParameterSpec badEntry = specOf(ParameterType::Boolean);
  badEntry.allowedValues = std::vector<Value>{true, "maybe"};
  problems = checkSpec(badEntry);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message,
            "entry 2 of AllowedValues: 'maybe' is not a Boolean");
  ASSERT_TRUE(problems[0].allowedValueIndex);
  EXPECT_EQ(*problems[0].allowedValueIndex, 1u);
  EXPECT_FALSE(problems[0].patternOffset);
}

//===----------------------------------------------------------------------===//
// convertArgument
//===----------------------------------------------------------------------===//

TEST(ConvertArgumentTest, Accepts) {
  struct Case {
    ParameterType type;
    const char *text;
    Value expected;
    Value::Kind kind;
  };
  const Case cases[] = {
      {ParameterType::String, "i-abc", Value("i-abc"), Value::Kind::String},
      {ParameterType::String, "42", Value("42"), Value::Kind::String},
      {ParameterType::String, "", Value(""), Value::Kind::String},
      {ParameterType::String, "[1]", Value("[1]"), Value::Kind::String},
      {ParameterType::Number, "42", Value(42), Value::Kind::Integer},
      {ParameterType::Number, "-1.5", Value(-1.5), Value::Kind::Real},
      {ParameterType::Number, "1e3", Value(1000.0), Value::Kind::Real},
      {ParameterType::Boolean, "true", Value(true), Value::Kind::Bool},
      {ParameterType::Boolean, "False", Value(false), Value::Kind::Bool},
      {ParameterType::List, R"(["i-1","i-2"])", list({"i-1", "i-2"}),
       Value::Kind::List},
      {ParameterType::List, "[]", list({}), Value::Kind::List},
      {ParameterType::Json, R"({"Mode":"Concurrency","Concurrency":10})",
       map({{"Mode", "Concurrency"}, {"Concurrency", 10}}), Value::Kind::Map},
      {ParameterType::Json, "[1]", list({1}), Value::Kind::List},
  };
  for (const Case &c : cases) {
    std::variant<Value, std::string> result = convertArgument(c.type, c.text);
    const Value *value = std::get_if<Value>(&result);
    ASSERT_NE(value, nullptr)
        << c.text << ": " << std::get<std::string>(result);
    EXPECT_EQ(*value, c.expected) << c.text;
    EXPECT_EQ(value->kind(), c.kind) << c.text;
  }
}

TEST(ConvertArgumentTest, Rejects) {
  struct Case {
    ParameterType type;
    const char *text;
    std::string message;
  };
  const Case cases[] = {
      {ParameterType::Number, "ten", "'ten' is not a Number"},
      {ParameterType::Number, "", "'' is not a Number"},
      {ParameterType::Number, "1e999", "'1e999' is not a Number"},
      {ParameterType::Boolean, "yes",
       "'yes' is not a Boolean (expected true or false)"},
      {ParameterType::Boolean, "1",
       "'1' is not a Boolean (expected true or false)"},
      {ParameterType::List, "a,b",
       "'a,b' is not a List: expected a JSON array such as [\"a\",\"b\"] "
       "(invalid "
       "JSON at offset 0: unexpected character 'a')"},
      {ParameterType::List, R"({"a":1})",
       "'{\"a\":1}' is not a List: expected a JSON array such as "
       "[\"a\",\"b\"]"},
      {ParameterType::List, "[1,",
       "'[1,' is not a List: expected a JSON array such as [\"a\",\"b\"] "
       "(invalid "
       "JSON at offset 3: unexpected end of input)"},
      {ParameterType::Json, "\"text\"",
       "'\"text\"' is not a Json object or array: expected a JSON object or "
       "array "
       "such as {\"key\":\"value\"}"},
      {ParameterType::Json, "{'a':1}",
       "'{'a':1}' is not a Json object or array: expected a JSON object or "
       "array "
       "such as {\"key\":\"value\"} (invalid JSON at offset 1: expected a "
       "string "
       "as object key)"},
  };
  for (const Case &c : cases) {
    std::variant<Value, std::string> result = convertArgument(c.type, c.text);
    const std::string *message = std::get_if<std::string>(&result);
    ASSERT_NE(message, nullptr) << c.text;
    EXPECT_EQ(*message, c.message) << c.text;
  }
}

TEST(ConvertArgumentTest, AgreesWithCheckValue) {
  // What a runner accepts from the command line the linter accepts as a
  // string Default, and vice versa.
  PatternCache patterns;
  for (ParameterType type : {ParameterType::Number, ParameterType::Boolean}) {
    for (const char *text : {"1", "-2.5", "true", "FALSE", "x", ""}) {
      bool converted =
          std::holds_alternative<Value>(convertArgument(type, text));
      bool accepted = checkValue(specOf(type), Value(text), patterns).empty();
      EXPECT_EQ(converted, accepted) << parameterTypeName(type) << " " << text;
    }
  }
}

} // namespace

// A List parameter's AllowedValues list the elements a user may pick.
TEST(ListAllowedValues, ElementsAreCheckedOneByOne) {
  using namespace oosc::runtime;
  ParameterSpec spec;
  spec.name = "regions";
  spec.type = ParameterType::List;
  spec.allowedValues = std::vector<Value>{Value("a"), Value("b"), Value("c")};
  PatternCache patterns;
  EXPECT_TRUE(checkValue(spec, Value(Value::List{Value("a"), Value("c")}), patterns).empty());
  EXPECT_TRUE(checkValue(spec, Value(Value::List{}), patterns).empty());
  auto violations = checkValue(spec, Value(Value::List{Value("a"), Value("x")}), patterns);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, ConstraintKind::AllowedValues);
  EXPECT_NE(violations[0].message.find("element 'x'"), std::string::npos) << violations[0].message;
  EXPECT_TRUE(checkSpec(spec, patterns).empty());
}

// Templates write Chinese character ranges the Java/Python way.
TEST(PatternSyntax, UnicodeEscapesAsInJavaAndPython) {
  using namespace oosc::runtime;
  CompiledPattern compiled = Pattern::compile(R"(^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5_-]*$)");
  const Pattern *pattern = std::get_if<Pattern>(&compiled);
  ASSERT_NE(pattern, nullptr) << std::get<PatternError>(compiled).message;
  EXPECT_EQ(pattern->fullMatch("镜像-image_1"), MatchOutcome::Matched);
  EXPECT_EQ(pattern->fullMatch("1镜像"), MatchOutcome::NotMatched);
}
