//===- impl/Generated.h - Helpers for code that oosc generates -------------===//
//
// For generated code only (the runtime's `impl` layer): user programs use
// Program.h, Context.h and Runner.h. The version check makes a runner built
// against another runtime fail at compile time, not at run time.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Context.h"
#include "oosc/runtime/Program.h"
#include "oosc/runtime/Runner.h"

#include <initializer_list>

/// Bumped whenever the generated code's contract with the runtime changes.
#define OOSC_RUNTIME_VERSION 1

/// Evaluates an Outcome-returning expression into `var`, or returns its
/// failure from the enclosing generated function.
#define OOSC_TRY(var, expression)                                                                \
  auto var##Outcome = (expression);                                                              \
  if (!var##Outcome)                                                                             \
    return var##Outcome.error();                                                                 \
  ::oosc::runtime::Value var = std::move(var##Outcome.value())

namespace oosc::runtime::impl {

/// A string value from a literal of known length (literals may hold NUL).
inline Value text(const char *data, size_t size) { return Value(std::string(data, size)); }

/// String interpolation: each piece as OOS shows a value inside text.
Value concat(std::initializer_list<Value> pieces);

/// The truth of a condition, for When, Fn::If/And/Or/Not and Choice.
Outcome<bool> condition(const Value &value);

/// Fn::Eval operators.
Outcome<Value> arithmetic(std::string_view op, const Value &left, const Value &right);
Outcome<Value> unaryArithmetic(std::string_view op, const Value &operand);

} // namespace oosc::runtime::impl
