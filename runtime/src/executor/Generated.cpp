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

Value concat(std::initializer_list<Value> pieces) {
  std::string text;
  for (const Value &piece : pieces)
    text += piece.toDisplayString();
  return Value(std::move(text));
}

Outcome<bool> condition(const Value &value) { return toCondition(value); }

Outcome<Value> arithmetic(std::string_view op, const Value &left, const Value &right) {
  return runtime::arithmetic(op, left, right);
}

Outcome<Value> unaryArithmetic(std::string_view op, const Value &operand) {
  return runtime::unaryArithmetic(op, operand);
}

} // namespace impl
} // namespace oosc::runtime
