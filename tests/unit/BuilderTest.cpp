//===- BuilderTest.cpp - oosc build: which compiler, with which flags -------===//
//
// A runner links the runtime library oosc was built with, so it must be
// compiled by a compiler that matches it and with the flags it was built
// with (the sanitizers of a sanitized build). A stand-in compiler, a shell
// script written by the test, records the command line it is given.
//
//===----------------------------------------------------------------------===//
#include "driver/Builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <unistd.h>

namespace oosc::driver {
namespace {

namespace fs = std::filesystem;

/// Sets or unsets an environment variable for one test, then restores it.
class ScopedEnvironment {
public:
  ScopedEnvironment(std::string name, const char *value) : name_(std::move(name)) {
    if (const char *old = std::getenv(name_.c_str()))
      old_ = old;
    if (value)
      setenv(name_.c_str(), value, 1);
    else
      unsetenv(name_.c_str());
  }
  ~ScopedEnvironment() {
    if (old_)
      setenv(name_.c_str(), old_->c_str(), 1);
    else
      unsetenv(name_.c_str());
  }

private:
  std::string name_;
  std::optional<std::string> old_;
};

class RunnerCompilerTest : public ::testing::Test {
protected:
  void SetUp() override {
    directory_ = fs::temp_directory_path() / ("oosc-builder-test-" + std::to_string(getpid()));
    fs::create_directories(directory_);
    templatePath_ = (directory_ / "pause.yaml").string();
    std::ofstream(templatePath_) << "FormatVersion: OOS-2019-06-01\nTasks:\n  - Name: pause\n"
                                    "    Action: ACS::Sleep\n    Properties:\n      Duration: PT1S\n";
  }
  void TearDown() override { fs::remove_all(directory_); }

  /// A compiler that writes its arguments, one a line, to NAME.args.
  std::string standInCompiler(const std::string &name) {
    fs::path script = directory_ / name;
    std::ofstream(script) << "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" << (directory_ / (name + ".args")).string()
                          << "'\n";
    fs::permissions(script, fs::perms::owner_all);
    return script.string();
  }

  /// The arguments the stand-in NAME was run with; empty when it was not.
  std::vector<std::string> argumentsOf(const std::string &name) {
    std::ifstream in(directory_ / (name + ".args"));
    std::vector<std::string> arguments;
    for (std::string line; std::getline(in, line);)
      arguments.push_back(line);
    return arguments;
  }

  BuildOptions options(const std::string &runtimeCompiler, std::vector<std::string> flags) {
    BuildOptions build;
    build.templates = {templatePath_};
    build.output = (directory_ / "runner").string();
    build.runtime.includeDir = "/runtime/include";
    build.runtime.library = "/runtime/liboosc_runtime.a";
    build.runtime.actionsDir = (directory_ / "no-actions").string();
    build.runtime.compiler = runtimeCompiler;
    build.runtime.compileFlags = std::move(flags);
    return build;
  }

  fs::path directory_;
  std::string templatePath_;
};

bool contains(const std::vector<std::string> &arguments, const std::string &argument) {
  return std::find(arguments.begin(), arguments.end(), argument) != arguments.end();
}

TEST_F(RunnerCompilerTest, WithoutCxxTheRuntimesCompilerBuildsWithTheRuntimesFlags) {
  ScopedEnvironment cxx("CXX", nullptr);
  std::string compiler = standInCompiler("runtime-c++");
  BuildResult result =
      buildRunner(options(compiler, {"-fsanitize=address,undefined", "-fno-sanitize-recover=all"}));
  ASSERT_TRUE(result.ok) << (result.errors.empty() ? "" : result.errors.front());
  std::vector<std::string> arguments = argumentsOf("runtime-c++");
  ASSERT_FALSE(arguments.empty()) << "the runtime's compiler was not run";
  EXPECT_TRUE(contains(arguments, "-fsanitize=address,undefined"));
  EXPECT_TRUE(contains(arguments, "-fno-sanitize-recover=all"));
  EXPECT_TRUE(contains(arguments, "/runtime/liboosc_runtime.a"));
  EXPECT_TRUE(contains(arguments, (directory_ / "runner").string()));
}

TEST_F(RunnerCompilerTest, CxxOverridesTheRuntimesCompilerAndKeepsItsFlags) {
  std::string chosen = standInCompiler("chosen-c++");
  ScopedEnvironment cxx("CXX", chosen.c_str());
  std::string runtimeCompiler = standInCompiler("runtime-c++");
  BuildResult result = buildRunner(options(runtimeCompiler, {"-fsanitize=address"}));
  ASSERT_TRUE(result.ok) << (result.errors.empty() ? "" : result.errors.front());
  EXPECT_TRUE(argumentsOf("runtime-c++").empty()) << "$CXX was not used";
  EXPECT_TRUE(contains(argumentsOf("chosen-c++"), "-fsanitize=address"));
}

TEST_F(RunnerCompilerTest, AnUnsanitizedRuntimeAddsNoFlags) {
  ScopedEnvironment cxx("CXX", nullptr);
  std::string compiler = standInCompiler("runtime-c++");
  BuildResult result = buildRunner(options(compiler, {}));
  ASSERT_TRUE(result.ok) << (result.errors.empty() ? "" : result.errors.front());
  std::vector<std::string> arguments = argumentsOf("runtime-c++");
  ASSERT_FALSE(arguments.empty());
  for (const std::string &argument : arguments)
    EXPECT_EQ(argument.rfind("-fsanitize", 0), std::string::npos) << argument;
}

} // namespace
} // namespace oosc::driver
