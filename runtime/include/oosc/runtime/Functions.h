//===- Functions.h - The Fn:: built-in functions of OOS templates
//----------===//
//
// Evaluation of OOS's built-in functions (oos-spec.md section 8) on values
// that the runner has already evaluated, plus the condition, Loop
// aggregation and Fn::Eval arithmetic rules that the executor and generated
// code share with them. User errors are returned as Failure, never thrown.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Value.h"

#include <chrono>
#include <functional>
#include <string_view>
#include <vector>

namespace oosc::runtime {

/// What the functions need from the world around them; the caller supplies
/// it so that the library stays free of jq and clock dependencies.
struct FunctionEnvironment {
  /// Runs a jq program on a value, returning all results; supplied by the
  /// caller. Only Fn::Jq uses it.
  std::function<Outcome<std::vector<Value>>(std::string_view program,
                                            const Value &input)>
      jq;
  /// The current UTC time (a virtual clock in simulations). Only
  /// Fn::CalculateTimeByOpsWindow uses it.
  std::function<std::chrono::system_clock::time_point()> now;
};

/// Calls the built-in function \p name ("Fn::Join") on its already evaluated
/// argument: the YAML value under the Fn:: key, so a list for list-shaped
/// functions and the value itself otherwise. Failure messages start with
/// the function name ("Fn::Select: index 5 is out of range for a list of 3").
Outcome<Value> callFunction(std::string_view name, const Value &argument,
                            const FunctionEnvironment &environment);

/// True if callFunction implements \p name (exact spelling, "Fn::Join").
bool isKnownFunction(std::string_view name);

/// The names callFunction implements, in the order of the function table.
std::vector<std::string_view> functionNames();

/// The truth of a condition value (When, Fn::If, Fn::Not, Fn::And, Fn::Or,
/// Choice): bools, and the strings "true"/"false" in any case; anything else
/// fails with a message naming the value.
Outcome<bool> toCondition(const Value &value);

/// Fn::Equals: deep equality where a scalar also equals its string form
/// ("0" equals 0, "1.5" equals 1.5, "True" equals true). Lists compare by
/// position, maps by key regardless of order; null equals only null.
bool valuesEqual(const Value &lhs, const Value &rhs);

/// Loop output aggregation: \p function is the AggregateType ("Fn::ListJoin",
/// "Fn::Sum", also Fn::Max, Fn::Min, Fn::First, Fn::Last and Fn::MergeList)
/// applied to the per-item values, in item order.
Outcome<Value> aggregate(std::string_view function,
                         const std::vector<Value> &itemValues);

/// Arithmetic for compiled Fn::Eval programs. \p op is one of "+", "-", "*",
/// "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!=". Operands are
/// numbers or numeric strings and follow Python 3: integer results stay
/// integers except for "/" and negative powers; "%" and "//" round toward
/// negative infinity; division by zero fails. Besides, "+" joins two strings
/// that are not both numeric, the ordering operators compare such strings,
/// and "==" / "!=" compare any values with valuesEqual.
Outcome<Value> arithmetic(std::string_view op, const Value &left,
                          const Value &right);

/// Unary "-" and "+" for compiled Fn::Eval programs, on a number or a
/// numeric string.
Outcome<Value> unaryArithmetic(std::string_view op, const Value &operand);

} // namespace oosc::runtime
