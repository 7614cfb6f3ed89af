//===- LintYamlFuzzer.cpp - oosc lint on YAML text ---------------------------===//
//
// The whole lint pipeline (frontend, every rule, suppressions, the four
// output formats, --fix) on any text named as a YAML template. Seeds:
// corpus/lint_yaml (templates written for these tests).
//
//===----------------------------------------------------------------------===//
#include "FuzzTarget.h"
#include "LintPipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  oosc::fuzz::lintEverything("fuzz.yaml", oosc::fuzz::asText(data, size));
  return 0;
}
