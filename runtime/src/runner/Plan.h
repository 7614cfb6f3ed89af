//===- runner/Plan.h - What a runner shows before it runs -----------------===//
#pragma once

#include "executor/ExecutionState.h"

#include <iosfwd>

namespace oosc::runtime {

/// The parameters of \p def for --help: type, default, allowed values.
void printParameters(std::ostream &out, const TemplateDef &def, RunEnvironment &environment);

/// --dry-run: the resolved parameters (secret ones hidden) and the tasks
/// with their jumps.
void printPlan(std::ostream &out, const TemplateDef &def, const std::vector<Value> &parameters);

/// The parameter's Default as it evaluates before the execution starts, or
/// nothing (required, or computed from what only the execution knows).
std::optional<Value> defaultOf(const ParameterDef &parameter, RunEnvironment &environment);

/// A value of the parameter's type: the first allowed value, the minimum,
/// or an empty or neutral value.
Value placeholderValue(const ParameterDef &parameter);

/// --placeholders: fills required parameters with a value of their type;
/// returns the names it filled (they are not the user's, so not checked).
std::vector<std::string> fillPlaceholders(const TemplateDef &def, Value &parameters);

} // namespace oosc::runtime
