//===- BuildCommand.cpp -----------------------------------------------------===//
#include "cli/BuildCommand.h"

#include "driver/ActionFolders.h"
#include "driver/Builder.h"
#include "report/Printers.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>
#include <unistd.h>

namespace oosc::cli {
namespace fs = std::filesystem;

const char *const kBuildHelp = R"(usage: oosc build [options] TEMPLATE... -o OUT

Compiles OOS templates into a native runner that executes them on the
simulated cloud (run `OUT --help` for its options). The templates are linted
first; any error stops the build, printed as `oosc lint` prints it. With
several templates the runner is busybox-style (`OUT NAME [args]`) and
ACS::Template tasks between them resolve inside it.

options:
  -o, --output OUT   the executable to write
  --emit-cpp DIR     keep the generated C++ in DIR
  --actions DIR      product-action definitions: template files named after
                     their action (ACS::ECS::RunInstances.yml, .yaml or .json)
                     at any depth of DIR, as `oosc actions pull` writes them;
                     repeatable, searched in order, before the `actions:`
                     folders of .oosc.yaml, $XDG_DATA_HOME/oosc/actions and
                     oosc's own library. A TEMPLATE named that way defines
                     its action for the others.
  -h, --help         show this help

The compiler is $CXX, else the one oosc was built with. In a sanitized build
of oosc (OOSC_SANITIZE) runners are compiled with the same sanitizers.
)";

const char *const kRunHelp = R"(usage: oosc run [--actions DIR]... TEMPLATE [RUNNER OPTIONS...]

Builds TEMPLATE into a runner cached by content (under $XDG_CACHE_HOME/oosc)
and runs it with the options that follow (see `oosc run TEMPLATE --help`).
Product actions come from the --actions folders first, as for `oosc build`.
)";

namespace {

/// The flags of a space-separated list (none holds a space).
std::vector<std::string> splitFlags(std::string_view list) {
  std::vector<std::string> flags;
  for (size_t start = 0; start < list.size();) {
    size_t end = std::min(list.find(' ', start), list.size());
    if (end > start)
      flags.emplace_back(list.substr(start, end - start));
    start = end + 1;
  }
  return flags;
}

driver::RuntimeLocation runtimeLocation() {
  driver::RuntimeLocation location;
  location.includeDir = OOSC_RUNTIME_INCLUDE_DIR;
  location.cloudIncludeDirs = {OOSC_APIS_INCLUDE_DIR, OOSC_OPENAPI_INCLUDE_DIR};
  location.library = OOSC_RUNTIME_LIBRARY;
  location.actionsDir = OOSC_ACTIONS_DIR;
  location.linkFlags = {"-lpcre2-8", "-ljq", "-lsqlite3", "-pthread"};
  location.compiler = OOSC_RUNNER_COMPILER;
  location.compileFlags = splitFlags(OOSC_RUNNER_FLAGS);
  return location;
}

int reportBuild(const driver::BuildResult &result, llvm::raw_ostream &out, llvm::raw_ostream &err) {
  if (!result.lintReports.empty()) {
    report::printReports(result.lintReports, {report::Format::Text, out.has_colors()}, out);
    err << "oosc build: error: the templates have errors; nothing was built\n";
    return 1;
  }
  for (const std::string &error : result.errors)
    err << "oosc build: error: " << error << '\n';
  return result.ok ? 0 : 1;
}

} // namespace

int runBuild(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err) {
  driver::BuildOptions options;
  options.runtime = runtimeLocation();
  options.compilerVersion = OOSC_VERSION;
  for (size_t i = 0; i < arguments.size(); ++i) {
    const std::string &argument = arguments[i];
    if (argument == "-h" || argument == "--help") {
      out << kBuildHelp;
      return 0;
    }
    if ((argument == "-o" || argument == "--output" || argument == "--emit-cpp") && i + 1 < arguments.size()) {
      (argument == "--emit-cpp" ? options.emitCppDir : options.output) = arguments[++i];
    } else if (argument == "--actions" && i + 1 < arguments.size()) {
      options.actionFolders.push_back(arguments[++i]);
    } else if (!argument.empty() && argument[0] == '-') {
      err << "oosc build: error: unknown option '" << argument << "'\n\n" << kBuildHelp;
      return 2;
    } else {
      options.templates.push_back(argument);
    }
  }
  if (options.templates.empty() || options.output.empty()) {
    err << "oosc build: error: " << (options.templates.empty() ? "no TEMPLATE given" : "no -o OUT given")
        << "\n\n" << kBuildHelp;
    return 2;
  }
  for (const std::string &path : options.templates)
    if (!fs::is_regular_file(path)) {
      err << "oosc build: error: cannot read '" << path << "'\n";
      return 2;
    }
  for (const std::string &folder : options.actionFolders)
    if (!fs::is_directory(folder)) {
      err << "oosc build: error: --actions " << folder << ": no such folder\n";
      return 2;
    }
  options.actionFolders = driver::actionFolders(options.actionFolders, options.templates.front());
  return reportBuild(driver::buildRunner(options), out, err);
}

namespace {

/// FNV-1a over everything that shapes the runner.
uint64_t contentHash(const std::vector<std::string> &texts) {
  uint64_t hash = 1469598103934665603ULL;
  for (const std::string &text : texts) {
    for (unsigned char c : text)
      hash = (hash ^ c) * 1099511628211ULL;
    hash = (hash ^ 0xFF) * 1099511628211ULL;
  }
  return hash;
}

std::string cacheDirectory() {
  if (const char *cache = std::getenv("XDG_CACHE_HOME"); cache && *cache)
    return std::string(cache) + "/oosc/runners";
  if (const char *home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.cache/oosc/runners";
  return "/tmp/oosc-runners";
}

std::string actionLibraryFingerprint(const std::string &directory) {
  std::string fingerprint;
  std::error_code error;
  for (const auto &entry : fs::recursive_directory_iterator(directory, error))
    if (entry.is_regular_file()) {
      std::string text;
      if (auto content = driver::readFile(entry.path().string(), text))
        fingerprint += entry.path().string() + *content;
    }
  return fingerprint;
}

} // namespace

int runRun(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err) {
  if (arguments.empty() || arguments[0] == "-h" || arguments[0] == "--help") {
    (arguments.empty() ? err : out) << kRunHelp;
    return arguments.empty() ? 2 : 0;
  }
  std::vector<std::string> given;
  size_t first = 0;
  for (; first + 1 < arguments.size() && arguments[first] == "--actions"; first += 2)
    if (!fs::is_directory(arguments[first + 1])) {
      err << "oosc run: error: --actions " << arguments[first + 1] << ": no such folder\n";
      return 2;
    } else {
      given.push_back(arguments[first + 1]);
    }
  if (first >= arguments.size()) {
    err << kRunHelp;
    return 2;
  }
  const std::string &path = arguments[first];
  std::vector<std::string> folders = driver::actionFolders(given, path);
  std::string error;
  auto text = driver::readFile(path, error);
  if (!text) {
    err << "oosc run: error: cannot read '" << path << "': " << error << '\n';
    return 2;
  }
  driver::RuntimeLocation runtime = runtimeLocation();
  std::error_code ignored;
  auto libraryTime = fs::last_write_time(runtime.library, ignored).time_since_epoch().count();
  std::vector<std::string> shaping{OOSC_VERSION, *text, std::to_string(libraryTime),
                                   actionLibraryFingerprint(runtime.actionsDir)};
  for (const std::string &folder : folders)
    shaping.push_back(actionLibraryFingerprint(folder));
  uint64_t hash = contentHash(shaping);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  fs::path runner = fs::path(cacheDirectory()) / hex / driver::templateName(path);
  if (!fs::exists(runner)) {
    fs::create_directories(runner.parent_path());
    driver::BuildOptions options;
    options.templates = {path};
    options.actionFolders = folders;
    options.output = runner.string() + ".tmp";
    options.runtime = runtime;
    options.compilerVersion = OOSC_VERSION;
    int status = reportBuild(driver::buildRunner(options), out, err);
    if (status != 0)
      return status;
    fs::rename(options.output, runner); // atomic: a concurrent run sees all or nothing
  }
  out.flush();
  err.flush();
  std::vector<std::string> runnerArguments{runner.string()};
  runnerArguments.insert(runnerArguments.end(), arguments.begin() + first + 1, arguments.end());
  std::vector<char *> argv;
  for (std::string &argument : runnerArguments)
    argv.push_back(argument.data());
  argv.push_back(nullptr);
  execv(runner.c_str(), argv.data());
  err << "oosc run: error: cannot run '" << runner.string() << "'\n";
  return 2;
}

} // namespace oosc::cli
