//===- CheckJqSyntax.cpp - jq scripts compile (`jq-syntax`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkJqSyntax(AnalysisContext &) {}

} // namespace oosc::analysis
