//===- Loops.h - Loop: items, rate control, MaxErrors, aggregation --------===//
#pragma once

#include "executor/ExecutionState.h"

namespace oosc::runtime {

/// The OOS limit on a Loop's items.
constexpr size_t kMaxLoopItems = 1000;

/// Runs the task once per item (Concurrency mode on worker threads, Batch
/// mode batch after batch), tolerating MaxErrors failed items, and stores
/// the aggregated Loop Outputs.
Outcome<bool> runLoop(const TaskDef &task, size_t index, ExecutionState &state);

} // namespace oosc::runtime
