//===- RunnerTest.h - Tests that build a real runner and run it ------------===//
//
// Each test builds a real runner with the oosc binary and the system
// compiler, runs it as a subprocess on a simulated world in a scratch
// directory, and checks the outputs, the exit status, the journal and the
// world the run left behind.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "cli/Subprocess.h"
#include "oosc/runtime/Value.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace oosc::testing {

const std::string kOosc = OOSC_BINARY;
const std::string kSource = OOSC_SOURCE_DIR;

inline std::string slurp(const std::filesystem::path &path) {
  std::ifstream input(path, std::ios::binary);
  std::ostringstream text;
  text << input.rdbuf();
  return text.str();
}

inline runtime::Value parse(const std::string &text) {
  auto value = runtime::parseJson(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? *value : runtime::Value();
}

class RunnerTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("oosc-build-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// Builds the templates into dir/runner; fails the test if it does not build.
  std::string build(const std::vector<std::string> &templates) {
    std::vector<std::string> arguments{"build"};
    for (const std::string &path : templates)
      arguments.push_back(kSource + "/" + path);
    std::string runner = (dir_ / "runner").string();
    arguments.insert(arguments.end(), {"-o", runner});
    RunResult result = runProgram(kOosc, arguments);
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    return runner;
  }

  RunResult run(const std::string &runner, std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--state", state()});
    return runProgram(runner, arguments);
  }

  std::string state() const { return (dir_ / "world.json").string(); }
  std::string journal() const { return (dir_ / "journal.sqlite").string(); }
  runtime::Value world() const { return parse(slurp(state())); }

  std::filesystem::path dir_;
};

} // namespace oosc::testing
