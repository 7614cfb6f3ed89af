//===- functions/Sets.cpp - Fn::Intersection, Fn::Union, Fn::Difference
//----===//
//
// Set operations over lists. Results keep the order in which elements first
// appear (first list first) and hold no duplicates, so a Loop over them runs
// in a predictable order. Elements match by Value equality (1 equals 1.0,
// but "1" does not equal 1: these are identifiers, not text to compare).
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <algorithm>

namespace oosc::runtime::functions {

namespace {

bool contains(const Value::List &items, const Value &item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

/// The lists of a set operation, each checked.
Outcome<std::vector<const Value::List *>> listsOf(std::string_view function,
                                                  const Value &argument) {
  auto arguments = argumentList(function, argument, "[list, list, ...]", 1, 0);
  if (!arguments)
    return arguments.error();
  std::vector<const Value::List *> lists;
  const Value::List &args = *arguments.value();
  for (std::size_t i = 0; i < args.size(); ++i) {
    auto list = listArgument(function, ordinalArgument(i), args[i]);
    if (!list)
      return list.error();
    lists.push_back(list.value());
  }
  return lists;
}

Value::List unionOf(const std::vector<const Value::List *> &lists) {
  Value::List result;
  for (const Value::List *list : lists)
    for (const Value &item : *list)
      if (!contains(result, item))
        result.push_back(item);
  return result;
}

Value::List intersectionOf(const std::vector<const Value::List *> &lists) {
  Value::List result;
  for (const Value &item : *lists.front()) {
    bool inAll = std::all_of(
        lists.begin() + 1, lists.end(),
        [&](const Value::List *other) { return contains(*other, item); });
    if (inAll && !contains(result, item))
      result.push_back(item);
  }
  return result;
}

} // namespace

Outcome<Value> intersection(const Value &argument,
                            const FunctionEnvironment &) {
  auto lists = listsOf("Fn::Intersection", argument);
  if (!lists)
    return lists.error();
  return Value(intersectionOf(lists.value()));
}

Outcome<Value> setUnion(const Value &argument, const FunctionEnvironment &) {
  auto lists = listsOf("Fn::Union", argument);
  if (!lists)
    return lists.error();
  return Value(unionOf(lists.value()));
}

// Fn::Difference is documented as "the union minus the intersection"
// (oos-spec.md section 8), i.e. the symmetric difference for two lists; for
// more lists, the elements that are missing from at least one list.
Outcome<Value> difference(const Value &argument, const FunctionEnvironment &) {
  auto lists = listsOf("Fn::Difference", argument);
  if (!lists)
    return lists.error();
  Value::List common = intersectionOf(lists.value());
  Value::List result;
  for (const Value &item : unionOf(lists.value()))
    if (!contains(common, item))
      result.push_back(item);
  return Value(std::move(result));
}

} // namespace oosc::runtime::functions
