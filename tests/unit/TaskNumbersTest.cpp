//===- TaskNumbersTest.cpp - A task given a number out of range fails ------===//
//
// Issue 11: numbers from template text reached a runner's arithmetic
// unchecked. These tests run one-task templates in process (the executor
// on the simulated cloud and a virtual clock, as a runner does), the
// number given as a parameter, and check that the task fails naming the
// property and its range. Before the fix (checked) each out-of-range case
// succeeded, except NaN Retries (refused without the range) and the Sleeps
// of 400 digits and of '.S' (std::stod threw out of the runner): Retries
// past 300 were cut to 300, a negative Delay was taken, and a Concurrency
// of 1e300, a MaxRetryInterval of 1e300 s and a Sleep of 3.6e23 ms were
// converted to integers out of range (undefined behaviour).
//
//===----------------------------------------------------------------------===//
#include "executor/Executor.h"
#include "executor/Progress.h"
#include "oosc/runtime/Clock.h"
#include "oosc/runtime/Context.h"
#include "oosc/runtime/Simulator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace oosc::runtime {
namespace {

/// The template's only parameter: the number under test.
Outcome<Value> givenNumber(Context &context) { return context.parameter(0); }

Outcome<Value> sleepProperties(Context &context) {
  auto duration = context.parameter(0);
  if (!duration)
    return duration;
  return Value(Value::Map{{"Duration", duration.value()}});
}

Outcome<Value> describeRegions(Context &) {
  return Value(Value::Map{{"Service", Value("ECS")}, {"API", Value("DescribeRegions")}});
}

Outcome<Value> twoItems(Context &) { return Value(Value::List{Value(1), Value(2)}); }

Outcome<Value> concurrency(Context &context) {
  auto count = context.parameter(0);
  if (!count)
    return count;
  return Value(Value::Map{{"Concurrency", count.value()}});
}

Outcome<Value> batches(Context &context) {
  auto count = context.parameter(0);
  if (!count)
    return count;
  return Value(Value::Map{{"Mode", Value("Batch")}, {"Batch", Value(Value::List{count.value()})}});
}

/// What a one-task template does with \p number: its error, "" when it
/// succeeded.
std::string runWith(TaskDef task, const Value &number) {
  TemplateDef def;
  def.name = "numbers";
  def.parameters.resize(1);
  def.parameters[0].name = "number";
  def.tasks.push_back(std::move(task));
  VirtualClock clock;
  SimulatorOptions options;
  options.clock = &clock;
  SimulatedCloud cloud(options);
  std::ostringstream progressText;
  Progress progress(progressText, ProgressOptions{});
  RunEnvironment environment{cloud, clock, progress, {}, {}};
  ExecutionOutcome outcome = runExecution(def, {number}, environment, "exec-numbers");
  return outcome.status == ExecutionStatus::Success ? "" : outcome.error;
}

TaskDef taskOf(const char *name, const char *action, Expr properties) {
  TaskDef task;
  task.name = name;
  task.action = action;
  task.properties = properties;
  return task;
}

TaskDef sleepTask() { return taskOf("wait", "ACS::Sleep", sleepProperties); }

TaskDef apiTask() { return taskOf("call", "ACS::ExecuteAPI", describeRegions); }

TaskDef loopTask(Expr rateControl) {
  TaskDef task = apiTask();
  task.loop = LoopDef{twoItems, rateControl, {}};
  return task;
}

struct Case {
  const char *what;
  TaskDef task;
  Value number;
  const char *error; ///< a part of the task's error; nullptr: it succeeds
};

TEST(TaskNumbers, OutOfRangeFailsTheTaskNamingThePropertyAndRange) {
  TaskDef retries = apiTask(), delay = apiTask(), maxInterval = apiTask();
  retries.retry.retries = givenNumber;
  delay.retry.delay = givenNumber;
  maxInterval.retry.maxRetryInterval = givenNumber;
  const std::string days400 = "P" + std::string(400, '9') + "D";
  const Case cases[] = {
      {"Sleep PT1M", sleepTask(), Value("PT1M"), nullptr},
      {"Sleep past a year", sleepTask(), Value("PT99999999999999999H"),
       "duration 'PT99999999999999999H' is longer than 365 days (P365D)"},
      {"Sleep of 400 digits", sleepTask(), Value(days400), "is longer than 365 days (P365D)"},
      {"Sleep of no digits", sleepTask(), Value(".S"), "invalid duration '.S'"},
      {"Retries 3", retries, Value(3), nullptr},
      {"Retries NaN", retries, Value(std::nan("")), "Retries must be a number from 0 to 300, not 'NaN'"},
      {"Retries 1000", retries, Value(1000), "Retries must be a number from 0 to 300, not '1000'"},
      {"Delay -1", delay, Value(-1), "Delay must be a number from 0 to 3600, not '-1'"},
      {"MaxRetryInterval 1e300", maxInterval, Value(1e300),
       "MaxRetryInterval must be a number from 0 to 86400, not '1e+300'"},
      {"Concurrency 2", loopTask(concurrency), Value(2), nullptr},
      {"Concurrency 1e300", loopTask(concurrency), Value(1e300),
       "Concurrency must be a number from 0 to 1000000 or a percentage from 0% to 100%"},
      {"Concurrency inf", loopTask(concurrency), Value("inf"), "Concurrency must be a number from 0 to"},
      {"Concurrency 10abc", loopTask(concurrency), Value("10abc"), "Concurrency must be a number from 0 to"},
      {"Batch 150%", loopTask(batches), Value("150%"), "Batch must be a number from 0 to"},
  };
  for (const Case &c : cases) {
    std::string error = runWith(c.task, c.number);
    if (!c.error)
      EXPECT_EQ(error, "") << c.what;
    else
      EXPECT_NE(error.find(c.error), std::string::npos) << c.what << ": the task "
                                                         << (error.empty() ? "succeeded" : "failed: " + error);
  }
}

} // namespace
} // namespace oosc::runtime
