//===- Retry.cpp ------------------------------------------------------------===//
#include "executor/Retry.h"

#include "oosc/runtime/NumberRanges.h"
#include "text/MessageText.h"

#include <algorithm>
#include <cmath>

namespace oosc::runtime {

std::chrono::milliseconds RetryPolicy::delayBefore(unsigned attempt) const {
  double seconds = 0;
  switch (kind) {
  case Kind::Exponential:
    seconds = std::pow(2.0, attempt + 1); // 2^n seconds, n counted from 1
    break;
  case Kind::Constant:
    seconds = delaySeconds;
    break;
  case Kind::Linear:
    seconds = delaySeconds + backOff * attempt;
    break;
  }
  seconds = std::clamp(seconds, 0.0, maxIntervalSeconds);
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

namespace {

/// A retry setting: \p fallback when the task has none, else its number,
/// checked against \p range before any arithmetic sees it.
Outcome<double> number(Expr expr, Context &context, double fallback, const NumberRange &range) {
  if (!expr)
    return fallback;
  auto value = expr(context);
  if (!value)
    return value.error();
  return numberIn(range, value.value());
}

} // namespace

Outcome<RetryPolicy> retryPolicy(const TaskDef &task, Context &context, unsigned defaultRetries) {
  RetryPolicy policy;
  auto retries = number(task.retry.retries, context, defaultRetries, kRetriesRange);
  auto delay = number(task.retry.delay, context, 2, kDelayRange);
  auto backOff = number(task.retry.backOff, context, 2, kBackOffRange);
  auto maxInterval = number(task.retry.maxRetryInterval, context, 1800, kMaxRetryIntervalRange);
  for (auto *outcome : {&retries, &delay, &backOff, &maxInterval})
    if (!outcome->ok())
      return outcome->error();
  policy.retries = static_cast<unsigned>(retries.value());
  policy.delaySeconds = delay.value();
  policy.backOff = backOff.value();
  policy.maxIntervalSeconds = maxInterval.value();
  if (task.retry.delayType) {
    auto type = task.retry.delayType(context);
    if (!type)
      return type.error();
    std::string name = type.value().toDisplayString();
    if (sameName(name, "Constant"))
      policy.kind = RetryPolicy::Kind::Constant;
    else if (sameName(name, "Linear"))
      policy.kind = RetryPolicy::Kind::Linear;
    else if (!sameName(name, "Exponential"))
      return fail("DelayType must be Exponential, Constant or Linear, not " + text::quoteCut(name));
  }
  return policy;
}

} // namespace oosc::runtime
