//===- BuildCommand.h - `oosc build` and `oosc run` ------------------------===//
#pragma once

#include <llvm/Support/raw_ostream.h>

#include <string>
#include <vector>

namespace oosc::cli {

/// `oosc build TEMPLATE... -o OUT [--emit-cpp DIR]`; returns the exit status.
int runBuild(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err);

/// `oosc run TEMPLATE [RUNNER ARGS...]`: builds into a cache keyed by
/// content, then runs the runner; returns its exit status.
int runRun(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err);

extern const char *const kBuildHelp;
extern const char *const kRunHelp;

} // namespace oosc::cli
