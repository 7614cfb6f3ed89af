//===- DiagnosticEngine.cpp -------------------------------------------------===//
#include "support/DiagnosticEngine.h"

#include <algorithm>
#include <tuple>

namespace oosc {

Diagnostic &DiagnosticEngine::report(RuleId rule, SourceRange range,
                                     std::string message) {
  return report(rule, ruleInfo(rule).defaultSeverity, range, std::move(message));
}

Diagnostic &DiagnosticEngine::report(RuleId rule, Severity severity,
                                     SourceRange range, std::string message) {
  if (severity == Severity::Error)
    ++errors_;
  diagnostics_.push_back({rule, severity, range, std::move(message), {}, {}});
  return diagnostics_.back();
}

void DiagnosticEngine::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::Error)
    ++errors_;
  diagnostics_.push_back(std::move(diagnostic));
}

void sortAndUnique(std::vector<Diagnostic> &diagnostics) {
  auto key = [](const Diagnostic &d) {
    return std::tie(d.range.begin, d.range.end, d.rule, d.message);
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic &a, const Diagnostic &b) { return key(a) < key(b); });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end(),
                                [&](const Diagnostic &a, const Diagnostic &b) {
                                  return key(a) == key(b) && a.severity == b.severity;
                                }),
                    diagnostics.end());
}

/// Stages may point one past the last byte ("at the end of the file");
/// every consumer gets ranges inside the file.
static void clampToFile(SourceRange &range, uint32_t size) {
  range.begin = std::min(range.begin, size);
  range.end = std::min(std::max(range.end, range.begin), size);
}

std::vector<Diagnostic> DiagnosticEngine::takeSorted() {
  std::vector<Diagnostic> result(std::make_move_iterator(diagnostics_.begin()),
                                 std::make_move_iterator(diagnostics_.end()));
  uint32_t size = static_cast<uint32_t>(file_.text().size());
  for (Diagnostic &diagnostic : result) {
    clampToFile(diagnostic.range, size);
    for (DiagnosticNote &note : diagnostic.notes)
      if (note.range)
        clampToFile(*note.range, size);
    for (FixIt &fix : diagnostic.fixes)
      clampToFile(fix.range, size);
  }
  diagnostics_.clear();
  errors_ = 0;
  sortAndUnique(result);
  return result;
}

} // namespace oosc
