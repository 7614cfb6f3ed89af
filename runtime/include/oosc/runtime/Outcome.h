//===- Outcome.h - A value or the reason there is none ---------------------===//
//
// The runtime's error channel: evaluation, API calls and actions return an
// Outcome instead of throwing, so the executor decides what a failure means
// (retry, OnError, end of the execution).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace oosc::runtime {

/// Why something failed, in words for the person running the template.
struct Failure {
  std::string message;
  /// A person or a signal cancelled it (ACS::Approve rejected, a pause
  /// cancelled): the execution ends Cancelled, not Failed.
  bool cancelled = false;
};

template <typename T, typename E = Failure> class Outcome {
public:
  Outcome(T value) : storage_(std::in_place_index<0>, std::move(value)) {}
  Outcome(E error) : storage_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return storage_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T &value() { return std::get<0>(storage_); }
  const T &value() const { return std::get<0>(storage_); }
  const E &error() const { return std::get<1>(storage_); }

private:
  std::variant<T, E> storage_;
};

/// Shorthand for a failed Outcome with a message.
inline Failure fail(std::string message) { return Failure{std::move(message)}; }

} // namespace oosc::runtime
