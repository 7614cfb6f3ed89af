//===- PseudoParameters.h - The ACS:: names OOS defines itself -------------===//
#pragma once

#include "analysis/ValueKinds.h"

#include <string_view>
#include <vector>

namespace oosc::analysis {

struct PseudoParameter {
  std::string_view name; ///< without the ACS:: prefix
  std::string_view description;
  bool onlyInLoop;       ///< defined only inside a task with a Loop
  KindSet kinds;         ///< what it holds; Any for the loop item
};

/// The pseudo parameters real templates and the OOS documentation use
/// (oos-spec.md 4.2). Unobserved names are left out on purpose.
const std::vector<PseudoParameter> &allPseudoParameters();
/// Case-insensitive lookup; OOS accepts `Acs::CurrentDate`.
const PseudoParameter *findPseudoParameter(std::string_view name);

} // namespace oosc::analysis
