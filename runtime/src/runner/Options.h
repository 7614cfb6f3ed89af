//===- runner/Options.h - A runner's command line, read -------------------===//
#pragma once

#include "executor/Steering.h"
#include "oosc/runtime/Program.h"
#include "oosc/runtime/Simulator.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oosc::runtime {

/// What the options of `RUNNER [NAME] [options]` asked for.
struct RunnerOptions {
  /// -p and --parameters, by declared name; how each was given.
  Value parameters = Value(Value::Map{});
  std::map<std::string, std::string> parametersGivenAs;
  bool dryRun = false;
  bool placeholders = false;
  bool pickDefaults = false; ///< fill required parameters from the cloud's pickers
  bool interactive = false;  ///< ask for required parameters, offering the pickers' values
  bool help = false;
  bool jsonLog = false;
  bool realTime = false;
  std::string stateFile;
  bool newState = false; ///< --new-state: a new world replaces the state file's
  /// --read-scripts: Cloud Assistant shell scripts are read, not run in
  /// the instances' sandboxes (a machine without bubblewrap's namespaces).
  bool readScripts = false;
  std::string worldFile;
  std::string journalFile; ///< empty: journal.sqlite beside the state file
  bool noJournal = false;
  std::string resumeId; ///< `--resume`: the interrupted execution to continue
  bool postWebhooks = false; ///< `--webhooks post`: ACS::Notify really posts
  unsigned killAfterCall = 0, killAfterRecord = 0;
  std::string region = "cn-hangzhou";
  std::chrono::milliseconds latency{0};
  std::vector<FaultRule> faults;
  std::optional<std::chrono::system_clock::time_point> now; ///< --now: the virtual clock's start
  std::string resumeSchedule; ///< --resume-schedule: the trigger execution to continue
  /// --firings: a trigger execution ends after this many firings (0: at EndDate).
  unsigned long long maxFirings = 0;
  /// --event: events an ACS::EventTrigger or ACS::AlarmTrigger fires on,
  /// instead of waiting for the cloud's.
  std::vector<Value> events;
  /// --listen-for: how long an event or alarm trigger waits; nothing: a day
  /// of world time on the simulator's virtual clock, else until cancelled.
  std::optional<std::chrono::seconds> listenFor;
  ExecutionMode mode = ExecutionMode::Automatic;
  LoopMode loopMode = LoopMode::Automatic;
  /// --answer [TASK=]VERB: approvals, pauses and other questions answered
  /// in advance (an unattended run: CI, a test harness).
  std::vector<GivenAnswer> answers;
  /// --cloud aliyun: the real cloud's OpenAPI (or an endpoint speaking it)
  /// instead of the built-in simulated cloud.
  bool realCloud = false;
  std::string endpoint;     ///< --endpoint URL: every call goes there
  bool vpcEndpoints = false; ///< --endpoint-type vpc
  bool signatureV1 = false;  ///< --signature v1 (RPC APIs)
  std::string profile;       ///< --profile NAME (~/.aliyun/config.json)
  /// --time-scale N: a test cloud on loopback whose time runs N times
  /// faster (`oosc sim serve --time-scale N`); waits are N times shorter.
  long timeScale = 1;
  /// --preflight: ask the cloud (DryRun) whether the calls would be allowed.
  bool preflight = false;
};

/// The --help text for \p def.
std::string runnerUsage(const std::string &program, const TemplateDef &def);

/// Reads argv[first..argc) into \p options; the error says what is wrong.
std::optional<std::string> parseRunnerArguments(const TemplateDef &def, int argc, char **argv,
                                                int first, RunnerOptions &options);

/// $XDG_STATE_HOME/oosc/simulator.json, or ~/.local/state/..., or /tmp/...
std::string defaultStateFile();

} // namespace oosc::runtime
