//===- Statement.h - One use of a journal statement (runtime internal) ----===//
#pragma once

#include "oosc/runtime/Outcome.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace oosc::runtime {

/// One use of a cached prepared statement: reset and unbound afterwards, so
/// the next use starts clean.
class Statement {
public:
  explicit Statement(sqlite3_stmt *statement) : statement_(statement) {}
  ~Statement() {
    if (statement_) {
      sqlite3_reset(statement_);
      sqlite3_clear_bindings(statement_);
    }
  }
  Statement(const Statement &) = delete;
  Statement &operator=(const Statement &) = delete;

  bool ok() const { return statement_ != nullptr; }
  Statement &text(int index, const std::string &value) {
    sqlite3_bind_text(statement_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement &number(int index, double value) {
    sqlite3_bind_double(statement_, index, value);
    return *this;
  }
  int step() { return sqlite3_step(statement_); }
  std::string column(int index) {
    const unsigned char *value = sqlite3_column_text(statement_, index);
    return value ? reinterpret_cast<const char *>(value) : "";
  }
  double real(int index) { return sqlite3_column_double(statement_, index); }
  int integer(int index) { return sqlite3_column_int(statement_, index); }
  std::int64_t integer64(int index) { return sqlite3_column_int64(statement_, index); }

private:
  sqlite3_stmt *statement_ = nullptr;
};

/// A journal error: the file, what failed and SQLite's reason.
inline Failure failure(sqlite3 *db, const std::string &path, const std::string &what) {
  return fail("journal " + path + ": " + what + ": " + sqlite3_errmsg(db));
}

} // namespace oosc::runtime
