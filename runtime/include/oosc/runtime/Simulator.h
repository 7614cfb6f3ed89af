//===- Simulator.h - An in-process simulated Alibaba Cloud
//-----------------===//
//
// Runners execute against this simulated cloud by default, so a template can
// be tried without an account, credentials or cost. The simulator answers the
// ECS, ESS and VPC APIs that OOS templates use most, with the response shapes
// their ValueSelectors expect, real-looking error codes, resources that change
// state over (virtual) time, deterministic ids and optional fault injection.
//
// The whole world is one JSON document (snapshot()), optionally persisted to a
// state file so several runs share one world.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Clock.h"
#include "oosc/runtime/Cloud.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oosc::apis {
class ApiTable;
}

namespace oosc::runtime {

/// Makes matching calls fail before they reach the simulated service.
struct FaultRule {
  /// Service code and API name, ignoring case; "" or "*" matches any.
  std::string service, api;
  /// Chance in [0, 1] that a matching call fails, drawn from an RNG seeded by
  /// SimulatorOptions::seed (so a run is reproducible). Ignored when nthCall
  /// is set.
  double probability = 0;
  /// When non-zero, exactly the nth (1-based) call of the matching API in
  /// this simulator fails, and no other.
  unsigned nthCall = 0;
  std::string code = "InternalError";
  /// "" picks the message the real service sends with \c code.
  std::string message;
};

struct SimulatorOptions {
  /// Where the world is persisted; "" keeps it in memory only. An existing
  /// file is loaded; an empty or cut one is an error (a crashed writer or a
  /// full disk), never silently replaced. Runners sharing the file change
  /// it one call at a time under an advisory lock on "<stateFile>.lock".
  std::string stateFile;
  /// Start a new world in stateFile, replacing whatever it holds: the way
  /// to start afresh on purpose (a runner's --new-state).
  bool newState = false;
  /// Seed world used when there is no state yet: a JSON world document, such
  /// as a saved state. Top-level sections it has replace the built-in ones,
  /// the others keep their built-in contents. "" = built-in world only.
  std::string worldFile;
  /// Added to every call. Advances the clock (virtual time by default).
  std::chrono::milliseconds latency{0};
  /// Sleep the latency in real time instead of on the clock, to watch a run
  /// unfold at a human pace.
  bool realLatency = false;
  std::vector<FaultRule> faults;
  /// Seeds the fault RNG and request ids.
  std::uint64_t seed = 1;
  /// The API table whose APIs the generic engine answers where no
  /// hand-written model does (a runner's carried entries, or the whole
  /// table for `oosc sim serve`); null: hand-written models only. Not owned.
  const apis::ApiTable *apis = nullptr;
  /// RunShellScript commands run for real, each instance in a bubblewrap
  /// sandbox of its own (files kept in "<stateFile>.instances", or in a
  /// temporary folder for a world in memory); false, or bwrap missing:
  /// they are read instead (echo, sleep and exit lines).
  bool runScripts = true;
  /// The longest one script may run in real time.
  std::chrono::seconds scriptWallLimit{60};
  /// Not owned; shared with the runner so its waits move simulated time.
  /// nullptr = a private VirtualClock starting at its default epoch.
  Clock *clock = nullptr;
};

/// How the simulator answers an API.
enum class ApiCoverage : uint8_t {
  HandWritten,   ///< a model written for it (ECS instances, OSS, ...)
  Generic,       ///< the generic engine, by what the API's name says
  NotImplemented ///< a modelled NotImplemented error naming what it lacks
};

struct CoveredApi {
  std::string service, api;
  ApiCoverage how = ApiCoverage::NotImplemented;
  std::string note; ///< why not implemented, or where a hand-written one lives
};

class SimulatedCloud : public CloudBackend {
public:
  /// Loads the state file, or else the world file, or else seeds the
  /// built-in world. Never throws for bad input: if loading fails, every
  /// call fails with "Simulator.StateUnavailable" and loadError() says why.
  explicit SimulatedCloud(SimulatorOptions options);
  ~SimulatedCloud() override;
  SimulatedCloud(const SimulatedCloud &) = delete;
  SimulatedCloud &operator=(const SimulatedCloud &) = delete;

  /// Like the constructor, but a world that cannot be loaded is an error
  /// message instead of a simulator that refuses every call.
  static Outcome<std::unique_ptr<SimulatedCloud>>
  open(SimulatorOptions options);

  /// Thread-safe; calls are served one at a time. Every answer carries a
  /// RequestId; a call that fails (including injected faults) changes
  /// nothing in the world.
  Outcome<Value, ApiError> call(std::string_view service, std::string_view api,
                                const Value &parameters) override;
  std::string describe() const override;
  /// The RAM user the built-in world's account has (the generic engine's
  /// seeded `Ram::User`): who runs an execution on the simulated cloud,
  /// its ACS::ExecuteUser.
  static constexpr std::string_view OperatorUser = "sim-operator";

  /// Persists the world to stateFile as pretty JSON, atomically and
  /// durably (a synced temporary file renamed over the old one). Done
  /// within every call that changes resources or sees time pass (a call
  /// whose change cannot be saved fails and changes nothing); the runner
  /// calls it again at exit. Returns false when there is no state file.
  /// Refuses to overwrite a state file that could not be loaded.
  Outcome<bool> save();

  /// Read-only view for tests and debugging: the whole world as JSON, read
  /// again from the state file if another runner changed it.
  Value snapshot() const;

  /// A fresh id "<prefix>-sim<12 digits>" from the world's counter for
  /// \p prefix (e.g. "exec" for execution ids), numbered \p atLeast or
  /// more, so ids continue across runs that share a state file (and past
  /// those a journal already holds). Saved at once.
  Outcome<std::string> newId(std::string_view prefix, std::int64_t atLeast = 0);

  /// Why the world could not be loaded; "" when it was.
  const std::string &loadError() const;

  /// Every API the simulator answers, as (service, API) pairs in table order.
  static std::vector<std::pair<std::string, std::string>> supportedApis();

  /// Every API of \p table, and every hand-written one outside it (OSS), with
  /// how the simulator answers it, product by product in the table's order.
  static std::vector<CoveredApi> coverage(const apis::ApiTable &table);

private:
  struct Impl;
  class Access;
  std::unique_ptr<Impl> impl;
};

} // namespace oosc::runtime
