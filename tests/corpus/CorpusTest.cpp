//===- CorpusTest.cpp - oosc over ~1,800 real templates --------------------===//
//
// The corpus is test data outside the repository (../shared/corpus). Every
// file must lint without crashing, and the error-level diagnostics must be
// exactly those listed, with a verdict each, in tests/corpus/errors.md.
//
//===----------------------------------------------------------------------===//
#include "driver/Linter.h"
#include "report/Printers.h"

#include "support/CorpusFiles.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

namespace {

namespace fs = std::filesystem;

using oosc::testing::corpusDir;

/// "file | line:col | rule" keys of the table rows in errors.md.
std::set<std::string> reportedErrors() {
  std::ifstream input(OOSC_CORPUS_REPORT);
  std::set<std::string> keys;
  std::string line;
  const std::regex row(R"(^\| ([^|]+?) \| (\d+:\d+) \| ([a-z-]+) \| .+\|$)");
  while (std::getline(input, line)) {
    std::smatch match;
    if (std::regex_match(line, match, row))
      keys.insert(match[1].str() + " | " + match[2].str() + " | " + match[3].str());
  }
  return keys;
}

class CorpusTest : public ::testing::Test {
protected:
  void SetUp() override {
    root_ = corpusDir();
    if (!fs::is_directory(root_))
      GTEST_SKIP() << "corpus not found at " << root_
                   << " (set OOSC_CORPUS_DIR); the corpus tests need ../shared/corpus";
  }
  std::string root_;
};

TEST_F(CorpusTest, ErrorsMatchReport) {
  std::vector<std::string> files = oosc::testing::templateFilesBelow(root_);
  ASSERT_GT(files.size(), 1000u) << "the corpus looks incomplete";
  std::vector<oosc::driver::FileReport> reports = oosc::driver::lintFiles(files, {});
  ASSERT_EQ(reports.size(), files.size());

  std::set<std::string> actual;
  size_t diagnostics = 0;
  for (const oosc::driver::FileReport &report : reports) {
    diagnostics += report.diagnostics.size();
    std::string relative = fs::relative(report.file->path(), root_).string();
    for (const oosc::Diagnostic &diagnostic : report.diagnostics) {
      if (diagnostic.severity != oosc::Severity::Error)
        continue;
      oosc::LineColumn at = report.file->lineColumn(diagnostic.range.begin);
      actual.insert(relative + " | " + std::to_string(at.line) + ":" + std::to_string(at.column) +
                    " | " + std::string(oosc::ruleInfo(diagnostic.rule).name));
    }
  }
  std::set<std::string> expected = reportedErrors();
  ASSERT_FALSE(expected.empty()) << "no rows read from " << OOSC_CORPUS_REPORT;
  std::string unlisted, gone;
  for (const std::string &key : actual)
    if (!expected.count(key))
      unlisted += "  " + key + "\n";
  for (const std::string &key : expected)
    if (!actual.count(key))
      gone += "  " + key + "\n";
  EXPECT_TRUE(unlisted.empty()) << "errors not in tests/corpus/errors.md (a false error is a bug):\n"
                                << unlisted;
  EXPECT_TRUE(gone.empty()) << "listed errors no longer reported (update errors.md):\n" << gone;
  std::printf("[ corpus   ] %zu files, %zu diagnostics, %zu errors\n", files.size(), diagnostics,
              actual.size());
}

} // namespace
