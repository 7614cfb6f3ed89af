//===- Generated.cpp - Helpers behind impl/Generated.h ---------------------===//
#include "oosc/runtime/impl/Generated.h"

#include "executor/Jq.h"
#include "oosc/runtime/Functions.h"

namespace oosc::runtime {

JqEngine &threadJqEngine() {
  thread_local JqEngine engine;
  return engine;
}

namespace impl {

Outcome<Value> map(Context &context, std::initializer_list<Member> members) {
  Value::Map map;
  map.reserve(members.size());
  for (const Member &member : members) {
    auto value = member.value(context);
    if (!value)
      return value.error();
    map.emplace_back(std::string(member.key, member.size), std::move(value.value()));
  }
  return Value(std::move(map));
}

Outcome<Value> list(Context &context, std::initializer_list<Expr> items) {
  Value::List list;
  list.reserve(items.size());
  for (Expr item : items) {
    auto value = item(context);
    if (!value)
      return value.error();
    list.push_back(std::move(value.value()));
  }
  return Value(std::move(list));
}

Outcome<Value> interpolate(Context &context, std::initializer_list<Piece> pieces) {
  std::string text;
  for (const Piece &piece : pieces) {
    if (!piece.value) {
      text.append(piece.text, piece.size);
      continue;
    }
    auto value = piece.value(context);
    if (!value)
      return value.error();
    text += value.value().toDisplayString();
  }
  return Value(std::move(text));
}

Outcome<Value> call(Context &context, const char *function, Expr argument) {
  auto value = argument(context);
  if (!value)
    return value.error();
  return context.call(function, value.value());
}

Outcome<bool> holds(Context &context, Expr condition) {
  auto value = condition(context);
  if (!value)
    return value.error();
  return toCondition(value.value());
}

Outcome<Value> ifThenElse(Context &context, Expr condition, Expr then, Expr otherwise) {
  auto taken = holds(context, condition);
  if (!taken)
    return taken.error();
  return taken.value() ? then(context) : otherwise(context);
}

Outcome<Value> allOf(Context &context, std::initializer_list<Expr> conditions) {
  for (Expr condition : conditions) {
    auto value = holds(context, condition);
    if (!value)
      return value.error();
    if (!value.value())
      return Value(false);
  }
  return Value(true);
}

Outcome<Value> anyOf(Context &context, std::initializer_list<Expr> conditions) {
  for (Expr condition : conditions) {
    auto value = holds(context, condition);
    if (!value)
      return value.error();
    if (value.value())
      return Value(true);
  }
  return Value(false);
}

Outcome<Value> negate(Context &context, Expr condition) {
  auto value = holds(context, condition);
  if (!value)
    return value.error();
  return Value(!value.value());
}

Outcome<Value> binary(Context &context, const char *op, Expr left, Expr right) {
  auto a = left(context);
  if (!a)
    return a.error();
  auto b = right(context);
  if (!b)
    return b.error();
  return arithmetic(op, a.value(), b.value());
}

Outcome<Value> unary(Context &context, const char *op, Expr operand) {
  auto value = operand(context);
  if (!value)
    return value.error();
  return unaryArithmetic(op, value.value());
}

} // namespace impl
} // namespace oosc::runtime
