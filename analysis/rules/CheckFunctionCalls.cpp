//===- CheckFunctionCalls.cpp - Fn:: names and argument shapes -------------===//
//
// Rule `expression-syntax`, for the function half of the expression language:
// a single-key `Fn::Name` mapping must name a known function and pass the
// arguments its table entry (Functions.def) describes.
//
//===----------------------------------------------------------------------===//
#include "analysis/Functions.h"
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using ir::Node;

bool startsWithFn(const Node *key) {
  return key->isScalar() && key->value.rfind("Fn::", 0) == 0;
}

std::vector<std::string_view> functionNames() {
  std::vector<std::string_view> names;
  for (const FunctionInfo &function : allFunctions())
    names.push_back(function.name);
  return names;
}

std::string countOf(unsigned count) {
  return std::to_string(count) + (count == 1 ? " argument" : " arguments");
}

std::string arityText(const FunctionInfo &function) {
  if (function.maxItems == function.minItems)
    return countOf(function.minItems);
  if (function.maxItems == 0)
    return "at least " + countOf(function.minItems);
  return std::to_string(function.minItems) + " to " + countOf(function.maxItems);
}

void checkItemCount(AnalysisContext &context, const FunctionInfo &function, const Node *argument) {
  size_t count = argument->items.size();
  if (count >= function.minItems && (function.maxItems == 0 || count <= function.maxItems))
    return;
  context.diagnostics.report(RuleId::ExpressionSyntax, argument->range,
                             std::string(function.name) + " takes " + arityText(function) +
                                 ", got " + std::to_string(count));
}

void checkJqMode(AnalysisContext &context, const Node *argument) {
  const Node *mode = argument->isSequence() && !argument->items.empty()
                         ? ir::resolve(argument->items[0]) : nullptr;
  if (!mode || !mode->isScalar() || isComputed(mode) || mode->value == "First" ||
      mode->value == "All")
    return;
  context.diagnostics.report(RuleId::ExpressionSyntax, mode->range,
                             "Fn::Jq's first argument is 'First' or 'All', not '" + mode->value + "'");
}

void checkArguments(AnalysisContext &context, const FunctionInfo &function, const Node *written) {
  const Node *argument = ir::resolve(written);
  if (!argument || isComputed(argument))
    return;
  switch (function.arguments) {
  case FunctionArguments::List:
    if (!argument->isSequence()) {
      context.diagnostics.report(RuleId::ExpressionSyntax, written->range,
                                 std::string(function.name) + " takes a list of " +
                                     arityText(function) + ", not " +
                                     std::string(describeShape(argument)));
      return;
    }
    checkItemCount(context, function, argument);
    break;
  case FunctionArguments::Scalar:
    if (!argument->isScalar())
      context.diagnostics.report(RuleId::ExpressionSyntax, written->range,
                                 std::string(function.name) + " takes a string, not " +
                                     std::string(describeShape(argument)));
    break;
  case FunctionArguments::ListOrSingle:
    if (argument->isSequence())
      checkItemCount(context, function, argument);
    break;
  case FunctionArguments::Single:
    break;
  }
  if (function.name == "Fn::Jq")
    checkJqMode(context, argument);
}

void checkCall(AnalysisContext &context, const Node &map) {
  for (const ir::MapEntry &entry : map.entries) {
    if (!startsWithFn(entry.key))
      continue;
    if (map.entries.size() > 1) {
      context.diagnostics.report(RuleId::ExpressionSyntax, entry.key->range,
                                 "a function call is a mapping with the single key '" +
                                     entry.key->value + "'; move the other keys out");
      continue;
    }
    const FunctionInfo *function = findFunction(entry.key->value);
    if (!function) {
      Diagnostic &diagnostic = context.diagnostics.report(
          RuleId::ExpressionSyntax, entry.key->range, "unknown function '" + entry.key->value + "'");
      if (auto suggestion = suggestName(entry.key->value, functionNames())) {
        diagnostic.message += "; did you mean '" + *suggestion + "'?";
        diagnostic.fix(entry.key->range, *suggestion);
      }
      continue;
    }
    checkArguments(context, *function, entry.value);
  }
}

/// Loop outputs name their aggregate function as a string.
void checkAggregateTypes(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks) {
    if (!task.loop)
      continue;
    for (const ir::OutputDecl &output : task.loop->outputs) {
      const Node *type = ir::resolve(output.decl->get("AggregateType"));
      if (!type || !type->isScalar() || isComputed(type) || findFunction(type->value))
        continue;
      Diagnostic &diagnostic = context.diagnostics.report(
          RuleId::ExpressionSyntax, type->range,
          "unknown AggregateType '" + type->value + "'; use a function such as 'Fn::ListJoin'");
      if (auto suggestion = suggestName(type->value, functionNames()))
        diagnostic.fix(type->range, *suggestion);
    }
  }
}

/// Walks the tree except ROS template bodies, whose Fn:: belong to ROS.
void walk(AnalysisContext &context, const Node *node) {
  if (!node)
    return;
  if (node->isMapping())
    checkCall(context, *node);
  for (const ir::MapEntry &entry : node->entries)
    if (!(entry.key->isScalar() && entry.key->value == "TemplateBody"))
      walk(context, entry.value);
  for (const Node *item : node->items)
    walk(context, item);
}

} // namespace

void checkFunctionCalls(AnalysisContext &context) {
  walk(context, context.tmpl.root);
  checkAggregateTypes(context);
}

} // namespace oosc::analysis
