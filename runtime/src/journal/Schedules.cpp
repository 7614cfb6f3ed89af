//===- journal/Schedules.cpp - Timer triggers and their firings in the journal ===//
//
// Two tables of their own, created when first used, so that journals
// written before schedules existed keep working and Journal.cpp's schema
// stays as it is.
//
//===----------------------------------------------------------------------===//
#include "oosc/runtime/Journal.h"

#include <sqlite3.h>

namespace oosc::runtime {
namespace {

constexpr const char *kScheduleSchema = R"sql(
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
)sql";

/// One statement, bound by position and finalized at the end of the scope.
class Query {
public:
  Query(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr); }
  ~Query() { sqlite3_finalize(statement_); }
  Query(const Query &) = delete;
  Query &operator=(const Query &) = delete;

  bool ok() const { return statement_ != nullptr; }
  Query &text(int index, const std::string &value) {
    sqlite3_bind_text(statement_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Query &number(int index, double value) {
    sqlite3_bind_double(statement_, index, value);
    return *this;
  }
  int step() { return sqlite3_step(statement_); }
  std::string column(int index) {
    const unsigned char *value = sqlite3_column_text(statement_, index);
    return value ? reinterpret_cast<const char *>(value) : "";
  }
  double real(int index) { return sqlite3_column_double(statement_, index); }

private:
  sqlite3_stmt *statement_ = nullptr;
};

Failure failure(sqlite3 *db, const std::string &path, const std::string &what) {
  return fail("journal " + path + ": " + what + ": " + sqlite3_errmsg(db));
}

} // namespace

Outcome<bool> Journal::recordSchedule(const JournalSchedule &schedule) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto created = execute(kScheduleSchema); !created)
    return created;
  Query insert(db_, "INSERT OR REPLACE INTO schedules (trigger_id, type, expression, time_zone, start_at, end_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)");
  if (insert.ok()) {
    insert.text(1, schedule.triggerId).text(2, schedule.type).text(3, schedule.expression);
    insert.text(4, schedule.timeZone).number(5, schedule.start).number(6, schedule.end);
  }
  if (!insert.ok() || insert.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record the schedule of " + schedule.triggerId);
  return true;
}

Outcome<std::optional<JournalSchedule>> Journal::schedule(const std::string &triggerId) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto created = execute(kScheduleSchema); !created)
    return created.error();
  Query select(db_, "SELECT type, expression, time_zone, start_at, end_at FROM schedules WHERE trigger_id = ?");
  if (!select.ok())
    return failure(db_, path_, "cannot read the schedule of " + triggerId);
  select.text(1, triggerId);
  if (select.step() != SQLITE_ROW)
    return std::optional<JournalSchedule>();
  return std::optional<JournalSchedule>(JournalSchedule{
      triggerId, select.column(0), select.column(1), select.column(2), select.real(3), select.real(4)});
}

Outcome<bool> Journal::recordFiring(const JournalFiring &firing) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto created = execute(kScheduleSchema); !created)
    return created;
  Query upsert(db_, "INSERT INTO firings (trigger_id, scheduled_at, child_id, status) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (trigger_id, scheduled_at) DO UPDATE SET "
                    "child_id = excluded.child_id, status = excluded.status");
  if (upsert.ok()) {
    upsert.text(1, firing.triggerId).number(2, firing.scheduledAt);
    upsert.text(3, firing.childId).text(4, firing.status);
  }
  if (!upsert.ok() || upsert.step() != SQLITE_DONE)
    return failure(db_, path_, "cannot record a firing of " + firing.triggerId);
  return true;
}

Outcome<std::vector<JournalFiring>> Journal::firings(const std::string &triggerId) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto created = execute(kScheduleSchema); !created)
    return created.error();
  Query select(db_, "SELECT scheduled_at, child_id, status FROM firings WHERE trigger_id = ? "
                    "ORDER BY scheduled_at");
  if (!select.ok())
    return failure(db_, path_, "cannot read the firings of " + triggerId);
  select.text(1, triggerId);
  std::vector<JournalFiring> rows;
  while (select.step() == SQLITE_ROW)
    rows.push_back({triggerId, select.real(0), select.column(1), select.column(2)});
  return rows;
}

} // namespace oosc::runtime
