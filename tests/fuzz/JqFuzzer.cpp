//===- JqFuzzer.cpp - The jq checker and libjq's compile on any script -------===//
//
// frontend/JqSyntax (jq 1.6's grammar and scoping, run by the linter on
// every selector) on the script and on its `{{ }}` stand-ins, then libjq's
// compile of it (runtime Jq: what the linter confirms a rejection with, and
// what runners run). The checker's promises are checked: an error lies
// inside the script, and stand-ins keep the script's length.
// Seeds: corpus/jq.
//
//===----------------------------------------------------------------------===//
#include "FuzzTarget.h"

#include "frontend/JqSyntax.h"
#include "oosc/runtime/Jq.h"

namespace oosc::fuzz {
namespace {

void checkScript(std::string_view script) {
  auto error = frontend::checkJqSyntax(script);
  if (!error)
    return;
  fuzzCheck(!error->message.empty(), "a jq syntax error without a message");
  fuzzCheck(uint64_t{error->offset} + error->length <= script.size(),
            "jq syntax error at [" + std::to_string(error->offset) + ", +" + std::to_string(error->length) +
                ") outside a script of " + std::to_string(script.size()) + " bytes: " + error->message);
}

} // namespace
} // namespace oosc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace oosc;
  std::string_view script = fuzz::asText(data, size);
  fuzz::checkScript(script);
  std::string standIn = frontend::standInTemplateReferences(script);
  fuzz::fuzzCheck(standIn.size() == script.size(), "stand-ins changed the script's length");
  fuzz::checkScript(standIn);
  // One engine for the run, as a linter thread or a runner keeps one.
  static runtime::JqEngine engine;
  if (auto error = engine.compileError(script))
    fuzz::fuzzCheck(!error->message.empty(), "a libjq compile error without a message");
  return 0;
}
