//===- MissingOutputFlow.h - Where a task may not have succeeded -----------===//
//
// A forward data flow over the task graph for one producer task P: at each
// task's entry, the facts "P may not have succeeded, on some path along
// which the conditions `assumptions` held". A fact starts where the flow
// starts (P has not run yet) and at P's OnError targets (P failed); P's
// success edges kill it. Every edge adds the conditions it is taken under (a When true or
// false, a Choice branch's When true and the earlier ones false), and a
// path whose conditions contradict is dropped: that is how a read guarded
// by the producer's own condition stays quiet.
//
// Bounded, never an enumeration of paths: a fact keeps at most
// kMaxAssumptions conditions, a task keeps at most kMaxFacts facts per kind
// (more are widened to the conditions they share), and facts that assume a
// superset of another's conditions are dropped as subsumed. Each flow
// covers only its scope (FlowScope), and all flows of a template share one
// work budget.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/Conditions.h"
#include "analysis/ControlFlow.h"

#include <functional>

namespace oosc::analysis {

/// Why P's output may be missing along a path.
struct MissingOutputFact {
  bool producerFailed = false; ///< P failed (else it has not run, or was skipped)
  bool executionFailed = false; ///< some task failed: the execution ends Failed
  LiteralSet assumptions;       ///< sorted
  /// The edge past which P's output went missing for good: P's OnError or
  /// skip, or where the flow left every path to P. Null while P may still
  /// run later.
  const FlowEdge *cause = nullptr;
  size_t causeTask = 0; ///< the task `cause` leaves
};

/// The conditions an edge of the task graph is taken under.
struct EdgeCondition {
  LiteralSet literals;
  bool feasible = true; ///< false: the conditions contradict each other
};

/// The task graph with the conditions on its edges, shared by every
/// producer's flow. Guessed edges (computed or undefined targets) are left
/// out: they stand for "anywhere", not for a path the template writes.
struct ConditionalGraph {
  const std::vector<std::vector<FlowEdge>> *edges = nullptr;
  std::vector<std::vector<EdgeCondition>> conditions; ///< parallel to *edges
  std::vector<std::vector<size_t>> predecessors;      ///< by task index, end included
  ConditionTable *table = nullptr;
};

ConditionalGraph conditionalGraph(const ir::Template &tmpl,
                                  const std::vector<std::vector<FlowEdge>> &edges,
                                  ConditionTable &table);

/// Where one producer's flow runs: from `start`, a task every path to the
/// producer and to its reads passes (the first time there the producer has
/// not run), over the tasks `inside` says are past it (dominated by it) and
/// can still reach one of `reads` (task indexes, `tasks.size()` for the end).
struct FlowScope {
  size_t start = 0;
  std::vector<size_t> reads;
  std::function<bool(size_t)> inside;
};

/// Runs producers' flows one after another, reusing its storage so that
/// each costs only the tasks of its scope, never a pass over the template.
class MissingOutputFlow {
public:
  /// `budget`: steps of work for all producers together.
  MissingOutputFlow(const ConditionalGraph &graph, size_t budget);

  /// The flow for `producer`; false when the budget ran out (then nothing
  /// more is known).
  bool run(size_t producer, const FlowScope &scope);
  /// After run(): the facts at a task's entry (`tasks.size()`: the end).
  const std::vector<MissingOutputFact> &factsAt(size_t node) const;

private:
  friend class FlowRun;
  const ConditionalGraph &graph_;
  size_t budget_;
  uint32_t stamp_ = 0;
  std::vector<uint32_t> inRegion_, reachesProducer_; ///< == stamp_: yes
  std::vector<std::vector<MissingOutputFact>> facts_, pending_;
  std::vector<size_t> touched_; ///< nodes whose facts the last run set
  std::vector<bool> queued_;
};

} // namespace oosc::analysis
