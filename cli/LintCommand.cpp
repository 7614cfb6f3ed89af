//===- LintCommand.cpp ------------------------------------------------------===//
#include "cli/LintCommand.h"

#include "cli/CommandLine.h"
#include "cli/TemplateFiles.h"

#include <filesystem>
#include "driver/ActionFolders.h"
#include "driver/Baseline.h"
#include "driver/Config.h"
#include "driver/Fixes.h"
#include "driver/Linter.h"
#include "report/Printers.h"
#include "support/RuleDocs.h"

#include <llvm/Support/Format.h>

#include <algorithm>
#include <set>

namespace oosc::cli {
namespace {

bool useColor(ColorMode mode, llvm::raw_ostream &out) {
  switch (mode) {
  case ColorMode::Always:
    return true;
  case ColorMode::Never:
    return false;
  case ColorMode::Auto:
    return !std::getenv("NO_COLOR") && out.has_colors();
  }
  return false;
}

void listRules(llvm::raw_ostream &out) {
  for (const RuleInfo &rule : allRules())
    out << llvm::format("%-22s %-8s ", rule.name.data(), severityName(rule.defaultSeverity).data())
        << rule.summary << '\n';
}

/// --fix: writes each fixed file (or prints its diff); returns how many
/// files changed.
size_t applyAllFixes(const std::vector<driver::FileReport> &reports, bool dryRun, llvm::raw_ostream &out,
                     llvm::raw_ostream &err) {
  size_t changed = 0;
  for (const driver::FileReport &report : reports) {
    size_t applied = 0;
    std::string fixed = driver::applyFixes(report, applied);
    if (applied == 0)
      continue;
    ++changed;
    if (dryRun) {
      out << driver::unifiedDiff(report.file->path(), report.file->text(), fixed);
      continue;
    }
    std::error_code error;
    llvm::raw_fd_ostream file(report.file->path(), error);
    if (error) {
      err << "oosc lint: error: cannot write '" << report.file->path() << "': " << error.message() << '\n';
      continue;
    }
    file << fixed;
    err << "oosc lint: fixed " << applied << (applied == 1 ? " problem" : " problems") << " in "
        << report.file->path() << '\n';
  }
  return changed;
}

int explainRule(const std::string &name, llvm::raw_ostream &out, llvm::raw_ostream &err) {
  auto rule = findRule(name);
  if (!rule) {
    err << "oosc lint: error: no rule named '" << name << "' (see oosc lint --list-rules)\n";
    return 2;
  }
  const RuleInfo &info = ruleInfo(*rule);
  const RuleDoc &doc = ruleDoc(*rule);
  out << info.name << " (" << severityName(info.defaultSeverity) << "): " << info.summary << "\n\n"
      << "What it checks: " << doc.checks << "\n\nWhy: " << doc.why << "\n\nExample:\n\n";
  llvm::StringRef example(doc.example.data(), doc.example.size());
  while (!example.empty()) {
    auto [line, rest] = example.split('\n');
    out << "    " << line << '\n';
    example = rest;
  }
  return 0;
}

} // namespace

int runLint(const std::vector<std::string> &arguments, llvm::raw_ostream &out,
            llvm::raw_ostream &err) {
  ParsedLintArguments parsed = parseLintArguments(arguments);
  if (!parsed.error.empty()) {
    err << "oosc lint: error: " << parsed.error << "\n\n" << kLintHelp;
    return 2;
  }
  const LintCommandOptions &options = parsed.options;
  if (options.help) {
    out << kLintHelp;
    return 0;
  }
  if (options.listRules) {
    listRules(out);
    return 0;
  }
  if (!options.explain.empty())
    return explainRule(options.explain, out, err);
  std::vector<std::string> problems;
  std::vector<std::string> files = collectTemplateFiles(options.paths, problems);
  // Paths a .oosc.yaml ignores are left out; its own mistakes are said once.
  std::set<std::string> configProblems;
  files.erase(std::remove_if(files.begin(), files.end(),
                             [&](const std::string &path) {
                               auto config = driver::configFor(path);
                               configProblems.insert(config->problems.begin(), config->problems.end());
                               return config->ignores(path);
                             }),
              files.end());
  for (const std::string &problem : configProblems)
    err << "oosc lint: warning: " << problem << '\n';
  for (const std::string &problem : problems)
    err << "oosc lint: error: " << problem << '\n';
  if (!problems.empty())
    return 2;

  for (const std::string &folder : options.actionFolders)
    if (!std::filesystem::is_directory(folder)) {
      err << "oosc lint: error: --actions " << folder << ": no such folder\n";
      return 2;
    }
  driver::LintOptions lintOptions;
  lintOptions.jobs = options.jobs;
  // The folders of the first file's .oosc.yaml stand for the run's.
  lintOptions.actionFolders = driver::actionFolders(options.actionFolders, files.empty() ? "" : files.front());
  std::vector<driver::FileReport> reports = driver::lintFiles(files, lintOptions);
  if (options.fix) {
    size_t fixedFiles = applyAllFixes(reports, options.dryRun, out, err);
    if (fixedFiles > 0 && !options.dryRun)
      reports = driver::lintFiles(files, lintOptions); // report what is left
    if (options.dryRun)
      return 0;
  }
  if (!options.writeBaseline.empty()) {
    driver::Baseline baseline = driver::Baseline::fromReports(reports);
    std::string error;
    if (!baseline.write(options.writeBaseline, error)) {
      err << "oosc lint: error: " << error << '\n';
      return 2;
    }
    err << "oosc lint: recorded " << baseline.size() << " diagnostics in " << options.writeBaseline << '\n';
    return 0;
  }
  if (!options.baseline.empty()) {
    std::string error;
    auto baseline = driver::Baseline::read(options.baseline, error);
    if (!baseline) {
      err << "oosc lint: error: " << error << '\n';
      return 2;
    }
    baseline->filter(reports);
  }
  // Output is ordered by path, whatever order the command line gave.
  std::stable_sort(reports.begin(), reports.end(),
                   [](const driver::FileReport &a, const driver::FileReport &b) {
                     return a.file->path() < b.file->path();
                   });
  report::printReports(reports, {options.format, useColor(options.color, out)}, out);
  out.flush();
  bool anyError = std::any_of(reports.begin(), reports.end(), [](const driver::FileReport &r) {
    return r.count(Severity::Error) > 0;
  });
  return anyError ? 1 : 0;
}

} // namespace oosc::cli
