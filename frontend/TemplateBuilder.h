//===- TemplateBuilder.h - The typed template view over the node tree ------===//
#pragma once

#include "ir/Template.h"

namespace oosc::frontend {

/// Reads parameters, tasks and outputs out of the tree. Tolerant by design:
/// whatever has the wrong shape is left out, and the schema rule reports it.
ir::Template buildTemplate(const ir::Node *root);

} // namespace oosc::frontend
