//===- Fixes.cpp ------------------------------------------------------------===//
#include "driver/Fixes.h"

#include <algorithm>

namespace oosc::driver {

std::string applyFixes(const FileReport &report, size_t &applied) {
  std::vector<FixIt> fixes;
  for (const Diagnostic &diagnostic : report.diagnostics)
    for (const FixIt &fix : diagnostic.fixes)
      fixes.push_back(fix);
  std::stable_sort(fixes.begin(), fixes.end(),
                   [](const FixIt &a, const FixIt &b) { return a.range.begin < b.range.begin; });
  std::string text(report.file->text());
  std::string result;
  uint32_t copied = 0;
  applied = 0;
  for (const FixIt &fix : fixes) {
    if (fix.range.begin < copied || fix.range.end > text.size())
      continue; // overlaps an edit already made
    result.append(text, copied, fix.range.begin - copied);
    result += fix.replacement;
    copied = fix.range.end;
    ++applied;
  }
  result.append(text, copied, std::string::npos);
  return result;
}

namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    lines.push_back(text.substr(0, end == std::string_view::npos ? text.size() : end + 1));
    text.remove_prefix(lines.back().size());
  }
  return lines;
}

void appendLine(std::string &out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n')
    out += "\n\\ No newline at end of file\n";
}

} // namespace

std::string unifiedDiff(const std::string &path, std::string_view before, std::string_view after) {
  // Fixes replace words inside lines and never add or remove a line break,
  // so the two versions pair up line by line.
  std::vector<std::string_view> a = splitLines(before), b = splitLines(after);
  if (a.size() != b.size())
    return "--- a/" + path + "\n+++ b/" + path + "\n(the fixes changed the number of lines)\n";
  std::string diff;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i])
      continue;
    size_t first = i > 0 ? i - 1 : i, last = i;
    while (last + 1 < a.size() && a[last + 1] != b[last + 1])
      ++last;
    size_t end = std::min(last + 1, a.size() - 1);
    diff += "@@ -" + std::to_string(first + 1) + "," + std::to_string(end - first + 1) + " +" +
            std::to_string(first + 1) + "," + std::to_string(end - first + 1) + " @@\n";
    for (size_t k = first; k <= end; ++k) {
      if (a[k] == b[k]) {
        appendLine(diff, ' ', a[k]);
        continue;
      }
      appendLine(diff, '-', a[k]);
      appendLine(diff, '+', b[k]);
    }
    i = end;
  }
  return diff.empty() ? diff : "--- a/" + path + "\n+++ b/" + path + "\n" + diff;
}

} // namespace oosc::driver
