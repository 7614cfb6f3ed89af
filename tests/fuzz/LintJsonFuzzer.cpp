//===- LintJsonFuzzer.cpp - oosc lint on JSON text ---------------------------===//
//
// The whole lint pipeline on any text named as a JSON template, and the
// promise of frontend/JsonLoader.h: whatever the strict JSON reader accepts,
// the yaml-cpp path reads into the same tree (kinds, styles, values,
// ranges, byte maps, references) with the same diagnostics. Seeds:
// corpus/lint_json.
//
//===----------------------------------------------------------------------===//
#include "FuzzTarget.h"
#include "LintPipeline.h"

#include "frontend/JsonLoader.h"
#include "frontend/TextChecks.h"
#include "frontend/YamlLoader.h"
#include "ir/Expr.h"

namespace oosc::fuzz {
namespace {

std::string at(const ir::Node &node) { return " at byte " + std::to_string(node.range.begin); }

void checkSameReferences(const ir::Node &fast, const ir::Node &slow) {
  fuzzCheck(!fast.interpolation == !slow.interpolation, "one reader found references" + at(slow));
  if (!fast.interpolation)
    return;
  auto left = fast.interpolation->references(), right = slow.interpolation->references();
  fuzzCheck(left.size() == right.size(), "the readers found different references" + at(slow));
  for (size_t i = 0; i < left.size(); ++i)
    fuzzCheck(left[i]->range == right[i]->range && left[i]->spelling == right[i]->spelling,
              "the readers placed a reference differently" + at(slow));
}

void checkSameTree(const ir::Node *fast, const ir::Node *slow) {
  fuzzCheck(fast && slow, "one reader produced no node");
  fuzzCheck(fast->kind == slow->kind, "node kinds differ" + at(*slow));
  fuzzCheck(fast->style == slow->style, "scalar styles differ" + at(*slow));
  fuzzCheck(fast->value == slow->value, "values differ" + at(*slow));
  fuzzCheck(fast->range == slow->range, "ranges differ" + at(*slow));
  fuzzCheck(fast->valueOffsets == slow->valueOffsets, "byte maps differ" + at(*slow));
  checkSameReferences(*fast, *slow);
  fuzzCheck(fast->items.size() == slow->items.size(), "item counts differ" + at(*slow));
  for (size_t i = 0; i < fast->items.size(); ++i)
    checkSameTree(fast->items[i], slow->items[i]);
  fuzzCheck(fast->entries.size() == slow->entries.size(), "entry counts differ" + at(*slow));
  for (size_t i = 0; i < fast->entries.size(); ++i) {
    checkSameTree(fast->entries[i].key, slow->entries[i].key);
    checkSameTree(fast->entries[i].value, slow->entries[i].value);
  }
}

void checkSameDiagnostics(std::vector<Diagnostic> fast, std::vector<Diagnostic> slow) {
  fuzzCheck(fast.size() == slow.size(), "the readers reported different numbers of diagnostics");
  for (size_t i = 0; i < fast.size(); ++i)
    fuzzCheck(fast[i].rule == slow[i].rule && fast[i].range == slow[i].range &&
                  fast[i].message == slow[i].message,
              "the readers reported differently: '" + fast[i].message + "' against '" + slow[i].message + "'");
}

/// The strict JSON reader against yaml-cpp, on text the JSON reader takes.
void compareReaders(std::string_view text) {
  if (frontend::checkText(text))
    return; // refused before either reader sees it
  SourceFile file("fuzz.json", std::string(text));
  ir::Document fast, slow;
  DiagnosticEngine fastDiagnostics(file), slowDiagnostics(file);
  if (!frontend::loadStrictJson(file.text(), fast, fastDiagnostics, frontend::LoadLimits{}))
    return;
  frontend::loadYaml(file, slow, slowDiagnostics, frontend::LoadLimits{});
  checkSameTree(fast.root, slow.root);
  checkSameDiagnostics(fastDiagnostics.takeSorted(), slowDiagnostics.takeSorted());
}

} // namespace
} // namespace oosc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  std::string_view text = oosc::fuzz::asText(data, size);
  oosc::fuzz::compareReaders(text);
  oosc::fuzz::lintEverything("fuzz.json", text);
  return 0;
}
