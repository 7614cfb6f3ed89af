//===- CheckOutputBeforeTask.cpp - Outputs read where their task may not have succeeded ===//
//
// Rule `output-before-task`: `{{ task.output }}` read where some path from
// the first task arrives without that task having succeeded: it failed and
// its OnError carried on, its When skipped it, or a Choice (or a jump) led
// around it. The output was then never produced.
//
// Two passes, both linear-ish in the task graph. First a dominator tree
// over the graph with each task split into "entered" and "succeeded": a read
// whose producer's success dominates it is fine, which settles nearly every
// read. For the rest, one conditional data flow per producer
// (MissingOutputFlow.h) finds the paths on which the output is missing and
// the conditions they were taken under; a read is reported only when those
// conditions can hold together with the conditions guarding the read
// itself: its task's When and the enclosing Fn::If branches. Real
// templates read a skipped task's output under the very condition that
// skipped it, and those reads stay quiet.
//
// Conditions (Conditions.h) are compared only over values that cannot
// change during the execution, in any equivalent spelling, with the values a
// template compares a subject with taken as its domain.
//
// Template outputs are read when the execution ends successfully (a task
// failure ends it Failed, oos-runtime.md). Official templates list outputs of
// tasks that an early exit or an OS switch left out, read as empty, so only
// an Fn::If that picks the output of a task its own When skipped is reported.
//
// A per-template work budget keeps adversarial graphs linear: past it, only
// the plain failure reachability of each producer is checked.
//
//===----------------------------------------------------------------------===//
#include "analysis/Dominators.h"
#include "analysis/MissingOutputFlow.h"
#include "analysis/Rules.h"

#include <algorithm>
#include <map>

namespace oosc::analysis {
namespace {

/// Steps of data-flow work per template, shared by all its producers: each
/// producer's flow costs the part of the graph between it and its reads
/// plus its facts, which in a graph full of jumps can be most of it. Real
/// templates need a small fraction.
constexpr size_t kWorkPerTask = 256;
constexpr size_t kWorkPerTemplate = size_t(1) << 16;

using Graph = std::vector<std::vector<FlowEdge>>;

/// A read of a producer's output: in a task, or (consumer == tasks.size())
/// in the template outputs.
struct Read {
  const ReferenceSite *site = nullptr;
  size_t producer = 0;
  size_t consumer = 0;
};

/// The task whose output `site` reads, if it reads one.
const ir::Task *producerOf(const ReferenceSite &site, const SymbolTable &symbols) {
  const ir::Reference &reference = *site.reference;
  if (reference.kind != ir::RefKind::Name || reference.parts.size() < 2)
    return nullptr;
  auto task = symbols.task(reference.parts[0].text);
  return task ? task.decl : nullptr;
}

/// Reads by producer index. A task reading its own output (in its Outputs)
/// reads what it just made.
std::map<size_t, std::vector<Read>> readsByProducer(const AnalysisContext &context) {
  std::map<size_t, std::vector<Read>> reads;
  size_t end = context.tmpl.tasks.size();
  for (const ReferenceSite &site : context.references) {
    const ir::Task *producer = producerOf(site, context.symbols);
    if (!producer || producer == site.task || (!site.task && !site.inTemplateOutputs))
      continue;
    reads[producer->index].push_back({&site, producer->index, site.task ? site.task->index : end});
  }
  return reads;
}

/// The task graph with each task split in two: node i is task i entered,
/// node n is the end, node n + 1 + i is task i succeeded. Success edges
/// leave the second, skips and failures the first.
std::vector<std::vector<size_t>> successSplitGraph(const Graph &graph) {
  size_t count = graph.size();
  std::vector<std::vector<size_t>> split(2 * count + 1);
  for (size_t task = 0; task < count; ++task) {
    split[task].push_back(count + 1 + task);
    for (const FlowEdge &edge : graph[task])
      if (!edge.guessed)
        split[edge.kind == EdgeKind::Success ? count + 1 + task : task].push_back(edge.to);
  }
  return split;
}

/// Where a read is evaluated under which conditions, per consumer.
class Guards {
public:
  Guards(const ir::Template &tmpl, ConditionTable &table) : tmpl_(tmpl), table_(table) {}

  const LiteralSet &of(const Read &read) {
    auto [entry, computed] = byConsumer_.try_emplace(read.consumer);
    if (computed)
      entry->second = collect(read.consumer);
    auto found = entry->second.find(read.site->reference);
    return found == entry->second.end() ? unguarded_ : found->second;
  }

private:
  using Map = std::unordered_map<const ir::Reference *, LiteralSet>;

  Map collect(size_t consumer) {
    if (consumer >= tmpl_.tasks.size()) {
      Map guards;
      for (const ir::OutputDecl &output : tmpl_.outputs)
        guards.merge(referenceGuards(output.value, table_));
      return guards;
    }
    const ir::Task &task = tmpl_.tasks[consumer];
    Map guards = referenceGuards(task.decl, table_);
    if (!task.when)
      return guards;
    // Everything but the When itself is evaluated only when it held.
    LiteralSet ran;
    table_.assume(task.when, true, ran);
    Map inWhen = referenceGuards(task.when, table_);
    for (auto &[reference, guard] : guards)
      if (!inWhen.count(reference)) {
        guard.insert(guard.end(), ran.begin(), ran.end());
        std::sort(guard.begin(), guard.end());
      }
    return guards;
  }

  const ir::Template &tmpl_;
  ConditionTable &table_;
  std::map<size_t, Map> byConsumer_;
  const LiteralSet unguarded_;
};

class Reporter {
public:
  explicit Reporter(AnalysisContext &context) : context_(context) {}

  const ir::Task *task(size_t index) const { return &context_.tmpl.tasks[index]; }

  void report(const Read &read, const ir::Task &producer, const MissingOutputFact &fact) {
    const ir::Reference &reference = *read.site->reference;
    bool own = fact.causeTask == producer.index;
    const char *what = fact.producerFailed            ? "may have failed"
                       : own && isSkip(*fact.cause)   ? "may have been skipped by its When"
                                                      : "may not have run";
    std::string when = read.site->task ? "before task '" + read.site->task->name.text + "' runs"
                                       : "when the template outputs are read";
    Diagnostic &diagnostic = context_.diagnostics.report(
        RuleId::OutputBeforeTask, reference.range,
        "'{{ " + reference.spelling + " }}' reads an output of task '" + producer.name.text +
            "', which " + what + " " + when + ": its output is then never produced");
    addCauseNote(diagnostic, producer, fact);
  }

private:
  static bool isSkip(const FlowEdge &edge) { return edge.kind == EdgeKind::Skipped; }

  void addCauseNote(Diagnostic &diagnostic, const ir::Task &producer,
                    const MissingOutputFact &fact) {
    const ir::Task &task = context_.tmpl.tasks[fact.causeTask];
    const FlowEdge &edge = *fact.cause;
    std::string name = "'" + task.name.text + "'";
    std::string past = "task '" + producer.name.text + "' does not run";
    if (&task == &producer && edge.kind == EdgeKind::Failure)
      diagnostic.note(task.onError->range, "when task " + name + " fails, its OnError leads here");
    else if (&task == &producer)
      diagnostic.note(ir::resolve(task.when)->range,
                      "task " + name + " is skipped when this condition is false");
    else if (edge.kind == EdgeKind::Failure)
      diagnostic.note(task.onError->range,
                      "when task " + name + " fails, its OnError leads on and " + past);
    else if (edge.kind == EdgeKind::Skipped)
      diagnostic.note(ir::resolve(task.when)->range,
                      "when task " + name + " is skipped here, " + past);
    else if (task.isChoice())
      noteChoice(diagnostic, task, edge, past);
    else
      diagnostic.note(task.onSuccess ? task.onSuccess->range : task.name.range,
                      "after task " + name + ", " + past);
  }

  void noteChoice(Diagnostic &diagnostic, const ir::Task &task, const FlowEdge &edge,
                  const std::string &past) {
    std::string name = "'" + task.name.text + "'";
    if (edge.branch < task.choices.size() && task.choices[edge.branch].next)
      diagnostic.note(task.choices[edge.branch].next->range,
                      "when choice " + name + " takes this branch, " + past);
    else if (task.defaultTask)
      diagnostic.note(task.defaultTask->range,
                      "when no branch of choice " + name + " matches, " + past);
    else
      diagnostic.note(task.name.range, "when no branch of choice " + name + " matches, " + past);
  }

  AnalysisContext &context_;
};

/// `fact` is the producer's own When skipping it, on a path on which no
/// task failed (after a failure no template output is read).
bool skippedItself(const MissingOutputFact &fact, const Read &read) {
  return !fact.executionFailed && fact.cause->kind == EdgeKind::Skipped &&
         fact.causeTask == read.producer;
}

/// The first fact under which `read` finds the output missing, or null.
const MissingOutputFact *missingAt(const Read &read, const std::vector<MissingOutputFact> &facts,
                                   const LiteralSet &guard, const ConditionTable &table) {
  bool templateOutput = read.site->task == nullptr;
  // Official templates list outputs of tasks that an early exit or an OS
  // switch left out, read as empty. Only a template output that picks among
  // task outputs with Fn::If says which task ran, and is held to that when
  // the task's own When skipped it.
  if (templateOutput && guard.empty())
    return nullptr;
  for (const MissingOutputFact &fact : facts) {
    // Without a cause the producer still runs later on this path: a read
    // before its producer in the list, which other checks are about.
    if (!fact.cause || (templateOutput && !skippedItself(fact, read)))
      continue;
    if (table.consistent(fact.assumptions, guard))
      return &fact;
  }
  return nullptr;
}

/// The scope of a producer's flow: from the nearest task that every path to
/// the producer and to its reads passes. The conditions of paths before it
/// are shared by all of them and left out, so each flow costs only the part
/// of the template between the producer and its reads.
FlowScope scopeOf(const DominatorTree &dominators, size_t producer,
                  const std::vector<Read> &reads, size_t count) {
  size_t start = producer;
  for (const Read &read : reads)
    start = dominators.commonDominator(start, read.consumer);
  FlowScope scope;
  // A "succeeded" node stands for its task: the flow starts at task entries.
  scope.start = start > count ? start - count - 1 : start;
  for (const Read &read : reads)
    scope.reads.push_back(read.consumer);
  scope.inside = [&dominators, start = scope.start](size_t node) {
    return dominators.reachable(node) && dominators.dominates(start, node);
  };
  return scope;
}

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

/// Reads in tasks that `producer`'s OnError leads to, conditions aside.
void reportReadsAfterFailure(const Graph &graph, size_t producer, const std::vector<Read> &reads,
                             Reporter &reporter) {
  auto failure = std::find_if(graph[producer].begin(), graph[producer].end(),
                              [](const FlowEdge &edge) {
                                return edge.kind == EdgeKind::Failure && !edge.guessed;
                              });
  if (failure == graph[producer].end())
    return;
  std::vector<bool> reached = reachedAfterFailure(graph, producer);
  MissingOutputFact fact{true, true, {}, &*failure, producer};
  for (const Read &read : reads)
    if (read.site->task && reached[read.consumer])
      reporter.report(read, *reporter.task(producer), fact);
}

/// No task branches, jumps, fails over or is skipped: control runs down the
/// list, every earlier task has succeeded, and a later one has not run yet
/// (a case for other checks).
bool runsStraightDown(const ir::Template &tmpl) {
  return std::all_of(tmpl.tasks.begin(), tmpl.tasks.end(), [](const ir::Task &task) {
    return !task.when && !task.onError && !task.onSuccess && !task.isChoice();
  });
}

} // namespace

void checkOutputBeforeTask(AnalysisContext &context) {
  const ir::Template &tmpl = context.tmpl;
  if (tmpl.tasks.empty() || runsStraightDown(tmpl))
    return;
  std::map<size_t, std::vector<Read>> reads = readsByProducer(context);
  if (reads.empty())
    return;
  Graph graph = flowGraph(tmpl, context.symbols);
  size_t count = tmpl.tasks.size();
  DominatorTree dominators(successSplitGraph(graph), 0);
  // Reads the producer's success does not dominate: only these need the
  // conditions compared.
  std::map<size_t, std::vector<Read>> suspect;
  for (const auto &[producer, producerReads] : reads)
    for (const Read &read : producerReads) {
      size_t succeeded = count + 1 + producer;
      // An unreachable producer never runs, a case for unreachable-task.
      if (!dominators.reachable(producer) || !dominators.reachable(read.consumer) ||
          (dominators.reachable(succeeded) && dominators.dominates(succeeded, read.consumer)))
        continue;
      suspect[producer].push_back(read);
    }
  if (suspect.empty())
    return;
  ConditionTable table(tmpl, context.symbols, ConditionOptions{tasksOnNoCycle(graph)});
  ConditionalGraph conditional = conditionalGraph(tmpl, graph, table);
  Guards guards(tmpl, table);
  Reporter reporter(context);
  MissingOutputFlow flow(conditional, kWorkPerTask * (count + 1) + kWorkPerTemplate);
  bool withinBudget = true;
  for (const auto &[producer, producerReads] : suspect) {
    FlowScope scope = scopeOf(dominators, producer, producerReads, count);
    withinBudget = withinBudget && flow.run(producer, scope);
    if (!withinBudget) {
      // Out of budget: still the plain failure check, one reachability
      // per producer, but no guesses about skips and bypasses.
      reportReadsAfterFailure(graph, producer, producerReads, reporter);
      continue;
    }
    for (const Read &read : producerReads)
      if (const MissingOutputFact *fact =
              missingAt(read, flow.factsAt(read.consumer), guards.of(read), table))
        reporter.report(read, tmpl.tasks[producer], *fact);
  }
}

} // namespace oosc::analysis
