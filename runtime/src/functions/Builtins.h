//===- functions/Builtins.h - Shared pieces of the Fn:: implementations
//----===//
//
// Private to runtime/src/functions: the signature every built-in shares, the
// implementations the function table (Table.cpp) points to, and helpers that
// check argument shapes and phrase failures uniformly
// ("Fn::Name: what was wrong with which argument").
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Functions.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::runtime::functions {

/// Every built-in takes the value under its Fn:: key.
using Implementation = Outcome<Value> (*)(
    const Value &argument, const FunctionEnvironment &environment);

//===----------------------------------------------------------------------===//
// Failures and argument checks
//===----------------------------------------------------------------------===//

/// The failure "<function>: <message>".
Failure failure(std::string_view function, std::string_view message);

/// A value for a message: its kind and its JSON, cut short
/// (`string "abc"`, `integer 5`, `list ["a","b"]`).
std::string describe(const Value &value);

/// The arguments of a list-shaped function: \p argument must be a list of
/// \p minCount to \p maxCount items (\p maxCount 0: no upper bound).
/// \p shape is shown on failure, e.g. "[delimiter, list]".
Outcome<const Value::List *> argumentList(std::string_view function,
                                          const Value &argument,
                                          std::string_view shape,
                                          std::size_t minCount,
                                          std::size_t maxCount);

/// \p value as a list; \p what names it in the failure ("argument 2").
Outcome<const Value::List *> listArgument(std::string_view function,
                                          std::string_view what,
                                          const Value &value);

/// \p value as a map; \p what names it in the failure.
Outcome<const Value::Map *> mapArgument(std::string_view function,
                                        std::string_view what,
                                        const Value &value);

/// \p value as text: a string, or a number or bool in its display form.
Outcome<std::string> textArgument(std::string_view function,
                                  std::string_view what, const Value &value);

/// \p value as an integer: an Integer, a Real without fraction, or a string
/// spelling one ("3", "-1").
Outcome<std::int64_t> integerArgument(std::string_view function,
                                      std::string_view what,
                                      const Value &value);

/// \p value as a number (Integer or Real): a number or a numeric string.
Outcome<Value> numberArgument(std::string_view function, std::string_view what,
                              const Value &value);

/// A number, or the number a numeric string spells; std::nullopt otherwise.
std::optional<Value> asNumber(const Value &value);

/// "1 item", "2 items": \p count and the noun, plural unless one.
std::string countOf(std::size_t count, std::string_view singular);

/// "argument 2" for the 0-based \p index.
std::string ordinalArgument(std::size_t index);

//===----------------------------------------------------------------------===//
// Implementations, grouped by file
//===----------------------------------------------------------------------===//

// Strings.cpp
Outcome<Value> join(const Value &, const FunctionEnvironment &);
Outcome<Value> split(const Value &, const FunctionEnvironment &);
Outcome<Value> replace(const Value &, const FunctionEnvironment &);
Outcome<Value> substitute(const Value &, const FunctionEnvironment &);
Outcome<Value> containsSubString(const Value &, const FunctionEnvironment &);
Outcome<Value> escape(const Value &, const FunctionEnvironment &);

// Base64.cpp
Outcome<Value> base64Encode(const Value &, const FunctionEnvironment &);
Outcome<Value> base64Decode(const Value &, const FunctionEnvironment &);

// Lists.cpp
Outcome<Value> select(const Value &, const FunctionEnvironment &);
Outcome<Value> first(const Value &, const FunctionEnvironment &);
Outcome<Value> last(const Value &, const FunctionEnvironment &);
Outcome<Value> minimum(const Value &, const FunctionEnvironment &);
Outcome<Value> maximum(const Value &, const FunctionEnvironment &);
Outcome<Value> sum(const Value &, const FunctionEnvironment &);
Outcome<Value> listJoin(const Value &, const FunctionEnvironment &);
Outcome<Value> mergeList(const Value &, const FunctionEnvironment &);
Outcome<Value> rangeSelect(const Value &, const FunctionEnvironment &);
Outcome<Value> calculateBatch(const Value &, const FunctionEnvironment &);

// Maps.cpp
Outcome<Value> mergeMap(const Value &, const FunctionEnvironment &);
Outcome<Value> mergeMapToList(const Value &, const FunctionEnvironment &);
Outcome<Value> mapJoin(const Value &, const FunctionEnvironment &);
Outcome<Value> convertMapToList(const Value &, const FunctionEnvironment &);

// Sets.cpp
Outcome<Value> intersection(const Value &, const FunctionEnvironment &);
Outcome<Value> setUnion(const Value &, const FunctionEnvironment &);
Outcome<Value> difference(const Value &, const FunctionEnvironment &);

// Logic.cpp
Outcome<Value> equals(const Value &, const FunctionEnvironment &);
Outcome<Value> ifThenElse(const Value &, const FunctionEnvironment &);
Outcome<Value> logicalNot(const Value &, const FunctionEnvironment &);
Outcome<Value> logicalAnd(const Value &, const FunctionEnvironment &);
Outcome<Value> logicalOr(const Value &, const FunctionEnvironment &);

// Time.cpp
Outcome<Value> addHour(const Value &, const FunctionEnvironment &);
Outcome<Value> addSecond(const Value &, const FunctionEnvironment &);
Outcome<Value> formatUtcTime(const Value &, const FunctionEnvironment &);
Outcome<Value> calculateTimeByOpsWindow(const Value &,
                                        const FunctionEnvironment &);
Outcome<Value> durationBetween(const Value &, const FunctionEnvironment &);

// Network.cpp
Outcome<Value> isIpInCidr(const Value &, const FunctionEnvironment &);

// Data.cpp
Outcome<Value> jq(const Value &, const FunctionEnvironment &);
Outcome<Value> findMatchedPackage(const Value &, const FunctionEnvironment &);

//===----------------------------------------------------------------------===//
// Folds shared by the functions and aggregate() (Lists.cpp)
//===----------------------------------------------------------------------===//

/// The smallest or, with \p pickLarger, the largest of \p items (the first
/// of equals), or a failure naming \p function.
Outcome<Value> extremeOf(std::string_view function, const Value::List &items,
                         bool pickLarger);

/// The sum of \p items for \p function (Fn::Sum and its aggregation).
Outcome<Value> sumOf(std::string_view function, const Value::List &items);

/// \p items with the lists among them spliced in, one level deep
/// (Fn::MergeList and its aggregation).
Value flattenOnce(const Value::List &items);

} // namespace oosc::runtime::functions
