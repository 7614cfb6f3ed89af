//===- ParameterSpecs.h - A declared parameter as the runtime checks it -----===//
#pragma once

#include "ir/Template.h"
#include "oosc/runtime/ParameterConstraints.h"

#include <optional>

namespace oosc::analysis {

/// The Type and constraints of \p parameter as runtime::checkValue takes
/// them; nothing when they are not literal enough to check (an unknown Type,
/// an AllowedValues with a {{ }} in it).
std::optional<runtime::ParameterSpec> parameterSpec(const ir::Parameter &parameter);

} // namespace oosc::analysis
