//===- CheckUnknownActions.cpp - Actions OOS has (`unknown-action`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkUnknownActions(AnalysisContext &) {}

} // namespace oosc::analysis
