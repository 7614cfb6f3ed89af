//===- Runner.cpp - A generated runner's command line ----------------------===//
#include "oosc/runtime/Runner.h"

#include "journal/ExecutionsCommand.h"
#include "journal/JournalApi.h"
#include "oosc/runtime/Journal.h"

#include "executor/Actions.h"
#include "executor/Executor.h"
#include "executor/Progress.h"
#include "executor/StepRecords.h"
#include "executor/Resume.h"
#include "http/WebhookSender.h"
#include "executor/Steering.h"
#include "oosc/runtime/Simulator.h"
#include "oosc/runtime/schedule/Calendar.h"
#include "schedule/TimerTrigger.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace oosc::runtime {
namespace {

constexpr int kExitSuccess = 0, kExitFailed = 1, kExitUsage = 2, kExitCancelled = 3;

struct RunnerOptions {
  Value parameters = Value(Value::Map{});
  bool dryRun = false;
  bool placeholders = false;
  bool help = false;
  bool jsonLog = false;
  bool realTime = false;
  std::string stateFile;
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
  ExecutionMode mode = ExecutionMode::Automatic;
  LoopMode loopMode = LoopMode::Automatic;
};

std::string usage(const std::string &program, const TemplateDef &def) {
  std::ostringstream text;
  text << "usage: " << program << " [options]\n\n"
       << "Runs the OOS template '" << def.source << "' (compiled by oosc) on the simulated cloud.\n";
  if (!def.description.empty())
    text << def.description << "\n";
  text << "\noptions:\n"
          "  -p, --parameter NAME=VALUE  set a parameter (List and Json values are JSON)\n"
          "  --parameters JSON|@FILE     parameters as a JSON object, as StartExecution takes them\n"
          "  --dry-run                   resolve the parameters and print the plan; call nothing\n"
          "  --placeholders              with --dry-run: fill required parameters with placeholders\n"
          "  --state FILE                the simulated world, kept between runs\n"
          "                              (default $XDG_STATE_HOME/oosc/simulator.json)\n"
          "  --world FILE                seed a new world from this JSON file\n"
          "  --journal FILE              record the execution in this SQLite file\n"
          "                              (default journal.sqlite beside the state file)\n"
          "  --no-journal                record nothing (a throwaway run)\n"
          "  --webhooks record|post      ACS::Notify's webhooks: recorded in the simulated world\n"
          "                              (default), or really posted over HTTP(S)\n"
          "  --resume EXECUTION_ID       continue an interrupted execution from the journal: ended\n"
          "                              tasks and loop items are not run again (give secret\n"
          "                              parameters again with -p; the others are recorded)\n"
          "  --region ID                 ACS::RegionId (default cn-hangzhou)\n"
          "  --latency MS                simulated latency of each API call\n"
          "  --real-time                 really wait (Sleep, WaitFor, latency) instead of a virtual clock\n"
          "  --now TIME                  start the virtual clock at TIME (e.g. 2026-11-21T00:00:00Z;\n"
          "                              default 2024-01-01T00:00:00Z)\n"
          "  --resume-schedule EXECUTION_ID  continue an ACS::TimerTrigger execution whose runner\n"
          "                              stopped: firings that passed meanwhile are reported Missed\n"
          "  --fail SERVICE.API[:CODE][@N|~P]  make an API fail: its Nth call, each call with\n"
          "                              probability P (seeded: runs repeat), or every call\n"
          "  --log text|json             progress format on stderr (default text)\n"
          "  --kill-after call:N|record:N  for tests of --resume: SIGKILL this runner right after\n"
          "                              the Nth cloud call is answered, or the Nth journal record\n"
          "  --mode MODE                 Automatic (default); Debug: ask before each task (run,\n"
          "                              skip, complete, cancel); FailurePause: ask after a\n"
          "                              failure (retry, skip, cancel)\n"
          "  --loop-mode MODE            Automatic (default), FirstBatchPause or EveryBatchPause:\n"
          "                              pause between the batches of a Batch-mode loop\n"
          "  -h, --help                  show this help\n"
          "\n       " << program << " executions list|show EXECUTION_ID [--journal FILE]\n"
          "                              the recorded executions, or one with its tasks and loop items\n"
          "       " << program << " executions notify EXECUTION_ID VERB [--journal FILE]\n"
          "                              answer a Waiting execution (run, skip, complete, retry,\n"
          "                              approve, reject, resume, cancel); on a terminal the\n"
          "                              runner asks there too\n"
          "\nexit status: 0 Success, 1 Failed, 2 bad usage or parameters, 3 Cancelled\n";
  return text.str();
}

std::string describeDefault(const ParameterDef &parameter, RunEnvironment &environment) {
  if (!parameter.defaultValue)
    return "required";
  if (parameter.secret)
    return "default: (secret)";
  static const TemplateDef noTemplate;
  ExecutionState scratch(noTemplate, {}, environment, "exec-help");
  Context context(scratch);
  auto value = parameter.defaultValue(context);
  return value ? "default: " + value.value().toJson() : "default: (computed)";
}

void printParameters(std::ostream &out, const TemplateDef &def, RunEnvironment &environment) {
  if (def.parameters.empty())
    return;
  out << "\nparameters:\n";
  for (const ParameterDef &parameter : def.parameters) {
    out << "  " << parameter.name << " (" << parameterTypeName(parameter.spec.type) << ", "
        << describeDefault(parameter, environment) << ")\n";
    if (parameter.spec.allowedValues) {
      out << "      allowed:";
      for (const Value &allowed : *parameter.spec.allowedValues)
        out << ' ' << allowed.toJson();
      out << '\n';
    }
    if (parameter.spec.allowedPattern)
      out << "      pattern: " << *parameter.spec.allowedPattern << '\n';
    if (!parameter.description.empty())
      out << "      " << parameter.description << '\n';
  }
}

/// `-p name=value`: text converted to the parameter's type as the template
/// declares it (JSON for List and Json).
std::optional<std::string> setParameter(const TemplateDef &def, const std::string &assignment,
                                        Value &parameters) {
  size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0)
    return "-p takes NAME=VALUE, not '" + assignment + "'";
  std::string name = assignment.substr(0, equals);
  std::string text = assignment.substr(equals + 1);
  for (const ParameterDef &parameter : def.parameters)
    if (sameName(parameter.name, name)) {
      auto converted = convertArgument(parameter.spec.type, text);
      if (auto *error = std::get_if<std::string>(&converted))
        return "parameter '" + parameter.name + "': " + *error;
      parameters.set(parameter.name, std::get<Value>(converted));
      return std::nullopt;
    }
  return "unknown parameter '" + name + "'";
}

std::optional<std::string> readParametersJson(std::string text, Value &parameters) {
  if (!text.empty() && text[0] == '@') {
    std::ifstream input(text.substr(1));
    if (!input)
      return "cannot read '" + text.substr(1) + "'";
    std::ostringstream content;
    content << input.rdbuf();
    text = content.str();
  }
  JsonParseError error;
  auto value = parseJson(text, &error);
  if (!value)
    return "--parameters: " + error.message + " at offset " + std::to_string(error.offset);
  if (!value->isMap())
    return "--parameters takes a JSON object of parameter names to values";
  for (auto &[name, member] : value->getMap())
    parameters.set(name, member);
  return std::nullopt;
}

std::optional<FaultRule> parseFault(const std::string &text) {
  // SERVICE.API[:CODE][@N | ~P]: the Nth call, or each call with probability P
  FaultRule rule;
  std::string rest = text;
  if (size_t at = rest.find('@'); at != std::string::npos) {
    rule.nthCall = static_cast<unsigned>(std::atoi(rest.c_str() + at + 1));
    rest = rest.substr(0, at);
  } else if (size_t tilde = rest.find('~'); tilde != std::string::npos) {
    rule.probability = std::atof(rest.c_str() + tilde + 1);
    rest = rest.substr(0, tilde);
    if (rule.probability <= 0 || rule.probability > 1)
      return std::nullopt;
  } else {
    rule.probability = 1.0;
  }
  if (size_t colon = rest.find(':'); colon != std::string::npos) {
    rule.code = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
  }
  size_t dot = rest.find('.');
  if (dot == std::string::npos)
    return std::nullopt;
  rule.service = rest.substr(0, dot);
  rule.api = rest.substr(dot + 1);
  rule.message = "injected by --fail " + text;
  return rule;
}

/// `--kill-after call:N` or `record:N`.
std::optional<std::string> parseKillAfter(const std::string &text, RunnerOptions &options) {
  size_t colon = text.find(':');
  std::string site = text.substr(0, colon);
  long count = colon == std::string::npos ? 0 : std::atol(text.c_str() + colon + 1);
  if (count <= 0 || (site != "call" && site != "record"))
    return "--kill-after takes call:N or record:N (N >= 1), not '" + text + "'";
  (site == "call" ? options.killAfterCall : options.killAfterRecord) = static_cast<unsigned>(count);
  return std::nullopt;
}

std::string defaultStateFile() {
  std::string base;
  if (const char *state = std::getenv("XDG_STATE_HOME"); state && *state)
    base = state;
  else if (const char *home = std::getenv("HOME"); home && *home)
    base = std::string(home) + "/.local/state";
  else
    base = "/tmp";
  return base + "/oosc/simulator.json";
}

/// --now: a time stamp with its zone (Z, +08:00) or a UTC date.
std::optional<std::chrono::system_clock::time_point> parseNow(const std::string &text) {
  auto date = schedule::parseDateText(text);
  if (!date || (!date->offsetSeconds && text.size() > 10))
    return std::nullopt;
  std::int64_t seconds = schedule::toSeconds(date->civil) - date->offsetSeconds.value_or(0);
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

std::optional<std::string> parseModes(const std::string &name, const std::string &text,
                                      RunnerOptions &options) {
  if (name == "--mode") {
    auto mode = parseMode(text);
    if (!mode)
      return "--mode takes Automatic, Debug or FailurePause, not '" + text + "'";
    options.mode = *mode;
  } else {
    auto mode = parseLoopMode(text);
    if (!mode)
      return "--loop-mode takes Automatic, FirstBatchPause or EveryBatchPause, not '" + text + "'";
    options.loopMode = *mode;
  }
  return std::nullopt;
}

std::optional<std::string> parseArguments(const TemplateDef &def, int argc, char **argv, int first,
                                          RunnerOptions &options) {
  for (int i = first; i < argc; ++i) {
    std::string argument = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (size_t equals = argument.find('='); argument.rfind("--", 0) == 0 && equals != std::string::npos) {
        std::string v = argument.substr(equals + 1);
        argument = argument.substr(0, equals);
        return v;
      }
      if (i + 1 < argc)
        return std::string(argv[++i]);
      return std::nullopt;
    };
    if (argument == "-h" || argument == "--help") {
      options.help = true;
    } else if (argument == "--no-journal") {
      options.noJournal = true;
    } else if (argument == "--dry-run") {
      options.dryRun = true;
    } else if (argument == "--placeholders") {
      options.placeholders = true;
    } else if (argument == "--real-time") {
      options.realTime = true;
    } else if (argument == "-p" || argument.rfind("--parameter=", 0) == 0 || argument == "--parameter") {
      auto assignment = value();
      if (!assignment)
        return "-p needs NAME=VALUE";
      if (auto error = setParameter(def, *assignment, options.parameters))
        return error;
    } else if (argument.rfind("--parameters", 0) == 0) {
      auto json = value();
      if (!json)
        return "--parameters needs a JSON object or @FILE";
      if (auto error = readParametersJson(*json, options.parameters))
        return error;
    } else if (argument == "--now" || argument.rfind("--now=", 0) == 0) {
      auto text = value();
      if (!text || !(options.now = parseNow(*text)))
        return "--now takes a UTC time such as 2026-11-21T00:00:00Z, not '" + text.value_or("") + "'";
    } else if (argument.rfind("--state", 0) == 0 || argument.rfind("--world", 0) == 0 ||
               argument.rfind("--region", 0) == 0 || argument.rfind("--latency", 0) == 0 ||
               argument.rfind("--fail", 0) == 0 || argument.rfind("--log", 0) == 0 ||
               argument.rfind("--journal", 0) == 0 || argument.rfind("--resume", 0) == 0 ||
               argument.rfind("--kill-after", 0) == 0 || argument.rfind("--webhooks", 0) == 0 ||
               argument.rfind("--mode", 0) == 0 || argument.rfind("--loop-mode", 0) == 0) {
      std::string name = argument.substr(0, argument.find('='));
      auto text = value();
      if (!text)
        return name + " needs a value";
      if (name == "--state")
        options.stateFile = *text;
      else if (name == "--resume")
        options.resumeId = *text;
      else if (name == "--webhooks") {
        if (*text != "record" && *text != "post")
          return "--webhooks takes record or post, not '" + *text + "'";
        options.postWebhooks = *text == "post";
      }
      else if (name == "--kill-after") {
        if (auto error = parseKillAfter(*text, options))
          return error;
      }
      else if (name == "--journal")
        options.journalFile = *text;
      else if (name == "--world")
        options.worldFile = *text;
      else if (name == "--region")
        options.region = *text;
      else if (name == "--latency")
        options.latency = std::chrono::milliseconds(std::atoll(text->c_str()));
      else if (name == "--log")
        options.jsonLog = *text == "json";
      else if (name == "--resume-schedule")
        options.resumeSchedule = *text;
      else if (name == "--mode" || name == "--loop-mode") {
        if (auto error = parseModes(name, *text, options))
          return error;
      } else if (auto rule = parseFault(*text))
        options.faults.push_back(*rule);
      else
        return "--fail takes SERVICE.API[:CODE][@N|~P], not '" + *text + "'";
    } else {
      return "unknown option '" + argument + "'";
    }
  }
  if (options.now && options.realTime)
    return "--now sets the virtual clock; it cannot be used with --real-time";
  return std::nullopt;
}

void printPlan(std::ostream &out, const TemplateDef &def, const std::vector<Value> &parameters) {
  out << "plan for " << def.name << " (" << def.source << "):\n";
  for (size_t i = 0; i < def.parameters.size(); ++i)
    out << "  parameter " << def.parameters[i].name << " = "
        << (def.parameters[i].secret ? std::string("(secret)") : parameters[i].toJson()) << '\n';
  auto describe = [&](const Jump &jump) -> std::string {
    switch (jump.kind) {
    case Jump::Kind::Next:
      return "next";
    case Jump::Kind::End:
      return "end";
    case Jump::Kind::Task:
      return def.tasks[jump.task].name;
    case Jump::Kind::Dynamic:
      return "(computed)";
    }
    return "";
  };
  for (size_t i = 0; i < def.tasks.size(); ++i) {
    const TaskDef &task = def.tasks[i];
    out << "  " << i + 1 << ". " << task.name << " (" << task.action << ", line " << task.line << ")";
    if (task.when)
      out << " when <condition>";
    if (task.loop)
      out << " loop";
    out << '\n';
    for (const ChoiceDef &choice : task.choices)
      out << "       choice -> " << describe(choice.next) << '\n';
    if (task.defaultTask)
      out << "       default -> " << describe(*task.defaultTask) << '\n';
    if (task.onSuccess)
      out << "       on success -> " << describe(*task.onSuccess) << '\n';
    if (task.onError)
      out << "       on error -> " << describe(*task.onError) << '\n';
  }
}

/// A value of the parameter's type for a plan preview: the first allowed
/// value, the minimum, or an empty or neutral value.
Value placeholder(const ParameterDef &parameter) {
  const ParameterSpec &spec = parameter.spec;
  if (spec.allowedValues && !spec.allowedValues->empty())
    return spec.type == ParameterType::List ? Value(Value::List{spec.allowedValues->front()})
                                            : spec.allowedValues->front();
  switch (spec.type) {
  case ParameterType::Number:
    return Value(spec.minValue.value_or(1));
  case ParameterType::Boolean:
    return Value(false);
  case ParameterType::List:
    return Value(Value::List{});
  case ParameterType::Json:
    return Value(Value::Map{});
  case ParameterType::String:
    break;
  }
  return Value("placeholder-" + parameter.name);
}

/// Returns the names it filled: they are not the user's, so not checked.
std::vector<std::string> fillPlaceholders(const TemplateDef &def, Value &parameters) {
  std::vector<std::string> filled;
  for (const ParameterDef &parameter : def.parameters)
    if (!parameter.defaultValue && !parameters.findCaseInsensitive(parameter.name)) {
      parameters.set(parameter.name, placeholder(parameter));
      filled.push_back(parameter.name);
    }
  return filled;
}

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

/// Opens the journal, or says why not and runs without one.
std::unique_ptr<Journal> openJournal(const std::string &program, const std::string &file) {
  auto journal = Journal::open(file);
  if (!journal) {
    std::cerr << program << ": warning: " << journal.error().message
              << "; the execution is not recorded\n";
    return nullptr;
  }
  return std::move(journal.value());
}

int runTemplate(const TemplateDef &def, const RunnerImage &image, const std::string &program,
                int argc, char **argv, int first) {
  if (first < argc && std::string(argv[first]) == "executions")
    return executionsCommand(program, argc, argv, first + 1, defaultJournalFile(defaultStateFile()));
  RunnerOptions options;
  if (auto error = parseArguments(def, argc, argv, first, options)) {
    std::cerr << program << ": error: " << *error << "\n(see " << program << " --help)\n";
    return kExitUsage;
  }
  VirtualClock virtualClock(options.now.value_or(std::chrono::system_clock::time_point(
      std::chrono::seconds(VirtualClock::DefaultEpochSeconds))));
  RealClock realClock;
  Clock &clock = options.realTime ? static_cast<Clock &>(realClock) : virtualClock;
  SimulatorOptions simulator;
  simulator.stateFile = options.stateFile.empty() ? defaultStateFile() : options.stateFile;
  simulator.worldFile = options.worldFile;
  simulator.latency = options.latency;
  simulator.realLatency = options.realTime;
  simulator.faults = options.faults;
  simulator.clock = &clock;
  // `--state world.json` has no folder to create (and an empty path throws).
  if (auto folder = std::filesystem::path(simulator.stateFile).parent_path(); !folder.empty())
    std::filesystem::create_directories(folder);
  SimulatedCloud cloud(simulator);
  if (!cloud.loadError().empty()) {
    std::cerr << program << ": error: " << cloud.loadError() << '\n';
    return kExitUsage;
  }
  Progress progress(std::cerr, {options.jsonLog, static_cast<bool>(isatty(STDERR_FILENO))});
  // OOS.ListExecutions and ListTaskExecutions are answered from the journal.
  JournalApi journalApi(cloud);
  RunEnvironment environment{journalApi, clock, progress,
                             [&](std::string_view name) { return findByName(image.templates, name); },
                             [&](std::string_view name) { return findByName(image.actions, name); }};
  environment.regionId = options.region;
  if (options.help) {
    std::cout << usage(program, def);
    printParameters(std::cout, def, environment);
    return kExitSuccess;
  }
  if (!options.resumeId.empty() && (options.dryRun || options.noJournal))
    return usageError(program, "--resume cannot go with " +
                                   std::string(options.dryRun ? "--dry-run" : "--no-journal"));
  // A timer trigger stays up: a child execution at each firing. One whose
  // runner stopped is continued by --resume-schedule, not --resume.
  bool scheduled = schedule::startsWithTimerTrigger(def);
  if (scheduled && !options.resumeId.empty())
    return usageError(program, "template '" + def.name + "' starts with ACS::TimerTrigger: continue its "
                               "trigger execution with --resume-schedule " + options.resumeId);
  std::string journalFile =
      options.journalFile.empty() ? defaultJournalFile(simulator.stateFile) : options.journalFile;
  if (!options.resumeSchedule.empty()) {
    std::optional<std::string> error;
    if (options.noJournal || options.dryRun)
      error = "--resume-schedule cannot go with " + std::string(options.dryRun ? "--dry-run" : "--no-journal");
    else
      error = schedule::restoreTriggerParameters(journalFile, options.resumeSchedule, def,
                                                 options.parameters);
    if (error)
      return usageError(program, *error);
  }
  std::unique_ptr<Journal> journal =
      options.noJournal || options.dryRun ? nullptr : openJournal(program, journalFile);
  environment.journal = journal.get();
  journalApi.attach(journal.get());
  if (!options.resumeId.empty() && !journal)
    return usageError(program, "--resume needs the journal, which could not be opened");
  // A trigger's children's ids are saved at once too (a child may change
  // nothing before its runner is killed).
  auto newTriggeredId = [&] {
    std::string id = cloud.newId("exec");
    (void)cloud.save();
    return id;
  };
  std::optional<ResumePlan> resume;
  std::vector<Value> values;
  std::string executionId;
  if (!options.resumeId.empty()) {
    auto plan = planResume(*journal, options.resumeId, def, options.parameters, environment);
    if (!plan)
      return usageError(program, plan.error().message);
    resume = std::move(plan.value());
    values = std::move(resume->parameters);
    executionId = options.resumeId;
    for (const std::string &note : resume->notes)
      std::cerr << program << ": note: " << note << '\n';
  } else {
    std::vector<std::string> placeholders;
    if (options.dryRun && options.placeholders)
      placeholders = fillPlaceholders(def, options.parameters);
    auto parameters = resolveParameters(def, options.parameters, environment, placeholders);
    if (!parameters)
      return usageError(program, parameters.error().message);
    if (options.dryRun) {
      printPlan(std::cout, def, parameters.value());
      return kExitSuccess;
    }
    values = std::move(parameters.value());
    // Ids continue across runs that share a simulated world; saved at once,
    // so a runner killed before its first change cannot hand the id out twice.
    executionId = !options.resumeSchedule.empty() ? options.resumeSchedule : cloud.newId("exec");
    if (auto saved = cloud.save(); !saved)
      std::cerr << program << ": warning: the simulated world was not saved: "
                << saved.error().message << '\n';
  }
  Cancellation cancellation;
  cancellation.requested = &cancelSignalled;
  environment.cancellation = &cancellation;
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
  if (auto error = prepareSteering(steering, program, journal.get(), options.jsonLog))
    return usageError(program, *error);
  environment.steering = &steering;
  installCancelHandlers();
  if (resume || !options.resumeSchedule.empty())
    executionResumed(environment, executionId);
  else
    executionStarted(environment, def, values, executionId, "");
  progress.start(def, cloud.describe(), executionId);
  if (resume)
    std::cerr << "resuming " << executionId << describeResume(def, resume->history) << '\n';
  schedule::TriggerOptions trigger{std::chrono::milliseconds(options.realTime ? 200 : 0),
                                   !options.resumeSchedule.empty(), newTriggeredId};
  ExecutionOutcome outcome =
      scheduled ? schedule::runTimerTrigger(def, values, environment, executionId, trigger)
                : runExecution(def, std::move(values), environment, executionId,
                               {resume ? &resume->history : nullptr});
  executionEnded(environment, executionId, outcome);
  if (auto saved = cloud.save(); !saved)
    std::cerr << program << ": warning: the simulated world was not saved: " << saved.error().message
              << '\n';
  progress.finish(executionStatusName(outcome.status), environment.secrets.maskText(outcome.error));
  std::cout << environment.secrets.mask(outcome.outputs).toJson() << std::endl;
  switch (outcome.status) {
  case ExecutionStatus::Success:
    return kExitSuccess;
  case ExecutionStatus::Cancelled:
    return kExitCancelled;
  default:
    return kExitFailed;
  }
}

} // namespace

int runnerMain(int argc, char **argv, const RunnerImage &image) {
  std::string program = std::filesystem::path(argv[0]).filename().string();
  if (image.templates.empty())
    return kExitUsage;
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
