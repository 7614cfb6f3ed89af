//===- Verifier.h - Expected diagnostics written inside test templates -----===//
//
// A golden case is a template whose comments say which diagnostics it must
// produce, clang -verify style:
//
//   # expect[@LINE][:COLUMN[-ENDCOLUMN]]: SEVERITY[RULE] TEXT
//
// LINE is absolute (12) or relative to the comment (+1, -2); without it the
// comment's own line. COLUMN and ENDCOLUMN, when given, must equal the
// diagnostic's 1-based start and end columns. TEXT must occur in the message.
// A file without any expectation must say `# expect-no-diagnostics`.
// JSON cannot hold comments, so X.json takes its directives from X.json.expect
// (relative lines are then meaningless: use absolute ones).
//
// Every diagnostic must match exactly one directive and every directive one
// diagnostic; a note is matched by `note[]` right after its diagnostic's.
//
//   # expect-ignore: RULE[, RULE...]
//
// anywhere in the file (or its .expect) leaves the diagnostics of those rules,
// and their notes, out of the comparison: a case about one rule need not
// restate what other rules say of its incidental parts (a parameter it
// declares only to have one). Each ignored rule must report something in the
// file, so the directive cannot go stale; a case under tests/golden/RULE may
// not ignore RULE; and an `# expect` of an ignored rule is a contradiction.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "driver/Linter.h"

#include <string>
#include <vector>

namespace oosc::testing {

struct Expectation {
  uint32_t line = 0;
  uint32_t column = 0;    ///< 0: any
  uint32_t endColumn = 0; ///< 0: any
  std::string severity;
  std::string rule;
  std::string text;
  uint32_t directiveLine = 0;
};

/// A rule named by `# expect-ignore:`.
struct IgnoredRule {
  std::string rule;
  uint32_t directiveLine = 0;
};

struct ParsedExpectations {
  std::vector<Expectation> expectations;
  std::vector<IgnoredRule> ignored;
  bool noDiagnostics = false;
  std::vector<std::string> errors; ///< malformed directives
};

/// Reads directives from the lines of `directives` (the template itself, or
/// the .expect file for JSON).
ParsedExpectations parseExpectations(const std::string &directives, bool allowRelative);

/// Compares; returns a readable report of what is missing and what is extra,
/// empty when everything matches. `caseDirectory` is the golden directory
/// holding the case (a rule name, or "ok"...): its rule cannot be ignored.
std::string verify(const driver::FileReport &report, const ParsedExpectations &expected,
                   std::string_view caseDirectory = {});

} // namespace oosc::testing
