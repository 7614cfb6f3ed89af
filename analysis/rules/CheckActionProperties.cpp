//===- CheckActionProperties.cpp - Properties the callee declares -----------===//
//
// Rule `action-properties`: a task's Properties against its action in the
// catalogue, and an ACS::Template's Parameters against the child template
// (one of the lint run, or a product action named as TemplateName): no
// unknown property, every required one given, exactly one of alternatives
// such as DesiredValues/NotDesiredValues, and each literal value of the
// declared type and within the declared constraints. Values computed at run
// time ({{ }}, Fn::) are not judged here.
//
//===----------------------------------------------------------------------===//
#include "analysis/LiteralValue.h"
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "analysis/TaskCalls.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using runtime::PropertyType;

/// OOS passes the execution's RAM role to a child under this name; official
/// templates hand it to product actions that do not declare it.
constexpr std::string_view kAssumeRoleParameter = "OOSAssumeRole";

/// Values `type-mismatch` checks, literal or computed, with a fix; one
/// report is enough.
bool ownedByTypeMismatch(std::string_view property) {
  for (std::string_view owned : {"DesiredValues", "NotDesiredValues", "StopRetryValues"})
    if (equalsIgnoreCase(owned, property))
      return true;
  return false;
}

struct CallChecker {
  AnalysisContext &context;
  const PropertyCall &call;
  /// Required properties a misspelt key already stands for (one report, with its fix).
  std::vector<std::string> coveredBySuggestion;

  const ir::MapEntry *entry(std::string_view name) const {
    if (!call.properties || !call.properties->isMapping())
      return nullptr;
    for (const ir::MapEntry &candidate : call.properties->entries)
      if (candidate.key && equalsIgnoreCase(candidate.key->value, name))
        return &candidate;
    return nullptr;
  }

  void unknownProperty(const ir::MapEntry &unknown) {
    std::string message = call.callee->title + " has no " + call.callee->member + " '" + unknown.key->value + "'";
    auto suggestion = suggestName(unknown.key->value, call.callee->propertyNames());
    if (suggestion && entry(*suggestion))
      suggestion.reset(); // the right spelling is there too: a plain duplicate
    if (!suggestion) {
      context.diagnostics.report(RuleId::ActionProperties, unknown.key->range, message);
      return;
    }
    Diagnostic &diagnostic = context.diagnostics.report(
        RuleId::ActionProperties, unknown.key->range, message + "; did you mean '" + *suggestion + "'?");
    diagnostic.fix(unknown.key->range, *suggestion);
    coveredBySuggestion.push_back(*suggestion);
  }

  void mappingValue(const CalleeProperty &property, const ir::MapEntry &given) {
    const ir::Node *value = ir::resolve(given.value);
    if (value && !value->isNull() && !isComputed(value) && !value->isMapping())
      context.diagnostics.report(RuleId::ActionProperties, value->range,
                                 call.callee->member + " '" + property.name + "' of " + call.callee->title +
                                     " is a mapping, not " + std::string(describeShape(value)));
  }

  void typedValue(const runtime::ParameterSpec &spec, const CalleeProperty &property,
                  const ir::MapEntry &given) {
    const ir::Node *node = ir::resolve(given.value);
    auto value = literalValue(node);
    if (!node || !value || value->isNull())
      return;
    std::string subject = call.callee->member + " '" + property.name + "' of " + call.callee->title;
    if (spec.type == runtime::ParameterType::List && !value->isList() && !value->isMap()) {
      // OOS passes a single value on as the one item; it works, so warn.
      context.diagnostics.report(RuleId::ActionProperties, Severity::Warning, node->range,
                                 subject + " is a List; write [" + value->toDisplayString() + "]");
      value = runtime::Value(runtime::Value::List{std::move(*value)});
    }
    if (spec.type == runtime::ParameterType::Json && value->isString())
      return; // JSON text is accepted where a Json value is expected
    for (const runtime::ConstraintViolation &violation :
         runtime::checkValue(spec, *value, context.patterns))
      context.diagnostics.report(RuleId::ActionProperties, node->range,
                                 subject + ": " + violation.message);
  }

  void knownProperty(const CalleeProperty &property, const ir::MapEntry &given) {
    if (ownedByTypeMismatch(property.name))
      return;
    if (property.type == PropertyType::Map)
      mappingValue(property, given);
    else if (property.constraints)
      typedValue(*property.constraints, property, given);
  }

  bool covered(const std::string &name) const {
    for (const std::string &suggested : coveredBySuggestion)
      if (equalsIgnoreCase(suggested, name))
        return true;
    return false;
  }

  void missingProperties() {
    for (const CalleeProperty &property : call.callee->properties)
      if (property.required && !entry(property.name) && !covered(property.name))
        context.diagnostics.report(RuleId::ActionProperties, call.anchor,
                                   call.callee->title + " needs " + call.callee->member + " '" + property.name + "'");
  }

  void alternatives() {
    for (const std::vector<std::string> &group : call.callee->exactlyOneOf) {
      std::vector<const ir::MapEntry *> given;
      for (const std::string &name : group)
        if (const ir::MapEntry *found = entry(name))
          given.push_back(found);
      std::string names = group.front();
      for (size_t i = 1; i < group.size(); ++i)
        names += (i + 1 == group.size() ? " or " : ", ") + group[i];
      if (given.empty())
        context.diagnostics.report(RuleId::ActionProperties, call.anchor,
                                   call.callee->title + " needs " + names);
      // Official templates give both DesiredValues and NotDesiredValues and
      // OOS runs them, so this is a warning: only one of them can decide.
      for (size_t i = 1; i < given.size(); ++i)
        context.diagnostics.report(RuleId::ActionProperties, Severity::Warning,
                                   given[i]->key->range,
                                   call.callee->title + " expects one of " + names + ", not several");
    }
  }

  void run() {
    const ir::Node *properties = call.properties;
    // A computed mapping (Fn::MergeMap) has unknown keys; other shapes are
    // `schema`'s to report.
    if (properties && (isComputed(properties) || (!properties->isMapping() && !properties->isNull())))
      return;
    if (properties && properties->isMapping())
      for (const ir::MapEntry &given : properties->entries) {
        if (!given.key)
          continue;
        if (const CalleeProperty *property = call.callee->find(given.key->value))
          knownProperty(*property, given);
        else if (!equalsIgnoreCase(given.key->value, kAssumeRoleParameter))
          unknownProperty(given);
      }
    missingProperties();
    alternatives();
  }
};

} // namespace

void checkActionProperties(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks)
    for (const PropertyCall &call : propertyCalls(task, context.templates))
      CallChecker{context, call, {}}.run();
}

} // namespace oosc::analysis
