//===- functions/Support.cpp - Argument checks and failure messages
//--------===//
//
// Shape and type checks shared by the built-ins, so every function reports a
// wrong argument in the same words.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <cmath>

namespace oosc::runtime::functions {

namespace {

/// Values quoted in messages are cut to this many bytes of JSON so that a
/// whole API response passed by mistake does not drown the message.
constexpr std::size_t MaxShownJson = 60;

bool isContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string shortJson(const Value &value) {
  std::string json = value.toJson();
  if (json.size() <= MaxShownJson)
    return json;
  std::size_t cut = MaxShownJson;
  // Never split a UTF-8 sequence.
  while (cut > 0 && isContinuationByte(json[cut]))
    --cut;
  return json.substr(0, cut) + "...";
}

} // namespace

Failure failure(std::string_view function, std::string_view message) {
  std::string text(function);
  text += ": ";
  text += message;
  return Failure{std::move(text)};
}

std::string describe(const Value &value) {
  if (value.isNull())
    return "null";
  return std::string(kindName(value.kind())) + " " + shortJson(value);
}

std::string countOf(std::size_t count, std::string_view singular) {
  std::string text = std::to_string(count) + " " + std::string(singular);
  if (count != 1)
    text += "s";
  return text;
}

std::string ordinalArgument(std::size_t index) {
  return "argument " + std::to_string(index + 1);
}

Outcome<const Value::List *> argumentList(std::string_view function,
                                          const Value &argument,
                                          std::string_view shape,
                                          std::size_t minCount,
                                          std::size_t maxCount) {
  std::string expected = "expects " + std::string(shape);
  if (!argument.isList())
    return failure(function, expected + ", got " + describe(argument));
  std::size_t count = argument.size();
  if (count < minCount || (maxCount != 0 && count > maxCount))
    return failure(function,
                   expected + ", got a list of " + countOf(count, "item"));
  return &argument.getList();
}

Outcome<const Value::List *> listArgument(std::string_view function,
                                          std::string_view what,
                                          const Value &value) {
  if (!value.isList())
    return failure(function, std::string(what) + " must be a list, got " +
                                 describe(value));
  return &value.getList();
}

Outcome<const Value::Map *> mapArgument(std::string_view function,
                                        std::string_view what,
                                        const Value &value) {
  if (!value.isMap())
    return failure(function, std::string(what) + " must be a map, got " +
                                 describe(value));
  return &value.getMap();
}

Outcome<std::string> textArgument(std::string_view function,
                                  std::string_view what, const Value &value) {
  if (value.isString())
    return value.getString();
  // Numbers and booleans have an obvious text form; null and containers do
  // not, and accepting them would hide a wrong reference.
  if (value.isNumber() || value.isBool())
    return value.toDisplayString();
  return failure(function, std::string(what) + " must be a string, got " +
                               describe(value));
}

std::optional<Value> asNumber(const Value &value) {
  if (value.isNumber())
    return value;
  if (value.isString())
    return parseNumber(value.getString());
  return std::nullopt;
}

Outcome<Value> numberArgument(std::string_view function, std::string_view what,
                              const Value &value) {
  if (std::optional<Value> number = asNumber(value))
    return *number;
  return failure(function, std::string(what) + " must be a number, got " +
                               describe(value));
}

Outcome<std::int64_t> integerArgument(std::string_view function,
                                      std::string_view what,
                                      const Value &value) {
  std::optional<Value> number = asNumber(value);
  if (number && number->isInteger())
    return number->getInteger();
  // 2.0 is an integer in all but type; YAML and jq produce such values.
  if (number && number->isReal()) {
    double real = number->getReal();
    constexpr double Limit = 9223372036854775808.0; // 2^63
    if (std::isfinite(real) && std::trunc(real) == real && real >= -Limit &&
        real < Limit)
      return static_cast<std::int64_t>(real);
  }
  return failure(function, std::string(what) + " must be an integer, got " +
                               describe(value));
}

} // namespace oosc::runtime::functions
