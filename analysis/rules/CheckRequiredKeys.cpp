//===- CheckRequiredKeys.cpp - Keys a level cannot do without --------------===//
//
// Rule `schema`: FormatVersion and Tasks at the top, Name and Action in each
// task, and the required keys of outputs, loops and choices.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"

namespace oosc::analysis {

void checkRequiredKeys(AnalysisContext &context) {
  forEachLevel(context.tmpl, [&](const LevelSite &site) {
    for (const KeySpec &spec : site.level->keys) {
      if (!spec.required || site.map->entry(spec.name))
        continue;
      // Point at the map's first key, or at the map when it is empty: the
      // start of a block mapping is where a reader looks for its keys.
      SourceRange where = site.map->entries.empty() ? site.owner->range
                                                    : site.map->entries.front().key->range;
      context.diagnostics.report(RuleId::Schema, where,
                                 std::string(site.level->what) + " is missing required key '" +
                                     std::string(spec.name) + "'");
    }
  });
  if (context.tmpl.dialect == ir::Dialect::Tasks && context.tmpl.root &&
      context.tmpl.root->isMapping()) {
    const ir::Node *tasks = ir::resolve(context.tmpl.root->get("Tasks"));
    if (tasks && tasks->isSequence() && tasks->items.empty())
      context.diagnostics.report(RuleId::Schema, tasks->range,
                                 "Tasks is empty; a template needs at least one task");
  }
}

} // namespace oosc::analysis
