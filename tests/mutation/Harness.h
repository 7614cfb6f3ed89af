//===- Harness.h - Lint mutants and judge whether the linter caught them ---===//
//
// A mutant is caught when, compared with the original template (its
// diagnostics moved to where their text is in the mutant), the mutant has a
// NEW diagnostic of the expected rule on the expected line and no new
// diagnostic of another rule on that line.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Mutant.h"

#include "driver/Linter.h"

#include <map>

namespace oosc::mutation {

/// Lints a text as `oosc lint` would, with the default configuration (no
/// .oosc.yaml near the corpus may change the result).
driver::AnalyzedSource lintText(const std::string &path, std::string text);

/// The original is a baseline only when the linter accepts it: no errors,
/// and a parse complete enough for whole-template checks.
bool usableAsBaseline(const driver::AnalyzedSource &original);

struct Verdict {
  bool caught = false;
  /// The original already has a diagnostic of the expected rule on the
  /// expected line: the injected defect is one the template already had, so
  /// the mutant tells nothing and is not counted.
  bool alreadyPresent = false;
  uint32_t line = 0;    ///< the expected line, 1-based, in the mutant
  std::string reported; ///< what the mutant has on that line, for a miss
};

Verdict judge(const driver::FileReport &original, const Edit &edit, RuleId expected);

/// At most `cap` of `edits`, spread evenly over them (first, middle, ...):
/// fixed, so every run makes the same mutants.
std::vector<Edit> spreadSelection(std::vector<Edit> edits, size_t cap);

struct Miss {
  std::string file;
  std::string_view kind;
  uint32_t line = 0;
  std::string what;
  std::string reported;
};

struct Tally {
  size_t candidates = 0; ///< edits proposed, before the per-file cap
  size_t mutants = 0;
  size_t caught = 0;
  size_t alreadyPresent = 0; ///< mutants repeating a defect the original has
};

struct RunOptions {
  /// Mutants of one kind per template; keeps the corpus run well under a minute.
  size_t perKindPerFile = 4;
};

struct RunResult {
  std::map<std::string_view, Tally> perKind;
  std::vector<Miss> misses;
  size_t templatesUsed = 0;
  size_t templatesRejected = 0;

  /// Over the counted kinds only (see kKindsNotYetCounted).
  Tally counted() const;
};

RunResult runMutants(const std::vector<std::string> &paths, const RunOptions &options);

/// The grep-able figure, the per-kind breakdown and every miss.
std::string describe(const RunResult &result);

} // namespace oosc::mutation
