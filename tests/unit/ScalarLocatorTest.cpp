//===- ScalarLocatorTest.cpp - Tests for locateScalar and its extent ------===//
//
// Checks that locateScalar maps yaml-cpp's decoded scalars back to exact
// source bytes, for every scalar style and on the real template corpus.
//
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
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using oosc::frontend::locateScalar;
using oosc::frontend::locateScalarExtent;
using oosc::frontend::ScalarSpan;

namespace {

//===----------------------------------------------------------------------===//
// Harness: collect scalars with yaml-cpp's event API
//===----------------------------------------------------------------------===//

struct ScalarEvent {
  YAML::Mark mark;
  std::string tag;
  std::string value;
};

/// Records every scalar event; all other events are ignored.
class ScalarCollector : public YAML::EventHandler {
public:
  /// yaml-cpp 0.7 can emit null events forever on some malformed input; a
  /// budget proportional to the input turns that into a rejection.
  explicit ScalarCollector(size_t eventBudget) : eventBudget_(eventBudget) {}

  std::vector<ScalarEvent> scalars;

  void OnDocumentStart(const YAML::Mark &) override { count(); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark &, YAML::anchor_t) override { count(); }
  void OnAlias(const YAML::Mark &, YAML::anchor_t) override { count(); }
  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t,
                const std::string &value) override {
    count();
    scalars.push_back({mark, tag, value});
  }
  void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    count();
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    count();
  }
  void OnMapEnd() override {}

private:
  void count() {
    if (eventBudget_-- == 0)
      throw YAML::Exception(YAML::Mark::null_mark(), "event budget exceeded");
  }
  size_t eventBudget_;
};

/// Parses all documents of \p text; throws YAML::Exception if yaml-cpp
/// rejects it.
std::vector<ScalarEvent> parseScalars(const std::string &text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  ScalarCollector collector(2 * text.size() + 1000);
  while (parser.HandleNextDocument(collector)) {
  }
  return std::move(collector.scalars);
}

/// yaml-cpp's Mark::pos does not count a UTF-8 byte order mark.
uint32_t markOffset(std::string_view source, const YAML::Mark &mark) {
  uint32_t bom = source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  return static_cast<uint32_t>(mark.pos) + bom;
}

bool isBreakChar(char c) { return c == '\n' || c == '\r'; }

/// Checks that \p span is a believable mapping of \p event; returns a
/// description of the first problem, or an empty string.
std::string checkPlausible(std::string_view source, const ScalarEvent &event,
                           const ScalarSpan &span) {
  const std::string &value = event.value;
  uint32_t mark = markOffset(source, event.mark);
  if (span.offsets.size() != value.size())
    return "offsets.size() != decoded.size()";
  if (span.begin < mark || span.begin > span.end || span.end > source.size())
    return "begin/end out of order";
  char first = span.begin < source.size() ? source[span.begin] : '\0';
  bool quoted = first == '"' || first == '\'';
  bool block = first == '|' || first == '>';
  if (event.tag == "?" && (quoted || block))
    return "plain tag but quoted/block source";
  if (event.tag == "!" && !quoted && !block)
    return "non-plain tag but plain source";
  if (quoted && source[span.end - 1] != first)
    return "quoted scalar does not end with its quote";
  if (!quoted && !block && span.end > span.begin &&
      (source[span.end - 1] == ' ' || source[span.end - 1] == '\t'))
    return "plain scalar ends with whitespace";
  for (size_t i = 0; i < value.size(); ++i) {
    uint32_t off = span.offsets[i];
    // Only a block scalar's final line breaks lie past its end.
    if (off < span.begin || off >= (block ? source.size() : span.end))
      return "offset " + std::to_string(i) + " outside the scalar";
    if (i && off < span.offsets[i - 1])
      return "offsets decrease at " + std::to_string(i);
    char decoded = value[i];
    char src = source[off];
    bool same = decoded == src;
    bool escape = first == '"' && src == '\\';
    bool folded = (decoded == ' ' || decoded == '\n') && isBreakChar(src);
    if (!same && !escape && !folded)
      return "decoded byte " + std::to_string(i) + " maps to unrelated '" +
             std::string(1, src) + "'";
  }
  for (size_t i = value.find("{{"); i != std::string::npos;
       i = value.find("{{", i + 2))
    if (source[span.offsets[i]] != '{' || source[span.offsets[i + 1]] != '{')
      return "'{{' at " + std::to_string(i) + " does not map to '{{'";
  auto extent = locateScalarExtent(source, mark, value);
  if (!extent || extent->first != span.begin || extent->second != span.end)
    return "locateScalarExtent disagrees with locateScalar";
  return {};
}

/// Locates every scalar of \p yaml, expecting success and plausibility.
void expectAllScalarsLocate(const std::string &yaml) {
  std::vector<ScalarEvent> scalars = parseScalars(yaml);
  ASSERT_FALSE(scalars.empty());
  for (const ScalarEvent &event : scalars) {
    SCOPED_TRACE("scalar at line " + std::to_string(event.mark.line + 1) +
                 " col " + std::to_string(event.mark.column + 1) + ": [" +
                 event.value + "]");
    auto span = locateScalar(yaml, markOffset(yaml, event.mark), event.value);
    ASSERT_TRUE(span.has_value());
    EXPECT_EQ(checkPlausible(yaml, event, *span), "");
  }
}

/// Parses \p yaml and locates its first scalar whose decoded value is
/// \p decoded.
std::optional<ScalarSpan> locateByValue(const std::string &yaml,
                                        const std::string &decoded) {
  for (const ScalarEvent &event : parseScalars(yaml))
    if (event.value == decoded)
      return locateScalar(yaml, markOffset(yaml, event.mark), event.value);
  ADD_FAILURE() << "no scalar decodes to [" << decoded << "]";
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Exact begin/end for every style
//===----------------------------------------------------------------------===//

struct ExtentCase {
  const char *name;
  std::string yaml;
  std::string decoded; ///< Selects the scalar and checks yaml-cpp's value.
  uint32_t begin;
  uint32_t end;
};

const ExtentCase extentCases[] = {
    // Plain, block context.
    {"PlainSingleLine", "k: hello world\n", "hello world", 3, 14},
    {"PlainTrailingSpaceAndComment", "k: value   # note\n", "value", 3, 8},
    {"PlainMultiLine", "k: first line\n  second   line\n\n  third\n",
     "first line second   line\nthird", 3, 38},
    {"PlainKey", "my key: v\n", "my key", 0, 6},
    {"PlainKeySpaceBeforeColon", "key : v\n", "key", 0, 3},
    {"PlainColonAndHashInside", "k: http://x.y/a#b\n", "http://x.y/a#b", 3, 17},
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
    {"DoubleQuotedEscapedApostrophe", "k: \"it\\'s\"\n", "it's", 3, 10},
    {"QuotedTrailingFoldClippedByYamlCpp", "k: 'a\n\n\n'\n", "a\n", 3, 9},
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
    {"LiteralNestedExplicitIndent", "a:\n  - b: |1\n      z\n", " z\n", 10, 20},
    {"LiteralNoContent", "k: |\nn: 1\n", "", 3, 4},
    {"LiteralExplicitIndentSpacesOnlyLine", "k: |1\n  \n  x\n", " \n x\n", 3,
     12},
    {"LiteralNoFinalBreak", "k: |\n  text", "text", 3, 11},
    // Folded block scalars.
    {"FoldedBasic", "k: >\n  a\n  b\n\n  c\n", "a b\nc\n", 3, 17},
    {"FoldedMoreIndented", "k: >\n  a\n    b\n  c\n", "a\n  b\nc\n", 3, 18},
    {"FoldedStripInSequence", "- >-\n  x\n  y\n", "x y", 2, 12},
    {"FoldedExplicitIndentStrip", "k: >2-\n   x\n", " x", 3, 11},
    {"FoldedKeepTrailingEmptyLines", "k: >+\n  a\n\n\nn: 1\n", "a\n\n", 3, 9},
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
void PrintTo(const ExtentCase &testCase, std::ostream *out) {
  *out << testCase.name;
}

class ScalarExtentTest : public ::testing::TestWithParam<ExtentCase> {};

TEST_P(ScalarExtentTest, ExactBeginEnd) {
  const ExtentCase &testCase = GetParam();
  std::optional<ScalarSpan> span =
      locateByValue(testCase.yaml, testCase.decoded);
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->begin, testCase.begin);
  EXPECT_EQ(span->end, testCase.end);
  expectAllScalarsLocate(testCase.yaml);
}

INSTANTIATE_TEST_SUITE_P(
    AllStyles, ScalarExtentTest, ::testing::ValuesIn(extentCases),
    [](const ::testing::TestParamInfo<ExtentCase> &paramInfo) {
      return std::string(paramInfo.param.name);
    });

//===----------------------------------------------------------------------===//
// Offsets of individual decoded bytes
//===----------------------------------------------------------------------===//

/// Source text at the offsets of decoded bytes [from, from + len).
std::string sourceAt(const std::string &source, const ScalarSpan &span,
                     size_t from, size_t len) {
  std::string result;
  for (size_t i = from; i < from + len; ++i)
    result += source[span.offsets[i]];
  return result;
}

TEST(ScalarLocatorOffsets, TemplateReferencesInLiteralBlock) {
  const std::string yaml = "Steps:\n"
                           "  - Command: |\n"
                           "      echo {{ name }}\n"
                           "        run {{ACS::RegionId}} --x\n";
  std::string value = "echo {{ name }}\n  run {{ACS::RegionId}} --x\n";
  auto span = locateByValue(yaml, value);
  ASSERT_TRUE(span.has_value());
  size_t ref = value.find("{{ name }}");
  EXPECT_EQ(span->offsets[ref], yaml.find("{{ name }}"));
  EXPECT_EQ(sourceAt(yaml, *span, ref, 10), "{{ name }}");
  size_t ref2 = value.find("{{ACS::RegionId}}");
  EXPECT_EQ(span->offsets[ref2], yaml.find("{{ACS::RegionId}}"));
  expectAllScalarsLocate(yaml);
}

TEST(ScalarLocatorOffsets, TemplateReferenceInFoldedPlain) {
  const std::string yaml = "k: start {{ a }}\n   and {{ b }}\n";
  auto span = locateByValue(yaml, "start {{ a }} and {{ b }}");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->offsets[13], 16u) << "folded space maps to the break";
  EXPECT_EQ(span->offsets[18], yaml.find("{{ b }}"));
}

TEST(ScalarLocatorOffsets, EscapesMapToBackslash) {
  const std::string yaml = "k: \"a\\u00e9b\\n{{x}}\"\n";
  const std::string value = "a\u00e9b\n{{x}}"; // \u00e9 is two UTF-8 bytes.
  auto span = locateByValue(yaml, value);
  ASSERT_TRUE(span.has_value());
  std::vector<uint32_t> expected = {4, 5, 5, 11, 12, 14, 15, 16, 17, 18};
  EXPECT_EQ(span->offsets, expected);
}

TEST(ScalarLocatorOffsets, JsonEscapes) {
  // The JSON text is {"cmd": "echo \"{{ p }}\"\t\u4e2d"}.
  const std::string yaml = "{\"cmd\": \"echo \\\"{{ p }}\\\"\\t\\u4e2d\"}";
  auto span = locateByValue(yaml, "echo \"{{ p }}\"\t\xE4\xB8\xAD");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->offsets[5], 14u);  // \" -> backslash
  EXPECT_EQ(span->offsets[6], 16u);  // first '{'
  EXPECT_EQ(span->offsets[13], 23u); // closing \"
  EXPECT_EQ(span->offsets[14], 25u); // \t
  EXPECT_EQ(span->offsets[15], 27u); // \u4e2d, all three bytes
  EXPECT_EQ(span->offsets[17], 27u);
}

TEST(ScalarLocatorOffsets, SingleQuoteEscapeMapsToFirstQuote) {
  auto span = locateByValue("k: 'a''b'\n", "a'b");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->offsets, (std::vector<uint32_t>{4, 5, 7}));
}

TEST(ScalarLocatorOffsets, FoldedNewlinesMapToEmptyLineBreaks) {
  // 'one\n\n  two': the trimmed first break is dropped, the empty line's
  // break (offset 8) produces the newline.
  auto span = locateByValue("k: 'one\n\n  two'\n", "one\ntwo");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->offsets, (std::vector<uint32_t>{4, 5, 6, 8, 11, 12, 13}));
}

TEST(ScalarLocatorOffsets, BlockNewlinesMapToLineEnds) {
  // "k: |+\n  a\n\n": 'a' at 8, its break at 9, the empty line's at 10.
  auto span = locateByValue("k: |+\n  a\n\n", "a\n\n");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->offsets, (std::vector<uint32_t>{8, 9, 10}));
  // Folded: the line break between 'a' and 'b' becomes a space.
  span = locateByValue("k: >\n  a\n  b\n", "a b\n");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->offsets, (std::vector<uint32_t>{7, 8, 11, 12}));
}

TEST(ScalarLocatorOffsets, CrlfBreakMapsToCarriageReturn) {
  auto span = locateByValue("k: |\r\n  a\r\n", "a\n");
  ASSERT_TRUE(span.has_value());
  EXPECT_EQ(span->offsets, (std::vector<uint32_t>{8, 9}));
}

//===----------------------------------------------------------------------===//
// Rejection and cost
//===----------------------------------------------------------------------===//

TEST(ScalarLocatorRejects, MismatchingDecodedValue) {
  std::string yaml = "k: value\nq: \"a\\tb\"\nb: |\n  x\n";
  EXPECT_FALSE(locateScalar(yaml, 3, "valu").has_value());
  EXPECT_FALSE(locateScalar(yaml, 3, "values").has_value());
  EXPECT_FALSE(locateScalar(yaml, 12, "a b").has_value());
  EXPECT_FALSE(locateScalar(yaml, 22, "y\n").has_value());
  EXPECT_FALSE(locateScalar(yaml, 500, "x").has_value());
  EXPECT_FALSE(locateScalar("k: \"open", 3, "open").has_value());
}

TEST(ScalarLocatorCost, ExtentMatchesLocate) {
  // locateScalarExtent shares the scanners but records no offsets (it holds
  // no container at all, so it cannot allocate).
  std::string single = "k: \"some \\u00e9 text {{ x }}\"\n";
  std::string multi = "k: >-\n  one\n  two\n\n  three\n";
  auto a = locateScalarExtent(single, 3, "some \xC3\xA9 text {{ x }}");
  auto b = locateScalarExtent(multi, 3, "one two\nthree");
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(*a, std::make_pair(3u, 29u));
  EXPECT_EQ(*b, std::make_pair(3u, 26u));
  EXPECT_FALSE(locateScalarExtent(multi, 3, "one two\nthre").has_value());
}

TEST(ScalarLocatorCost, LinearOnLongScalars) {
  // 200k folded lines and a 1 MB single-line plain scalar.
  std::string folded = "k: >\n";
  std::string foldedValue;
  for (int i = 0; i < 200000; ++i) {
    folded += "  word\n";
    foldedValue += i ? " word" : "word";
  }
  foldedValue += '\n';
  std::string plain = "k: " + std::string(1 << 20, 'x') + "\n";
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(locateScalar(folded, 3, foldedValue).has_value());
  ASSERT_TRUE(locateScalar(plain, 3, std::string(1 << 20, 'x')).has_value());
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
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

/// OOSC_CORPUS_DIR from the environment, else the CMake cache default, else
/// ../shared/corpus next to the source tree, else /work/shared/corpus.
std::filesystem::path corpusDirectory() {
  if (const char *env = std::getenv("OOSC_CORPUS_DIR"); env && *env)
    return env;
#if defined(OOSC_CORPUS_DIR_DEFAULT)
  return OOSC_CORPUS_DIR_DEFAULT;
#elif defined(OOSC_SOURCE_DIR)
  return std::filesystem::path(OOSC_SOURCE_DIR) / ".." / "shared" / "corpus";
#else
  return "/work/shared/corpus";
#endif
}

bool isTemplateFile(const std::filesystem::path &path) {
  std::string ext = path.extension().string();
  return ext == ".yml" || ext == ".yaml" || ext == ".json";
}

TEST(ScalarLocatorCorpus, CorpusScalarsAllLocate) {
  std::filesystem::path dir = corpusDirectory();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    GTEST_SKIP() << "template corpus not found at " << dir.string()
                 << " (set OOSC_CORPUS_DIR to run this test)";

  size_t files = 0, rejected = 0, scalars = 0, located = 0;
  std::vector<std::string> failures;
  for (const auto &entry :
       std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || !isTemplateFile(entry.path()))
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string source = buffer.str();
    std::vector<ScalarEvent> events;
    try {
      events = parseScalars(source);
    } catch (const YAML::Exception &) {
      ++rejected; // Not our concern: yaml-cpp itself rejects the file.
      continue;
    }
    ++files;
    for (const ScalarEvent &event : events) {
      ++scalars;
      auto span =
          locateScalar(source, markOffset(source, event.mark), event.value);
      std::string problem =
          span ? checkPlausible(source, event, *span) : "does not locate";
      if (problem.empty()) {
        ++located;
        continue;
      }
      failures.push_back(
          entry.path().string() + ":" + std::to_string(event.mark.line + 1) +
          ":" + std::to_string(event.mark.column + 1) + ": " + problem);
    }
  }
  std::cout << "[ corpus   ] " << files << " files parsed (" << rejected
            << " rejected by yaml-cpp), " << located << "/" << scalars
            << " scalars located\n";
  EXPECT_GT(files, 0u);
  std::string listing;
  for (size_t i = 0; i < failures.size() && i < 50; ++i)
    listing += "  " + failures[i] + "\n";
  EXPECT_TRUE(failures.empty())
      << failures.size() << " of " << scalars << " scalars failed to locate:\n"
      << listing;
}

} // namespace
