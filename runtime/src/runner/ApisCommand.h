//===- ApisCommand.h - `RUNNER apis`: the API entries a runner carries ------===//
#pragma once

#include "oosc/runtime/Runner.h"

#include <ostream>

namespace oosc::runtime {

/// Prints one line per API the runner carries: product, API version, API,
/// its parameters (how many, which required) and whether its answer's shape
/// is known. Exit status 0.
int apisCommand(const RunnerImage &image, std::ostream &out);

} // namespace oosc::runtime
