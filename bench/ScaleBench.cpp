//===- ScaleBench.cpp - Lint time against template size --------------------===//
//
// usage: scale_bench [REPEATS]
// Generates templates of 10, 100, 1,000 and 10,000 tasks (each task reads a
// parameter and the previous task's output, every tenth has an OnError jump
// and a loop) and reports the fastest lint time of each and the time per
// task, which stays flat when growth is linear.
//
//===----------------------------------------------------------------------===//
#include "driver/Linter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

namespace {

std::string syntheticTemplate(size_t tasks) {
  std::string text = "FormatVersion: OOS-2019-06-01\nParameters:\n"
                     "  regionId:\n    Type: String\n    Default: cn-hangzhou\n"
                     "  prefix:\n    Type: String\n    AllowedPattern: '^[a-z][a-z0-9-]*$'\n"
                     "    Default: demo\nTasks:\n";
  for (size_t i = 0; i < tasks; ++i) {
    std::string name = "task" + std::to_string(i);
    text += "  - Name: " + name + "\n    Action: ACS::ExecuteAPI\n";
    if (i % 10 == 9)
      text += "    OnError: task" + std::to_string(tasks - 1) + "\n";
    text += "    Properties:\n      Service: ECS\n      API: DescribeInstances\n"
            "      Parameters:\n        RegionId: '{{ regionId }}'\n"
            "        InstanceName: '{{ prefix }}-" + name + "'\n";
    if (i > 0)
      text += "        Previous: '{{ task" + std::to_string(i - 1) + ".ids }}'\n";
    if (i % 10 == 5)
      text += "    Loop:\n      Items: '{{ task" + std::to_string(i - 1) +
              ".ids }}'\n      RateControl: {Mode: Concurrency, MaxErrors: 0, Concurrency: 5}\n";
    text += "    Outputs:\n      ids:\n        Type: List\n"
            "        ValueSelector: Instances.Instance[].InstanceId\n";
  }
  return text;
}

} // namespace

int main(int argc, char **argv) {
  int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
  std::printf("%8s %10s %12s %14s %12s\n", "tasks", "bytes", "lint (ms)", "per task (us)", "diagnostics");
  for (size_t tasks : {10, 100, 1000, 10000}) {
    std::string text = syntheticTemplate(tasks);
    double best = 1e9;
    size_t diagnostics = 0;
    for (int round = 0; round < repeats; ++round) {
      auto file = std::make_shared<const oosc::SourceFile>("synthetic.yaml", text);
      auto start = std::chrono::steady_clock::now();
      diagnostics = oosc::driver::lintSource(file).diagnostics.size();
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::printf("%8zu %10zu %12.3f %14.2f %12zu\n", tasks, text.size(), best * 1e3,
                best * 1e6 / tasks, diagnostics);
  }
  return 0;
}
