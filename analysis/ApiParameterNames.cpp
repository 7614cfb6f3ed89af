//===- ApiParameterNames.cpp - How a template may name an API's parameter ---===//
#include "analysis/ApiParameterNames.h"

#include "analysis/CloudCalls.h"

namespace oosc::analysis {
namespace {

bool allDigits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text)
    if (c < '0' || c > '9')
      return false;
  return true;
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

/// The SDK setter's name of a RepeatList: `Tag` -> `Tags`, `Policy` -> `Policies`.
std::vector<std::string> listNames(std::string_view name) {
  std::string base(name);
  std::vector<std::string> names{base + "s"};
  if (!base.empty() && base.back() == 'y')
    names.push_back(base.substr(0, base.size() - 1) + "ies");
  if (!base.empty() && (base.back() == 's' || base.back() == 'x'))
    names.push_back(base + "es");
  return names;
}

std::string withoutDots(std::string_view name) {
  std::string text;
  for (char c : name)
    if (c != '.')
      text += c;
  return text;
}

bool hasFields(const apis::ParamSpec &param) {
  switch (param.type) {
  case apis::ParamType::Struct:
  case apis::ParamType::Array:
  case apis::ParamType::Json:
  case apis::ParamType::Any:
    return true;
  default:
    return false;
  }
}

/// `Tag.1`, `Tag.1.Key` or `ScalingGroupId1` for the RepeatList \p param.
std::optional<ParameterMatch> flattened(const apis::ParamSpec &param, std::string_view key) {
  if (!startsWith(key, param.name))
    return std::nullopt;
  std::string_view rest = key.substr(param.name.size());
  ParameterMatch match{&param, ParameterForm::Flattened, {}, nullptr};
  if (allDigits(rest))
    return match; // ScalingGroupId1
  if (rest.empty() || rest[0] != '.')
    return std::nullopt;
  rest.remove_prefix(1);
  size_t dot = rest.find('.');
  if (!allDigits(rest.substr(0, dot)))
    return std::nullopt;
  if (dot == std::string_view::npos)
    return match;
  match.fieldName = rest.substr(dot + 1);
  match.field = param.findField(match.fieldName);
  if (!match.field && param.fields.empty())
    match.fieldName = {}; // a list of scalars with a deeper path: not ours to judge
  return match;
}

} // namespace

std::optional<ParameterMatch> matchParameter(const apis::ApiSpec &api, std::string_view key) {
  if (const apis::ParamSpec *param = api.findParameter(key))
    return ParameterMatch{param, ParameterForm::WireName, {}, nullptr};
  for (const apis::ParamSpec &param : api.parameters) {
    if (param.type == apis::ParamType::RepeatList) {
      for (const std::string &name : listNames(param.name))
        if (key == name)
          return ParameterMatch{&param, ParameterForm::ListName, {}, nullptr};
      if (auto match = flattened(param, key))
        return match;
    }
    if (param.name.find('.') != std::string_view::npos && key == withoutDots(param.name))
      return ParameterMatch{&param, ParameterForm::Dotless, {}, nullptr};
    if (hasFields(param) && startsWith(key, param.name) && key.size() > param.name.size() &&
        key[param.name.size()] == '.')
      return ParameterMatch{&param, ParameterForm::FieldPath, {}, nullptr};
  }
  return std::nullopt;
}

std::vector<std::string> parameterSpellings(const apis::ApiSpec &api) {
  std::vector<std::string> names;
  for (const apis::ParamSpec &param : api.parameters) {
    names.emplace_back(param.name);
    if (param.type == apis::ParamType::RepeatList)
      names.push_back(listNames(param.name).front());
    if (param.name.find('.') != std::string_view::npos)
      names.push_back(withoutDots(param.name));
  }
  return names;
}

bool requiredInParameters(const apis::ParamSpec &param, bool restful) {
  if (!param.required || isRegionIdParameter(param.name))
    return false;
  switch (param.position) {
  case apis::ParamPosition::Query:
  case apis::ParamPosition::FormData:
    return true;
  case apis::ParamPosition::Body:
    return !restful; // a restful body travels in the task's Body
  default:
    return false;    // path, headers and host of a restful call
  }
}

} // namespace oosc::analysis
