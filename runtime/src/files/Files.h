//===- files/Files.h - The runner's own files, read and written safely -----===//
//
// A runner reads files a person names (the simulated world, a seed world,
// parameters) and keeps one file many runners may share (the world). Every
// read is bounded, so `--state /dev/zero` is an error rather than memory
// without end; every write is atomic and durable (a new file written and
// synced, renamed over the old one, the folder synced), so a crash or a
// full disk leaves the old contents or the new ones, never a cut file; and
// a file shared by several processes is changed under an advisory lock.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::runtime::files {

/// The most a runner reads from one file: a world of thousands of instances
/// is a few megabytes, parameters far less.
constexpr std::size_t MaxInputBytes = std::size_t{64} << 20;

struct ReadOptions {
  /// How messages name the file: "state file", "--parameters file".
  std::string_view what = "file";
  /// Refuse anything but a regular file (a file that is written back by a
  /// rename must be one); otherwise pipes and devices are read, bounded.
  bool regularOnly = true;
  std::size_t limit = MaxInputBytes;
};

/// The whole of \p path, or std::nullopt when it does not exist. Errors
/// name the file and say what is wrong with it (a folder, a device, too
/// large, unreadable).
Outcome<std::optional<std::string>> readBounded(const std::string &path, const ReadOptions &options);

/// How far a write goes: Atomic replaces the file by a rename (readers, and
/// a process killed at any moment, see the old file or the new one);
/// Durable also syncs the file and its folder, so that after the machine
/// itself crashes the new one is there whole or not at all (about 1.5 ms).
enum class Durability { Atomic, Durable };

/// Replaces \p path with \p contents through a temporary file beside it.
Outcome<bool> writeAtomically(const std::string &path, std::string_view contents,
                              std::string_view what = "file",
                              Durability durability = Durability::Durable);

/// Identifies one version of a file: a file replaced by a rename is a new
/// inode, and one changed in place has a new size or modification time.
struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modifiedNanos = 0;
  bool operator==(const FileStamp &other) const;
  bool operator!=(const FileStamp &other) const { return !(*this == other); }
};

/// The stamp of \p path as it is now; std::nullopt when it does not exist.
std::optional<FileStamp> stampOf(const std::string &path);

/// An advisory lock (flock) on a file of its own, kept open for the life of
/// this object; lock() blocks until no other process holds it. The lock
/// file is never removed: removing it would let two processes lock two
/// different files of one name.
class LockFile {
public:
  /// Opens (creating if needed) \p path; the error names it.
  static Outcome<LockFile> open(const std::string &path);
  LockFile(LockFile &&other) noexcept;
  LockFile &operator=(LockFile &&other) noexcept;
  LockFile(const LockFile &) = delete;
  LockFile &operator=(const LockFile &) = delete;
  ~LockFile();

  /// Held until destroyed.
  class Held {
  public:
    explicit Held(int descriptor) : descriptor_(descriptor) {}
    Held(Held &&other) noexcept : descriptor_(other.descriptor_) { other.descriptor_ = -1; }
    Held(const Held &) = delete;
    Held &operator=(const Held &) = delete;
    ~Held();

  private:
    int descriptor_;
  };

  Outcome<Held> lock();
  const std::string &path() const { return path_; }

private:
  LockFile(std::string path, int descriptor) : path_(std::move(path)), descriptor_(descriptor) {}
  std::string path_;
  int descriptor_ = -1;
};

} // namespace oosc::runtime::files
