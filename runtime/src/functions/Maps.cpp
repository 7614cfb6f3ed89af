//===- functions/Maps.cpp - Built-ins that build or take apart maps
//--------===//
//
// Fn::MergeMap, Fn::MergeMapToList, Fn::MapJoin and Fn::ConvertMapToList.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <algorithm>

namespace oosc::runtime::functions {

namespace {

/// One column of Fn::MergeMapToList: a key and the values it takes row by
/// row.
struct Column {
  std::string key;
  Value::List values;
};

/// Reads the columns of Fn::MergeMapToList; a later column with the same
/// key replaces the earlier one in place.
Outcome<std::vector<Column>> columnsOf(const Value::List &maps) {
  constexpr std::string_view Name = "Fn::MergeMapToList";
  std::vector<Column> columns;
  for (std::size_t i = 0; i < maps.size(); ++i) {
    auto members = mapArgument(Name, ordinalArgument(i), maps[i]);
    if (!members)
      return members.error();
    for (const Value::Member &member : *members.value()) {
      // A single value stands for a list that repeats it on every row.
      Value::List values = member.second.isList() ? member.second.getList()
                                                  : Value::List{member.second};
      if (values.empty())
        return failure(Name, "the list under '" + member.first +
                                 "' is empty, so it has no value to repeat");
      auto same = std::find_if(
          columns.begin(), columns.end(),
          [&](const Column &column) { return column.key == member.first; });
      if (same != columns.end())
        same->values = std::move(values);
      else
        columns.push_back(Column{member.first, std::move(values)});
    }
  }
  return columns;
}

Value rowOf(const std::vector<Column> &columns, std::size_t row) {
  Value::Map members;
  for (const Column &column : columns)
    members.emplace_back(
        column.key, column.values[std::min(row, column.values.size() - 1)]);
  return Value(std::move(members));
}

} // namespace

// Fn::MergeMap: "later keys win" is marked [uncertain] in oos-spec.md section
// 8; it is the reading of Python's dict.update, which the merge of
// instanceInfo with extra keys in real templates relies on. The merge is
// shallow, and a replaced key keeps its first position.
Outcome<Value> mergeMap(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::MergeMap";
  auto arguments = argumentList(Name, argument, "[map, map, ...]", 1, 0);
  if (!arguments)
    return arguments.error();
  Value merged{Value::Map{}};
  const Value::List &maps = *arguments.value();
  for (std::size_t i = 0; i < maps.size(); ++i) {
    auto members = mapArgument(Name, ordinalArgument(i), maps[i]);
    if (!members)
      return members.error();
    for (const Value::Member &member : *members.value())
      merged.set(member.first, member.second);
  }
  return merged;
}

// Fn::MergeMapToList (oos-spec.md section 8, documented): row i takes the
// i-th value of every key's list; lists shorter than the longest repeat their
// last value.
Outcome<Value> mergeMapToList(const Value &argument,
                              const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::MergeMapToList";
  auto arguments = argumentList(
      Name, argument, "[{key: [values]}, {key: [values]}, ...]", 1, 0);
  if (!arguments)
    return arguments.error();
  auto columns = columnsOf(*arguments.value());
  if (!columns)
    return columns.error();
  std::size_t rows = 0;
  for (const Column &column : columns.value())
    rows = std::max(rows, column.values.size());
  Value::List result;
  for (std::size_t row = 0; row < rows; ++row)
    result.push_back(rowOf(columns.value(), row));
  return Value(std::move(result));
}

// Fn::MapJoin (oos-spec.md section 8, shape [uncertain]): the documentation
// pairs the first list's values as keys with the second list's values. Lists
// of different lengths fail rather than silently dropping values, and a
// repeated key keeps its last value.
Outcome<Value> mapJoin(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::MapJoin";
  auto arguments = argumentList(Name, argument, "[keys, values]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto keys = listArgument(Name, "argument 1", args[0]);
  if (!keys)
    return keys.error();
  auto values = listArgument(Name, "argument 2", args[1]);
  if (!values)
    return values.error();
  if (keys.value()->size() != values.value()->size())
    return failure(Name, "the lists differ in length: " +
                             countOf(keys.value()->size(), "key") + ", " +
                             countOf(values.value()->size(), "value"));
  Value map{Value::Map{}};
  for (std::size_t i = 0; i < keys.value()->size(); ++i) {
    auto key =
        textArgument(Name, "key " + std::to_string(i + 1), (*keys.value())[i]);
    if (!key)
      return key.error();
    map.set(std::move(key.value()), (*values.value())[i]);
  }
  return map;
}

// Fn::ConvertMapToList: real templates wrap the map in a list ([map]); the map
// written directly is accepted too.
Outcome<Value> convertMapToList(const Value &argument,
                                const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::ConvertMapToList";
  const Value *map = &argument;
  if (argument.isList()) {
    auto arguments = argumentList(Name, argument, "[map]", 1, 1);
    if (!arguments)
      return arguments.error();
    map = &arguments.value()->front();
  }
  auto members = mapArgument(Name, "the argument", *map);
  if (!members)
    return members.error();
  Value::List pairs;
  for (const Value::Member &member : *members.value())
    pairs.emplace_back(
        Value::Map{{"Key", Value(member.first)}, {"Value", member.second}});
  return Value(std::move(pairs));
}

} // namespace oosc::runtime::functions
