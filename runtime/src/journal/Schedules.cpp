//===- journal/Schedules.cpp - Timer triggers and their firings in the journal ===//
//
// The schedules and firings tables (their schema is in Journal.cpp).
//
//===----------------------------------------------------------------------===//
#include "oosc/runtime/Journal.h"

#include "journal/Statement.h"

namespace oosc::runtime {

Outcome<bool> Journal::recordSchedule(const JournalSchedule &schedule) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement insert(prepared("INSERT OR REPLACE INTO schedules (trigger_id, type, expression, time_zone, start_at, end_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)"));
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
  Statement select(prepared("SELECT type, expression, time_zone, start_at, end_at FROM schedules WHERE trigger_id = ?"));
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
  Statement upsert(prepared("INSERT INTO firings (trigger_id, scheduled_at, child_id, status) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (trigger_id, scheduled_at) DO UPDATE SET "
                    "child_id = excluded.child_id, status = excluded.status"));
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
  Statement select(prepared("SELECT scheduled_at, child_id, status FROM firings WHERE trigger_id = ? "
                    "ORDER BY scheduled_at"));
  if (!select.ok())
    return failure(db_, path_, "cannot read the firings of " + triggerId);
  select.text(1, triggerId);
  std::vector<JournalFiring> rows;
  while (select.step() == SQLITE_ROW)
    rows.push_back({triggerId, select.real(0), select.column(1), select.column(2)});
  return rows;
}

} // namespace oosc::runtime
