//===- CheckLoops.cpp - Loops that can run as written ----------------------===//
//
// Rule `loop` (oos-spec.md 5.4): Items is a list or an expression giving one,
// at most 1,000 literal items; RateControl's counts are numbers or
// percentages in range; each AggregateField names an output of the task; and the
// action is one that loops (API and product actions, not functional ones).
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "oosc/runtime/ActionCatalogue.h"
#include "oosc/runtime/NumberRanges.h"
#include "support/Spelling.h"


namespace oosc::analysis {

namespace {

using ir::Node;

/// The OOS limit on a Loop's items.
constexpr size_t kMaxLoopItems = 1000;

/// Reports a literal count that is not a number or a percentage in range,
/// in the runner's words (oosc/runtime/NumberRanges.h).
void checkCount(AnalysisContext &context, std::string_view property, const Node *node) {
  node = ir::resolve(node);
  if (!node || !node->isScalar() || isComputed(node))
    return; // computed: known at run time
  // Read from the text, so that the message shows it as written.
  auto count = runtime::parseLoopCount(property, runtime::Value(node->value));
  if (!count)
    context.diagnostics.report(RuleId::Loop, node->range, count.error().message);
}

void checkItems(AnalysisContext &context, const ir::Loop &loop) {
  const Node *items = ir::resolve(loop.items);
  if (!items || isComputed(items))
    return;
  // Auto Scaling substitutes `${instanceIds}` with a list before OOS runs
  // the template (oos-spec.md section 9).
  if (items->isScalar() && items->value.find("${") != std::string::npos)
    return;
  if (!items->isSequence()) {
    context.diagnostics.report(RuleId::Loop, items->range,
                               "Loop Items must be a list, or an expression that gives one, not " +
                                   std::string(describeShape(items)));
    return;
  }
  if (items->items.size() > kMaxLoopItems)
    context.diagnostics.report(RuleId::Loop, items->range,
                               "Loop Items has " + std::to_string(items->items.size()) +
                                   " items; OOS runs at most " + std::to_string(kMaxLoopItems));
}

void checkRateControl(AnalysisContext &context, const ir::Loop &loop) {
  const Node *rate = ir::resolve(loop.decl->get("RateControl"));
  // The legacy flat form keeps the counts in Loop itself.
  for (const Node *map : {rate, loop.decl}) {
    if (!map || !map->isMapping() || isComputed(map))
      continue;
    for (std::string_view key : {"Concurrency", "MaxErrors"})
      checkCount(context, key, map->get(key));
    for (std::string_view key : {"Batch", "ConcurrencyInBatches"})
      if (const Node *counts = ir::resolve(map->get(key)); counts && counts->isSequence())
        for (const Node *count : counts->items)
          checkCount(context, key, count);
  }
}

/// A product action (ACS::ECS::RunCommand) or a nested template: its loop
/// may aggregate the child template's outputs, which this file cannot see.
bool readsChildOutputs(std::string_view action) {
  size_t first = action.find("::");
  return equalsIgnoreCase(action, "ACS::Template") ||
         (first != std::string_view::npos && action.find("::", first + 2) != std::string_view::npos);
}

void checkAggregateFields(AnalysisContext &context, const ir::Task &task) {
  if (readsChildOutputs(task.action))
    return;
  std::vector<std::string_view> names;
  for (const ir::OutputDecl &output : task.outputs)
    names.push_back(output.name.text);
  for (const ir::OutputDecl &output : task.loop->outputs) {
    const Node *field = ir::resolve(output.value);
    if (!field || !field->isScalar() || isComputed(field))
      continue;
    bool found = false;
    for (std::string_view name : names)
      found = found || equalsIgnoreCase(name, field->value);
    if (found)
      continue;
    Diagnostic &diagnostic = context.diagnostics.report(
        RuleId::Loop, field->range,
        "AggregateField '" + field->value + "' names no output of task '" + task.name.text + "'");
    if (auto suggestion = suggestName(field->value, names)) {
      diagnostic.message += "; did you mean '" + *suggestion + "'?";
      diagnostic.fix(field->range, *suggestion);
    }
  }
}

/// Functional actions run once; OOS loops API and product actions only
/// (the catalogue's `loops`, which is false for triggers too).
bool cannotLoop(std::string_view action) {
  const runtime::ActionDoc *doc = runtime::findAction(action);
  return doc && !doc->loops;
}

} // namespace

void checkLoops(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks) {
    if (!task.loop)
      continue;
    checkItems(context, *task.loop);
    checkRateControl(context, *task.loop);
    checkAggregateFields(context, task);
    if (cannotLoop(task.action) && task.actionNode)
      context.diagnostics.report(RuleId::Loop, task.actionNode->range,
                                 task.action + " does not loop: only API and product actions do");
  }
}

} // namespace oosc::analysis
