//===- TypeInference.cpp ----------------------------------------------------===//
#include "analysis/TypeInference.h"

#include "analysis/Functions.h"
#include "analysis/LiteralValue.h"
#include "analysis/PseudoParameters.h"
#include "support/Spelling.h"

#include <array>

namespace oosc::analysis {
namespace {

using ir::Node;

struct DeclaredType {
  std::string_view name;
  uint8_t kinds;
};

/// Parameter and output Types (oos-spec.md 3, 5.3, 6). A Json value is a
/// map or a list: real Json parameters default to either.
constexpr std::array<DeclaredType, 7> kDeclaredTypes = {{
    {"String", KindSet::String},
    {"Number", KindSet::Number},
    {"Boolean", KindSet::Boolean},
    {"List", KindSet::List},
    {"Array", KindSet::List},
    {"Json", KindSet::Json},
    {"Object", KindSet::Json},
}};

std::optional<KindSet> declaredKinds(std::string_view type) {
  for (const DeclaredType &declared : kDeclaredTypes)
    if (equalsIgnoreCase(declared.name, type))
      return KindSet(declared.kinds);
  return std::nullopt;
}

struct KindName {
  uint8_t kinds;
  std::string_view text;
};

constexpr std::array<KindName, 6> kKindNames = {{
    {KindSet::String, "a string"},
    {KindSet::Number, "a number"},
    {KindSet::Boolean, "a boolean"},
    {KindSet::List, "a list"},
    {KindSet::Map, "a mapping"},
    {KindSet::Null, "null"},
}};

/// Loop AggregateTypes whose result kind is certain (oos-spec.md 5.4).
struct Aggregate {
  std::string_view function;
  uint8_t kinds;
};

constexpr std::array<Aggregate, 2> kAggregates = {{
    {"Fn::ListJoin", KindSet::List},
    {"Fn::Sum", KindSet::Number},
}};

KindSet resultKinds(FunctionResult result) {
  switch (result) {
  case FunctionResult::String:
    return KindSet::String;
  case FunctionResult::Number:
    return KindSet::Number;
  case FunctionResult::Boolean:
    return KindSet::Boolean;
  case FunctionResult::List:
    return KindSet::List;
  case FunctionResult::Map:
    return KindSet::Map;
  case FunctionResult::NumberOrBoolean:
    return KindSet::Number | KindSet::Boolean;
  case FunctionResult::Any:
  case FunctionResult::ThenOrElse:
    break;
  }
  return KindSet::Any;
}

/// Quoted text for a message, shortened: templates hold long scripts.
std::string quoted(std::string_view text) {
  constexpr size_t kShown = 40;
  if (text.size() <= kShown)
    return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kShown)) + "...'";
}

/// Text around references can only read 'true' or 'false' when it holds
/// nothing but letters of those words.
bool mayReadAsCondition(const ir::Interpolation &interpolation) {
  for (const ir::Interpolation::Piece &piece : interpolation.pieces) {
    const std::string *text = std::get_if<std::string>(&piece);
    if (text && text->find_first_not_of("trueTRUEfalsFALS") != std::string::npos)
      return false;
  }
  return true;
}

InferredType anything() { return InferredType{}; }

InferredType known(KindSet kinds, std::string origin) {
  InferredType type;
  type.kinds = kinds;
  type.origin = std::move(origin);
  return type;
}

InferredType literalScalar(const Node &node) {
  InferredType type;
  type.literal = node.value;
  runtime::Value value = node.isPlainScalar() ? plainScalarValue(node.value)
                                              : runtime::Value(node.value);
  if (value.isNull())
    return anything(); // an empty value is for the schema rules
  if (value.isBool())
    type.kinds = KindSet::Boolean;
  else if (value.isNumber())
    type.kinds = KindSet::Number;
  else
    type.kinds = KindSet::String;
  type.origin = quoted(node.value) + " is " + describeKinds(type.kinds);
  return type;
}

} // namespace

std::string describeKinds(KindSet kinds) {
  if (kinds.isAny())
    return "any value";
  std::string text;
  for (const KindName &name : kKindNames) {
    if (!kinds.mayBe(name.kinds))
      continue;
    if (!text.empty())
      text += " or ";
    text += name.text;
  }
  return text;
}

InferredType TypeInference::infer(const Node *node) const {
  node = ir::resolve(node);
  if (!node || node->isNull())
    return anything();
  if (node->isScalar())
    return ofScalar(*node);
  if (node->isSequence())
    return known(KindSet::List, "the value is a list");
  if (!node->functionName().empty())
    return ofCall(*node);
  return known(KindSet::Map, "the value is a mapping");
}

InferredType TypeInference::ofScalar(const Node &node) const {
  // Auto Scaling substitutes ${x} before OOS reads the template.
  if (node.value.find("${") != std::string::npos)
    return anything();
  if (node.value.find("{{") == std::string::npos)
    return literalScalar(node);
  if (!node.interpolation) // did not parse; the frontend reported it
    return anything();
  if (node.interpolation->isWholeValue())
    return ofReference(std::get<ir::Reference>(node.interpolation->pieces[0]));
  InferredType type = known(KindSet::String, quoted(node.value) + " is a string");
  type.textMayBeCondition = mayReadAsCondition(*node.interpolation);
  return type;
}

InferredType TypeInference::ofReference(const ir::Reference &reference) const {
  if (reference.kind == ir::RefKind::Pseudo && reference.parts.size() == 2) {
    const PseudoParameter *pseudo = findPseudoParameter(reference.parts[1].text);
    if (!pseudo || pseudo->kinds.isAny())
      return anything();
    return known(pseudo->kinds,
                 "ACS::" + std::string(pseudo->name) + " is " + describeKinds(pseudo->kinds));
  }
  // Paths into raw results and parameter store values are not typed here.
  if (reference.kind != ir::RefKind::Name || reference.hasPathSyntax)
    return anything();
  if (reference.parts.size() == 1) {
    auto parameter = symbols_.parameter(reference.parts[0].text);
    return parameter ? ofParameter(*parameter.decl) : anything();
  }
  if (reference.parts.size() == 2) {
    auto task = symbols_.task(reference.parts[0].text);
    if (!task)
      return anything();
    auto output = symbols_.output(*task.decl, reference.parts[1].text);
    return output ? ofOutput(*task.decl, *output.decl) : anything();
  }
  return anything();
}

InferredType TypeInference::ofParameter(const ir::Parameter &parameter) const {
  std::optional<KindSet> kinds = declaredKinds(parameter.type);
  if (!kinds)
    return anything(); // an unknown Type is the schema rule's
  const std::string &name = parameter.name.text;
  InferredType type = known(*kinds, "parameter '" + name + "' is a " + parameter.type);
  if (parameter.typeNode) {
    type.declaration = parameter.typeNode;
    type.declarationNote = "'" + name + "' is declared a " + parameter.type + " here";
  } else {
    type.declaration = parameter.name.node;
    type.declarationNote = "'" + name + "' has no Type, so it is a String";
  }
  return type;
}

InferredType TypeInference::ofOutput(const ir::Task &task, const ir::OutputDecl &output) const {
  std::string name = "output '" + output.name.text + "' of task '" + task.name.text + "'";
  if (task.loop) {
    // Outside a looping task its outputs are the Loop's aggregates.
    const ir::Node *aggregate =
        ir::resolve(output.decl ? output.decl->get("AggregateType") : nullptr);
    if (!aggregate || !aggregate->isScalar())
      return anything();
    for (const Aggregate &aggregated : kAggregates)
      if (aggregate->value == aggregated.function)
        return known(aggregated.kinds, name + " is " + describeKinds(aggregated.kinds) +
                                           " (AggregateType " +
                                           std::string(aggregated.function) + ")");
    return anything();
  }
  // Only a List output is sure of its kind: OOS wraps the selected values
  // in a list, and uses the selection as it is for every other Type
  // (oos-runtime.md 1.2), so a String output may hold a list.
  const ir::Node *typeNode = ir::resolve(output.type);
  if (!typeNode || !typeNode->isScalar() ||
      declaredKinds(typeNode->value) != KindSet(KindSet::List))
    return anything();
  InferredType type = known(KindSet::List, name + " is a " + typeNode->value);
  type.declaration = typeNode;
  type.declarationNote = "'" + output.name.text + "' is declared a " + typeNode->value + " here";
  return type;
}

InferredType TypeInference::ofCall(const Node &call) const {
  std::string_view name = call.functionName();
  const FunctionInfo *function = findFunction(name);
  if (!function)
    return anything();
  KindSet kinds = resultKinds(function->result);
  if (function->result == FunctionResult::ThenOrElse) {
    const Node *arguments = ir::resolve(call.entries[0].value);
    if (!arguments || !arguments->isSequence() || arguments->items.size() != 3)
      return anything();
    kinds = infer(arguments->items[1]).kinds | infer(arguments->items[2]).kinds;
  }
  if (kinds.isAny())
    return anything();
  InferredType type = known(kinds, std::string(name) + " gives " + describeKinds(kinds));
  type.textMayBeCondition = false;
  return type;
}

} // namespace oosc::analysis
