//===- References.h - Every {{ }} reference with the scope it appears in ---===//
#pragma once

#include "ir/Template.h"

namespace oosc::analysis {

/// One reference and where it stands.
struct ReferenceSite {
  const ir::Reference *reference = nullptr;
  /// The task whose declaration holds the reference; null at template level.
  const ir::Task *task = nullptr;
  /// The reference is inside a task with a Loop, where ACS::TaskLoopItem
  /// exists (not in Loop itself: Items are evaluated before any item).
  bool inLoop = false;
  /// The reference is in a template output's Value, where a task's raw
  /// result may be read with a path (oos-spec.md 4.1).
  bool inTemplateOutputs = false;
};

/// Collects the references OOS evaluates: parameter defaults, RamRole, task
/// bodies and template outputs. Descriptions, labels and console metadata of
/// the template, its parameters and tasks are text for people and are
/// skipped, as is an inline child template (ACS::Template TemplateContent),
/// whose names belong to the child.
std::vector<ReferenceSite> collectReferences(const ir::Template &tmpl);

} // namespace oosc::analysis
