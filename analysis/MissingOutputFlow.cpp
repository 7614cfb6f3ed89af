//===- MissingOutputFlow.cpp ------------------------------------------------===//
#include "analysis/MissingOutputFlow.h"

#include <algorithm>
#include <deque>

namespace oosc::analysis {
namespace {

/// Conditions one fact remembers; later ones are dropped, which can only
/// lose a contradiction (a warning too many), never hide one.
constexpr size_t kMaxAssumptions = 8;
/// Facts of one kind kept at one task before they are widened into one.
constexpr size_t kMaxFacts = 8;

void sortUnique(LiteralSet &set) {
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
}

EdgeCondition edgeCondition(const ir::Task &task, const FlowEdge &edge, ConditionTable &table) {
  EdgeCondition condition;
  if (edge.guessed) {
    condition.feasible = false;
    return condition;
  }
  if (task.when)
    table.assume(task.when, edge.kind != EdgeKind::Skipped, condition.literals);
  if (task.isChoice() && edge.kind == EdgeKind::Success) {
    // The first branch whose When holds is taken: the earlier ones failed.
    for (uint32_t earlier = 0; earlier < edge.branch && earlier < task.choices.size(); ++earlier)
      table.assume(task.choices[earlier].when, false, condition.literals);
    if (edge.branch < task.choices.size())
      table.assume(task.choices[edge.branch].when, true, condition.literals);
  }
  sortUnique(condition.literals);
  condition.feasible = table.consistent(condition.literals);
  return condition;
}

bool sameKind(const MissingOutputFact &a, const MissingOutputFact &b) {
  return a.producerFailed == b.producerFailed && a.executionFailed == b.executionFailed;
}

/// `general` holds wherever `specific` does: same kind, fewer conditions.
bool subsumes(const MissingOutputFact &general, const MissingOutputFact &specific) {
  return sameKind(general, specific) &&
         std::includes(specific.assumptions.begin(), specific.assumptions.end(),
                       general.assumptions.begin(), general.assumptions.end());
}

void addAssumptions(LiteralSet &assumptions, const LiteralSet &added) {
  for (LiteralId literal : added) {
    auto at = std::lower_bound(assumptions.begin(), assumptions.end(), literal);
    if ((at == assumptions.end() || *at != literal) && assumptions.size() < kMaxAssumptions)
      assumptions.insert(at, literal);
  }
}

/// Replaces the facts of `fact`'s kind by one assuming only what they all
/// assume, and returns it.
MissingOutputFact widen(std::vector<MissingOutputFact> &facts, const MissingOutputFact &fact) {
  MissingOutputFact wide = fact;
  for (const MissingOutputFact &known : facts) {
    if (!sameKind(known, fact))
      continue;
    LiteralSet shared;
    std::set_intersection(wide.assumptions.begin(), wide.assumptions.end(),
                          known.assumptions.begin(), known.assumptions.end(),
                          std::back_inserter(shared));
    wide.assumptions = std::move(shared);
  }
  facts.erase(std::remove_if(facts.begin(), facts.end(),
                             [&](const MissingOutputFact &known) { return sameKind(known, fact); }),
              facts.end());
  facts.push_back(wide);
  return wide;
}

} // namespace

/// One producer's flow over the storage of a MissingOutputFlow.
class FlowRun {
public:
  FlowRun(MissingOutputFlow &flow, size_t producer, const FlowScope &scope)
      : flow_(flow), graph_(flow.graph_), edges_(*flow.graph_.edges), producer_(producer),
        scope_(scope) {}

  bool run() {
    ++flow_.stamp_;
    for (size_t node : flow_.touched_)
      flow_.facts_[node].clear();
    flow_.touched_.clear();
    markBackward(scope_.reads, flow_.inRegion_);
    markBackward({producer_}, flow_.reachesProducer_);
    offer(scope_.start, MissingOutputFact{});
    seedFailures();
    while (!work_.empty() && flow_.budget_ > 0) {
      size_t node = work_.front();
      work_.pop_front();
      flow_.queued_[node] = false;
      std::vector<MissingOutputFact> facts = std::move(flow_.pending_[node]);
      flow_.pending_[node].clear();
      if (node < edges_.size())
        for (const MissingOutputFact &fact : facts)
          propagate(node, fact);
    }
    for (size_t node : work_) { // left over when the budget ran out
      flow_.queued_[node] = false;
      flow_.pending_[node].clear();
    }
    return flow_.budget_ > 0;
  }

private:
  bool spend() {
    if (flow_.budget_ == 0)
      return false;
    --flow_.budget_;
    return true;
  }

  /// Marks the tasks inside the scope from which one of `targets` can be
  /// reached.
  void markBackward(const std::vector<size_t> &targets, std::vector<uint32_t> &marks) {
    std::vector<size_t> stack;
    auto visit = [&](size_t node) {
      if (marks[node] != flow_.stamp_ && scope_.inside(node) && spend()) {
        marks[node] = flow_.stamp_;
        stack.push_back(node);
      }
    };
    for (size_t target : targets)
      visit(target);
    while (!stack.empty()) {
      size_t node = stack.back();
      stack.pop_back();
      for (size_t from : graph_.predecessors[node])
        visit(from);
    }
  }

  /// P's OnError targets start with "P failed" under P's own When.
  void seedFailures() {
    for (size_t i = 0; i < edges_[producer_].size(); ++i) {
      const FlowEdge &edge = edges_[producer_][i];
      const EdgeCondition &condition = graph_.conditions[producer_][i];
      if (edge.kind != EdgeKind::Failure || !condition.feasible)
        continue;
      offer(edge.to, MissingOutputFact{true, true, condition.literals, &edge, producer_});
    }
  }

  void propagate(size_t node, const MissingOutputFact &fact) {
    for (size_t i = 0; i < edges_[node].size(); ++i) {
      const FlowEdge &edge = edges_[node][i];
      const EdgeCondition &condition = graph_.conditions[node][i];
      // P's success produces the output; its failure edges were seeded.
      if (!condition.feasible || (node == producer_ && edge.kind != EdgeKind::Skipped))
        continue;
      if (!graph_.table->consistent(fact.assumptions, condition.literals))
        continue; // a path no execution takes
      MissingOutputFact next = fact;
      next.executionFailed = next.executionFailed || edge.kind == EdgeKind::Failure;
      addAssumptions(next.assumptions, condition.literals);
      bool leavesProducer = flow_.reachesProducer_[edge.to] != flow_.stamp_;
      if (!next.cause && (node == producer_ || leavesProducer)) {
        next.cause = &edge;
        next.causeTask = node;
      }
      offer(edge.to, std::move(next));
    }
  }

  void offer(size_t node, MissingOutputFact fact) {
    if (flow_.inRegion_[node] != flow_.stamp_ || !spend())
      return;
    std::vector<MissingOutputFact> &facts = flow_.facts_[node];
    for (const MissingOutputFact &known : facts)
      if (subsumes(known, fact))
        return;
    if (facts.empty())
      flow_.touched_.push_back(node);
    facts.erase(std::remove_if(facts.begin(), facts.end(),
                               [&](const MissingOutputFact &known) { return subsumes(fact, known); }),
                facts.end());
    facts.push_back(fact);
    if (std::count_if(facts.begin(), facts.end(),
                      [&](const MissingOutputFact &known) { return sameKind(known, fact); }) >
        long(kMaxFacts))
      fact = widen(facts, fact);
    flow_.pending_[node].push_back(std::move(fact));
    if (!flow_.queued_[node]) {
      flow_.queued_[node] = true;
      work_.push_back(node);
    }
  }

  MissingOutputFlow &flow_;
  const ConditionalGraph &graph_;
  const std::vector<std::vector<FlowEdge>> &edges_;
  size_t producer_;
  const FlowScope &scope_;
  std::deque<size_t> work_;
};

ConditionalGraph conditionalGraph(const ir::Template &tmpl,
                                  const std::vector<std::vector<FlowEdge>> &edges,
                                  ConditionTable &table) {
  ConditionalGraph graph;
  graph.edges = &edges;
  graph.table = &table;
  graph.conditions.resize(edges.size());
  graph.predecessors.resize(edges.size() + 1);
  for (size_t from = 0; from < edges.size(); ++from)
    for (const FlowEdge &edge : edges[from]) {
      graph.conditions[from].push_back(edgeCondition(tmpl.tasks[from], edge, table));
      if (!edge.guessed && edge.to < graph.predecessors.size())
        graph.predecessors[edge.to].push_back(from);
    }
  return graph;
}

MissingOutputFlow::MissingOutputFlow(const ConditionalGraph &graph, size_t budget)
    : graph_(graph), budget_(budget), inRegion_(graph.predecessors.size(), 0),
      reachesProducer_(graph.predecessors.size(), 0), facts_(graph.predecessors.size()),
      pending_(graph.predecessors.size()), queued_(graph.predecessors.size(), false) {}

bool MissingOutputFlow::run(size_t producer, const FlowScope &scope) {
  return budget_ > 0 && FlowRun(*this, producer, scope).run();
}

const std::vector<MissingOutputFact> &MissingOutputFlow::factsAt(size_t node) const {
  return facts_[node];
}

} // namespace oosc::analysis
