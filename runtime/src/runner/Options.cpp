//===- runner/Options.cpp ---------------------------------------------------===//
#include "runner/Options.h"

#include "oosc/runtime/schedule/Calendar.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace oosc::runtime {
namespace {

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

} // namespace oosc::runtime
