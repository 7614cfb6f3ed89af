//===- Linter.cpp -----------------------------------------------------------===//
#include "driver/Linter.h"

#include "driver/Config.h"
#include "driver/RunTemplates.h"

#include "analysis/Analyzer.h"
#include "analysis/Suppressions.h"
#include "frontend/Frontend.h"
#include "oosc/runtime/Jq.h"
#include "oosc/runtime/ParameterConstraints.h"

#include <llvm/Support/ThreadPool.h>
#include <llvm/Support/Threading.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <cstring>
#include <fstream>
#include <sstream>

namespace oosc::driver {

size_t FileReport::count(Severity severity) const {
  size_t n = 0;
  for (const Diagnostic &diagnostic : diagnostics)
    n += diagnostic.severity == severity;
  return n;
}

AnalyzedSource analyzeSource(std::shared_ptr<const SourceFile> file, const Config *config,
                             const analysis::TemplateLibrary *templates) {
  return analyzeSource(std::move(file), SourceOptions{config, templates});
}

AnalyzedSource analyzeSource(std::shared_ptr<const SourceFile> file, const SourceOptions &source) {
  // PCRE2 patterns compiled once per worker thread, reused across its files;
  // bounded, for the language server, which lives for days.
  constexpr size_t kMaxCachedPatterns = 1024;
  thread_local runtime::PatternCache patterns;
  patterns.limitTo(kMaxCachedPatterns);
  // libjq confirms jq errors; it compiles only scripts the linter's own
  // checker rejects (rare), each once per worker thread (LRU-bounded).
  thread_local runtime::JqEngine jq;
  const Config *config = source.config;
  DiagnosticEngine diagnostics(*file);
  auto parsed = std::make_shared<frontend::ParsedTemplate>(frontend::parseTemplate(*file, diagnostics));
  analysis::AnalysisOptions options;
  options.documentComplete = parsed->complete;
  options.templates = source.templates;
  options.jq = source.confirmJqWithLibjq ? &jq : nullptr;
  analysis::analyze(parsed->tmpl, diagnostics, patterns, options);
  std::vector<Diagnostic> sorted = diagnostics.takeSorted();
  analysis::applySuppressions(*file, sorted);
  if (config)
    config->apply(sorted);
  else
    configFor(file->path())->apply(sorted);
  return {{std::move(file), std::move(sorted)}, std::move(parsed)};
}

FileReport lintSource(std::shared_ptr<const SourceFile> file, const Config *config,
                      const analysis::TemplateLibrary *templates) {
  return analyzeSource(std::move(file), config, templates).report;
}

std::optional<std::string> readFile(const std::string &path, std::string &error) {
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << input.rdbuf();
  if (input.bad()) {
    error = "read error";
    return std::nullopt;
  }
  return text.str();
}

static FileReport lintPath(const std::string &path, const Config &config,
                           const RunTemplates &templates) {
  std::string error;
  std::optional<std::string> text = readFile(path, error);
  if (!text) {
    auto file = std::make_shared<const SourceFile>(path, "");
    Diagnostic diagnostic{RuleId::YamlSyntax, Severity::Error, SourceRange::at(0),
                          "cannot read file: " + error, {}, {}};
    return {file, {diagnostic}};
  }
  return lintSource(std::make_shared<const SourceFile>(path, std::move(*text)), &config, &templates);
}

/// The configuration of each path, read once per folder for the whole run.
static std::vector<std::shared_ptr<const Config>> configsFor(const std::vector<std::string> &paths) {
  std::map<std::string, std::shared_ptr<const Config>> byFolder;
  std::vector<std::shared_ptr<const Config>> configs;
  for (const std::string &path : paths) {
    std::string folder = std::filesystem::path(path).parent_path().string();
    auto [it, inserted] = byFolder.emplace(folder, nullptr);
    if (inserted)
      it->second = configFor(path);
    configs.push_back(it->second);
  }
  return configs;
}

std::vector<FileReport> lintFiles(const std::vector<std::string> &paths, const LintOptions &options) {
  std::vector<FileReport> reports(paths.size());
  std::vector<std::shared_ptr<const Config>> configs = configsFor(paths);
  RunTemplates templates(paths, options.actionFolders);
  unsigned jobs = options.jobs ? options.jobs : llvm::hardware_concurrency().compute_thread_count();
  if (jobs <= 1 || paths.size() <= 1) {
    for (size_t i = 0; i < paths.size(); ++i)
      reports[i] = lintPath(paths[i], *configs[i], templates);
    return reports;
  }
  llvm::ThreadPool pool(llvm::hardware_concurrency(jobs));
  for (size_t i = 0; i < paths.size(); ++i)
    pool.async([&reports, &paths, &configs, &templates, i] {
      reports[i] = lintPath(paths[i], *configs[i], templates);
    });
  pool.wait();
  return reports;
}

} // namespace oosc::driver
