//===- CorpusRunTest.cpp - Alibaba's public templates run on the simulator ---===//
//
// Every public template of ../shared/corpus/oos-templates/PublicTemplates
// (its YAML side) is built, with the corpus's CloudProductActions as the
// product-action folder and PublicTemplates itself as the public templates
// an ACS::Template names (OOS resolves those for every account), into
// busybox runners of 60 templates; each is run on a fresh simulated world
// with the parameters a person would type given (ordinary-parameters.txt:
// a script, a topic's name) and the rest filled by --pick-defaults, its approvals
// given in advance (--answer approve, as the account's approver would), its
// pauses for a manual step resumed (--answer resume, as the operator would
// once the step is done) and a time limit (a schedule ends after two firings), and its outcome
// classified: Success,
// Failed (with the reason), waiting (an approval, a pause, or an event
// trigger no event set off), refused (lint
// errors, parameters that cannot be picked). The counts and every
// non-Success with its reason are written to corpus-run.md in the build
// folder (the README quotes them).
//
// What it holds the simulator to: no runner crashes or hangs unclassified,
// and the count of Success never falls below the floor measured when it was
// last raised (kSuccessFloor): a change that loses a template fails here.
//
//===----------------------------------------------------------------------===//
#include "cli/Subprocess.h"
#include "driver/Linter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <regex>

namespace {

namespace fs = std::filesystem;
using oosc::testing::RunResult;
using oosc::testing::runProgram;

constexpr size_t kTemplatesPerRunner = 60;
/// Seconds of wall time a template may run (virtual time runs faster).
constexpr const char *kTimeLimitSeconds = "30";
/// Raised as the simulator learns: the Success count measured last.
constexpr size_t kSuccessFloor = 241;

struct Outcome {
  std::string name;
  std::string kind;   ///< Success, Failed, waiting, refused, timed out, crashed
  std::string reason; ///< for all but Success
};

std::vector<std::string> publicTemplates(const fs::path &root) {
  std::vector<std::string> files;
  for (const auto &entry : fs::directory_iterator(root / "PublicTemplates" / "YAML"))
    if (entry.is_regular_file() && entry.path().extension() == ".yml")
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

/// What ordinary-parameters.txt gives the templates it names.
struct Given {
  /// -p arguments, by template name.
  std::map<std::string, std::vector<std::string>> parameters;
  /// The templates built into the same runner (an ACS::Template whose
  /// TemplateName is a parameter calls one of them), by template name.
  std::map<std::string, std::vector<std::string>> builtWith;
};

Given ordinaryParameters() {
  Given given;
  std::ifstream in(OOSC_ORDINARY_PARAMETERS);
  EXPECT_TRUE(in) << "cannot read " << OOSC_ORDINARY_PARAMETERS;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.front() == '#')
      continue;
    size_t space = line.find(' ');
    if (space == std::string::npos || space + 1 == line.size()) {
      ADD_FAILURE() << "not TEMPLATE NAME=VALUE or TEMPLATE +OTHER: " << line;
      continue;
    }
    std::string name = line.substr(0, space), rest = line.substr(space + 1);
    if (rest.front() == '+')
      given.builtWith[name].push_back(rest.substr(1));
    else if (rest.find('=') != std::string::npos)
      given.parameters[name].insert(given.parameters[name].end(), {"-p", rest});
    else
      ADD_FAILURE() << "not TEMPLATE NAME=VALUE or TEMPLATE +OTHER: " << line;
  }
  return given;
}

/// \p batch with the templates its members are built with added.
std::vector<std::string> withCompanions(std::vector<std::string> batch, const Given &given) {
  for (size_t i = 0, members = batch.size(); i < members; ++i) {
    auto it = given.builtWith.find(fs::path(batch[i]).stem().string());
    if (it == given.builtWith.end())
      continue;
    for (const std::string &other : it->second) {
      std::string path = (fs::path(batch[i]).parent_path() / (other + ".yml")).string();
      if (std::find(batch.begin(), batch.end(), path) == batch.end())
        batch.push_back(path);
    }
  }
  return batch;
}

std::string lastLineWith(const std::string &text, const std::string &needle) {
  std::string found;
  size_t at = 0;
  while ((at = text.find(needle, at)) != std::string::npos) {
    size_t begin = text.rfind('\n', at);
    begin = begin == std::string::npos ? 0 : begin + 1;
    size_t end = text.find('\n', at);
    found = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    at = end == std::string::npos ? text.size() : end;
  }
  return found;
}

/// The innermost cause of a failure line: chained "X failed: Y" messages
/// end in the one the cloud or the runtime gave.
std::string innermost(std::string line) {
  for (const char *prefix : {"execution Failed: ", "error: "})
    if (size_t at = line.find(prefix); at != std::string::npos)
      line = line.substr(at + std::string(prefix).size());
  static const std::regex chained(R"(^.*(?:failed|Failed): )");
  std::smatch match;
  while (std::regex_search(line, match, chained) && match.length(0) < static_cast<long>(line.size()))
    line = match.suffix().str();
  return line.size() > 160 ? line.substr(0, 160) + "..." : line;
}

Outcome classify(const std::string &name, const RunResult &run) {
  Outcome outcome{name, "", ""};
  // A schedule's trigger ends Success whatever its firings did (--firings 2
  // ends it): the firings are what ran the template.
  static const std::regex failedFirings(R"re("failed":([1-9][0-9]*))re");
  std::smatch failed;
  if (run.exitCode == 0 && run.out.find("\"firings\"") != std::string::npos &&
      std::regex_search(run.out, failed, failedFirings)) {
    outcome.kind = "Failed";
    outcome.reason = failed[1].str() + " firings Failed; " + innermost(lastLineWith(run.err, "Failed  "));
  } else if (run.exitCode == 0 && run.out.find(R"("firings":{"success":0,"failed":0,"cancelled":0})") !=
                                       std::string::npos) {
    // An event or alarm trigger nothing set off while it listened (a day
    // of world time): on OOS the execution would wait for its event.
    outcome.kind = "waiting";
    std::string listened = innermost(lastLineWith(run.err, "stopped listening"));
    outcome.reason = listened.substr(std::min(listened.find_first_not_of(' '), listened.size()));
  } else if (run.exitCode == 0) {
    outcome.kind = "Success";
  } else if (run.exitCode == 1 && run.err.find("cannot wait for an answer") != std::string::npos) {
    // An approval or a pause nobody can answer in a run without a journal:
    // on OOS the execution would wait there.
    outcome.kind = "waiting";
    outcome.reason = innermost(lastLineWith(run.err, "cannot wait for an answer"));
  } else if (run.exitCode == 1) {
    outcome.kind = "Failed";
    outcome.reason = innermost(lastLineWith(run.err, "execution Failed"));
  } else if (run.exitCode == 2) {
    outcome.kind = "refused";
    outcome.reason = innermost(lastLineWith(run.err, "error:"));
  } else if (run.exitCode == 3) {
    outcome.kind = "Cancelled";
    outcome.reason = innermost(lastLineWith(run.err, "execution Cancelled"));
  } else if ((run.exitCode == 124 || run.signal == SIGKILL || run.exitCode == 137) &&
             run.err.find(": Success (execution ") != std::string::npos) {
    // A schedule (ACS::TimerTrigger) fires until its EndDate: on OOS the
    // execution stays Running all that time. Its firings tell how it runs.
    size_t fired = 0, succeeded = 0;
    for (size_t at = 0; (at = run.err.find("\n  firing at ", at)) != std::string::npos; ++at) {
      size_t end = run.err.find('\n', at + 1);
      std::string line = run.err.substr(at, end - at);
      if (line.find(": Running, ") != std::string::npos)
        continue;
      ++fired;
      succeeded += line.find(": Success (execution ") != std::string::npos;
    }
    outcome.kind = "scheduled";
    outcome.reason = std::to_string(fired) + " firings in " + kTimeLimitSeconds + " s, " + std::to_string(succeeded) +
                     " Success";
  } else if (run.exitCode == 124 || run.signal == SIGKILL || run.exitCode == 137) {
    std::string waiting = lastLineWith(run.err, "Waiting  ");
    outcome.kind = waiting.empty() ? "timed out" : "waiting";
    outcome.reason = waiting.empty() ? "still running after " + std::string(kTimeLimitSeconds) + " s" : waiting;
  } else {
    outcome.kind = "crashed";
    outcome.reason = "exit " + std::to_string(run.exitCode) + ", signal " + std::to_string(run.signal) + ": " +
                     lastLineWith(run.err, "");
  }
  if (outcome.reason.empty() && outcome.kind != "Success")
    outcome.reason = lastLineWith(run.err, "");
  return outcome;
}

/// Builds \p batch (with the templates its members are built with) into
/// \p runner; when that fails, each template alone, so one template's
/// problem does not hide the others. Returns the members built.
std::vector<std::string> buildBatch(const std::vector<std::string> &batch, const std::string &runner,
                                    const std::vector<std::string> &folders, const Given &given,
                                    std::vector<Outcome> &outcomes) {
  auto build = [&](const std::vector<std::string> &paths, const std::string &out) {
    std::vector<std::string> arguments{"build"};
    for (const std::string &folder : folders)
      arguments.insert(arguments.end(), {"--actions", folder});
    std::vector<std::string> all = withCompanions(paths, given);
    arguments.insert(arguments.end(), all.begin(), all.end());
    arguments.insert(arguments.end(), {"-o", out});
    return runProgram(OOSC_BINARY, arguments);
  };
  if (build(batch, runner).exitCode == 0)
    return batch;
  std::vector<std::string> built;
  for (const std::string &path : batch) {
    RunResult alone = build({path}, runner + "-single");
    if (alone.exitCode == 0)
      built.push_back(path);
    else
      outcomes.push_back({fs::path(path).stem().string(), "refused",
                          "oosc build: " + innermost(lastLineWith(alone.err + alone.out, "error"))});
  }
  if (!built.empty()) {
    EXPECT_EQ(build(built, runner).exitCode, 0);
  }
  return built;
}

std::string reportOf(const std::vector<Outcome> &outcomes, size_t total,
                     const Given &given) {
  std::map<std::string, size_t> kinds;
  std::map<std::string, size_t> reasons;
  for (const Outcome &outcome : outcomes) {
    ++kinds[outcome.kind];
    if (outcome.kind != "Success")
      ++reasons[outcome.kind + ": " + outcome.reason];
  }
  std::string text = "# Public templates on the simulator\n\n" + std::to_string(total) + " templates:";
  for (const auto &[kind, count] : kinds)
    text += " " + std::to_string(count) + " " + kind + ",";
  text.back() = '.';
  text += "\n\n## Reasons, most frequent first\n\n";
  std::vector<std::pair<std::string, size_t>> sorted(reasons.begin(), reasons.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](auto &a, auto &b) { return a.second > b.second; });
  for (const auto &[reason, count] : sorted)
    text += "- " + std::to_string(count) + " × " + reason + "\n";
  text += "\n## Every template\n\n(given: the parameters tests/corpus/ordinary-parameters.txt gives it)\n\n";
  for (const Outcome &outcome : outcomes) {
    text += "- " + outcome.name + ": " + outcome.kind + (outcome.reason.empty() ? "" : " (" + outcome.reason + ")");
    if (auto it = given.parameters.find(outcome.name); it != given.parameters.end()) {
      text += "; given";
      for (size_t i = 1; i < it->second.size(); i += 2)
        text += " " + it->second[i].substr(0, it->second[i].find('='));
    }
    text += "\n";
  }
  return text;
}

TEST(CorpusRun, PublicTemplatesRunOnTheSimulator) {
  const char *env = std::getenv("OOSC_CORPUS_DIR");
  fs::path root = fs::path(env ? env : OOSC_CORPUS_DIR_DEFAULT) / "oos-templates";
  if (!fs::is_directory(root / "PublicTemplates"))
    GTEST_SKIP() << "public templates not found at " << root << " (set OOSC_CORPUS_DIR)";
  std::vector<std::string> folders{(root / "CloudProductActions").string(), (root / "PublicTemplates").string()};
  std::vector<std::string> all = publicTemplates(root);
  ASSERT_GT(all.size(), 250u);

  Given given = ordinaryParameters();
  auto isPublic = [&](const std::string &name) {
    return std::any_of(all.begin(), all.end(), [&](auto &path) { return fs::path(path).stem() == name; });
  };
  for (const auto &[name, arguments] : given.parameters)
    EXPECT_TRUE(isPublic(name)) << "ordinary-parameters.txt names '" << name << "', which is not a public template";
  for (const auto &[name, others] : given.builtWith)
    for (const std::string &other : others)
      EXPECT_TRUE(isPublic(name) && isPublic(other)) << "ordinary-parameters.txt: " << name << " +" << other;
  std::vector<Outcome> outcomes;
  std::vector<std::string> clean;
  for (const oosc::driver::FileReport &report : oosc::driver::lintFiles(all, {})) {
    if (report.count(oosc::Severity::Error) == 0) {
      clean.push_back(report.file->path());
      continue;
    }
    std::string first;
    for (const oosc::Diagnostic &diagnostic : report.diagnostics)
      if (diagnostic.severity == oosc::Severity::Error) {
        first = diagnostic.message + " [" + std::string(oosc::ruleInfo(diagnostic.rule).name) + "]";
        break;
      }
    outcomes.push_back({fs::path(report.file->path()).stem().string(), "refused", "lint: " + first});
  }

  fs::path dir = fs::temp_directory_path() / ("oosc-corpus-run-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (size_t first = 0; first < clean.size(); first += kTemplatesPerRunner) {
    std::vector<std::string> batch(clean.begin() + first,
                                   clean.begin() + std::min(clean.size(), first + kTemplatesPerRunner));
    std::string runner = (dir / ("runner" + std::to_string(first))).string();
    std::vector<std::string> built = buildBatch(batch, runner, folders, given, outcomes);
    // Two at a time: the machine's cores; each run is a process of its own.
    for (size_t i = 0; i < built.size(); i += 2) {
      std::vector<std::future<Outcome>> running;
      for (size_t j = i; j < std::min(built.size(), i + 2); ++j)
        running.push_back(std::async(std::launch::async, [&, path = built[j]] {
          std::string name = fs::path(path).stem().string();
          std::vector<std::string> arguments{"--signal=KILL", kTimeLimitSeconds, runner, name, "--pick-defaults",
                                             "--firings", "2", "--answer", "approve", "--answer", "resume", "--state",
                                             (dir / (name + ".json")).string(), "--journal",
                                             (dir / (name + ".sqlite")).string()};
          if (auto it = given.parameters.find(name); it != given.parameters.end())
            arguments.insert(arguments.end(), it->second.begin(), it->second.end());
          RunResult run = runProgram("/usr/bin/timeout", arguments);
          return classify(name, run);
        }));
      for (auto &future : running)
        outcomes.push_back(future.get());
    }
  }
  fs::remove_all(dir);

  std::sort(outcomes.begin(), outcomes.end(), [](const Outcome &a, const Outcome &b) { return a.name < b.name; });
  std::string report = reportOf(outcomes, all.size(), given);
  std::ofstream(OOSC_CORPUS_RUN_REPORT) << report;
  size_t successes = std::count_if(outcomes.begin(), outcomes.end(), [](auto &o) { return o.kind == "Success"; });
  std::printf("[ corpus   ] %s", report.substr(report.find("\n\n") + 2, report.find("\n\n## ") - report.find("\n\n") - 1).c_str());
  std::printf("[ corpus   ] report: %s\n", OOSC_CORPUS_RUN_REPORT);
  EXPECT_EQ(outcomes.size(), all.size()) << "every template is classified once";
  for (const Outcome &outcome : outcomes)
    EXPECT_NE(outcome.kind, "crashed") << outcome.name << ": " << outcome.reason;
  EXPECT_GE(successes, kSuccessFloor) << "fewer public templates run to Success than before; see " << OOSC_CORPUS_RUN_REPORT;
}

} // namespace
