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

#include <chrono>
#include <csignal>
#include <deque>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

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

/// A runner started in the background, with its own world and journal.
struct Background {
  pid_t pid = -1;
  std::filesystem::path dir;
  std::string journal() const { return (dir / "journal.sqlite").string(); }
  std::string err() const { return slurp(dir / "err"); }
};

class RunnerTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("oosc-build-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    for (Background &run : started_)
      if (run.pid > 0) { // a failed test must not leave a runner behind
        ::kill(run.pid, SIGKILL);
        ::waitpid(run.pid, nullptr, 0);
      }
    std::filesystem::remove_all(dir_);
  }

  /// Starts `runner arguments... --state DIR/world.json --journal
  /// DIR/journal.sqlite` in the background, DIR being dir/NAME (or the
  /// test's own folder for ""), stdin from /dev/null, stdout and stderr in
  /// DIR/out and DIR/err.
  Background &start(const std::string &runner, std::vector<std::string> arguments,
                    const std::string &name = "") {
    std::filesystem::path dir = name.empty() ? dir_ : dir_ / name;
    return spawn(runner, std::move(arguments), dir, (dir / "world.json").string(),
                 (dir / "journal.sqlite").string());
  }

  /// Like start, but on the test's own world and journal (state(),
  /// journal()), as runners sharing one world do; out and err in dir/NAME.
  Background &startSharing(const std::string &runner, std::vector<std::string> arguments,
                           const std::string &name) {
    return spawn(runner, std::move(arguments), dir_ / name, state(), journal());
  }

  Background &spawn(const std::string &runner, std::vector<std::string> arguments,
                    const std::filesystem::path &dir, const std::string &stateFile,
                    const std::string &journalFile) {
    Background run;
    run.dir = dir;
    std::filesystem::create_directories(run.dir);
    arguments.insert(arguments.begin(), runner);
    arguments.insert(arguments.end(), {"--state", stateFile, "--journal", journalFile});
    std::vector<char *> argv;
    for (std::string &argument : arguments)
      argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    std::string out = (run.dir / "out").string(), err = (run.dir / "err").string();
    posix_spawn_file_actions_addopen(&files, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&files, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int spawned = posix_spawn(&run.pid, runner.c_str(), &files, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&files);
    EXPECT_EQ(spawned, 0) << "cannot start " << runner;
    started_.push_back(run);
    return started_.back();
  }

  /// Whether \p run is still running (not reaped).
  static bool stillRunning(const Background &run) {
    siginfo_t ended{};
    return ::waitid(P_PID, run.pid, &ended, WEXITED | WNOHANG | WNOWAIT) == 0 && ended.si_pid == 0;
  }

  /// Waits until the runner's progress shows \p line: true; false if it
  /// ended first or a minute passed. Polled: nothing depends on timing.
  bool waitForProgress(const Background &run, const std::string &line) {
    for (int attempt = 0; attempt < 1200; ++attempt) {
      if (run.err().find(line) != std::string::npos)
        return true;
      if (!stillRunning(run))
        return run.err().find(line) != std::string::npos;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  /// Waits for the runner to end; its exit status (or signal) and output.
  RunResult finish(Background &run) {
    RunResult result;
    int status = 0;
    if (::waitpid(run.pid, &status, 0) == run.pid) {
      result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
    run.pid = -1;
    result.out = slurp(run.dir / "out");
    result.err = run.err();
    return result;
  }

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
  std::deque<Background> started_; // a deque: references to earlier runs stay valid
};

} // namespace oosc::testing
