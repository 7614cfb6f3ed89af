//===- sandbox/ScriptSandbox.h - Shell scripts run for real, fenced in ----===//
//
// A RunShellScript command sent to a simulated instance runs in bubblewrap
// (Debian's `bwrap`): a real bash on the machine's /usr, read-only, with
// no network, its own pid, user and host-name namespaces, and a file
// system of its own per instance that persists with the world:
//   /etc /root /home /var /opt /srv /usr/local  the instance's, kept
//                                               (a fresh /etc starts as a
//                                               few files of the machine's)
//   /tmp /run                                   empty at each run
//   /usr                                        the machine's, read-only
// The commands of StandIns.def are stood in for; `sleep` moves the world's
// clock instead of the machine's. A run has a real time limit; past it
// the run is killed and ends as a timeout.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace oosc::runtime::sim {

struct SandboxOptions {
  /// Where the instances' file systems live (one folder each); "" makes a
  /// private temporary folder, removed with the sandbox.
  std::string instancesRoot;
  /// The longest a script may run in real time.
  std::chrono::seconds wallLimit{60};
  /// The bubblewrap program; found on PATH when a bare name.
  std::string bwrap = "bwrap";
};

/// What one run of a script did.
struct SandboxRun {
  int exitCode = 0;
  /// stdout and stderr as they interleaved, cut at Cloud Assistant's 24 KB.
  std::string output;
  /// Seconds the script slept on the world's clock.
  std::int64_t sleptSeconds = 0;
  /// Killed at the real time limit.
  bool timedOut = false;
};

class ScriptSandbox {
public:
  /// A sandbox, or null with \p why set when bwrap cannot be found or the
  /// folders cannot be made.
  static std::unique_ptr<ScriptSandbox> open(const SandboxOptions &options, std::string &why);
  ~ScriptSandbox();
  ScriptSandbox(const ScriptSandbox &) = delete;
  ScriptSandbox &operator=(const ScriptSandbox &) = delete;

  /// Runs \p script with bash on instance \p instanceId in \p workingDir
  /// ("" = /root), at most \p limit (and the sandbox's wall limit) in
  /// real time. \p runName names the script's file on the instance, as
  /// Cloud Assistant keeps it (the invocation's id).
  SandboxRun runShell(const std::string &instanceId, const std::string &runName, const std::string &script,
                      const std::string &workingDir, std::chrono::seconds limit) const;

  /// Removes every instance's files: a new world's instances start empty
  /// even where an old world's had the same ids.
  void forgetInstances() const;

  /// Why bubblewrap cannot make a sandbox on this machine (user namespaces
  /// turned off, say), as its first run tells; nothing when it can.
  const std::optional<std::string> &unusable() const;

private:
  ScriptSandbox(SandboxOptions options, std::string bwrapPath, bool ownsRoot);
  std::string instanceFolder(const std::string &instanceId) const;

  SandboxOptions options_;
  std::string bwrapPath_;
  mutable std::once_flag probeOnce_;
  mutable std::optional<std::string> unusable_;
  std::string standIns_;
  bool ownsRoot_ = false;
};

} // namespace oosc::runtime::sim
