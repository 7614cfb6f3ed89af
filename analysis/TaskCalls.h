//===- TaskCalls.h - The callees a task's properties and outputs go to ------===//
#pragma once

#include "analysis/Callees.h"

namespace oosc::analysis {

/// A mapping of property values and the callee that declares them.
struct PropertyCall {
  const Callee *callee = nullptr;
  /// The mapping holding the values; null when the task has none.
  const ir::Node *properties = nullptr;
  /// Where a missing property is reported when there is no mapping.
  SourceRange anchor;
};

/// The property mappings of \p task that can be checked: the task's
/// Properties against its action, and for ACS::Template also Parameters
/// against the child (a template of the run, or a product action by name).
std::vector<PropertyCall> propertyCalls(const ir::Task &task, const TemplateLibrary *templates);

/// The callee whose outputs the task's ValueSelectors read (a product action
/// or a known child template); null for API actions, whose outputs come from
/// a response, and for unknown callees.
const Callee *outputSource(const ir::Task &task, const TemplateLibrary *templates);

} // namespace oosc::analysis
