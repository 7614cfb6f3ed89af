// Clock.cpp - The real and virtual clocks and UTC time formatting.
#include "oosc/runtime/Clock.h"

#include "functions/UtcTime.h"

#include <algorithm>
#include <cstdio>
#include <thread>

namespace oosc::runtime {

std::chrono::system_clock::time_point RealClock::now() const {
  return std::chrono::system_clock::now();
}

void RealClock::sleepFor(std::chrono::milliseconds duration) {
  if (duration.count() > 0)
    std::this_thread::sleep_for(duration);
}

ScaledClock::ScaledClock(double scale)
    : scale_(scale > 0 ? scale : 1), start_(std::chrono::system_clock::now()),
      steadyStart_(std::chrono::steady_clock::now()) {}

std::chrono::system_clock::time_point ScaledClock::now() const {
  // Measured on the steady clock: a wall-clock step (NTP) does not jump
  // the scaled time.
  std::chrono::duration<double> real = std::chrono::steady_clock::now() - steadyStart_;
  auto scaled = std::chrono::duration_cast<std::chrono::milliseconds>(real * scale_);
  return fromUnixMillis(toUnixMillis(start_) + scaled.count());
}

void ScaledClock::sleepFor(std::chrono::milliseconds duration) {
  if (duration.count() > 0)
    std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(duration.count() / scale_));
}

VirtualClock::VirtualClock()
    : VirtualClock(std::chrono::system_clock::time_point(
          std::chrono::seconds(DefaultEpochSeconds))) {}

VirtualClock::VirtualClock(std::chrono::system_clock::time_point start)
    : current(start) {}

std::chrono::system_clock::time_point VirtualClock::now() const {
  std::lock_guard<std::mutex> lock(mutex);
  return current;
}

void VirtualClock::sleepFor(std::chrono::milliseconds duration) {
  if (duration.count() <= 0)
    return;
  std::lock_guard<std::mutex> lock(mutex);
  std::int64_t millis = toUnixMillis(current);
  std::int64_t room = ClockCeilingMillis - millis;
  current = fromUnixMillis(duration.count() >= room ? ClockCeilingMillis : millis + duration.count());
}

std::int64_t toUnixMillis(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             time.time_since_epoch())
      .count();
}

std::chrono::system_clock::time_point fromUnixMillis(std::int64_t millis) {
  millis = std::clamp(millis, -ClockCeilingMillis, ClockCeilingMillis);
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::milliseconds(millis)));
}

std::string formatUtc(std::int64_t unixMillis, bool withSeconds) {
  // One calendar for the runtime: the Fn:: time functions' (UtcTime.h).
  functions::UtcTime time = functions::fromTimePoint(fromUnixMillis(unixMillis));
  auto text = functions::formatTime(time, withSeconds ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%dT%H:%MZ");
  return text ? text.value() : std::string();
}

} // namespace oosc::runtime
