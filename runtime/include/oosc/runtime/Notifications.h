// Notifications.h - Answers to a waiting execution, through its journal.
//
// An execution that waits for a person (--mode Debug or FailurePause, a
// batch pause, ACS::Approve, ACS::Pause) and has no terminal to ask on
// records its wait in the journal file: the task, the question and the verbs
// it accepts. `RUNNER executions notify ID VERB`, run from another process,
// records an answer; the waiting runner polls for it and takes it. Both sides
// work in one SQLite transaction each, so an answer is only ever recorded
// for a wait that accepts it, and taken once.
#ifndef OOSC_RUNTIME_NOTIFICATIONS_H
#define OOSC_RUNTIME_NOTIFICATIONS_H

#include "oosc/runtime/Outcome.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace oosc::runtime {

/// One execution waiting for an answer.
struct JournalWait {
  std::string task;
  std::string question;
  std::vector<std::string> verbs; ///< the answers it accepts, e.g. retry, skip, cancel
};

/// What became of an answer sent to an execution.
struct PostedAnswer {
  bool recorded = false;
  std::optional<JournalWait> wait; ///< none: the execution does not wait
};

class Notifications {
public:
  /// Opens the journal file at \p path and creates the two tables (waits,
  /// notifications) if they are missing.
  static Outcome<std::unique_ptr<Notifications>> open(const std::string &path);
  ~Notifications();
  Notifications(const Notifications &) = delete;
  Notifications &operator=(const Notifications &) = delete;

  /// The execution starts waiting; answers sent before are dropped, so an
  /// old one cannot answer a new question.
  Outcome<bool> beginWait(const std::string &executionId, const JournalWait &wait);
  /// The wait ended another way (answered on the terminal, cancelled).
  Outcome<bool> endWait(const std::string &executionId);
  Outcome<std::optional<JournalWait>> wait(const std::string &executionId);

  /// Records \p verb for the execution if it waits for that verb.
  Outcome<PostedAnswer> post(const std::string &executionId, const std::string &verb);
  /// The first answer not taken yet, if any: taken, and the wait ended.
  Outcome<std::optional<std::string>> take(const std::string &executionId);

  const std::string &path() const { return path_; }

private:
  Notifications(std::string path, sqlite3 *db) : path_(std::move(path)), db_(db) {}
  Outcome<bool> execute(const std::string &sql);

  std::string path_;
  sqlite3 *db_ = nullptr;
};

} // namespace oosc::runtime

#endif // OOSC_RUNTIME_NOTIFICATIONS_H
