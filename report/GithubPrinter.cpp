//===- GithubPrinter.cpp - GitHub Actions workflow annotations -------------===//
//
// `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::MESSAGE`,
// with the escaping GitHub's workflow command parser expects.
//
//===----------------------------------------------------------------------===//
#include "report/Printers.h"

namespace oosc::report {
namespace {

std::string escapeData(std::string_view text) {
  std::string result;
  for (char c : text) {
    if (c == '%')
      result += "%25";
    else if (c == '\r')
      result += "%0D";
    else if (c == '\n')
      result += "%0A";
    else
      result += c;
  }
  return result;
}

std::string escapeProperty(std::string_view text) {
  std::string result;
  for (char c : escapeData(text)) {
    if (c == ':')
      result += "%3A";
    else if (c == ',')
      result += "%2C";
    else
      result += c;
  }
  return result;
}

std::string_view command(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "notice";
  }
  return "error";
}

} // namespace

void printGithub(const std::vector<driver::FileReport> &reports, llvm::raw_ostream &out) {
  for (const driver::FileReport &report : reports)
    for (const Diagnostic &diagnostic : report.diagnostics) {
      PrintedRange range = printedRange(*report.file, diagnostic.range);
      out << "::" << command(diagnostic.severity) << " file=" << escapeProperty(report.file->path())
          << ",line=" << range.start.line << ",col=" << range.start.column
          << ",endLine=" << range.end.line << ",endColumn=" << range.end.column
          << ",title=" << escapeProperty(ruleInfo(diagnostic.rule).name)
          << "::" << escapeData(diagnostic.message + " [" + std::string(ruleInfo(diagnostic.rule).name) + "]")
          << '\n';
    }
}

} // namespace oosc::report
