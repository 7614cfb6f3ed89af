//===- NumberBoundsTest.cpp - Numbers from templates checked before use ---===//
//
// Issue 11: numbers that come from template text (Sleep durations, retry
// settings, loop counts) reached arithmetic unchecked, and a double past the
// range of an integer converted to one is undefined behaviour. Each case
// below was such a value; UBSan (with -fsanitize=float-cast-overflow)
// reported it, or std::stod threw out of the runner, before the fix.
//
//===----------------------------------------------------------------------===//
#include "executor/Durations.h"
#include "executor/Retry.h"
#include "oosc/runtime/MessageText.h"
#include "oosc/runtime/NumberRanges.h"
#include "text/MessageText.h"

#include <gtest/gtest.h>

#include <cmath>

namespace oosc::runtime {
namespace {

std::string durationError(const std::string &text) {
  auto duration = parseDuration(text);
  EXPECT_FALSE(duration) << text << " read as " << (duration ? duration.value().count() : 0) << " ms";
  return duration ? "" : duration.error().message;
}

TEST(SleepDuration, ReadsEveryFormItDidBefore) {
  struct Case {
    const char *text;
    long long milliseconds;
  };
  for (Case c : {Case{"PT1M", 60'000}, {"pt1h30m", 5'400'000}, {"1H2M", 3'720'000}, {"30s", 30'000},
                 {"P1DT2H", 93'600'000}, {"P1W", 604'800'000}, {"PT0.5S", 500}, {"PT0S", 0},
                 {"P365D", 365LL * 86'400'000}, {"PT 1 M", 60'000}, {"4m", 240'000}}) {
    auto duration = parseDuration(c.text);
    ASSERT_TRUE(duration) << c.text << ": " << duration.error().message;
    EXPECT_EQ(duration.value().count(), c.milliseconds) << c.text;
  }
  // Too small for a double: nothing to wait.
  auto tiny = parseDuration("PT0." + std::string(400, '0') + "1S");
  ASSERT_TRUE(tiny) << tiny.error().message;
  EXPECT_EQ(tiny.value().count(), 0);
}

TEST(SleepDuration, RefusesWhatCannotBeADuration) {
  const std::string advice = "': write ISO 8601 (PT1H30M) or a short form (1H30M, 90S)";
  // std::stod threw std::invalid_argument on '.S' (the runner ended with
  // 'terminate called') and read 'PT1.5.5S' as 1.5 seconds.
  EXPECT_EQ(durationError(".S"), "invalid duration '.S" + advice);
  EXPECT_EQ(durationError("PT1.5.5S"), "invalid duration 'PT1.5.5S" + advice);
  EXPECT_EQ(durationError("PT-5S"), "invalid duration 'PT-5S" + advice);
  EXPECT_EQ(durationError("P1M"), "invalid duration 'P1M" + advice);
}

TEST(SleepDuration, RefusesWhatNoClockCanWait) {
  const std::string longest = "' is longer than 365 days (P365D), the longest a runner waits";
  // 3.6e23 ms and an infinite product were converted to long long (UB);
  // 35999999996400000 ms overflowed std::chrono's nanoseconds.
  EXPECT_EQ(durationError("PT99999999999999999H"), "duration 'PT99999999999999999H" + longest);
  std::string days300 = "P" + std::string(300, '9') + "D";
  EXPECT_EQ(durationError(days300), "duration " + text::quoteCut(days300) + longest.substr(1));
  EXPECT_EQ(durationError("PT9999999999H"), "duration 'PT9999999999H" + longest);
  // Past the range of a double (std::stod threw std::out_of_range).
  for (std::string huge : {"P" + std::string(400, '9') + "D", std::string(400, '9') + "S"})
    EXPECT_EQ(durationError(huge), "duration " + text::quoteCut(huge) + longest.substr(1));
  EXPECT_EQ(durationError("P365DT1S"), "duration 'P365DT1S" + longest);
}

TEST(RetrySettings, AreCheckedAgainstTheirRanges) {
  struct Case {
    const NumberRange &range;
    Value value;
    const char *problem; ///< nullptr: in range
  };
  const Case cases[] = {
      {kRetriesRange, Value(300), nullptr},
      {kRetriesRange, Value("7"), nullptr},
      {kRetriesRange, Value(301), "Retries must be a number from 0 to 300, not '301'"},
      {kRetriesRange, Value(-1), "Retries must be a number from 0 to 300, not '-1'"},
      // NaN: refused before too, but without the range.
      {kRetriesRange, Value(std::nan("")), "Retries must be a number from 0 to 300, not 'NaN'"},
      {kRetriesRange, Value("many"), "Retries must be a number from 0 to 300, not 'many'"},
      {kDelayRange, Value(0.5), nullptr},
      {kDelayRange, Value(1e300), "Delay must be a number from 0 to 3600, not '1e+300'"},
      {kBackOffRange, Value("1e999"), "BackOff must be a number from 0 to 3600, not '1e999'"},
      // 1e300 seconds, times 1000, was converted to long long (UB).
      {kMaxRetryIntervalRange, Value(1e300), "MaxRetryInterval must be a number from 0 to 86400, not '1e+300'"},
      {kMaxRetryIntervalRange, Value(86400), nullptr},
  };
  for (const Case &c : cases) {
    std::optional<std::string> problem = rangeProblem(c.range, c.value);
    if (c.problem)
      EXPECT_EQ(problem.value_or("(in range)"), c.problem) << c.value.toJson();
    else
      EXPECT_FALSE(problem) << *problem;
  }
  EXPECT_EQ(retryRange("Retries"), &kRetriesRange);
  EXPECT_EQ(retryRange("Loop"), nullptr);
}

TEST(RetrySettings, TheLongestWaitsStayExact) {
  RetryPolicy policy;
  policy.kind = RetryPolicy::Kind::Linear;
  policy.delaySeconds = kDelayRange.max;
  policy.backOff = kBackOffRange.max;
  policy.maxIntervalSeconds = kMaxRetryIntervalRange.max;
  EXPECT_EQ(policy.delayBefore(300).count(), 86'400'000);
  policy.kind = RetryPolicy::Kind::Exponential;
  EXPECT_EQ(policy.delayBefore(299).count(), 86'400'000);
}

TEST(LoopCounts, AreNumbersOrPercentagesInRange) {
  struct Case {
    Value value;
    std::size_t ofTen; ///< items out of 10, when valid
    bool valid;
  };
  const Case cases[] = {
      {Value(3), 3, true},          {Value("3"), 3, true},        {Value("25%"), 3, true},
      {Value("100%"), 10, true},    {Value(0), 0, true},          {Value(2.5), 2, true},
      {Value(1000000), 1000000, true},
      // Each was converted to size_t out of range (UB), or stod read a prefix.
      {Value(1e300), 0, false},     {Value("inf"), 0, false},     {Value("nan"), 0, false},
      {Value(std::nan("")), 0, false}, {Value("1e20"), 0, false}, {Value("150%"), 0, false},
      {Value("-1"), 0, false},      {Value("10abc"), 0, false},   {Value("%"), 0, false},
      {Value(true), 0, false},      {Value(Value::List{}), 0, false},
  };
  for (const Case &c : cases) {
    auto count = parseLoopCount("Concurrency", c.value);
    EXPECT_EQ(count.ok(), c.valid) << c.value.toJson();
    if (count && c.valid) {
      EXPECT_EQ(count.value().of(10), c.ofTen) << c.value.toJson();
    }
    if (!count) {
      EXPECT_EQ(count.error().message.rfind("Concurrency must be a number from 0 to 1000000 or a "
                                            "percentage from 0% to 100% such as '25%', not '",
                                            0),
                0u)
          << count.error().message;
    }
  }
}

TEST(MessageText, CutsLongValuesWithTheirLength) {
  EXPECT_EQ(text::quoteCut("short"), "'short'");
  EXPECT_EQ(text::quoteCut(std::string(60, 'a')), "'" + std::string(60, 'a') + "'");
  EXPECT_EQ(text::quoteCut(std::string(10'000'000, 'a')), "'" + std::string(60, 'a') + "...' (10000000 bytes)");
  // Never splits a UTF-8 character: 20 three-byte characters and more.
  std::string chinese;
  for (int i = 0; i < 22; ++i)
    chinese += "\xE4\xB8\xAD";
  EXPECT_EQ(text::quoteCut(chinese), "'" + chinese.substr(0, 60) + "...' (66 bytes)");
  // The linter's libraries quote through the public face, the same way.
  EXPECT_EQ(quoteCut(chinese), text::quoteCut(chinese));
}

} // namespace
} // namespace oosc::runtime
