//===- runner/ParameterArguments.h - -p and --parameters, read -------------===//
//
// OOS compares parameter names without case, so `-p instanceId=a -p
// InstanceID=b` names one parameter twice. Which value would win is not a
// thing a person should have to guess: a parameter given twice, in any
// case and from any mix of -p and --parameters, is an error naming both.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Program.h"

#include <map>
#include <optional>
#include <string>

namespace oosc::runtime {

/// The parameters given on a runner's command line so far.
struct GivenParameters {
  /// By the names the template declares.
  Value values = Value(Value::Map{});
  /// How each was given ("-p InstanceID"), by its name in lower case.
  std::map<std::string, std::string> givenAs;
};

/// `-p NAME=VALUE`: the text converted to the parameter's declared type.
std::optional<std::string> addParameterArgument(const TemplateDef &def, const std::string &assignment,
                                                GivenParameters &given);

/// `--parameters JSON` or `--parameters @FILE` (a bounded read: a pipe or
/// /dev/stdin works, /dev/zero is an error).
std::optional<std::string> addParametersJson(const TemplateDef &def, const std::string &argument,
                                             GivenParameters &given);

} // namespace oosc::runtime
