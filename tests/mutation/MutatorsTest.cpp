//===- MutatorsTest.cpp - Each mutator on a small template of our own ------===//
#include "Harness.h"
#include "TextEdits.h"

#include <gtest/gtest.h>

namespace {

using namespace oosc;
using namespace oosc::mutation;

constexpr const char *kTemplate = R"(FormatVersion: OOS-2019-06-01
Parameters:
  regionId:
    Type: String
    AllowedValues:
      - cn-hangzhou
      - cn-beijing
  count:
    Type: Number
    MaxValue: 10
    Default: 3
Tasks:
  - Name: describe
    Action: ACS::ExecuteAPI
    Properties:
      Service: ECS
      API: DescribeInstances
      Parameters:
        RegionId: '{{ regionId }}'
        MaxResults: '{{ count }}'
    Outputs:
      ids:
        Type: List
        ValueSelector: Instances.Instance[].InstanceId
  - Name: stop
    Action: ACS::ECS::StopInstance
    OnSuccess: report
    Properties:
      regionId: cn-hangzhou
      instanceId: '{{ describe.ids }}'
  - Name: report
    Action: ACS::Sleep
    Properties:
      Duration: PT1S
)";

/// `text` with its only occurrence of `from` replaced by `to`.
std::string replacedOnce(std::string text, const std::string &from, const std::string &to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << from << " is not unique";
  return text.replace(at, from.size(), to);
}

class MutatorsTest : public ::testing::Test {
protected:
  void SetUp() override {
    original_ = lintText("small.yaml", kTemplate);
    ASSERT_TRUE(usableAsBaseline(original_)) << "the test template itself must lint clean";
    facts_ = std::make_unique<TemplateFacts>(*original_.report.file, original_.parsed->tmpl);
  }

  std::string mutated(const Edit &edit) const { return edit.splice.applyTo(kTemplate); }

  uint32_t expectedLine(const Edit &edit) const {
    return SourceFile("mutant.yaml", mutated(edit)).lineColumn(edit.expectedOffset).line;
  }

  driver::AnalyzedSource original_;
  std::unique_ptr<TemplateFacts> facts_;
};

TEST_F(MutatorsTest, RenameReferenceRenamesEachResolvedName) {
  std::vector<Edit> edits = renameReference(*facts_);
  ASSERT_EQ(edits.size(), 3u);
  EXPECT_EQ(mutated(edits[0]), replacedOnce(kTemplate, "{{ regionId }}", "{{ mutantUndeclaredName }}"));
  EXPECT_EQ(expectedLine(edits[0]), 19u);
  // In `{{ task.output }}` the output is renamed; the task still resolves.
  EXPECT_EQ(mutated(edits[2]), replacedOnce(kTemplate, "{{ describe.ids }}", "{{ describe.mutantUndeclaredName }}"));
  EXPECT_EQ(expectedLine(edits[2]), 30u);
}

TEST_F(MutatorsTest, BreakJumpTargetDropsALetter) {
  std::vector<Edit> edits = breakJumpTarget(*facts_);
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(mutated(edits[0]), replacedOnce(kTemplate, "OnSuccess: report", "OnSuccess: repor"));
  EXPECT_EQ(expectedLine(edits[0]), 27u);
}

TEST_F(MutatorsTest, DefaultIsAddedOrReplacedToBreakTheConstraint) {
  std::vector<Edit> edits = makeDefaultViolateConstraint(*facts_);
  ASSERT_EQ(edits.size(), 2u);
  EXPECT_EQ(mutated(edits[0]), replacedOnce(kTemplate, "    Type: String\n",
                                            "    Type: String\n    Default: 'mutant-not-allowed'\n"));
  EXPECT_EQ(expectedLine(edits[0]), 5u);
  EXPECT_EQ(mutated(edits[1]), replacedOnce(kTemplate, "Default: 3", "Default: 11"));
  EXPECT_EQ(expectedLine(edits[1]), 11u);
}

TEST_F(MutatorsTest, UnreachableTaskEndsTheTaskBeforeIt) {
  // `report` is reached by a jump, so only `stop` can be cut off.
  std::vector<Edit> edits = makeTaskUnreachable(*facts_);
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(mutated(edits[0]),
            replacedOnce(kTemplate, "  - Name: describe\n",
                         "  - Name: describe\n    OnSuccess: ACS::END\n    OnError: ACS::END\n"));
  EXPECT_EQ(expectedLine(edits[0]), 27u); // `- Name: stop`, two lines down
}

TEST_F(MutatorsTest, OutputReaderIsReachedAfterAFailure) {
  std::vector<Edit> edits = readOutputAfterFailure(*facts_);
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(mutated(edits[0]),
            replacedOnce(kTemplate, "  - Name: describe\n", "  - Name: describe\n    OnError: ACS::NEXT\n"));
  EXPECT_EQ(expectedLine(edits[0]), 31u);
}

TEST_F(MutatorsTest, ActionPropertyKeysLoseTheirSecondLetter) {
  std::vector<Edit> edits = misspellActionProperty(*facts_);
  ASSERT_EQ(edits.size(), 4u); // Service and API, and both keys of the ECS action
  EXPECT_EQ(mutated(edits[0]), replacedOnce(kTemplate, "Service: ECS", "Srvice: ECS"));
  EXPECT_EQ(mutated(edits[1]), replacedOnce(kTemplate, "API: Describe", "AI: Describe"));
  EXPECT_EQ(mutated(edits[3]), replacedOnce(kTemplate, "instanceId: '{{", "istanceId: '{{"));
  EXPECT_EQ(expectedLine(edits[3]), 30u);
}

TEST_F(MutatorsTest, JudgeNeedsANewDiagnosticOfTheRuleOnTheLine) {
  Edit broken = breakJumpTarget(*facts_).at(0);
  EXPECT_TRUE(judge(original_.report, broken, RuleId::UndefinedJumpTarget).caught);
  EXPECT_FALSE(judge(original_.report, broken, RuleId::UndefinedReference).caught);
  // A change the linter cannot see is a miss, whatever the rule.
  Edit harmless{replaceRange({0, 0}, "# a comment\n"), 0, "comment"};
  Verdict verdict = judge(original_.report, harmless, RuleId::UndefinedJumpTarget);
  EXPECT_FALSE(verdict.caught);
  EXPECT_EQ(verdict.reported, "nothing on that line");
}

TEST_F(MutatorsTest, SpreadSelectionKeepsFirstAndSpreadsTheRest) {
  std::vector<Edit> edits;
  for (uint32_t i = 0; i < 10; ++i)
    edits.push_back({Splice{i, 0, ""}, i, ""});
  std::vector<Edit> chosen = spreadSelection(edits, 4);
  ASSERT_EQ(chosen.size(), 4u);
  EXPECT_EQ(chosen[0].expectedOffset, 0u);
  EXPECT_EQ(chosen[1].expectedOffset, 2u);
  EXPECT_EQ(chosen[3].expectedOffset, 7u);
}

TEST(TextEditsTest, NoLinesAreInsertedIntoAFlowMapping) {
  driver::AnalyzedSource parsed = lintText(
      "flow.yaml", "FormatVersion: OOS-2019-06-01\nTasks:\n  - {Name: a, Action: ACS::Sleep}\n");
  const ir::Node *decl = ir::resolve(parsed.parsed->tmpl.tasks.at(0).decl);
  EXPECT_FALSE(addEntries(*parsed.report.file, decl, decl->entry("Name"),
                          {{"OnError", {Scalar::Kind::Word, "ACS::END"}}}));
}

TEST(TextEditsTest, CrLfLinesStayCrLf) {
  driver::AnalyzedSource parsed = lintText(
      "crlf.yaml", "FormatVersion: OOS-2019-06-01\r\nTasks:\r\n  - Name: a # why\r\n    Action: ACS::Sleep\r\n");
  const ir::Node *decl = ir::resolve(parsed.parsed->tmpl.tasks.at(0).decl);
  auto insertion = addEntries(*parsed.report.file, decl, decl->entry("Name"),
                              {{"OnError", {Scalar::Kind::Word, "ACS::END"}}});
  ASSERT_TRUE(insertion);
  EXPECT_EQ(insertion->splice.applyTo(parsed.report.file->text()),
            "FormatVersion: OOS-2019-06-01\r\nTasks:\r\n  - Name: a # why\r\n    OnError: ACS::END\r\n"
            "    Action: ACS::Sleep\r\n");
}

constexpr const char *kJsonTemplate = R"({
  "FormatVersion": "OOS-2019-06-01",
  "Parameters": {
    "name": {
      "Type": "String",
      "MaxLength": 2
    }
  },
  "Tasks": [
    {
      "Name": "wait",
      "Action": "ACS::Sleep",
      "Properties": {"Duration": "PT1S"}
    },
    {
      "Name": "waitMore",
      "Action": "ACS::Sleep",
      "Properties": {"Duration": "{{ name }}"}
    }
  ]
}
)";

TEST(JsonMutatorsTest, EntriesAreAddedAsMembersOnTheAnchorLine) {
  driver::AnalyzedSource original = lintText("small.json", kJsonTemplate);
  ASSERT_TRUE(usableAsBaseline(original));
  TemplateFacts facts(*original.report.file, original.parsed->tmpl);

  std::vector<Edit> defaults = makeDefaultViolateConstraint(facts);
  ASSERT_EQ(defaults.size(), 1u);
  EXPECT_EQ(defaults[0].splice.applyTo(kJsonTemplate),
            replacedOnce(kJsonTemplate, R"("Type": "String")", R"("Default": "mmm", "Type": "String")"));

  std::vector<Edit> cuts = makeTaskUnreachable(facts);
  ASSERT_EQ(cuts.size(), 1u);
  EXPECT_EQ(cuts[0].splice.applyTo(kJsonTemplate),
            replacedOnce(kJsonTemplate, R"("Name": "wait",)",
                         R"("OnSuccess": "ACS::END", "OnError": "ACS::END", "Name": "wait",)"));
  EXPECT_TRUE(judge(original.report, cuts[0], RuleId::UnreachableTask).caught);
}

} // namespace
