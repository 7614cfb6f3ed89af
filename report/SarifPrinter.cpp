//===- SarifPrinter.cpp - SARIF 2.1.0 for code scanning tools --------------===//
//
// One run, with every rule's metadata, one artifact per file, results with
// regions in Unicode code point columns (the columns oosc prints everywhere),
// notes as related locations, and fix-its as SARIF fixes.
//
//===----------------------------------------------------------------------===//
#include "report/Printers.h"
#include "support/Uri.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

namespace oosc::report {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

/// A file path as a URI reference: unreserved characters and '/' stay, the
/// rest is percent-encoded; absolute paths become file:// URIs.
std::string toUri(std::string_view path) {
  return (!path.empty() && path[0] == '/' ? "file://" : "") + percentEncodePath(path);
}

/// SARIF's level names are oosc's severity names.
std::string level(Severity severity) { return std::string(severityName(severity)); }

Object region(const SourceFile &file, SourceRange range) {
  PrintedRange printed = printedRange(file, range);
  return Object{{"startLine", printed.start.line},
                {"startColumn", printed.start.column},
                {"endLine", printed.end.line},
                {"endColumn", printed.end.column}};
}

Object location(const SourceFile &file, size_t artifactIndex, SourceRange range) {
  return Object{{"physicalLocation",
                 Object{{"artifactLocation",
                         Object{{"uri", toUri(file.path())},
                                {"index", static_cast<int64_t>(artifactIndex)}}},
                        {"region", region(file, range)}}}};
}

Array rules() {
  Array result;
  for (const RuleInfo &rule : allRules())
    result.push_back(Object{
        {"id", std::string(rule.name)},
        {"shortDescription", Object{{"text", std::string(rule.summary)}}},
        {"defaultConfiguration", Object{{"level", level(rule.defaultSeverity)}}}});
  return result;
}

Value result(const driver::FileReport &report, size_t artifactIndex, const Diagnostic &diagnostic) {
  const SourceFile &file = *report.file;
  Object object{{"ruleId", std::string(ruleInfo(diagnostic.rule).name)},
                {"ruleIndex", static_cast<int64_t>(diagnostic.rule)},
                {"level", level(diagnostic.severity)},
                {"message", Object{{"text", diagnostic.message}}},
                {"locations", Array{location(file, artifactIndex, diagnostic.range)}}};
  Array related;
  for (size_t i = 0; i < diagnostic.notes.size(); ++i) {
    const DiagnosticNote &note = diagnostic.notes[i];
    Object entry = location(file, artifactIndex, note.range.value_or(diagnostic.range));
    entry["id"] = static_cast<int64_t>(i);
    entry["message"] = Object{{"text", note.message}};
    related.push_back(std::move(entry));
  }
  if (!related.empty())
    object["relatedLocations"] = std::move(related);
  Array fixes;
  for (const FixIt &fix : diagnostic.fixes)
    fixes.push_back(Object{
        {"description", Object{{"text", "replace with '" + fix.replacement + "'"}}},
        {"artifactChanges",
         Array{Object{{"artifactLocation", Object{{"uri", toUri(file.path())},
                                                  {"index", static_cast<int64_t>(artifactIndex)}}},
                      {"replacements",
                       Array{Object{{"deletedRegion", region(file, fix.range)},
                                    {"insertedContent", Object{{"text", fix.replacement}}}}}}}}}});
  if (!fixes.empty())
    object["fixes"] = std::move(fixes);
  return object;
}

} // namespace

void printSarif(const std::vector<driver::FileReport> &reports, llvm::raw_ostream &out) {
  Array artifacts, results;
  for (size_t i = 0; i < reports.size(); ++i) {
    artifacts.push_back(Object{{"location", Object{{"uri", toUri(reports[i].file->path())}}}});
    for (const Diagnostic &diagnostic : reports[i].diagnostics)
      results.push_back(result(reports[i], i, diagnostic));
  }
  Object driver{{"name", "oosc"},
                {"version", OOSC_VERSION},
                {"semanticVersion", OOSC_VERSION},
                {"rules", rules()}};
  Object run{{"tool", Object{{"driver", std::move(driver)}}},
             {"columnKind", "unicodeCodePoints"},
             {"artifacts", std::move(artifacts)},
             {"results", std::move(results)}};
  Object log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
             {"version", "2.1.0"},
             {"runs", Array{std::move(run)}}};
  out << llvm::formatv("{0:2}", Value(std::move(log))) << '\n';
}

} // namespace oosc::report
