//===- ControlFlow.h - Where each task can go next -------------------------===//
#pragma once

#include "analysis/SymbolTable.h"

namespace oosc::analysis {

/// What a jump target means.
struct JumpResolution {
  enum class Kind : uint8_t { End, Next, Task, Dynamic, Undefined, NotAllowed };
  Kind kind = Kind::Undefined;
  const ir::Task *task = nullptr; ///< Kind::Task
  bool exactCase = true;          ///< false: matched only when case is ignored
};

/// Which keywords a jump may use besides task names.
enum class JumpKind : uint8_t {
  OnError,   ///< ACS::END (default), ACS::NEXT, a task
  OnSuccess, ///< ACS::NEXT (default), ACS::END, a task
  Choice,    ///< NextTask and DefaultTask: a task or ACS::END
};

JumpResolution resolveJump(const ir::JumpTarget &target, JumpKind kind, const SymbolTable &symbols);

/// How control leaves a task along one edge.
enum class EdgeKind : uint8_t {
  Success, ///< OnSuccess, fall-through, or a Choice branch
  Skipped, ///< the task's When was false: it did not run
  Failure, ///< OnError
};

/// One edge of the task graph. `to == tasks.size()` is the end.
struct FlowEdge {
  size_t to = 0;
  EdgeKind kind = EdgeKind::Success;
  /// The target is a `{{ }}` expression or undefined: the edge stands for
  /// "any task", not for a jump the template writes.
  bool guessed = false;
  /// A Choice's Success edge: the index in `choices` of the branch taken,
  /// or `choices.size()` for DefaultTask (or the fall-through without one).
  uint32_t branch = 0;
};

/// The task graph with how each edge is taken, by task index.
std::vector<std::vector<FlowEdge>> flowGraph(const ir::Template &tmpl, const SymbolTable &symbols);

/// Successors of every task by index; `tasks.size()` stands for the end.
/// Includes the fall-through of skipped (When) tasks, OnError edges and every
/// Choice branch; a dynamic or undefined target may go to any task.
std::vector<std::vector<size_t>> successors(const ir::Template &tmpl, const SymbolTable &symbols);

/// The nodes of [0, nodeCount) that `start` reaches along `graph` (itself
/// included); nodes past the end of `graph` have no edges of their own.
std::vector<bool> reachableFrom(size_t start, const std::vector<std::vector<size_t>> &graph,
                                size_t nodeCount);

/// By task index: the task is on no cycle of `graph`, so it runs at most
/// once per execution. Guessed edges count (a computed jump may go back
/// anywhere).
std::vector<bool> tasksOnNoCycle(const std::vector<std::vector<FlowEdge>> &graph);

} // namespace oosc::analysis
