//===- Baseline.h - Known diagnostics to leave out of reports --------------===//
//
// A baseline records the diagnostics a codebase has today so that only new
// ones are reported. Entries are keyed by file, rule, message and the text
// the diagnostic points at, never by line, so unrelated edits that move
// lines do not bring old diagnostics back.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "driver/Linter.h"

#include <map>
#include <tuple>

namespace oosc::driver {

class Baseline {
public:
  /// Records every diagnostic of the reports.
  static Baseline fromReports(const std::vector<FileReport> &reports);
  /// Reads a file written by write(); nothing when it cannot be read or is
  /// not a baseline (`error` says why).
  static std::optional<Baseline> read(const std::string &path, std::string &error);

  bool write(const std::string &path, std::string &error) const;
  /// Removes from the reports the diagnostics the baseline holds (each entry
  /// as many times as it was recorded).
  void filter(std::vector<FileReport> &reports) const;

  size_t size() const;

private:
  using Key = std::tuple<std::string, std::string, std::string, std::string>; // file, rule, message, text
  static Key keyOf(const FileReport &report, const Diagnostic &diagnostic);
  std::map<Key, size_t> counts_;
};

} // namespace oosc::driver
