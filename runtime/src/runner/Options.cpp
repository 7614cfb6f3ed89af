//===- runner/Options.cpp ---------------------------------------------------===//
#include "runner/Options.h"

#include "oosc/runtime/OptionValues.h"
#include "text/MessageText.h"
#include "runner/ParameterArguments.h"

#include <cstdlib>
#include <sstream>

namespace oosc::runtime {
namespace {

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

/// --answer [TASK=]VERB.
std::optional<std::string> parseAnswer(const std::string &text, RunnerOptions &options) {
  size_t equals = text.rfind('=');
  GivenAnswer answer;
  if (equals != std::string::npos)
    answer.task = text.substr(0, equals);
  std::optional<Verb> verb = parseVerb(equals == std::string::npos ? text : text.substr(equals + 1));
  if (!verb || (equals != std::string::npos && answer.task.empty()))
    return "--answer takes [TASK=]VERB (VERB one of run, skip, complete, retry, approve, reject, resume, "
           "cancel), not " + text::quoteCut(text);
  answer.verb = *verb;
  options.answers.push_back(std::move(answer));
  return std::nullopt;
}

/// --cloud, --endpoint, --endpoint-type, --signature and --profile.
std::optional<std::string> parseCloudOption(const std::string &name, const std::string &value,
                                            RunnerOptions &options) {
  if (name == "--cloud") {
    if (value != "sim" && value != "aliyun")
      return "--cloud takes sim or aliyun, not " + text::quoteCut(value);
    options.realCloud = value == "aliyun";
  } else if (name == "--endpoint") {
    options.endpoint = value;
  } else if (name == "--profile") {
    options.profile = value;
  } else if (name == "--time-scale") {
    auto scale = parseIntegerIn(value, 1, 100000);
    if (!scale)
      return "--time-scale takes a whole number from 1 to 100000, not " + text::quoteCut(value);
    options.timeScale = static_cast<long>(*scale);
  } else if (name == "--endpoint-type") {
    if (value != "public" && value != "vpc")
      return "--endpoint-type takes public or vpc, not " + text::quoteCut(value);
    options.vpcEndpoints = value == "vpc";
  } else {
    if (value != "v1" && value != "v3")
      return "--signature takes v3 or v1, not " + text::quoteCut(value);
    options.signatureV1 = value == "v1";
  }
  return std::nullopt;
}

/// The options of one cloud do not go with the other's.
std::optional<std::string> checkCloudOptions(const RunnerOptions &options) {
  if (options.preflight && (options.dryRun || !options.realCloud))
    return options.dryRun ? "--preflight and --dry-run are two ways of calling nothing: give one"
                          : "--preflight asks the real cloud: it goes with --cloud aliyun";
  if (!options.realCloud) {
    if (!options.endpoint.empty() || options.vpcEndpoints || options.signatureV1 || !options.profile.empty() ||
        options.timeScale != 1)
      return "--endpoint, --endpoint-type, --signature, --profile and --time-scale go with --cloud aliyun";
    return std::nullopt;
  }
  if (!options.stateFile.empty() || !options.worldFile.empty() || options.newState ||
      options.latency.count() != 0 || !options.faults.empty() || options.readScripts)
    return "--state, --world, --new-state, --latency, --fail and --read-scripts are the simulated cloud's; "
           "they do not go with --cloud aliyun";
  if (options.now)
    return "--now sets the virtual clock of the simulated cloud; with --cloud aliyun time is real";
  return std::nullopt;
}

} // namespace

std::string runnerUsage(const std::string &program, const TemplateDef &def) {
  std::ostringstream text;
  text << "usage: " << program << " [options]\n\n"
       << "Runs the OOS template '" << def.source << "' (compiled by oosc) on the simulated cloud.\n";
  if (!def.description.empty())
    text << def.description << "\n";
  text << "\noptions:\n"
          "  -p, --parameter NAME=VALUE  set a parameter (List and Json values are JSON)\n"
          "  --parameters JSON|@FILE     parameters as a JSON object, as StartExecution takes them\n"
          "  --dry-run                   resolve the parameters and print the plan; call nothing\n"
          "  --preflight                 with --cloud aliyun: ask the cloud, changing nothing,\n"
          "                              whether each API the templates call would be allowed\n"
          "                              (sent with DryRun=true where the API takes it); a\n"
          "                              refusal names the RAM action needed\n"
          "  --placeholders              with --dry-run: fill required parameters with placeholders\n"
          "  --pick-defaults             fill each required parameter not given from the cloud's\n"
          "                              first matching resource, as the console's pickers offer\n"
          "                              them (see the parameters below); a value of its type\n"
          "                              where no picker serves it; a picker left at a Default\n"
          "                              of '' is picked too\n"
          "  --interactive               ask for each required parameter not given, offering the\n"
          "                              cloud's matching resources to choose from\n"
          "  --state FILE                the simulated world, kept between runs and shared by\n"
          "                              runners that name it (they take turns, call by call)\n"
          "                              (default $XDG_STATE_HOME/oosc/simulator.json)\n"
          "  --new-state                 start a new world in the state file, replacing what it\n"
          "                              holds (for a file a crash or a full disk left empty or cut)\n"
          "  --world FILE                seed a new world from this JSON file\n"
          "  --read-scripts              read Cloud Assistant shell scripts (echo, sleep, exit\n"
          "                              lines) instead of running them with bash in each\n"
          "                              instance's bubblewrap sandbox\n"
          "  --journal FILE              record the execution in this SQLite file (default\n"
          "                              journal.sqlite beside the state file); a journal that\n"
          "                              cannot be written stops the runner\n"
          "  --no-journal                record nothing (a throwaway run)\n"
          "  --webhooks record|post      ACS::Notify's webhooks: recorded in the simulated world\n"
          "                              (default), or really posted over HTTP(S)\n"
          "  --resume EXECUTION_ID       continue an interrupted execution from the journal: ended\n"
          "                              tasks and loop items are not run again (give secret\n"
          "                              parameters again with -p; the others are recorded)\n"
          "  --region ID                 ACS::RegionId (default cn-hangzhou)\n"
          "  --cloud sim|aliyun          the simulated cloud inside the runner (default), or\n"
          "                              Alibaba Cloud's OpenAPI: credentials from the default\n"
          "                              chain (the environment, an OIDC role, the aliyun CLI's\n"
          "                              config.json, ~/.alibabacloud/credentials, the ECS\n"
          "                              instance's RAM role, ALIBABA_CLOUD_CREDENTIALS_URI);\n"
          "                              waits take real time\n"
          "  --endpoint URL              with --cloud aliyun: send every call to URL (a private\n"
          "                              or test endpoint such as `oosc sim serve`); https, or\n"
          "                              http to loopback only\n"
          "  --endpoint-type public|vpc  with --cloud aliyun: the API table's public (default)\n"
          "                              or VPC endpoints\n"
          "  --signature v3|v1           with --cloud aliyun: ACS3-HMAC-SHA256 (default) or\n"
          "                              HMAC-SHA1 for RPC APIs\n"
          "  --profile NAME              with --cloud aliyun: the aliyun CLI profile of\n"
          "                              ~/.aliyun/config.json or ~/.alibabacloud/credentials to\n"
          "                              sign with; default ALIBABA_CLOUD_PROFILE or the file's\n"
          "                              current one, after the environment's keys\n"
          "  --time-scale N              with --cloud aliyun and a loopback --endpoint: the test\n"
          "                              cloud's time runs N times faster (`oosc sim serve\n"
          "                              --time-scale N`), so waits are N times shorter\n"
          "  --latency MS                simulated latency of each API call (0 to 3600000)\n"
          "  --real-time                 really wait (Sleep, WaitFor, latency) instead of a virtual clock\n"
          "  --now TIME                  start the virtual clock at TIME (e.g. 2026-11-21T00:00:00Z;\n"
          "                              default 2024-01-01T00:00:00Z; from 1970-01-01 to\n"
          "                              2199-12-31T23:59:59Z)\n"
          "  --resume-schedule EXECUTION_ID  continue an ACS::TimerTrigger execution whose runner\n"
          "                              stopped: firings that passed meanwhile are reported Missed\n"
          "  --firings N                 with ACS::TimerTrigger: end the trigger execution after N\n"
          "                              firings instead of at its EndDate (to try a schedule);\n"
          "                              with an event or alarm trigger: after N events\n"
          "  --event JSON|@FILE          with ACS::EventTrigger or ACS::AlarmTrigger: fire on this\n"
          "                              event (repeatable, in order; e.g. {\"content\":\n"
          "                              {\"resourceId\":\"i-...\"}}) instead of waiting for the\n"
          "                              cloud's (CloudMonitor's system events, or metrics)\n"
          "  --listen-for TIME           how long an event or alarm trigger waits (90, 30s, 10m,\n"
          "                              2h, 1d; default a day of world time on the simulator,\n"
          "                              until Ctrl-C on a real clock)\n"
          "  --fail SERVICE.API[:CODE][@N|~P]  make an API fail: its Nth call (1 to 10^9), each\n"
          "                              call with probability P (0 < P <= 1; seeded: runs\n"
          "                              repeat), or every call\n"
          "  --log text|json             progress format on stderr (default text)\n"
          "  --kill-after call:N|record:N  for tests of --resume: SIGKILL this runner right after\n"
          "                              the Nth cloud call is answered, or the Nth journal record\n"
          "  --mode MODE                 Automatic (default); Debug: ask before each task (run,\n"
          "                              skip, complete, cancel); FailurePause: ask after a\n"
          "                              failure (retry, skip, cancel)\n"
          "  --loop-mode MODE            Automatic (default), FirstBatchPause or EveryBatchPause:\n"
          "                              pause between the batches of a Batch-mode loop\n"
          "  --answer [TASK=]VERB        answer in advance what TASK (every task without TASK=)\n"
          "                              would wait for: approve or reject an ACS::Approve, resume\n"
          "                              a pause, ... (repeatable; the first that applies wins)\n"
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

std::optional<std::string> parseRunnerArguments(const TemplateDef &def, int argc, char **argv, int first,
                                          RunnerOptions &options) {
  GivenParameters given{options.parameters, options.parametersGivenAs};
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
    } else if (argument == "--preflight") {
      options.preflight = true;
    } else if (argument == "--dry-run") {
      options.dryRun = true;
    } else if (argument == "--placeholders") {
      options.placeholders = true;
    } else if (argument == "--pick-defaults") {
      options.pickDefaults = true;
    } else if (argument == "--interactive") {
      options.interactive = true;
    } else if (argument == "--real-time") {
      options.realTime = true;
    } else if (argument == "--new-state") {
      options.newState = true;
    } else if (argument == "--read-scripts") {
      options.readScripts = true;
    } else if (argument == "-p" || argument.rfind("--parameter=", 0) == 0 || argument == "--parameter") {
      auto assignment = value();
      if (!assignment)
        return "-p needs NAME=VALUE";
      if (auto error = addParameterArgument(def, *assignment, given))
        return error;
    } else if (argument.rfind("--parameters", 0) == 0) {
      auto json = value();
      if (!json)
        return "--parameters needs a JSON object or @FILE";
      if (auto error = addParametersJson(def, *json, given))
        return error;
    } else if (argument == "--now" || argument.rfind("--now=", 0) == 0) {
      auto text = value();
      if (!text)
        return "--now needs a time such as 2026-11-21T00:00:00Z";
      auto now = parseNow(*text);
      if (auto *error = std::get_if<std::string>(&now))
        return *error;
      options.now = std::get<0>(now);
    } else if (argument.rfind("--state", 0) == 0 || argument.rfind("--world", 0) == 0 ||
               argument.rfind("--region", 0) == 0 || argument.rfind("--latency", 0) == 0 ||
               argument.rfind("--fail", 0) == 0 || argument.rfind("--log", 0) == 0 ||
               argument.rfind("--journal", 0) == 0 || argument.rfind("--resume", 0) == 0 ||
               argument.rfind("--kill-after", 0) == 0 || argument.rfind("--webhooks", 0) == 0 ||
               argument.rfind("--mode", 0) == 0 || argument.rfind("--loop-mode", 0) == 0 ||
               argument.rfind("--answer", 0) == 0 ||
               argument.rfind("--cloud", 0) == 0 || argument.rfind("--endpoint", 0) == 0 ||
               argument.rfind("--signature", 0) == 0 || argument.rfind("--profile", 0) == 0 ||
               argument.rfind("--time-scale", 0) == 0 || argument.rfind("--firings", 0) == 0 ||
               argument.rfind("--event", 0) == 0 || argument.rfind("--listen-for", 0) == 0) {
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
        auto point = parseKillAfter(*text);
        if (auto *error = std::get_if<std::string>(&point))
          return *error;
        KillPoint kill = std::get<KillPoint>(point);
        (kill.afterCall ? options.killAfterCall : options.killAfterRecord) = kill.count;
      }
      else if (name == "--journal")
        options.journalFile = *text;
      else if (name == "--world")
        options.worldFile = *text;
      else if (name == "--region")
        options.region = *text;
      else if (name == "--latency") {
        auto latency = parseLatency(*text);
        if (auto *error = std::get_if<std::string>(&latency))
          return *error;
        options.latency = std::get<0>(latency);
      }
      else if (name == "--log")
        options.jsonLog = *text == "json";
      else if (name == "--resume-schedule")
        options.resumeSchedule = *text;
      else if (name == "--firings") {
        char *end = nullptr;
        unsigned long long count = std::strtoull(text->c_str(), &end, 10);
        if (text->empty() || *end != '\0' || count < 1 || count > 1000000000ULL)
          return "--firings needs a number from 1 to 10^9, not '" + *text + "'";
        options.maxFirings = count;
      }
      else if (name == "--event") {
        auto event = parseEvent(*text);
        if (auto *error = std::get_if<std::string>(&event))
          return *error;
        options.events.push_back(std::get<Value>(event));
      }
      else if (name == "--listen-for") {
        auto span = parseSpan(*text);
        if (!span)
          return "--listen-for takes a time such as 90, 30s, 10m, 2h or 1d, not '" + *text + "'";
        options.listenFor = *span;
      }
      else if (name == "--answer") {
        if (auto error = parseAnswer(*text, options))
          return error;
      }
      else if (name == "--mode" || name == "--loop-mode") {
        if (auto error = parseModes(name, *text, options))
          return error;
      } else if (name == "--cloud" || name == "--endpoint" || name == "--endpoint-type" ||
                 name == "--signature" || name == "--profile" || name == "--time-scale") {
        if (auto error = parseCloudOption(name, *text, options))
          return error;
      } else {
        auto rule = parseFault(*text);
        if (auto *error = std::get_if<std::string>(&rule))
          return *error;
        options.faults.push_back(std::get<FaultRule>(rule));
      }
    } else {
      return "unknown option " + text::quoteCut(argument);
    }
  }
  options.parameters = std::move(given.values);
  options.parametersGivenAs = std::move(given.givenAs);
  if (options.now && options.realTime)
    return "--now sets the virtual clock; it cannot be used with --real-time";
  return checkCloudOptions(options);
}

} // namespace oosc::runtime
