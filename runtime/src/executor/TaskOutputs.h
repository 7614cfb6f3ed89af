//===- TaskOutputs.h - ValueSelector and output Types ----------------------===//
#pragma once

#include "executor/ExecutionState.h"

#include <utility>

namespace oosc::runtime {

using NamedValues = std::vector<std::pair<std::string, Value>>;

/// Applies each output's ValueSelector (jq, leading dot optional) to the
/// action's result and converts to the output's Type.
Outcome<NamedValues> extractOutputs(const TaskDef &task, const Value &result, Context &context);

/// Converts a selected or computed value to an output Type: List wraps a
/// single value, String shows containers as JSON, Number and Boolean coerce.
Outcome<Value> convertOutput(std::string_view type, const Value &value);

} // namespace oosc::runtime
