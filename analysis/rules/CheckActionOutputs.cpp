//===- CheckActionOutputs.cpp - Outputs selected from the callee (`action-outputs`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkActionOutputs(AnalysisContext &) {}

} // namespace oosc::analysis
