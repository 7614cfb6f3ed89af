//===- Harness.cpp ----------------------------------------------------------===//
#include "Harness.h"

#include "driver/Config.h"

#include <iomanip>
#include <sstream>

namespace oosc::mutation {

driver::AnalyzedSource lintText(const std::string &path, std::string text) {
  static const driver::Config defaults;
  return driver::analyzeSource(std::make_shared<const SourceFile>(path, std::move(text)), &defaults);
}

bool usableAsBaseline(const driver::AnalyzedSource &original) {
  return original.parsed && original.parsed->complete && original.report.count(Severity::Error) == 0;
}

namespace {

using LineKey = std::pair<RuleId, uint32_t>;

/// The mutant's diagnostics that the original does not have, by rule and line.
std::map<LineKey, int> newDiagnostics(const driver::FileReport &original, const Splice &splice,
                                      const driver::FileReport &mutant) {
  std::map<LineKey, int> added;
  for (const Diagnostic &diagnostic : mutant.diagnostics)
    ++added[{diagnostic.rule, mutant.file->lineColumn(diagnostic.range.begin).line}];
  for (const Diagnostic &diagnostic : original.diagnostics) {
    uint32_t line = mutant.file->lineColumn(splice.mapped(diagnostic.range.begin)).line;
    auto it = added.find({diagnostic.rule, line});
    if (it != added.end() && --it->second == 0)
      added.erase(it);
  }
  return added;
}

std::string describeLine(const driver::FileReport &mutant, uint32_t line,
                         const std::map<LineKey, int> &added) {
  std::string text;
  for (const Diagnostic &diagnostic : mutant.diagnostics) {
    if (mutant.file->lineColumn(diagnostic.range.begin).line != line)
      continue;
    bool isNew = added.count({diagnostic.rule, line}) != 0;
    text += std::string(text.empty() ? "" : "; ") + std::string(ruleInfo(diagnostic.rule).name) +
            (isNew ? " (new): " : " (as before): ") + diagnostic.message;
  }
  return text.empty() ? "nothing on that line" : text;
}

} // namespace

Verdict judge(const driver::FileReport &original, const Edit &edit, RuleId expected) {
  driver::FileReport mutant =
      lintText(original.file->path(), edit.splice.applyTo(original.file->text())).report;
  Verdict verdict;
  verdict.line = mutant.file->lineColumn(edit.expectedOffset).line;
  for (const Diagnostic &diagnostic : original.diagnostics)
    if (diagnostic.rule == expected &&
        mutant.file->lineColumn(edit.splice.mapped(diagnostic.range.begin)).line == verdict.line)
      verdict.alreadyPresent = true;
  std::map<LineKey, int> added = newDiagnostics(original, edit.splice, mutant);
  bool expectedIsNew = added.count({expected, verdict.line}) != 0;
  bool otherIsNew = false;
  for (const auto &[key, count] : added)
    otherIsNew |= key.second == verdict.line && key.first != expected;
  verdict.caught = expectedIsNew && !otherIsNew;
  if (!verdict.caught)
    verdict.reported = describeLine(mutant, verdict.line, added);
  return verdict;
}

std::vector<Edit> spreadSelection(std::vector<Edit> edits, size_t cap) {
  if (edits.size() <= cap)
    return edits;
  std::vector<Edit> chosen;
  for (size_t i = 0; i < cap; ++i)
    chosen.push_back(std::move(edits[i * edits.size() / cap]));
  return chosen;
}

Tally RunResult::counted() const {
  Tally total;
  for (const auto &[kind, tally] : perKind)
    if (isCounted(kind)) {
      total.mutants += tally.mutants;
      total.caught += tally.caught;
    }
  return total;
}

namespace {

void mutateTemplate(const driver::AnalyzedSource &original, const RunOptions &options,
                    RunResult &result) {
  TemplateFacts facts(*original.report.file, original.parsed->tmpl);
  for (const Mutator &mutator : kMutators) {
    Tally &tally = result.perKind[mutator.kind];
    std::vector<Edit> edits = mutator.mutate(facts);
    tally.candidates += edits.size();
    for (const Edit &edit : spreadSelection(std::move(edits), options.perKindPerFile)) {
      Verdict verdict = judge(original.report, edit, mutator.rule);
      if (verdict.alreadyPresent) {
        ++tally.alreadyPresent;
        continue;
      }
      ++tally.mutants;
      tally.caught += verdict.caught;
      if (!verdict.caught)
        result.misses.push_back({original.report.file->path(), mutator.kind, verdict.line,
                                 edit.what, verdict.reported});
    }
  }
}

} // namespace

RunResult runMutants(const std::vector<std::string> &paths, const RunOptions &options) {
  RunResult result;
  for (const std::string &path : paths) {
    std::string error;
    std::optional<std::string> text = driver::readFile(path, error);
    driver::AnalyzedSource original = lintText(path, text ? std::move(*text) : std::string());
    if (!text || !usableAsBaseline(original)) {
      ++result.templatesRejected;
      continue;
    }
    ++result.templatesUsed;
    mutateTemplate(original, options, result);
  }
  return result;
}

namespace {

std::string percent(const Tally &tally) {
  std::ostringstream text;
  text << std::fixed << std::setprecision(1)
       << (tally.mutants ? 100.0 * tally.caught / tally.mutants : 0.0) << "%";
  return text.str();
}

} // namespace

std::string describe(const RunResult &result) {
  std::ostringstream text;
  Tally total = result.counted();
  text << "mutation: " << total.mutants << " mutants, " << total.caught << " caught ("
       << percent(total) << ") from " << result.templatesUsed << " templates ("
       << result.templatesRejected << " rejected by the linter, not used)\n";
  for (const Mutator &mutator : kMutators) {
    auto it = result.perKind.find(mutator.kind);
    Tally tally = it == result.perKind.end() ? Tally{} : it->second;
    text << "mutation kind " << mutator.kind << " [" << ruleInfo(mutator.rule).name
         << "]: " << tally.mutants << " mutants, " << tally.caught << " caught (" << percent(tally)
         << ") of " << tally.candidates << " candidates, " << tally.alreadyPresent
         << " not counted (the original already has that defect on that line)"
         << (isCounted(mutator.kind) ? "" : " NOT COUNTED (rule not landed yet)") << "\n";
  }
  // Kinds not counted yet miss by the hundred while their rule is empty;
  // their misses are listed once the kind is counted.
  for (const Miss &miss : result.misses)
    if (isCounted(miss.kind))
      text << "mutation miss: " << miss.file
         << ":" << miss.line << " [" << miss.kind << "] " << miss.what << " => " << miss.reported
         << "\n";
  return text.str();
}

} // namespace oosc::mutation
