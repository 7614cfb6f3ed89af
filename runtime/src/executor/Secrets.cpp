//===- Secrets.cpp ----------------------------------------------------------===//
#include "executor/Secrets.h"

#include <algorithm>

namespace oosc::runtime {
namespace {

constexpr std::string_view kMask = "******";

void collect(const Value &value, std::vector<std::string> &into) {
  if (value.isString()) {
    if (value.getString().size() >= SecretValues::kShortest)
      into.push_back(value.getString());
  } else if (value.isList()) {
    for (const Value &item : value.getList())
      collect(item, into);
  } else if (value.isMap()) {
    for (const auto &[name, member] : value.getMap())
      collect(member, into);
  } else if (!value.isNull()) {
    std::string text = value.toDisplayString();
    if (text.size() >= SecretValues::kShortest)
      into.push_back(text);
  }
}

} // namespace

void SecretValues::add(const TemplateDef &def, const std::vector<Value> &parameters) {
  for (size_t i = 0; i < def.parameters.size() && i < parameters.size(); ++i)
    if (def.parameters[i].secret)
      collect(parameters[i], values_);
  // Longest first: a secret that contains another is masked whole.
  std::sort(values_.begin(), values_.end(),
            [](const std::string &a, const std::string &b) { return a.size() > b.size(); });
  values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
}

std::string SecretValues::maskText(std::string text) const {
  for (const std::string &secret : values_)
    for (size_t at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kMask.size()))
      text.replace(at, secret.size(), kMask);
  return text;
}

Value SecretValues::mask(const Value &value) const {
  if (values_.empty())
    return value;
  if (value.isString())
    return Value(maskText(value.getString()));
  if (value.isList()) {
    Value::List items;
    for (const Value &item : value.getList())
      items.push_back(mask(item));
    return Value(std::move(items));
  }
  if (value.isMap()) {
    Value::Map members;
    for (const auto &[name, member] : value.getMap())
      members.emplace_back(name, mask(member));
    return Value(std::move(members));
  }
  return value;
}

} // namespace oosc::runtime
