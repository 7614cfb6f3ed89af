//===- LintCommand.h - `oosc lint` ------------------------------------------===//
#pragma once

#include <llvm/Support/raw_ostream.h>

#include <string>
#include <vector>

namespace oosc::cli {

/// Runs `oosc lint` with the arguments after "lint"; returns the exit status.
int runLint(const std::vector<std::string> &arguments, llvm::raw_ostream &out,
            llvm::raw_ostream &err);

} // namespace oosc::cli
