//===- DiagnosticEngine.h - Collects the diagnostics of one file ----------===//
//
// Every stage reports into the engine; nothing is thrown through the pipeline.
// Printers and the language server read the sorted result.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "support/Diagnostic.h"

#include <deque>

namespace oosc {

class DiagnosticEngine {
public:
  explicit DiagnosticEngine(const SourceFile &file) : file_(file) {}

  const SourceFile &file() const { return file_; }

  /// Reports a diagnostic with the rule's default severity. The reference stays
  /// valid until the engine is destroyed, so notes and fixes can be added.
  Diagnostic &report(RuleId rule, SourceRange range, std::string message);
  /// Reports with an explicit severity (a rule may warn about milder cases).
  Diagnostic &report(RuleId rule, Severity severity, SourceRange range,
                     std::string message);

  /// Adds a diagnostic built elsewhere (e.g. in a scratch engine).
  void add(Diagnostic diagnostic);

  size_t errorCount() const { return errors_; }
  bool hasErrors() const { return errors_ != 0; }

  /// The diagnostics sorted by position, rule and message, duplicates removed.
  std::vector<Diagnostic> takeSorted();

private:
  const SourceFile &file_;
  // A deque keeps references returned by report() stable.
  std::deque<Diagnostic> diagnostics_;
  size_t errors_ = 0;
};

/// Sorts by (begin, end, rule, message) and drops exact duplicates, the order
/// every printer relies on.
void sortAndUnique(std::vector<Diagnostic> &diagnostics);

} // namespace oosc
