//===- JsonLoaderTest.cpp - The strict JSON reader agrees with yaml-cpp ----===//
//
// The fast path must be invisible: for every strict JSON text the tree (kinds,
// styles, values, ranges, byte maps, references) and the diagnostics equal
// what the yaml-cpp path produces, and anything else must be refused.
//
//===----------------------------------------------------------------------===//
#include "frontend/JsonLoader.h"
#include "frontend/YamlLoader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace oosc::frontend {
namespace {

namespace fs = std::filesystem;

struct Loaded {
  ir::Document document;
  std::vector<Diagnostic> diagnostics;
  bool fast = false;
};

std::unique_ptr<Loaded> load(const SourceFile &file, bool fastPath) {
  auto loaded = std::make_unique<Loaded>();
  DiagnosticEngine engine(file);
  if (fastPath)
    loaded->fast = loadStrictJson(file.text(), loaded->document, engine, LoadLimits{});
  else
    loadYaml(file, loaded->document, engine);
  loaded->diagnostics = engine.takeSorted();
  return loaded;
}

std::string where(const SourceFile &file, const ir::Node &node) {
  LineColumn at = file.lineColumn(node.range.begin);
  return file.path() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
}

void expectSameReferences(const SourceFile &file, const ir::Node &a, const ir::Node &b) {
  ASSERT_EQ(!a.interpolation, !b.interpolation) << where(file, a);
  if (!a.interpolation)
    return;
  auto left = a.interpolation->references();
  auto right = b.interpolation->references();
  ASSERT_EQ(left.size(), right.size()) << where(file, a);
  for (size_t i = 0; i < left.size(); ++i) {
    EXPECT_EQ(left[i]->range, right[i]->range) << where(file, a);
    EXPECT_EQ(left[i]->spelling, right[i]->spelling) << where(file, a);
  }
}

void expectSameTree(const SourceFile &file, const ir::Node *a, const ir::Node *b) {
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->kind, b->kind) << where(file, *b);
  EXPECT_EQ(a->style, b->style) << where(file, *b);
  EXPECT_EQ(a->value, b->value) << where(file, *b);
  EXPECT_EQ(a->range, b->range) << where(file, *b) << " fast " << a->range.begin << "-"
                                << a->range.end << " yaml-cpp " << b->range.begin << "-" << b->range.end;
  EXPECT_EQ(a->valueOffsets, b->valueOffsets) << where(file, *b);
  expectSameReferences(file, *a, *b);
  ASSERT_EQ(a->items.size(), b->items.size()) << where(file, *b);
  for (size_t i = 0; i < a->items.size(); ++i)
    expectSameTree(file, a->items[i], b->items[i]);
  ASSERT_EQ(a->entries.size(), b->entries.size()) << where(file, *b);
  for (size_t i = 0; i < a->entries.size(); ++i) {
    expectSameTree(file, a->entries[i].key, b->entries[i].key);
    expectSameTree(file, a->entries[i].value, b->entries[i].value);
  }
}

void expectSameDiagnostics(const std::vector<Diagnostic> &a, const std::vector<Diagnostic> &b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].rule, b[i].rule);
    EXPECT_EQ(a[i].range, b[i].range);
    EXPECT_EQ(a[i].message, b[i].message);
  }
}

/// Loads `text` both ways and compares; returns whether the fast path took it.
bool compareBothWays(const std::string &path, const std::string &text) {
  SourceFile file(path, text);
  auto fast = load(file, true);
  if (!fast->fast)
    return false;
  auto slow = load(file, false);
  expectSameTree(file, fast->document.root, slow->document.root);
  expectSameDiagnostics(fast->diagnostics, slow->diagnostics);
  return true;
}

TEST(JsonLoader, AgreesWithYamlCppOnCraftedTemplates) {
  const char *cases[] = {
      R"({"FormatVersion": "OOS-2019-06-01", "Tasks": []})",
      R"({"a": [1, -2.5, 3e10, 0, -0.0, true, false, null, "", {}, []]})",
      R"({"escapes": "tab\tquote\"slash\/back\\u\u00e9 cjk\u4e2d {{ name }}"})",
      R"({"emoji": "\ud83d\ude00-{{ zone }}", "plain": "中文 {{ x.y }}"})",
      R"({"dup": 1, "dup": 2, "other": {"k": "v", "k": "w"}})",
      "{\n  \"Tasks\": [\n    {\"Name\": \"a\",\n     \"Action\": \"ACS::Sleep\"}\n  ]\n}\n",
      R"([{"x": "{{ ACS::RegionId }}"}, "{{ oos:a/b }}", "{{ bad-}}"])",
      R"({"nested": {"deeper": {"deepest": ["{{ p }}", "{{ q }}x{{ r }}"]}}})",
  };
  for (const char *text : cases)
    EXPECT_TRUE(compareBothWays("case.json", text)) << text;
}

// A lone carriage return (a classic Mac line ending) is whitespace in JSON
// and a line break in YAML 1.2, but yaml-cpp 0.7 takes it for text: it read
// `,\r"c"` as a plain key `\r"c"`. Found by tests/fuzz (lint_json).
TEST(JsonLoader, AgreesWithYamlCppOnLoneCarriageReturns) {
  const char *cases[] = {
      "{\"a\": \"b\",\r\"c\": \"d\"}",
      "{\"a\":\r\"b\"}",
      "[1,\r2]",
      "{\r  \"Tasks\": [\r    {\"Name\": \"a\",\r\r     \"Action\": \"ACS::Sleep\"}\r  ]\r}\r",
      "{\"a\": \"b\", \r\n\"c\": [\"{{ d }}\"\r]}",
  };
  for (const char *text : cases)
    EXPECT_TRUE(compareBothWays("case.json", text)) << text;
}

// Lone carriage returns end lines in YAML too: the same template with CR,
// LF or CRLF line endings reads into the same values.
TEST(YamlLoader, LoneCarriageReturnsEndLines) {
  std::string lf = "FormatVersion: OOS-2019-06-01\n"
                   "Tasks:\n"
                   "  - Name: a # a comment\n"
                   "    Action: ACS::Sleep\n"
                   "    Properties:\n"
                   "      Duration: PT1M\n"
                   "      Text: |\n"
                   "        one\n"
                   "        two\n"
                   "      Folded: plain\n"
                   "        words\n";
  auto withEndings = [&](const std::string &ending) {
    std::string text;
    for (char c : lf)
      text += c == '\n' ? ending : std::string(1, c);
    return text;
  };
  auto values = [](const std::string &text) {
    SourceFile file("case.yaml", text);
    auto loaded = load(file, false);
    std::vector<std::string> found;
    loaded->document.forEachNode([&](ir::Node &node) { found.push_back(node.value); });
    for (const Diagnostic &diagnostic : loaded->diagnostics)
      ADD_FAILURE() << diagnostic.message;
    return found;
  };
  std::vector<std::string> expected = values(lf);
  ASSERT_NE(std::find(expected.begin(), expected.end(), "one\ntwo\n"), expected.end());
  ASSERT_NE(std::find(expected.begin(), expected.end(), "plain words"), expected.end());
  EXPECT_EQ(values(withEndings("\r")), expected);
  EXPECT_EQ(values(withEndings("\r\n")), expected);
}

TEST(JsonLoader, RefusesWhatIsNotStrictJson) {
  const char *cases[] = {
      R"({"a": 1,})",                  // trailing comma
      R"({'a': 1})",                   // single quotes
      "{\"a\": 1} # comment",          // comment
      R"({"a": 01})",                  // leading zero
      R"({"a": NaN})",                 // not a JSON number
      "{\"a\": \"line\nbreak\"}",      // raw control character
      R"({"a": "\x41"})",              // not a JSON escape
      R"({"a": "\udc00"})",            // lone low surrogate
      R"({a: 1})",                     // YAML flow mapping
      R"("just a string")",            // scalar at the top
      R"({"a": 1} {"b": 2})",          // trailing data
      R"({"a": [1, 2})",               // unclosed
      "FormatVersion: OOS-2019-06-01", // YAML
  };
  for (const char *text : cases) {
    SourceFile file("case.json", text);
    ir::Document document;
    DiagnosticEngine engine(file);
    EXPECT_FALSE(loadStrictJson(text, document, engine, LoadLimits{})) << text;
    EXPECT_EQ(document.root, nullptr) << text;
    EXPECT_TRUE(engine.takeSorted().empty()) << text;
  }
}

TEST(JsonLoader, AgreesWithYamlCppOnEveryCorpusJsonTemplate) {
  std::string root = std::getenv("OOSC_CORPUS_DIR") ? std::getenv("OOSC_CORPUS_DIR")
                                                     : OOSC_CORPUS_DIR_DEFAULT;
  if (!fs::is_directory(root))
    GTEST_SKIP() << "corpus not found at " << root << " (set OOSC_CORPUS_DIR)";
  size_t compared = 0, total = 0;
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".json")
      continue;
    ++total;
    std::ifstream input(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << input.rdbuf();
    compared += compareBothWays(entry.path().string(), text.str());
  }
  EXPECT_GT(total, 400u);
  EXPECT_EQ(compared, total) << "every real JSON template is strict JSON";
  std::printf("[ json     ] %zu of %zu corpus JSON files read by the fast path, trees equal\n",
              compared, total);
}

} // namespace
} // namespace oosc::frontend
