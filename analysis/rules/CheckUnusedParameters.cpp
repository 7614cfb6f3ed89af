//===- CheckUnusedParameters.cpp - Parameters nothing reads (`unused-parameter`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkUnusedParameters(AnalysisContext &) {}

} // namespace oosc::analysis
