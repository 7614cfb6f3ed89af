//===- RunnerBench.cpp - oosc build and runner timings ---------------------===//
//
// usage: runner_bench OOSC SOURCE_DIR
// Measures, with real processes:
//  1. `oosc build` of samples/update-image (fastest of 3);
//  2. a runner's start to the end of `--help` (median of 50), and `oosc lint`
//     of one small and one large template, as pre-commit runs it (median of 50);
//  3. executor overhead per task on the simulator at zero latency: a
//     1,000-task template against a 1-task one (fastest of 3 each), without
//     and with the execution journal;
//  4. a Loop of 1,000 items at Concurrency 50 with 100 ms of real simulated
//     latency per call, against the ideal ceil(1000/50) x 100 ms.
//
//===----------------------------------------------------------------------===//
#include "BenchSupport.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using oosc::bench::loopTemplate;
using oosc::bench::tasksTemplate;
using oosc::bench::timed;
using oosc::bench::write;

double fastest(int runs, const std::vector<std::string> &command) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    double seconds = timed(command);
    if (seconds < 0)
      return -1;
    best = std::min(best, seconds);
  }
  return best;
}

double median(int runs, const std::vector<std::string> &command) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i)
    times.push_back(timed(command));
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: runner_bench OOSC SOURCE_DIR\n");
    return 2;
  }
  std::string oosc = argv[1];
  fs::path source = argv[2];
  fs::path dir = fs::temp_directory_path() / ("oosc-runner-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::string state = (dir / "world.json").string();

  std::string sample = (source / "samples/update-image/update-image.yaml").string();
  std::string runner = (dir / "update-image").string();
  double build = fastest(3, {oosc, "build", sample, "-o", runner});
  double help = median(50, {runner, "--help"});
  // What pre-commit pays on every commit: one process linting one small
  // template (89 lines, 2 API calls: the API table's products are indexed on
  // first use), and a large one (440 lines, 8 API calls, multi-line jq).
  std::string small = (source / "samples/scaling-image-update/scaling-image-update.yaml").string();
  std::string large = (source / "samples/rolling-update/rolling-update.yaml").string();
  double lintOne = median(50, {oosc, "lint", small});
  double lintLarge = median(50, {oosc, "lint", large});

  std::string one = (dir / "one").string(), many = (dir / "many").string();
  timed({oosc, "build", write(dir / "one.yaml", tasksTemplate(1)), "-o", one});
  timed({oosc, "build", write(dir / "many.yaml", tasksTemplate(1000)), "-o", many});
  double oneRun = fastest(3, {one, "--state", state, "--no-journal"});
  double manyRun = fastest(3, {many, "--state", state, "--no-journal"});
  double perTask = (manyRun - oneRun) / 999;
  // The journal commits a record per task and per API call (WAL): its own figure.
  std::string journal = (dir / "journal.sqlite").string();
  double oneJournaled = fastest(3, {one, "--state", state, "--journal", journal});
  double manyJournaled = fastest(3, {many, "--state", state, "--journal", journal});
  double perTaskJournaled = (manyJournaled - oneJournaled) / 999;

  std::string loop = (dir / "loop").string();
  timed({oosc, "build", write(dir / "loop.yaml", loopTemplate(1000, 50)), "-o", loop});
  double loopRun = timed({loop, "--state", state, "--latency", "100", "--real-time"});
  double ideal = 20 * 0.1; // ceil(1000 / 50) rounds of 100 ms

  std::printf("%-52s %10s %12s\n", "measure", "figure", "target");
  std::printf("%-52s %9.2fs %12s\n", "oosc build samples/update-image", build, "<= 1.5 s");
  std::printf("%-52s %8.1fms %12s\n", "runner start to --help (median of 50)", help * 1e3, "<= 10 ms");
  std::printf("%-52s %8.1fms %12s\n", "oosc lint scaling-image-update.yaml (median of 50)", lintOne * 1e3, "<= 20 ms");
  std::printf("%-52s %8.1fms %12s\n", "oosc lint rolling-update.yaml (median of 50)", lintLarge * 1e3, "");
  std::printf("%-52s %8.1fus %12s\n", "executor overhead per task (1,000 tasks, 0 latency)", perTask * 1e6,
              "<= 20 us");
  std::printf("%-52s %8.1fus %12s\n", "  the same with the journal (2 commits a task)", perTaskJournaled * 1e6,
              "<= 100 us");
  std::printf("%-52s %9.2fs %12s\n", "Loop 1,000 items, Concurrency 50, 100 ms latency", loopRun,
              "<= 2.10 s");
  std::printf("%-52s %9.1f%% %12s\n", "  over the ideal ceil(1000/50) x 100 ms = 2.00 s",
              (loopRun / ideal - 1) * 100, "<= 5 %");
  fs::remove_all(dir);
  return build < 0 || help < 0 || lintOne < 0 || lintLarge < 0 || loopRun < 0 ? 1 : 0;
}
