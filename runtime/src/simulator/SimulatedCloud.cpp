// SimulatedCloud.cpp - The public face of the simulator: loading and saving
// the world (a state file runners share, StateFile.h), mapping clock time to
// world time, and serving calls (latency, faults, dispatch, request ids,
// atomic failure).
#include "World.h"
#include "simulator/StateFile.h"
#include "simulator/sandbox/ScriptSandbox.h"
#include "simulator/generic/GenericEngine.h"

#include "oosc/apis/ApiTable.h"
#include "oosc/runtime/RestfulParts.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace oosc::runtime {

using namespace sim;

namespace {

/// What a person can do about a state file that cannot be read.
constexpr const char *StartAfresh =
    ": move it aside, or run with --new-state to start a new world in it";

bool isBlank(const std::string &text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

/// A state file's document; an empty or unparsable one is an error naming
/// the file (a crash or a full disk may have cut it), never a new world.
Outcome<Value> parseState(const std::string &path, const std::string &text) {
  if (isBlank(text))
    return fail("state file '" + path + "' is empty (a crashed writer or a full disk may have "
                "emptied it)" + StartAfresh);
  auto document = parseWorld(text, "state file '" + path + "'");
  if (!document)
    return fail(document.error().message + StartAfresh);
  return document;
}

/// The built-in world, with the sections of the world file over it.
Outcome<Value> seedDocument(const SimulatorOptions &options, Millis now) {
  Value document = seedWorld(now);
  if (options.worldFile.empty())
    return document;
  auto text = files::readBounded(options.worldFile, {"world file", false});
  if (!text)
    return text.error();
  if (!text.value() || isBlank(*text.value()))
    return fail("world file '" + options.worldFile + "' does not exist or is empty");
  auto overlay = parseWorld(*text.value(), "world file '" + options.worldFile + "'");
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
    openSandbox();
    if (auto failed = load(); !failed) {
      loadError = failed.error().message;
      world.reset();
    }
  }

  Millis clockNow() const { return toUnixMillis(options.clock->now()); }

  void openSandbox() {
    if (!options.runScripts) {
      noSandbox = "the simulator was asked to read scripts";
      return;
    }
    SandboxOptions sandboxOptions;
    sandboxOptions.instancesRoot = options.stateFile.empty() ? "" : options.stateFile + ".instances";
    sandboxOptions.wallLimit = options.scriptWallLimit;
    sandbox = ScriptSandbox::open(sandboxOptions, noSandbox);
  }

  /// Takes \p document as the world. World time goes on from the later of
  /// the document's time and this runner's: runners sharing a world share
  /// its time, each moving it with its own clock.
  Outcome<bool> adopt(Value document) {
    Millis ours = world ? worldTime() : std::numeric_limits<Millis>::min();
    world.emplace(std::move(document));
    world->useSandbox(sandbox.get(), noSandbox);
    world->useInnerCalls([this](World &on, std::string_view service, std::string_view api, const Value &parameters) {
      return innerCall(on, service, api, parameters);
    });
    if (!world->region(world->defaultRegion()))
      return fail("the world's DefaultRegion \"" + world->defaultRegion() +
                  "\" is not one of its Regions");
    worldBase = std::max(world->now(), ours);
    clockBase = clockNow();
    return true;
  }

  Outcome<bool> load() {
    if (!options.stateFile.empty()) {
      auto opened = StateFile::open(options.stateFile);
      if (!opened)
        return opened.error();
      stateFile.emplace(std::move(opened.value()));
      auto held = stateFile->lock();
      if (!held)
        return held.error();
      if (!options.newState) {
        auto reading = stateFile->readIfChanged();
        if (!reading)
          return reading.error();
        if (reading.value().kind == StateFile::Reading::Changed) {
          auto document = parseState(options.stateFile, reading.value().text);
          if (!document)
            return document.error();
          return adopt(std::move(document.value()));
        }
      }
    }
    auto document = seedDocument(options, clockNow());
    if (!document)
      return document.error();
    if (sandbox && stateFile)
      sandbox->forgetInstances(); // files of a world no longer kept
    if (auto adopted = adopt(std::move(document.value())); !adopted)
      return adopted;
    // A new world asked for on purpose replaces the file at once, so a
    // runner sharing it cannot read the old contents again.
    return options.newState && stateFile ? persist() : Outcome<bool>(true);
  }

  /// Reads the world again if another runner changed it. Lock held.
  Outcome<bool> refresh() {
    auto reading = stateFile->readIfChanged();
    if (!reading)
      return reading.error();
    // Missing: removed by hand; this runner's world is written back.
    if (reading.value().kind != StateFile::Reading::Changed)
      return true;
    auto document = parseState(options.stateFile, reading.value().text);
    if (!document)
      return document.error();
    return adopt(std::move(document.value()));
  }

  /// Writes the world back. A change of resources is made durable; a
  /// read that only saw time pass is written atomically but not synced
  /// (1.5 ms a call): a machine crash may lose that advance of time, never
  /// a resource.
  Outcome<bool> persist(files::Durability durability = files::Durability::Durable) {
    auto written = stateFile->write(prettyJson(world->document()), durability);
    if (written)
      savedTime = world->now();
    return written;
  }

  Millis worldTime() const {
    return worldBase + (clockNow() - clockBase);
  }

  ApiError unavailable(const std::string &why) const {
    return makeError(500, "Simulator.StateUnavailable",
                     "The simulated cloud could not load its world: " + why);
  }

  Outcome<Value, ApiError> serve(const ApiSpec &spec, const Value &parameters) {
    static const Value NoParameters = Value(Value::Map{});
    Request request(parameters.isMap() ? parameters : NoParameters);
    Outcome<Value, ApiError> result = makeError(500, "InternalError", "");
    try {
      result = spec.handler(*world, request);
    } catch (const std::exception &e) {
      result = makeError(500, "InternalError",
                         std::string("The simulator failed: ") + e.what());
    }
    return result;
  }

  /// The row that answers \p api: the hand-written model's, else one of
  /// the generic engine's for an API of the table (generic/GenericEngine.h),
  /// serving \p parameters, which must outlive it; InvalidApi.NotFound for
  /// neither.
  Outcome<ApiSpec, ApiError> specFor(std::string_view service, std::string_view api,
                                     const apis::ProductRecord *product, const apis::ApiSpec *tabled,
                                     const Value &parameters) const {
    if (const ApiSpec *spec = findApi(service, api))
      return *spec;
    if (!tabled)
      return notFound("InvalidApi.NotFound", "The simulated cloud has no API \"" + std::string(api) +
                                                 "\" in service \"" + std::string(service) + "\".");
    const apis::ApiTable &table = *options.apis;
    std::string_view name = tabled->name;
    return ApiSpec{service, name,
                   [&table, product, name, &parameters](World &world, const Request &request) {
                     return generic::serve(world, table, *product, name, request, parameters);
                   },
                   generic::mutates(name)};
  }

  /// A model's call of another API on \p on (World::call), answered as a
  /// template's call is, without latency, faults or client tokens.
  Outcome<Value, ApiError> innerCall(World &on, std::string_view service, std::string_view api,
                                     const Value &parameters) {
    const apis::ProductRecord *product = options.apis ? options.apis->findService(service, api) : nullptr;
    const apis::ApiSpec *tabled = product ? options.apis->findApi(*product, api) : nullptr;
    auto spec = specFor(service, api, product, tabled, parameters);
    if (!spec)
      return spec.error();
    return spec.value().handler(on, Request(parameters));
  }

  /// Serves one call on the world as it is now (latency and locks done).
  /// \p requestIdInBody says whether the API reached carries its RequestId
  /// in its JSON body: not one that answers text (ACK's attach script,
  /// handed to templates as `{"data": text}`), nor a restful one whose
  /// answer has no RequestId (ACK's: the id travels in a header).
  Outcome<Value, ApiError> answer(std::string_view service, std::string_view api,
                                  const Value &written, bool &requestIdInBody) {
    World &current = *world;
    current.advanceTo(worldTime());
    const apis::ProductRecord *product = options.apis ? options.apis->findService(service, api) : nullptr;
    const apis::ApiSpec *tabled = product ? options.apis->findApi(*product, api) : nullptr;
    // OSS's model reads a call's URI and Body as they are.
    Value parameters = written;
    if (tabled && !speaksItsOwnProtocol(service)) {
      auto reached = reachedApi(*options.apis, service, *product, *tabled, written);
      if (!reached)
        return makeError(400, "InvalidParameter", "The request is not valid: " + reached.error().message + ".");
      product = reached.value().product;
      tabled = reached.value().api;
      api = tabled->name;
      parameters = std::move(reached.value().parameters);
    }
    const apis::Shape *shape = tabled ? options.apis->answerShape(*product, tabled->name) : nullptr;
    bool text = shape && shape->kind == apis::Shape::Kind::String;
    bool restfulWithout = shape && product->style == apis::ApiStyle::Restful &&
                          shape->kind == apis::Shape::Kind::Object && !shape->field("RequestId");
    requestIdInBody = !text && !restfulWithout;
    auto found = specFor(service, api, product, tabled, parameters);
    if (!found)
      return found.error();
    const ApiSpec *spec = &found.value();
    if (std::optional<ApiError> fault = faults.check(service, api))
      return *fault;
    if (auto replayed = replayClientToken(current, *spec, parameters))
      return std::move(*replayed);
    // A failed call must change nothing, and handlers may fail after
    // touching the world (or the world may fail to be saved), so calls
    // that change it work on a copy.
    std::optional<World> before;
    if (spec->mutates)
      before = current;
    auto result = serve(*spec, parameters);
    if (result)
      rememberClientToken(*world, *spec, parameters, result.value());
    // Saved within the call, so another runner (or a crash) sees it. A read
    // that saw time pass is a change too: a runner resumed after a crash
    // must not find the world earlier than it last saw it (an instance it
    // watched reach Running back at Pending).
    bool changed = result && (spec->mutates || world->now() != savedTime);
    auto durability = spec->mutates ? files::Durability::Durable : files::Durability::Atomic;
    if (changed && stateFile)
      if (auto saved = persist(durability); !saved)
        result = makeError(500, "Simulator.StateUnavailable",
                           "The simulated world could not be saved: " + saved.error().message);
    if (!result && before)
      world = std::move(before);
    return result;
  }

  SimulatorOptions options;
  std::unique_ptr<VirtualClock> ownClock;
  /// Declared before the world, whose models use it, so it outlives them.
  std::unique_ptr<ScriptSandbox> sandbox;
  std::string noSandbox;
  FaultInjector faults;
  std::optional<StateFile> stateFile;
  std::optional<World> world;
  std::string loadError;
  Millis worldBase = 0;
  Millis clockBase = 0;
  std::uint64_t callCount = 0;
  /// The world time of the last save.
  Millis savedTime = -1;
  mutable std::mutex mutex;
};

/// The in-process mutex, then the state file's lock and a fresh look at
/// the file: what every operation on a shared world starts with.
class SimulatedCloud::Access {
public:
  explicit Access(Impl &impl) : guard_(impl.mutex) {
    if (!impl.world) {
      error_ = impl.loadError;
      return;
    }
    if (!impl.stateFile)
      return;
    auto held = impl.stateFile->lock();
    if (!held) {
      error_ = held.error().message;
      return;
    }
    held_.emplace(std::move(held.value()));
    if (auto fresh = impl.refresh(); !fresh)
      error_ = fresh.error().message;
  }
  /// Why the world cannot be used now; "" when it can.
  const std::string &error() const { return error_; }

private:
  std::lock_guard<std::mutex> guard_;
  std::optional<files::LockFile::Held> held_;
  std::string error_;
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
  // Latency first and outside the locks: concurrent calls wait side by side.
  if (impl->options.latency.count() > 0) {
    if (impl->options.realLatency)
      std::this_thread::sleep_for(impl->options.latency);
    else
      impl->options.clock->sleepFor(impl->options.latency);
  }
  Access access(*impl);
  std::uint64_t callNumber = ++impl->callCount;
  if (!access.error().empty()) {
    ApiError error = impl->unavailable(access.error());
    error.requestId = makeRequestId(impl->options.seed, callNumber, 0);
    return error;
  }
  bool requestIdInBody = true;
  auto result = impl->answer(service, api, parameters, requestIdInBody);
  std::string requestId = makeRequestId(impl->options.seed, callNumber, impl->world->now());
  if (!result) {
    ApiError error = result.error();
    error.requestId = requestId;
    return error;
  }
  Value response = std::move(result.value());
  if (!response.isMap())
    response = object();
  // OpenAPI puts RequestId in a JSON body.
  if (!speaksItsOwnProtocol(service) && requestIdInBody)
    response.getMap().insert(response.getMap().begin(), {"RequestId", requestId});
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
  Access access(*impl);
  if (!access.error().empty())
    return fail("not saving the simulated world: " + access.error());
  if (!impl->stateFile)
    return false;
  impl->world->advanceTo(impl->worldTime());
  auto written = impl->persist();
  if (!written)
    return written.error();
  return true;
}

Value SimulatedCloud::snapshot() const {
  // As the state file holds it now, other runners' changes included.
  Access access(*impl);
  return access.error().empty() ? impl->world->document() : Value();
}

const std::string &SimulatedCloud::loadError() const { return impl->loadError; }

Outcome<std::string> SimulatedCloud::newId(std::string_view prefix, std::int64_t atLeast) {
  Access access(*impl);
  if (!access.error().empty())
    return fail("no new id from the simulated world: " + access.error());
  std::string id = impl->world->nextId(prefix, atLeast);
  // Saved at once: a runner killed before its first change must not hand
  // the id out twice.
  if (impl->stateFile)
    if (auto saved = impl->persist(); !saved)
      return saved.error();
  return id;
}

std::vector<std::pair<std::string, std::string>>
SimulatedCloud::supportedApis() {
  std::vector<std::pair<std::string, std::string>> apis;
  for (const ApiSpec &spec : apiTable())
    apis.emplace_back(spec.service, spec.api);
  return apis;
}

std::vector<CoveredApi> SimulatedCloud::coverage(const apis::ApiTable &table) {
  std::vector<CoveredApi> all;
  std::set<std::string> tabled;
  for (size_t i = 0; i < table.productCount(); ++i) {
    const apis::ProductRecord &product = table.product(i);
    for (std::string_view api : table.apiNames(product)) {
      CoveredApi covered;
      covered.service = std::string(product.code);
      covered.api = std::string(api);
      if (sim::findApi(product.code, api))
        covered.how = ApiCoverage::HandWritten;
      else
        covered.how = sim::generic::models(table, product, api, covered.note) ? ApiCoverage::Generic
                                                                            : ApiCoverage::NotImplemented;
      tabled.insert(lowerAscii(covered.service + "." + covered.api));
      all.push_back(std::move(covered));
    }
  }
  for (const sim::ApiSpec &spec : sim::apiTable()) {
    const apis::ProductRecord *product = table.findService(spec.service);
    std::string service = product ? std::string(product->code) : std::string(spec.service);
    if (!tabled.count(lowerAscii(service + "." + std::string(spec.api))))
      all.push_back({service, std::string(spec.api), ApiCoverage::HandWritten, "outside the API table"});
  }
  return all;
}

} // namespace oosc::runtime
