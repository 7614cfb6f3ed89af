//===- Verifier.cpp ---------------------------------------------------------===//
#include "golden/Verifier.h"

#include "report/Printers.h"

#include <llvm/Support/raw_ostream.h>

#include <map>
#include <regex>
#include <sstream>

namespace oosc::testing {
namespace {

// # expect@+1:12-20: error[undefined-reference] undefined parameter 'x'
const std::regex kDirective(
    R"(#\s*expect(@([+-]?)(\d+))?(:(\d+)(-(\d+))?)?:\s*(error|warning|note)\[([a-z-]*)\]\s*(.*)$)");

// # expect-ignore: unused-parameter, unused-output
const std::regex kIgnoreDirective(R"(#\s*expect-ignore:(.*)$)");

struct Actual {
  uint32_t line, column, endLine, endColumn;
  std::string severity, rule, message;
};

/// Diagnostics of ignored rules per rule name; each is counted as dropped.
using IgnoreCounts = std::map<std::string, size_t, std::less<>>;

std::vector<Actual> flatten(const driver::FileReport &report, IgnoreCounts &ignored) {
  std::vector<Actual> actual;
  auto add = [&](SourceRange range, Severity severity, std::string_view rule,
                 const std::string &message) {
    report::PrintedRange printed = report::printedRange(*report.file, range);
    actual.push_back({printed.start.line, printed.start.column, printed.end.line,
                      printed.end.column, std::string(severityName(severity)), std::string(rule),
                      message});
  };
  for (const Diagnostic &diagnostic : report.diagnostics) {
    if (auto it = ignored.find(ruleInfo(diagnostic.rule).name); it != ignored.end()) {
      ++it->second; // its notes go with it
      continue;
    }
    add(diagnostic.range, diagnostic.severity, ruleInfo(diagnostic.rule).name, diagnostic.message);
    for (const DiagnosticNote &note : diagnostic.notes)
      add(note.range.value_or(diagnostic.range), Severity::Note, "", note.message);
  }
  return actual;
}

bool matches(const Expectation &expected, const Actual &actual) {
  return expected.line == actual.line && expected.severity == actual.severity &&
         (expected.severity == "note" || expected.rule == actual.rule) &&
         (!expected.column || expected.column == actual.column) &&
         (!expected.endColumn || expected.endColumn == actual.endColumn) &&
         actual.message.find(expected.text) != std::string::npos;
}

std::string describe(const Actual &actual) {
  return std::to_string(actual.line) + ":" + std::to_string(actual.column) + "-" +
         std::to_string(actual.endLine) + ":" + std::to_string(actual.endColumn) + " " +
         actual.severity + "[" + actual.rule + "] " + actual.message;
}

std::string describe(const Expectation &expected) {
  std::string where = std::to_string(expected.line);
  if (expected.column)
    where += ":" + std::to_string(expected.column);
  if (expected.endColumn)
    where += "-" + std::to_string(expected.endColumn);
  return where + " " + expected.severity + "[" + expected.rule + "] " + expected.text +
         "   (directive on line " + std::to_string(expected.directiveLine) + ")";
}

std::string trimmed(std::string text) {
  size_t begin = text.find_first_not_of(" \t");
  size_t end = text.find_last_not_of(" \t");
  return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

void parseIgnore(const std::string &rules, uint32_t number, ParsedExpectations &parsed) {
  std::istringstream names(rules);
  std::string name;
  size_t count = 0;
  while (std::getline(names, name, ',')) {
    name = trimmed(name);
    if (!findRule(name)) {
      parsed.errors.push_back("line " + std::to_string(number) + ": expect-ignore of unknown rule '" +
                              name + "'");
      continue;
    }
    parsed.ignored.push_back({name, number});
    ++count;
  }
  if (count == 0 && parsed.errors.empty())
    parsed.errors.push_back("line " + std::to_string(number) + ": expect-ignore names no rule");
}

/// Directive problems that need the file's diagnostics or its place.
std::string checkIgnores(const ParsedExpectations &expected, const IgnoreCounts &dropped,
                         std::string_view caseDirectory) {
  std::string problems;
  for (const IgnoredRule &ignore : expected.ignored) {
    std::string where = "  line " + std::to_string(ignore.directiveLine) + ": ";
    if (ignore.rule == caseDirectory)
      problems += where + "a case under tests/golden/" + ignore.rule + " may not ignore '" +
                  ignore.rule + "'\n";
    else if (dropped.at(ignore.rule) == 0)
      problems += where + "expect-ignore of '" + ignore.rule +
                  "', which reports nothing in this file: remove it\n";
  }
  for (const Expectation &expectation : expected.expectations)
    if (dropped.count(expectation.rule))
      problems += "  line " + std::to_string(expectation.directiveLine) + ": expects a '" +
                  expectation.rule + "' diagnostic, but the file ignores that rule\n";
  return problems;
}

} // namespace

ParsedExpectations parseExpectations(const std::string &directives, bool allowRelative) {
  ParsedExpectations parsed;
  std::istringstream lines(directives);
  std::string line;
  for (uint32_t number = 1; std::getline(lines, line); ++number) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back(); // CRLF files
    if (line.find("expect-no-diagnostics") != std::string::npos) {
      parsed.noDiagnostics = true;
      continue;
    }
    std::smatch match;
    if (std::regex_search(line, match, kIgnoreDirective)) {
      parseIgnore(match[1], number, parsed);
      continue;
    }
    size_t hash = line.find("# expect");
    if (hash == std::string::npos)
      continue;
    std::string directive = line.substr(hash);
    if (!std::regex_match(directive, match, kDirective)) {
      parsed.errors.push_back("line " + std::to_string(number) + ": malformed directive: " + directive);
      continue;
    }
    Expectation expected;
    expected.directiveLine = number;
    expected.line = number;
    if (match[1].matched) {
      uint32_t amount = static_cast<uint32_t>(std::stoul(match[3]));
      std::string sign = match[2];
      if (!sign.empty() && !allowRelative)
        parsed.errors.push_back("line " + std::to_string(number) + ": relative line in a .expect file");
      expected.line = sign == "+" ? number + amount : sign == "-" ? number - amount : amount;
    }
    if (match[5].matched)
      expected.column = static_cast<uint32_t>(std::stoul(match[5]));
    if (match[7].matched)
      expected.endColumn = static_cast<uint32_t>(std::stoul(match[7]));
    expected.severity = match[8];
    expected.rule = match[9];
    expected.text = match[10];
    while (!expected.text.empty() && std::isspace(static_cast<unsigned char>(expected.text.back())))
      expected.text.pop_back();
    parsed.expectations.push_back(std::move(expected));
  }
  return parsed;
}

std::string verify(const driver::FileReport &report, const ParsedExpectations &expected,
                   std::string_view caseDirectory) {
  std::string problems;
  for (const std::string &error : expected.errors)
    problems += "  " + error + "\n";
  if (expected.expectations.empty() && !expected.noDiagnostics)
    problems += "  the file has no '# expect' directive and no '# expect-no-diagnostics'\n";
  IgnoreCounts dropped;
  for (const IgnoredRule &ignore : expected.ignored)
    dropped.emplace(ignore.rule, 0);
  std::vector<Actual> actual = flatten(report, dropped);
  problems += checkIgnores(expected, dropped, caseDirectory);
  std::vector<bool> used(actual.size(), false);
  std::string missing, extra;
  for (const Expectation &expectation : expected.expectations) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i)
      if (!used[i] && matches(expectation, actual[i]))
        used[i] = found = true;
    if (!found)
      missing += "    " + describe(expectation) + "\n";
  }
  for (size_t i = 0; i < actual.size(); ++i)
    if (!used[i])
      extra += "    " + describe(actual[i]) + "\n";
  if (!missing.empty())
    problems += "  expected but not seen:\n" + missing;
  if (!extra.empty())
    problems += "  seen but not expected:\n" + extra;
  if (!problems.empty()) {
    std::string printed;
    llvm::raw_string_ostream out(printed);
    report::printText({report}, false, out);
    problems += "  full output:\n" + out.str();
  }
  return problems;
}

} // namespace oosc::testing
