// ActionCatalogue.h - Every action a task may name, described once as data.
//
// The built-in actions of oos-spec.md section 7 (BuiltinActions.def) and the
// cloud-product actions ACS::<Product>::<Name> (ProductActions.def): their
// properties with type, whether required, default, allowed values and
// description, and their outputs. The linter checks tasks against it, the
// language server shows it in hovers and completion, and the runtime knows
// from it which names are built-in actions; the product actions the runtime
// implements (runtime/actions) are held to it by a test.
#ifndef OOSC_RUNTIME_ACTIONCATALOGUE_H
#define OOSC_RUNTIME_ACTIONCATALOGUE_H

#include <cstdint>
#include <string_view>
#include <vector>

namespace oosc::runtime {

/// The categories of the OOS documentation's action list.
enum class ActionKind : std::uint8_t { Api, Trigger, Control, Embedding, CiCd, Product };

/// What a property accepts. Product-action properties are template parameters
/// (String, Number, Boolean, List, Json); built-in ones may also be a mapping
/// or anything at all.
enum class PropertyType : std::uint8_t { Any, String, Number, Boolean, List, Json, Map };

std::string_view propertyTypeName(PropertyType type);

struct PropertyDoc {
  std::string_view name;
  PropertyType type = PropertyType::Any;
  bool required = false;
  /// As written in a template; empty when there is none.
  std::string_view defaultValue;
  /// The accepted values, empty when any value of the type goes.
  std::vector<std::string_view> allowedValues;
  std::string_view description;
};

struct OutputDoc {
  std::string_view name;
  PropertyType type = PropertyType::Any;
};

struct ActionDoc {
  std::string_view name; ///< canonical spelling, e.g. "ACS::ExecuteAPI"
  ActionKind kind = ActionKind::Product;
  /// OOS runs a Loop on API and product actions, not on functional ones.
  bool loops = true;
  std::string_view description;
  std::vector<PropertyDoc> properties;
  std::vector<OutputDoc> outputs;
  /// Groups of properties of which exactly one must be given
  /// (WaitFor: DesiredValues or NotDesiredValues).
  std::vector<std::vector<std::string_view>> exactlyOneOf;
  /// False where the catalogue does not know the outputs (built-in actions
  /// whose outputs are API responses or events).
  bool outputsKnown = true;

  const PropertyDoc *findProperty(std::string_view property) const; ///< case-insensitive
};

/// The whole catalogue, built-in actions first, in a fixed order. Built once,
/// immutable afterwards, so safe to read from several threads.
const std::vector<ActionDoc> &actionCatalogue();

/// The action named \p name, matched without case as OOS does; null if none.
const ActionDoc *findAction(std::string_view name);

/// True for actions of the form ACS::<Product>::<Name>.
inline bool isProductAction(const ActionDoc &action) { return action.kind == ActionKind::Product; }

/// A built-in action of the catalogue (any case): one the runtime itself
/// provides, not a product action a template implements.
inline bool isBuiltInAction(std::string_view name) {
  const ActionDoc *action = findAction(name);
  return action && !isProductAction(*action);
}

} // namespace oosc::runtime

#endif
