//===- Config.h - .oosc.yaml: rule severities, rules off, ignored paths ----===//
//
//   # .oosc.yaml (the nearest one above a template applies to it)
//   rules:
//     unreachable-task: off        # or error, warning, note
//     reference-case: error
//   ignore:                        # globs below this file's folder, any depth
//     - generated/**
//   actions: vendor/actions        # product-action definitions (a folder or a
//                                  # list), relative to this file's folder
//
//===----------------------------------------------------------------------===//
#pragma once

#include "support/Diagnostic.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace oosc::driver {

struct Config {
  std::string path;      ///< the .oosc.yaml it was read from
  std::string directory; ///< its folder, the base of the ignore globs
  /// Per rule: a severity, or nothing for "off".
  std::map<RuleId, std::optional<Severity>> rules;
  std::vector<std::string> ignore;
  /// Folders of product-action definitions (`ACS::ECS::RunInstances.yml`).
  std::vector<std::string> actionFolders;
  /// Problems in the file itself, `path:line: message`.
  std::vector<std::string> problems;

  /// Whether a template path is ignored.
  bool ignores(const std::string &templatePath) const;
  /// Applies severities and rules off to a file's diagnostics.
  void apply(std::vector<Diagnostic> &diagnostics) const;
};

/// The .oosc.yaml nearest above `templatePath` (its folder first), read; a
/// default configuration when there is none.
std::shared_ptr<const Config> configFor(const std::string &templatePath);

} // namespace oosc::driver
