//===- ParameterSpecs.h - A declared parameter as the runtime checks it -----===//
#pragma once

#include "ir/Template.h"
#include "oosc/runtime/ParameterConstraints.h"

#include <optional>
#include <string>
#include <string_view>

namespace oosc::analysis {

/// The Type and constraints of \p parameter as runtime::checkValue takes
/// them; nothing when they are not literal enough to check (an unknown Type,
/// an AllowedValues with a {{ }} in it).
std::optional<runtime::ParameterSpec> parameterSpec(const ir::Parameter &parameter);

/// What is wrong with a literal MinLength or MaxLength (\p node) that
/// parameterSpec cannot use: one that is not a whole number, or too large
/// for a double to hold exactly ("MinLength must be a whole number of
/// characters from -2^53 to 2^53, not '1e300'"). Nothing for a usable or
/// computed one.
std::optional<std::string> lengthProblem(std::string_view property, const ir::Node *node);

} // namespace oosc::analysis
