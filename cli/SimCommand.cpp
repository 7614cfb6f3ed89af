//===- SimCommand.cpp - `oosc sim serve` ------------------------------------===//
#include "cli/SimCommand.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/runtime/OptionValues.h"
#include "oosc/simserve/SimServe.h"

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <optional>

namespace oosc::cli {

const char *const kSimHelp = R"(usage: oosc sim serve [options]
       oosc sim coverage [-o FILE]

Serves the simulated cloud over HTTP as Alibaba Cloud's OpenAPI endpoints
speak (RPC by GET or POST, signatures v1 and v3 checked, JSON or XML
answers, the real error bodies), every simulated product on one address.
Point a runner at it with `--cloud aliyun --endpoint URL`, or an SDK client
with the address as its endpoint. The first line on stdout is
`listening on http://HOST:PORT`. SIGINT or SIGTERM stops it; the world is
saved after every change, so even a killed server leaves a whole world file.

options:
  --listen HOST:PORT     where to listen (default 127.0.0.1:0, a free port)
  --state FILE           the world, kept between runs (default: in memory)
  --world FILE           a world to start from when there is no state yet
  --access-key ID:SECRET a key pair to accept (repeatable); without one, a
                         fixed test pair is accepted and printed on start
  --latency MS           added to every call, in real time (0 to 3600000)
  --time-scale N         the world's time runs N times faster than the wall
                         clock (1 to 100000, default 1): a runner given the
                         same --time-scale sees minutes of waiting pass in
                         seconds
  --deny ACTION          a RAM action the keys lack (`ecs:DeleteInstance`,
                         repeatable): its calls answer Forbidden.RAM
  --fail SERVICE.API[:CODE][@N|~P]
                         make an API fail: its Nth call, or each call with
                         probability P (repeatable)
  --templates DIR        OOS's public templates and product actions: the
                         template files of DIR, named after their template
                         (`ACS::ECS::RunInstances.yml`, any depth), answered
                         by OOS GetTemplate as OOS answers its own
                         (repeatable; `oosc actions pull` reads them)
  -h, --help             show this help

`oosc sim coverage` lists every API of oosc's API table, and the
hand-written ones outside it, with how the simulated cloud answers it:
a hand-written model, the generic engine, or a NotImplemented error naming
what it lacks (Markdown, on stdout or into FILE).
)";

namespace {

struct Parsed {
  simserve::SimServeOptions options;
  bool help = false;
};

std::optional<std::string> parseListen(const std::string &text, simserve::SimServeOptions &options) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos)
    return "--listen takes HOST:PORT, got '" + text + "'";
  auto port = runtime::parseIntegerIn(std::string_view(text).substr(colon + 1), 0, 65535);
  if (!port)
    return "--listen: '" + text.substr(colon + 1) + "' is not a port (0 to 65535)";
  options.host = text.substr(0, colon);
  options.port = static_cast<int>(*port);
  return std::nullopt;
}

/// Reads the arguments after `serve`; the error names the option.
std::optional<std::string> parseServe(const std::vector<std::string> &arguments, Parsed &parsed) {
  simserve::SimServeOptions &options = parsed.options;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string &name = arguments[i];
    if (name == "-h" || name == "--help") {
      parsed.help = true;
      continue;
    }
    static const char *const kTakesValue[] = {"--listen", "--state", "--world", "--access-key", "--latency", "--fail",
                                              "--time-scale", "--deny", "--templates"};
    if (std::find(std::begin(kTakesValue), std::end(kTakesValue), name) == std::end(kTakesValue))
      return name.rfind("-", 0) == 0 ? "unknown option '" + name + "'" : "unexpected argument '" + name + "'";
    if (i + 1 >= arguments.size())
      return name + " needs a value";
    const std::string &value = arguments[++i];
    if (name == "--listen") {
      if (auto error = parseListen(value, options))
        return error;
    } else if (name == "--state") {
      options.simulator.stateFile = value;
    } else if (name == "--world") {
      options.simulator.worldFile = value;
    } else if (name == "--access-key") {
      std::size_t colon = value.find(':');
      if (colon == std::string::npos || colon == 0 || colon + 1 == value.size())
        return "--access-key takes ID:SECRET";
      options.accessKeys.emplace_back(value.substr(0, colon), value.substr(colon + 1));
    } else if (name == "--latency") {
      auto latency = runtime::parseLatency(value);
      if (auto *error = std::get_if<std::string>(&latency))
        return *error;
      options.simulator.latency = std::get<std::chrono::milliseconds>(latency);
    } else if (name == "--deny") {
      if (value.find(':') == std::string::npos)
        return "--deny takes a RAM action such as ecs:DeleteInstance, got '" + value + "'";
      options.deniedActions.push_back(value);
    } else if (name == "--templates") {
      std::error_code error;
      if (!std::filesystem::is_directory(value, error))
        return "--templates: '" + value + "' is not a folder";
      options.templateFolders.push_back(value);
    } else if (name == "--time-scale") {
      auto scale = runtime::parseIntegerIn(value, 1, 100000);
      if (!scale)
        return "--time-scale takes a whole number from 1 to 100000, got '" + value + "'";
      options.timeScale = static_cast<double>(*scale);
    } else if (name == "--fail") {
      auto rule = runtime::parseFault(value);
      if (auto *error = std::get_if<std::string>(&rule))
        return *error;
      options.simulator.faults.push_back(std::get<runtime::FaultRule>(rule));
    }
  }
  return std::nullopt;
}

} // namespace

int runSim(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err) {
  if (!arguments.empty() && arguments[0] == "coverage")
    return runSimCoverage({arguments.begin() + 1, arguments.end()}, out, err);
  if (arguments.empty() || arguments[0] != "serve") {
    bool help = !arguments.empty() && (arguments[0] == "-h" || arguments[0] == "--help");
    (help ? out : err) << kSimHelp;
    return help ? 0 : 2;
  }
  Parsed parsed;
  if (auto error = parseServe({arguments.begin() + 1, arguments.end()}, parsed)) {
    err << "oosc sim serve: error: " << *error << "\n(see oosc sim serve --help)\n";
    return 2;
  }
  if (parsed.help) {
    out << kSimHelp;
    return 0;
  }
  // The signals are taken by sigwait below, on this thread; every thread the
  // server starts inherits the mask, so none of them is interrupted.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
  bool testKey = parsed.options.accessKeys.empty();
  std::string stateFile = parsed.options.simulator.stateFile;
  auto served = simserve::SimServe::start(std::move(parsed.options), apis::cloudApis());
  if (!served) {
    err << "oosc sim serve: error: " << served.error().message << '\n';
    return 2;
  }
  out << "listening on " << served.value()->url() << '\n';
  if (testKey)
    out << "accepting the test key pair: ALIBABA_CLOUD_ACCESS_KEY_ID=" << simserve::kTestKeyId
        << " ALIBABA_CLOUD_ACCESS_KEY_SECRET=" << simserve::kTestKeySecret << '\n';
  out.flush();
  int signal = 0;
  sigwait(&stopSignals, &signal);
  auto saved = served.value()->stop();
  if (!saved) {
    err << "oosc sim serve: error: the world was not saved: " << saved.error().message << '\n';
    return 1;
  }
  err << "oosc sim serve: stopped (" << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ")"
      << (saved.value() ? "; the world is saved in " + stateFile : "") << '\n';
  return 0;
}

} // namespace oosc::cli
