//===- CheckSchema.cpp - Unknown keys, wrong shapes, bad literal values ----===//
//
// Rule `schema`. Walks every level of the template (see SchemaWalk.h) and
// checks each key against the level's table, and a literal retry setting
// against the range the runner enforces (oosc/runtime/NumberRanges.h). Required keys are checked in
// CheckRequiredKeys.cpp, since only a complete document can lack one.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "oosc/runtime/MessageText.h"
#include "oosc/runtime/NumberRanges.h"
#include "support/Spelling.h"

#include <cmath>
#include <cstdlib>

namespace oosc::analysis {
namespace {

using ir::Node;

bool hasShape(const Node *value, ValueShape shape) {
  value = ir::resolve(value);
  if (shape == ValueShape::Any)
    return true;
  if (shape == ValueShape::LiteralName)
    return value && value->isScalar() && !isComputed(value);
  if (isComputed(value))
    return true;
  if (!value || value->isNull())
    return true; // an empty optional value; required ones are checked apart
  switch (shape) {
  case ValueShape::Scalar:
  case ValueShape::Enum:
  case ValueShape::Number:
    return value->isScalar();
  case ValueShape::Text:
    return value->isScalar() || value->isMapping();
  case ValueShape::Mapping:
    return value->isMapping();
  case ValueShape::Sequence:
    return value->isSequence();
  default:
    return true;
  }
}

std::string_view expectedShape(ValueShape shape) {
  switch (shape) {
  case ValueShape::Scalar:
    return "a string, number or boolean";
  case ValueShape::LiteralName:
    return "a literal string";
  case ValueShape::Enum:
    return "a string";
  case ValueShape::Text:
    return "a string or a map of languages";
  case ValueShape::Mapping:
    return "a mapping";
  case ValueShape::Sequence:
    return "a list";
  case ValueShape::Number:
    return "a number";
  default:
    return "a value";
  }
}

bool isNumber(const std::string &text) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])))
    return false;
  char *end = nullptr;
  std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

void reportUnknownKey(AnalysisContext &context, const LevelSite &site, const Node *key) {
  std::string message = "unknown key '" + key->value + "' in " + std::string(site.level->what);
  Diagnostic &diagnostic = context.diagnostics.report(RuleId::Schema, key->range, message);
  if (auto suggestion = suggestName(key->value, site.level->keyNames())) {
    diagnostic.message += "; did you mean '" + *suggestion + "'?";
    diagnostic.fix(key->range, *suggestion);
  }
}

void checkLiteralValue(AnalysisContext &context, const KeySpec &spec, const Node *value) {
  if (spec.allowedValues.empty() || !value->isScalar())
    return;
  for (std::string_view allowed : spec.allowedValues)
    if (value->value == allowed)
      return;
  std::string message = "'" + value->value + "' is not a valid " + std::string(spec.name) + "; expected ";
  for (size_t i = 0; i < spec.allowedValues.size(); ++i)
    message += (i ? ", '" : "'") + std::string(spec.allowedValues[i]) + "'";
  Diagnostic &diagnostic = context.diagnostics.report(RuleId::Schema, value->range, message);
  if (auto suggestion = suggestName(value->value, spec.allowedValues))
    diagnostic.fix(value->range, *suggestion);
}

void checkValue(AnalysisContext &context, const KeySpec &spec, const ir::MapEntry &entry) {
  const Node *value = entry.value;
  const Node *resolved = ir::resolve(value);
  if (spec.required && (!resolved || resolved->isNull())) {
    context.diagnostics.report(RuleId::Schema, entry.key->range,
                               "'" + std::string(spec.name) + "' is empty; it must be " +
                                   std::string(expectedShape(spec.shape)));
    return;
  }
  if (!hasShape(resolved, spec.shape)) {
    context.diagnostics.report(RuleId::Schema, value->range,
                               "'" + std::string(spec.name) + "' must be " +
                                   std::string(expectedShape(spec.shape)) + ", not " +
                                   std::string(describeShape(resolved)));
    return;
  }
  if (spec.shape == ValueShape::Number && resolved && resolved->isPlainScalar() &&
      !isComputed(resolved) && !isNumber(resolved->value)) {
    context.diagnostics.report(RuleId::Schema, value->range,
                               "'" + std::string(spec.name) + "' must be a number, not '" +
                                   resolved->value + "'");
    return;
  }
  if (spec.shape == ValueShape::Number && resolved && !isComputed(resolved))
    if (const runtime::NumberRange *range = runtime::retryRange(spec.name))
      // Read from the text, so that the message shows it as written.
      if (auto problem = runtime::rangeProblem(*range, runtime::Value(resolved->value))) {
        context.diagnostics.report(RuleId::Schema, value->range, *problem);
        return;
      }
  if (spec.shape == ValueShape::LiteralName ||
      (spec.shape == ValueShape::Enum && resolved && !isComputed(resolved)))
    checkLiteralValue(context, spec, resolved);
}

void checkLevel(AnalysisContext &context, const LevelSite &site) {
  for (const ir::MapEntry &entry : site.map->entries) {
    if (!entry.key->isScalar())
      continue; // a null key (`? `): nothing to name
    if (const KeySpec *spec = site.level->find(entry.key->value))
      checkValue(context, *spec, entry);
    else
      reportUnknownKey(context, site, entry.key);
  }
}

bool isValidName(std::string_view name) {
  if (name.empty() || name.size() > 200)
    return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-')
      return false;
  return true;
}

void checkName(AnalysisContext &context, const ir::Name &name, std::string_view what) {
  // A computed name is reported as such by the key's shape check.
  if (!name.node || isValidName(name.text) || isComputed(name.node))
    return;
  context.diagnostics.report(RuleId::Schema, name.range,
                             std::string(what) + " name '" + name.text +
                                 "' is not valid: use letters, digits, '_' and '-' (at most 200)");
}

/// A whole-template shape problem: empty file, a list or a scalar at the top.
bool checkRoot(AnalysisContext &context) {
  const Node *root = context.tmpl.root;
  if (!root || root->isNull()) {
    context.diagnostics.report(RuleId::Schema, SourceRange::at(0),
                               "the template is empty; it needs FormatVersion and Tasks");
    return false;
  }
  if (!root->isMapping()) {
    context.diagnostics.report(RuleId::Schema, root->range,
                               "a template is a mapping with FormatVersion and Tasks, not " +
                                   std::string(describeShape(root)));
    return false;
  }
  return true;
}

/// Declarations that must be mappings: parameters, outputs, tasks.
void checkDeclarationShapes(AnalysisContext &context) {
  const Node *root = context.tmpl.root;
  for (std::string_view section : {"Parameters", "Outputs"}) {
    const Node *map = ir::resolve(root->get(section));
    if (!map || !map->isMapping())
      continue;
    for (const ir::MapEntry &entry : map->entries) {
      const Node *decl = ir::resolve(entry.value);
      if (!decl || !decl->isMapping())
        context.diagnostics.report(RuleId::Schema, entry.key->range,
                                   "'" + (entry.key->isScalar() ? entry.key->value : "?") +
                                       "' in " + std::string(section) +
                                       " must be a mapping of properties, not " +
                                       std::string(describeShape(decl)));
    }
  }
  const Node *tasks = ir::resolve(root->get("Tasks"));
  if (tasks && tasks->isSequence())
    for (const Node *task : tasks->items)
      if (const Node *decl = ir::resolve(task); !decl || !decl->isMapping())
        context.diagnostics.report(RuleId::Schema, task->range,
                                   "a task must be a mapping with Name and Action, not " +
                                       std::string(describeShape(decl)));
}

void checkActions(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks) {
    checkName(context, task.name, "task");
    const Node *action = task.actionNode;
    if (action && action->isScalar() && !isComputed(action) &&
        !equalsIgnoreCase(std::string_view(action->value).substr(0, 5), "ACS::"))
      context.diagnostics.report(RuleId::Schema, action->range,
                                 "action '" + action->value +
                                     "' is not an OOS action; actions start with 'ACS::'");
  }
}

/// Whether a plain scalar may read as a number past the range of a double:
/// only long ones or ones with an exponent are read, so the walk over every
/// scalar stays cheap.
bool mayOverflowDouble(const std::string &text) {
  return text.size() > 308 || text.find_first_of("eE") != std::string::npos;
}

/// A plain number past the range of a double (`1e999`, 400 digits) reads as
/// infinity, which JSON cannot hold: the runner would be given a value its
/// own JSON reader refuses. Every plain scalar is looked at (aliases are
/// not followed: they name nodes seen elsewhere), without recursion, since
/// a hostile file nests 100,000 levels deep.
void checkNumberRanges(AnalysisContext &context) {
  std::vector<const Node *> pending{context.tmpl.root};
  while (!pending.empty()) {
    const Node *node = pending.back();
    pending.pop_back();
    if (!node)
      continue;
    for (const Node *item : node->items)
      pending.push_back(item);
    for (const ir::MapEntry &entry : node->entries)
      pending.push_back(entry.value);
    if (!node->isPlainScalar() || !mayOverflowDouble(node->value) || !isNumber(node->value))
      continue;
    if (std::isinf(std::strtod(node->value.c_str(), nullptr)))
      context.diagnostics.report(RuleId::Schema, node->range,
                                 "the number " + runtime::quoteCut(node->value) +
                                     " is too large: template numbers are 64-bit floating point, "
                                     "at most about 1.8e308");
  }
}

} // namespace

void checkSchema(AnalysisContext &context) {
  if (!checkRoot(context))
    return;
  forEachLevel(context.tmpl, [&](const LevelSite &site) { checkLevel(context, site); });
  checkDeclarationShapes(context);
  for (const ir::Parameter &parameter : context.tmpl.parameters)
    checkName(context, parameter.name, "parameter");
  for (const ir::OutputDecl &output : context.tmpl.outputs)
    checkName(context, output.name, "output");
  checkActions(context);
  checkNumberRanges(context);
}

} // namespace oosc::analysis
