//===- CodeActions.cpp - Quick fixes from the diagnostics' fix-its -------===//
#include "lsp/Features.h"

namespace oosc::lsp {
namespace {

/// Touching counts: a cursor (an empty range) at either end of a diagnostic
/// is on it.
bool overlaps(SourceRange a, SourceRange b) { return a.begin <= b.end && b.begin <= a.end; }

std::string titleOf(std::string_view text, const FixIt &fix) {
  std::string old(text.substr(std::min<size_t>(fix.range.begin, text.size()),
                              fix.range.end - fix.range.begin));
  if (old.empty())
    return "Insert '" + fix.replacement + "'";
  if (fix.replacement.empty())
    return "Remove '" + old + "'";
  return "Replace '" + old + "' with '" + fix.replacement + "'";
}

} // namespace

std::vector<CodeAction> codeActions(const Document &document, SourceRange range) {
  std::vector<CodeAction> actions;
  std::string_view text = document.file->text();
  for (const Diagnostic &diagnostic : document.analyzed.report.diagnostics) {
    if (!overlaps(diagnostic.range, range))
      continue;
    // Each fix-it is an alternative ("did you mean a or b"), so one action each.
    for (const FixIt &fix : diagnostic.fixes)
      actions.push_back({titleOf(text, fix), {{fix.range, fix.replacement}}, &diagnostic});
  }
  return actions;
}

} // namespace oosc::lsp
