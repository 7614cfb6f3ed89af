//===- CheckOutputBeforeTask.cpp - Outputs read after their task may have failed ===//
//
// Rule `output-before-task`: `{{ task.output }}` read in a task that some
// path from the first task reaches after that task failed and its OnError
// carried on: the output was never produced.
//
// For each task whose outputs other tasks read and whose OnError leads to a
// task, one reachability pass from its OnError targets over the task graph
// with the task itself removed (running it again may succeed and produce
// the output): linear in the graph, never an enumeration of paths. Edges
// guessed for a `{{ }}` or undefined jump target stand for "anywhere" and
// are left out.
//
// Skipped tasks (When) and Choice branches around a task are not reported
// yet: real templates read such outputs under the same condition (a
// consumer with the same When, an Fn::If on it), and telling those apart
// needs the conditions compared, not just the graph. Template outputs are
// read only when the execution succeeds, and a failure routed by OnError
// ends it Failed (oos-runtime.md), so they are not checked either.
//
//===----------------------------------------------------------------------===//
#include "analysis/ControlFlow.h"
#include "analysis/Rules.h"

#include <map>

namespace oosc::analysis {
namespace {

using Graph = std::vector<std::vector<FlowEdge>>;

/// The tasks reached after `producer` failed, before it runs again.
std::vector<bool> reachedAfterFailure(const Graph &graph, size_t producer) {
  std::vector<bool> reached(graph.size() + 1, false);
  std::vector<size_t> stack;
  auto visit = [&](const FlowEdge &edge) {
    if (!edge.guessed && edge.to != producer && !reached[edge.to]) {
      reached[edge.to] = true;
      stack.push_back(edge.to);
    }
  };
  for (const FlowEdge &edge : graph[producer])
    if (edge.kind == EdgeKind::Failure)
      visit(edge);
  while (!stack.empty()) {
    size_t node = stack.back();
    stack.pop_back();
    if (node < graph.size())
      for (const FlowEdge &edge : graph[node])
        visit(edge);
  }
  return reached;
}

/// The task whose output `site` reads, if it reads one.
const ir::Task *producerOf(const ReferenceSite &site, const SymbolTable &symbols) {
  const ir::Reference &reference = *site.reference;
  if (reference.kind != ir::RefKind::Name || reference.parts.size() < 2)
    return nullptr;
  auto task = symbols.task(reference.parts[0].text);
  return task ? task.decl : nullptr;
}

} // namespace

void checkOutputBeforeTask(AnalysisContext &context) {
  if (context.tmpl.tasks.empty())
    return;
  Graph graph = flowGraph(context.tmpl, context.symbols);
  // Computed on first use: most read tasks have no OnError to a task.
  std::map<size_t, std::vector<bool>> afterFailure;
  for (const ReferenceSite &site : context.references) {
    const ir::Task *producer = producerOf(site, context.symbols);
    // A task reading its own output (in its Outputs) reads what it just made.
    if (!producer || !site.task || producer == site.task || !producer->onError)
      continue;
    auto [entry, computed] = afterFailure.try_emplace(producer->index);
    if (computed)
      entry->second = reachedAfterFailure(graph, producer->index);
    if (!entry->second[site.task->index])
      continue;
    context.diagnostics
        .report(RuleId::OutputBeforeTask, site.reference->range,
                "'{{ " + site.reference->spelling + " }}' reads an output of task '" +
                    producer->name.text + "', which may have failed before task '" +
                    site.task->name.text + "' runs: its output is then never produced")
        .note(producer->onError->range,
              "when task '" + producer->name.text + "' fails, its OnError leads here");
  }
}

} // namespace oosc::analysis
