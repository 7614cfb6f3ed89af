//===- ActionLibrary.h - Built-in and product actions for hover and completion ===//
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::lsp {

/// An action OOS itself provides, with a one-line description.
struct BuiltinAction {
  std::string_view name;
  std::string_view description;
};

/// The built-in actions (ACS::ExecuteAPI, ACS::Choice, ...).
std::vector<BuiltinAction> builtinActions();
const BuiltinAction *findBuiltinAction(const std::vector<BuiltinAction> &actions,
                                       std::string_view name);

/// One property or output of a product action.
struct ActionField {
  std::string name;
  std::string type;
  std::string defaultValue; ///< as written; empty when there is none
  bool required = false;
};

/// A product action (`ACS::ECS::RunInstances`) read from the action library.
struct ProductAction {
  std::string name;
  std::string description;
  std::vector<ActionField> properties;
  std::vector<ActionField> outputs;
};

/// The names of the library's product actions; empty without a library
/// (OOSC_ACTIONS_DIR not defined when this file was compiled).
std::vector<std::string> productActionNames();
/// Reads one product action from the library, case-insensitively.
std::optional<ProductAction> loadProductAction(std::string_view name);

} // namespace oosc::lsp
