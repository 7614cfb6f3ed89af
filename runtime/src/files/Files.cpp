//===- files/Files.cpp ------------------------------------------------------===//
#include "files/Files.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace oosc::runtime::files {
namespace {

std::string quoted(std::string_view what, const std::string &path) {
  return std::string(what) + " '" + path + "'";
}

std::string systemError(int error) { return std::strerror(error); }

/// Closes a descriptor when it goes out of scope.
struct Descriptor {
  int value = -1;
  explicit Descriptor(int fd) : value(fd) {}
  Descriptor(const Descriptor &) = delete;
  Descriptor &operator=(const Descriptor &) = delete;
  ~Descriptor() {
    if (value >= 0)
      ::close(value);
  }
};

/// Why \p mode cannot be read as the file it was named as; "" if it can.
std::string refusal(mode_t mode, bool regularOnly) {
  if (S_ISDIR(mode))
    return "is a folder, not a file";
  if (regularOnly && !S_ISREG(mode))
    return "is not a regular file (a device, a pipe or a socket)";
  return "";
}

Outcome<bool> writeAll(int fd, std::string_view contents) {
  while (!contents.empty()) {
    ssize_t written = ::write(fd, contents.data(), contents.size());
    if (written < 0 && errno == EINTR)
      continue;
    if (written < 0)
      return fail(systemError(errno));
    contents.remove_prefix(static_cast<size_t>(written));
  }
  return true;
}

/// A name beside \p path no other writer uses at the same time (pid and a
/// sequence within the process), so the rename stays in one file system.
std::string temporaryName(const std::string &path) {
  static std::atomic<unsigned> sequence{0};
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(sequence++);
}

/// Makes the rename itself durable: the folder's entry is on disk.
Outcome<bool> syncFolderOf(const std::string &path) {
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  Descriptor fd(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.value < 0 || ::fsync(fd.value) != 0)
    return fail(systemError(errno));
  return true;
}

} // namespace

Outcome<std::optional<std::string>> readBounded(const std::string &path, const ReadOptions &options) {
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.value < 0) {
    if (errno == ENOENT)
      return std::optional<std::string>();
    return fail("cannot read " + quoted(options.what, path) + ": " + systemError(errno));
  }
  struct stat status {};
  if (::fstat(fd.value, &status) != 0)
    return fail("cannot read " + quoted(options.what, path) + ": " + systemError(errno));
  if (std::string why = refusal(status.st_mode, options.regularOnly); !why.empty())
    return fail(quoted(options.what, path) + " " + why);
  // O_NONBLOCK only kept open() from waiting for a FIFO's writer.
  ::fcntl(fd.value, F_SETFL, ::fcntl(fd.value, F_GETFL) & ~O_NONBLOCK);
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = ::read(fd.value, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR)
      continue;
    if (got < 0)
      return fail("cannot read " + quoted(options.what, path) + ": " + systemError(errno));
    if (got == 0)
      return std::optional<std::string>(std::move(text));
    if (text.size() + static_cast<size_t>(got) > options.limit)
      return fail(quoted(options.what, path) + " is larger than " +
                  std::to_string(options.limit >> 20) + " MiB, the most a runner reads from a file");
    text.append(buffer, static_cast<size_t>(got));
  }
}

Outcome<bool> writeAtomically(const std::string &path, std::string_view contents,
                              std::string_view what, Durability durability) {
  bool durable = durability == Durability::Durable;
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0)
    if (std::string why = refusal(status.st_mode, true); !why.empty())
      return fail(quoted(what, path) + " " + why);
  std::string temporary = temporaryName(path);
  auto failed = [&](const std::string &doing, const std::string &why) -> Failure {
    ::unlink(temporary.c_str());
    return fail("cannot " + doing + " " + quoted(what, path) + ": " + why);
  };
  {
    Descriptor fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (fd.value < 0)
      return fail("cannot write " + quoted(what, path) + ": " + temporary + ": " + systemError(errno));
    if (auto written = writeAll(fd.value, contents); !written)
      return failed("write", written.error().message);
    if (durable && ::fsync(fd.value) != 0)
      return failed("write", systemError(errno));
    int descriptor = fd.value;
    fd.value = -1;
    if (::close(descriptor) != 0)
      return failed("write", systemError(errno));
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0)
    return failed("replace", systemError(errno));
  if (!durable)
    return true;
  if (auto synced = syncFolderOf(path); !synced)
    return fail("cannot sync the folder of " + quoted(what, path) + ": " + synced.error().message);
  return true;
}

bool FileStamp::operator==(const FileStamp &other) const {
  return device == other.device && inode == other.inode && size == other.size &&
         modifiedNanos == other.modifiedNanos;
}

std::optional<FileStamp> stampOf(const std::string &path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0)
    return std::nullopt;
  return FileStamp{static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino),
                   static_cast<std::uint64_t>(status.st_size),
                   static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000 +
                       status.st_mtim.tv_nsec};
}

Outcome<LockFile> LockFile::open(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return fail("cannot open the lock file '" + path + "': " + systemError(errno));
  return LockFile(path, fd);
}

LockFile::LockFile(LockFile &&other) noexcept
    : path_(std::move(other.path_)), descriptor_(other.descriptor_) {
  other.descriptor_ = -1;
}

LockFile &LockFile::operator=(LockFile &&other) noexcept {
  if (this != &other) {
    if (descriptor_ >= 0)
      ::close(descriptor_);
    path_ = std::move(other.path_);
    descriptor_ = other.descriptor_;
    other.descriptor_ = -1;
  }
  return *this;
}

LockFile::~LockFile() {
  if (descriptor_ >= 0)
    ::close(descriptor_);
}

Outcome<LockFile::Held> LockFile::lock() {
  while (::flock(descriptor_, LOCK_EX) != 0)
    if (errno != EINTR)
      return fail("cannot lock '" + path_ + "': " + systemError(errno));
  return Held(descriptor_);
}

LockFile::Held::~Held() {
  if (descriptor_ >= 0)
    ::flock(descriptor_, LOCK_UN);
}

} // namespace oosc::runtime::files
