// SimulatedCloud.cpp - The public face of the simulator: loading and saving
// the world, mapping clock time to world time, and serving calls (latency,
// faults, dispatch, request ids, atomic failure).
#include "World.h"

#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace oosc::runtime {

using namespace sim;

namespace {

enum class FileState { Missing, Blank, Read };

/// Reads \p path; whitespace-only files count as Blank so a file made by
/// mktemp can name a state that does not exist yet.
Outcome<FileState> readFile(const std::string &path, std::string &text) {
  std::error_code error;
  if (!std::filesystem::exists(path, error))
    return FileState::Missing;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail("cannot read '" + path + "'");
  std::ostringstream contents;
  contents << in.rdbuf();
  text = contents.str();
  return text.find_first_not_of(" \t\r\n") == std::string::npos
             ? FileState::Blank
             : FileState::Read;
}

Outcome<Value> loadDocument(const SimulatorOptions &options, Millis now) {
  std::string text;
  if (!options.stateFile.empty()) {
    auto state = readFile(options.stateFile, text);
    if (!state)
      return state.error();
    if (state.value() == FileState::Read)
      return parseWorld(text, "state file '" + options.stateFile + "'");
  }
  Value document = seedWorld(now);
  if (options.worldFile.empty())
    return document;
  auto world = readFile(options.worldFile, text);
  if (!world)
    return world.error();
  if (world.value() != FileState::Read)
    return fail("world file '" + options.worldFile +
                "' does not exist or is empty");
  auto overlay = parseWorld(text, "world file '" + options.worldFile + "'");
  if (!overlay)
    return overlay.error();
  return overlayWorld(std::move(document), overlay.value());
}

} // namespace

struct SimulatedCloud::Impl {
  explicit Impl(SimulatorOptions opts)
      : options(std::move(opts)), faults(options.faults, options.seed) {
    if (!options.clock) {
      ownClock = std::make_unique<VirtualClock>();
      options.clock = ownClock.get();
    }
    load();
  }

  void load() {
    Millis now = toUnixMillis(options.clock->now());
    auto document = loadDocument(options, now);
    if (!document) {
      loadError = document.error().message;
      return;
    }
    world.emplace(std::move(document.value()));
    if (!world->region(world->defaultRegion())) {
      loadError = "the world's DefaultRegion \"" + world->defaultRegion() +
                  "\" is not one of its Regions";
      world.reset();
      return;
    }
    // World time continues from the saved time, moving with the clock.
    worldBase = world->now();
    clockBase = now;
  }

  Millis worldTime() const {
    return worldBase + (toUnixMillis(options.clock->now()) - clockBase);
  }

  ApiError unavailable() const {
    return makeError(500, "Simulator.StateUnavailable",
                     "The simulated cloud could not load its world: " +
                         loadError);
  }

  Outcome<Value, ApiError> serve(const ApiSpec &spec, const Value &parameters) {
    static const Value NoParameters = Value(Value::Map{});
    Request request(parameters.isMap() ? parameters : NoParameters);
    // A failed call must change nothing, and handlers may fail after
    // touching the world, so mutating calls work on a copy.
    std::optional<World> before;
    if (spec.mutates)
      before = *world;
    Outcome<Value, ApiError> result = makeError(500, "InternalError", "");
    try {
      result = spec.handler(*world, request);
    } catch (const std::exception &e) {
      result = makeError(500, "InternalError",
                         std::string("The simulator failed: ") + e.what());
    }
    if (!result && before)
      world = std::move(before);
    return result;
  }

  SimulatorOptions options;
  std::unique_ptr<VirtualClock> ownClock;
  FaultInjector faults;
  std::optional<World> world;
  std::string loadError;
  Millis worldBase = 0;
  Millis clockBase = 0;
  std::uint64_t callCount = 0;
  /// The world time of the last save.
  Millis savedTime = -1;
  mutable std::mutex mutex;
};

SimulatedCloud::SimulatedCloud(SimulatorOptions options)
    : impl(std::make_unique<Impl>(std::move(options))) {}

SimulatedCloud::~SimulatedCloud() = default;

Outcome<std::unique_ptr<SimulatedCloud>>
SimulatedCloud::open(SimulatorOptions options) {
  auto cloud = std::make_unique<SimulatedCloud>(std::move(options));
  if (!cloud->loadError().empty())
    return fail(cloud->loadError());
  return Outcome<std::unique_ptr<SimulatedCloud>>(std::move(cloud));
}

Outcome<Value, ApiError> SimulatedCloud::call(std::string_view service,
                                              std::string_view api,
                                              const Value &parameters) {
  // Latency first and outside the lock: concurrent calls wait side by side.
  if (impl->options.latency.count() > 0) {
    if (impl->options.realLatency)
      std::this_thread::sleep_for(impl->options.latency);
    else
      impl->options.clock->sleepFor(impl->options.latency);
  }
  std::lock_guard<std::mutex> lock(impl->mutex);
  ++impl->callCount;
  if (!impl->world) {
    ApiError error = impl->unavailable();
    error.requestId = makeRequestId(impl->options.seed, impl->callCount, 0);
    return error;
  }
  World &world = *impl->world;
  world.advanceTo(impl->worldTime());
  std::string requestId =
      makeRequestId(impl->options.seed, impl->callCount, world.now());
  const ApiSpec *spec = findApi(service, api);
  Outcome<Value, ApiError> result = object();
  if (!spec)
    result = notFound("InvalidApi.NotFound",
                      "The simulated cloud has no API \"" + std::string(api) +
                          "\" in service \"" + std::string(service) + "\".");
  else if (std::optional<ApiError> fault = impl->faults.check(service, api))
    result = *fault;
  else if (auto replayed = replayClientToken(world, *spec, parameters))
    result = std::move(*replayed);
  else if ((result = impl->serve(*spec, parameters)))
    rememberClientToken(world, *spec, parameters, result.value());
  if (!result) {
    ApiError error = result.error();
    error.requestId = requestId;
    return error;
  }
  Value response = std::move(result.value());
  if (!response.isMap())
    response = object();
  response.getMap().insert(response.getMap().begin(), {"RequestId", requestId});
  // Saved after every change so another process (or a crash) sees it; a
  // failure here is reported by the runner's save() at exit. A read that
  // saw time pass is a change too: a runner resumed after a crash must not
  // find the world earlier than it last saw it (an instance it watched
  // reach Running back at Pending).
  bool timeMoved = world.now() != impl->savedTime;
  if ((spec->mutates || timeMoved) && !impl->options.stateFile.empty()) {
    writeFileAtomically(impl->options.stateFile, prettyJson(world.document()));
    impl->savedTime = world.now();
  }
  return response;
}

std::string SimulatedCloud::describe() const {
  std::string where = impl->options.stateFile.empty()
                          ? std::string("in memory")
                          : "state: " + impl->options.stateFile;
  if (!impl->options.worldFile.empty())
    where += ", world: " + impl->options.worldFile;
  return "simulated cloud (" + where + ")";
}

Outcome<bool> SimulatedCloud::save() {
  std::lock_guard<std::mutex> lock(impl->mutex);
  if (!impl->world)
    return fail("not saving the simulated world: it could not be loaded (" +
                impl->loadError + ")");
  if (impl->options.stateFile.empty())
    return false;
  impl->world->advanceTo(impl->worldTime());
  auto written = writeFileAtomically(impl->options.stateFile,
                                     prettyJson(impl->world->document()));
  if (!written)
    return written.error();
  return true;
}

Value SimulatedCloud::snapshot() const {
  std::lock_guard<std::mutex> lock(impl->mutex);
  return impl->world ? impl->world->document() : Value();
}

const std::string &SimulatedCloud::loadError() const { return impl->loadError; }

std::string SimulatedCloud::newId(std::string_view prefix) {
  std::lock_guard<std::mutex> lock(impl->mutex);
  if (!impl->world)
    return std::string(prefix) + "-unsaved";
  return impl->world->nextId(prefix);
}

std::vector<std::pair<std::string, std::string>>
SimulatedCloud::supportedApis() {
  std::vector<std::pair<std::string, std::string>> apis;
  for (const ApiSpec &spec : apiTable())
    apis.emplace_back(spec.service, spec.api);
  return apis;
}

} // namespace oosc::runtime
