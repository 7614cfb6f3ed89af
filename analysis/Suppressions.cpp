//===- Suppressions.cpp -----------------------------------------------------===//
#include "analysis/Suppressions.h"

#include "support/DiagnosticEngine.h"

#include <algorithm>
#include <optional>

namespace oosc::analysis {
namespace {

enum class Scope : uint8_t { NextLine, Block, File, Enable };

struct Suppression {
  Scope scope;
  std::vector<RuleId> rules;
  uint32_t firstLine = 0, lastLine = 0; ///< lines silenced (1-based, inclusive)
  SourceRange comment;
  bool used = false;
};

constexpr std::string_view kPrefix = "oosc-";

/// The comment of a line: a `#` at its start or after a blank, outside
/// quotes. (A `#` in a block scalar's text is taken as a comment too; the
/// directive words make an accident unlikely.)
std::optional<size_t> commentStart(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      quote = c == quote ? 0 : quote;
      continue;
    }
    if (c == '\'' || c == '"')
      quote = c;
    else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
      return i;
  }
  return std::nullopt;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

class Parser {
public:
  Parser(const SourceFile &file, std::vector<Diagnostic> &problems) : file_(file), problems_(problems) {}

  std::vector<Suppression> parse() {
    for (uint32_t line = 1; line <= file_.lineCount(); ++line)
      parseLine(line);
    for (Suppression &open : open_) // a block never enabled runs to the end
      finishBlock(open, file_.lineCount());
    return std::move(result_);
  }

private:
  void parseLine(uint32_t line) {
    std::string_view text = file_.lineText(line);
    auto hash = commentStart(text);
    if (!hash)
      return;
    std::string_view comment = trim(text.substr(*hash + 1));
    if (comment.substr(0, kPrefix.size()) != kPrefix)
      return;
    uint32_t begin = file_.lineStart(line) + static_cast<uint32_t>(*hash);
    SourceRange where{begin, begin + static_cast<uint32_t>(text.size() - *hash)};
    size_t space = comment.find_first_of(" \t");
    std::string_view directive = comment.substr(0, space);
    std::string_view rest = space == std::string_view::npos ? "" : comment.substr(space);
    rest = trim(rest.substr(0, rest.find("--")));
    std::optional<Scope> scope = directive == "oosc-disable-next-line" ? Scope::NextLine
                                 : directive == "oosc-disable"        ? Scope::Block
                                 : directive == "oosc-disable-file"   ? Scope::File
                                 : directive == "oosc-enable"         ? Scope::Enable
                                                                      : std::optional<Scope>();
    if (!scope) {
      report(where, "unknown directive '" + std::string(directive) +
                        "'; use oosc-disable-next-line, oosc-disable, oosc-enable or oosc-disable-file");
      return;
    }
    std::vector<RuleId> rules = parseRules(rest, where);
    if (rules.empty())
      return;
    Suppression suppression{*scope, rules, line + 1, line + 1, where, false};
    switch (*scope) {
    case Scope::NextLine:
      result_.push_back(suppression);
      break;
    case Scope::File:
      suppression.firstLine = 1;
      suppression.lastLine = file_.lineCount();
      result_.push_back(suppression);
      break;
    case Scope::Block:
      open_.push_back(suppression);
      break;
    case Scope::Enable:
      enable(rules, line, where);
      break;
    }
  }

  std::vector<RuleId> parseRules(std::string_view text, SourceRange where) {
    std::vector<RuleId> rules;
    bool named = !text.empty();
    while (!text.empty()) {
      size_t comma = text.find(',');
      std::string name(trim(text.substr(0, comma)));
      text = comma == std::string_view::npos ? "" : text.substr(comma + 1);
      if (auto rule = findRule(name))
        rules.push_back(*rule);
      else if (!name.empty())
        report(where, "'" + name + "' is not a rule (see oosc lint --list-rules)");
    }
    if (!named)
      report(where, "a suppression names the rules it silences");
    return rules;
  }

  void enable(const std::vector<RuleId> &rules, uint32_t line, SourceRange where) {
    for (RuleId rule : rules) {
      auto it = std::find_if(open_.begin(), open_.end(), [&](const Suppression &open) {
        return std::find(open.rules.begin(), open.rules.end(), rule) != open.rules.end();
      });
      if (it == open_.end()) {
        report(where, "oosc-enable " + std::string(ruleInfo(rule).name) + " has no oosc-disable before it");
        continue;
      }
      Suppression closed = *it;
      closed.rules = {rule};
      finishBlock(closed, line - 1);
      it->rules.erase(std::find(it->rules.begin(), it->rules.end(), rule));
      if (it->rules.empty())
        open_.erase(it);
    }
  }

  void finishBlock(Suppression block, uint32_t lastLine) {
    block.lastLine = lastLine;
    result_.push_back(block);
  }

  void report(SourceRange where, std::string message) {
    problems_.push_back({RuleId::UnusedSuppression, Severity::Warning, where, std::move(message), {}, {}});
  }

  const SourceFile &file_;
  std::vector<Diagnostic> &problems_;
  std::vector<Suppression> result_;
  std::vector<Suppression> open_;
};

bool silences(Suppression &suppression, const Diagnostic &diagnostic, uint32_t line) {
  if (line < suppression.firstLine || line > suppression.lastLine)
    return false;
  return std::find(suppression.rules.begin(), suppression.rules.end(), diagnostic.rule) !=
         suppression.rules.end();
}

} // namespace

void applySuppressions(const SourceFile &file, std::vector<Diagnostic> &diagnostics) {
  if (file.text().find("oosc-") == std::string_view::npos)
    return; // the common case: nothing to parse
  std::vector<Diagnostic> problems;
  std::vector<Suppression> suppressions = Parser(file, problems).parse();
  auto suppressed = [&](const Diagnostic &diagnostic) {
    uint32_t line = file.lineColumn(diagnostic.range.begin).line;
    bool any = false;
    for (Suppression &suppression : suppressions)
      if (silences(suppression, diagnostic, line))
        any = suppression.used = true;
    return any;
  };
  diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(), suppressed), diagnostics.end());
  for (const Suppression &suppression : suppressions)
    if (!suppression.used)
      problems.push_back({RuleId::UnusedSuppression, Severity::Warning, suppression.comment,
                          "this suppression silences nothing; remove it", {}, {}});
  diagnostics.insert(diagnostics.end(), problems.begin(), problems.end());
  sortAndUnique(diagnostics);
}

} // namespace oosc::analysis
