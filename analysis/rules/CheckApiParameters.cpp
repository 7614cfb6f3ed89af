//===- CheckApiParameters.cpp - Parameters of an API call (`api-parameters`) ===//
//
// The Parameters of ACS::ExecuteAPI, ACS::WaitFor and ACS::CheckFor against
// the API's parameters in the table: each name one the API takes (in one of
// the spellings of ApiParameterNames.h, with case), every required
// parameter given, and literal values of the parameter's kind. Computed
// values and names are left to run time. A name close to one the API takes
// is an error with its fix; a name like none of them is a warning, since the
// template may be written for another version of the API.
//
//===----------------------------------------------------------------------===//
#include "analysis/ApiParameterNames.h"
#include "analysis/CloudCalls.h"
#include "analysis/LiteralValue.h"
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "support/Spelling.h"

#include <algorithm>
#include <cstdlib>

namespace oosc::analysis {
namespace {

using apis::ParamSpec;
using apis::ParamType;

bool isWholeNumberText(const std::string &text) {
  size_t start = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  if (start == text.size())
    return false;
  for (size_t i = start; i < text.size(); ++i)
    if (text[i] < '0' || text[i] > '9')
      return false;
  return true;
}

bool isNumberText(const std::string &text) {
  if (text.empty())
    return false;
  char *end = nullptr;
  std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

/// Why a literal cannot be a value of \p type, or nothing when it can.
std::optional<std::string> kindProblem(ParamType type, const runtime::Value &value) {
  switch (type) {
  case ParamType::Integer:
  case ParamType::Long:
    if (value.isInteger() || (value.isString() && isWholeNumberText(value.getString())))
      return std::nullopt;
    return "a whole number";
  case ParamType::Float:
  case ParamType::Double:
    if (value.isNumber() || (value.isString() && isNumberText(value.getString())))
      return std::nullopt;
    return "a number";
  case ParamType::Boolean:
    if (value.isBool() ||
        (value.isString() && (equalsIgnoreCase(value.getString(), "true") || equalsIgnoreCase(value.getString(), "false"))))
      return std::nullopt;
    return "true or false";
  case ParamType::String:
    // Lists travel as JSON text (DescribeInstances InstanceIds: [a, b]).
    if (value.isMap())
      return "a string (or a list, sent as JSON text)";
    return std::nullopt;
  default:
    return std::nullopt;
  }
}

/// A literal as a message shows it: a scalar quoted, anything else by shape.
std::string shown(const ir::Node *node) {
  if (node->isScalar() && node->value.size() <= 40)
    return "'" + node->value + "'";
  return std::string(describeShape(node));
}

struct ParameterChecker {
  AnalysisContext &context;
  const CloudCall &call;
  const apis::ApiSpec &api;
  std::vector<const ParamSpec *> given;
  bool namesAllKnown = true;

  bool hasKey(std::string_view name) const { return call.parameters && call.parameters->get(name); }

  void unknownName(const ir::Node *key) {
    std::string message = "API '" + std::string(api.name) + "' has no parameter '" + key->value + "'";
    std::vector<std::string> spellings = parameterSpellings(api);
    std::vector<std::string_view> candidates(spellings.begin(), spellings.end());
    auto suggestion = suggestName(key->value, candidates);
    if (suggestion && hasKey(*suggestion))
      suggestion.reset();
    if (!suggestion) {
      // Like no parameter of today's version: the template may be written
      // for another (the corpus passes CreateTrail a RoleName it once took).
      context.diagnostics.report(RuleId::ApiParameters, Severity::Warning, key->range,
                                 message + " in version " + std::string(call.product->version));
      return;
    }
    context.diagnostics.report(RuleId::ApiParameters, key->range, message + "; did you mean '" + *suggestion + "'?")
        .fix(key->range, *suggestion);
    // The misspelt name stands for the right one: no second report.
    if (auto match = matchParameter(api, *suggestion))
      given.push_back(match->param);
  }

  /// \p where is the key naming the field: the field itself (`Vaule` of a
  /// list item) or a flattened name ending with it (`Tag.1.Vaule`).
  void unknownField(const ir::Node *where, std::string_view fieldName, const ParamSpec &param) {
    std::string message = "'" + std::string(param.name) + "' has no field '" + std::string(fieldName) + "'";
    std::vector<std::string_view> fields;
    for (const ParamSpec &field : param.fields)
      fields.push_back(field.name);
    auto suggestion = suggestName(fieldName, fields);
    if (!suggestion) {
      context.diagnostics.report(RuleId::ApiParameters, Severity::Warning, where->range, message);
      return;
    }
    std::string fixed = where->value.substr(0, where->value.size() - fieldName.size()) + *suggestion;
    context.diagnostics.report(RuleId::ApiParameters, where->range, message + "; did you mean '" + *suggestion + "'?")
        .fix(where->range, fixed);
  }

  void checkKind(const std::string &what, ParamType type, const ir::Node *node) {
    auto value = literalValue(ir::resolve(node));
    if (!value || value->isNull())
      return;
    if (auto wanted = kindProblem(type, *value))
      context.diagnostics.report(RuleId::ApiParameters, node->range,
                                 what + " is " + std::string(apis::paramTypeName(type)) + ": the value must be " +
                                     *wanted + ", not " + shown(ir::resolve(node)));
  }

  /// A list given for a RepeatList with fields: each mapping's keys are fields.
  void checkListItems(const ParamSpec &param, const ir::Node *value) {
    value = ir::resolve(value);
    if (!value || !value->isSequence() || param.fields.empty())
      return;
    for (const ir::Node *item : value->items) {
      item = ir::resolve(item);
      if (!item || !item->isMapping())
        continue;
      for (const ir::MapEntry &entry : item->entries) {
        if (!entry.key || isComputed(entry.key))
          continue;
        if (const ParamSpec *field = param.findField(entry.key->value))
          checkKind("field '" + std::string(field->name) + "' of '" + std::string(param.name) + "'", field->type,
                    entry.value);
        else
          unknownField(entry.key, entry.key->value, param);
      }
    }
  }

  void checkEntry(const ir::MapEntry &entry) {
    const ir::Node *key = entry.key;
    if (!key || !key->isScalar() || isComputed(key) || key->value == "<<") {
      namesAllKnown = false;
      return;
    }
    if (isRegionIdParameter(key->value))
      return;
    auto match = matchParameter(api, key->value);
    if (!match) {
      unknownName(key);
      return;
    }
    given.push_back(match->param);
    const ParamSpec &param = *match->param;
    std::string what = "parameter '" + key->value + "'";
    switch (match->form) {
    case ParameterForm::WireName:
    case ParameterForm::Dotless:
      checkKind(what, param.type, entry.value);
      if (param.type == ParamType::RepeatList)
        checkListItems(param, entry.value);
      break;
    case ParameterForm::ListName:
      checkListItems(param, entry.value);
      break;
    case ParameterForm::Flattened:
      if (match->field)
        checkKind(what, match->field->type, entry.value);
      else if (!match->fieldName.empty())
        unknownField(key, match->fieldName, param);
      break;
    case ParameterForm::FieldPath:
      break;
    }
  }

  void checkRequired() {
    for (const ParamSpec &param : api.parameters) {
      if (!requiredInParameters(param, call.restfulForm || call.product->style == apis::ApiStyle::Restful))
        continue;
      if (std::find(given.begin(), given.end(), &param) != given.end())
        continue;
      context.diagnostics.report(RuleId::ApiParameters, call.api->range,
                                 "API '" + std::string(api.name) + "' needs parameter '" + std::string(param.name) +
                                     "' (" + std::string(apis::paramTypeName(param.type)) + ")");
    }
  }

  void run() {
    if (call.parameters)
      for (const ir::MapEntry &entry : call.parameters->entries)
        checkEntry(entry);
    // Parameters computed as a whole, or with computed names: unknown until run time.
    const ir::Node *properties = ir::resolve(call.task->properties);
    bool parametersComputed = false;
    if (properties && properties->isMapping())
      for (const ir::MapEntry &entry : properties->entries)
        if (entry.key && equalsIgnoreCase(entry.key->value, "Parameters") && !call.parameters) {
          const ir::Node *value = ir::resolve(entry.value);
          parametersComputed = value && !value->isNull();
        }
    if (namesAllKnown && !parametersComputed)
      checkRequired();
  }
};

} // namespace

void checkApiParameters(AnalysisContext &context) {
  for (const CloudCall &call : collectCloudCalls(context.tmpl))
    if (call.spec && call.uriFitsApi)
      ParameterChecker{context, call, *call.spec, {}, true}.run();
}

} // namespace oosc::analysis
