//===- functions/Logic.cpp - Conditions, equality and the logic built-ins
//--===//
//
// toCondition and valuesEqual, and Fn::Equals, Fn::If, Fn::Not, Fn::And and
// Fn::Or built on them.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

namespace oosc::runtime::functions {

namespace {

std::optional<bool> conditionOf(const Value &value) {
  if (value.isBool())
    return value.getBool();
  // Boolean parameters and outputs often arrive as text ('{{ flag }}'
  // inside a string, Type: String outputs), and Python spells them "True".
  if (value.isString()) {
    std::string lower = lowerAscii(value.getString());
    if (lower == "true")
      return true;
    if (lower == "false")
      return false;
  }
  return std::nullopt;
}

Outcome<bool> conditionArgument(std::string_view function,
                                std::string_view what, const Value &value) {
  if (std::optional<bool> truth = conditionOf(value))
    return *truth;
  return failure(function, std::string(what) + " must be true or false, got " +
                               describe(value));
}

/// Scalars of different kinds are equal when one is the other's string
/// form, the way OOS compares values as strings (oos-spec.md section 7.2)
/// and templates compare a String output with a literal number
/// (Fn::Equals: ['{{ getLifecycleHook.totalCount }}', 0]).
bool scalarsEqual(const Value &lhs, const Value &rhs) {
  if (lhs == rhs)
    return true;
  if (lhs.isString() == rhs.isString())
    return false; // both text, or number vs bool: no string form involved
  const Value &text = lhs.isString() ? lhs : rhs;
  const Value &other = lhs.isString() ? rhs : lhs;
  if (other.isNumber()) {
    std::optional<Value> number = parseNumber(text.getString());
    return number && *number == other;
  }
  if (other.isBool()) {
    std::optional<bool> truth = conditionOf(text);
    return truth && *truth == other.getBool();
  }
  return false; // null equals only null
}

bool listsEqual(const Value::List &lhs, const Value::List &rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (std::size_t i = 0; i < lhs.size(); ++i)
    if (!valuesEqual(lhs[i], rhs[i]))
      return false;
  return true;
}

bool mapsEqual(const Value &lhs, const Value &rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (const Value::Member &member : lhs.getMap()) {
    const Value *other = rhs.find(member.first);
    if (!other || !valuesEqual(member.second, *other))
      return false;
  }
  return true;
}

/// Reads every condition of Fn::And / Fn::Or, so that a malformed one fails
/// even when an earlier one already decides the result.
Outcome<std::vector<bool>> conditionsOf(std::string_view function,
                                        const Value &argument) {
  auto arguments =
      argumentList(function, argument, "[condition, condition, ...]", 1, 0);
  if (!arguments)
    return arguments.error();
  std::vector<bool> truths;
  const Value::List &args = *arguments.value();
  for (std::size_t i = 0; i < args.size(); ++i) {
    auto truth = conditionArgument(function, ordinalArgument(i), args[i]);
    if (!truth)
      return truth.error();
    truths.push_back(truth.value());
  }
  return truths;
}

} // namespace

Outcome<Value> equals(const Value &argument, const FunctionEnvironment &) {
  auto arguments = argumentList("Fn::Equals", argument, "[value, value]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  return Value(valuesEqual(args[0], args[1]));
}

Outcome<Value> ifThenElse(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::If";
  auto arguments = argumentList(
      Name, argument, "[condition, value if true, value if false]", 3, 3);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto truth = conditionArgument(Name, "the condition", args[0]);
  if (!truth)
    return truth.error();
  return truth.value() ? args[1] : args[2];
}

// Fn::Not takes the condition directly (the OOS form); the ROS-style
// one-item list [condition] is accepted too.
Outcome<Value> logicalNot(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Not";
  const Value *condition = &argument;
  if (argument.isList()) {
    auto arguments =
        argumentList(Name, argument, "condition or [condition]", 1, 1);
    if (!arguments)
      return arguments.error();
    condition = &arguments.value()->front();
  }
  auto truth = conditionArgument(Name, "the condition", *condition);
  if (!truth)
    return truth.error();
  return Value(!truth.value());
}

Outcome<Value> logicalAnd(const Value &argument, const FunctionEnvironment &) {
  auto truths = conditionsOf("Fn::And", argument);
  if (!truths)
    return truths.error();
  for (bool truth : truths.value())
    if (!truth)
      return Value(false);
  return Value(true);
}

Outcome<Value> logicalOr(const Value &argument, const FunctionEnvironment &) {
  auto truths = conditionsOf("Fn::Or", argument);
  if (!truths)
    return truths.error();
  for (bool truth : truths.value())
    if (truth)
      return Value(true);
  return Value(false);
}

} // namespace oosc::runtime::functions

namespace oosc::runtime {

Outcome<bool> toCondition(const Value &value) {
  if (std::optional<bool> truth = functions::conditionOf(value))
    return *truth;
  return fail("a condition must be true or false, got " +
              functions::describe(value));
}

bool valuesEqual(const Value &lhs, const Value &rhs) {
  if (lhs.isList() && rhs.isList())
    return functions::listsEqual(lhs.getList(), rhs.getList());
  if (lhs.isMap() && rhs.isMap())
    return functions::mapsEqual(lhs, rhs);
  if (!lhs.isScalar() || !rhs.isScalar())
    return false;
  return functions::scalarsEqual(lhs, rhs);
}

} // namespace oosc::runtime
