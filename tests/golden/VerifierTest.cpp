//===- VerifierTest.cpp - The golden verifier's own directives -------------===//
//
// The `# expect-ignore:` directive hides whole rules from a comparison, so
// its guards (stale ignores, ignoring a case's own rule, contradictions) are
// tested here on small inline templates.
//
//===----------------------------------------------------------------------===//
#include "golden/Verifier.h"

#include <gtest/gtest.h>

namespace oosc::testing {
namespace {

/// One task that reads nothing; `spare` is declared and never read.
constexpr const char *kUnusedParameter = R"(FormatVersion: OOS-2019-06-01
Parameters:
  spare:
    Type: String
    Default: x
Tasks:
  - Name: pause
    Action: ACS::Sleep
    Properties:
      Duration: PT1M
)";

/// The same template with the parameter read.
constexpr const char *kEverythingUsed = R"(FormatVersion: OOS-2019-06-01
Parameters:
  spare:
    Type: String
    Default: PT1M
Tasks:
  - Name: pause
    Action: ACS::Sleep
    Properties:
      Duration: '{{ spare }}'
)";

std::string check(const std::string &text, std::string_view directory = "ok") {
  auto file = std::make_shared<const SourceFile>("case.yaml", text);
  driver::FileReport report = driver::lintSource(file);
  return verify(report, parseExpectations(text, true), directory);
}

TEST(VerifierTest, UnexpectedDiagnosticFailsWithoutIgnore) {
  std::string problems = check(std::string(kUnusedParameter) + "# expect-no-diagnostics\n");
  EXPECT_NE(problems.find("seen but not expected"), std::string::npos) << problems;
  EXPECT_NE(problems.find("unused-parameter"), std::string::npos) << problems;
}

TEST(VerifierTest, IgnoredRuleIsLeftOut) {
  std::string text = std::string(kUnusedParameter) +
                     "# expect-no-diagnostics\n# expect-ignore: unused-parameter\n";
  EXPECT_EQ(check(text), "");
}

TEST(VerifierTest, SeveralRulesInOneDirective) {
  std::string text = std::string(kUnusedParameter) +
                     "# expect-no-diagnostics\n# expect-ignore: unused-parameter, unused-output\n";
  std::string problems = check(text);
  // unused-output reports nothing here: the second name is stale.
  EXPECT_NE(problems.find("line 12: expect-ignore of 'unused-output', which reports nothing"),
            std::string::npos)
      << problems;
  EXPECT_EQ(problems.find("'unused-parameter', which reports nothing"), std::string::npos)
      << problems;
}

TEST(VerifierTest, StaleIgnoreFails) {
  std::string text = std::string(kEverythingUsed) +
                     "# expect-no-diagnostics\n# expect-ignore: unused-parameter\n";
  std::string problems = check(text);
  EXPECT_NE(problems.find("expect-ignore of 'unused-parameter', which reports nothing in this file"),
            std::string::npos)
      << problems;
}

TEST(VerifierTest, CaseCannotIgnoreItsOwnRule) {
  std::string text = std::string(kUnusedParameter) +
                     "# expect-no-diagnostics\n# expect-ignore: unused-parameter\n";
  std::string problems = check(text, "unused-parameter");
  EXPECT_NE(problems.find("a case under tests/golden/unused-parameter may not ignore"),
            std::string::npos)
      << problems;
}

TEST(VerifierTest, ExpectingAnIgnoredRuleIsAContradiction) {
  std::string text = std::string(kUnusedParameter) +
                     "# expect@3: warning[unused-parameter] spare\n"
                     "# expect-ignore: unused-parameter\n";
  std::string problems = check(text);
  EXPECT_NE(problems.find("expects a 'unused-parameter' diagnostic, but the file ignores that rule"),
            std::string::npos)
      << problems;
}

TEST(VerifierTest, UnknownRuleIsMalformed) {
  ParsedExpectations parsed = parseExpectations("# expect-ignore: unused-parameters\n", true);
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_NE(parsed.errors[0].find("unknown rule 'unused-parameters'"), std::string::npos);
  EXPECT_TRUE(parsed.ignored.empty());
}

TEST(VerifierTest, IgnoreListsAreParsed) {
  ParsedExpectations parsed =
      parseExpectations("a: b\n#   expect-ignore:unused-output ,  unused-parameter\n", true);
  EXPECT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.ignored.size(), 2u);
  EXPECT_EQ(parsed.ignored[0].rule, "unused-output");
  EXPECT_EQ(parsed.ignored[1].rule, "unused-parameter");
  EXPECT_EQ(parsed.ignored[1].directiveLine, 2u);
}

} // namespace
} // namespace oosc::testing
