//===- functions/Table.cpp - The table of Fn:: functions
//-------------------===//
//
// Maps each Fn:: name to its implementation, and dispatches callFunction and
// Loop aggregation through it. Semantics chosen where oos-spec.md section 8
// is uncertain are documented next to each implementation.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

namespace oosc::runtime {

namespace {

using namespace functions;

struct FunctionEntry {
  std::string_view name;
  Implementation implementation;
};

/// Every function of oos-spec.md section 8 except Fn::Eval, which the
/// compiler turns into arithmetic() calls.
constexpr FunctionEntry Table[] = {
    // string -> Base64 text: hello -> aGVsbG8=
    {"Fn::Base64Encode", base64Encode},
    // Base64 text -> string; invalid input or non-UTF-8 bytes fail
    {"Fn::Base64Decode", base64Decode},
    // [{k1: [v...]}, {k2: [v...]}] -> maps merged row-wise, last values repeat
    {"Fn::MergeMapToList", mergeMapToList},
    // [map, map, ...] -> one map, later keys win
    {"Fn::MergeMap", mergeMap},
    // [delimiter, list] -> the items' text joined
    {"Fn::Join", join},
    // [index or key, list or map] -> the element
    {"Fn::Select", select},
    // [delimiter, string] -> list of pieces
    {"Fn::Split", split},
    // [{old: new, ...}, string] -> string with each pair replaced in turn
    {"Fn::Replace", replace},
    // list -> smallest element
    {"Fn::Min", minimum},
    // list -> largest element
    {"Fn::Max", maximum},
    // list -> first element
    {"Fn::First", first},
    // list -> last element
    {"Fn::Last", last},
    // [v1, v2, ...] -> the list itself
    {"Fn::ListJoin", listJoin},
    // [a, b] -> deep equality, scalars also equal to their string form
    {"Fn::Equals", equals},
    // [condition, then, else] -> then or else
    {"Fn::If", ifThenElse},
    // condition -> its negation
    {"Fn::Not", logicalNot},
    // [c1, c2, ...] -> all true
    {"Fn::And", logicalAnd},
    // [c1, c2, ...] -> any true
    {"Fn::Or", logicalOr},
    // [utc time, hours] -> shifted utc time
    {"Fn::AddHour", addHour},
    // [utc time, seconds] -> shifted utc time (older templates)
    {"Fn::AddSecond", addSecond},
    // [utc time, strftime format] -> formatted text
    {"Fn::FormatUTCTime", formatUtcTime},
    // [start HH:MM, end HH:MM] -> now, or the window's next start
    {"Fn::CalculateTimeByOpsWindow", calculateTimeByOpsWindow},
    // [list, list, ...] -> elements in every list
    {"Fn::Intersection", intersection},
    // [list, list, ...] -> elements in any list
    {"Fn::Union", setUnion},
    // [list, list, ...] -> union minus intersection
    {"Fn::Difference", difference},
    // [First|All, jq program, value] -> first result or all results
    {"Fn::Jq", jq},
    // [keys, values] -> map pairing them
    {"Fn::MapJoin", mapJoin},
    // [ip, cidr] -> whether the address is in the block
    {"Fn::IsIpInCIDR", isIpInCidr},
    // [string with ${name}, {name: value}] -> substituted string
    {"Fn::Sub", substitute},
    // [HH:MM, HH:MM] -> ISO 8601 duration for ACS::Sleep
    {"Fn::DurationBetween", durationBetween},
    // [string, powershell|shell] -> quotes escaped for that shell
    {"Fn::Escape", escape},
    // [map] -> [{Key, Value}, ...]
    {"Fn::ConvertMapToList", convertMapToList},
    // list of lists -> flattened one level
    {"Fn::MergeList", mergeList},
    // [batch count, list] -> per-batch concurrency
    {"Fn::CalculateBatch", calculateBatch},
    // [start, end, list] -> Python-style slice
    {"Fn::RangeSelect", rangeSelect},
    // [string, substring] -> whether it occurs
    {"Fn::ContainsSubString", containsSubString},
    // [package template content, instance info] -> matching package
    {"Fn::FindMatchedPackage", findMatchedPackage},
    // list of numbers -> their sum
    {"Fn::Sum", sum},
};

const FunctionEntry *findEntry(std::string_view name) {
  for (const FunctionEntry &entry : Table)
    if (entry.name == name)
      return &entry;
  return nullptr;
}

/// The aggregation of the non-null item values: an iteration without a
/// value (a tolerated failure) does not count towards a sum or an extreme.
Value::List presentValues(const std::vector<Value> &itemValues) {
  Value::List present;
  for (const Value &value : itemValues)
    if (!value.isNull())
      present.push_back(value);
  return present;
}

} // namespace

Outcome<Value> callFunction(std::string_view name, const Value &argument,
                            const FunctionEnvironment &environment) {
  if (name == "Fn::Eval")
    return fail("Fn::Eval: expressions are compiled, not called at run time");
  const FunctionEntry *entry = findEntry(name);
  if (!entry)
    return fail("unknown function " + std::string(name));
  return entry->implementation(argument, environment);
}

bool isKnownFunction(std::string_view name) {
  return findEntry(name) != nullptr;
}

std::vector<std::string_view> functionNames() {
  std::vector<std::string_view> names;
  for (const FunctionEntry &entry : Table)
    names.push_back(entry.name);
  return names;
}

// AggregateType (oos-spec.md section 5.4): Fn::ListJoin and Fn::Sum are seen
// in real templates; the documentation's "such as" leaves room for others,
// so the list-folding functions that make sense over per-item values are
// accepted too. Fn::Sum, Fn::Max and Fn::Min skip items without a value, and
// Fn::Max/Fn::Min of no values is null rather than a failure, since a loop
// over an empty list is legitimate.
Outcome<Value> aggregate(std::string_view function,
                         const std::vector<Value> &itemValues) {
  Value::List items(itemValues.begin(), itemValues.end());
  if (function == "Fn::ListJoin")
    return Value(std::move(items));
  if (function == "Fn::MergeList")
    return flattenOnce(items);
  if (function == "Fn::Sum")
    return sumOf(function, presentValues(itemValues));
  if (function == "Fn::Max" || function == "Fn::Min") {
    Value::List present = presentValues(itemValues);
    if (present.empty())
      return Value();
    return extremeOf(function, present, function == "Fn::Max");
  }
  if (function == "Fn::First" || function == "Fn::Last") {
    if (items.empty())
      return Value();
    return function == "Fn::First" ? items.front() : items.back();
  }
  return fail("AggregateType " + std::string(function) +
              " is not supported (expected Fn::ListJoin, Fn::Sum, Fn::Max, "
              "Fn::Min, Fn::First, Fn::Last or Fn::MergeList)");
}

} // namespace oosc::runtime
