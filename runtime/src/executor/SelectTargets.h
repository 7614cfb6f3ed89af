//===- SelectTargets.h - ACS::SelectTargets (runtime internal) -------------===//
#pragma once

#include "executor/Actions.h"

namespace oosc::runtime {

/// ACS::SelectTargets: the resources of a type that a list of Targets
/// objects selects, answered as the type's Describe API answers.
Outcome<Value> selectTargets(ActionCall &call);

} // namespace oosc::runtime
