//===- Steering.h - Where a person steers an execution (runtime internal) -===//
//
// The executor asks a person at a few decision points: before each task in
// Debug mode, after a failure in FailurePause mode, between the batches of a
// loop (--loop-mode, a Loop's BatchPauseOption), and at ACS::Approve and
// ACS::Pause. The execution waits (status Waiting in the journal) until an
// answer comes from one of the answer sources: the terminal, or
// `RUNNER executions notify` through the journal. SIGINT and SIGTERM end a
// wait as a cancel.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/ExecutionState.h"

#include <memory>
#include <optional>
#include <vector>

namespace oosc::runtime {

struct ActionCall;

/// --mode (StartExecution's Mode): when the executor stops to ask.
enum class ExecutionMode : uint8_t { Automatic, Debug, FailurePause };
/// --loop-mode (StartExecution's LoopMode), or a Loop's BatchPauseOption.
enum class LoopMode : uint8_t { Automatic, FirstBatchPause, EveryBatchPause };
/// The answers a waiting execution takes (NotifyExecution's verbs).
enum class Verb : uint8_t { Run, Skip, Complete, Retry, Approve, Reject, Resume, Cancel };

std::string_view modeName(ExecutionMode mode);
std::optional<ExecutionMode> parseMode(std::string_view text);
std::string_view loopModeName(LoopMode mode);
std::optional<LoopMode> parseLoopMode(std::string_view text);
std::string_view verbName(Verb verb);
std::optional<Verb> parseVerb(std::string_view text);

/// One wait: which execution, at which task, asking what, accepting which answers.
struct Question {
  std::string executionId;
  std::string task;
  std::string text; ///< what happened: "failed: ...", "waits for approval"
  std::vector<Verb> accepted;

  std::vector<std::string> acceptedNames() const;
  bool accepts(Verb verb) const;
};

/// Somewhere an answer can come from. A wait calls begin, then poll until
/// some source answers (or the execution is cancelled), then end.
class AnswerSource {
public:
  virtual ~AnswerSource() = default;
  virtual void begin(const Question &question) = 0;
  /// An answer the question accepts, if one came; never blocks.
  virtual std::optional<Verb> poll(const Question &question) = 0;
  virtual void end(const Question &question) = 0;
};

/// A person at the terminal on \p fd (stdin), asked on \p prompts (stderr).
/// End of input answers cancel.
std::unique_ptr<AnswerSource> terminalAnswers(int fd, std::ostream &prompts);
/// `RUNNER executions notify` through \p journal; \p program names the
/// runner in the hint it prints on \p hints (null: none, as with --log
/// json, whose waiting event says it all). A journal that cannot be
/// written raises \p cancel's journalLost.
std::unique_ptr<AnswerSource> journalAnswers(Journal &journal, const std::string &program,
                                             std::ostream *hints, Cancellation *cancel);

/// An answer given in advance (--answer [TASK=]VERB): \p verb for every
/// question of task \p task that accepts it; an empty task: of any task.
struct GivenAnswer {
  std::string task;
  Verb verb = Verb::Approve;
};

/// How a runner's executions are steered; shared by an execution and its
/// children (the modes apply to the top-level execution only).
struct Steering {
  ExecutionMode mode = ExecutionMode::Automatic;
  LoopMode loopMode = LoopMode::Automatic;
  /// Answers given in advance: a question one applies to does not wait.
  std::vector<GivenAnswer> given;
  /// Empty: nobody can answer, so nothing may wait.
  std::vector<std::unique_ptr<AnswerSource>> sources;
  /// One question at a time: children in a loop may wait together.
  std::mutex asking;
};

/// The answer sources of a runner: its terminal when stdin is one, and its
/// journal when it has one (with a hint line unless \p jsonLog). An error
/// when the modes need answers and nobody can give them.
std::optional<std::string> prepareSteering(Steering &steering, const std::string &program,
                                           Journal *journal, bool jsonLog,
                                           Cancellation *cancel = nullptr);

/// The mode the journal records for an execution of \p environment.
std::string_view recordedMode(const RunEnvironment &environment);

// Decision points. "Unattended" below: the execution was cancelled before
// (a signal, a cancel answer), so nobody is asked and it goes on as in
// Automatic mode, running its cleanup.

/// Debug mode, before \p task: Run, Skip, Complete or Cancel. Run when not
/// in Debug mode, or unattended.
Verb askBeforeTask(ExecutionState &state, const TaskDef &task);
/// FailurePause mode, after \p task failed: Retry, Skip or Cancel; nothing
/// when not in FailurePause mode, or unattended.
std::optional<Verb> askAfterFailure(ExecutionState &state, const TaskDef &task,
                                    const std::string &error);
/// After batch \p batch (0-based) of a loop, \p done of \p total items run:
/// true to go on; a Failure (cancelled) when a person cancels, or when the
/// loop should pause and nobody can answer.
Outcome<bool> pauseBetweenBatches(ExecutionState &state, const TaskDef &task,
                                  std::optional<LoopMode> taskOption, size_t batch, size_t done,
                                  size_t total);

/// ACS::Approve: waits for approve (goes on), reject or cancel (the
/// execution is cancelled). A WebHook, when given, is posted first.
Outcome<Value> approve(ActionCall &call);
/// ACS::Pause: waits for resume or cancel.
Outcome<Value> pause(ActionCall &call);

} // namespace oosc::runtime
