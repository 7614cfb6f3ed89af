//===- runner/Pickers.h - Parameters a person does not have to type ---------===//
//
// The OOS console offers pickers for parameters with an AssociationProperty:
// the account's instances for `ALIYUN::ECS::Instance::InstanceId`, a target
// selection for `Targets`, the current region for `RegionId`. Runners do the
// same through the cloud backend they run on (Pickers.def lists the
// resources): --help names the picker, --interactive offers the resources,
// --pick-defaults takes the first.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/ExecutionState.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace oosc::runtime {

/// What --help says of the picker serving \p parameter ("picked from ECS
/// instances (ECS.DescribeInstances)"), or nothing when none does.
std::optional<std::string> pickerNote(const ParameterDef &parameter);

/// One value a picker offers: what the parameter is set to, and how a
/// person recognises it.
struct PickerChoice {
  Value value;
  std::string label;
};

/// The values the cloud offers for \p parameter, in the cloud's order;
/// empty with no picker. Fails when the listing call fails or finds nothing.
Outcome<std::vector<PickerChoice>> pickerChoices(const ParameterDef &parameter, const Value &given,
                                                 RunEnvironment &environment);

/// --pick-defaults: sets each required parameter not in \p given to the
/// first value its picker offers (a value of its type where no picker
/// serves it). Returns the names filled, or why one could not be.
Outcome<std::vector<std::string>> pickDefaults(const TemplateDef &def, Value &given, RunEnvironment &environment);

/// --interactive: asks on \p in / \p out for each required parameter not in
/// \p given, offering its picker's values. Returns the names filled.
Outcome<std::vector<std::string>> pickInteractively(const TemplateDef &def, Value &given,
                                                    RunEnvironment &environment, std::istream &in,
                                                    std::ostream &out);

} // namespace oosc::runtime
