//===- CorpusBuildTest.cpp - Every lint-clean real template builds and plans -===//
//
// The 481 templates of ../shared/corpus/oos-templates (their YAML side) that
// lint without errors are compiled into busybox runners, 60 a runner, and
// each runner must print its --help and a --dry-run plan (defaults plus
// placeholders for required parameters) for every one of them.
//
//===----------------------------------------------------------------------===//
#include "cli/Subprocess.h"
#include "driver/Linter.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace {

namespace fs = std::filesystem;
using oosc::testing::RunResult;
using oosc::testing::runProgram;

/// Templates a runner: enough to share the compile, small enough to stay quick.
constexpr size_t kTemplatesPerRunner = 60;

std::vector<std::string> yamlTemplates(const fs::path &root) {
  std::vector<std::string> files;
  for (const auto &entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file() && entry.path().extension() == ".yml" &&
        entry.path().parent_path().filename() == "YAML")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(CorpusBuild, LintCleanTemplatesBuildAndPlan) {
  const char *env = std::getenv("OOSC_CORPUS_DIR");
  fs::path root = fs::path(env ? env : OOSC_CORPUS_DIR_DEFAULT) / "oos-templates";
  if (!fs::is_directory(root))
    GTEST_SKIP() << "corpus not found at " << root << " (set OOSC_CORPUS_DIR)";
  std::vector<std::string> clean;
  std::vector<std::string> all = yamlTemplates(root);
  for (const oosc::driver::FileReport &report : oosc::driver::lintFiles(all, {}))
    if (report.count(oosc::Severity::Error) == 0)
      clean.push_back(report.file->path());
  ASSERT_GT(clean.size(), 400u);

  fs::path dir = fs::temp_directory_path() / ("oosc-corpus-build-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  size_t built = 0, helped = 0, planned = 0;
  for (size_t first = 0; first < clean.size(); first += kTemplatesPerRunner) {
    std::vector<std::string> batch(clean.begin() + first,
                                   clean.begin() + std::min(clean.size(), first + kTemplatesPerRunner));
    std::string runner = (dir / ("runner" + std::to_string(first))).string();
    std::vector<std::string> arguments{"build"};
    arguments.insert(arguments.end(), batch.begin(), batch.end());
    arguments.insert(arguments.end(), {"-o", runner});
    RunResult build = runProgram(OOSC_BINARY, arguments);
    EXPECT_EQ(build.exitCode, 0) << "batch from " << batch.front() << ":\n" << build.out << build.err;
    if (build.exitCode != 0)
      continue;
    built += batch.size();
    for (const std::string &path : batch) {
      std::string name = fs::path(path).stem().string();
      RunResult help = runProgram(runner, {name, "--help"});
      EXPECT_EQ(help.exitCode, 0) << name << ": " << help.err;
      helped += help.exitCode == 0;
      RunResult plan = runProgram(runner, {name, "--dry-run", "--placeholders", "--state",
                                           (dir / "world.json").string()});
      EXPECT_EQ(plan.exitCode, 0) << name << ": " << plan.err;
      planned += plan.exitCode == 0;
    }
  }
  fs::remove_all(dir);
  std::printf("[ corpus   ] %zu templates, %zu lint-clean, %zu built, %zu --help, %zu --dry-run\n",
              all.size(), clean.size(), built, helped, planned);
}

} // namespace
