//===- LiteralValue.h - Template nodes as runtime values -------------------===//
#pragma once

#include "ir/Node.h"
#include "oosc/runtime/Value.h"

#include <optional>

namespace oosc::analysis {

/// The value a node denotes, read as YAML does (plain `true`, `42`, `1.5`
/// are typed; quoted text is a string). Nothing when any part is computed at
/// run time: a `{{ }}` reference, an Fn:: call, or an ESS placeholder `${x}`
/// that Auto Scaling substitutes before OOS sees it.
std::optional<runtime::Value> literalValue(const ir::Node *node);

/// A plain (unquoted) scalar as YAML's core schema types it: null, true,
/// false, integers and floats; anything else is a string.
runtime::Value plainScalarValue(const std::string &text);

} // namespace oosc::analysis
