#include "executor/OosChildren.h"

#include "executor/Progress.h"

#include <algorithm>

namespace oosc::runtime {

namespace {

std::string textAt(const Value &value, std::string_view name) {
  const Value *member = value.find(name);
  return member ? member->toDisplayString() : std::string();
}

/// The execution record ListExecutions gives for \p id, or why none.
Outcome<Value> executionRecord(CloudBackend &cloud, const std::string &id) {
  auto answer = cloud.call("OOS", "ListExecutions", Value(Value::Map{{"ExecutionId", Value(id)}}));
  if (!answer)
    return fail("OOS.ListExecutions of " + id + ": " + answer.error().code + ": " + answer.error().message);
  const Value *executions = answer.value().find("Executions");
  if (!executions || !executions->isList() || executions->getList().empty())
    return fail("OOS.ListExecutions does not list " + id);
  return executions->getList().front();
}

bool hasEnded(const std::string &status) {
  return status == "Success" || status == "Failed" || status == "Cancelled";
}

/// The execution's Outputs, a JSON object given as text.
Value outputsOf(const Value &record) {
  const Value *outputs = record.find("Outputs");
  if (outputs && outputs->isString())
    if (std::optional<Value> parsed = parseJson(outputs->getString()); parsed && parsed->isMap())
      return *parsed;
  return outputs && outputs->isMap() ? *outputs : Value(Value::Map{});
}

} // namespace

Outcome<Value> runOnOos(ActionCall &call, const std::string &name, const Value &parameters) {
  RunEnvironment &environment = call.state.environment;
  std::string item = call.loopItem >= 0 ? "[" + std::to_string(call.loopItem) + "]" : "";
  // The ClientToken makes a repeated start (after a dropped connection) the
  // same execution.
  Value request(Value::Map{{"TemplateName", Value(name)},
                           {"Parameters", Value(parameters.isMap() ? parameters.toJson() : "{}")},
                           {"Mode", Value("Automatic")},
                           {"ClientToken", Value(call.state.executionId + "/" + call.task.name + item)}});
  auto started = environment.cloud.call("OOS", "StartExecution", request);
  if (!started)
    return fail("OOS.StartExecution of " + name + ": " + started.error().code + ": " + started.error().message);
  const Value *execution = started.value().find("Execution");
  std::string id = execution ? textAt(*execution, "ExecutionId") : "";
  if (id.empty())
    return fail("OOS.StartExecution of " + name + " answered no ExecutionId");
  environment.progress.note("remote", {{"execution", Value(call.state.executionId)},
                                       {"task", Value(call.task.name + item)},
                                       {"template", Value(name)},
                                       {"oosExecution", Value(id)}},
                            "  " + call.task.name + item + ": " + name + " runs on OOS as " + id);
  // Polled every 2 s at first, then less often, up to every 20 s.
  std::chrono::milliseconds wait{2000};
  for (;;) {
    auto record = executionRecord(environment.cloud, id);
    if (!record)
      return record.error();
    std::string status = textAt(record.value(), "Status");
    if (hasEnded(status)) {
      if (status == "Success")
        return outputsOf(record.value());
      std::string why = textAt(record.value(), "StatusMessage");
      return fail(name + " ended " + status + " on OOS (execution " + id + ")" + (why.empty() ? "" : ": " + why));
    }
    if (environment.cancellation && environment.cancellation->requested && *environment.cancellation->requested)
      return fail("cancelled while " + name + " ran on OOS (execution " + id + " goes on there)");
    environment.clock.sleepFor(wait);
    wait = std::min(wait * 3 / 2, std::chrono::milliseconds(20000));
  }
}

} // namespace oosc::runtime
