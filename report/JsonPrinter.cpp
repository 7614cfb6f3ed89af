//===- JsonPrinter.cpp - The documented JSON report ------------------------===//
//
// {"version":1,"files":N,"diagnostics":[{"file","line","column","endLine",
// "endColumn","severity","rule","message","notes":[{"line","column","endLine",
// "endColumn","message"}]}]}: keys in exactly this order, so the output is
// stable for tools that compare it as text. A note without a place of its
// own is given its diagnostic's.
//
//===----------------------------------------------------------------------===//
#include "report/Printers.h"

#include <llvm/Support/JSON.h>

namespace oosc::report {

namespace {

void printRange(llvm::json::OStream &json, const PrintedRange &range) {
  json.attribute("line", static_cast<int64_t>(range.start.line));
  json.attribute("column", static_cast<int64_t>(range.start.column));
  json.attribute("endLine", static_cast<int64_t>(range.end.line));
  json.attribute("endColumn", static_cast<int64_t>(range.end.column));
}

} // namespace

void printJson(const std::vector<driver::FileReport> &reports, llvm::raw_ostream &out) {
  llvm::json::OStream json(out);
  json.object([&] {
    json.attribute("version", 1);
    json.attribute("files", static_cast<int64_t>(reports.size()));
    json.attributeArray("diagnostics", [&] {
      for (const driver::FileReport &report : reports)
        for (const Diagnostic &diagnostic : report.diagnostics) {
          json.object([&] {
            json.attribute("file", report.file->path());
            printRange(json, printedRange(*report.file, diagnostic.range));
            json.attribute("severity", std::string(severityName(diagnostic.severity)));
            json.attribute("rule", std::string(ruleInfo(diagnostic.rule).name));
            json.attribute("message", diagnostic.message);
            json.attributeArray("notes", [&] {
              for (const DiagnosticNote &note : diagnostic.notes)
                json.object([&] {
                  printRange(json, printedRange(*report.file, note.range.value_or(diagnostic.range)));
                  json.attribute("message", note.message);
                });
            });
          });
        }
    });
  });
  out << '\n';
}

} // namespace oosc::report
