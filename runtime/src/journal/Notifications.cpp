//===- Notifications.cpp - The waits and notifications tables ---------------===//
#include "oosc/runtime/Notifications.h"

#include <sqlite3.h>

#include <chrono>
#include <sstream>

namespace oosc::runtime {
namespace {

constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS waits (
  execution_id TEXT PRIMARY KEY,
  task TEXT NOT NULL,
  question TEXT NOT NULL,
  verbs TEXT NOT NULL,
  since REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS notifications (
  id INTEGER PRIMARY KEY,
  execution_id TEXT NOT NULL,
  verb TEXT NOT NULL,
  recorded REAL NOT NULL,
  taken INTEGER NOT NULL DEFAULT 0
);
)sql";

double wallClockNow() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

/// One statement, prepared, bound with text and finalized when it goes.
class Query {
public:
  Query(sqlite3 *db, const char *sql, std::initializer_list<std::string> texts) {
    if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK)
      return;
    int index = 1;
    for (const std::string &text : texts)
      sqlite3_bind_text(statement_, index++, text.c_str(), static_cast<int>(text.size()),
                        SQLITE_TRANSIENT);
  }
  ~Query() { sqlite3_finalize(statement_); }
  Query(const Query &) = delete;
  Query &operator=(const Query &) = delete;

  Query &number(int index, double value) {
    sqlite3_bind_double(statement_, index, value);
    return *this;
  }
  Query &integer(int index, int64_t value) {
    sqlite3_bind_int64(statement_, index, value);
    return *this;
  }
  /// SQLITE_ROW, SQLITE_DONE or an error code (also when it did not compile).
  int step() { return statement_ ? sqlite3_step(statement_) : SQLITE_ERROR; }
  bool run() { return step() == SQLITE_DONE; }
  std::string column(int index) {
    const unsigned char *value = sqlite3_column_text(statement_, index);
    return value ? reinterpret_cast<const char *>(value) : "";
  }
  int64_t integerColumn(int index) { return sqlite3_column_int64(statement_, index); }

private:
  sqlite3_stmt *statement_ = nullptr;
};

/// BEGIN IMMEDIATE ... COMMIT, rolled back unless committed: the check and
/// the write of a post or a take see no other writer in between.
class Transaction {
public:
  explicit Transaction(sqlite3 *db) : db_(db) {
    begun_ = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  ~Transaction() {
    if (begun_ && !committed_)
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  bool begun() const { return begun_; }
  bool commit() {
    committed_ = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    return committed_;
  }

private:
  sqlite3 *db_;
  bool begun_ = false, committed_ = false;
};

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

std::optional<JournalWait> readWait(sqlite3 *db, const std::string &executionId) {
  Query select(db, "SELECT task, question, verbs FROM waits WHERE execution_id = ?", {executionId});
  if (select.step() != SQLITE_ROW)
    return std::nullopt;
  return JournalWait{select.column(0), select.column(1), splitVerbs(select.column(2))};
}

} // namespace

Outcome<std::unique_ptr<Notifications>> Notifications::open(const std::string &path) {
  sqlite3 *db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string why = "journal " + path + ": cannot open: " + sqlite3_errmsg(db);
    sqlite3_close(db);
    return fail(why);
  }
  std::unique_ptr<Notifications> notifications(new Notifications(path, db));
  sqlite3_busy_timeout(db, 5000); // the runner and `executions notify` share the file
  for (const char *setup : {"PRAGMA journal_mode=WAL", kSchema})
    if (auto done = notifications->execute(setup); !done)
      return done.error();
  return std::move(notifications);
}

Notifications::~Notifications() { sqlite3_close(db_); }

Outcome<bool> Notifications::execute(const std::string &sql) {
  char *message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    return fail("journal " + path_ + ": " + text);
  }
  return true;
}

Outcome<bool> Notifications::beginWait(const std::string &executionId, const JournalWait &wait) {
  Transaction transaction(db_);
  Query drop(db_, "UPDATE notifications SET taken = 1 WHERE execution_id = ? AND taken = 0",
             {executionId});
  Query insert(db_, "INSERT OR REPLACE INTO waits (execution_id, task, question, verbs, since) "
                    "VALUES (?, ?, ?, ?, ?)",
               {executionId, wait.task, wait.question, joinVerbs(wait.verbs)});
  insert.number(5, wallClockNow());
  if (!transaction.begun() || !drop.run() || !insert.run() || !transaction.commit())
    return fail("journal " + path_ + ": cannot record the wait of " + executionId + ": " +
                sqlite3_errmsg(db_));
  return true;
}

Outcome<bool> Notifications::endWait(const std::string &executionId) {
  Query remove(db_, "DELETE FROM waits WHERE execution_id = ?", {executionId});
  if (!remove.run())
    return fail("journal " + path_ + ": cannot end the wait of " + executionId + ": " +
                sqlite3_errmsg(db_));
  return true;
}

Outcome<std::optional<JournalWait>> Notifications::wait(const std::string &executionId) {
  return readWait(db_, executionId);
}

Outcome<PostedAnswer> Notifications::post(const std::string &executionId, const std::string &verb) {
  Transaction transaction(db_);
  if (!transaction.begun())
    return fail("journal " + path_ + ": " + sqlite3_errmsg(db_));
  PostedAnswer answer;
  answer.wait = readWait(db_, executionId);
  if (!answer.wait)
    return answer;
  bool accepted = false;
  for (const std::string &candidate : answer.wait->verbs)
    accepted = accepted || candidate == verb;
  if (!accepted)
    return answer;
  Query insert(db_, "INSERT INTO notifications (execution_id, verb, recorded) VALUES (?, ?, ?)",
               {executionId, verb});
  insert.number(3, wallClockNow());
  if (!insert.run() || !transaction.commit())
    return fail("journal " + path_ + ": cannot record the answer: " + sqlite3_errmsg(db_));
  answer.recorded = true;
  return answer;
}

Outcome<std::optional<std::string>> Notifications::take(const std::string &executionId) {
  Transaction transaction(db_);
  if (!transaction.begun())
    return fail("journal " + path_ + ": " + sqlite3_errmsg(db_));
  int64_t id = 0;
  std::string verb;
  {
    Query select(db_, "SELECT id, verb FROM notifications WHERE execution_id = ? AND taken = 0 "
                      "ORDER BY id LIMIT 1",
                 {executionId});
    if (select.step() != SQLITE_ROW)
      return std::optional<std::string>();
    id = select.integerColumn(0);
    verb = select.column(1);
  }
  Query mark(db_, "UPDATE notifications SET taken = 1 WHERE id = ?", {});
  mark.integer(1, id);
  Query remove(db_, "DELETE FROM waits WHERE execution_id = ?", {executionId});
  if (!mark.run() || !remove.run() || !transaction.commit())
    return fail("journal " + path_ + ": cannot take the answer to " + executionId + ": " +
                sqlite3_errmsg(db_));
  return std::optional<std::string>(verb);
}

} // namespace oosc::runtime
