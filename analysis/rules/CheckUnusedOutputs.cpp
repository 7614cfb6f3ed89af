//===- CheckUnusedOutputs.cpp - Task outputs nothing reads (`unused-output`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkUnusedOutputs(AnalysisContext &) {}

} // namespace oosc::analysis
