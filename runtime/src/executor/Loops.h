//===- Loops.h - Loop: items, rate control, MaxErrors, aggregation --------===//
#pragma once

#include "executor/ExecutionState.h"

namespace oosc::runtime {

/// The OOS limit on a Loop's items.
constexpr size_t kMaxLoopItems = 1000;

/// Runs the task once per item (Concurrency mode on worker threads, Batch
/// mode batch after batch), tolerating MaxErrors failed items, and stores
/// the aggregated Loop Outputs.
/// Runs a looped task's items; with \p whenPerItem, each item first
/// evaluates the task's When with itself as ACS::TaskLoopItem and is
/// skipped (no outputs, no failure) where it is false.
Outcome<bool> runLoop(const TaskDef &task, size_t index, ExecutionState &state, bool whenPerItem = false);

} // namespace oosc::runtime
