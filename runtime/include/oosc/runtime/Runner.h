//===- Runner.h - The command line of a generated runner -------------------===//
#pragma once

#include "oosc/apis/ApiTable.h"
#include "oosc/runtime/Cloud.h"
#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Program.h"

#include <memory>
#include <string>
#include <vector>

namespace oosc::runtime {

struct RunnerImage;

/// What `--cloud aliyun` asks of the real cloud's client.
struct RealCloudSettings {
  std::string region;
  std::string endpoint; ///< --endpoint, or "" for the API table's
  bool vpcEndpoints = false;
  bool signatureV1 = false;
  std::string profile; ///< --profile: an aliyun CLI profile
  long timeScale = 1;  ///< --time-scale: only for a test cloud on loopback
};

/// Opens the real cloud for a run: the OpenAPI client (openapi/), which the
/// generated main hands over, so that the runtime needs nothing of it.
using RealCloudOpener = Outcome<std::unique_ptr<CloudBackend>> (*)(const RealCloudSettings &settings,
                                                                   const RunnerImage &image);

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
  /// `--cloud aliyun`; null in a runner built without the client.
  RealCloudOpener openRealCloud = nullptr;
};

/// The runner's `main`: parses options and parameters, runs the template on
/// the simulated cloud, prints progress on stderr and outputs on stdout.
/// Exit status: 0 Success, 1 Failed, 2 bad usage or parameters, 3 Cancelled.
int runnerMain(int argc, char **argv, const RunnerImage &image);

} // namespace oosc::runtime
