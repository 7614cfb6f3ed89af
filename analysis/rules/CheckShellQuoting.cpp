//===- CheckShellQuoting.cpp - Parameters unquoted in shell commands (`unquoted-shell-parameter`). ===//
// Registered ahead of its implementation; being written on a branch.
#include "analysis/Rules.h"

namespace oosc::analysis {

void checkShellQuoting(AnalysisContext &) {}

} // namespace oosc::analysis
