//===- SchemaWalk.h - Visits each mapping of a template with its level -----===//
#pragma once

#include "analysis/SchemaTables.h"
#include "ir/Template.h"

#include <functional>

namespace oosc::analysis {

/// A mapping that stands at a known level of the template structure.
struct LevelSite {
  const ir::Node *map = nullptr;       ///< the mapping itself (already resolved)
  const ir::Node *owner = nullptr;     ///< where to report when the map is wrong as a whole
  const LevelSpec *level = nullptr;
};

/// Calls `visit` for the root, every parameter, task, task output, Loop,
/// RateControl, loop output, ACS::Choice branch and template output that is a
/// mapping. Values of other shapes are skipped (the schema rule reports them).
void forEachLevel(const ir::Template &tmpl, const std::function<void(const LevelSite &)> &visit);

/// A value computed at run time: a `{{ }}` string or an Fn:: call.
bool isComputed(const ir::Node *node);

/// Printable kind of a node for messages: "a mapping", "a list", "a string"...
std::string_view describeShape(const ir::Node *node);

} // namespace oosc::analysis
