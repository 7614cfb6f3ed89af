//===- Subprocess.h - Run the real oosc binary from a test -----------------===//
#pragma once

#include <string>
#include <vector>

namespace oosc::testing {

struct RunResult {
  int exitCode = -1;       ///< -1 when the process did not exit normally
  int signal = 0;          ///< the signal that ended it, if any
  std::string out;
  std::string err;
  long maxResidentKiB = 0; ///< peak memory of the child
};

/// Runs `program arguments...` with stdout and stderr captured.
RunResult runProgram(const std::string &program, const std::vector<std::string> &arguments);

} // namespace oosc::testing
