//===- NumberRanges.h - The ranges of the numbers a template gives a task --===//
//
// Retry settings and loop counts come from template text (literals,
// parameters, Fn::Eval). Each is checked against its range before it
// reaches arithmetic: a count of 1e300 or NaN converted to an integer is
// undefined behaviour, and a huge delay overflows the clock. The runner
// (executor/Retry.cpp, executor/Loops.cpp) and the linter (rules `schema`
// and `loop`) check them with these same functions and words.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Value.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::runtime {

/// The range a task property's number must lie in.
struct NumberRange {
  std::string_view property;
  double min, max;
};

/// Retries: documented 0 to 300 (oos-spec.md 7.2).
inline constexpr NumberRange kRetriesRange{"Retries", 0, 300};
/// Delay: documented 1 to 3600 seconds; 0 (no wait) is harmless.
inline constexpr NumberRange kDelayRange{"Delay", 0, 3600};
/// BackOff: seconds added per retry (Linear); undocumented range, bounded
/// like Delay.
inline constexpr NumberRange kBackOffRange{"BackOff", 0, 3600};
/// MaxRetryInterval: default 1800 seconds; at most a day.
inline constexpr NumberRange kMaxRetryIntervalRange{"MaxRetryInterval", 0, 86400};

/// The range of \p property among the retry settings above, if it is one.
const NumberRange *retryRange(std::string_view property);

/// \p value as a number inside \p range, or the error saying why not
/// ("Retries must be a number from 0 to 300, not 1000"). Strings are read
/// as OOS reads a number written as a string.
Outcome<double> numberIn(const NumberRange &range, const Value &value);

/// numberIn's error, for a check that needs no number: nothing when
/// \p value is a finite number inside \p range.
std::optional<std::string> rangeProblem(const NumberRange &range, const Value &value);

/// 2^53: every whole number up to it is exact in a double, and converts to
/// int64_t without undefined behaviour (1e300 does not). Parameter lengths
/// (MinLength, MaxLength) must lie within it.
inline constexpr double kLargestExactInteger = 9007199254740992.0;

/// The largest count a loop's Concurrency, MaxErrors, Batch and
/// ConcurrencyInBatches take: far above the 1,000 items a loop may have,
/// far below where a count stops being exact.
inline constexpr double kMaxLoopCount = 1'000'000;

/// A loop count as written: a number of items, or a percentage of them.
struct LoopCount {
  double amount = 0;
  bool percentage = false;

  /// The number of items out of \p total, rounding a percentage up.
  std::size_t of(std::size_t total) const;
};

/// Reads a loop count ("10", 10, "25%"): a number from 0 to kMaxLoopCount,
/// or a percentage from 0% to 100%. The error names \p property.
Outcome<LoopCount> parseLoopCount(std::string_view property, const Value &value);

} // namespace oosc::runtime
