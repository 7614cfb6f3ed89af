//===- Runner.h - The command line of a generated runner -------------------===//
#pragma once

#include "oosc/apis/ApiTable.h"
#include "oosc/runtime/Program.h"

#include <vector>

namespace oosc::runtime {

/// Everything compiled into one runner binary: the user's templates (the
/// first is the default) and the cloud-product actions they use, which are
/// templates too and are found by their action name.
struct RunnerImage {
  std::vector<const TemplateDef *> templates;
  std::vector<const TemplateDef *> actions;
  /// The API table's entries for the APIs the templates call with a literal
  /// Service and API, nothing more (`RUNNER apis` lists them).
  const apis::ProductRecord *apiProducts = nullptr;
  std::size_t apiProductCount = 0;
};

/// The runner's `main`: parses options and parameters, runs the template on
/// the simulated cloud, prints progress on stderr and outputs on stdout.
/// Exit status: 0 Success, 1 Failed, 2 bad usage or parameters, 3 Cancelled.
int runnerMain(int argc, char **argv, const RunnerImage &image);

} // namespace oosc::runtime
