//===- Context.cpp - Reads for compiled expressions ------------------------===//
#include "oosc/runtime/Context.h"

#include "executor/ExecutionState.h"
#include "executor/Jq.h"
#include "oosc/runtime/Functions.h"

#include <cctype>

namespace oosc::runtime {

bool FoldedLess::operator()(std::string_view a, std::string_view b) const {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    int x = std::tolower(static_cast<unsigned char>(a[i]));
    int y = std::tolower(static_cast<unsigned char>(b[i]));
    if (x != y)
      return x < y;
  }
  return a.size() < b.size();
}

Outcome<Value> Context::parameter(size_t index) const {
  if (index >= state_->parameters.size())
    return fail("internal error: parameter " + std::to_string(index) + " does not exist");
  return state_->parameters[index];
}

Outcome<Value> Context::taskOutput(size_t task, std::string_view output) const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  const TaskDef &def = state_->def.tasks.at(task);
  const TaskResult &result = state_->tasks.at(task);
  auto it = result.outputs.find(output);
  if (it != result.outputs.end())
    return it->second;
  // A task its When skipped has no outputs, and reading one is no error:
  // Alibaba's public templates output what such a task would have made
  // (ACS-TAG-UpdateTag's untagResult, ACS-RAM-ApproveAttachCustomPolicyToUser's
  // stackId). A task that failed or never ran is still an error to read.
  if (result.status == TaskStatus::Skipped)
    return Value();
  std::string why = result.status == TaskStatus::NotRun    ? "has not run"
                    : result.status == TaskStatus::Failed  ? "failed"
                                                           : "produced no such output";
  return fail("output '" + std::string(output) + "' of task '" + def.name + "' is not available: the task " +
              why);
}

static std::string utcNow(const Clock &clock) { return formatUtc(toUnixMillis(clock.now())); }

Outcome<Value> Context::pseudo(Pseudo which) const {
  const RunEnvironment &environment = state_->environment;
  switch (which) {
  case Pseudo::RegionId:
    return Value(environment.regionId);
  case Pseudo::ExecutionId:
    return Value(state_->executionId);
  case Pseudo::TaskLoopItem:
    if (!loopItem_) {
      if (loopItemAsked_)
        *loopItemAsked_ = true;
      return fail("ACS::TaskLoopItem is only defined inside a task's Loop");
    }
    return *loopItem_;
  case Pseudo::AccountId:
    return Value(environment.accountId);
  case Pseudo::CurrentUTCTime:
    return Value(utcNow(environment.clock));
  case Pseudo::CurrentDate:
    return Value(utcNow(environment.clock).substr(0, 10)); // YYYY-MM-DD
  case Pseudo::ExecuteUser:
    return Value(environment.user);
  case Pseudo::OOSUtilVersion:
    return Value("1.0.0");
  }
  return fail("unknown pseudo parameter");
}

Outcome<Value> Context::storeParameter(std::string_view name, bool secret) const {
  // The parameter store is a cloud service: ask the backend, as OOS does.
  Value request(Value::Map{{"Name", Value(name)}, {"WithDecryption", Value(secret)}});
  auto response = state_->environment.cloud.call(
      "OOS", secret ? "GetSecretParameter" : "GetParameter", request);
  if (!response)
    return fail(std::string(secret ? "oos-secret:" : "oos:") + std::string(name) + ": " +
                response.error().message);
  const Value *parameter = response.value().find("Parameter");
  const Value *value = parameter ? parameter->find("Value") : nullptr;
  if (!value)
    return fail("oos:" + std::string(name) + ": the response has no Parameter.Value");
  return *value;
}

Outcome<Value> Context::call(std::string_view function, const Value &argument) const {
  FunctionEnvironment environment;
  environment.jq = [](std::string_view program, const Value &input) {
    return threadJqEngine().run(program, input);
  };
  const Clock &clock = state_->environment.clock;
  environment.now = [&clock] { return clock.now(); };
  return callFunction(function, argument, environment);
}

} // namespace oosc::runtime
