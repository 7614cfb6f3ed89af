//===- CheckTypeMismatch.cpp - Values against their use (`type-mismatch`). ===//
//
// A value whose kind is known (TypeInference) where OOS needs another: a
// When that is not a condition, Loop Items or WaitFor/CheckFor values that
// are not lists, a RateControl that is not a mapping, loop and retry counts
// that are not numbers, Fn:: arguments of the wrong kind (Functions.def's
// Expects letters) and an Fn::Select index of the wrong kind for what it
// picks from.
//
// What other rules report is left to them: a literal Loop Items (`loop`),
// a literal retry count or a literal Fn:: argument of the wrong shape as a
// whole (`schema`, `expression-syntax`). A value of unknown kind is never
// reported, and a string of unknown text may be 'true' or a number.
//
//===----------------------------------------------------------------------===//
#include "analysis/Functions.h"
#include "analysis/LiteralValue.h"
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "analysis/TypeInference.h"
#include "support/Spelling.h"

#include <algorithm>
#include <array>

namespace oosc::analysis {
namespace {

using ir::Node;

/// What a place accepts, named by the letters of Functions.def.
struct Need {
  char letter;
  uint8_t accepts;
  std::string_view text;
};

// A string is accepted where its text may convert: 'true' is a condition
// and '3' a number at run time (runtime/src/functions/Support.cpp).
constexpr std::array<Need, 6> kNeeds = {{
    {'S', KindSet::Scalar | KindSet::Null, "a string"},
    {'N', KindSet::Number | KindSet::String, "a number"},
    {'B', KindSet::Boolean | KindSet::String, "true or false"},
    {'L', KindSet::List, "a list"},
    {'M', KindSet::Map, "a mapping"},
    {'C', KindSet::Json, "a list or a mapping"},
}};

const Need *findNeed(char letter) {
  for (const Need &need : kNeeds)
    if (need.letter == letter)
      return &need;
  return nullptr;
}

const Need &needOf(char letter) { return *findNeed(letter); }

/// Spellings OOS (Python, YAML 1.1) may read as a boolean.
bool isConditionText(std::string_view text) {
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off"})
    if (equalsIgnoreCase(text, word))
      return true;
  return false;
}

/// Whether a string value may convert to what `need` wants.
bool stringFits(const Need &need, const InferredType &type) {
  if (need.letter == 'B')
    return type.literal ? isConditionText(*type.literal) : type.textMayBeCondition;
  if (need.letter == 'N' && type.literal)
    return plainScalarValue(*type.literal).isNumber();
  return true;
}

bool fits(const Need &need, const InferredType &type) {
  if (type.kinds.mayBe(need.accepts & ~KindSet::String))
    return true;
  return (need.accepts & KindSet::String) && type.kinds.mayBe(KindSet::String) &&
         stringFits(need, type);
}

bool isIntegerText(const std::string &text) {
  runtime::Value value = plainScalarValue(text);
  return value.isInteger();
}

/// Keys of ACS::WaitFor and ACS::CheckFor that list values (oos-spec.md 7.2).
constexpr std::array<std::string_view, 3> kValueLists = {"DesiredValues", "NotDesiredValues",
                                                         "StopRetryValues"};
/// Task-level retry controls, numbers of seconds or attempts (oos-spec.md 5, 7.2).
constexpr std::array<std::string_view, 4> kRetryCounts = {"Retries", "Delay", "BackOff",
                                                          "MaxRetryInterval"};

/// Loop counts: a number, or a percentage string (oos-spec.md 5.4).
constexpr std::array<std::string_view, 2> kLoopCounts = {"Concurrency", "MaxErrors"};

/// Values of these keys are another template (ROS or an inline OOS child),
/// whose names and functions are not this template's.
bool holdsOtherTemplate(const Node *key) {
  return key->isScalar() && (key->value == "TemplateBody" || key->value == "TemplateContent");
}

/// A plain word, safe to wrap in brackets as a YAML flow list.
bool isPlainWord(const Node &node) {
  return node.isPlainScalar() && !node.value.empty() &&
         node.value.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                      "0123456789_.-") == std::string::npos;
}

/// The names of the template's Conditions section (oos-spec.md 5.2).
std::vector<std::string_view> conditionNames(const ir::Template &tmpl) {
  std::vector<std::string_view> names;
  const Node *conditions =
      tmpl.root && tmpl.root->isMapping() ? ir::resolve(tmpl.root->get("Conditions")) : nullptr;
  if (conditions && conditions->isMapping())
    for (const ir::MapEntry &entry : conditions->entries)
      if (entry.key->isScalar())
        names.push_back(entry.key->value);
  return names;
}

class TypeChecker {
public:
  explicit TypeChecker(AnalysisContext &context)
      : context_(context), types_(context.symbols), conditions_(conditionNames(context.tmpl)) {}

  void checkTask(const ir::Task &task) {
    if (!namesCondition(task.when))
      requireKind(task.when, needOf('B'), "When");
    for (const ir::ChoiceBranch &choice : task.choices)
      requireKind(choice.when, needOf('B'), "a Choices When");
    if (task.loop)
      checkLoop(*task.loop);
    checkRetryCounts(task);
    if (equalsIgnoreCase(task.action, "ACS::WaitFor") ||
        equalsIgnoreCase(task.action, "ACS::CheckFor"))
      checkValueLists(task);
  }

  /// Every Fn:: call in the tree, outside other templates.
  void walk(const Node *node) {
    if (!node)
      return;
    if (!node->functionName().empty())
      checkCall(*node);
    for (const ir::MapEntry &entry : node->entries)
      if (!holdsOtherTemplate(entry.key))
        walk(entry.value);
    for (const Node *item : node->items)
      walk(item);
  }

private:
  /// A task's When may name a condition of Conditions; a plain word that
  /// names none is `undefined-reference`'s.
  bool namesCondition(const Node *when) const {
    when = ir::resolve(when);
    if (!when || !when->isScalar() || when->value.find("{{") != std::string::npos)
      return false;
    return when->isPlainScalar() ||
           std::find(conditions_.begin(), conditions_.end(), when->value) != conditions_.end();
  }

  /// Reports `written` when its kind cannot be what `need` accepts.
  Diagnostic *requireKind(const Node *written, const Need &need, const std::string &subject) {
    if (!written)
      return nullptr;
    InferredType type = types_.infer(written);
    if (type.kinds.isAny() || fits(need, type))
      return nullptr;
    return &report(written->range, subject + " must be " + std::string(need.text) + ", but " +
                                       type.origin, type);
  }

  Diagnostic &report(SourceRange where, std::string message, const InferredType &type) {
    Diagnostic &diagnostic =
        context_.diagnostics.report(RuleId::TypeMismatch, where, std::move(message));
    if (type.declaration)
      diagnostic.note(type.declaration->range, type.declarationNote);
    return diagnostic;
  }

  /// Literal values are the `loop` rule's; computed ones are checked here.
  void checkLoop(const ir::Loop &loop) {
    if (isComputed(loop.items))
      requireKind(loop.items, needOf('L'), "Loop Items");
    const Node *rate = loop.decl ? loop.decl->get("RateControl") : nullptr;
    if (isComputed(rate))
      requireKind(rate, needOf('M'), "RateControl");
    // The legacy flat form keeps the counts in Loop itself.
    for (const Node *map : {ir::resolve(rate), loop.decl}) {
      if (!map || !map->isMapping() || isComputed(map))
        continue;
      for (std::string_view key : kLoopCounts)
        if (const Node *value = map->get(key); isComputed(value))
          requireKind(value, needOf('N'), std::string(key));
    }
  }

  void checkRetryCounts(const ir::Task &task) {
    if (!task.decl || !task.decl->isMapping())
      return;
    // Literal counts are the schema rule's.
    for (std::string_view key : kRetryCounts)
      if (const Node *value = task.decl->get(key); isComputed(value))
        requireKind(value, needOf('N'), std::string(key));
  }

  void checkValueLists(const ir::Task &task) {
    const Node *properties = ir::resolve(task.properties);
    if (!properties || !properties->isMapping())
      return;
    for (const ir::MapEntry &entry : properties->entries)
      for (std::string_view key : kValueLists)
        if (entry.key->isScalar() && equalsIgnoreCase(entry.key->value, key))
          checkValueList(entry.value, key);
  }

  void checkValueList(const Node *written, std::string_view key) {
    Diagnostic *diagnostic = requireKind(written, needOf('L'), std::string(key));
    const Node *value = ir::resolve(written);
    if (diagnostic && value == written && isPlainWord(*value))
      diagnostic->fix(value->range, "[" + value->value + "]");
  }

  void checkCall(const Node &call) {
    const FunctionInfo *function = findFunction(call.functionName());
    const Node *written = call.entries[0].value;
    const Node *argument = ir::resolve(written);
    if (!function || !argument || argument->isNull())
      return;
    std::string name(function->name);
    switch (function->arguments) {
    case FunctionArguments::List:
      if (argument->isSequence())
        checkItems(*function, *argument);
      else if (isComputed(argument)) // a literal of another shape: expression-syntax
        requireKind(written, needOf('L'), "the arguments of " + name);
      break;
    case FunctionArguments::ListOrSingle:
      if (argument->isSequence())
        checkItems(*function, *argument);
      else if (!types_.infer(argument).kinds.mayBe(KindSet::List)) // surely the single form
        requireLetter(function->expectedAt(0), written, "the argument of " + name);
      break;
    case FunctionArguments::Scalar:
      if (argument->isScalar() || isComputed(argument))
        requireLetter(function->expectedAt(0), written, "the argument of " + name);
      break;
    case FunctionArguments::Single:
      requireLetter(function->expectedAt(0), written, "the argument of " + name);
      break;
    }
  }

  void requireLetter(char letter, const Node *written, const std::string &subject) {
    if (const Need *need = findNeed(letter))
      requireKind(written, *need, subject);
  }

  void checkItems(const FunctionInfo &function, const Node &arguments) {
    // Arguments past the last one are expression-syntax's to report.
    size_t count = arguments.items.size();
    if (function.maxItems != 0)
      count = std::min<size_t>(count, function.maxItems);
    for (size_t i = 0; i < count; ++i) {
      char letter = function.expectedAt(i);
      if (letter == 'I') {
        const Node *from = i + 1 < arguments.items.size() ? arguments.items[i + 1] : nullptr;
        checkIndex(function, arguments.items[i], from);
        continue;
      }
      requireLetter(letter, arguments.items[i],
                    "argument " + std::to_string(i + 1) + " of " + std::string(function.name));
    }
  }

  /// Fn::Select: a list is indexed by an integer, a mapping by a key
  /// (runtime/src/functions/Lists.cpp); containers index nothing.
  void checkIndex(const FunctionInfo &function, const Node *written, const Node *from) {
    InferredType index = types_.infer(written);
    if (index.kinds.isAny())
      return;
    InferredType container = types_.infer(from);
    std::string name(function.name);
    if (container.kinds.isOnly(KindSet::List)) {
      if (mayBeInteger(index))
        return;
      Diagnostic &diagnostic =
          report(written->range,
                 name + "'s index into a list must be a number, but " + index.origin, index);
      if (container.declaration)
        diagnostic.note(container.declaration->range,
                        "it picks from a list: " + container.origin);
      return;
    }
    if (!index.kinds.mayBe(KindSet::Scalar))
      report(written->range,
             name + "'s index or key must be a number or a string, but " + index.origin, index);
  }

  /// A number, or a string that may hold one ('1' is a valid index).
  static bool mayBeInteger(const InferredType &index) {
    if (index.kinds.mayBe(KindSet::Number))
      return true;
    return index.kinds.mayBe(KindSet::String) && (!index.literal || isIntegerText(*index.literal));
  }

  AnalysisContext &context_;
  TypeInference types_;
  std::vector<std::string_view> conditions_;
};

} // namespace

void checkTypeMismatch(AnalysisContext &context) {
  TypeChecker checker(context);
  for (const ir::Task &task : context.tmpl.tasks)
    checker.checkTask(task);
  checker.walk(context.tmpl.root);
}

} // namespace oosc::analysis
