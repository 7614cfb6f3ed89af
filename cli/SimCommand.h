//===- SimCommand.h - `oosc sim serve` --------------------------------------===//
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/raw_ostream.h>

namespace oosc::cli {

extern const char *const kSimHelp;

/// `oosc sim serve [options]`: serves the simulated cloud until SIGINT or
/// SIGTERM, then saves the world. Exit 0, or 2 for bad usage.
int runSim(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err);

} // namespace oosc::cli
