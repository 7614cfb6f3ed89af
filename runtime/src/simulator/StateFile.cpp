//===- StateFile.cpp --------------------------------------------------------===//
#include "simulator/StateFile.h"

namespace oosc::runtime::sim {

Outcome<StateFile> StateFile::open(const std::string &path) {
  auto lockFile = files::LockFile::open(path + ".lock");
  if (!lockFile)
    return lockFile.error();
  return StateFile(path, std::move(lockFile.value()));
}

Outcome<StateFile::Reading> StateFile::readIfChanged() {
  std::optional<files::FileStamp> now = files::stampOf(path_);
  if (now && seen_ && *now == *seen_)
    return Reading{Reading::Unchanged, ""};
  auto text = files::readBounded(path_, {"state file"});
  if (!text)
    return text.error();
  if (!text.value()) {
    seen_.reset();
    return Reading{Reading::Missing, ""};
  }
  // The stamp taken before reading: were the file replaced in between (by
  // a writer that does not lock), the next call would just read it again.
  seen_ = now;
  return Reading{Reading::Changed, std::move(*text.value())};
}

Outcome<bool> StateFile::write(const std::string &text, files::Durability durability) {
  auto written = files::writeAtomically(path_, text, "state file", durability);
  if (!written)
    return written;
  seen_ = files::stampOf(path_);
  return true;
}

} // namespace oosc::runtime::sim
