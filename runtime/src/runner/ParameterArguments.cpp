//===- runner/ParameterArguments.cpp ----------------------------------------===//
#include "runner/ParameterArguments.h"

#include "executor/ExecutionState.h"
#include "text/MessageText.h"
#include "oosc/runtime/OptionValues.h"
#include "oosc/runtime/ParameterConstraints.h"

namespace oosc::runtime {
namespace {

const ParameterDef *declared(const TemplateDef &def, std::string_view name) {
  for (const ParameterDef &parameter : def.parameters)
    if (sameName(parameter.name, name))
      return &parameter;
  return nullptr;
}

/// Records that \p parameter was given \p how; an error if it was before.
std::optional<std::string> noteGiven(const ParameterDef &parameter, const std::string &how,
                                     GivenParameters &given) {
  auto [earlier, added] = given.givenAs.emplace(lowerAscii(parameter.name), how);
  if (added)
    return std::nullopt;
  return "parameter '" + parameter.name + "' is given twice: as " + earlier->second + " and as " +
         how + " (names are compared without case)";
}

} // namespace

std::optional<std::string> addParameterArgument(const TemplateDef &def, const std::string &assignment,
                                                GivenParameters &given) {
  size_t equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0)
    return "-p takes NAME=VALUE, not " + text::quoteCut(assignment);
  std::string name = assignment.substr(0, equals);
  const ParameterDef *parameter = declared(def, name);
  if (!parameter)
    return "unknown parameter " + text::quoteCut(name);
  if (auto twice = noteGiven(*parameter, "-p " + text::quoteCut(name), given))
    return twice;
  auto converted = convertArgument(parameter->spec.type, std::string_view(assignment).substr(equals + 1));
  if (auto *error = std::get_if<std::string>(&converted))
    return "parameter '" + parameter->name + "': " + *error;
  given.values.set(parameter->name, std::move(std::get<Value>(converted)));
  return std::nullopt;
}

std::optional<std::string> addParametersJson(const TemplateDef &def, const std::string &argument,
                                             GivenParameters &given) {
  auto parsed = parseJsonObjectArgument("--parameters", argument, "parameter names to values");
  if (auto *error = std::get_if<std::string>(&parsed))
    return *error;
  auto &value = std::get<Value>(parsed);
  for (auto &[name, member] : value.getMap()) {
    const ParameterDef *parameter = declared(def, name);
    if (!parameter)
      return "unknown parameter " + text::quoteCut(name) + " in --parameters";
    if (auto twice = noteGiven(*parameter, "--parameters " + text::quoteCut(name), given))
      return twice;
    given.values.set(parameter->name, std::move(member));
  }
  return std::nullopt;
}

} // namespace oosc::runtime
