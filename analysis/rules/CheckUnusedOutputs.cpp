//===- CheckUnusedOutputs.cpp - Task outputs nothing reads (`unused-output`). ===//
//
// A task output (task Outputs, or a Loop's aggregated Outputs) is read by a
// `{{ task.output }}` in another task, a template output or anything else
// OOS evaluates (References.h), or, for a task output, by its own Loop's
// AggregateField. One nothing reads is a dead declaration: its ValueSelector
// runs and its value goes nowhere. Template Outputs are the template's
// interface (callers and the console read them) and are never reported.
// Names fold case, as OOS resolves them.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "support/Spelling.h"

#include <unordered_set>

namespace oosc::analysis {
namespace {

class OutputReads {
public:
  explicit OutputReads(const SymbolTable &symbols) : symbols_(symbols) {}

  void markReference(const ir::Reference &reference) {
    // `{{ task.output }}`; in template Outputs `{{ task.output[0] }}` reads
    // a raw result path whose first step may be an output name: counted.
    if (reference.kind != ir::RefKind::Name || reference.parts.size() < 2)
      return;
    auto task = symbols_.task(reference.parts[0].text);
    if (!task)
      return;
    if (auto output = symbols_.output(*task.decl, reference.parts[1].text))
      read_.insert(output.decl);
  }

  /// Each AggregateField of the task's Loop reads that task output.
  void markAggregations(const ir::Task &task) {
    if (!task.loop)
      return;
    for (const ir::OutputDecl &aggregate : task.loop->outputs) {
      const ir::Node *field = ir::resolve(aggregate.value);
      if (!field || !field->isScalar())
        continue;
      for (const ir::OutputDecl &output : task.outputs)
        if (equalsIgnoreCase(output.name.text, field->value))
          read_.insert(&output);
    }
  }

  bool isRead(const ir::OutputDecl &output) const { return read_.count(&output) != 0; }

private:
  const SymbolTable &symbols_;
  std::unordered_set<const ir::OutputDecl *> read_;
};

/// `{{ }}` inside an inline child template cannot see this template's tasks;
/// they are counted anyway, so a child rendered with the parent's values
/// never makes an output look unused.
void markChildTemplateReads(const ir::Task &task, OutputReads &reads) {
  const ir::Node *properties = ir::resolve(task.properties);
  if (!properties || !properties->isMapping())
    return;
  ir::forEachNode(ir::resolve(properties->get("TemplateContent")), [&](const ir::Node &each) {
    if (each.interpolation)
      for (const ir::Reference *reference : each.interpolation->references())
        reads.markReference(*reference);
  });
}

void reportUnread(AnalysisContext &context, const ir::Task &task, const ir::OutputDecl &output,
                  std::string_view kind) {
  if (output.name.text.empty())
    return;
  context.diagnostics.report(RuleId::UnusedOutput, output.name.range,
                             std::string(kind) + " '" + output.name.text + "' of task '" +
                                 task.name.text +
                                 "' is never read: no task, template output or loop reads it");
}

} // namespace

void checkUnusedOutputs(AnalysisContext &context) {
  OutputReads reads(context.symbols);
  for (const ReferenceSite &site : context.references)
    reads.markReference(*site.reference);
  for (const ir::Task &task : context.tmpl.tasks) {
    reads.markAggregations(task);
    markChildTemplateReads(task, reads);
  }
  for (const ir::Task &task : context.tmpl.tasks) {
    // A later task of the same name is duplicate-name's; lookups find the first.
    if (task.name.text.empty() || context.symbols.task(task.name.text).decl != &task)
      continue;
    for (const ir::OutputDecl &output : task.outputs)
      if (!reads.isRead(output))
        reportUnread(context, task, output, "output");
    if (task.loop)
      for (const ir::OutputDecl &output : task.loop->outputs)
        if (!reads.isRead(output))
          reportUnread(context, task, output, "loop output");
  }
}

} // namespace oosc::analysis
