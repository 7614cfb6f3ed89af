//===- FeaturesTest.cpp - The language server's feature layer on marked templates ===//
//
// Templates are written inline with markers: `$0` is the cursor and
// `[[`...`]]` surround the ranges a feature should return; both are stripped
// before analysis, so offsets are byte offsets of the clean text.
//
//===----------------------------------------------------------------------===//
#include "lsp/Features.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace oosc;
using namespace oosc::lsp;

namespace {

/// A template with its markers removed.
struct Marked {
  std::string text;
  uint32_t cursor = 0;
  std::vector<SourceRange> ranges;
};

Marked parseMarkers(std::string_view source) {
  Marked marked;
  std::vector<uint32_t> opened;
  for (size_t i = 0; i < source.size();) {
    std::string_view rest = source.substr(i);
    auto here = static_cast<uint32_t>(marked.text.size());
    if (rest.substr(0, 2) == "$0") {
      marked.cursor = here;
      i += 2;
    } else if (rest.substr(0, 2) == "[[") {
      opened.push_back(here);
      i += 2;
    } else if (rest.substr(0, 2) == "]]") {
      marked.ranges.push_back({opened.back(), here});
      opened.pop_back();
      i += 2;
    } else {
      marked.text += source[i++];
    }
  }
  std::sort(marked.ranges.begin(), marked.ranges.end(),
            [](SourceRange a, SourceRange b) { return a.begin < b.begin; });
  return marked;
}

/// An analyzed document, kept alive with the markers it was made from.
struct Fixture {
  Marked marked;
  Document document;

  explicit Fixture(std::string_view source) : marked(parseMarkers(source)) {
    document.uri = "file:///test.yaml";
    document.file = std::make_shared<SourceFile>("test.yaml", marked.text);
    document.analyzed = driver::analyzeSource(document.file);
  }
  uint32_t cursor() const { return marked.cursor; }
  std::string textOf(SourceRange range) const {
    return marked.text.substr(range.begin, range.end - range.begin);
  }
};

std::vector<SourceRange> sorted(std::vector<SourceRange> ranges) {
  std::sort(ranges.begin(), ranges.end(),
            [](SourceRange a, SourceRange b) { return a.begin < b.begin; });
  return ranges;
}

std::vector<std::string> labels(const std::vector<CompletionItem> &items) {
  std::vector<std::string> result;
  for (const CompletionItem &item : items)
    result.push_back(item.label);
  return result;
}

bool has(const std::vector<std::string> &names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool contains(const std::string &text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

/// One template used by most tests: parameters, a looped task with outputs,
/// jumps, a Choice and template outputs. Markers are added per test.
constexpr const char *Base = R"(FormatVersion: OOS-2019-06-01
Description: test
Parameters:
  regionId:
    Type: String
    Default: cn-hangzhou
    Description: the region
  instanceIds:
    Type: List
Tasks:
  - Name: getInstance
    Action: ACS::ExecuteAPI
    OnError: ACS::END
    Properties:
      Service: ECS
      API: DescribeInstances
      Parameters:
        RegionId: '{{ regionId }}'
        InstanceId: '{{ ACS::TaskLoopItem }}'
    Loop:
      Items: '{{ instanceIds }}'
      Outputs:
        allIds:
          AggregateType: Fn::ListJoin
          AggregateField: instanceId
    Outputs:
      instanceId:
        Type: String
        ValueSelector: Instances.Instance[0].InstanceId
  - Name: choose
    Action: ACS::Choice
    Properties:
      DefaultTask: getInstance
      Choices:
        - When: true
          NextTask: ACS::END
Outputs:
  ids:
    Type: List
    Value: '{{ getInstance.allIds }}'
)";

} // namespace

//===----------------------------------------------------------------------===//
// Hover
//===----------------------------------------------------------------------===//

TEST(Hover, ParameterInReference) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  regionId:
    Type: String
    Default: cn-hangzhou
    AllowedValues: [cn-hangzhou, cn-beijing]
    Description: the region to work in
Tasks:
  - Name: a
    Action: ACS::Sleep
    Properties:
      Duration: '{{ [[reg$0ionId]] }}'
)");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_TRUE(contains(result->markdown, "regionId")) << result->markdown;
  EXPECT_TRUE(contains(result->markdown, "String"));
  EXPECT_TRUE(contains(result->markdown, "cn-hangzhou"));
  EXPECT_TRUE(contains(result->markdown, "cn-beijing"));
  EXPECT_TRUE(contains(result->markdown, "the region to work in"));
}

TEST(Hover, ChineseTextBeforeReference) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  name:
    Type: String
Tasks:
  - Name: a
    Action: ACS::Sleep
    Properties:
      Duration: '实例名称：{{ [[na$0me]] }}，完成'
)");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_EQ(f.textOf(result->range), "name");
}

TEST(Hover, TaskOutputShowsSelector) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ getInstance.[[instance$0Id]] }}'\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_TRUE(contains(result->markdown, "Instances.Instance[0].InstanceId")) << result->markdown;
  EXPECT_TRUE(contains(result->markdown, "getInstance"));
}

TEST(Hover, LoopOutputIsAggregated) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ getInstance.all$0Ids }}'\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_TRUE(contains(result->markdown, "aggregated")) << result->markdown;
  EXPECT_TRUE(contains(result->markdown, "Fn::ListJoin"));
}

TEST(Hover, TaskNameInReferenceShowsAction) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ get$0Instance.allIds }}'\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_TRUE(contains(result->markdown, "ACS::ExecuteAPI")) << result->markdown;
}

TEST(Hover, PseudoParameter) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: a
    Action: ACS::Sleep
    Properties:
      Duration: '{{ ACS::[[Region$0Id]] }}'
)");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_TRUE(contains(result->markdown, "ACS::RegionId")) << result->markdown;
}

TEST(Hover, BuiltinAction) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: a
    Action: [[ACS::Sl$0eep]]
    Properties:
      Duration: PT1M
)");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_TRUE(contains(result->markdown, "built-in")) << result->markdown;
}


TEST(Hover, ProductActionListsProperties) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: a
    Action: ACS::ECS::Run$0Command
    Properties:
      instanceId: i-1
      commandContent: echo
)");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_TRUE(contains(result->markdown, "`instanceId`")) << result->markdown;
  EXPECT_TRUE(contains(result->markdown, "`commandType`"));
}

TEST(Hover, CaseInsensitiveReference) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ REGION$0ID }}'\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_TRUE(contains(result->markdown, "`regionId`")) << result->markdown;
}

TEST(Hover, InsideLiteralBlockScalar) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  message:
    Type: String
Tasks:
  - Name: run
    Action: ACS::ECS::RunCommand
    Properties:
      commandContent: |
        #!/bin/bash
        echo "中文 {{ [[mess$0age]] }}"
      instanceId: i-1
)");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
}

TEST(Hover, JumpTargetShowsTask) {
  Fixture f(std::string(Base) + "  x:\n    Value: a\n");
  // Hover over the DefaultTask value of the Choice.
  uint32_t offset = static_cast<uint32_t>(f.marked.text.find("DefaultTask: getInstance") + 15);
  auto result = hover(f.document, offset);
  ASSERT_TRUE(result);
  EXPECT_EQ(f.textOf(result->range), "getInstance");
  EXPECT_TRUE(contains(result->markdown, "**task**"));
}

TEST(Hover, NothingOnPlainText) {
  Fixture f(std::string(Base).replace(std::string(Base).find("Description: test"), 17,
                                      "Description: te$0st"));
  EXPECT_FALSE(hover(f.document, f.cursor()));
}

TEST(Hover, UndefinedNameHasNoHover) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ nope$0 }}'\n");
  EXPECT_FALSE(hover(f.document, f.cursor()));
}

TEST(Hover, UnparsableDocumentDoesNotCrash) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  regionId:
    Type: String
Tasks:
  - Name: a
    Action: ACS::Sleep
    Properties: {Duration: '{{ reg$0ionId }}'
  - Name: [b
)");
  // Whatever the parse recovered, the answer must be sane.
  auto result = hover(f.document, f.cursor());
  // The frontend keeps what parsed before the error, so the hover still works.
  ASSERT_TRUE(result);
  EXPECT_LE(result->range.end, f.marked.text.size());
  EXPECT_TRUE(contains(result->markdown, "regionId")) << result->markdown;
}

//===----------------------------------------------------------------------===//
// Definition
//===----------------------------------------------------------------------===//

TEST(Definition, ParameterReference) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  [[regionId]]:
    Type: String
Tasks:
  - Name: a
    Action: ACS::Sleep
    Properties:
      Duration: '{{ region$0Id }}'
)");
  EXPECT_EQ(definition(f.document, f.cursor()), f.marked.ranges);
}

TEST(Definition, TaskOutputReference) {
  std::string text(Base);
  text.replace(text.find("      instanceId:\n"), 18, "      [[instanceId]]:\n");
  text += "  other:\n    Value: '{{ getInstance.insta$0nceId }}'\n";
  Fixture f(text);
  EXPECT_EQ(definition(f.document, f.cursor()), f.marked.ranges);
}

TEST(Definition, TaskHeadOfReferenceIsCaseInsensitive) {
  std::string text(Base);
  text.replace(text.find("Name: getInstance"), 17, "Name: [[getInstance]]");
  text += "  other:\n    Value: '{{ GETINST$0ANCE.instanceId }}'\n";
  Fixture f(text);
  EXPECT_EQ(definition(f.document, f.cursor()), f.marked.ranges);
}

TEST(Definition, JumpTargets) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: first
    Action: ACS::Sleep
    OnError: 'clean$0up'
    Properties: {Duration: PT1M}
  - Name: '[[cleanup]]'
    Action: ACS::Sleep
    Properties: {Duration: PT1M}
)");
  EXPECT_EQ(definition(f.document, f.cursor()), f.marked.ranges);
}

TEST(Definition, ChoiceNextTaskAndDefaultTask) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: pick
    Action: ACS::Choice
    Properties:
      DefaultTask: two
      Choices:
        - When: true
          NextTask: t$0wo
  - Name: [[two]]
    Action: ACS::Sleep
    Properties: {Duration: PT1M}
)");
  EXPECT_EQ(definition(f.document, f.cursor()), f.marked.ranges);
  uint32_t defaultTask = static_cast<uint32_t>(f.marked.text.find("DefaultTask: two") + 13);
  EXPECT_EQ(definition(f.document, defaultTask), f.marked.ranges);
}

TEST(Definition, AggregateFieldGoesToOwnOutput) {
  std::string text(Base);
  text.replace(text.find("      instanceId:\n"), 18, "      [[instanceId]]:\n");
  text.replace(text.find("AggregateField: instanceId"), 26, "AggregateField: instance$0Id");
  Fixture f(text);
  EXPECT_EQ(definition(f.document, f.cursor()), f.marked.ranges);
}

TEST(Definition, SecondReferenceOfInterpolatedString) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  a:
    Type: String
  [[b]]:
    Type: String
Tasks:
  - Name: t
    Action: ACS::Sleep
    Properties:
      Duration: 'x {{ a }}-{{ $0b }} y'
)");
  EXPECT_EQ(definition(f.document, f.cursor()), f.marked.ranges);
}

TEST(Definition, PseudoParameterHasNone) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ ACS::Region$0Id }}'\n");
  EXPECT_TRUE(definition(f.document, f.cursor()).empty());
}

//===----------------------------------------------------------------------===//
// References
//===----------------------------------------------------------------------===//

constexpr const char *ParameterUses = R"(FormatVersion: OOS-2019-06-01
Parameters:
  [[message]]:
    Type: String
  other:
    Default: '{{ [[MESSAGE]] }}'
Tasks:
  - Name: run
    Action: ACS::ECS::RunCommand
    Properties:
      instanceId: i-1
      commandContent: |
        echo "{{ [[message]] }}"
        echo "中文：{{ other }}{{ [[Message]] }}"
      workingDir: '前缀 {{ [[mess$0age]] }}'
)";

TEST(References, ParameterEverywhereWithDeclaration) {
  Fixture f(ParameterUses);
  EXPECT_EQ(sorted(references(f.document, f.cursor(), true)), f.marked.ranges);
}

TEST(References, ParameterWithoutDeclaration) {
  Fixture f(ParameterUses);
  std::vector<SourceRange> expected(f.marked.ranges.begin() + 1, f.marked.ranges.end());
  EXPECT_EQ(sorted(references(f.document, f.cursor(), false)), expected);
}

TEST(References, TaskFromDeclarationCoversJumps) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: pick
    Action: ACS::Choice
    OnError: [[Fin]]
    Properties:
      DefaultTask: [[fin]]
      Choices:
        - When: true
          NextTask: [[FIN]]
  - Name: [[fi$0n]]
    Action: ACS::ExecuteAPI
    OnSuccess: ACS::END
    Properties: {Service: ECS, API: DescribeRegions}
    Outputs:
      r:
        Type: String
        ValueSelector: Regions
Outputs:
  o:
    Value: '{{ [[fin]].r }}'
)");
  EXPECT_EQ(sorted(references(f.document, f.cursor(), true)), f.marked.ranges);
}

TEST(References, OutputCoversAggregateField) {
  std::string text(Base);
  text.replace(text.find("      instanceId:\n"), 18, "      [[instance$0Id]]:\n");
  text.replace(text.find("AggregateField: instanceId"), 26, "AggregateField: [[instanceId]]");
  text += "  one:\n    Value: '{{ getInstance.[[INSTANCEID]] }}'\n";
  Fixture f(text);
  EXPECT_EQ(sorted(references(f.document, f.cursor(), true)), f.marked.ranges);
}

TEST(References, LoopOutput) {
  std::string text(Base);
  text.replace(text.find("        allIds:"), 15, "        [[allIds]]:");
  text.replace(text.find("{{ getInstance.allIds }}"), 24, "{{ getInstance.[[all$0Ids]] }}");
  Fixture f(text);
  EXPECT_EQ(sorted(references(f.document, f.cursor(), true)), f.marked.ranges);
}

//===----------------------------------------------------------------------===//
// Rename
//===----------------------------------------------------------------------===//

std::vector<SourceRange> editRanges(const RenameResult &result) {
  std::vector<SourceRange> ranges;
  for (const TextEdit &edit : result.edits)
    ranges.push_back(edit.range);
  return sorted(ranges);
}

TEST(Rename, ParameterEverywhere) {
  Fixture f(ParameterUses);
  RenameResult result = rename(f.document, f.cursor(), "text");
  EXPECT_TRUE(result.error.empty()) << result.error;
  EXPECT_EQ(editRanges(result), f.marked.ranges);
  for (const TextEdit &edit : result.edits)
    EXPECT_EQ(edit.newText, "text");
}

TEST(Rename, TaskCoversJumpTargets) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: first
    Action: ACS::Sleep
    OnError: [[last]]
    OnSuccess: '[[last]]'
    Properties: {Duration: PT1M}
  - Name: [[la$0st]]
    Action: ACS::Sleep
    Properties: {Duration: PT1M}
)");
  RenameResult result = rename(f.document, f.cursor(), "cleanup");
  EXPECT_TRUE(result.error.empty()) << result.error;
  EXPECT_EQ(editRanges(result), f.marked.ranges);
}

TEST(Rename, OutputCoversAggregateField) {
  std::string text(Base);
  text.replace(text.find("      instanceId:\n"), 18, "      [[instanceId]]:\n");
  text.replace(text.find("AggregateField: instanceId"), 26, "AggregateField: [[instanceId]]");
  text += "  one:\n    Value: '{{ getInstance.[[instance$0Id]] }}'\n";
  Fixture f(text);
  RenameResult result = rename(f.document, f.cursor(), "id");
  EXPECT_TRUE(result.error.empty()) << result.error;
  EXPECT_EQ(editRanges(result), f.marked.ranges);
}

TEST(Rename, RefusesTakenNameIgnoringCase) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ region$0Id }}'\n");
  RenameResult result = rename(f.document, f.cursor(), "INSTANCEIDS");
  EXPECT_TRUE(result.edits.empty());
  EXPECT_TRUE(contains(result.error, "already exists")) << result.error;
}

TEST(Rename, RefusesInvalidName) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ region$0Id }}'\n");
  RenameResult result = rename(f.document, f.cursor(), "region id");
  EXPECT_TRUE(result.edits.empty());
  EXPECT_TRUE(contains(result.error, "not a valid name")) << result.error;
  EXPECT_FALSE(rename(f.document, f.cursor(), "a:b").error.empty());
  EXPECT_FALSE(rename(f.document, f.cursor(), "").error.empty());
}

TEST(Rename, RefusesOverlongName) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ region$0Id }}'\n");
  EXPECT_FALSE(rename(f.document, f.cursor(), std::string(201, 'a')).error.empty());
  EXPECT_TRUE(rename(f.document, f.cursor(), std::string(200, 'a')).error.empty());
}

TEST(Rename, AllowsChangingOnlyTheCase) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ region$0Id }}'\n");
  RenameResult result = rename(f.document, f.cursor(), "RegionId");
  EXPECT_TRUE(result.error.empty()) << result.error;
  EXPECT_EQ(result.edits.size(), 3u); // declaration, task property, this output
}

TEST(Rename, RefusesPseudoParameterAndPlainText) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ ACS::Region$0Id }}'\n");
  EXPECT_FALSE(rename(f.document, f.cursor(), "x").error.empty());
  EXPECT_FALSE(rename(f.document, 0, "x").error.empty());
}

//===----------------------------------------------------------------------===//
// Document symbols
//===----------------------------------------------------------------------===//

TEST(DocumentSymbols, Outline) {
  Fixture f(Base);
  std::vector<DocumentSymbol> symbols = documentSymbols(f.document);
  ASSERT_EQ(symbols.size(), 3u);
  EXPECT_EQ(symbols[0].name, "Parameters");
  ASSERT_EQ(symbols[0].children.size(), 2u);
  EXPECT_EQ(symbols[0].children[0].name, "regionId");
  EXPECT_EQ(symbols[0].children[1].detail, "List");
  EXPECT_EQ(symbols[1].name, "Tasks");
  ASSERT_EQ(symbols[1].children.size(), 2u);
  const DocumentSymbol &task = symbols[1].children[0];
  EXPECT_EQ(task.name, "getInstance");
  EXPECT_EQ(task.detail, "ACS::ExecuteAPI");
  EXPECT_EQ(f.textOf(task.selectionRange), "getInstance");
  EXPECT_EQ(symbols[2].name, "Outputs");
  EXPECT_EQ(symbols[2].children.at(0).name, "ids");
}

TEST(DocumentSymbols, TaskOutputsIncludeLoopOutputs) {
  Fixture f(Base);
  std::vector<DocumentSymbol> symbols = documentSymbols(f.document);
  const DocumentSymbol &task = symbols.at(1).children.at(0);
  std::vector<std::string> names;
  for (const DocumentSymbol &child : task.children) {
    names.push_back(child.name);
    EXPECT_EQ(child.kind, SymbolKind::Output);
    EXPECT_LE(task.range.begin, child.range.begin);
    EXPECT_GE(task.range.end, child.range.end);
  }
  EXPECT_TRUE(has(names, "instanceId"));
  EXPECT_TRUE(has(names, "allIds"));
}

//===----------------------------------------------------------------------===//
// Code actions
//===----------------------------------------------------------------------===//

TEST(CodeActions, DidYouMeanBecomesReplace) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  region:
    Type: String
Tasks:
  - Name: a
    Action: ACS::Sleep
    Properties:
      Duration: '{{ reg$0oin }}'
)");
  std::vector<CodeAction> actions = codeActions(f.document, SourceRange::at(f.cursor()));
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions[0].title, "Replace 'regoin' with 'region'");
  ASSERT_EQ(actions[0].edits.size(), 1u);
  EXPECT_EQ(actions[0].edits[0].newText, "region");
  EXPECT_NE(actions[0].diagnostic, nullptr);
}

TEST(CodeActions, CaseOfDeclaredName) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ REGION$0ID }}'\n");
  std::vector<CodeAction> actions = codeActions(f.document, SourceRange::at(f.cursor()));
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions[0].title, "Replace 'REGIONID' with 'regionId'");
}

TEST(CodeActions, NoneOutsideDiagnostics) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ REGIONID }}'\n");
  EXPECT_TRUE(codeActions(f.document, SourceRange::at(0, 5)).empty());
}

//===----------------------------------------------------------------------===//
// Completion
//===----------------------------------------------------------------------===//

TEST(Completion, ReferenceOffersNames) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ $0'\n");
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "regionId"));
  EXPECT_TRUE(has(names, "getInstance"));
  EXPECT_TRUE(has(names, "ACS::RegionId"));
}

TEST(Completion, ReferenceWithoutSpace) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{$0'\n");
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "instanceIds"));
  EXPECT_TRUE(has(names, "choose"));
}

TEST(Completion, HalfTypedReference) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ [[reg]]$0'\n");
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  auto it = std::find_if(items.begin(), items.end(),
                         [](const CompletionItem &item) { return item.label == "regionId"; });
  ASSERT_NE(it, items.end());
  EXPECT_EQ(it->kind, CompletionKind::Parameter);
  EXPECT_EQ(it->replace, f.marked.ranges[0]);
}

TEST(Completion, TaskOutputsAfterDot) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ getinstance.[[al]]$0 }}'\n");
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  std::vector<std::string> names = labels(items);
  EXPECT_TRUE(has(names, "instanceId"));
  EXPECT_TRUE(has(names, "allIds"));
  EXPECT_FALSE(has(names, "regionId"));
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].replace, f.marked.ranges[0]);
}

TEST(Completion, PseudoAfterPrefix) {
  Fixture f(std::string(Base) + "  other:\n    Value: '{{ ACS::Cur$0'\n");
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "ACS::RegionId"));
  EXPECT_FALSE(has(names, "regionId"));
}

TEST(Completion, JumpTargets) {
  std::string text(Base);
  text.replace(text.find("OnError: ACS::END"), 17, "OnError: $0");
  Fixture f(text);
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "choose"));
  EXPECT_TRUE(has(names, "ACS::END"));
  EXPECT_TRUE(has(names, "ACS::NEXT"));
}

TEST(Completion, NextTaskHasNoNext) {
  std::string text(Base);
  text.replace(text.find("NextTask: ACS::END"), 18, "NextTask: ge$0");
  Fixture f(text);
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "getInstance"));
  EXPECT_TRUE(has(names, "ACS::END"));
  EXPECT_FALSE(has(names, "ACS::NEXT"));
}

TEST(Completion, ActionNames) {
  std::string text(Base);
  text.replace(text.find("Action: ACS::Choice"), 19, "Action: [[ACS::Ch]]$0");
  Fixture f(text);
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  std::vector<std::string> names = labels(items);
  for (const char *builtin : {"ACS::ExecuteAPI", "ACS::WaitFor", "ACS::CheckFor", "ACS::Choice",
                              "ACS::Sleep", "ACS::Template", "ACS::Approve", "ACS::Notify",
                              "ACS::Pause", "ACS::SelectTargets", "ACS::TimerTrigger",
                              "ACS::EventTrigger", "ACS::AlarmTrigger", "ACS::ExecuteHttpRequest",
                              "ACS::Loop"})
    EXPECT_TRUE(has(names, builtin)) << builtin;

  EXPECT_TRUE(has(names, "ACS::ECS::RunCommand"));
  EXPECT_EQ(items.at(0).replace, f.marked.ranges[0]);
}

TEST(Completion, TaskKeysNotYetPresent) {
  std::string text(Base);
  text.replace(text.find("    OnError: ACS::END\n"), 22, "    On$0\n");
  Fixture f(text);
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "OnError"));
  EXPECT_TRUE(has(names, "When"));
  EXPECT_FALSE(has(names, "Name"));
  EXPECT_FALSE(has(names, "Action"));
  EXPECT_FALSE(has(names, "Loop"));
}

TEST(Completion, NewTaskItemOffersAllTaskKeys) {
  std::string text(Base);
  text.replace(text.find("  - Name: choose"), 0, "  - $0\n");
  Fixture f(text);
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "Name"));
  EXPECT_TRUE(has(names, "Action"));
}

TEST(Completion, TopLevelKeys) {
  Fixture f("FormatVersion: OOS-2019-06-01\nTa$0\n");
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "Tasks"));
  EXPECT_TRUE(has(names, "Parameters"));
  EXPECT_FALSE(has(names, "FormatVersion"));
}

TEST(Completion, ParameterKeys) {
  std::string text(Base);
  text.replace(text.find("    Type: List\n"), 15, "    Type: List\n    Def$0\n");
  Fixture f(text);
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "Default"));
  EXPECT_FALSE(has(names, "Type"));
  EXPECT_FALSE(has(names, "Action"));
}

TEST(Completion, UnparsableDocumentStillOffersNames) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  regionId:
    Type: String
Tasks:
  - Name: first
    Action: ACS::Sleep
    Properties: {Duration: '{{ reg$0
  - Name: second
    Action: [ACS::Sleep
)");
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "regionId"));
  EXPECT_TRUE(has(names, "second"));
  EXPECT_TRUE(has(names, "ACS::RegionId"));
}

TEST(Completion, UnclosedQuoteFallsBackToRawNames) {
  Fixture f(R"(FormatVersion: OOS-2019-06-01
Parameters:
  zone:
    Type: String
Tasks:
  - Name: only
    Action: ACS::Sleep
    Properties:
      Duration: "{{ $0
)");
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "zone"));
  EXPECT_TRUE(has(names, "only"));
}

TEST(Completion, NothingInPlainValue) {
  Fixture f(std::string(Base) + "  other:\n    Value: hello$0\n");
  EXPECT_TRUE(completion(f.document, f.cursor()).empty());
}

TEST(Completion, CursorAtEndOfFileDoesNotCrash) {
  Fixture f("{{$0");
  EXPECT_NO_FATAL_FAILURE(completion(f.document, f.cursor()));
  Fixture empty("$0");
  EXPECT_NO_FATAL_FAILURE(completion(empty.document, empty.cursor()));
  EXPECT_FALSE(hover(empty.document, 0));
  EXPECT_TRUE(documentSymbols(empty.document).empty());
}

//===----------------------------------------------------------------------===//
// Calls of cloud APIs: completion and hovers from the API table.
//===----------------------------------------------------------------------===//

namespace {

constexpr std::string_view CloudHead = R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: describe
    Action: ACS::ExecuteAPI
    Properties:
)";

const CompletionItem *itemNamed(const std::vector<CompletionItem> &items, std::string_view label) {
  for (const CompletionItem &item : items)
    if (item.label == label)
      return &item;
  return nullptr;
}

TEST(CloudCompletion, ServiceNames) {
  Fixture f(std::string(CloudHead) + "      Service: [[Ec]]$0\n");
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  const CompletionItem *ecs = itemNamed(items, "Ecs");
  ASSERT_NE(ecs, nullptr);
  EXPECT_EQ(ecs->kind, CompletionKind::Service);
  EXPECT_EQ(ecs->replace, f.marked.ranges[0]);
  EXPECT_NE(ecs->detail.find("2014-05-26"), std::string::npos);
  EXPECT_NE(itemNamed(items, "Ess"), nullptr);
}

TEST(CloudCompletion, ApiNamesOfTheTasksService) {
  Fixture f(std::string(CloudHead) + "      Service: ESS\n      API: [[Desc]]$0\n");
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  EXPECT_NE(itemNamed(items, "DescribeScalingGroups"), nullptr);
  EXPECT_EQ(itemNamed(items, "DescribeInstances"), nullptr); // an ECS API
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].kind, CompletionKind::Api);
}

TEST(CloudCompletion, ApiNamesWhenServiceComesAfter) {
  Fixture f(std::string(CloudHead) + "      API: $0\n      Service: ECS\n");
  EXPECT_NE(itemNamed(completion(f.document, f.cursor()), "DescribeInstances"), nullptr);
}

TEST(CloudCompletion, ParametersRequiredFirstWithTypes) {
  Fixture f(std::string(CloudHead) +
            "      Service: ECS\n      API: TagResources\n      Parameters:\n        ResourceType: instance\n        $0\n");
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  const CompletionItem *tag = itemNamed(items, "Tag");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->detail, "RepeatList, required");
  EXPECT_EQ(itemNamed(items, "ResourceType"), nullptr); // already given
  EXPECT_EQ(itemNamed(items, "Properties"), nullptr);   // not the task's keys
}

TEST(CloudCompletion, RequiredParametersSortFirst) {
  Fixture f(std::string(CloudHead) + "      Service: ECS\n      API: DeleteImage\n      Parameters:\n        $0\n");
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  const CompletionItem *image = itemNamed(items, "ImageId");
  const CompletionItem *force = itemNamed(items, "Force");
  ASSERT_NE(image, nullptr);
  ASSERT_NE(force, nullptr);
  EXPECT_EQ(force->detail, "Boolean");
  EXPECT_LT(image->sortText, force->sortText);
}

TEST(CloudCompletion, AnswerFieldsInValueSelector) {
  Fixture f(std::string(CloudHead) +
            "      Service: ECS\n      API: DescribeInstances\n    Outputs:\n      ids:\n        Type: List\n"
            "        ValueSelector: .Instances.Instance[].[[Inst]]$0\n");
  std::vector<CompletionItem> items = completion(f.document, f.cursor());
  const CompletionItem *id = itemNamed(items, "InstanceId");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->kind, CompletionKind::Field);
  EXPECT_EQ(id->detail, "string");
  EXPECT_EQ(id->replace, f.marked.ranges[0]);
  EXPECT_EQ(itemNamed(items, "TotalCount"), nullptr); // a field of the top, not of an instance
}

TEST(CloudCompletion, AnswerFieldsAtTheTopOfAPropertySelector) {
  Fixture f(std::string(CloudHead) +
            "      Service: ECS\n      API: DescribeInstances\n      PropertySelector: $0\n");
  std::vector<std::string> names = labels(completion(f.document, f.cursor()));
  EXPECT_TRUE(has(names, "Instances"));
  EXPECT_TRUE(has(names, "TotalCount"));
}

TEST(CloudHover, ApiShowsItsParameters) {
  Fixture f(std::string(CloudHead) + "      Service: ECS\n      API: [[Start$0Instance]]\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_NE(result->markdown.find("**API** `StartInstance`"), std::string::npos) << result->markdown;
  EXPECT_NE(result->markdown.find("| `InstanceId` | String | yes |"), std::string::npos) << result->markdown;
}

TEST(CloudHover, ServiceShowsVersion) {
  Fixture f(std::string(CloudHead) + "      Service: [[e$0cs]]\n      API: StartInstance\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_NE(result->markdown.find("`Ecs`: API version `2014-05-26`"), std::string::npos) << result->markdown;
}

TEST(CloudHover, ParameterShowsTypeRequiredAndPosition) {
  Fixture f(std::string(CloudHead) +
            "      Service: ECS\n      API: TagResources\n      Parameters:\n        [[Ta$0gs]]:\n          - Key: a\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_NE(result->markdown.find("**parameter** `Tag` of TagResources: RepeatList, required, in Query"),
            std::string::npos)
      << result->markdown;
  EXPECT_NE(result->markdown.find("Written `Tags`"), std::string::npos);
}

TEST(CloudHover, SelectorFieldShowsItsType) {
  Fixture f(std::string(CloudHead) +
            "      Service: ECS\n      API: DescribeInstances\n    Outputs:\n      count:\n        Type: Number\n"
            "        ValueSelector: .[[Total$0Count]]\n");
  auto result = hover(f.document, f.cursor());
  ASSERT_TRUE(result);
  EXPECT_EQ(result->range, f.marked.ranges[0]);
  EXPECT_NE(result->markdown.find("**answer field** `TotalCount` of DescribeInstances: number"), std::string::npos)
      << result->markdown;
}

TEST(CloudCodeActions, DidYouMeanApiParameterBecomesReplace) {
  Fixture f(std::string(CloudHead) + "      Service: ECS\n      API: StartInstance\n      Parameters:\n"
            "        [[Instance$0ID]]: i-1\n");
  std::vector<CodeAction> actions = codeActions(f.document, {f.cursor(), f.cursor()});
  ASSERT_EQ(actions.size(), 1u);
  ASSERT_EQ(actions[0].edits.size(), 1u);
  EXPECT_EQ(actions[0].edits[0].newText, "InstanceId");
  EXPECT_EQ(actions[0].edits[0].range, f.marked.ranges[0]);
}

TEST(CloudCodeActions, DidYouMeanServiceApiAndFieldEach) {
  Fixture f(std::string(CloudHead) + "      Service: [[Ec2]]\n      API: StartInstance\n");
  std::vector<CodeAction> service = codeActions(f.document, f.marked.ranges[0]);
  ASSERT_EQ(service.size(), 1u);
  EXPECT_EQ(service[0].edits[0].newText, "Ecs");
  Fixture g(std::string(CloudHead) + "      Service: ECS\n      API: [[StartInstanse]]\n");
  std::vector<CodeAction> api = codeActions(g.document, g.marked.ranges[0]);
  ASSERT_EQ(api.size(), 1u);
  EXPECT_EQ(api[0].edits[0].newText, "StartInstance");
  Fixture h(std::string(CloudHead) + "      Service: ECS\n      API: DescribeInstances\n    Outputs:\n"
            "      count:\n        Type: Number\n        ValueSelector: .[[TotalCont]]\n");
  std::vector<CodeAction> field = codeActions(h.document, h.marked.ranges[0]);
  ASSERT_EQ(field.size(), 1u);
  EXPECT_EQ(field[0].edits[0].newText, "TotalCount");
}

TEST(CloudCodeActions, MisspeltFieldOfAFlattenedParameter) {
  Fixture f(std::string(CloudHead) + "      Service: ECS\n      API: TagResources\n      Parameters:\n"
            "        ResourceType: instance\n        ResourceId.1: i-1\n        [[Tag.1.Kye]]: owner\n");
  std::vector<CodeAction> actions = codeActions(f.document, f.marked.ranges[0]);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].edits[0].newText, "Tag.1.Key");
}

} // namespace
