//===- Runner.cpp - A generated runner: its environment, then the run -----===//
//
// The options are read by runner/Options.cpp, plans and help printed by
// runner/Plan.cpp; here the simulated cloud, the journal, the steering and
// the signals are set up, and the execution is started, resumed or
// scheduled.
//
//===----------------------------------------------------------------------===//
#include "oosc/runtime/Runner.h"
#include "runner/ApisCommand.h"
#include "runner/Preflight.h"

#include "executor/Actions.h"
#include "executor/Executor.h"
#include "executor/Progress.h"
#include "executor/Resume.h"
#include "executor/Steering.h"
#include "executor/StepRecords.h"
#include "http/WebhookSender.h"
#include "journal/ExecutionsCommand.h"
#include "journal/JournalApi.h"
#include "oosc/runtime/Journal.h"
#include "oosc/runtime/Simulator.h"
#include "runner/Options.h"
#include "runner/Pickers.h"
#include "runner/Plan.h"
#include "schedule/EventTrigger.h"
#include "schedule/TimerTrigger.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace oosc::runtime {
namespace {

/// The real cloud under --dry-run: planning needs no credentials and calls
/// nothing, so the client is not even opened.
class NothingCalled final : public CloudBackend {
public:
  Outcome<Value, ApiError> call(std::string_view service, std::string_view api, const Value &) override {
    ApiError error;
    error.code = "oosc.DryRun";
    error.message = "--dry-run calls nothing (" + std::string(service) + " " + std::string(api) + ")";
    return error;
  }
  std::string describe() const override { return "Alibaba Cloud (--dry-run: nothing is called)"; }
};

constexpr int kExitSuccess = 0, kExitFailed = 1, kExitUsage = 2, kExitCancelled = 3;

const TemplateDef *findByName(const std::vector<const TemplateDef *> &defs, std::string_view name) {
  for (const TemplateDef *def : defs)
    if (sameName(def->name, name))
      return def;
  return nullptr;
}

/// Set by SIGINT and SIGTERM. A signal handler can only reach static
/// storage, so this one flag is global; executions read it through their
/// Cancellation.
std::atomic<bool> cancelSignalled{false};

extern "C" void onCancelSignal(int) { cancelSignalled.store(true); }

void installCancelHandlers() {
  struct sigaction action {};
  action.sa_handler = onCancelSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int usageError(const std::string &program, const std::string &message) {
  std::cerr << program << ": error: " << message << '\n';
  return kExitUsage;
}

/// ": 3 of 5 tasks ended, going on at 'createImage'".
std::string describeResume(const TemplateDef &def, const ExecutionHistory &history) {
  size_t ended = 0;
  for (const auto &task : history.tasks) // a task that was waiting did not end
    ended += task && task->status != TaskStatus::NotRun && task->status != TaskStatus::Running;
  std::string where = history.cursor ? "going on at '" + def.tasks[*history.cursor].name + "'"
                                     : "only the outputs are left";
  return ": " + std::to_string(ended) + " of " + std::to_string(def.tasks.size()) +
         " tasks ended, " + where;
}

/// Where execution ids come from: on the simulated cloud its world numbers
/// them, so ids continue across the runs that share it; on the real cloud
/// the clock does ("exec-run" and the seconds since 1970, or past the
/// journal's highest).
struct IdSource {
  std::string prefix; ///< "exec-sim", "exec-run"
  std::function<Outcome<std::string>(std::int64_t atLeast)> propose;
};

IdSource idSourceOf(SimulatedCloud *simulated) {
  if (simulated)
    return {"exec-sim", [simulated](std::int64_t atLeast) { return simulated->newId("exec", atLeast); }};
  return {"exec-run", [](std::int64_t atLeast) -> Outcome<std::string> {
            std::int64_t number = std::max<std::int64_t>(atLeast, std::time(nullptr));
            std::string digits = std::to_string(number);
            return "exec-run" + std::string(digits.size() < 12 ? 12 - digits.size() : 0, '0') + digits;
          }};
}

/// A new execution id, past every id the journal holds, so no two
/// executions of one journal share an id whatever the world says.
Outcome<std::string> newExecutionId(const IdSource &ids, Journal *journal) {
  if (!journal)
    return ids.propose(0);
  return journal->reserveExecutionId(ids.prefix, ids.propose);
}

/// --resume and --resume-schedule need the journal and a run; a trigger's
/// execution is continued by --resume-schedule, not --resume.
std::optional<std::string> checkResumeOptions(const TemplateDef &def, const RunnerOptions &options) {
  for (const auto &[flag, id] : {std::pair<const char *, const std::string &>{"--resume", options.resumeId},
                                 {"--resume-schedule", options.resumeSchedule}})
    if (!id.empty() && (options.dryRun || options.noJournal))
      return std::string(flag) + " cannot go with " + (options.dryRun ? "--dry-run" : "--no-journal");
  if (schedule::startsWithTimerTrigger(def) && !options.resumeId.empty())
    return "template '" + def.name + "' starts with ACS::TimerTrigger: continue its trigger "
           "execution with --resume-schedule " + options.resumeId;
  return std::nullopt;
}

/// How the execution starts: its id and parameter values, and for
/// --resume what the journal says it did.
struct StartPlan {
  std::string executionId;
  std::vector<Value> values;
  std::optional<ResumePlan> resume;
};

Outcome<StartPlan> planStart(const TemplateDef &def, RunnerOptions &options, Journal *journal,
                             const IdSource &ids, RunEnvironment &environment,
                             const std::string &program) {
  StartPlan start;
  if (!options.resumeId.empty()) {
    auto plan = planResume(*journal, options.resumeId, def, options.parameters, environment);
    if (!plan)
      return plan.error();
    for (const std::string &note : plan.value().notes)
      std::cerr << program << ": note: " << note << '\n';
    start.values = std::move(plan.value().parameters);
    start.executionId = options.resumeId;
    start.resume = std::move(plan.value());
    return start;
  }
  std::vector<std::string> placeholders;
  if (options.interactive || options.pickDefaults) {
    auto picked = options.interactive
                      ? pickInteractively(def, options.parameters, environment, std::cin, std::cerr)
                      : pickDefaults(def, options.parameters, environment);
    if (!picked)
      return picked.error();
    if (options.pickDefaults)
      for (const ParameterDef &parameter : def.parameters)
        if (std::find(picked.value().begin(), picked.value().end(), parameter.name) != picked.value().end())
          std::cerr << program << ": note: picked " << parameter.name << " = "
                    << (parameter.secret ? std::string("(secret)")
                                         : options.parameters.findCaseInsensitive(parameter.name)->toJson())
                    << '\n';
  }
  if (options.dryRun && options.placeholders)
    placeholders = fillPlaceholders(def, options.parameters);
  auto parameters = resolveParameters(def, options.parameters, environment, placeholders);
  if (!parameters)
    return parameters.error();
  start.values = std::move(parameters.value());
  if (options.dryRun)
    return start;
  if (!options.resumeSchedule.empty()) {
    start.executionId = options.resumeSchedule;
    return start;
  }
  auto id = newExecutionId(ids, journal);
  if (!id)
    return id.error();
  start.executionId = std::move(id.value());
  // Defaults may read {{ ACS::ExecutionId }}: resolved again now the id is
  // known. The first resolution checked the values before an id was
  // reserved in the journal; this one sees the same values and the id.
  auto withId = resolveParameters(def, options.parameters, environment, placeholders, start.executionId);
  if (!withId)
    return withId.error();
  start.values = std::move(withId.value());
  return start;
}

int exitStatusOf(ExecutionStatus status) {
  switch (status) {
  case ExecutionStatus::Success:
    return kExitSuccess;
  case ExecutionStatus::Cancelled:
    return kExitCancelled;
  default:
    return kExitFailed;
  }
}

int runTemplate(const TemplateDef &def, const RunnerImage &image, const std::string &program,
                int argc, char **argv, int first) {
  if (first < argc && std::string(argv[first]) == "executions")
    return executionsCommand(program, argc, argv, first + 1, defaultJournalFile(defaultStateFile()));
  RunnerOptions options;
  if (auto error = parseRunnerArguments(def, argc, argv, first, options)) {
    std::cerr << program << ": error: " << *error << "\n(see " << program << " --help)\n";
    return kExitUsage;
  }
  VirtualClock virtualClock(options.now.value_or(std::chrono::system_clock::time_point(
      std::chrono::seconds(VirtualClock::DefaultEpochSeconds))));
  RealClock realClock;
  ScaledClock scaledClock(static_cast<double>(options.timeScale));
  // The real cloud's resources change in real time: so do the waits (a
  // test cloud's faster time, with --time-scale).
  Clock &clock = options.realCloud && options.timeScale != 1 ? static_cast<Clock &>(scaledClock)
                 : options.realTime || options.realCloud   ? static_cast<Clock &>(realClock)
                                                           : virtualClock;
  SimulatorOptions simulator;
  simulator.stateFile = options.stateFile.empty() ? defaultStateFile() : options.stateFile;
  simulator.worldFile = options.worldFile;
  simulator.latency = options.latency;
  simulator.realLatency = options.realTime;
  simulator.faults = options.faults;
  simulator.clock = &clock;
  simulator.newState = options.newState;
  simulator.runScripts = !options.readScripts;
  // The APIs this runner carries (its templates' and actions' calls): the
  // simulator's generic engine answers those without a hand-written model.
  apis::ApiTable carried(image.apiProducts, image.apiProducts ? image.apiProductCount : 0);
  simulator.apis = &carried;
  std::unique_ptr<SimulatedCloud> simulated;
  std::unique_ptr<CloudBackend> real;
  if (options.realCloud && (options.help || options.dryRun)) {
    real = std::make_unique<NothingCalled>();
  } else if (options.realCloud) {
    if (!image.openRealCloud)
      return usageError(program, "this runner was built without the real cloud's client");
    auto opened = image.openRealCloud(
        {options.region, options.endpoint, options.vpcEndpoints, options.signatureV1, options.profile,
         options.timeScale},
        image);
    if (!opened)
      return usageError(program, opened.error().message);
    real = std::move(opened.value());
  } else {
    // `--state world.json` has no folder to create (and an empty path throws).
    std::error_code folderError;
    if (auto folder = std::filesystem::path(simulator.stateFile).parent_path(); !folder.empty())
      if (std::filesystem::create_directories(folder, folderError); folderError)
        return usageError(program, "cannot make the folder of state file '" + simulator.stateFile +
                                       "': " + folderError.message());
    simulated = std::make_unique<SimulatedCloud>(simulator);
    if (!simulated->loadError().empty()) {
      std::cerr << program << ": error: " << simulated->loadError() << '\n';
      return kExitUsage;
    }
  }
  CloudBackend &cloud = simulated ? static_cast<CloudBackend &>(*simulated) : *real;
  IdSource ids = idSourceOf(simulated.get());
  Progress progress(std::cerr, {options.jsonLog, static_cast<bool>(isatty(STDERR_FILENO))});
  // OOS.ListExecutions and ListTaskExecutions are answered from the journal.
  JournalApi journalApi(cloud, !options.realCloud);
  RunEnvironment environment{journalApi, clock, progress,
                             [&](std::string_view name) { return findByName(image.templates, name); },
                             [&](std::string_view name) { return findByName(image.actions, name); }};
  environment.regionId = options.region;
  environment.childrenOnOos = options.realCloud;
  if (simulated)
    environment.user = std::string(SimulatedCloud::OperatorUser);
  if (options.help) {
    std::cout << runnerUsage(program, def);
    printParameters(std::cout, def, environment);
    return kExitSuccess;
  }
  if (options.preflight)
    return preflight(image, cloud, options.region, std::cout);
  if (auto error = checkResumeOptions(def, options))
    return usageError(program, *error);
  bool scheduled = schedule::startsWithTimerTrigger(def);
  bool evented = schedule::startsWithEventTrigger(def);
  if (!evented && (!options.events.empty() || options.listenFor))
    return usageError(program, "--event and --listen-for go with a template whose first task is "
                               "ACS::EventTrigger or ACS::AlarmTrigger; '" + def.name + "' has none");
  std::string journalFile =
      options.journalFile.empty() ? defaultJournalFile(simulator.stateFile) : options.journalFile;
  if (!options.resumeSchedule.empty())
    if (auto error = schedule::restoreTriggerParameters(journalFile, options.resumeSchedule, def,
                                                        options.parameters))
      return usageError(program, *error);
  // An execution the journal cannot record could not be resumed, nor its
  // calls settled on a retry: without --no-journal, no journal, no run.
  std::unique_ptr<Journal> journal;
  if (!options.noJournal && !options.dryRun) {
    auto opened = Journal::open(journalFile);
    if (!opened)
      return usageError(program, opened.error().message + " (--no-journal runs without one)");
    journal = std::move(opened.value());
  }
  environment.journal = journal.get();
  journalApi.attach(journal.get());
  Cancellation cancellation;
  cancellation.requested = &cancelSignalled;
  environment.cancellation = &cancellation;
  // A trigger's children take ids as a new execution does; an id that
  // cannot be had stops the trigger as a broken journal does.
  auto newTriggeredId = [&] {
    auto id = newExecutionId(ids, journal.get());
    if (id)
      return id.value();
    reportJournalFailure(&cancellation, id.error());
    return std::string("exec-unnumbered");
  };
  auto start = planStart(def, options, journal.get(), ids, environment, program);
  if (!start)
    return usageError(program, start.error().message);
  if (options.dryRun) {
    printPlan(std::cout, def, start.value().values);
    return kExitSuccess;
  }
  std::optional<ResumePlan> &resume = start.value().resume;
  std::vector<Value> &values = start.value().values;
  const std::string &executionId = start.value().executionId;
  std::unique_ptr<WebhookSender> webhooks = options.postWebhooks ? makeCurlWebhookSender() : nullptr;
  environment.webhooks = webhooks.get();
  KillSwitch killSwitch;
  killSwitch.afterCall = options.killAfterCall;
  killSwitch.afterRecord = options.killAfterRecord;
  if (options.killAfterCall || options.killAfterRecord)
    environment.killSwitch = &killSwitch;
  Steering steering;
  steering.mode = options.mode;
  steering.loopMode = options.loopMode;
  steering.given = options.answers;
  if (auto error = prepareSteering(steering, program, journal.get(), options.jsonLog, &cancellation))
    return usageError(program, *error);
  environment.steering = &steering;
  installCancelHandlers();
  if (resume || !options.resumeSchedule.empty())
    executionResumed(environment, executionId);
  else
    executionStarted(environment, def, values, executionId, "");
  if (cancellation.journalLost) // said already; nothing was called yet
    return kExitUsage;
  progress.start(def, cloud.describe(), executionId);
  if (resume)
    std::cerr << "resuming " << executionId << describeResume(def, resume->history) << '\n';
  schedule::TriggerOptions trigger{std::chrono::milliseconds(options.realTime ? 200 : 0),
                                   !options.resumeSchedule.empty(), newTriggeredId, options.maxFirings};
  schedule::EventTriggerOptions listening;
  listening.wakeEvery = trigger.wakeEvery;
  listening.newExecutionId = newTriggeredId;
  listening.maxFirings = options.maxFirings;
  listening.givenEvents = options.events;
  // On the simulator's virtual clock nothing else moves the world while
  // the trigger waits: a day of world time, then it ends.
  bool virtualTime = !options.realTime && !options.realCloud;
  listening.listenFor = options.listenFor.value_or(std::chrono::seconds(virtualTime ? 86400 : 0));
  ExecutionOutcome outcome =
      scheduled ? schedule::runTimerTrigger(def, values, environment, executionId, trigger)
      : evented ? schedule::runEventTrigger(def, values, environment, executionId, listening)
                : runExecution(def, std::move(values), environment, executionId,
                               {resume ? &resume->history : nullptr});
  executionEnded(environment, executionId, outcome);
  if (simulated)
    if (auto saved = simulated->save(); !saved)
      std::cerr << program << ": warning: the simulated world was not saved: " << saved.error().message
                << '\n';
  progress.finish(executionStatusName(outcome.status), shownError(environment.secrets, outcome.error));
  std::cout << environment.secrets.mask(outcome.outputs).toJson() << std::endl;
  if (cancellation.journalLost) {
    std::cerr << program << ": error: the execution was stopped by the error above; journal "
              << journalFile << " may not hold all of it\n";
    return kExitFailed;
  }
  return exitStatusOf(outcome.status);
}

} // namespace

int runnerMain(int argc, char **argv, const RunnerImage &image) {
  // A file size limit (ulimit -f) is then a write error the runner reports
  // and stops on, as on a full disk, rather than a signal that kills it.
  signal(SIGXFSZ, SIG_IGN);
  std::string program = std::filesystem::path(argv[0]).filename().string();
  if (image.templates.empty() && image.actions.empty())
    return kExitUsage;
  if (argc == 2 && std::string(argv[1]) == "apis" && !findByName(image.templates, "apis"))
    return apisCommand(image, std::cout);
  // `RUNNER ACS::ECS::RunCommand [args]` runs a product action the runner
  // carries as a template of its own (its properties are its parameters).
  if (argc > 1 && !findByName(image.templates, argv[1]))
    if (const TemplateDef *action = findByName(image.actions, argv[1]))
      return runTemplate(*action, image, program + " " + action->name, argc, argv, 2);
  if (image.templates.size() == 1) {
    // `RUNNER NAME [args]` works for one template too, like several.
    bool named = argc > 1 && sameName(argv[1], image.templates[0]->name);
    return runTemplate(*image.templates[0], image, program, argc, argv, named ? 2 : 1);
  }
  if (argc > 1 && std::string(argv[1]) == "executions")
    return executionsCommand(program, argc, argv, 2, defaultJournalFile(defaultStateFile()));
  // Several templates: busybox style, `RUNNER NAME [options]`.
  if (argc < 2 || argv[1][0] == '-') {
    std::cerr << "usage: " << program << " TEMPLATE [options]\n\ntemplates:\n";
    for (const TemplateDef *def : image.templates)
      std::cerr << "  " << def->name << "  (" << def->source << ")\n";
    if (!image.actions.empty())
      std::cerr << "\nproduct actions (run as templates too):\n";
    for (const TemplateDef *def : image.actions)
      std::cerr << "  " << def->name << "  (" << def->source << ")\n";
    return argc >= 2 && (std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help")
               ? kExitSuccess : kExitUsage;
  }
  const TemplateDef *def = findByName(image.templates, argv[1]);
  if (!def) {
    std::cerr << program << ": error: no template named '" << argv[1] << "' in this runner\n";
    return kExitUsage;
  }
  return runTemplate(*def, image, program + " " + def->name, argc, argv, 2);
}

} // namespace oosc::runtime
