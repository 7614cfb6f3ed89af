//===- functions/Arithmetic.cpp - Operators of compiled Fn::Eval programs
//--===//
//
// OOS evaluates Fn::Eval expressions with Python; the compiler turns them
// into calls of arithmetic() and unaryArithmetic(), which follow Python 3's
// rules on 64-bit integers and doubles. Where Python would grow an integer
// past 64 bits, the operation fails instead of silently wrapping.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <cmath>
#include <limits>

namespace oosc::runtime {

namespace {

using functions::asNumber;
using functions::describe;

constexpr std::string_view Name = "Fn::Eval";

Failure evalFailure(std::string message) {
  return functions::failure(Name, message);
}

std::string operation(std::string_view op, const Value &left,
                      const Value &right) {
  return left.toDisplayString() + " " + std::string(op) + " " +
         right.toDisplayString();
}

Failure overflow(std::string_view op, const Value &left, const Value &right) {
  return evalFailure("the result of " + operation(op, left, right) +
                     " does not fit a 64-bit integer");
}

bool isZero(const Value &number) {
  return number.isInteger() ? number.getInteger() == 0
                            : number.getReal() == 0.0;
}

int compareNumbers(const Value &left, const Value &right) {
  if (left.isInteger() && right.isInteger())
    return left.getInteger() < right.getInteger()   ? -1
           : left.getInteger() > right.getInteger() ? 1
                                                    : 0;
  double a = left.getNumber();
  double b = right.getNumber();
  return a < b ? -1 : a > b ? 1 : 0;
}

Outcome<Value> comparison(std::string_view op, int order) {
  if (op == "<")
    return Value(order < 0);
  if (op == "<=")
    return Value(order <= 0);
  if (op == ">")
    return Value(order > 0);
  return Value(order >= 0); // ">="
}

bool isOrdering(std::string_view op) {
  return op == "<" || op == "<=" || op == ">" || op == ">=";
}

/// Python's floor division and modulo on integers (b != 0).
std::int64_t floorQuotient(std::int64_t a, std::int64_t b) {
  std::int64_t quotient = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? quotient - 1 : quotient;
}

std::int64_t floorRemainder(std::int64_t a, std::int64_t b) {
  std::int64_t remainder = a % b;
  return (remainder != 0 && ((remainder < 0) != (b < 0))) ? remainder + b
                                                          : remainder;
}

double floorRemainder(double a, double b) {
  double remainder = std::fmod(a, b);
  if (remainder != 0 && ((remainder < 0) != (b < 0)))
    remainder += b;
  return remainder;
}

/// base ** exponent for a non-negative exponent, by repeated squaring.
std::optional<std::int64_t> integerPower(std::int64_t base,
                                         std::int64_t exponent) {
  std::int64_t result = 1;
  while (exponent > 0) {
    if ((exponent & 1) && __builtin_mul_overflow(result, base, &result))
      return std::nullopt;
    exponent >>= 1;
    if (exponent > 0 && __builtin_mul_overflow(base, base, &base))
      return std::nullopt;
  }
  return result;
}

Outcome<Value> power(const Value &left, const Value &right) {
  if (left.isInteger() && right.isInteger() && right.getInteger() >= 0) {
    std::optional<std::int64_t> result =
        integerPower(left.getInteger(), right.getInteger());
    if (!result)
      return overflow("**", left, right);
    return Value(*result);
  }
  double base = left.getNumber();
  double exponent = right.getNumber();
  if (base == 0.0 && exponent < 0)
    return evalFailure("zero cannot be raised to a negative power");
  if (base < 0 && std::trunc(exponent) != exponent)
    return evalFailure("a negative number cannot be raised to a fractional "
                       "power (" +
                       operation("**", left, right) + ")");
  double result = std::pow(base, exponent);
  if (std::isinf(result) && std::isfinite(base) && std::isfinite(exponent))
    return evalFailure("the result of " + operation("**", left, right) +
                       " is too large");
  return Value(result);
}

Outcome<Value> integerOperation(std::string_view op, const Value &left,
                                const Value &right) {
  std::int64_t a = left.getInteger();
  std::int64_t b = right.getInteger();
  std::int64_t result = 0;
  bool overflowed = false;
  if (op == "+")
    overflowed = __builtin_add_overflow(a, b, &result);
  else if (op == "-")
    overflowed = __builtin_sub_overflow(a, b, &result);
  else if (op == "*")
    overflowed = __builtin_mul_overflow(a, b, &result);
  else if (op == "//")
    // The only overflowing quotient: the most negative value by -1.
    overflowed = a == std::numeric_limits<std::int64_t>::min() && b == -1;
  if (overflowed)
    return overflow(op, left, right);
  if (op == "//")
    return Value(floorQuotient(a, b));
  if (op == "%")
    return Value(b == -1 ? 0 : floorRemainder(a, b));
  return Value(result);
}

Outcome<Value> realOperation(std::string_view op, const Value &left,
                             const Value &right) {
  double a = left.getNumber();
  double b = right.getNumber();
  if (op == "+")
    return Value(a + b);
  if (op == "-")
    return Value(a - b);
  if (op == "*")
    return Value(a * b);
  if (op == "/")
    return Value(a / b);
  if (op == "//")
    return Value(std::floor(a / b));
  return Value(floorRemainder(a, b)); // "%"
}

Outcome<Value> numericOperation(std::string_view op, const Value &left,
                                const Value &right) {
  if (op == "==" || op == "!=")
    return Value((compareNumbers(left, right) == 0) == (op == "=="));
  if (isOrdering(op))
    return comparison(op, compareNumbers(left, right));
  if (op == "**")
    return power(left, right);
  if ((op == "/" || op == "//" || op == "%") && isZero(right))
    return evalFailure("division by zero in " + operation(op, left, right));
  // True division always gives a float in Python 3.
  if (op != "/" && left.isInteger() && right.isInteger())
    return integerOperation(op, left, right);
  return realOperation(op, left, right);
}

bool isBinaryOperator(std::string_view op) {
  for (std::string_view known :
       {"+", "-", "*", "/", "//", "%", "**", "<", "<=", ">", ">=", "==", "!="})
    if (op == known)
      return true;
  return false;
}

} // namespace

Outcome<Value> arithmetic(std::string_view op, const Value &left,
                          const Value &right) {
  if (!isBinaryOperator(op))
    return evalFailure("unknown operator '" + std::string(op) + "'");
  std::optional<Value> a = asNumber(left);
  std::optional<Value> b = asNumber(right);
  if (a && b)
    return numericOperation(op, *a, *b);
  if (op == "==" || op == "!=")
    return Value(valuesEqual(left, right) == (op == "=="));
  if (left.isString() && right.isString()) {
    if (op == "+")
      return Value(left.getString() + right.getString());
    if (isOrdering(op)) {
      int order = left.getString().compare(right.getString());
      return comparison(op, order < 0 ? -1 : order > 0 ? 1 : 0);
    }
  }
  const Value &culprit = a ? right : left;
  return evalFailure("operator " + std::string(op) + " needs numbers, got " +
                     describe(culprit));
}

Outcome<Value> unaryArithmetic(std::string_view op, const Value &operand) {
  if (op != "-" && op != "+")
    return evalFailure("unknown unary operator '" + std::string(op) + "'");
  std::optional<Value> number = asNumber(operand);
  if (!number)
    return evalFailure("unary " + std::string(op) + " needs a number, got " +
                       describe(operand));
  if (op == "+")
    return *number;
  if (number->isReal())
    return Value(-number->getReal());
  if (number->getInteger() == std::numeric_limits<std::int64_t>::min())
    return evalFailure("the negation of " + number->toDisplayString() +
                       " does not fit a 64-bit integer");
  return Value(-number->getInteger());
}

} // namespace oosc::runtime
