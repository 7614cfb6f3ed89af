//===- Retry.cpp ------------------------------------------------------------===//
#include "executor/Retry.h"

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

Outcome<double> number(Expr expr, Context &context, double fallback, std::string_view key) {
  if (!expr)
    return fallback;
  auto value = expr(context);
  if (!value)
    return value.error();
  auto converted = coerceToType(ParameterType::Number, value.value());
  if (!converted)
    return fail(std::string(key) + " must be a number, not " + value.value().toJson());
  return converted->getNumber();
}

} // namespace

Outcome<RetryPolicy> retryPolicy(const TaskDef &task, Context &context, unsigned defaultRetries) {
  RetryPolicy policy;
  auto retries = number(task.retry.retries, context, defaultRetries, "Retries");
  auto delay = number(task.retry.delay, context, 2, "Delay");
  auto backOff = number(task.retry.backOff, context, 2, "BackOff");
  auto maxInterval = number(task.retry.maxRetryInterval, context, 1800, "MaxRetryInterval");
  for (auto *outcome : {&retries, &delay, &backOff, &maxInterval})
    if (!outcome->ok())
      return outcome->error();
  // Documented range of Retries: 0 to 300.
  policy.retries = static_cast<unsigned>(std::clamp(retries.value(), 0.0, 300.0));
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
      return fail("DelayType must be Exponential, Constant or Linear, not '" + name + "'");
  }
  return policy;
}

} // namespace oosc::runtime
