//===- Clock.h - Wall-clock time and sleeping, real or virtual
//-------------===//
//
// Runners wait a lot (ACS::WaitFor polls, ACS::Sleep, retries). Routing every
// wait through a Clock lets tests and simulated runs finish instantly while
// still observing the passage of time: a VirtualClock's sleepFor only moves
// its hands.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace oosc::runtime {

/// The times a runner's clocks can hold. std::chrono::system_clock counts
/// nanoseconds in 64 bits, so it ends in April 2262: a virtual clock stops
/// at ClockCeilingMillis instead of overflowing, and times a person gives
/// (--now, a state file's Time) are checked against these bounds first.
constexpr std::int64_t EarliestStartMillis = 0;            ///< 1970-01-01T00:00:00Z
constexpr std::int64_t LatestStartMillis = 7258118399000;  ///< 2199-12-31T23:59:59Z
constexpr std::int64_t ClockCeilingMillis = 9214646400000; ///< 2262-01-01T00:00:00Z

class Clock {
public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
  virtual void sleepFor(std::chrono::milliseconds duration) = 0;
};

/// The system clock; sleepFor blocks the calling thread.
class RealClock final : public Clock {
public:
  std::chrono::system_clock::time_point now() const override;
  void sleepFor(std::chrono::milliseconds duration) override;
};

/// A clock that only moves when someone sleeps on it. Thread-safe: runner
/// loops may sleep from several threads, each sleep advances the one shared
/// time.
class VirtualClock final : public Clock {
public:
  /// 2024-01-01T00:00:00Z: a fixed start makes simulated runs reproducible.
  static constexpr std::int64_t DefaultEpochSeconds = 1704067200;

  VirtualClock();
  explicit VirtualClock(std::chrono::system_clock::time_point start);

  std::chrono::system_clock::time_point now() const override;
  /// Advances the time by \p duration (negative durations are ignored) and
  /// returns at once; the time stops at ClockCeilingMillis.
  void sleepFor(std::chrono::milliseconds duration) override;

private:
  mutable std::mutex mutex;
  std::chrono::system_clock::time_point current;
};

/// The wall clock fast-forwarded: \p scale seconds pass per real second
/// from the moment it is made, and sleepFor blocks 1/scale of the duration.
/// A served simulated world (`oosc sim serve --time-scale N`) and the
/// runners calling it (`--time-scale N`) share a scale, so a template that
/// waits minutes for an image finishes in seconds, both sides in step.
class ScaledClock final : public Clock {
public:
  explicit ScaledClock(double scale);

  std::chrono::system_clock::time_point now() const override;
  void sleepFor(std::chrono::milliseconds duration) override;

private:
  double scale_;
  std::chrono::system_clock::time_point start_;
  std::chrono::steady_clock::time_point steadyStart_;
};

/// Milliseconds since the Unix epoch.
std::int64_t toUnixMillis(std::chrono::system_clock::time_point time);
/// \p millis held within +-ClockCeilingMillis, the clock's range.
std::chrono::system_clock::time_point fromUnixMillis(std::int64_t millis);

/// UTC time in the ISO 8601 form Alibaba Cloud APIs use:
/// "2024-01-01T08:30:05Z", or "2024-01-01T08:30Z" without seconds (the form
/// of ECS instance CreationTime/StartTime).
std::string formatUtc(std::int64_t unixMillis, bool withSeconds = true);

} // namespace oosc::runtime
