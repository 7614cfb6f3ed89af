//===- tests/unit/ScalarLocatorTest.cpp - Tests for locateScalar ----------===//
///
/// \file
/// Checks that locateScalar maps yaml-cpp's decoded scalars back to exact
/// source bytes, for every scalar style and on the real template corpus.
///
//===----------------------------------------------------------------------===//

#include "frontend/ScalarLocator.h"

#include <gtest/gtest.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using oosc::frontend::locateScalar;
using oosc::frontend::locateScalarExtent;
using oosc::frontend::ScalarSpan;

namespace {

//===----------------------------------------------------------------------===//
// Harness: collect scalars with yaml-cpp's event API
//===----------------------------------------------------------------------===//

struct ScalarEvent {
  YAML::Mark Mark;
  std::string Tag;
  std::string Value;
};

/// Records every scalar event; all other events are ignored.
class ScalarCollector : public YAML::EventHandler {
public:
  std::vector<ScalarEvent> Scalars;

  void OnDocumentStart(const YAML::Mark &) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark &Mark, const std::string &Tag,
                YAML::anchor_t, const std::string &Value) override {
    Scalars.push_back({Mark, Tag, Value});
  }
  void OnSequenceStart(const YAML::Mark &, const std::string &,
                       YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

/// Parses all documents of \p Text; throws YAML::Exception if yaml-cpp
/// rejects it.
std::vector<ScalarEvent> parseScalars(const std::string &Text) {
  std::istringstream In(Text);
  YAML::Parser Parser(In);
  ScalarCollector Collector;
  while (Parser.HandleNextDocument(Collector)) {
  }
  return std::move(Collector.Scalars);
}

/// yaml-cpp's Mark::pos does not count a UTF-8 byte order mark.
uint32_t markOffset(std::string_view Source, const YAML::Mark &Mark) {
  uint32_t Bom = Source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  return static_cast<uint32_t>(Mark.pos) + Bom;
}

bool isBreakChar(char C) { return C == '\n' || C == '\r'; }

/// Checks that \p Span is a believable mapping of \p Event; returns a
/// description of the first problem, or an empty string.
std::string checkPlausible(std::string_view Source, const ScalarEvent &Event,
                           const ScalarSpan &Span) {
  const std::string &Value = Event.Value;
  uint32_t Mark = markOffset(Source, Event.Mark);
  if (Span.offsets.size() != Value.size())
    return "offsets.size() != decoded.size()";
  if (Span.begin < Mark || Span.begin > Span.end || Span.end > Source.size())
    return "begin/end out of order";
  char First = Span.begin < Source.size() ? Source[Span.begin] : '\0';
  bool Quoted = First == '"' || First == '\'';
  if (Event.Tag == "?" && (Quoted || First == '|' || First == '>'))
    return "plain tag but quoted/block source";
  if (Event.Tag == "!" && !Quoted && First != '|' && First != '>')
    return "non-plain tag but plain source";
  if (Quoted && Source[Span.end - 1] != First)
    return "quoted scalar does not end with its quote";
  for (size_t I = 0; I < Value.size(); ++I) {
    uint32_t Off = Span.offsets[I];
    if (Off < Span.begin || Off >= Source.size())
      return "offset " + std::to_string(I) + " outside the source";
    if (I && Off < Span.offsets[I - 1])
      return "offsets decrease at " + std::to_string(I);
    char Decoded = Value[I];
    char Src = Source[Off];
    bool Same = Decoded == Src;
    bool Escape = First == '"' && Src == '\\';
    bool Folded = (Decoded == ' ' || Decoded == '\n') && isBreakChar(Src);
    if (!Same && !Escape && !Folded)
      return "decoded byte " + std::to_string(I) + " maps to unrelated '" +
             std::string(1, Src) + "'";
  }
  for (size_t I = Value.find("{{"); I != std::string::npos;
       I = Value.find("{{", I + 2))
    if (Source[Span.offsets[I]] != '{' || Source[Span.offsets[I + 1]] != '{')
      return "'{{' at " + std::to_string(I) + " does not map to '{{'";
  auto Extent = locateScalarExtent(Source, Mark, Value);
  if (!Extent || Extent->first != Span.begin || Extent->second != Span.end)
    return "locateScalarExtent disagrees with locateScalar";
  return {};
}

/// Locates every scalar of \p Yaml, expecting success and plausibility.
void expectAllScalarsLocate(const std::string &Yaml) {
  std::vector<ScalarEvent> Scalars = parseScalars(Yaml);
  ASSERT_FALSE(Scalars.empty());
  for (const ScalarEvent &Event : Scalars) {
    SCOPED_TRACE("scalar at line " + std::to_string(Event.Mark.line + 1) +
                 " col " + std::to_string(Event.Mark.column + 1) + ": [" +
                 Event.Value + "]");
    auto Span = locateScalar(Yaml, markOffset(Yaml, Event.Mark), Event.Value);
    ASSERT_TRUE(Span.has_value());
    EXPECT_EQ(checkPlausible(Yaml, Event, *Span), "");
  }
}

/// Parses \p Yaml and locates its first scalar whose decoded value is
/// \p Decoded.
std::optional<ScalarSpan> locateByValue(const std::string &Yaml,
                                        const std::string &Decoded) {
  for (const ScalarEvent &Event : parseScalars(Yaml))
    if (Event.Value == Decoded)
      return locateScalar(Yaml, markOffset(Yaml, Event.Mark), Event.Value);
  ADD_FAILURE() << "no scalar decodes to [" << Decoded << "]";
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Exact begin/end for every style
//===----------------------------------------------------------------------===//

struct ExtentCase {
  const char *Name;
  std::string Yaml;
  std::string Decoded; ///< Selects the scalar and checks yaml-cpp's value.
  uint32_t Begin;
  uint32_t End;
};

const ExtentCase ExtentCases[] = {
    // Plain, block context.
    {"PlainSingleLine", "k: hello world\n", "hello world", 3, 14},
    {"PlainTrailingSpaceAndComment", "k: value   # note\n", "value", 3, 8},
    {"PlainMultiLine", "k: first line\n  second   line\n\n  third\n",
     "first line second   line\nthird", 3, 38},
    {"PlainKey", "my key: v\n", "my key", 0, 6},
    {"PlainKeySpaceBeforeColon", "key : v\n", "key", 0, 3},
    {"PlainColonAndHashInside", "k: http://x.y/a#b\n", "http://x.y/a#b", 3,
     17},
    {"PlainLeadingDash", "k: -1.5\n", "-1.5", 3, 7},
    {"PlainWithTab", "k: a\tb\n", "a\tb", 3, 6},
    {"PlainExplicitKey", "? long key\n: v\n", "long key", 2, 10},
    {"PlainDocumentScalar", "--- plain doc\n", "plain doc", 4, 13},
    {"PlainContinuationLooksLikeEntry", "k: x\n  - y\n", "x - y", 3, 10},
    // Plain, flow context.
    {"FlowSeqFirst", "k: [a b, c]\n", "a b", 4, 7},
    {"FlowSeqLast", "k: [a b, c]\n", "c", 9, 10},
    {"FlowMapKey", "k: {x y: 1,z: 2}\n", "x y", 4, 7},
    {"FlowMapValueBeforeBrace", "k: {x: 1,z: 22}\n", "22", 12, 14},
    {"FlowPlainMultiLine", "k: [a\n  b, c]\n", "a b", 4, 9},
    {"FlowPlainWithColon", "k: [z:1, w]\n", "z:1", 4, 7},
    {"JsonNumber", "{\"a\":[1,23]}", "23", 8, 10},
    {"JsonValueAfterAdjacentColon", "{\"a\":b}", "b", 5, 6},
    // Single-quoted.
    {"SingleQuotedEscape", "k: 'it''s'\n", "it's", 3, 10},
    {"SingleQuotedMultiLine", "k: 'one  \n   two\n\n  three'\n",
     "one two\nthree", 3, 26},
    {"SingleQuotedInnerSpaces", "k: ' a  b '\n", " a  b ", 3, 11},
    // Double-quoted and JSON.
    {"DoubleQuotedSimple", "k: \"x y\"\n", "x y", 3, 8},
    {"DoubleQuotedSimpleEscapes", "k: \"a\\tb\\n\\\"q\\\"\\\\\"\n",
     "a\tb\n\"q\"\\", 3, 18},
    {"DoubleQuotedHexAndUnicode", "k: \"\\x41\\u00e9\\U0001F600\"\n",
     "A\xC3\xA9\xF0\x9F\x98\x80", 3, 25},
    {"DoubleQuotedEscapedLineBreak", "k: \"ab \\\n    cd\"\n", "ab cd", 3, 16},
    {"DoubleQuotedFolding", "k: \"a\n\n  b\n  c\"\n", "a\nb c", 3, 15},
    {"DoubleQuotedNextLineEscape", "k: \"\\N\"\n", "\x85", 3, 7},
    {"JsonKey", "{\"name\": \"v\\u00e9{{x}}\"}", "name", 1, 7},
    {"JsonStringValue", "{\"name\": \"v\\u00e9{{x}}\"}", "v\xC3\xA9{{x}}", 9,
     23},
    {"QuotedSequenceEntry", "- 'a'\n- \"b\"\n", "b", 8, 11},
    // Literal block scalars.
    {"LiteralClip", "k: |\n  line1\n  line2\n\n", "line1\nline2\n", 3, 20},
    {"LiteralStrip", "k: |-\n  a\n\n", "a", 3, 9},
    {"LiteralKeep", "k: |+\n  a\n\n\nn: 1\n", "a\n\n\n", 3, 9},
    {"LiteralExplicitIndent", "k: |2\n    x\n   y\n", "  x\n y\n", 3, 16},
    {"LiteralIndentThenChomp", "- |2-\n    x\n", "  x", 2, 11},
    {"LiteralChompThenIndent", "- |-2\n    x\n", "  x", 2, 11},
    {"LiteralCommentAfterIndicator", "k: | # comment\n  text\n", "text\n", 3,
     21},
    {"LiteralNestedExplicitIndent", "a:\n  - b: |1\n      z\n", " z\n", 10,
     20},
    {"LiteralNoContent", "k: |\nn: 1\n", "", 3, 4},
    {"LiteralNoFinalBreak", "k: |\n  text", "text", 3, 11},
    // Folded block scalars.
    {"FoldedBasic", "k: >\n  a\n  b\n\n  c\n", "a b\nc\n", 3, 17},
    {"FoldedMoreIndented", "k: >\n  a\n    b\n  c\n", "a\n  b\nc\n", 3, 18},
    {"FoldedStripInSequence", "- >-\n  x\n  y\n", "x y", 2, 12},
    {"FoldedExplicitIndentStrip", "k: >2-\n   x\n", " x", 3, 11},
    // Node properties.
    {"AnchorPlain", "k: &a value\n", "value", 6, 11},
    {"TagPlain", "k: !!str 123\n", "123", 9, 12},
    {"AnchorAndTag", "f: &anc !!str tagged\n", "tagged", 14, 20},
    {"LocalTagDoubleQuoted", "k: !local \"q\"\n", "q", 10, 13},
    {"VerbatimTag", "k: !<tag:x> y\n", "y", 12, 13},
    {"AnchorBlock", "k: &b |\n  t\n", "t\n", 6, 11},
    {"PropertyOnItsOwnLine", "k: !!str\n  value\n", "value", 11, 16},
    {"TaggedEmptyNode", "k: !!str\nn: 1\n", "", 8, 8},
    // CRLF line endings.
    {"CrlfPlainMultiLine", "k: a\r\n  b\r\nn: 1\r\n", "a b", 3, 9},
    {"CrlfDoubleQuoted", "k: \"x\r\n\r\n y\"\r\n", "x\ny", 3, 12},
    {"CrlfLiteral", "k: |\r\n  a\r\n  b\r\n", "a\nb\n", 3, 14},
    {"CrlfSingleQuoted", "k: 'x\r\n y'\r\n", "x y", 3, 10},
    // UTF-8 content (offsets are bytes).
    {"Utf8Plain", "k: \xC3\xA9 \xC3\xBC # x\n", "\xC3\xA9 \xC3\xBC", 3, 8},
    {"Utf8DoubleQuoted", "k: \"\xE6\x97\xA5\xE6\x9C\xAC\"\n",
     "\xE6\x97\xA5\xE6\x9C\xAC", 3, 11},
    {"Utf8BomShiftsMark", "\xEF\xBB\xBFk: v\n", "v", 6, 7},
};

/// Keeps gtest from hex-dumping the struct in failure messages.
void PrintTo(const ExtentCase &Case, std::ostream *Out) { *Out << Case.Name; }

class ScalarExtentTest : public ::testing::TestWithParam<ExtentCase> {};

TEST_P(ScalarExtentTest, ExactBeginEnd) {
  const ExtentCase &Case = GetParam();
  std::optional<ScalarSpan> Span = locateByValue(Case.Yaml, Case.Decoded);
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->begin, Case.Begin);
  EXPECT_EQ(Span->end, Case.End);
  expectAllScalarsLocate(Case.Yaml);
}

INSTANTIATE_TEST_SUITE_P(
    AllStyles, ScalarExtentTest, ::testing::ValuesIn(ExtentCases),
    [](const ::testing::TestParamInfo<ExtentCase> &Info) {
      return std::string(Info.param.Name);
    });

//===----------------------------------------------------------------------===//
// Offsets of individual decoded bytes
//===----------------------------------------------------------------------===//

/// Source text at the offsets of decoded bytes [From, From + Len).
std::string sourceAt(const std::string &Source, const ScalarSpan &Span,
                     size_t From, size_t Len) {
  std::string Result;
  for (size_t I = From; I < From + Len; ++I)
    Result += Source[Span.offsets[I]];
  return Result;
}

TEST(ScalarLocatorOffsets, TemplateReferencesInLiteralBlock) {
  const std::string Yaml = "Steps:\n"
                           "  - Command: |\n"
                           "      echo {{ name }}\n"
                           "        run {{ACS::RegionId}} --x\n";
  std::string Value = "echo {{ name }}\n  run {{ACS::RegionId}} --x\n";
  auto Span = locateByValue(Yaml, Value);
  ASSERT_TRUE(Span.has_value());
  size_t Ref = Value.find("{{ name }}");
  EXPECT_EQ(Span->offsets[Ref], Yaml.find("{{ name }}"));
  EXPECT_EQ(sourceAt(Yaml, *Span, Ref, 10), "{{ name }}");
  size_t Ref2 = Value.find("{{ACS::RegionId}}");
  EXPECT_EQ(Span->offsets[Ref2], Yaml.find("{{ACS::RegionId}}"));
  expectAllScalarsLocate(Yaml);
}

TEST(ScalarLocatorOffsets, TemplateReferenceInFoldedPlain) {
  const std::string Yaml = "k: start {{ a }}\n   and {{ b }}\n";
  auto Span = locateByValue(Yaml, "start {{ a }} and {{ b }}");
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->offsets[13], 16u) << "folded space maps to the break";
  EXPECT_EQ(Span->offsets[18], Yaml.find("{{ b }}"));
}

TEST(ScalarLocatorOffsets, EscapesMapToBackslash) {
  const std::string Yaml = "k: \"a\\u00e9b\\n{{x}}\"\n";
  auto Span = locateByValue(Yaml, "a\xC3\xA9" "b\n{{x}}");
  ASSERT_TRUE(Span.has_value());
  std::vector<uint32_t> Expected = {4, 5, 5, 11, 12, 14, 15, 16, 17, 18};
  EXPECT_EQ(Span->offsets, Expected);
}

TEST(ScalarLocatorOffsets, JsonEscapes) {
  const std::string Yaml =
      "{\"cmd\": \"echo \\\"{{ p }}\\\"\\t\\u4e2d\"}"; // "echo \"{{ p }}\"\t\u4e2d"
  auto Span = locateByValue(Yaml, "echo \"{{ p }}\"\t\xE4\xB8\xAD");
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->offsets[5], 14u);  // \" -> backslash
  EXPECT_EQ(Span->offsets[6], 16u);  // first '{'
  EXPECT_EQ(Span->offsets[13], 23u); // closing \"
  EXPECT_EQ(Span->offsets[14], 25u); // \t
  EXPECT_EQ(Span->offsets[15], 27u); // \u4e2d, all three bytes
  EXPECT_EQ(Span->offsets[17], 27u);
}

TEST(ScalarLocatorOffsets, SingleQuoteEscapeMapsToFirstQuote) {
  auto Span = locateByValue("k: 'a''b'\n", "a'b");
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->offsets, (std::vector<uint32_t>{4, 5, 7}));
}

TEST(ScalarLocatorOffsets, FoldedNewlinesMapToEmptyLineBreaks) {
  // 'one\n\n  two': the trimmed first break is dropped, the empty line's
  // break (offset 8) produces the newline.
  auto Span = locateByValue("k: 'one\n\n  two'\n", "one\ntwo");
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->offsets, (std::vector<uint32_t>{4, 5, 6, 8, 11, 12, 13}));
}

TEST(ScalarLocatorOffsets, BlockNewlinesMapToLineEnds) {
  // "k: |+\n  a\n\n": 'a' at 8, its break at 9, the empty line's at 10.
  auto Span = locateByValue("k: |+\n  a\n\n", "a\n\n");
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->offsets, (std::vector<uint32_t>{8, 9, 10}));
  // Folded: the line break between 'a' and 'b' becomes a space.
  Span = locateByValue("k: >\n  a\n  b\n", "a b\n");
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->offsets, (std::vector<uint32_t>{7, 8, 11, 12}));
}

TEST(ScalarLocatorOffsets, CrlfBreakMapsToCarriageReturn) {
  auto Span = locateByValue("k: |\r\n  a\r\n", "a\n");
  ASSERT_TRUE(Span.has_value());
  EXPECT_EQ(Span->offsets, (std::vector<uint32_t>{8, 9}));
}

//===----------------------------------------------------------------------===//
// Rejection and cost
//===----------------------------------------------------------------------===//

TEST(ScalarLocatorRejects, MismatchingDecodedValue) {
  std::string Yaml = "k: value\nq: \"a\\tb\"\nb: |\n  x\n";
  EXPECT_FALSE(locateScalar(Yaml, 3, "valu").has_value());
  EXPECT_FALSE(locateScalar(Yaml, 3, "values").has_value());
  EXPECT_FALSE(locateScalar(Yaml, 12, "a b").has_value());
  EXPECT_FALSE(locateScalar(Yaml, 22, "y\n").has_value());
  EXPECT_FALSE(locateScalar(Yaml, 500, "x").has_value());
  EXPECT_FALSE(locateScalar("k: \"open", 3, "open").has_value());
}

TEST(ScalarLocatorCost, ExtentMatchesLocate) {
  // locateScalarExtent shares the scanners but records no offsets (it holds
  // no container at all, so it cannot allocate).
  std::string Single = "k: \"some \\u00e9 text {{ x }}\"\n";
  std::string Multi = "k: >-\n  one\n  two\n\n  three\n";
  auto A = locateScalarExtent(Single, 3, "some \xC3\xA9 text {{ x }}");
  auto B = locateScalarExtent(Multi, 3, "one two\nthree");
  ASSERT_TRUE(A.has_value());
  ASSERT_TRUE(B.has_value());
  EXPECT_EQ(*A, std::make_pair(3u, 29u));
  EXPECT_EQ(*B, std::make_pair(3u, 26u));
  EXPECT_FALSE(locateScalarExtent(Multi, 3, "one two\nthre").has_value());
}

TEST(ScalarLocatorCost, LinearOnLongScalars) {
  // 200k folded lines and a 1 MB single-line plain scalar.
  std::string Folded = "k: >\n";
  std::string FoldedValue;
  for (int I = 0; I < 200000; ++I) {
    Folded += "  word\n";
    FoldedValue += I ? " word" : "word";
  }
  FoldedValue += '\n';
  std::string Plain = "k: " + std::string(1 << 20, 'x') + "\n";
  auto Start = std::chrono::steady_clock::now();
  ASSERT_TRUE(locateScalar(Folded, 3, FoldedValue).has_value());
  ASSERT_TRUE(locateScalar(Plain, 3, std::string(1 << 20, 'x')).has_value());
  auto Elapsed = std::chrono::steady_clock::now() - Start;
  EXPECT_LT(Elapsed, std::chrono::seconds(2));
}

//===----------------------------------------------------------------------===//
// Harness over mixed documents
//===----------------------------------------------------------------------===//

TEST(ScalarLocatorHarness, MixedTemplateLocatesEverywhere) {
  expectAllScalarsLocate(
      "FormatVersion: OOS-2019-06-01\n"
      "Description:\n"
      "  en: 'Runs {{ command }} on ''all'' instances'\n"
      "  zh-cn: \"\\u5728 {{ regionId }}\\t\\\n"
      "     continued\"\n"
      "Parameters:\n"
      "  regionId: &region\n"
      "    Type: String\n"
      "    Default: '{{ ACS::RegionId }}'\n"
      "    AllowedValues: [cn-hangzhou, \"cn-beijing\", 'cn-shanghai']\n"
      "  command:\n"
      "    Type: !!str String\n"
      "    Default: >-\n"
      "      echo {{ a }}\n"
      "      && echo done\n"
      "Tasks:\n"
      "  - Name: run # task name\n"
      "    Action: ACS::ECS::RunCommand\n"
      "    Properties: {regionId: '{{ regionId }}', tags: [a b,\n"
      "      c d], x: y}\n"
      "    Script: |\n"
      "      ignored} # not a flow end\n"
      "      }\n"
      "    Outputs:\n"
      "      long: a plain value\n"
      "        spanning {{ three }}\n"
      "        lines\n"
      "---\n"
      "second document: !custom |2\n"
      "     indented {{ x }}\n"
      "...\n");
}

TEST(ScalarLocatorHarness, JsonTemplateLocatesEverywhere) {
  expectAllScalarsLocate(
      "{\n  \"FormatVersion\": \"OOS-2019-06-01\",\n"
      "  \"Tasks\": [{\"Name\": \"a\\u00e9\\/b\", \"Count\": 10,\n"
      "    \"Ok\": true, \"Cmd\": \"echo \\\"{{ x }}\\\"\\r\\n\"}],\n"
      "  \"Empty\": \"\", \"Neg\": -1.5e3\n}\n");
}

//===----------------------------------------------------------------------===//
// Real template corpus
//===----------------------------------------------------------------------===//

std::filesystem::path corpusDirectory() {
  if (const char *Env = std::getenv("OOSC_CORPUS_DIR"); Env && *Env)
    return Env;
#ifdef OOSC_SOURCE_DIR
  return std::filesystem::path(OOSC_SOURCE_DIR) / ".." / "shared" / "corpus";
#else
  return "/work/shared/corpus";
#endif
}

bool isTemplateFile(const std::filesystem::path &Path) {
  std::string Ext = Path.extension().string();
  return Ext == ".yml" || Ext == ".yaml" || Ext == ".json";
}

TEST(ScalarLocatorCorpus, CorpusScalarsAllLocate) {
  std::filesystem::path Dir = corpusDirectory();
  std::error_code Ec;
  if (!std::filesystem::is_directory(Dir, Ec))
    GTEST_SKIP() << "template corpus not found at " << Dir.string()
                 << " (set OOSC_CORPUS_DIR to run this test)";

  size_t Files = 0, Rejected = 0, Scalars = 0, Located = 0;
  std::vector<std::string> Failures;
  for (const auto &Entry :
       std::filesystem::recursive_directory_iterator(Dir, Ec)) {
    if (!Entry.is_regular_file() || !isTemplateFile(Entry.path()))
      continue;
    std::ifstream In(Entry.path(), std::ios::binary);
    std::stringstream Buffer;
    Buffer << In.rdbuf();
    std::string Source = Buffer.str();
    std::vector<ScalarEvent> Events;
    try {
      Events = parseScalars(Source);
    } catch (const YAML::Exception &) {
      ++Rejected; // Not our concern: yaml-cpp itself rejects the file.
      continue;
    }
    ++Files;
    for (const ScalarEvent &Event : Events) {
      ++Scalars;
      auto Span = locateScalar(Source, markOffset(Source, Event.Mark),
                               Event.Value);
      std::string Problem =
          Span ? checkPlausible(Source, Event, *Span) : "does not locate";
      if (Problem.empty()) {
        ++Located;
        continue;
      }
      Failures.push_back(Entry.path().string() + ":" +
                         std::to_string(Event.Mark.line + 1) + ":" +
                         std::to_string(Event.Mark.column + 1) + ": " +
                         Problem);
    }
  }
  std::cout << "[ corpus   ] " << Files << " files parsed (" << Rejected
            << " rejected by yaml-cpp), " << Located << "/" << Scalars
            << " scalars located\n";
  EXPECT_GT(Files, 0u);
  std::string Listing;
  for (size_t I = 0; I < Failures.size() && I < 50; ++I)
    Listing += "  " + Failures[I] + "\n";
  EXPECT_TRUE(Failures.empty())
      << Failures.size() << " of " << Scalars
      << " scalars failed to locate:\n"
      << Listing;
}

} // namespace
