//===- journal/Notifications.cpp - Waits and people's answers in the journal ===//
//
// The waits and notifications tables (their schema is in Journal.cpp): a
// waiting runner records its wait and polls for an answer; `RUNNER
// executions notify`, another process, records one.
//
//===----------------------------------------------------------------------===//
#include "oosc/runtime/Journal.h"

#include "journal/Statement.h"

#include <chrono>
#include <sstream>

namespace oosc::runtime {
namespace {

double wallClockNow() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

std::string joinVerbs(const std::vector<std::string> &verbs) {
  std::string text;
  for (const std::string &verb : verbs)
    text += (text.empty() ? "" : " ") + verb;
  return text;
}

std::vector<std::string> splitVerbs(const std::string &text) {
  std::vector<std::string> verbs;
  std::istringstream words(text);
  for (std::string verb; words >> verb;)
    verbs.push_back(verb);
  return verbs;
}

constexpr const char *kSelectWait = "SELECT task, question, verbs FROM waits WHERE execution_id = ?";

std::optional<JournalWait> readWait(Statement &select, const std::string &executionId) {
  select.text(1, executionId);
  if (select.step() != SQLITE_ROW)
    return std::nullopt;
  return JournalWait{select.column(0), select.column(1), splitVerbs(select.column(2))};
}

/// Runs \p body between BEGIN IMMEDIATE and COMMIT, or rolls back when it
/// fails: what it reads cannot change before what it writes commits.
template <typename Body>
auto inTransaction(sqlite3 *db, const std::string &path, Body body) -> decltype(body()) {
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    return failure(db, path, "cannot begin a transaction");
  auto result = body();
  if (result && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK)
    return result;
  Failure why = result ? failure(db, path, "cannot commit") : result.error();
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return why;
}

} // namespace

Outcome<bool> Journal::beginWait(const std::string &executionId, const JournalWait &wait) {
  std::lock_guard<std::mutex> lock(mutex_);
  return inTransaction(db_, path_, [&]() -> Outcome<bool> {
    Statement drop(prepared("UPDATE notifications SET taken = 1 WHERE execution_id = ? AND taken = 0"));
    Statement insert(prepared("INSERT OR REPLACE INTO waits (execution_id, task, question, verbs, since) "
                              "VALUES (?, ?, ?, ?, ?)"));
    if (drop.ok() && insert.ok()) {
      drop.text(1, executionId);
      insert.text(1, executionId).text(2, wait.task).text(3, wait.question);
      insert.text(4, joinVerbs(wait.verbs)).number(5, wallClockNow());
    }
    if (!drop.ok() || !insert.ok() || drop.step() != SQLITE_DONE || insert.step() != SQLITE_DONE)
      return failure(db_, path_, "cannot record the wait of " + executionId);
    return true;
  });
}

Outcome<bool> Journal::endWait(const std::string &executionId) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement remove(prepared("DELETE FROM waits WHERE execution_id = ?"));
  if (remove.ok())
    remove.text(1, executionId);
  if (!remove.ok() || remove.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot end the wait of " + executionId);
  return true;
}

Outcome<std::optional<JournalWait>> Journal::wait(const std::string &executionId) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(prepared(kSelectWait));
  if (!select.ok())
    return failure(db_, path_, "cannot read the wait of " + executionId);
  return readWait(select, executionId);
}

Outcome<PostedAnswer> Journal::postAnswer(const std::string &executionId, const std::string &verb) {
  std::lock_guard<std::mutex> lock(mutex_);
  return inTransaction(db_, path_, [&]() -> Outcome<PostedAnswer> {
    PostedAnswer answer;
    {
      Statement select(prepared(kSelectWait));
      if (!select.ok())
        return failure(db_, path_, "cannot read the wait of " + executionId);
      answer.wait = readWait(select, executionId);
    }
    bool accepted = false;
    for (const std::string &candidate : answer.wait ? answer.wait->verbs : std::vector<std::string>{})
      accepted = accepted || candidate == verb;
    if (!accepted)
      return answer;
    Statement insert(prepared("INSERT INTO notifications (execution_id, verb, recorded) VALUES (?, ?, ?)"));
    if (insert.ok())
      insert.text(1, executionId).text(2, verb).number(3, wallClockNow());
    if (!insert.ok() || insert.step() != SQLITE_DONE)
      return failure(db_, path_, "cannot record the answer to " + executionId);
    answer.recorded = true;
    return answer;
  });
}

Outcome<std::optional<std::string>> Journal::takeAnswer(const std::string &executionId) {
  std::lock_guard<std::mutex> lock(mutex_);
  return inTransaction(db_, path_, [&]() -> Outcome<std::optional<std::string>> {
    std::optional<std::string> verb;
    {
      Statement select(prepared("SELECT verb FROM notifications WHERE execution_id = ? AND taken = 0 "
                                "ORDER BY id LIMIT 1"));
      if (!select.ok())
        return failure(db_, path_, "cannot read the answers to " + executionId);
      select.text(1, executionId);
      if (select.step() == SQLITE_ROW)
        verb = select.column(0);
    }
    if (!verb)
      return verb;
    Statement mark(prepared("UPDATE notifications SET taken = 1 WHERE id = (SELECT min(id) FROM "
                            "notifications WHERE execution_id = ? AND taken = 0)"));
    Statement remove(prepared("DELETE FROM waits WHERE execution_id = ?"));
    if (mark.ok())
      mark.text(1, executionId);
    if (remove.ok())
      remove.text(1, executionId);
    if (!mark.ok() || !remove.ok() || mark.step() != SQLITE_DONE || remove.step() != SQLITE_DONE)
      return failure(db_, path_, "cannot take the answer to " + executionId);
    return verb;
  });
}

} // namespace oosc::runtime
