//===- Journal.cpp - The execution journal on SQLite ------------------------===//
#include "oosc/runtime/Journal.h"

#include "journal/Statement.h"

#include <sqlite3.h>

#include <algorithm>
#include <limits>
#include <chrono>
#include <thread>
#include <cerrno>
#include <csignal>
#include <unistd.h>
#include <filesystem>

namespace oosc::runtime {
namespace {

constexpr const char *kSchema = R"sql(
CREATE TABLE IF NOT EXISTS executions (
  id TEXT PRIMARY KEY,
  template TEXT NOT NULL,
  parameters TEXT NOT NULL,
  mode TEXT NOT NULL,
  status TEXT NOT NULL,
  parent_id TEXT NOT NULL DEFAULT '',
  outputs TEXT NOT NULL DEFAULT '{}',
  error TEXT NOT NULL DEFAULT '',
  started REAL NOT NULL,
  ended REAL NOT NULL DEFAULT 0,
  cursor INTEGER NOT NULL DEFAULT 0,
  runner_pid INTEGER NOT NULL DEFAULT 0,
  runner_host TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS steps (
  execution_id TEXT NOT NULL REFERENCES executions(id),
  task TEXT NOT NULL,
  loop_item INTEGER NOT NULL,
  status TEXT NOT NULL,
  outputs TEXT NOT NULL DEFAULT '{}',
  error TEXT NOT NULL DEFAULT '',
  started REAL NOT NULL,
  ended REAL NOT NULL,
  run INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (execution_id, task, loop_item)
);
CREATE TABLE IF NOT EXISTS api_calls (
  execution_id TEXT NOT NULL REFERENCES executions(id),
  task TEXT NOT NULL,
  service TEXT NOT NULL,
  api TEXT NOT NULL,
  request_id TEXT NOT NULL,
  result TEXT NOT NULL,
  at REAL NOT NULL,
  loop_item INTEGER NOT NULL DEFAULT -1,
  call_key TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS schedules (
  trigger_id TEXT PRIMARY KEY REFERENCES executions(id),
  type TEXT NOT NULL,
  expression TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  start_at REAL NOT NULL,
  end_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS firings (
  trigger_id TEXT NOT NULL REFERENCES executions(id),
  scheduled_at REAL NOT NULL,
  child_id TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  PRIMARY KEY (trigger_id, scheduled_at)
);
CREATE TABLE IF NOT EXISTS waits (
  execution_id TEXT PRIMARY KEY REFERENCES executions(id),
  task TEXT NOT NULL,
  question TEXT NOT NULL,
  verbs TEXT NOT NULL,
  since REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS notifications (
  id INTEGER PRIMARY KEY,
  execution_id TEXT NOT NULL REFERENCES executions(id),
  verb TEXT NOT NULL,
  recorded REAL NOT NULL,
  taken INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS executions_by_parent ON executions (parent_id);
)sql";

/// Bumped when the schema changes; a journal of another version is refused
/// rather than misread.
constexpr int kSchemaVersion = 2;


constexpr const char *kExecutionColumns = "id, template, parameters, mode, status, parent_id, "
                                          "outputs, error, started, ended, cursor, runner_pid, "
                                          "runner_host";

JournalExecution readExecution(Statement &row) {
  return {row.column(0), row.column(1), row.column(2), row.column(3), row.column(4),
          row.column(5), row.column(6), row.column(7), row.real(8),   row.real(9),
          row.integer(10), row.integer(11), row.column(12)};
}

/// The schema version of an existing database: 0 for a new, empty one.
Outcome<int> schemaVersion(sqlite3 *db, const std::string &path) {
  sqlite3_stmt *raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version), "
                             "(SELECT count(*) FROM sqlite_master WHERE name = 'executions')",
                         -1, &raw, nullptr) != SQLITE_OK)
    return failure(db, path, "cannot read the schema version");
  int version = 0;
  if (sqlite3_step(raw) == SQLITE_ROW)
    version = sqlite3_column_int(raw, 1) == 0 ? 0 : std::max(1, sqlite3_column_int(raw, 0));
  sqlite3_finalize(raw);
  return version;
}

} // namespace

std::string runnerHostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0)
    return "";
  return name;
}

bool runnerIsAlive(const JournalExecution &execution) {
  if (execution.runnerPid <= 0)
    return false;
  if (execution.runnerHost != runnerHostName())
    return true;
  return kill(execution.runnerPid, 0) == 0 || errno == EPERM;
}

Outcome<std::unique_ptr<Journal>> Journal::open(const std::string &path) {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (!folder.empty())
    std::filesystem::create_directories(folder, error);
  // SQLite's own word for these is "unable to open database file".
  if (std::filesystem::is_directory(path, error))
    return fail("journal " + path + " is a folder, not a file");
  if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error))
    return fail("journal " + path + " is not a regular file (a device, a pipe or a socket)");
  sqlite3 *db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    Failure why = failure(db, path, "cannot open");
    sqlite3_close(db);
    return why;
  }
  std::unique_ptr<Journal> journal(new Journal(path, db));
  sqlite3_busy_timeout(db, 5000); // another runner may be writing
  // WAL: readers do not block the runner, and a committed record survives
  // the process being killed. NORMAL syncs at checkpoints, not per commit
  // (see Journal.h for what that trades).
  for (const char *setup : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                            "PRAGMA foreign_keys=ON", "BEGIN IMMEDIATE"})
    if (auto done = journal->executeWhenFree(setup); !done)
      return done.error();
  // The version is read, the schema made and stamped in one transaction:
  // a process opening a new journal at the same moment (a runner and
  // `executions show` polling it) sees no schema or a stamped one.
  auto version = schemaVersion(db, path);
  if (!version)
    return version.error(); // closing the connection rolls back
  if (version.value() != 0 && version.value() != kSchemaVersion)
    return fail("journal " + path + " was written by another version of oosc runners (journal "
                "version " + std::to_string(version.value()) + ", this runner writes version " +
                std::to_string(kSchemaVersion) + "): move it aside or give --journal another file");
  std::string stamp = "PRAGMA user_version=" + std::to_string(kSchemaVersion);
  for (const char *setup : {kSchema, stamp.c_str(), "COMMIT"})
    if (auto done = journal->execute(setup); !done)
      return done.error();
  return journal;
}

Journal::~Journal() {
  for (auto &[sql, statement] : statements_)
    sqlite3_finalize(statement);
  sqlite3_close(db_);
}

sqlite3_stmt *Journal::prepared(const char *sql) {
  auto found = statements_.find(sql);
  if (found != statements_.end())
    return found->second;
  sqlite3_stmt *statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK)
    return nullptr;
  statements_.emplace(sql, statement);
  return statement;
}

Outcome<bool> Journal::executeWhenFree(const std::string &sql) {
  // The busy handler does not cover every lock: turning a new file to WAL
  // while another process opens it can answer SQLITE_BUSY at once.
  for (int attempt = 0;; ++attempt) {
    int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (code == SQLITE_OK)
      return true;
    if ((code & 0xff) != SQLITE_BUSY || attempt == 100)
      return failure(db_, path_, sql);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Outcome<bool> Journal::execute(const std::string &sql) {
  char *message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "unknown error";
    sqlite3_free(message);
    // Name the statement when it is one word or two (COMMIT, BEGIN
    // IMMEDIATE): "disk I/O error" alone does not say what was lost.
    std::string what = sql.size() <= 20 ? sql + ": " : "";
    return fail("journal " + path_ + ": " + what + text);
  }
  return true;
}

Outcome<std::string> Journal::reserveExecutionId(
    const std::string &prefix, const std::function<Outcome<std::string>(std::int64_t)> &propose) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto begun = executeWhenFree("BEGIN IMMEDIATE"); !begun)
    return begun.error();
  auto reserved = reserveInTransaction(prefix, propose);
  if (auto ended = execute(reserved ? "COMMIT" : "ROLLBACK"); !ended && reserved)
    return ended.error();
  return reserved;
}

Outcome<std::string> Journal::reserveInTransaction(
    const std::string &prefix, const std::function<Outcome<std::string>(std::int64_t)> &propose) {
  // Top-level ids only: "exec-sim000000000007", not a child's
  // "exec-sim000000000007.task".
  Statement highest(prepared("SELECT max(CAST(substr(id, length(?1) + 1) AS INTEGER)) FROM executions "
                             "WHERE substr(id, 1, length(?1)) = ?1 AND parent_id = ''"));
  if (!highest.ok())
    return failure(db_, path_, "cannot read the journal's execution ids");
  highest.text(1, prefix);
  std::int64_t found = highest.step() == SQLITE_ROW ? highest.integer64(0) : 0;
  // SQLite's CAST stops at INT64_MAX for longer digit strings.
  std::int64_t atLeast = found < std::numeric_limits<std::int64_t>::max() ? found + 1 : found;
  auto id = propose(atLeast);
  if (!id)
    return id.error();
  Statement insert(prepared("INSERT INTO executions (id, template, parameters, mode, status, "
                            "started, runner_pid, runner_host) VALUES (?, '', '{}', '', 'Starting', ?, ?, ?)"));
  if (!insert.ok())
    return failure(db_, path_, "cannot reserve an execution id");
  using namespace std::chrono;
  insert.text(1, id.value()).number(2, duration<double>(system_clock::now().time_since_epoch()).count());
  insert.number(3, getpid()).text(4, runnerHostName());
  if (insert.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot reserve execution id " + id.value());
  return id;
}

Outcome<bool> Journal::beginExecution(const JournalExecution &execution) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(prepared("INSERT INTO executions (id, template, parameters, mode, status, "
                            "parent_id, started, runner_pid, runner_host) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (id) DO UPDATE SET template = excluded.template, "
                            "parameters = excluded.parameters, mode = excluded.mode, "
                            "status = excluded.status, parent_id = excluded.parent_id, "
                            "started = excluded.started "
                            "WHERE executions.status = 'Starting' AND "
                            "executions.runner_pid = excluded.runner_pid AND "
                            "executions.runner_host = excluded.runner_host"));
  if (!insert.ok())
    return failure(db_, path_, "cannot record the execution");
  insert.text(1, execution.id).text(2, execution.templateName).text(3, execution.parametersJson);
  insert.text(4, execution.mode).text(5, execution.status).text(6, execution.parentId);
  insert.number(7, execution.started).number(8, execution.runnerPid).text(9, execution.runnerHost);
  if (insert.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record execution " + execution.id);
  if (sqlite3_changes(db_) != 1)
    return fail("journal " + path_ + " already holds an execution " + execution.id +
                " of another run: not recording this one over it");
  return true;
}

Outcome<bool> Journal::finishExecution(const std::string &id, const std::string &status,
                                       const std::string &outputsJson, const std::string &error,
                                       double ended) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement update(prepared("UPDATE executions SET status = ?, outputs = ?, error = ?, ended = ? WHERE id = ?"));
  if (!update.ok())
    return failure(db_, path_, "cannot record the end of execution " + id);
  update.text(1, status).text(2, outputsJson).text(3, error).number(4, ended).text(5, id);
  if (update.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record the end of execution " + id);
  return true;
}

Outcome<bool> Journal::setExecutionStatus(const std::string &id, const std::string &status) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement update(prepared("UPDATE executions SET status = ? WHERE id = ?"));
  if (!update.ok())
    return failure(db_, path_, "cannot record the status of execution " + id);
  update.text(1, status).text(2, id);
  if (update.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record the status of execution " + id);
  return true;
}

Outcome<bool> Journal::recordStep(const std::string &executionId, const JournalStep &step,
                                  std::optional<int> cursor) {
  std::lock_guard<std::mutex> lock(mutex_);
  // The step and the cursor commit together: a resume never sees one
  // without the other.
  bool together = cursor.has_value();
  if (together)
    if (auto begun = execute("BEGIN IMMEDIATE"); !begun)
      return begun.error();
  auto written = writeStep(executionId, step, cursor);
  if (together) {
    if (auto ended = execute(written ? "COMMIT" : "ROLLBACK"); !ended && written)
      return ended.error();
  }
  return written;
}

Outcome<bool> Journal::writeStep(const std::string &executionId, const JournalStep &step,
                                 std::optional<int> cursor) {
  Statement upsert(prepared("INSERT INTO steps (execution_id, task, loop_item, status, outputs, error, "
                        "started, ended, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (execution_id, task, loop_item) DO UPDATE SET "
                        "status = excluded.status, outputs = excluded.outputs, "
                        "error = excluded.error, started = excluded.started, ended = excluded.ended, "
                        "run = excluded.run"));
  if (!upsert.ok())
    return failure(db_, path_, "cannot record task " + step.task);
  upsert.text(1, executionId).text(2, step.task).number(3, step.loopItem).text(4, step.status);
  upsert.text(5, step.outputsJson).text(6, step.error).number(7, step.started).number(8, step.ended);
  upsert.number(9, step.run);
  if (upsert.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record task " + step.task + " of " + executionId);
  if (!cursor)
    return true;
  Statement move(prepared("UPDATE executions SET cursor = ? WHERE id = ?"));
  if (!move.ok())
    return failure(db_, path_, "cannot record where " + executionId + " goes on");
  move.number(1, *cursor).text(2, executionId);
  if (move.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record where " + executionId + " goes on");
  return true;
}

Outcome<long long> Journal::recordApiCall(const std::string &executionId,
                                          const JournalApiCall &call) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(prepared("INSERT INTO api_calls (execution_id, task, service, api, request_id, result, "
                        "at, loop_item, call_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  if (!insert.ok())
    return failure(db_, path_, "cannot record an API call");
  insert.text(1, executionId).text(2, call.task).text(3, call.service).text(4, call.api);
  insert.text(5, call.requestId).text(6, call.result).number(7, call.at);
  insert.number(8, call.loopItem).text(9, call.key);
  if (insert.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record " + call.service + "." + call.api + " of " + executionId);
  return static_cast<long long>(sqlite3_last_insert_rowid(db_));
}

Outcome<bool> Journal::finishApiCall(long long row, const std::string &requestId,
                                     const std::string &result) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement update(prepared("UPDATE api_calls SET request_id = ?, result = ? WHERE rowid = ?"));
  if (!update.ok())
    return failure(db_, path_, "cannot record the answer to an API call");
  update.text(1, requestId).text(2, result).number(3, static_cast<double>(row));
  if (update.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record the answer to an API call");
  return true;
}

Outcome<bool> Journal::reopenExecution(const std::string &id, int runnerPid,
                                       const std::string &runnerHost, const std::string &mode) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement update(prepared("UPDATE executions SET status = 'Running', runner_pid = ?, "
                            "runner_host = ?, mode = ?, ended = 0 WHERE id = ?"));
  if (!update.ok())
    return failure(db_, path_, "cannot reopen execution " + id);
  update.number(1, runnerPid).text(2, runnerHost).text(3, mode).text(4, id);
  if (update.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot reopen execution " + id);
  return true;
}

Outcome<std::vector<JournalApiCall>> Journal::apiCalls(const std::string &executionId) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(prepared("SELECT task, service, api, request_id, result, at, loop_item, call_key, rowid "
                            "FROM api_calls WHERE execution_id = ? ORDER BY rowid"));
  if (!select.ok())
    return failure(db_, path_, "cannot read the API calls of " + executionId);
  select.text(1, executionId);
  std::vector<JournalApiCall> rows;
  while (select.step() == SQLITE_ROW)
    rows.push_back({select.column(0), select.column(1), select.column(2), select.column(3),
                    select.column(4), select.real(5), select.integer(6), select.column(7),
                    static_cast<long long>(select.real(8))});
  return rows;
}

Outcome<std::vector<JournalExecution>> Journal::executions() {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(prepared((std::string("SELECT ") + kExecutionColumns +
                         " FROM executions ORDER BY started DESC, rowid DESC")
                            .c_str()));
  if (!select.ok())
    return failure(db_, path_, "cannot list executions");
  std::vector<JournalExecution> rows;
  while (select.step() == SQLITE_ROW)
    rows.push_back(readExecution(select));
  return rows;
}

Outcome<std::optional<JournalExecution>> Journal::execution(const std::string &id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(prepared((std::string("SELECT ") + kExecutionColumns + " FROM executions WHERE id = ?")
                            .c_str()));
  if (!select.ok())
    return failure(db_, path_, "cannot read execution " + id);
  select.text(1, id);
  if (select.step() != SQLITE_ROW)
    return std::optional<JournalExecution>();
  return std::optional<JournalExecution>(readExecution(select));
}

Outcome<std::vector<JournalExecution>> Journal::children(const std::string &parentId) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(prepared((std::string("SELECT ") + kExecutionColumns +
                             " FROM executions WHERE parent_id = ? ORDER BY started, rowid")
                                .c_str()));
  if (!select.ok())
    return failure(db_, path_, "cannot list the children of " + parentId);
  select.text(1, parentId);
  std::vector<JournalExecution> rows;
  while (select.step() == SQLITE_ROW)
    rows.push_back(readExecution(select));
  return rows;
}

Outcome<std::vector<JournalStep>> Journal::steps(const std::string &executionId) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(prepared("SELECT task, loop_item, status, outputs, error, started, ended, run "
                            "FROM steps WHERE execution_id = ? ORDER BY rowid"));
  if (!select.ok())
    return failure(db_, path_, "cannot read the tasks of " + executionId);
  select.text(1, executionId);
  std::vector<JournalStep> rows;
  while (select.step() == SQLITE_ROW)
    rows.push_back({select.column(0), select.integer(1), select.column(2), select.column(3),
                    select.column(4), select.real(5), select.real(6), select.integer(7)});
  return rows;
}

} // namespace oosc::runtime
