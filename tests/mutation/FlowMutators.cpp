//===- FlowMutators.cpp - Defects in the task graph ------------------------===//
//
// Two mutators that add a jump to a task, chosen from the template's own
// flow graph so that the defect is certain: a task that only its
// predecessor falls into is cut off by ending that predecessor, and a
// producer whose failure is made to fall through reaches a task that reads
// its output.
//
//===----------------------------------------------------------------------===//
#include "TextEdits.h"

#include <algorithm>

namespace oosc::mutation {
namespace {

using analysis::EdgeKind;
using analysis::FlowEdge;
using Graph = std::vector<std::vector<FlowEdge>>;

const Scalar kEnd{Scalar::Kind::Word, "ACS::END"};
const Scalar kNext{Scalar::Kind::Word, "ACS::NEXT"};

/// Every edge into `task` is the plain fall-through from the task before it.
bool reachedOnlyByFallThrough(const Graph &graph, size_t task) {
  size_t fallThroughs = 0;
  for (size_t from = 0; from < graph.size(); ++from)
    for (const FlowEdge &edge : graph[from]) {
      if (edge.to != task)
        continue;
      if (from + 1 != task || edge.kind != EdgeKind::Success || edge.guessed)
        return false;
      ++fallThroughs;
    }
  return fallThroughs == 1;
}

/// The predecessor can be ended without touching an existing key: it has no
/// OnSuccess, no When (a skip falls through too), is no Choice, and its
/// OnError, if any, does not lead on to the next task.
bool canBeEnded(const ir::Task &task, const analysis::SymbolTable &symbols) {
  if (task.isChoice() || task.when || task.onSuccess)
    return false;
  return !task.onError || analysis::resolveJump(*task.onError, analysis::JumpKind::OnError, symbols)
                                  .kind != analysis::JumpResolution::Kind::Next;
}

/// Tasks reached from `start` along edges the template writes, without
/// passing through `avoided`.
std::vector<bool> reachedAvoiding(const Graph &graph, size_t start, size_t avoided,
                                  const std::vector<bool> &stops = {}) {
  std::vector<bool> reached(graph.size() + 1, false);
  std::vector<size_t> stack{start};
  reached[start] = true;
  while (!stack.empty()) {
    size_t node = stack.back();
    stack.pop_back();
    if (node < stops.size() && stops[node])
      continue; // reached, but control does not go on from here
    if (node < graph.size())
      for (const FlowEdge &edge : graph[node])
        if (!edge.guessed && edge.to != avoided && !reached[edge.to]) {
          reached[edge.to] = true;
          stack.push_back(edge.to);
        }
  }
  return reached;
}

/// Per later task, its first `{{ producer.output }}` read, by task index.
std::vector<const ir::Reference *> firstReadsOf(const TemplateFacts &facts, const ir::Task &producer) {
  std::vector<const ir::Reference *> reads(facts.tmpl.tasks.size(), nullptr);
  for (const analysis::ReferenceSite &site : facts.references) {
    const ir::Reference &reference = *site.reference;
    if (!site.task || site.task->index <= producer.index || reference.kind != ir::RefKind::Name ||
        reference.parts.size() < 2 || facts.symbols.task(reference.parts[0].text).decl != &producer)
      continue;
    const ir::Reference *&first = reads[site.task->index];
    if (!first || reference.range.begin < first->range.begin)
      first = &reference;
  }
  return reads;
}

} // namespace

std::vector<Edit> makeTaskUnreachable(const TemplateFacts &facts) {
  const std::vector<ir::Task> &tasks = facts.tmpl.tasks;
  std::vector<Edit> edits;
  if (facts.tmpl.dialect != ir::Dialect::Tasks || tasks.size() < 2)
    return edits;
  std::vector<bool> reached = reachedAvoiding(facts.flow, 0, tasks.size() + 1);
  for (size_t index = 1; index < tasks.size(); ++index) {
    const ir::Task &cut = tasks[index];
    const ir::Task &before = tasks[index - 1];
    if (!reached[index] || !cut.name.node || !reachedOnlyByFallThrough(facts.flow, index) ||
        !canBeEnded(before, facts.symbols))
      continue;
    std::vector<NewEntry> jumps{{"OnSuccess", kEnd}};
    if (!before.onError)
      jumps.push_back({"OnError", kEnd});
    const ir::Node *decl = ir::resolve(before.decl);
    auto insertion = decl ? addEntries(facts.file, decl, decl->entry("Name"), jumps) : std::nullopt;
    if (insertion)
      edits.push_back({insertion->splice, insertion->splice.mapped(cut.name.range.begin),
                       "task '" + before.name.text + "' ends the execution before '" +
                           cut.name.text + "'"});
  }
  return edits;
}

std::vector<Edit> readOutputAfterFailure(const TemplateFacts &facts) {
  const std::vector<ir::Task> &tasks = facts.tmpl.tasks;
  std::vector<Edit> edits;
  if (facts.tmpl.dialect != ir::Dialect::Tasks)
    return edits;
  for (const ir::Task &producer : tasks) {
    if (producer.onError || producer.isChoice() || producer.index + 1 >= tasks.size())
      continue;
    std::vector<const ir::Reference *> reads = firstReadsOf(facts, producer);
    if (std::none_of(reads.begin(), reads.end(), [](const ir::Reference *read) { return read; }))
      continue;
    const ir::Node *decl = ir::resolve(producer.decl);
    auto insertion =
        decl ? addEntries(facts.file, decl, decl->entry("Name"), {{"OnError", kNext}}) : std::nullopt;
    if (!insertion)
      continue;
    // A task that reads the missing output fails there, so only the first
    // reader on each path is where the defect shows.
    std::vector<bool> readers(tasks.size(), false);
    for (size_t task = 0; task < tasks.size(); ++task)
      readers[task] = reads[task] != nullptr;
    std::vector<bool> reached =
        reachedAvoiding(facts.flow, producer.index + 1, producer.index, readers);
    for (size_t reader = producer.index + 1; reader < tasks.size(); ++reader)
      if (reads[reader] && reached[reader])
        edits.push_back({insertion->splice, insertion->splice.mapped(reads[reader]->range.begin),
                         "task '" + producer.name.text + "' falls through on failure to '" +
                             tasks[reader].name.text + "', which reads '{{ " +
                             reads[reader]->spelling + " }}'"});
  }
  return edits;
}

} // namespace oosc::mutation
