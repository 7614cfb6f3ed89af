//===- BenchSupport.h - What the process benchmarks share -------------------===//
//
// Timing a real process, and the synthetic templates runner_bench and
// wire_bench build: many one-call tasks, and a Loop of many items.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace oosc::bench {

/// Runs a command, output discarded (stderr kept in \p errFile when given);
/// returns seconds, or -1 on failure.
inline double timed(const std::vector<std::string> &command, const std::string &errFile = "") {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    freopen("/dev/null", "w", stdout);
    freopen(errFile.empty() ? "/dev/null" : errFile.c_str(), "w", stderr);
    std::vector<char *> argv;
    for (const std::string &argument : command)
      argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? seconds : -1;
}

inline std::string write(const std::filesystem::path &path, const std::string &text) {
  std::ofstream(path) << text;
  return path.string();
}

inline std::string tasksTemplate(int tasks) {
  std::string text = "FormatVersion: OOS-2019-06-01\nTasks:\n";
  for (int i = 0; i < tasks; ++i)
    text += "  - Name: task" + std::to_string(i) +
            "\n    Action: ACS::ExecuteAPI\n    Properties:\n      Service: ECS\n"
            "      API: DescribeRegions\n      Parameters:\n        RegionId: '{{ ACS::RegionId }}'\n";
  return text;
}

inline std::string loopTemplate(int items, int concurrency) {
  std::string text = "FormatVersion: OOS-2019-06-01\nParameters:\n  items:\n    Type: List\n    Default:\n";
  for (int i = 0; i < items; ++i)
    text += "      - item" + std::to_string(i) + "\n";
  text += "Tasks:\n  - Name: callEach\n    Action: ACS::ExecuteAPI\n    Properties:\n"
          "      Service: ECS\n      API: DescribeRegions\n      Parameters:\n"
          "        RegionId: cn-hangzhou\n    Loop:\n      Items: '{{ items }}'\n"
          "      RateControl:\n        Mode: Concurrency\n        MaxErrors: 0\n        Concurrency: " +
          std::to_string(concurrency) + "\n";
  return text;
}

} // namespace oosc::bench
