//===- CheckActionProperties.cpp - Properties against the callee (`action-properties`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkActionProperties(AnalysisContext &) {}

} // namespace oosc::analysis
