//===- MutationFuzzTest.cpp - Thousands of broken templates, no crash ------===//
//
// Deterministic mutation fuzzing: real and golden templates are cut, spliced
// and salted with the characters that matter to YAML and to {{ }}, then
// linted in-process. Every run must finish without an exception escaping and
// every diagnostic must lie inside its file with begin <= end: a range past
// the end would crash an editor or a printer later.
//
//===----------------------------------------------------------------------===//
#include "driver/Linter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> seedTexts() {
  std::vector<std::string> paths;
  auto add = [&](const fs::path &root, size_t every) {
    if (!fs::is_directory(root))
      return;
    std::vector<std::string> found;
    for (const auto &entry : fs::recursive_directory_iterator(root)) {
      std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".yml" || extension == ".yaml" || extension == ".json"))
        found.push_back(entry.path().string());
    }
    std::sort(found.begin(), found.end());
    for (size_t i = 0; i < found.size(); i += every)
      paths.push_back(found[i]);
  };
  add(OOSC_GOLDEN_DIR, 1);
  add(OOSC_CORPUS_DIR_DEFAULT, 25);
  std::vector<std::string> texts;
  for (const std::string &path : paths) {
    std::string error;
    if (auto text = oosc::driver::readFile(path, error); text && text->size() < 200000)
      texts.push_back(std::move(*text));
  }
  return texts;
}

/// One random edit of the kinds that break parsers in interesting places.
std::string mutate(const std::string &text, std::mt19937 &random) {
  static const char *pieces[] = {"{{", "}}", "{{ ", " }}", ":", ": ", "- ", "[", "]", "{", "}",
                                 "'", "\"", "\\", "\\u", "\\ud83d", "&a ", "*a", "<<: ", "\t",
                                 "\n", "\r\n", "#", "|", ">-", "Fn::", "ACS::", "!Ref ", "\xe4\xb8\xad",
                                 "\xef\xbb\xbf", "%", "@", "`", "?", ",", "~", "null"};
  std::string result = text;
  std::uniform_int_distribution<size_t> anywhere(0, result.empty() ? 0 : result.size() - 1);
  switch (random() % 5) {
  case 0: // insert a significant piece
    result.insert(result.empty() ? 0 : anywhere(random), pieces[random() % std::size(pieces)]);
    break;
  case 1: // delete a run
    if (!result.empty()) {
      size_t at = anywhere(random);
      result.erase(at, 1 + random() % 40);
    }
    break;
  case 2: // duplicate a run elsewhere
    if (!result.empty()) {
      size_t from = anywhere(random);
      std::string run = result.substr(from, 1 + random() % 80);
      result.insert(anywhere(random), run);
    }
    break;
  case 3: // truncate
    result.resize(result.empty() ? 0 : anywhere(random));
    break;
  default: // replace one byte with a printable one
    if (!result.empty())
      result[anywhere(random)] = static_cast<char>(' ' + random() % 95);
    break;
  }
  return result;
}

void expectInside(const oosc::SourceFile &file, oosc::SourceRange range, const std::string &what) {
  ASSERT_LE(range.begin, range.end) << what;
  ASSERT_LE(range.end, file.text().size()) << what;
}

TEST(MutationFuzz, BrokenTemplatesNeverCrashAndRangesStayInside) {
  std::vector<std::string> seeds = seedTexts();
  ASSERT_GT(seeds.size(), 100u) << "the golden cases alone are more than 100";
  std::mt19937 random(20261122); // fixed: a failure can be replayed
  constexpr int kMutants = 20000;
  size_t diagnostics = 0;
  for (int i = 0; i < kMutants; ++i) {
    std::string text = seeds[random() % seeds.size()];
    for (int edits = 1 + random() % 3; edits > 0; --edits)
      text = mutate(text, random);
    auto file = std::make_shared<const oosc::SourceFile>("mutant-" + std::to_string(i) + ".yaml", text);
    oosc::driver::FileReport report;
    ASSERT_NO_THROW(report = oosc::driver::lintSource(file)) << "mutant " << i;
    for (const oosc::Diagnostic &diagnostic : report.diagnostics) {
      expectInside(*file, diagnostic.range, "mutant " + std::to_string(i) + ": " + diagnostic.message);
      for (const oosc::DiagnosticNote &note : diagnostic.notes)
        if (note.range)
          expectInside(*file, *note.range, "mutant " + std::to_string(i) + " note: " + note.message);
      for (const oosc::FixIt &fix : diagnostic.fixes)
        expectInside(*file, fix.range, "mutant " + std::to_string(i) + " fix");
    }
    diagnostics += report.diagnostics.size();
  }
  std::printf("[ fuzz     ] %d mutants of %zu seeds, %zu diagnostics, no crash\n", kMutants,
              seeds.size(), diagnostics);
}

} // namespace
