//===- CommandLine.cpp ------------------------------------------------------===//
#include "cli/CommandLine.h"

#include <cstdlib>

namespace oosc::cli {

const char *const kMainHelp = R"(oosc - compiler and static analyzer for Alibaba Cloud OOS templates

usage: oosc <command> [options]

commands:
  lint      check templates and report problems with rule names
  build     compile templates into a native runner (on the simulated cloud)
  run       build a template into a cached runner and run it
  lsp       the language server, over stdio, for editors
  sim       `oosc sim serve`: the simulated cloud over HTTP, as OpenAPI endpoints
  actions   `oosc actions pull`: fetch the product actions templates need from OOS
  help      show this help, or `oosc help lint` for a command's help
  version   print the version

Run `oosc help COMMAND` for a command's options.
)";

const char *const kLintHelp = R"(usage: oosc lint [options] PATH...

Checks OOS templates (YAML or JSON). A directory is searched recursively for
.yml, .yaml and .json files (hidden files and directories are skipped).

options:
  --format FORMAT   text (default), json, sarif or github
  --color WHEN      auto (default: only on a terminal), always or never
  -j, --jobs N      lint N files in parallel (default: one per core)
  --actions DIR     product-action definitions (ACS::ECS::RunInstances.yml, at any
                    depth of DIR), known with their properties and outputs as
                    `oosc build --actions` runs them; repeatable, before the
                    .oosc.yaml `actions:` folders and $XDG_DATA_HOME/oosc/actions
  --list-rules      print the rules with their default severity and exit
  --explain RULE    what a rule checks, why, and an example
  --baseline FILE   report only diagnostics that FILE does not record
  --write-baseline FILE  record the current diagnostics in FILE (keyed by file,
                    rule, message and flagged text, not by line) and exit 0
  --fix             apply the fixes diagnostics offer (did-you-mean names, the
                    declared case of a reference) in place, then report the rest
  --dry-run         with --fix: print the changes as a diff, write nothing
  -h, --help        show this help

exit status: 0 no errors, 1 errors found, 2 bad usage or an unreadable path.
)";

namespace {

/// Accepts `--name value` and `--name=value`; returns false when `argument`
/// is not `name` at all.
bool takeValue(const std::vector<std::string> &arguments, size_t &i, std::string_view name,
               std::string &value, std::string &error) {
  const std::string &argument = arguments[i];
  if (argument == name) {
    if (i + 1 >= arguments.size()) {
      error = "option '" + std::string(name) + "' needs a value";
      return true;
    }
    value = arguments[++i];
    return true;
  }
  if (argument.size() > name.size() && argument.compare(0, name.size(), name) == 0 &&
      argument[name.size()] == '=') {
    value = argument.substr(name.size() + 1);
    return true;
  }
  return false;
}

bool parseJobs(const std::string &text, unsigned &jobs) {
  char *end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 1 || value > 1024)
    return false;
  jobs = static_cast<unsigned>(value);
  return true;
}

} // namespace

ParsedLintArguments parseLintArguments(const std::vector<std::string> &arguments) {
  ParsedLintArguments result;
  LintCommandOptions &options = result.options;
  std::string &error = result.error;
  bool onlyPaths = false;
  for (size_t i = 0; i < arguments.size() && error.empty(); ++i) {
    const std::string &argument = arguments[i];
    std::string value;
    if (onlyPaths || argument == "-" || argument.empty() || argument[0] != '-') {
      options.paths.push_back(argument);
    } else if (argument == "--") {
      onlyPaths = true;
    } else if (argument == "-h" || argument == "--help") {
      options.help = true;
    } else if (argument == "--list-rules") {
      options.listRules = true;
    } else if (argument == "--fix") {
      options.fix = true;
    } else if (argument == "--dry-run") {
      options.dryRun = true;
    } else if (takeValue(arguments, i, "--write-baseline", value, error)) {
      options.writeBaseline = value;
    } else if (takeValue(arguments, i, "--baseline", value, error)) {
      options.baseline = value;
    } else if (takeValue(arguments, i, "--explain", value, error)) {
      options.explain = value;
    } else if (takeValue(arguments, i, "--format", value, error)) {
      if (auto format = report::parseFormat(value); format && error.empty())
        options.format = *format;
      else if (error.empty())
        error = "unknown format '" + value + "' (expected text, json, sarif or github)";
    } else if (takeValue(arguments, i, "--color", value, error)) {
      if (value == "auto")
        options.color = ColorMode::Auto;
      else if (value == "always")
        options.color = ColorMode::Always;
      else if (value == "never")
        options.color = ColorMode::Never;
      else if (error.empty())
        error = "unknown color mode '" + value + "' (expected auto, always or never)";
    } else if (takeValue(arguments, i, "--actions", value, error)) {
      options.actionFolders.push_back(value);
    } else if (takeValue(arguments, i, "--jobs", value, error) ||
               takeValue(arguments, i, "-j", value, error)) {
      if (error.empty() && !parseJobs(value, options.jobs))
        error = "'-j' needs a number of threads from 1 to 1024, not '" + value + "'";
    } else if (argument.rfind("-j", 0) == 0 && argument.size() > 2) {
      if (!parseJobs(argument.substr(2), options.jobs))
        error = "'-j' needs a number of threads from 1 to 1024, not '" + argument.substr(2) + "'";
    } else {
      error = "unknown option '" + argument + "'";
    }
  }
  if (error.empty() && options.paths.empty() && !options.help && !options.listRules &&
      options.explain.empty())
    error = "no PATH given";
  if (error.empty() && options.dryRun && !options.fix)
    error = "--dry-run goes with --fix";
  return result;
}

} // namespace oosc::cli
