//===- Callees.h - What a task calls: an action or a child template ---------===//
//
// A task's Properties are checked against its callee: a built-in or product
// action of the catalogue (oosc/runtime/ActionCatalogue.h), or, for
// ACS::Template, a template of the same lint run. Both are described the same
// way here, so one rule checks both.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Template.h"
#include "oosc/runtime/ActionCatalogue.h"
#include "oosc/runtime/ParameterConstraints.h"

#include <optional>
#include <string>
#include <vector>

namespace oosc::analysis {

struct CalleeProperty {
  std::string name;
  runtime::PropertyType type = runtime::PropertyType::Any;
  bool required = false;
  /// Type, allowed values, pattern, lengths and range as runtime::checkValue
  /// checks them; nothing for Any and mapping properties.
  std::optional<runtime::ParameterSpec> constraints;
};

struct Callee {
  /// How messages name it: "action 'ACS::ECS::RunCommand'", "template 'child'".
  std::string title;
  /// What its inputs are called: an action's properties, a template's parameters.
  std::string member = "property";
  std::vector<CalleeProperty> properties;
  std::vector<std::string> outputs;
  /// False when outputs are selected from something open (an API response).
  bool outputsKnown = true;
  std::vector<std::vector<std::string>> exactlyOneOf;

  const CalleeProperty *find(std::string_view property) const; ///< case-insensitive
  std::vector<std::string_view> propertyNames() const;
};

Callee calleeOf(const runtime::ActionDoc &action);
/// A template's Parameters as properties (required: no Default) and its
/// Outputs as outputs. Copies everything: the template may go away.
Callee calleeOf(const ir::Template &tmpl, std::string_view name);

/// The catalogue's action named \p name (without case), as a callee; null if none.
const Callee *findActionCallee(std::string_view name);

/// The templates of one lint run, by name (file name without extension), for
/// ACS::Template tasks naming one of them. Implementations must be safe to
/// call from several threads.
class TemplateLibrary {
public:
  virtual ~TemplateLibrary() = default;
  /// Null when no template of the run has that name or it cannot be read.
  virtual const Callee *find(std::string_view templateName) const = 0;
  /// A product action defined by a template of the run's action folders
  /// (`ACS::ECS::RunInstances.yml`); it stands before the catalogue's entry,
  /// as the runner runs that definition. Null when none defines it.
  virtual const Callee *findAction(std::string_view) const { return nullptr; }
};

/// The callee of task action \p name: a folder's definition from
/// \p templates first, else the catalogue's; null if neither knows it.
const Callee *findActionCallee(std::string_view name, const TemplateLibrary *templates);

} // namespace oosc::analysis
