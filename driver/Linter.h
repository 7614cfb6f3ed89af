//===- Linter.h - Lint one template or many, in parallel -------------------===//
//
// The pipeline shared by every front end: frontend, then analysis, into one
// diagnostic list per file. The CLI, the language server and the compiler
// all call this.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/Frontend.h"
#include "support/Diagnostic.h"

#include <memory>
#include <string>
#include <vector>

namespace oosc::analysis {
class TemplateLibrary;
}

namespace oosc::driver {

/// The result for one file.
struct FileReport {
  std::shared_ptr<const SourceFile> file;
  std::vector<Diagnostic> diagnostics; ///< sorted by position

  size_t count(Severity severity) const;
};

struct Config;

/// Lints text already in memory (the language server's open documents),
/// with the given configuration, or the nearest .oosc.yaml when null.
/// `templates` are those an ACS::Template task may name (null: none).
FileReport lintSource(std::shared_ptr<const SourceFile> file, const Config *config = nullptr,
                      const analysis::TemplateLibrary *templates = nullptr);

/// A linted text with its parse kept, for features that navigate it
/// (hover, definition, rename in the language server).
struct AnalyzedSource {
  FileReport report;
  std::shared_ptr<const frontend::ParsedTemplate> parsed;
};

AnalyzedSource analyzeSource(std::shared_ptr<const SourceFile> file, const Config *config = nullptr,
                             const analysis::TemplateLibrary *templates = nullptr);

/// How one text is analysed.
struct SourceOptions {
  /// The configuration; null: the nearest .oosc.yaml.
  const Config *config = nullptr;
  /// Templates an ACS::Template task may name; null: none.
  const analysis::TemplateLibrary *templates = nullptr;
  /// Whether libjq confirms a jq script the project's checker rejects
  /// before it is reported (rule jq-syntax). The language server says no:
  /// it would compile a new rejected script at nearly every keystroke,
  /// and libjq 1.6 leaks 21 bytes on each that stops inside a string
  /// (`"unterminated`, `"\(1; 2)"`), which a process that runs for days
  /// cannot afford. The two verdicts are held equal by tests (about 400
  /// scripts and every selector of the corpus), so the server's
  /// diagnostics are the CLI's.
  bool confirmJqWithLibjq = true;
};
AnalyzedSource analyzeSource(std::shared_ptr<const SourceFile> file, const SourceOptions &options);

struct LintOptions {
  /// Worker threads; 0 means one per core.
  unsigned jobs = 0;
  /// Folders of product-action definitions (ActionFolders.h): their
  /// actions are known, with their properties and outputs.
  std::vector<std::string> actionFolders;
};

/// Reads and lints files in parallel; an ACS::Template may name any of them
/// (by file name without extension) and is checked against it. The result is in the order of `paths`,
/// whatever order the workers finish in. A file that cannot be read yields
/// a report with a yaml-syntax error saying why.
std::vector<FileReport> lintFiles(const std::vector<std::string> &paths, const LintOptions &options);

/// Reads a whole file; nothing when it cannot be read (`error` says why).
std::optional<std::string> readFile(const std::string &path, std::string &error);

} // namespace oosc::driver
