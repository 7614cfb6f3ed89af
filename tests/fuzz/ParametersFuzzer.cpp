//===- ParametersFuzzer.cpp - Runner parameters and their constraint checks --===//
//
// A parameter's declaration and a value given for it on the command line,
// through runtime ParameterConstraints: the constraints checked against
// themselves (checkSpec), the text converted to the type (convertArgument)
// and checked (checkValue: AllowedValues, AllowedPattern with PCRE2,
// lengths, bounds), and the value coerced to every type. The linter and
// runners share these functions.
//
// Input, one field a line (seeds: corpus/parameters):
//   Type                  String, Number, Boolean, List or Json
//   AllowedPattern        empty: none
//   AllowedValues         a JSON list; empty: none
//   MinLength MaxLength MinValue MaxValue   numbers, '-' for none
//   the value             the rest of the input, line breaks included
//
//===----------------------------------------------------------------------===//
#include "FuzzTarget.h"

#include "oosc/runtime/ParameterConstraints.h"

#include <cstdlib>
#include <sstream>

namespace oosc::fuzz {
namespace {

using runtime::ParameterType;

/// MinLength MaxLength MinValue MaxValue, '-' (or nothing) for none.
void readBounds(std::string_view line, runtime::ParameterSpec &spec) {
  std::istringstream words{std::string(line)};
  std::string word[4];
  words >> word[0] >> word[1] >> word[2] >> word[3];
  auto given = [](const std::string &text) { return !text.empty() && text != "-"; };
  // strtoll and strtod saturate; whatever they return is a value a
  // template could hold.
  if (given(word[0]))
    spec.minLength = std::strtoll(word[0].c_str(), nullptr, 10);
  if (given(word[1]))
    spec.maxLength = std::strtoll(word[1].c_str(), nullptr, 10);
  if (given(word[2]))
    spec.minValue = std::strtod(word[2].c_str(), nullptr);
  if (given(word[3]))
    spec.maxValue = std::strtod(word[3].c_str(), nullptr);
}

std::optional<runtime::ParameterSpec> readSpec(const std::vector<std::string_view> &fields) {
  runtime::ParameterSpec spec;
  spec.name = "fuzzed";
  auto type = runtime::parseParameterType(fields[0]);
  if (!type)
    return std::nullopt;
  spec.type = *type;
  if (!fields[1].empty())
    spec.allowedPattern = std::string(fields[1]);
  if (!fields[2].empty()) {
    auto list = runtime::parseJson(fields[2]);
    if (!list || !list->isList())
      return std::nullopt;
    spec.allowedValues = list->getList();
  }
  readBounds(fields[3], spec);
  return spec;
}

void checkMessages(const std::vector<runtime::ConstraintViolation> &violations) {
  for (const auto &violation : violations)
    fuzzCheck(!violation.message.empty(), "a constraint violation without a message");
}

} // namespace
} // namespace oosc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace oosc;
  std::vector<std::string_view> fields = fuzz::splitFields(fuzz::asText(data, size), 5);
  if (fields.size() < 5)
    return 0;
  auto spec = fuzz::readSpec(fields);
  if (!spec)
    return 0;
  // A cache per input, as the linter keeps one per thread: patterns do not
  // pile up over a fuzzing run.
  runtime::PatternCache patterns;
  for (const runtime::SpecProblem &problem : runtime::checkSpec(*spec, patterns))
    fuzz::fuzzCheck(!problem.message.empty(), "a spec problem without a message");
  auto converted = runtime::convertArgument(spec->type, fields[4]);
  if (auto *error = std::get_if<std::string>(&converted)) {
    fuzz::fuzzCheck(!error->empty(), "a conversion error without a message");
    return 0;
  }
  const runtime::Value &value = std::get<runtime::Value>(converted);
  fuzz::checkMessages(runtime::checkValue(*spec, value, patterns));
  for (auto type : {runtime::ParameterType::String, runtime::ParameterType::Number, runtime::ParameterType::Boolean,
                    runtime::ParameterType::List, runtime::ParameterType::Json})
    if (auto coerced = runtime::coerceToType(type, value))
      fuzz::checkMessages(runtime::checkValue(*spec, *coerced, patterns));
  return 0;
}
