//===- GoldenTest.cpp - One test per template under tests/golden ----------===//
//
// Each .yml/.yaml/.json file below tests/golden is linted and its
// diagnostics compared with the expectations written in it (Verifier.h).
// Files are found when the tests run, so adding a case needs no code. Each
// case is linted as one of a run over its folder, so an ACS::Template task
// can name a sibling file as its child.
//
//===----------------------------------------------------------------------===//
#include "golden/Verifier.h"

#include "driver/RunTemplates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> goldenFiles() {
  std::vector<std::string> files;
  for (const auto &entry : fs::recursive_directory_iterator(OOSC_GOLDEN_DIR)) {
    std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && (extension == ".yml" || extension == ".yaml" || extension == ".json"))
      files.push_back(fs::relative(entry.path(), OOSC_GOLDEN_DIR).string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string readText(const fs::path &path) {
  std::string error;
  auto text = driver::readFile(path.string(), error);
  return text ? *text : std::string();
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, DiagnosticsMatchExpectations) {
  fs::path path = fs::path(OOSC_GOLDEN_DIR) / GetParam();
  std::string text = readText(path);
  bool isJson = path.extension() == ".json";
  std::string directives = isJson ? readText(path.string() + ".expect") : text;
  ParsedExpectations expected = parseExpectations(directives, !isJson);
  // Paths are printed relative to tests/golden, as a user would see them.
  auto file = std::make_shared<const SourceFile>(GetParam(), text);
  std::vector<std::string> siblings;
  for (const auto &entry : fs::directory_iterator(path.parent_path()))
    siblings.push_back(entry.path().string());
  std::sort(siblings.begin(), siblings.end());
  driver::RunTemplates run(siblings);
  driver::FileReport report = driver::lintSource(file, nullptr, &run);
  // The first directory below tests/golden names the rule the case is about.
  std::string caseDirectory = fs::path(GetParam()).begin()->string();
  std::string problems = verify(report, expected, caseDirectory);
  EXPECT_TRUE(problems.empty()) << GetParam() << ":\n" << problems;
}

std::string testName(const ::testing::TestParamInfo<std::string> &info) {
  std::string name = info.param;
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(goldenFiles()), testName);

} // namespace
} // namespace oosc::testing
