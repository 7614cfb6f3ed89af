//===- sandbox/ScriptSandbox.cpp --------------------------------------------===//
#include "simulator/sandbox/ScriptSandbox.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace oosc::runtime::sim {
namespace fs = std::filesystem;
namespace {

/// Cloud Assistant keeps the first 24 KB of a command's output.
constexpr size_t kOutputLimit = 24 * 1024;

/// The instance's own folders, bound over the machine's, and where.
constexpr std::pair<std::string_view, std::string_view> kInstanceFolders[] = {
    {"etc", "/etc"}, {"root", "/root"}, {"home", "/home"},           {"var", "/var"},
    {"opt", "/opt"}, {"srv", "/srv"},   {"usr-local", "/usr/local"},
};

/// What a fresh instance's /etc starts with, copied from the machine's: the
/// files programs need to start (the loader's cache, users, the shell's
/// profile) and a script may edit; none holds a secret (no shadow, no keys).
constexpr std::string_view kEtcSeeds[] = {
    "os-release", "debian_version", "passwd",  "group",      "nsswitch.conf", "ld.so.cache", "ld.so.conf",
    "ld.so.conf.d", "profile",      "profile.d", "bash.bashrc", "environment",   "localtime",   "timezone",
    "hosts",        "shells",       "login.defs", "mime.types",
};

/// Trees of the machine's /etc an instance reads but does not own
/// (alternatives for awk, certificates): bound read-only over its /etc
/// rather than copied, since they hold hundreds of links each and copying
/// them made every new instance cost a second of file-system calls.
constexpr std::string_view kEtcShared[] = {"alternatives", "ssl"};

enum class StandInKind { Print, Fetch, Sudo, Sleep };

struct StandIn {
  std::string_view name;
  StandInKind kind;
};

constexpr StandIn kStandIns[] = {
#define OOSC_STAND_IN(name, kind) {name, StandInKind::kind},
#include "simulator/sandbox/StandIns.def"
};

std::string standInScript(const StandIn &standIn) {
  std::string name(standIn.name);
  std::string head = "#!/bin/bash\n# oosc stand-in (StandIns.def): " + name +
                     " exists or works only on a real instance.\n";
  switch (standIn.kind) {
  case StandInKind::Print:
    return head + "echo \"[oosc stand-in] " + name + " $*\"\nexit 0\n";
  case StandInKind::Fetch:
    // The note goes to stderr: `wget -O- URL | sh` must not hand it to the
    // shell as a command (the download's content is what a pipe gets). A
    // file it writes is itself a stand-in: an agent or installer a script
    // downloads, makes executable and runs says what it would do and
    // succeeds, as the commands of StandIns.def do.
    return head + "echo \"[oosc stand-in] " + name + " $*\" >&2\n" +
           "out=''; url=''; remote=0\n"
           "while [ $# -gt 0 ]; do\n"
           "  case \"$1\" in\n"
           "    -O) if [ " + name + " = curl ]; then remote=1; else out=\"$2\"; shift; fi ;;\n"
           "    -o|--output|--output-document) out=\"$2\"; shift ;;\n"
           "    --remote-name) remote=1 ;;\n"
           "    http://*|https://*|ftp://*) url=\"$1\" ;;\n"
           "  esac\n"
           "  shift\n"
           "done\n"
           "if [ -z \"$out\" ] && { [ " + name + " = wget ] || [ $remote = 1 ]; } && [ -n \"$url\" ]; then\n"
           "  out=\"${url##*/}\"; out=\"${out%%\\?*}\"\n"
           "fi\n"
           "if [ -n \"$out\" ] && [ \"$out\" != - ]; then\n"
           "  printf '#!/bin/sh\\n# oosc stand-in: the download of %s (no network in the sandbox)\\n' \"$url\" > \"$out\"\n"
           "  printf 'echo \"[oosc stand-in] $0 $*\"\\n' >> \"$out\"\n"
           "fi\n"
           "exit 0\n";
  case StandInKind::Sudo:
    return head + "while [ $# -gt 0 ]; do\n"
                  "  case \"$1\" in -u|-g) shift 2 ;; -*) shift ;; *) break ;; esac\n"
                  "done\n"
                  "exec \"$@\"\n";
  case StandInKind::Sleep:
    return head + "total=0\n"
                  "for a in \"$@\"; do\n"
                  "  n=\"${a%[smhd]}\"; unit=\"${a#\"$n\"}\"; n=\"${n%%.*}\"\n"
                  "  case \"$n\" in ''|*[!0-9]*) echo \"sleep: invalid time interval '$a'\" >&2; exit 1 ;; esac\n"
                  "  case \"$unit\" in m) n=$((n*60)) ;; h) n=$((n*3600)) ;; d) n=$((n*86400)) ;; esac\n"
                  "  total=$((total+n))\n"
                  "done\n"
                  "echo \"$total\" >> \"${OOSC_SLEPT:-/dev/null}\"\n";
  }
  return head;
}

/// Sourced by every bash of the sandbox (BASH_ENV): a command found
/// nowhere is stood in for, as StandIns.def's Print rows are.
constexpr std::string_view kNotFoundHandler =
    "# oosc: a command this sandbox lacks may be on a real image; it is stood in for.\n"
    "command_not_found_handle() {\n"
    "  echo \"[oosc stand-in] $* (not in the sandbox; a real image may have it)\"\n"
    "  return 0\n"
    "}\n";

bool writeFile(const fs::path &path, std::string_view text, fs::perms perms) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  std::error_code error;
  fs::permissions(path, perms, error);
  return out.good() && !error;
}

std::string onPath(const std::string &name) {
  if (name.find('/') != std::string::npos)
    return access(name.c_str(), X_OK) == 0 ? name : "";
  const char *path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (size_t start = 0; start <= dirs.size();) {
    size_t colon = std::min(dirs.find(':', start), dirs.size());
    std::string candidate = dirs.substr(start, colon - start) + "/" + name;
    if (colon > start && access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = colon + 1;
  }
  return "";
}

/// Ids are the simulator's own (i-sim...), but a world file may hold any:
/// a folder name keeps only what cannot climb out of the root.
std::string folderName(const std::string &text) {
  std::string name;
  for (char c : text)
    name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '_';
  return name.empty() ? "_" : name;
}

void seedEtc(const fs::path &etc) {
  std::error_code error;
  for (std::string_view seed : kEtcSeeds) {
    fs::path from = fs::path("/etc") / seed;
    if (fs::exists(fs::symlink_status(from, error)))
      fs::copy(from, etc / seed,
               fs::copy_options::recursive | fs::copy_options::copy_symlinks | fs::copy_options::skip_existing,
               error);
  }
}

struct Spawned {
  pid_t pid = -1;
  int output = -1;
};

Spawned spawn(const std::vector<std::string> &arguments) {
  int pipeEnds[2];
  if (pipe2(pipeEnds, O_CLOEXEC) != 0)
    return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2);
  std::vector<char *> argv;
  for (const std::string &argument : arguments)
    argv.push_back(const_cast<char *>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  int failed = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipeEnds[1]);
  if (failed != 0) {
    close(pipeEnds[0]);
    return {};
  }
  return {pid, pipeEnds[0]};
}

/// Reads the child's output until it closes it or \p deadline passes
/// (then kills it); returns whether it was killed.
bool collect(Spawned &child, std::string &output, std::chrono::steady_clock::time_point deadline) {
  bool killed = false;
  char buffer[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 && !killed) {
      kill(child.pid, SIGKILL); // bwrap's sandbox dies with it (--die-with-parent)
      killed = true;
    }
    pollfd wanted{child.output, POLLIN, 0};
    int ready = poll(&wanted, 1, killed ? 1000 : static_cast<int>(std::min<long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready == 0) {
      if (killed)
        break; // a straggler holding the pipe: its output is not waited for
      continue;
    }
    ssize_t got = read(child.output, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break;
    if (output.size() < kOutputLimit)
      output.append(buffer, std::min<size_t>(static_cast<size_t>(got), kOutputLimit - output.size()));
  }
  close(child.output);
  return killed;
}

int waitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status))
    return WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return 1;
}

std::int64_t sleptSecondsIn(const fs::path &log) {
  std::ifstream in(log);
  std::int64_t total = 0, seconds = 0;
  while (in >> seconds)
    total += seconds;
  return total;
}

} // namespace

std::unique_ptr<ScriptSandbox> ScriptSandbox::open(const SandboxOptions &options, std::string &why) {
  std::string bwrap = onPath(options.bwrap);
  if (bwrap.empty()) {
    why = "bubblewrap ('" + options.bwrap + "') is not installed (Debian: apt-get install bubblewrap)";
    return nullptr;
  }
  SandboxOptions chosen = options;
  bool ownsRoot = false;
  if (chosen.instancesRoot.empty()) {
    std::string pattern = (fs::temp_directory_path() / "oosc-instances-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      why = "cannot make a folder for the instances' files: " + std::string(std::strerror(errno));
      return nullptr;
    }
    chosen.instancesRoot = pattern;
    ownsRoot = true;
  }
  std::unique_ptr<ScriptSandbox> sandbox(new ScriptSandbox(chosen, bwrap, ownsRoot));
  std::error_code error;
  fs::create_directories(sandbox->standIns_, error);
  if (error) {
    why = "cannot make " + sandbox->standIns_ + ": " + error.message();
    return nullptr;
  }
  constexpr fs::perms kExecutable = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec;
  for (const StandIn &standIn : kStandIns)
    if (!writeFile(fs::path(sandbox->standIns_) / standIn.name, standInScript(standIn), kExecutable)) {
      why = "cannot write the stand-in " + std::string(standIn.name) + " in " + sandbox->standIns_;
      return nullptr;
    }
  writeFile(fs::path(sandbox->standIns_) / ".not-found.bash", kNotFoundHandler, kExecutable);
  return sandbox;
}

ScriptSandbox::ScriptSandbox(SandboxOptions options, std::string bwrapPath, bool ownsRoot)
    : options_(std::move(options)), bwrapPath_(std::move(bwrapPath)),
      standIns_((fs::path(options_.instancesRoot) / ".stand-ins").string()), ownsRoot_(ownsRoot) {}

ScriptSandbox::~ScriptSandbox() {
  std::error_code error;
  if (ownsRoot_)
    fs::remove_all(options_.instancesRoot, error);
}

const std::optional<std::string> &ScriptSandbox::unusable() const {
  std::call_once(probeOnce_, [this] {
    Spawned child = spawn({bwrapPath_, "--unshare-all", "--die-with-parent", "--ro-bind", "/usr", "/usr", "--symlink",
                           "usr/bin", "/bin", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                           "--proc", "/proc", "--dev", "/dev", "/bin/true"});
    if (child.pid < 0) {
      unusable_ = "cannot start " + bwrapPath_ + ": " + std::strerror(errno);
      return;
    }
    std::string output;
    bool killed = collect(child, output, std::chrono::steady_clock::now() + std::chrono::seconds(10));
    int exitCode = waitFor(child.pid);
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r'))
      output.pop_back();
    if (killed || exitCode != 0)
      unusable_ = "bubblewrap cannot make a sandbox on this machine (" +
                  (output.empty() ? "exit " + std::to_string(exitCode) : output) + ")";
  });
  return unusable_;
}

void ScriptSandbox::forgetInstances() const {
  std::error_code error;
  for (const auto &entry : fs::directory_iterator(options_.instancesRoot, error))
    if (entry.path().filename() != ".stand-ins")
      fs::remove_all(entry.path(), error);
}

std::string ScriptSandbox::instanceFolder(const std::string &instanceId) const {
  return (fs::path(options_.instancesRoot) / folderName(instanceId)).string();
}

SandboxRun ScriptSandbox::runShell(const std::string &instanceId, const std::string &runName,
                                   const std::string &script, const std::string &workingDir,
                                   std::chrono::seconds limit) const {
  SandboxRun run;
  std::error_code error;
  fs::path instance = instanceFolder(instanceId);
  bool fresh = !fs::exists(instance / "etc", error);
  for (const auto &[folder, mountPoint] : kInstanceFolders)
    fs::create_directories(instance / folder, error);
  if (fresh) {
    seedEtc(instance / "etc");
    writeFile(instance / "etc" / "hostname", instanceId + "\n", fs::perms::owner_read | fs::perms::owner_write);
  }
  // Where Cloud Assistant keeps the scripts it ran.
  fs::path scripts = instance / "usr-local" / "share" / "aliyun-assist" / "work" / "script";
  fs::create_directories(scripts, error);
  std::string scriptName = folderName(runName) + ".sh";
  writeFile(scripts / scriptName, script, fs::perms::owner_all);
  fs::path runFolder = fs::path(options_.instancesRoot) / ".runs" / (folderName(instanceId) + "-" + folderName(runName));
  fs::create_directories(runFolder, error);

  std::vector<std::string> arguments = {bwrapPath_, "--unshare-all", "--die-with-parent", "--new-session",
                                        "--hostname", folderName(instanceId), "--ro-bind", "/usr", "/usr",
                                        "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                                        "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
                                        "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/run"};
  for (const auto &[folder, mountPoint] : kInstanceFolders)
    for (const std::string &part : std::initializer_list<std::string>{"--bind", (instance / folder).string(), std::string(mountPoint)})
      arguments.push_back(part);
  for (std::string_view shared : kEtcShared)
    for (const std::string &part : std::initializer_list<std::string>{
             "--ro-bind-try", "/etc/" + std::string(shared), "/etc/" + std::string(shared)})
      arguments.push_back(part);
  for (const std::string &part : std::initializer_list<std::string>{"--ro-bind", standIns_, "/oosc/stand-ins", "--bind", runFolder.string(), "/oosc/run",
                                  "--chdir", "/root", "--clearenv", "--setenv", "HOME", "/root", "--setenv", "USER",
                                  "root", "--setenv", "LOGNAME", "root", "--setenv", "SHELL", "/bin/bash", "--setenv",
                                  "LANG", "C.UTF-8", "--setenv", "PATH",
                                  "/oosc/stand-ins:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                  "--setenv", "BASH_ENV", "/oosc/stand-ins/.not-found.bash", "--setenv", "OOSC_SLEPT",
                                  "/oosc/run/slept"})
    arguments.push_back(part);
  std::string inside = "/usr/local/share/aliyun-assist/work/script/" + scriptName;
  if (workingDir.empty()) {
    for (const std::string &part : std::initializer_list<std::string>{"/bin/bash", inside})
      arguments.push_back(part);
  } else {
    // A working folder that does not exist fails the run, as on a real
    // instance; bash says which.
    for (const std::string &part : std::initializer_list<std::string>{
             "/bin/bash", "-c", "cd -- \"$0\" && exec /bin/bash \"$1\"", workingDir, inside})
      arguments.push_back(part);
  }

  Spawned child = spawn(arguments);
  if (child.pid < 0) {
    run.exitCode = 127;
    run.output = "[oosc] could not start " + bwrapPath_ + ": " + std::strerror(errno) + "\n";
    return run;
  }
  auto wall = std::min(limit, options_.wallLimit);
  run.timedOut = collect(child, run.output, std::chrono::steady_clock::now() + wall);
  run.exitCode = waitFor(child.pid);
  run.sleptSeconds = sleptSecondsIn(runFolder / "slept");
  fs::remove_all(runFolder, error);
  // The script may hold secret parameters Cloud Assistant substituted:
  // nothing keeps it after its run.
  fs::remove(scripts / scriptName, error);
  return run;
}

} // namespace oosc::runtime::sim
