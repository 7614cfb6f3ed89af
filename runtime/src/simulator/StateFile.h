//===- StateFile.h - The simulated world's file, shared between runners ---===//
//
// Several runners may name one state file (a team's shared world, six
// runners started by one script). Each change is a read-modify-write under
// an advisory lock on "<state>.lock": the file is read again when another
// runner replaced it since this one last read or wrote it, the change is
// made, and the world is written back before the lock is let go. So runners
// wait for each other call by call, and no runner's write is lost.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "files/Files.h"

#include <optional>
#include <string>

namespace oosc::runtime::sim {

class StateFile {
public:
  /// Opens the lock file beside \p path; the error names it.
  static Outcome<StateFile> open(const std::string &path);

  const std::string &path() const { return path_; }

  /// Blocks until no other runner changes the world.
  Outcome<files::LockFile::Held> lock() { return lockFile_.lock(); }

  /// What reading found.
  struct Reading {
    enum Kind { Missing, Unchanged, Changed } kind = Missing;
    std::string text; ///< for Changed
  };
  /// The file's text when it is not the version this object last read or
  /// wrote. Call with the lock held.
  Outcome<Reading> readIfChanged();
  /// Replaces the file; call with the lock held.
  Outcome<bool> write(const std::string &text, files::Durability durability);

private:
  StateFile(std::string path, files::LockFile lockFile)
      : path_(std::move(path)), lockFile_(std::move(lockFile)) {}

  std::string path_;
  files::LockFile lockFile_;
  std::optional<files::FileStamp> seen_;
};

} // namespace oosc::runtime::sim
