// Faults.cpp - Fault injection (fail the nth call of an API, or calls at
// random with a seeded RNG) and deterministic request ids.
#include "World.h"

#include <cstdio>

namespace oosc::runtime::sim {

namespace {

/// Errors a real endpoint answers under trouble, with the HTTP status and
/// message it sends, so injected faults look like the real thing.
struct KnownFault {
  std::string_view code;
  int httpStatus;
  std::string_view message;
};

constexpr KnownFault KnownFaults[] = {
    {"InternalError", 500,
     "The request processing has failed due to some unknown error, exception "
     "or failure."},
    {"ServiceUnavailable", 503,
     "The request has failed due to a temporary failure of the server."},
    {"Throttling", 400, "Request was denied due to request throttling."},
    {"Throttling.User", 400, "Request was denied due to user flow control."},
    {"Throttling.Api", 400, "Request was denied due to API flow control."},
};

bool matchesName(const std::string &pattern, std::string_view name) {
  return pattern.empty() || pattern == "*" || equalsIgnoreCase(pattern, name);
}

/// SplitMix64: a tiny, well-distributed generator whose sequence is the
/// same on every platform, unlike the std distributions.
std::uint64_t splitMix(std::uint64_t &state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

ApiError faultError(const FaultRule &rule) {
  int httpStatus = 400;
  std::string message = rule.message;
  for (const KnownFault &known : KnownFaults) {
    if (known.code != rule.code)
      continue;
    httpStatus = known.httpStatus;
    if (message.empty())
      message = std::string(known.message);
  }
  if (message.empty())
    message = "Injected fault " + rule.code + ".";
  return makeError(httpStatus, rule.code, message);
}

} // namespace

FaultInjector::FaultInjector(std::vector<FaultRule> faultRules,
                             std::uint64_t seed)
    : rules(std::move(faultRules)), rngState(seed) {}

double FaultInjector::nextUnit() {
  // The top 53 bits make a double in [0, 1).
  return static_cast<double>(splitMix(rngState) >> 11) * 0x1.0p-53;
}

std::optional<ApiError> FaultInjector::check(std::string_view service,
                                             std::string_view api) {
  unsigned count = ++callCounts[lowerAscii(service) + ":" + lowerAscii(api)];
  for (const FaultRule &rule : rules) {
    if (!matchesName(rule.service, service) || !matchesName(rule.api, api))
      continue;
    bool fires = rule.nthCall != 0
                     ? count == rule.nthCall
                     : rule.probability > 0 && nextUnit() < rule.probability;
    if (fires)
      return faultError(rule);
  }
  return std::nullopt;
}

std::string makeRequestId(std::uint64_t seed, std::uint64_t callNumber,
                          Millis time) {
  std::uint64_t state = seed ^ (callNumber * 0x2545F4914F6CDD1DULL) ^
                        static_cast<std::uint64_t>(time);
  std::uint64_t high = splitMix(state);
  std::uint64_t low = splitMix(state);
  char buffer[40];
  // UUID version 4 layout, as real request ids have.
  std::snprintf(buffer, sizeof(buffer), "%08X-%04X-4%03X-%04X-%012llX",
                static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF),
                static_cast<unsigned>(high & 0xFFF),
                static_cast<unsigned>(0x8000 | ((low >> 48) & 0x3FFF)),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return buffer;
}

} // namespace oosc::runtime::sim
