//===- Retry.h - Retries, Delay, DelayType, BackOff, MaxRetryInterval ------===//
#pragma once

#include "executor/ExecutionState.h"

#include <chrono>

namespace oosc::runtime {

/// A task's retry settings, evaluated, with the documented defaults.
struct RetryPolicy {
  unsigned retries = 0;
  enum class Kind : uint8_t { Exponential, Constant, Linear } kind = Kind::Exponential;
  double delaySeconds = 2;
  double backOff = 2;
  double maxIntervalSeconds = 1800;

  /// The wait before retry number `attempt` (0 for the first retry).
  std::chrono::milliseconds delayBefore(unsigned attempt) const;
};

/// Reads the task's retry keys; `defaultRetries` is 10 for WaitFor, 0 otherwise.
Outcome<RetryPolicy> retryPolicy(const TaskDef &task, Context &context, unsigned defaultRetries);

} // namespace oosc::runtime
