//===- Printers.h - Every output format, over the one diagnostic list ------===//
#pragma once

#include "driver/Linter.h"

#include <llvm/Support/raw_ostream.h>

#include <optional>
#include <string_view>

namespace oosc::report {

enum class Format : uint8_t { Text, Json, Sarif, Github };

std::optional<Format> parseFormat(std::string_view name);

struct PrintOptions {
  Format format = Format::Text;
  bool color = false;
};

/// Prints the reports in the given format. Reports are printed in the order
/// given (callers sort them by path); diagnostics are already sorted.
void printReports(const std::vector<driver::FileReport> &reports, const PrintOptions &options,
                  llvm::raw_ostream &out);

// One function per format, each in its own file.
void printText(const std::vector<driver::FileReport> &reports, bool color, llvm::raw_ostream &out);
void printJson(const std::vector<driver::FileReport> &reports, llvm::raw_ostream &out);
void printSarif(const std::vector<driver::FileReport> &reports, llvm::raw_ostream &out);
void printGithub(const std::vector<driver::FileReport> &reports, llvm::raw_ostream &out);

/// The 1-based start and end of a diagnostic's range, end inclusive of the
/// last character as editors count it (the end column is one past it).
struct PrintedRange {
  LineColumn start;
  LineColumn end;
};
PrintedRange printedRange(const SourceFile &file, SourceRange range);

} // namespace oosc::report
