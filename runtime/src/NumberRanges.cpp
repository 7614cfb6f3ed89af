//===- NumberRanges.cpp -----------------------------------------------------===//
#include "oosc/runtime/NumberRanges.h"

#include "text/MessageText.h"

#include <cmath>

namespace oosc::runtime {
namespace {

/// A number the way it appears in a message: 300, 0.5, 1e+300.
std::string shownNumber(double number) {
  if (std::trunc(number) == number && std::fabs(number) < 1e15)
    return std::to_string(static_cast<long long>(number));
  return Value(number).toJson();
}

/// A value the way it appears in a message: its text, cut when long.
std::string shownValue(const Value &value) {
  return text::quoteCut(value.isString() ? value.getString() : value.toJson());
}

/// \p value as a finite number: a number, or a string that reads as one.
std::optional<double> finiteNumber(const Value &value) {
  std::optional<Value> number = value.isString() ? parseNumber(value.getString())
                                : value.isNumber() ? std::optional<Value>(value)
                                                   : std::nullopt;
  if (!number || !std::isfinite(number->getNumber()))
    return std::nullopt;
  return number->getNumber();
}

} // namespace

const NumberRange *retryRange(std::string_view property) {
  for (const NumberRange *range : {&kRetriesRange, &kDelayRange, &kBackOffRange, &kMaxRetryIntervalRange})
    if (range->property == property)
      return range;
  return nullptr;
}

Outcome<double> numberIn(const NumberRange &range, const Value &value) {
  std::optional<double> number = finiteNumber(value);
  if (number && *number >= range.min && *number <= range.max)
    return *number;
  return fail(std::string(range.property) + " must be a number from " + shownNumber(range.min) + " to " +
              shownNumber(range.max) + ", not " + shownValue(value));
}

std::optional<std::string> rangeProblem(const NumberRange &range, const Value &value) {
  Outcome<double> number = numberIn(range, value);
  if (number)
    return std::nullopt;
  return number.error().message;
}

std::size_t LoopCount::of(std::size_t total) const {
  // Both ranges were checked, so the result fits a size_t exactly.
  double count = percentage ? std::ceil(amount * static_cast<double>(total) / 100.0) : amount;
  return static_cast<std::size_t>(count);
}

Outcome<LoopCount> parseLoopCount(std::string_view property, const Value &value) {
  LoopCount count;
  Value number = value;
  if (value.isString() && !value.getString().empty() && value.getString().back() == '%') {
    count.percentage = true;
    number = Value(std::string_view(value.getString()).substr(0, value.getString().size() - 1));
  }
  std::optional<double> amount = finiteNumber(number);
  double limit = count.percentage ? 100 : kMaxLoopCount;
  if (!amount || *amount < 0 || *amount > limit)
    return fail(std::string(property) + " must be a number from 0 to " + shownNumber(kMaxLoopCount) +
                " or a percentage from 0% to 100% such as '25%', not " + shownValue(value));
  count.amount = *amount;
  return count;
}

} // namespace oosc::runtime
