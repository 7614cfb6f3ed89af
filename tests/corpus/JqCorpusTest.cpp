//===- JqCorpusTest.cpp - The jq checker against libjq on real templates ---===//
//
// Every distinct jq script of the corpus (../shared/corpus), prepared as the
// jq-syntax rule prepares it (`{{ }}` stood in for, the leading dot OOS adds
// to selectors), must get the same verdict from frontend/JqSyntax.h and from
// libjq 1.6 (runtime::JqEngine::compileError).
//
//===----------------------------------------------------------------------===//
#include "analysis/JqScripts.h"
#include "frontend/Frontend.h"
#include "frontend/JqSyntax.h"
#include "oosc/runtime/Jq.h"

#include "support/CorpusFiles.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace {

namespace fs = std::filesystem;

using oosc::testing::corpusDir;

std::string readFile(const fs::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The prepared scripts of every template under \p root, once each.
std::set<std::string> preparedScripts(const std::string &root, size_t &files) {
  std::set<std::string> scripts;
  for (const std::string &path : oosc::testing::templateFilesBelow(root)) {
    ++files;
    oosc::SourceFile file(path, readFile(path));
    oosc::DiagnosticEngine diagnostics(file);
    oosc::frontend::ParsedTemplate parsed = oosc::frontend::parseTemplate(file, diagnostics);
    for (const oosc::analysis::JqScriptSite &site : oosc::analysis::collectJqScripts(parsed.tmpl))
      scripts.insert(oosc::analysis::prepareJqScript(site).text);
  }
  return scripts;
}

TEST(JqCorpusTest, EveryScriptOfTheCorpusGetsLibjqsVerdict) {
  std::string root = corpusDir();
  if (!fs::is_directory(root))
    GTEST_SKIP() << "corpus not found at " << root
                 << " (set OOSC_CORPUS_DIR); the jq corpus test needs ../shared/corpus";
  size_t files = 0;
  std::set<std::string> scripts = preparedScripts(root, files);
  ASSERT_GT(scripts.size(), 500u) << "the corpus looks incomplete";
  oosc::runtime::JqEngine engine;
  size_t invalid = 0;
  for (const std::string &script : scripts) {
    std::optional<oosc::runtime::JqCompileError> libjq = engine.compileError(script);
    std::optional<oosc::frontend::JqSyntaxError> ours = oosc::frontend::checkJqSyntax(script);
    EXPECT_EQ(libjq.has_value(), ours.has_value())
        << "script: " << script << "\n  ours: " << (ours ? ours->message : "valid")
        << "\n  libjq: " << (libjq ? libjq->message : "valid");
    invalid += libjq.has_value();
  }
  std::printf("[ jq corpus ] %zu files, %zu distinct prepared jq scripts, %zu rejected by libjq\n",
              files, scripts.size(), invalid);
}

} // namespace
