//===- CheckTypeMismatch.cpp - Values against their use (`type-mismatch`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkTypeMismatch(AnalysisContext &) {}

} // namespace oosc::analysis
