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
/// Facts offered per task before the flow gives up on a producer: a guard
/// against pathological graphs, far above what real templates need.
constexpr size_t kOffersPerTask = 64;

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

/// The tasks from which `target` can still be reached.
std::vector<bool> reaching(const ConditionalGraph &graph, size_t target) {
  std::vector<bool> seen(graph.predecessors.size(), false);
  std::vector<size_t> stack{target};
  seen[target] = true;
  while (!stack.empty()) {
    size_t node = stack.back();
    stack.pop_back();
    for (size_t from : graph.predecessors[node])
      if (!seen[from]) {
        seen[from] = true;
        stack.push_back(from);
      }
  }
  return seen;
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

class Flow {
public:
  Flow(const ConditionalGraph &graph, size_t producer)
      : graph_(graph), edges_(*graph.edges), producer_(producer),
        nodeCount_(graph.predecessors.size()), facts_(nodeCount_), pending_(nodeCount_),
        queued_(nodeCount_, false), reachesProducer_(reaching(graph, producer)),
        budget_(kOffersPerTask * nodeCount_) {}

  std::optional<std::vector<std::vector<MissingOutputFact>>> run() {
    offer(0, MissingOutputFact{});
    seedFailures();
    while (!work_.empty() && budget_ > 0) {
      size_t node = work_.front();
      work_.pop_front();
      queued_[node] = false;
      std::vector<MissingOutputFact> facts = std::move(pending_[node]);
      pending_[node].clear();
      if (node < edges_.size())
        for (const MissingOutputFact &fact : facts)
          propagate(node, fact);
    }
    if (budget_ == 0)
      return std::nullopt;
    return std::move(facts_);
  }

private:
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
      bool leavesProducer = edge.to >= nodeCount_ || !reachesProducer_[edge.to];
      if (!next.cause && (node == producer_ || leavesProducer)) {
        next.cause = &edge;
        next.causeTask = node;
      }
      offer(edge.to, std::move(next));
    }
  }

  static void addAssumptions(LiteralSet &assumptions, const LiteralSet &added) {
    for (LiteralId literal : added) {
      auto at = std::lower_bound(assumptions.begin(), assumptions.end(), literal);
      if ((at == assumptions.end() || *at != literal) && assumptions.size() < kMaxAssumptions)
        assumptions.insert(at, literal);
    }
  }

  void offer(size_t node, MissingOutputFact fact) {
    if (node >= nodeCount_ || budget_ == 0)
      return;
    --budget_;
    std::vector<MissingOutputFact> &facts = facts_[node];
    for (const MissingOutputFact &known : facts)
      if (subsumes(known, fact))
        return;
    facts.erase(std::remove_if(facts.begin(), facts.end(),
                               [&](const MissingOutputFact &known) { return subsumes(fact, known); }),
                facts.end());
    facts.push_back(fact);
    if (std::count_if(facts.begin(), facts.end(),
                      [&](const MissingOutputFact &known) { return sameKind(known, fact); }) >
        long(kMaxFacts))
      fact = widen(facts, fact);
    pending_[node].push_back(std::move(fact));
    if (!queued_[node]) {
      queued_[node] = true;
      work_.push_back(node);
    }
  }

  /// Replaces the facts of `fact`'s kind by one assuming only what they all
  /// assume, and returns it.
  static MissingOutputFact widen(std::vector<MissingOutputFact> &facts,
                                 const MissingOutputFact &fact) {
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

  const ConditionalGraph &graph_;
  const std::vector<std::vector<FlowEdge>> &edges_;
  size_t producer_;
  size_t nodeCount_;
  std::vector<std::vector<MissingOutputFact>> facts_;
  std::vector<std::vector<MissingOutputFact>> pending_;
  std::vector<bool> queued_;
  std::deque<size_t> work_;
  std::vector<bool> reachesProducer_;
  size_t budget_;
};

} // namespace

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

std::optional<std::vector<std::vector<MissingOutputFact>>>
missingOutputFacts(const ConditionalGraph &graph, size_t producer) {
  return Flow(graph, producer).run();
}

} // namespace oosc::analysis
