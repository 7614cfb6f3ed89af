//===- LintPipeline.cpp -----------------------------------------------------===//
#include "LintPipeline.h"

#include "FuzzTarget.h"

#include "driver/Config.h"
#include "driver/Fixes.h"
#include "driver/Linter.h"
#include "report/Printers.h"

#include <llvm/Support/raw_ostream.h>

namespace oosc::fuzz {
namespace {

void checkRange(SourceRange range, size_t size, const Diagnostic &diagnostic, const char *what) {
  fuzzCheck(range.begin <= range.end && range.end <= size,
            std::string(what) + " range [" + std::to_string(range.begin) + ", " + std::to_string(range.end) +
                ") outside a text of " + std::to_string(size) + " bytes: " + diagnostic.message);
}

void checkDiagnostics(const driver::FileReport &report) {
  size_t size = report.file->text().size();
  for (const Diagnostic &diagnostic : report.diagnostics) {
    fuzzCheck(!diagnostic.message.empty(), "a diagnostic without a message");
    checkRange(diagnostic.range, size, diagnostic, "diagnostic");
    for (const DiagnosticNote &note : diagnostic.notes)
      if (note.range)
        checkRange(*note.range, size, diagnostic, "note");
    for (const FixIt &fix : diagnostic.fixes)
      checkRange(fix.range, size, diagnostic, "fix");
  }
}

} // namespace

void lintEverything(std::string_view path, std::string_view text) {
  auto file = std::make_shared<const SourceFile>(std::string(path), std::string(text));
  driver::Config defaults;
  std::vector<driver::FileReport> reports{driver::lintSource(file, &defaults)};
  checkDiagnostics(reports.front());
  llvm::raw_null_ostream out;
  for (report::Format format :
       {report::Format::Text, report::Format::Json, report::Format::Sarif, report::Format::Github})
    report::printReports(reports, {format, /*color=*/true}, out);
  size_t applied = 0;
  std::string fixed = driver::applyFixes(reports.front(), applied);
  driver::unifiedDiff(std::string(path), text, fixed);
}

} // namespace oosc::fuzz
