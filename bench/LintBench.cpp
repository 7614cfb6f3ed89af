//===- LintBench.cpp - Lint throughput against yaml-cpp's own parse time ---===//
//
// usage: lint_bench DIR [REPEATS]
// Reads every .yml/.yaml/.json below DIR into memory, then, REPEATS times
// (default 5), times one pass of yaml-cpp's YAML::Load over all files and one
// pass of the whole oosc lint pipeline over all files, both on this one
// thread. Reports the fastest pass of each, files per second and the ratio,
// so the two are measured in the same run under the same conditions.
//
//===----------------------------------------------------------------------===//
#include "driver/Linter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Input {
  std::string path;
  std::string text;
};

std::vector<Input> readTree(const std::string &root) {
  std::vector<Input> inputs;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(root)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() ||
        (extension != ".yml" && extension != ".yaml" && extension != ".json"))
      continue;
    std::string error;
    if (auto text = oosc::driver::readFile(entry.path().string(), error))
      inputs.push_back({entry.path().string(), std::move(*text)});
  }
  std::sort(inputs.begin(), inputs.end(),
            [](const Input &a, const Input &b) { return a.path < b.path; });
  return inputs;
}

template <typename Pass> double timeOnce(Pass &&pass) {
  auto start = Clock::now();
  pass();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lint_bench DIR [REPEATS]\n");
    return 2;
  }
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<Input> inputs = readTree(argv[1]);
  if (inputs.empty()) {
    std::fprintf(stderr, "lint_bench: no templates under %s\n", argv[1]);
    return 2;
  }
  size_t bytes = 0, diagnostics = 0;
  for (const Input &input : inputs)
    bytes += input.text.size();

  double bestYaml = 1e9, bestLint = 1e9;
  for (int round = 0; round < repeats; ++round) {
    bestYaml = std::min(bestYaml, timeOnce([&] {
      for (const Input &input : inputs) {
        try {
          YAML::Node node = YAML::Load(input.text);
        } catch (const YAML::Exception &) {
        }
      }
    }));
    bestLint = std::min(bestLint, timeOnce([&] {
      diagnostics = 0;
      for (const Input &input : inputs) {
        auto file = std::make_shared<const oosc::SourceFile>(input.path, input.text);
        diagnostics += oosc::driver::lintSource(file).diagnostics.size();
      }
    }));
  }
  std::printf("files            %zu (%.1f MB)\n", inputs.size(), bytes / 1e6);
  std::printf("yaml-cpp Load    %.3f s  %.0f files/s\n", bestYaml, inputs.size() / bestYaml);
  std::printf("oosc lint        %.3f s  %.0f files/s  (%zu diagnostics)\n", bestLint,
              inputs.size() / bestLint, diagnostics);
  std::printf("lint / yaml-cpp  %.2fx\n", bestLint / bestYaml);
  return 0;
}
