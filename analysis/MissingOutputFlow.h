//===- MissingOutputFlow.h - Where a task may not have succeeded -----------===//
//
// A forward data flow over the task graph for one producer task P: at each
// task's entry, the facts "P may not have succeeded, on some path along
// which the conditions `assumptions` held". A fact starts at the first task
// (P has not run) and at P's OnError targets (P failed); P's success edges
// kill it. Every edge adds the conditions it is taken under (a When true or
// false, a Choice branch's When true and the earlier ones false), and a
// path whose conditions contradict is dropped: that is how a read guarded
// by the producer's own condition stays quiet.
//
// Bounded, never an enumeration of paths: a fact keeps at most
// kMaxAssumptions conditions, a task keeps at most kMaxFacts facts per kind
// (more are widened to the conditions they share), and facts that assume a
// superset of another's conditions are dropped as subsumed.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/Conditions.h"
#include "analysis/ControlFlow.h"

#include <optional>

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

/// The facts at each task's entry (index `tasks.size()` is the end) for
/// producer `producer`, or nothing when the bounded work budget ran out.
std::optional<std::vector<std::vector<MissingOutputFact>>>
missingOutputFacts(const ConditionalGraph &graph, size_t producer);

} // namespace oosc::analysis
