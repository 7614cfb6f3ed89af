//===- Steering.cpp - Decision points and the wait for an answer ------------===//
#include "executor/Steering.h"

#include "executor/Actions.h"
#include "executor/ApiActions.h"
#include "executor/Progress.h"
#include "executor/StepRecords.h"
#include "oosc/runtime/Journal.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace oosc::runtime {
namespace {

/// How often a waiting execution looks for an answer (real time, whatever
/// the clock of the simulation): quick for a person, idle for the machine.
constexpr std::chrono::milliseconds kPollInterval{200};

template <typename Enum> struct Named {
  Enum value;
  std::string_view name;
};

constexpr Named<ExecutionMode> kModes[] = {{ExecutionMode::Automatic, "Automatic"},
                                           {ExecutionMode::Debug, "Debug"},
                                           {ExecutionMode::FailurePause, "FailurePause"}};
constexpr Named<LoopMode> kLoopModes[] = {{LoopMode::Automatic, "Automatic"},
                                          {LoopMode::FirstBatchPause, "FirstBatchPause"},
                                          {LoopMode::EveryBatchPause, "EveryBatchPause"}};
/// Lower case, as `executions notify` takes them.
constexpr Named<Verb> kVerbs[] = {{Verb::Run, "run"},         {Verb::Skip, "skip"},
                                  {Verb::Complete, "complete"}, {Verb::Retry, "retry"},
                                  {Verb::Approve, "approve"},   {Verb::Reject, "reject"},
                                  {Verb::Resume, "resume"},     {Verb::Cancel, "cancel"}};

template <typename Enum, size_t N>
std::string_view nameOf(const Named<Enum> (&table)[N], Enum value) {
  for (const Named<Enum> &entry : table)
    if (entry.value == value)
      return entry.name;
  return "";
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const Named<Enum> (&table)[N], std::string_view name) {
  for (const Named<Enum> &entry : table)
    if (sameName(entry.name, name))
      return entry.value;
  return std::nullopt;
}

std::string joinedNames(const std::vector<std::string> &names) {
  std::string text;
  for (size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return text;
}

/// A person cancelled: from here on the execution is cancelled as if by a
/// signal, and this decision point is the one that acted on it.
void cancelByAnswer(Cancellation *cancel) {
  if (!cancel)
    return;
  cancel->answered.store(true);
  cancel->take();
}

/// Records the wait (the waits table first: once the journal says Waiting,
/// `executions notify` is sure to find it), then polls every source until
/// one answers or a signal cancels.
Verb waitForAnswer(Steering &steering, ExecutionState &state, const TaskDef &task,
                   const Question &question) {
  Cancellation *cancel = state.environment.cancellation;
  for (auto &source : steering.sources)
    source->begin(question);
  taskWaiting(state, task, question.text, question.acceptedNames());
  std::optional<Verb> answer;
  while (!answer) {
    for (auto &source : steering.sources)
      if (!answer)
        answer = source->poll(question);
    if (!answer && cancel && cancel->isRequested())
      answer = Verb::Cancel;
    if (!answer)
      std::this_thread::sleep_for(kPollInterval);
  }
  for (auto &source : steering.sources)
    source->end(question);
  if (answer == Verb::Cancel)
    cancelByAnswer(cancel);
  waitEnded(state, task, verbName(*answer));
  return *answer;
}

/// The answer given in advance (--answer) that applies to \p question,
/// said in the progress so the log shows who answered.
std::optional<Verb> givenAnswer(const Steering &steering, ExecutionState &state, const Question &question) {
  for (const GivenAnswer &given : steering.given)
    if ((given.task.empty() || given.task == question.task) && question.accepts(given.verb)) {
      std::string verb(verbName(given.verb));
      state.environment.progress.note("answer",
                                      {{"execution", Value(question.executionId)},
                                       {"task", Value(question.task)},
                                       {"verb", Value(verb)}},
                                      "  " + question.task + " " + question.text + ": " + verb + " (--answer)");
      return given.verb;
    }
  return std::nullopt;
}

/// Asks \p question and waits. Nothing: unattended. A Failure: nobody can
/// answer (no terminal, no journal).
Outcome<std::optional<Verb>> ask(ExecutionState &state, const TaskDef &task, std::string text,
                                 std::vector<Verb> accepted) {
  Cancellation *cancel = state.environment.cancellation;
  if (cancel && cancel->isRequested()) {
    if (!cancel->take())
      return std::optional<Verb>();
    return std::optional<Verb>(Verb::Cancel);
  }
  Steering *steering = state.environment.steering;
  Question question{state.executionId, task.name, std::move(text), std::move(accepted)};
  if (steering)
    if (std::optional<Verb> given = givenAnswer(*steering, state, question))
      return std::optional<Verb>(given);
  if (!steering || steering->sources.empty())
    return fail("cannot wait for an answer (" + question.text + "): stdin is not a terminal, "
                "there is no journal for `executions notify` and no --answer for task '" + question.task +
                "' takes " + joinedNames(question.acceptedNames()));
  std::lock_guard<std::mutex> lock(steering->asking);
  return std::optional<Verb>(waitForAnswer(*steering, state, task, question));
}

ExecutionMode modeOf(const ExecutionState &state) {
  const Steering *steering = state.environment.steering;
  return steering && state.environment.depth == 0 ? steering->mode : ExecutionMode::Automatic;
}

Failure cancelled(std::string message) { return Failure{std::move(message), true}; }

} // namespace

std::string_view modeName(ExecutionMode mode) { return nameOf(kModes, mode); }
std::optional<ExecutionMode> parseMode(std::string_view text) { return valueOf(kModes, text); }
std::string_view loopModeName(LoopMode mode) { return nameOf(kLoopModes, mode); }
std::optional<LoopMode> parseLoopMode(std::string_view text) { return valueOf(kLoopModes, text); }
std::string_view verbName(Verb verb) { return nameOf(kVerbs, verb); }
std::optional<Verb> parseVerb(std::string_view text) { return valueOf(kVerbs, text); }

std::vector<std::string> Question::acceptedNames() const {
  std::vector<std::string> names;
  for (Verb verb : accepted)
    names.emplace_back(verbName(verb));
  return names;
}

bool Question::accepts(Verb verb) const {
  return std::find(accepted.begin(), accepted.end(), verb) != accepted.end();
}

std::optional<std::string> prepareSteering(Steering &steering, const std::string &program,
                                           Journal *journal, bool jsonLog, Cancellation *cancel) {
  if (journal) // first: its hint is printed before the terminal's prompt
    steering.sources.push_back(
        journalAnswers(*journal, program, jsonLog ? nullptr : &std::cerr, cancel));
  if (isatty(STDIN_FILENO))
    steering.sources.push_back(terminalAnswers(STDIN_FILENO, std::cerr));
  bool asks = steering.mode != ExecutionMode::Automatic || steering.loopMode != LoopMode::Automatic;
  if (asks && steering.sources.empty())
    return "--mode " + std::string(modeName(steering.mode)) + " --loop-mode " +
           std::string(loopModeName(steering.loopMode)) +
           " wait for answers, but stdin is not a terminal and there is no journal for "
           "`executions notify` (drop --no-journal)";
  return std::nullopt;
}

std::string_view recordedMode(const RunEnvironment &environment) {
  bool topLevel = environment.depth == 0 && environment.steering;
  return modeName(topLevel ? environment.steering->mode : ExecutionMode::Automatic);
}

Verb askBeforeTask(ExecutionState &state, const TaskDef &task) {
  if (modeOf(state) != ExecutionMode::Debug)
    return Verb::Run;
  auto answer = ask(state, task, "about to run",
                    {Verb::Run, Verb::Skip, Verb::Complete, Verb::Cancel});
  // The runner refuses Debug mode when nobody can answer.
  return answer && answer.value() ? *answer.value() : Verb::Run;
}

std::optional<Verb> askAfterFailure(ExecutionState &state, const TaskDef &task,
                                    const std::string &error) {
  if (modeOf(state) != ExecutionMode::FailurePause)
    return std::nullopt;
  auto answer = ask(state, task, "failed: " + error,
                    {Verb::Retry, Verb::Skip, Verb::Cancel});
  return answer ? answer.value() : std::nullopt;
}

Outcome<bool> pauseBetweenBatches(ExecutionState &state, const TaskDef &task,
                                  std::optional<LoopMode> taskOption, size_t batch, size_t done,
                                  size_t total) {
  const Steering *steering = state.environment.steering;
  // The task's own pauses, else the execution's (--loop-mode).
  LoopMode mode = taskOption.value_or(LoopMode::Automatic);
  if (mode == LoopMode::Automatic && steering)
    mode = steering->loopMode;
  bool pauses = mode == LoopMode::EveryBatchPause || (mode == LoopMode::FirstBatchPause && batch == 0);
  if (!pauses || done >= total)
    return true;
  auto answer = ask(state, task,
                    "ran batch " + std::to_string(batch + 1) + " (" +
                        std::to_string(done) + " of " + std::to_string(total) + " items)",
                    {Verb::Resume, Verb::Cancel});
  if (!answer)
    return answer.error();
  if (answer.value() == Verb::Cancel)
    return cancelled("after " + std::to_string(done) + " of " + std::to_string(total) +
                     " loop items");
  return true;
}

Outcome<Value> approve(ActionCall &call) {
  if (call.properties.findCaseInsensitive("WebHook")) // tell the approvers
    if (auto posted = notify(call); !posted)
      return posted.error();
  auto answer = ask(call.state, call.task, "waits for approval",
                    {Verb::Approve, Verb::Reject, Verb::Cancel});
  if (!answer)
    return answer.error();
  if (answer.value() == Verb::Approve)
    return Value(Value::Map{});
  // Rejected, or cancelled (also unattended: an approval is never assumed).
  cancelByAnswer(call.state.environment.cancellation);
  return cancelled(answer.value() == Verb::Reject ? "rejected" : "while it waited for approval");
}

Outcome<Value> pause(ActionCall &call) {
  auto answer = ask(call.state, call.task, "paused",
                    {Verb::Resume, Verb::Cancel});
  if (!answer)
    return answer.error();
  if (answer.value() == Verb::Cancel)
    return cancelled("while it was paused");
  return Value(Value::Map{});
}

} // namespace oosc::runtime
