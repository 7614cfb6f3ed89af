// SimServe.h - The simulated cloud served on the wire: `oosc sim serve`.
//
// One address for every simulated product, answering as the real OpenAPI
// endpoints do (see src/OpenApiFront.h), over the same SimulatedCloud that
// runners embed, so a runner on `--cloud aliyun --endpoint` and one on the
// built-in simulator can be held to the same final world.
#ifndef OOSC_SIMSERVE_SIMSERVE_H
#define OOSC_SIMSERVE_SIMSERVE_H

#include "oosc/apis/ApiTable.h"
#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Simulator.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace oosc::simserve {

/// The key pair accepted when none is given: printed on start, for tests and
/// local trials only.
inline constexpr const char *kTestKeyId = "LTAI5tOoscSimulatorTestKey";
inline constexpr const char *kTestKeySecret = "oosc-simulator-test-secret";

struct SimServeOptions {
  std::string host = "127.0.0.1";
  int port = 0; ///< 0: a free port
  runtime::SimulatorOptions simulator;
  /// `ID:SECRET` pairs accepted; empty: the test key pair.
  std::vector<std::pair<std::string, std::string>> accessKeys;
  unsigned maxConnections = 256;
  /// The world's time runs this many times faster than the wall clock
  /// (1: real time). Latency is always slept for real: it is on the wire.
  double timeScale = 1;
  /// RAM actions refused with Forbidden.RAM (`ecs:DeleteInstance`).
  std::vector<std::string> deniedActions;
  /// Folders of template files named after their template: OOS's
  /// GetTemplate answers them as OOS answers its public templates.
  std::vector<std::string> templateFolders;
};

class SimServe {
public:
  /// Loads the world and starts listening; an unreadable world or a busy
  /// port is an error saying so.
  static runtime::Outcome<std::unique_ptr<SimServe>> start(SimServeOptions options, const apis::ApiTable &table);
  ~SimServe();

  int port() const;
  std::string url() const; ///< `http://127.0.0.1:PORT`
  /// Stops serving and saves the world (when it has a state file).
  runtime::Outcome<bool> stop();
  runtime::SimulatedCloud &cloud();
  /// Requests the front has handled, answered or refused.
  std::uint64_t requestsServed() const;
  /// Connections accepted so far.
  std::uint64_t connectionsAccepted() const;

  struct Parts;

private:
  explicit SimServe(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

} // namespace oosc::simserve

#endif
