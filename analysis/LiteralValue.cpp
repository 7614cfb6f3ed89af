//===- LiteralValue.cpp -----------------------------------------------------===//
#include "analysis/LiteralValue.h"

#include <cerrno>
#include <cstdlib>

namespace oosc::analysis {
namespace {

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (text == word)
      return true;
  return false;
}

} // namespace

runtime::Value plainScalarValue(const std::string &text) {
  if (isOneOf(text, {"null", "Null", "NULL", "~", ""}))
    return runtime::Value();
  if (isOneOf(text, {"true", "True", "TRUE"}))
    return runtime::Value(true);
  if (isOneOf(text, {"false", "False", "FALSE"}))
    return runtime::Value(false);
  const char *begin = text.c_str();
  char *end = nullptr;
  errno = 0;
  long long integer = std::strtoll(begin, &end, 10);
  if (end == begin + text.size() && errno == 0 && !std::isspace(static_cast<unsigned char>(text[0])))
    return runtime::Value(static_cast<int64_t>(integer));
  double real = std::strtod(begin, &end);
  bool looksNumeric = std::isdigit(static_cast<unsigned char>(text.back())) &&
                      text.find_first_of("xX") == std::string::npos;
  if (end == begin + text.size() && looksNumeric && !std::isspace(static_cast<unsigned char>(text[0])))
    return runtime::Value(real);
  return runtime::Value(text);
}

namespace {

bool isComputedText(const std::string &text) {
  return text.find("{{") != std::string::npos || text.find("${") != std::string::npos;
}

} // namespace

std::optional<runtime::Value> literalValue(const ir::Node *node) {
  node = ir::resolve(node);
  if (!node || node->isNull())
    return runtime::Value();
  if (node->isScalar()) {
    if (isComputedText(node->value))
      return std::nullopt;
    return node->style == ir::ScalarStyle::Plain ? plainScalarValue(node->value)
                                                 : runtime::Value(node->value);
  }
  if (node->isSequence()) {
    runtime::Value::List items;
    for (const ir::Node *item : node->items) {
      auto value = literalValue(item);
      if (!value)
        return std::nullopt;
      items.push_back(std::move(*value));
    }
    return runtime::Value(std::move(items));
  }
  if (!node->functionName().empty())
    return std::nullopt;
  runtime::Value::Map members;
  for (const ir::MapEntry &entry : node->entries) {
    auto value = literalValue(entry.value);
    if (!value || !entry.key->isScalar())
      return std::nullopt;
    members.emplace_back(entry.key->value, std::move(*value));
  }
  return runtime::Value(std::move(members));
}

} // namespace oosc::analysis
