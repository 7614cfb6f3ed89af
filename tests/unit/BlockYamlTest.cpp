// BlockYamlTest.cpp - The YAML reader the simulated ROS reads template
// bodies with: what it reads, and the line of what it refuses.
#include "text/BlockYaml.h"

#include <gtest/gtest.h>

using namespace oosc::runtime;
using oosc::runtime::text::parseBlockYaml;

namespace {

Value read(std::string_view text) {
  auto parsed = parseBlockYaml(text);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? parsed.value() : Value();
}

Value json(std::string_view text) { return *parseJson(text); }

TEST(BlockYamlTest, ReadsAStackTemplateAsAlibabasTemplatesWriteIt) {
  Value tmpl = read(R"(ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  ZoneId:
    Type: String
Resources:
  EcsVpc:
    Type: ALIYUN::ECS::VPC
    Properties:
      CidrBlock:
        Ref: VpcCidrBlock
      VpcName:
        Ref: ALIYUN::StackName
Outputs:
  VSwitchId:
    Value:
      Ref: EcsVSwitch
)");
  EXPECT_EQ(tmpl, json(R"({"ROSTemplateFormatVersion": "2015-09-01",
    "Parameters": {"ZoneId": {"Type": "String"}},
    "Resources": {"EcsVpc": {"Type": "ALIYUN::ECS::VPC",
      "Properties": {"CidrBlock": {"Ref": "VpcCidrBlock"}, "VpcName": {"Ref": "ALIYUN::StackName"}}}},
    "Outputs": {"VSwitchId": {"Value": {"Ref": "EcsVSwitch"}}}})"));
  // Members keep the order they were written in (ROS's Outputs[0] is the first).
  EXPECT_EQ(tmpl.getMap().front().first, "ROSTemplateFormatVersion");
  EXPECT_EQ(tmpl.getMap().back().first, "Outputs");
}

TEST(BlockYamlTest, ReadsSequencesOfMappingsAndSequencesUnderKeys) {
  EXPECT_EQ(read(R"(Tags:
  - Key: a
    Value: 1
  -   Key: b
      Value: two
Names:
- x
- - nested
  - list
Empty:
)"),
            json(R"({"Tags": [{"Key": "a", "Value": 1}, {"Key": "b", "Value": "two"}],
                     "Names": ["x", ["nested", "list"]], "Empty": null})"));
}

TEST(BlockYamlTest, ResolvesPlainScalarsByTheCoreSchema) {
  EXPECT_EQ(read("a: true\nb: False\nc: 10\nd: -1.5\ne: ~\nf: null\ng: 2015-09-01\nh: '10'\ni: \"x\\ty\"\n"
                 "j: it's # a comment\nk: a#b\n"),
            json(R"({"a": true, "b": false, "c": 10, "d": -1.5, "e": null, "f": null, "g": "2015-09-01",
                     "h": "10", "i": "x\ty", "j": "it's", "k": "a#b"})"));
  EXPECT_EQ(read("'quoted key': 'it''s'\n\"k2\": v\n"), json(R"({"quoted key": "it's", "k2": "v"})"));
}

TEST(BlockYamlTest, ReadsLiteralAndFoldedBlockScalars) {
  Value blocks = read(R"(script: |
  #!/bin/bash
  echo "a: b"

  exit 0
stripped: |-
  one
  two
folded: >
  one
  two

  three


  four
kept: |+
  x

next: 1
)");
  EXPECT_EQ(blocks.find("script")->getString(), "#!/bin/bash\necho \"a: b\"\n\nexit 0\n");
  EXPECT_EQ(blocks.find("stripped")->getString(), "one\ntwo");
  EXPECT_EQ(blocks.find("folded")->getString(), "one two\nthree\n\nfour\n");
  EXPECT_EQ(blocks.find("kept")->getString(), "x\n\n");
  EXPECT_EQ(*blocks.find("next"), Value(1));
}

TEST(BlockYamlTest, ReadsFlowCollectionsOnOneLine) {
  EXPECT_EQ(read("a: [x, 'y, z', 3]\nb: {Ref: vpc}\nc: {k: [1, {d: e}]}\nd: []\ne: {}\n"),
            json(R"({"a": ["x", "y, z", 3], "b": {"Ref": "vpc"}, "c": {"k": [1, {"d": "e"}]}, "d": [], "e": {}})"));
}

TEST(BlockYamlTest, ReadsADocumentStartAndComments) {
  EXPECT_EQ(read("# a stack\n---\n\n# resources\nResources:  # all of them\n  a: 1\n"),
            json(R"({"Resources": {"a": 1}})"));
}

struct Refused {
  const char *text;
  std::size_t line;
  const char *words;
};

TEST(BlockYamlTest, RefusesWhatItDoesNotReadWithItsLine) {
  const Refused cases[] = {
      {"a:\n\tb: 1\n", 2, "tab"},
      {"a: &anchor 1\nb: *anchor\n", 1, "anchors"},
      {"a: !Ref vpc\n", 1, "tags"},
      {"a: one\n  two\n", 2, "continued"},
      {"a:\n  b: 1\n   c: 2\n", 3, "deeper"},
      {"a: 1\na: 2\n", 2, "second time"},
      {"a: [1, 2\n", 1, "does not end"},
      {"a: 'open\n", 1, "does not end"},
      {"a: 1\n---\nb: 2\n", 2, "second document"},
      {"- a\nb: 1\n", 2, "outside"},
  };
  for (const Refused &refused : cases) {
    auto parsed = parseBlockYaml(refused.text);
    ASSERT_FALSE(parsed.ok()) << refused.text;
    EXPECT_EQ(parsed.error().line, refused.line) << refused.text << ": " << parsed.error().message;
    EXPECT_NE(parsed.error().message.find(refused.words), std::string::npos)
        << refused.text << ": " << parsed.error().message;
  }
}

} // namespace
