//===- functions/Lists.cpp - Built-ins that pick from or fold a list
//-------===//
//
// Fn::Select, Fn::First, Fn::Last, Fn::Min, Fn::Max, Fn::Sum, Fn::ListJoin,
// Fn::MergeList, Fn::RangeSelect and Fn::CalculateBatch.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <algorithm>

namespace oosc::runtime::functions {

namespace {

/// At most this many keys are listed when a map lookup fails.
constexpr std::size_t MaxShownKeys = 10;

std::string keysOf(const Value::Map &members) {
  std::string keys;
  std::size_t shown = std::min(members.size(), MaxShownKeys);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i != 0)
      keys += ", ";
    keys += members[i].first;
  }
  if (members.size() > shown)
    keys += ", ...";
  return keys;
}

Outcome<Value> selectFromList(const Value::List &items, const Value &index) {
  constexpr std::string_view Name = "Fn::Select";
  auto position = integerArgument(Name, "the index for a list", index);
  if (!position)
    return position.error();
  std::int64_t size = static_cast<std::int64_t>(items.size());
  std::int64_t at = position.value();
  // Negative indexes count from the end, as in Python, which OOS runs on.
  std::int64_t resolved = at < 0 ? at + size : at;
  if (resolved < 0 || resolved >= size)
    return failure(Name, "index " + std::to_string(at) +
                             " is out of range for a list of " +
                             std::to_string(size));
  return items[static_cast<std::size_t>(resolved)];
}

Outcome<Value> selectFromMap(const Value &map, const Value &key) {
  constexpr std::string_view Name = "Fn::Select";
  auto name = textArgument(Name, "the key for a map", key);
  if (!name)
    return name.error();
  if (const Value *found = map.find(name.value()))
    return *found;
  if (map.size() == 0)
    return failure(Name, "key '" + name.value() + "' is not in the empty map");
  return failure(Name, "key '" + name.value() + "' is not in the map (keys: " +
                           keysOf(map.getMap()) + ")");
}

/// The argument of a function that takes a list directly (Fn::First: list).
Outcome<const Value::List *> directList(std::string_view function,
                                        const Value &argument) {
  if (!argument.isList())
    return failure(function, "expects a list, got " + describe(argument));
  return &argument.getList();
}

/// Orders two values for Fn::Min/Fn::Max, or std::nullopt if they do not
/// compare: numbers (and numeric strings next to numbers) by value, strings
/// by their bytes (Python's str ordering for ASCII).
std::optional<int> compareItems(const Value &lhs, const Value &rhs,
                                bool numeric) {
  if (numeric) {
    std::optional<Value> left = asNumber(lhs);
    std::optional<Value> right = asNumber(rhs);
    if (!left || !right)
      return std::nullopt;
    if (left->isInteger() && right->isInteger())
      return left->getInteger() < right->getInteger()   ? -1
             : left->getInteger() > right->getInteger() ? 1
                                                        : 0;
    double a = left->getNumber();
    double b = right->getNumber();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (!lhs.isString() || !rhs.isString())
    return std::nullopt;
  int order = lhs.getString().compare(rhs.getString());
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

/// Lists holding only strings compare as text; any number makes the whole
/// list compare numerically, numeric strings included.
bool comparesNumerically(const Value::List &items) {
  return std::any_of(items.begin(), items.end(),
                     [](const Value &item) { return !item.isString(); });
}

/// Python-style slice bound: negative counts from the end, then clamped.
std::int64_t sliceBound(std::int64_t bound, std::int64_t size) {
  if (bound < 0)
    bound += size;
  return std::clamp<std::int64_t>(bound, 0, size);
}

Outcome<std::optional<std::int64_t>> optionalBound(std::string_view what,
                                                   const Value &value) {
  if (value.isNull())
    return std::optional<std::int64_t>();
  auto bound = integerArgument("Fn::RangeSelect", what, value);
  if (!bound)
    return bound.error();
  return std::optional<std::int64_t>(bound.value());
}

} // namespace

Outcome<Value> extremeOf(std::string_view function, const Value::List &items,
                         bool pickLarger) {
  if (items.empty())
    return failure(function, "the list is empty");
  bool numeric = comparesNumerically(items);
  std::size_t best = 0;
  for (std::size_t i = 1; i < items.size(); ++i) {
    std::optional<int> order = compareItems(items[i], items[best], numeric);
    if (!order)
      return failure(function, "cannot compare " + describe(items[i]) +
                                   " with " + describe(items[best]));
    // Strict comparison keeps the first of equal elements, as Python does.
    if (pickLarger ? *order > 0 : *order < 0)
      best = i;
  }
  // A single element is never compared; it must still be comparable.
  if (items.size() == 1 && !compareItems(items[0], items[0], numeric))
    return failure(function, "cannot compare " + describe(items[0]));
  return items[best];
}

Outcome<Value> sumOf(std::string_view function, const Value::List &items) {
  std::int64_t integerSum = 0;
  double realSum = 0;
  bool real = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto number =
        numberArgument(function, "item " + std::to_string(i + 1), items[i]);
    if (!number)
      return number.error();
    const Value &addend = number.value();
    if (!real && addend.isInteger()) {
      if (__builtin_add_overflow(integerSum, addend.getInteger(), &integerSum))
        return failure(function, "the sum does not fit a 64-bit integer");
      continue;
    }
    if (!real) {
      real = true;
      realSum = static_cast<double>(integerSum);
    }
    realSum += addend.getNumber();
  }
  if (real)
    return Value(realSum);
  return Value(integerSum);
}

Value flattenOnce(const Value::List &items) {
  Value::List flat;
  for (const Value &item : items) {
    if (item.isList())
      flat.insert(flat.end(), item.getList().begin(), item.getList().end());
    else
      flat.push_back(item);
  }
  return Value(std::move(flat));
}

Outcome<Value> select(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Select";
  auto arguments =
      argumentList(Name, argument, "[index or key, list or map]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  if (args[1].isList())
    return selectFromList(args[1].getList(), args[0]);
  if (args[1].isMap())
    return selectFromMap(args[1], args[0]);
  return failure(Name, "argument 2 must be a list or a map, got " +
                           describe(args[1]));
}

Outcome<Value> first(const Value &argument, const FunctionEnvironment &) {
  auto items = directList("Fn::First", argument);
  if (!items)
    return items.error();
  if (items.value()->empty())
    return failure("Fn::First", "the list is empty");
  return items.value()->front();
}

Outcome<Value> last(const Value &argument, const FunctionEnvironment &) {
  auto items = directList("Fn::Last", argument);
  if (!items)
    return items.error();
  if (items.value()->empty())
    return failure("Fn::Last", "the list is empty");
  return items.value()->back();
}

Outcome<Value> minimum(const Value &argument, const FunctionEnvironment &) {
  auto items = directList("Fn::Min", argument);
  if (!items)
    return items.error();
  return extremeOf("Fn::Min", *items.value(), /*pickLarger=*/false);
}

Outcome<Value> maximum(const Value &argument, const FunctionEnvironment &) {
  auto items = directList("Fn::Max", argument);
  if (!items)
    return items.error();
  return extremeOf("Fn::Max", *items.value(), /*pickLarger=*/true);
}

// Fn::Sum is only seen as an AggregateType (oos-spec.md section 5.4); as a
// function it takes a list of numbers, or one number written directly.
Outcome<Value> sum(const Value &argument, const FunctionEnvironment &) {
  if (argument.isList())
    return sumOf("Fn::Sum", argument.getList());
  return sumOf("Fn::Sum", Value::List{argument});
}

// "Converts multiple parameters into a list" (oos-spec.md section 8): the
// list of arguments is the result. A value that is not a list is refused
// rather than wrapped, since the documented form is always a list.
Outcome<Value> listJoin(const Value &argument, const FunctionEnvironment &) {
  auto arguments =
      argumentList("Fn::ListJoin", argument, "[value, value, ...]", 0, 0);
  if (!arguments)
    return arguments.error();
  return argument;
}

// Fn::MergeList is undocumented (oos-spec.md section 8 [uncertain]). Real
// templates give it a list of lists, often as one reference, and use the
// result as Loop Items; so it flattens exactly one level. Items that are not
// lists are kept as they are rather than rejected, because per-item task
// outputs of Type List may arrive already unwrapped.
Outcome<Value> mergeList(const Value &argument, const FunctionEnvironment &) {
  auto items = directList("Fn::MergeList", argument);
  if (!items)
    return items.error();
  return flattenOnce(*items.value());
}

// Fn::RangeSelect is undocumented (oos-spec.md section 8 [uncertain]): its one
// use, [0, -1, Fn::Split: [/, path]], drops the last path segment, which is
// Python's list[start:end]. Bounds follow Python slices: negative counts from
// the end, out-of-range bounds are clamped, null leaves a side open.
Outcome<Value> rangeSelect(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::RangeSelect";
  auto arguments = argumentList(Name, argument, "[start, end, list]", 3, 3);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto startBound = optionalBound("the start", args[0]);
  if (!startBound)
    return startBound.error();
  auto endBound = optionalBound("the end", args[1]);
  if (!endBound)
    return endBound.error();
  auto items = listArgument(Name, "argument 3", args[2]);
  if (!items)
    return items.error();
  const Value::List &list = *items.value();
  std::int64_t size = static_cast<std::int64_t>(list.size());
  std::int64_t begin = sliceBound(startBound.value().value_or(0), size);
  std::int64_t end = sliceBound(endBound.value().value_or(size), size);
  if (begin >= end)
    return Value(Value::List{});
  return Value(Value::List(list.begin() + begin, list.begin() + end));
}

// Fn::CalculateBatch is undocumented (oos-spec.md sections 5.4 and 8
// [uncertain]). Templates feed its result to Loop Concurrency with the
// parameter batchNumber, labelled "number of batches", so the result is the
// batch size that splits the items into that many batches: ceil(items /
// batches). It is at least 1 so that an empty list still gives a valid
// concurrency.
Outcome<Value> calculateBatch(const Value &argument,
                              const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::CalculateBatch";
  auto arguments = argumentList(Name, argument, "[batch count, list]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto batches = integerArgument(Name, "the batch count", args[0]);
  if (!batches)
    return batches.error();
  if (batches.value() < 1)
    return failure(Name, "the batch count must be at least 1, got " +
                             std::to_string(batches.value()));
  auto items = listArgument(Name, "argument 2", args[1]);
  if (!items)
    return items.error();
  std::int64_t count = static_cast<std::int64_t>(items.value()->size());
  std::int64_t perBatch =
      count / batches.value() + (count % batches.value() != 0 ? 1 : 0);
  return Value(std::max<std::int64_t>(perBatch, 1));
}

} // namespace oosc::runtime::functions
