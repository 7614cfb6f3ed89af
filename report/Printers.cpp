//===- Printers.cpp ---------------------------------------------------------===//
#include "report/Printers.h"

namespace oosc::report {

std::optional<Format> parseFormat(std::string_view name) {
  if (name == "text")
    return Format::Text;
  if (name == "json")
    return Format::Json;
  if (name == "sarif")
    return Format::Sarif;
  if (name == "github")
    return Format::Github;
  return std::nullopt;
}

PrintedRange printedRange(const SourceFile &file, SourceRange range) {
  LineColumn start = file.lineColumn(range.begin);
  LineColumn end = file.lineColumn(std::max(range.end, range.begin));
  return {start, end};
}

void printReports(const std::vector<driver::FileReport> &reports, const PrintOptions &options,
                  llvm::raw_ostream &out) {
  switch (options.format) {
  case Format::Text:
    printText(reports, options.color, out);
    break;
  case Format::Json:
    printJson(reports, out);
    break;
  case Format::Sarif:
    printSarif(reports, out);
    break;
  case Format::Github:
    printGithub(reports, out);
    break;
  }
}

} // namespace oosc::report
