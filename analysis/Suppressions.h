//===- Suppressions.h - `# oosc-disable...` comments -----------------------===//
//
// Silences chosen rules where a template says so, with the reason beside:
//
//   # oosc-disable-next-line RULE[, RULE...] [-- reason]   the next line
//   # oosc-disable RULE[, ...] ... # oosc-enable RULE[, ...]  a block
//   # oosc-disable-file RULE[, ...]                          the whole file
//
// A suppression that silences nothing, or names no rule, is reported itself
// (rule `unused-suppression`), so stale ones do not pile up.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "support/Diagnostic.h"

namespace oosc::analysis {

/// Removes the suppressed diagnostics from `diagnostics` and adds one for
/// each unused or malformed suppression; the result stays sorted.
void applySuppressions(const SourceFile &file, std::vector<Diagnostic> &diagnostics);

} // namespace oosc::analysis
