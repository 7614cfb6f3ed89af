//===- ros/StackTemplate.h - A ROS template read, and its functions --------===//
//
// What the simulated ROS needs of a stack template: its text read (JSON or
// the YAML of text/BlockYaml.h), its parameters given values (the call's,
// their defaults, and ROS's pseudo parameters), its conditions, the order
// its resources are made in, and its functions evaluated (Ref, Fn::GetAtt,
// Fn::Join, Fn::Sub, Fn::Replace, Fn::Select, Fn::If, Fn::Equals, Fn::Not,
// Fn::And, Fn::Or). A function this does not evaluate is a NotImplemented
// error naming it, never a value made up.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "simulator/World.h"

#include <functional>
#include <string>
#include <vector>

namespace oosc::runtime::sim::ros {

/// ROS's error for a template it cannot use: 400 InvalidTemplate.
ApiError invalidTemplate(const std::string &why);

/// The template \p body holds: a JSON or YAML mapping with Resources.
Outcome<Value, ApiError> readTemplateBody(std::string_view body);

/// What ROS's pseudo parameters stand for in one stack.
struct StackIdentity {
  std::string stackId, stackName, regionId;
};

/// The template's parameters with their values: \p given (ParameterKey,
/// ParameterValue pairs) checked against their declarations (a value for
/// each one without a Default, AllowedValues), then the pseudo parameters.
Outcome<Value::Map, ApiError> parameterValues(const Value &tmpl, const std::vector<std::pair<std::string, std::string>> &given,
                                              const StackIdentity &identity);

/// Evaluates the template's functions. Resources are reached through the
/// two callbacks, so that a value can name only what exists already.
class Evaluator {
public:
  using RefOf = std::function<Outcome<Value, ApiError>(const std::string &resource)>;
  using AttributeOf = std::function<Outcome<Value, ApiError>(const std::string &resource, const std::string &name)>;

  Evaluator(const Value &tmpl, const Value::Map &parameters, RefOf ref, AttributeOf attribute);

  /// \p node with every function in it replaced by its value.
  Outcome<Value, ApiError> evaluate(const Value &node) const;
  /// Whether the condition named \p name holds (Conditions section).
  Outcome<bool, ApiError> condition(const std::string &name) const;

private:
  Outcome<Value, ApiError> function(const std::string &name, const Value &argument) const;
  Outcome<Value, ApiError> ref(const std::string &name) const;
  Outcome<Value, ApiError> sub(const Value &argument) const;

  const Value &tmpl;
  const Value::Map &parameters;
  RefOf refOf;
  AttributeOf attributeOf;
};

/// The resources of \p tmpl in an order that makes each after the ones it
/// refers to (Ref, Fn::GetAtt, DependsOn); InvalidTemplate for a reference
/// to no resource in DependsOn or a cycle.
Outcome<std::vector<std::string>, ApiError> creationOrder(const Value &tmpl);

} // namespace oosc::runtime::sim::ros
