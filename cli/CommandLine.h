//===- CommandLine.h - Parsing oosc's arguments into option structs --------===//
#pragma once

#include "report/Printers.h"

#include <string>
#include <vector>

namespace oosc::cli {

enum class ColorMode : uint8_t { Auto, Always, Never };

struct LintCommandOptions {
  std::vector<std::string> paths;
  report::Format format = report::Format::Text;
  ColorMode color = ColorMode::Auto;
  unsigned jobs = 0; ///< 0: one per core
  std::vector<std::string> actionFolders; ///< --actions DIR, in order
  bool listRules = false;
  std::string explain; ///< --explain RULE
  std::string baseline;      ///< --baseline FILE: leave out what it records
  std::string writeBaseline; ///< --write-baseline FILE
  bool fix = false;     ///< --fix: apply the fix-its in place
  bool dryRun = false;  ///< with --fix: print the diff, change nothing
  bool help = false;
};

/// The outcome of parsing: options, or a usage error to print with exit 2.
struct ParsedLintArguments {
  LintCommandOptions options;
  std::string error;
};

ParsedLintArguments parseLintArguments(const std::vector<std::string> &arguments);

extern const char *const kLintHelp;
extern const char *const kMainHelp;

} // namespace oosc::cli
