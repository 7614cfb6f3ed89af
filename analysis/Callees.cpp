//===- Callees.cpp ----------------------------------------------------------===//
#include "analysis/Callees.h"

#include "analysis/ParameterSpecs.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using runtime::PropertyType;

PropertyType propertyType(runtime::ParameterType type) {
  switch (type) {
  case runtime::ParameterType::String:
    return PropertyType::String;
  case runtime::ParameterType::Number:
    return PropertyType::Number;
  case runtime::ParameterType::Boolean:
    return PropertyType::Boolean;
  case runtime::ParameterType::List:
    return PropertyType::List;
  case runtime::ParameterType::Json:
    return PropertyType::Json;
  }
  return PropertyType::Any;
}

std::optional<runtime::ParameterType> parameterType(PropertyType type) {
  switch (type) {
  case PropertyType::String:
    return runtime::ParameterType::String;
  case PropertyType::Number:
    return runtime::ParameterType::Number;
  case PropertyType::Boolean:
    return runtime::ParameterType::Boolean;
  case PropertyType::List:
    return runtime::ParameterType::List;
  case PropertyType::Json:
    return runtime::ParameterType::Json;
  case PropertyType::Any:
  case PropertyType::Map:
    break;
  }
  return std::nullopt;
}

/// A catalogue property as a parameter the runtime can check: its type and
/// allowed values. Nothing for Any and Map, which are no parameter types.
std::optional<runtime::ParameterSpec> specOf(const runtime::PropertyDoc &property) {
  auto type = parameterType(property.type);
  if (!type)
    return std::nullopt;
  runtime::ParameterSpec spec;
  spec.name = std::string(property.name);
  spec.type = *type;
  if (!property.allowedValues.empty()) {
    spec.allowedValues.emplace();
    for (std::string_view value : property.allowedValues)
      spec.allowedValues->push_back(runtime::Value(value));
  }
  return spec;
}

} // namespace

const CalleeProperty *Callee::find(std::string_view property) const {
  for (const CalleeProperty &candidate : properties)
    if (equalsIgnoreCase(candidate.name, property))
      return &candidate;
  return nullptr;
}

std::vector<std::string_view> Callee::propertyNames() const {
  std::vector<std::string_view> names;
  for (const CalleeProperty &property : properties)
    names.push_back(property.name);
  return names;
}

Callee calleeOf(const runtime::ActionDoc &action) {
  Callee callee;
  callee.title = "action '" + std::string(action.name) + "'";
  for (const runtime::PropertyDoc &property : action.properties)
    callee.properties.push_back({std::string(property.name), property.type, property.required,
                                 specOf(property)});
  for (const runtime::OutputDoc &output : action.outputs)
    callee.outputs.emplace_back(output.name);
  callee.outputsKnown = action.outputsKnown;
  for (const auto &group : action.exactlyOneOf)
    callee.exactlyOneOf.emplace_back(group.begin(), group.end());
  return callee;
}

Callee calleeOf(const ir::Template &tmpl, std::string_view name) {
  Callee callee;
  callee.title = "template '" + std::string(name) + "'";
  callee.member = "parameter";
  for (const ir::Parameter &parameter : tmpl.parameters) {
    auto spec = parameterSpec(parameter);
    PropertyType type = spec ? propertyType(spec->type) : PropertyType::Any;
    callee.properties.push_back({parameter.name.text, type, parameter.defaultValue == nullptr,
                                 std::move(spec)});
  }
  for (const ir::OutputDecl &output : tmpl.outputs)
    callee.outputs.push_back(output.name.text);
  return callee;
}

const Callee *findActionCallee(std::string_view name, const TemplateLibrary *templates) {
  if (templates)
    if (const Callee *defined = templates->findAction(name))
      return defined;
  return findActionCallee(name);
}

const Callee *findActionCallee(std::string_view name) {
  // Built once from the immutable catalogue, in its order, so an action's
  // index in the catalogue is its callee's; thread-safe initialisation.
  static const std::vector<Callee> callees = [] {
    std::vector<Callee> all;
    for (const runtime::ActionDoc &action : runtime::actionCatalogue())
      all.push_back(calleeOf(action));
    return all;
  }();
  const runtime::ActionDoc *doc = runtime::findAction(name);
  return doc ? &callees[static_cast<size_t>(doc - runtime::actionCatalogue().data())] : nullptr;
}

} // namespace oosc::analysis
