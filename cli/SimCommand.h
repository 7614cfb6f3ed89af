//===- SimCommand.h - `oosc sim serve` and `oosc sim coverage` --------------===//
#pragma once

#include <string>
#include <vector>

#include "oosc/runtime/Simulator.h"

#include <llvm/Support/raw_ostream.h>

namespace oosc::cli {

extern const char *const kSimHelp;

/// `oosc sim serve [options]`: serves the simulated cloud until SIGINT or
/// SIGTERM, then saves the world. Exit 0, or 2 for bad usage.
int runSim(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err);

/// `oosc sim coverage [-o FILE]`: every API of the table and how the
/// simulator answers it, as Markdown. Exit 0, 1 if FILE cannot be written,
/// 2 for bad usage.
int runSimCoverage(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err);

/// The coverage list as Markdown: the counts, then a row per API.
std::string coverageMarkdown(const std::vector<runtime::CoveredApi> &apis);

} // namespace oosc::cli
