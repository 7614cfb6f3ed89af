//===- Baseline.cpp ---------------------------------------------------------===//
#include "driver/Baseline.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include <fstream>

namespace oosc::driver {

Baseline::Key Baseline::keyOf(const FileReport &report, const Diagnostic &diagnostic) {
  std::string_view text = report.file->text();
  SourceRange range = diagnostic.range;
  std::string flagged(text.substr(std::min<size_t>(range.begin, text.size()),
                                  std::min<size_t>(range.end, text.size()) -
                                      std::min<size_t>(range.begin, text.size())));
  return {report.file->path(), std::string(ruleInfo(diagnostic.rule).name), diagnostic.message, flagged};
}

Baseline Baseline::fromReports(const std::vector<FileReport> &reports) {
  Baseline baseline;
  for (const FileReport &report : reports)
    for (const Diagnostic &diagnostic : report.diagnostics)
      ++baseline.counts_[keyOf(report, diagnostic)];
  return baseline;
}

size_t Baseline::size() const {
  size_t total = 0;
  for (const auto &[key, count] : counts_)
    total += count;
  return total;
}

bool Baseline::write(const std::string &path, std::string &error) const {
  llvm::json::Array entries;
  for (const auto &[key, count] : counts_)
    entries.push_back(llvm::json::Object{{"file", std::get<0>(key)},
                                         {"rule", std::get<1>(key)},
                                         {"message", std::get<2>(key)},
                                         {"text", std::get<3>(key)},
                                         {"count", static_cast<int64_t>(count)}});
  llvm::json::Object document{{"version", 1}, {"entries", std::move(entries)}};
  std::ofstream out(path, std::ios::binary);
  out << llvm::formatv("{0:2}", llvm::json::Value(std::move(document))).str() << '\n';
  if (!out)
    error = "cannot write '" + path + "'";
  return static_cast<bool>(out);
}

std::optional<Baseline> Baseline::read(const std::string &path, std::string &error) {
  auto text = readFile(path, error);
  if (!text) {
    error = "cannot read baseline '" + path + "': " + error;
    return std::nullopt;
  }
  llvm::Expected<llvm::json::Value> parsed = llvm::json::parse(*text);
  if (!parsed) {
    error = "baseline '" + path + "' is not JSON: " + llvm::toString(parsed.takeError());
    return std::nullopt;
  }
  const llvm::json::Object *document = parsed->getAsObject();
  const llvm::json::Array *entries = document ? document->getArray("entries") : nullptr;
  if (!entries || document->getInteger("version").getValueOr(0) != 1) {
    error = "baseline '" + path + "' is not an oosc baseline (version 1 with entries)";
    return std::nullopt;
  }
  Baseline baseline;
  for (const llvm::json::Value &value : *entries) {
    const llvm::json::Object *entry = value.getAsObject();
    auto field = [&](llvm::StringRef name) {
      return entry ? entry->getString(name).getValueOr("").str() : std::string();
    };
    if (!entry)
      continue;
    baseline.counts_[{field("file"), field("rule"), field("message"), field("text")}] +=
        static_cast<size_t>(entry->getInteger("count").getValueOr(1));
  }
  return baseline;
}

void Baseline::filter(std::vector<FileReport> &reports) const {
  std::map<Key, size_t> remaining = counts_;
  for (FileReport &report : reports) {
    auto known = [&](const Diagnostic &diagnostic) {
      auto it = remaining.find(keyOf(report, diagnostic));
      if (it == remaining.end() || it->second == 0)
        return false;
      --it->second;
      return true;
    };
    report.diagnostics.erase(std::remove_if(report.diagnostics.begin(), report.diagnostics.end(), known),
                             report.diagnostics.end());
  }
}

} // namespace oosc::driver
