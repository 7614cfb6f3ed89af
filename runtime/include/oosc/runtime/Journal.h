// Journal.h - Every execution recorded in an SQLite database.
//
// A runner records each execution (template, parameters with secrets masked,
// status, outputs), each task and each loop item (status, outputs, start,
// end, error) as it goes. Every record is its own transaction, committed
// before the runner moves on, in WAL mode: a crash of the runner or a kill -9
// loses nothing that was recorded. (synchronous=NORMAL: an operating-system
// crash or power cut may lose the last records, never the database's
// consistency; FULL would cost an fsync a record, about 0.4 ms.) Each cloud API call is recorded
// too (service, API, request id, result). `RUNNER executions list|show`
// read it back.
#ifndef OOSC_RUNTIME_JOURNAL_H
#define OOSC_RUNTIME_JOURNAL_H

#include "oosc/runtime/Outcome.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace oosc::runtime {

/// One execution as the journal holds it.
struct JournalExecution {
  std::string id;
  std::string templateName;
  std::string parametersJson; ///< secret values replaced by "******"
  std::string mode;
  std::string status;
  std::string parentId; ///< empty for a top-level execution
  std::string outputsJson;
  std::string error;
  double started = 0, ended = 0; ///< seconds since the epoch; ended 0: not ended
  /// The index of the task to run next (-1: the end): where `--resume`
  /// continues. Moved in the same transaction as the step that ended.
  int cursor = 0;
  /// The process running it, so a resume can refuse to run it twice.
  int runnerPid = 0;
  std::string runnerHost{};
};

/// One task, or one item of a task's loop (`loopItem` >= 0).
struct JournalStep {
  std::string task;
  int loopItem = -1;
  std::string status;
  std::string outputsJson;
  std::string error;
  double started = 0, ended = 0;
  /// Which run of the task (a backward jump runs a task again), from 1.
  int run = 1;
};

/// One cloud API call a task made (parameters and responses are not kept:
/// they may hold secrets, and the cloud keeps its own record by request id).
struct JournalApiCall {
  std::string task;
  std::string service;
  std::string api;
  std::string requestId;
  std::string result; ///< "Sent" until answered, then "Success" or the error code
  double at = 0;
  int loopItem = -1;
  /// Names the call within its execution (task, run, loop item, ordinal)
  /// for calls that change resources, so a resumed step finds what it
  /// sent before; empty for reads.
  std::string key{};
  long long row = 0; ///< set when read back: what finishApiCall takes
};

/// What an ACS::TimerTrigger execution resolved its schedule to (times in
/// seconds since the epoch on the runner's clock), so that a runner started
/// again for it (--resume-schedule) continues the same schedule.
struct JournalSchedule {
  std::string triggerId;
  std::string type, expression, timeZone;
  double start = 0, end = 0;
};

/// One firing of a trigger: the child execution it started and its status,
/// or why none was started ("Missed": no runner was up; "Skipped": the
/// previous firing was still running; "Interrupted": the runner stopped
/// during its child).
struct JournalFiring {
  std::string triggerId;
  double scheduledAt = 0;
  std::string childId; ///< empty: no child was started
  std::string status;
};

/// An execution waiting for a person to answer (--mode Debug or
/// FailurePause, a batch pause, ACS::Approve, ACS::Pause) with one of
/// \p verbs, through `RUNNER executions notify`.
struct JournalWait {
  std::string task;
  std::string question; ///< what happened: "failed: ...", "waits for approval"
  std::vector<std::string> verbs;
};

/// What became of an answer sent to an execution.
struct PostedAnswer {
  bool recorded = false;
  std::optional<JournalWait> wait; ///< none: the execution does not wait
};

/// This machine's name, as the journal records runners.
std::string runnerHostName();

/// Whether the process recorded as running \p execution is alive on this
/// machine (a runner on another machine counts as alive: it cannot be told).
bool runnerIsAlive(const JournalExecution &execution);

class Journal {
public:
  /// Opens or creates the database at \p path (its folder too) and its
  /// schema; the error names the file and says what failed.
  static Outcome<std::unique_ptr<Journal>> open(const std::string &path);
  ~Journal();
  Journal(const Journal &) = delete;
  Journal &operator=(const Journal &) = delete;

  /// A new execution id that no execution of this journal has, whatever
  /// the world that numbers ids says (a world started afresh, another state
  /// file): in one write transaction, so runners sharing the journal take
  /// turns, \p propose is asked for an id numbered past the highest
  /// "<prefix><number>" id the journal holds, and the id is recorded at
  /// once as a Starting execution of this process, which beginExecution
  /// then fills in.
  Outcome<std::string>
  reserveExecutionId(const std::string &prefix,
                     const std::function<Outcome<std::string>(std::int64_t atLeast)> &propose);
  /// Records a new execution, or fills in the one this process reserved.
  /// An id the journal already holds otherwise is an error, never a merge.
  Outcome<bool> beginExecution(const JournalExecution &execution);
  Outcome<bool> finishExecution(const std::string &id, const std::string &status,
                                const std::string &outputsJson, const std::string &error,
                                double ended);
  /// Running, or Waiting while a person is asked (see beginWait).
  Outcome<bool> setExecutionStatus(const std::string &id, const std::string &status);
  /// Inserts the step or replaces the earlier record of the same step; a
  /// \p cursor (the task to run next) is moved in the same transaction.
  Outcome<bool> recordStep(const std::string &executionId, const JournalStep &step,
                           std::optional<int> cursor = std::nullopt);

  /// Records a call; returns its row, for finishApiCall.
  Outcome<long long> recordApiCall(const std::string &executionId, const JournalApiCall &call);
  /// The answer to a call recorded as "Sent".
  Outcome<bool> finishApiCall(long long row, const std::string &requestId, const std::string &result);

  /// A resumed execution is running again, in this process, in \p mode.
  Outcome<bool> reopenExecution(const std::string &id, int runnerPid, const std::string &runnerHost,
                                const std::string &mode);

  /// Newest first.
  Outcome<std::vector<JournalExecution>> executions();
  Outcome<std::optional<JournalExecution>> execution(const std::string &id);
  /// Child executions of \p parentId, in the order they started.
  Outcome<std::vector<JournalExecution>> children(const std::string &parentId);
  /// In the order they were first recorded.
  Outcome<std::vector<JournalStep>> steps(const std::string &executionId);
  /// In the order they were made.
  Outcome<std::vector<JournalApiCall>> apiCalls(const std::string &executionId);

  /// Triggers (runtime/src/journal/Schedules.cpp). A firing replaces the
  /// earlier record of the same trigger and time.
  Outcome<bool> recordSchedule(const JournalSchedule &schedule);
  Outcome<std::optional<JournalSchedule>> schedule(const std::string &triggerId);
  Outcome<bool> recordFiring(const JournalFiring &firing);
  /// In the order they were scheduled.
  Outcome<std::vector<JournalFiring>> firings(const std::string &triggerId);

  /// People's answers (runtime/src/journal/Notifications.cpp): the waits
  /// table says which execution waits for which verbs, the notifications
  /// table holds what `executions notify` sent. Each side works in one
  /// transaction, so an answer is only recorded for a wait that takes it,
  /// and taken once. Beginning a wait drops answers sent before it.
  Outcome<bool> beginWait(const std::string &executionId, const JournalWait &wait);
  /// The wait ended another way (answered on the terminal, cancelled).
  Outcome<bool> endWait(const std::string &executionId);
  Outcome<std::optional<JournalWait>> wait(const std::string &executionId);
  /// Records \p verb for the execution if it waits for that verb.
  Outcome<PostedAnswer> postAnswer(const std::string &executionId, const std::string &verb);
  /// The first answer not taken yet, if any: taken, and the wait ended.
  Outcome<std::optional<std::string>> takeAnswer(const std::string &executionId);

  const std::string &path() const { return path_; }

private:
  Journal(std::string path, sqlite3 *db) : path_(std::move(path)), db_(db) {}
  Outcome<bool> execute(const std::string &sql);
  /// execute, waiting out another process's lock (up to about 5 s).
  Outcome<bool> executeWhenFree(const std::string &sql);
  Outcome<std::string>
  reserveInTransaction(const std::string &prefix,
                       const std::function<Outcome<std::string>(std::int64_t)> &propose);
  Outcome<bool> writeStep(const std::string &executionId, const JournalStep &step,
                          std::optional<int> cursor);
  /// The statement for \p sql, prepared once and reset for each use; null
  /// when it does not compile. Called with the mutex held.
  sqlite3_stmt *prepared(const char *sql);

  std::string path_;
  sqlite3 *db_ = nullptr;
  /// Loop items finish on several threads; one connection, one writer.
  std::mutex mutex_;
  std::map<std::string, sqlite3_stmt *> statements_;
};

} // namespace oosc::runtime

#endif // OOSC_RUNTIME_JOURNAL_H
