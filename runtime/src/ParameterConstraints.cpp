// ParameterConstraints.cpp - Parameter conversion, patterns and checks.
#include "oosc/runtime/ParameterConstraints.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <cmath>
#include <memory>
#include <utility>

namespace oosc::runtime {

namespace {

/// Values quoted in messages are cut to this many code points, so that a
/// long script passed as a parameter does not drown the diagnostic.
constexpr std::size_t MaxShownCodePoints = 80;

/// At most this many AllowedValues are listed in a message.
constexpr std::size_t MaxShownAllowedValues = 20;

/// PCRE2 error texts are short; its own documentation suggests 120 bytes.
constexpr std::size_t PcreErrorBufferSize = 256;

bool isContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string truncateForMessage(std::string_view text) {
  if (countCodePoints(text) <= MaxShownCodePoints)
    return std::string(text);
  constexpr std::size_t Kept = MaxShownCodePoints - 3;
  std::size_t seen = 0;
  std::size_t pos = 0;
  // Cut before a lead byte so no UTF-8 sequence is split.
  for (; pos < text.size(); ++pos) {
    if (isContinuationByte(text[pos]))
      continue;
    if (seen == Kept)
      break;
    ++seen;
  }
  return std::string(text.substr(0, pos)) + "...";
}

/// Length of the UTF-8 sequence that \p lead starts, or 0 if it cannot
/// start one.
std::size_t utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80)
    return 1;
  if ((lead & 0xE0) == 0xC0)
    return 2;
  if ((lead & 0xF0) == 0xE0)
    return 3;
  if ((lead & 0xF8) == 0xF0)
    return 4;
  return 0;
}

/// Makes control characters and bytes that are not UTF-8 visible, so a
/// message stays on one line and is valid UTF-8 wherever it is written.
std::string escapeForMessage(std::string_view text) {
  static constexpr char HexDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    char c = text[pos];
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      std::size_t length = utf8SequenceLength(byte);
      if (length != 0 && isValidUtf8(text.substr(pos, length))) {
        out.append(text, pos, length);
        pos += length;
        continue;
      }
    }
    ++pos;
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (byte < 0x20 || byte >= 0x7F)
      out += std::string("\\x") + HexDigits[byte >> 4] + HexDigits[byte & 0xF];
    else
      out += c;
  }
  return out;
}

/// How a value appears in a message: strings in single quotes, everything
/// else as JSON.
/// "'text'", or "'tex...' (1048576 characters)" for a long one: a 10 MB
/// value in a message says how long it was, not what it was.
std::string quoteForMessage(std::string_view text) {
  std::string quoted = "'" + escapeForMessage(truncateForMessage(text)) + "'";
  std::size_t length = countCodePoints(text);
  if (length > MaxShownCodePoints)
    quoted += " (" + std::to_string(length) + " characters)";
  return quoted;
}

std::string describe(const Value &value) {
  if (value.isString())
    return quoteForMessage(value.getString());
  std::string json = value.toJson();
  std::size_t length = countCodePoints(json);
  return truncateForMessage(json) +
         (length > MaxShownCodePoints ? " (" + std::to_string(length) + " characters of JSON)" : "");
}

std::string describePattern(std::string_view pattern) { return quoteForMessage(pattern); }

/// Limits are stored as double but usually written as integers in
/// templates; show them the way they were most likely written.
std::string formatLimit(double limit) {
  constexpr double LargestExactInteger = 1e15;
  if (std::isfinite(limit) && std::trunc(limit) == limit &&
      std::fabs(limit) < LargestExactInteger)
    return std::to_string(static_cast<std::int64_t>(limit));
  return Value(limit).toJson();
}

std::string typePhrase(ParameterType type) {
  if (type == ParameterType::Json)
    return "a Json object or array";
  return "a " + std::string(parameterTypeName(type));
}

bool equalsIgnoringAsciiCase(std::string_view lhs, std::string_view rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (std::size_t i = 0; i < lhs.size(); ++i) {
    char a = lhs[i];
    char b = rhs[i];
    if (a >= 'A' && a <= 'Z')
      a = static_cast<char>(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z')
      b = static_cast<char>(b - 'A' + 'a');
    if (a != b)
      return false;
  }
  return true;
}

std::optional<Value> coerceToNumber(const Value &value) {
  if (value.isInteger())
    return value;
  if (value.isReal())
    return std::isfinite(value.getReal()) ? std::optional<Value>(value)
                                          : std::nullopt;
  if (value.isString())
    return parseNumber(value.getString());
  return std::nullopt;
}

std::optional<Value> coerceToBoolean(const Value &value) {
  if (value.isBool())
    return value;
  if (!value.isString())
    return std::nullopt;
  if (equalsIgnoringAsciiCase(value.getString(), "true"))
    return Value(true);
  if (equalsIgnoringAsciiCase(value.getString(), "false"))
    return Value(false);
  return std::nullopt;
}

void checkAllowedValues(const ParameterSpec &spec, const Value &original,
                        const Value &converted,
                        std::vector<ConstraintViolation> &out) {
  if (!spec.allowedValues)
    return;
  const std::vector<Value> &allowed = *spec.allowedValues;
  if (allowed.empty()) {
    out.push_back(
        {ConstraintKind::AllowedValues,
         describe(original) + " is not allowed: AllowedValues is empty"});
    return;
  }
  std::string subject = describe(original);
  if (spec.type == ParameterType::List) {
    // A List parameter's AllowedValues are the elements a user may pick
    // (a multi-select), so each element is checked on its own.
    for (const Value &element : converted.getList()) {
      bool found = false;
      for (const Value &candidate : allowed)
        found = found || candidate.toDisplayString() == element.toDisplayString();
      if (!found) {
        subject = "element " + describe(element) + " of " + describe(original);
        break;
      }
      if (&element == &converted.getList().back())
        return;
    }
    if (converted.getList().empty())
      return;
  } else {
    for (const Value &candidate : allowed) {
      // Entries of the wrong type can never match; checkSpec reports them.
      std::optional<Value> convertedCandidate =
          coerceToType(spec.type, candidate);
      if (convertedCandidate && *convertedCandidate == converted)
        return;
    }
  }
  std::string message = subject + " is not one of the allowed values ";
  for (std::size_t i = 0; i < allowed.size() && i < MaxShownAllowedValues;
       ++i) {
    if (i > 0)
      message += ", ";
    message += describe(allowed[i]);
  }
  if (allowed.size() > MaxShownAllowedValues)
    message += " and " +
               std::to_string(allowed.size() - MaxShownAllowedValues) + " more";
  out.push_back({ConstraintKind::AllowedValues, std::move(message)});
}

void checkAllowedPattern(const ParameterSpec &spec, const Value &original,
                         const std::string &text, PatternCache &patterns,
                         std::vector<ConstraintViolation> &out) {
  if (!spec.allowedPattern)
    return;
  const CompiledPattern &compiled = patterns.get(*spec.allowedPattern);
  const Pattern *pattern = std::get_if<Pattern>(&compiled);
  if (!pattern)
    return; // checkSpec reports patterns that do not compile.
  std::string shownPattern = describePattern(*spec.allowedPattern);
  switch (pattern->fullMatch(text)) {
  case MatchOutcome::Matched:
    return;
  case MatchOutcome::NotMatched:
    out.push_back({ConstraintKind::AllowedPattern,
                   describe(original) + " does not match AllowedPattern " +
                       shownPattern});
    return;
  case MatchOutcome::LimitExceeded:
    // Never a silent pass or mismatch: the value is refused, and the
    // message says the pattern is at fault, not the value.
    out.push_back({ConstraintKind::AllowedPattern,
                   "cannot check " + describe(original) +
                       " against AllowedPattern " + shownPattern +
                       ": the pattern is too costly to match against a value of " +
                       std::to_string(countCodePoints(text)) +
                       " characters (it reached PCRE2's backtracking limits; "
                       "nested quantifiers such as (a+)+ backtrack exponentially)"});
    return;
  case MatchOutcome::InvalidSubject:
    out.push_back({ConstraintKind::AllowedPattern,
                   "cannot check " + describe(original) +
                       " against AllowedPattern " + shownPattern +
                       ": the value is not valid UTF-8"});
    return;
  }
}

void checkLength(const ParameterSpec &spec, const Value &original,
                 const std::string &text,
                 std::vector<ConstraintViolation> &out) {
  // Lengths count characters, as people do, not UTF-8 bytes.
  auto length = static_cast<std::int64_t>(countCodePoints(text));
  if (spec.minLength && length < *spec.minLength)
    out.push_back({ConstraintKind::MinLength,
                   describe(original) + " is shorter than MinLength " +
                       std::to_string(*spec.minLength)});
  if (spec.maxLength && length > *spec.maxLength)
    out.push_back({ConstraintKind::MaxLength,
                   describe(original) + " is longer than MaxLength " +
                       std::to_string(*spec.maxLength)});
}

void checkRange(const ParameterSpec &spec, const Value &original,
                const Value &number, std::vector<ConstraintViolation> &out) {
  double amount = number.getNumber();
  if (spec.minValue && amount < *spec.minValue)
    out.push_back({ConstraintKind::MinValue, describe(original) +
                                                 " is less than MinValue " +
                                                 formatLimit(*spec.minValue)});
  if (spec.maxValue && amount > *spec.maxValue)
    out.push_back({ConstraintKind::MaxValue, describe(original) +
                                                 " is greater than MaxValue " +
                                                 formatLimit(*spec.maxValue)});
}

std::string pcreErrorText(int errorCode) {
  PCRE2_UCHAR buffer[PcreErrorBufferSize];
  int length = pcre2_get_error_message(errorCode, buffer, sizeof(buffer));
  if (length < 0)
    return "unknown PCRE2 error " + std::to_string(errorCode);
  return std::string(reinterpret_cast<const char *>(buffer),
                     static_cast<std::size_t>(length));
}

bool isUtf8Error(int code) {
  return code <= PCRE2_ERROR_UTF8_ERR1 && code >= PCRE2_ERROR_UTF8_ERR21;
}

/// PCRE2 rejects a null pointer even with length 0; an empty string_view
/// may carry one.
PCRE2_SPTR nonNullText(std::string_view text) {
  static constexpr char Empty[] = "";
  return reinterpret_cast<PCRE2_SPTR>(text.data() ? text.data() : Empty);
}

std::vector<SpecProblem> checkLimits(const ParameterSpec &spec) {
  std::vector<SpecProblem> problems;
  if (spec.minLength && *spec.minLength < 0)
    problems.push_back(
        {ConstraintKind::MinLength,
         "MinLength " + std::to_string(*spec.minLength) + " is negative",
         std::nullopt, std::nullopt});
  if (spec.maxLength && *spec.maxLength < 0)
    problems.push_back(
        {ConstraintKind::MaxLength,
         "MaxLength " + std::to_string(*spec.maxLength) + " is negative",
         std::nullopt, std::nullopt});
  if (spec.minLength && spec.maxLength && *spec.minLength > *spec.maxLength)
    problems.push_back({ConstraintKind::MinLength,
                        "MinLength " + std::to_string(*spec.minLength) +
                            " is greater than MaxLength " +
                            std::to_string(*spec.maxLength),
                        std::nullopt, std::nullopt});
  if (spec.minValue && spec.maxValue && *spec.minValue > *spec.maxValue)
    problems.push_back({ConstraintKind::MinValue,
                        "MinValue " + formatLimit(*spec.minValue) +
                            " is greater than MaxValue " +
                            formatLimit(*spec.maxValue),
                        std::nullopt, std::nullopt});
  return problems;
}

void checkAllowedEntries(const ParameterSpec &spec, PatternCache &patterns,
                         std::vector<SpecProblem> &out) {
  if (!spec.allowedValues)
    return;
  if (spec.allowedValues->empty()) {
    out.push_back({ConstraintKind::AllowedValues,
                   "no value is allowed: AllowedValues is empty", std::nullopt,
                   std::nullopt});
    return;
  }
  // A List parameter's entries are elements, not lists: nothing to check.
  if (spec.type == ParameterType::List)
    return;
  // Each entry must satisfy every other constraint, or it can never be
  // chosen.
  ParameterSpec entrySpec = spec;
  entrySpec.allowedValues.reset();
  const std::vector<Value> &entries = *spec.allowedValues;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (ConstraintViolation &violation :
         checkValue(entrySpec, entries[i], patterns))
      out.push_back({ConstraintKind::AllowedValues,
                     "entry " + std::to_string(i + 1) +
                         " of AllowedValues: " + violation.message,
                     std::nullopt, i});
  }
}

} // namespace

std::optional<ParameterType> parseParameterType(std::string_view text) {
  for (ParameterType type :
       {ParameterType::String, ParameterType::Number, ParameterType::Boolean,
        ParameterType::List, ParameterType::Json})
    if (parameterTypeName(type) == text)
      return type;
  return std::nullopt;
}

std::string_view parameterTypeName(ParameterType type) {
  switch (type) {
  case ParameterType::String:
    return "String";
  case ParameterType::Number:
    return "Number";
  case ParameterType::Boolean:
    return "Boolean";
  case ParameterType::List:
    return "List";
  case ParameterType::Json:
    return "Json";
  }
  return "String";
}

std::string_view constraintKindName(ConstraintKind kind) {
  switch (kind) {
  case ConstraintKind::Type:
    return "Type";
  case ConstraintKind::AllowedValues:
    return "AllowedValues";
  case ConstraintKind::AllowedPattern:
    return "AllowedPattern";
  case ConstraintKind::MinLength:
    return "MinLength";
  case ConstraintKind::MaxLength:
    return "MaxLength";
  case ConstraintKind::MinValue:
    return "MinValue";
  case ConstraintKind::MaxValue:
    return "MaxValue";
  }
  return "Type";
}

//===----------------------------------------------------------------------===//
// Pattern
//===----------------------------------------------------------------------===//

Pattern::Pattern(std::string text, pcre2_code *compiledCode,
                 pcre2_match_context *context)
    : sourceText(std::move(text)), code(compiledCode), matchContext(context) {}

Pattern::Pattern(Pattern &&other) noexcept
    : sourceText(std::move(other.sourceText)),
      code(std::exchange(other.code, nullptr)),
      matchContext(std::exchange(other.matchContext, nullptr)) {}

Pattern &Pattern::operator=(Pattern &&other) noexcept {
  if (this != &other) {
    release();
    sourceText = std::move(other.sourceText);
    code = std::exchange(other.code, nullptr);
    matchContext = std::exchange(other.matchContext, nullptr);
  }
  return *this;
}

Pattern::~Pattern() { release(); }

void Pattern::release() {
  // Both free functions accept null.
  pcre2_match_context_free(matchContext);
  pcre2_code_free(code);
  matchContext = nullptr;
  code = nullptr;
}

CompiledPattern Pattern::compile(std::string_view source) {
  int errorCode = 0;
  PCRE2_SIZE errorOffset = 0;
  // \C could split a UTF-8 character and break the matcher's UTF invariants.
  // PCRE2_ALT_BSUX: \uXXXX and \xXX as in Java and Python regexes, which is
  // how templates write ranges such as [\u4e00-\u9fa5] (Chinese characters).
  constexpr uint32_t Options =
      PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | PCRE2_ALT_BSUX;
  pcre2_code *compiledCode =
      pcre2_compile(nonNullText(source), source.size(), Options, &errorCode,
                    &errorOffset, nullptr);
  if (!compiledCode)
    return PatternError{pcreErrorText(errorCode),
                        static_cast<std::uint32_t>(errorOffset)};

  pcre2_match_context *context = pcre2_match_context_create(nullptr);
  if (!context) {
    pcre2_code_free(compiledCode);
    return PatternError{"out of memory", 0};
  }
  pcre2_set_match_limit(context, MatchLimit);
  pcre2_set_depth_limit(context, DepthLimit);
  pcre2_set_heap_limit(context, HeapLimitKiB);
  return Pattern(std::string(source), compiledCode, context);
}

MatchOutcome Pattern::fullMatch(std::string_view subject) const {
  // Match data is per call rather than a member so that one Pattern can be
  // used from several threads; one ovector pair is all a yes/no needs.
  struct MatchDataDeleter {
    void operator()(pcre2_match_data *data) const {
      pcre2_match_data_free(data);
    }
  };
  std::unique_ptr<pcre2_match_data, MatchDataDeleter> matchData(
      pcre2_match_data_create(1, nullptr));
  if (!matchData)
    return MatchOutcome::LimitExceeded;

  int result = pcre2_match(code, nonNullText(subject), subject.size(), 0,
                           PCRE2_ANCHORED | PCRE2_ENDANCHORED, matchData.get(),
                           matchContext);
  if (result >= 0)
    return MatchOutcome::Matched;
  if (result == PCRE2_ERROR_NOMATCH)
    return MatchOutcome::NotMatched;
  if (isUtf8Error(result))
    return MatchOutcome::InvalidSubject;
  // The match, depth and heap limits, or memory exhaustion: no answer could
  // be found within the resources a check may use.
  return MatchOutcome::LimitExceeded;
}

const CompiledPattern &PatternCache::get(std::string_view source) {
  auto it = entries.find(source);
  if (it == entries.end())
    it = entries.emplace(std::string(source), Pattern::compile(source)).first;
  return it->second;
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

std::optional<Value> coerceToType(ParameterType type, const Value &value) {
  switch (type) {
  case ParameterType::String:
    if (value.isScalar() && !value.isNull())
      return Value(value.toDisplayString());
    return std::nullopt;
  case ParameterType::Number:
    return coerceToNumber(value);
  case ParameterType::Boolean:
    return coerceToBoolean(value);
  case ParameterType::List:
    return value.isList() ? std::optional<Value>(value) : std::nullopt;
  case ParameterType::Json:
    if (value.isMap() || value.isList())
      return value;
    // OOS takes a Json parameter as the JSON text of one too (a caller's
    // Fn::Replace or Fn::Join builds it as a string).
    if (value.isString())
      if (std::optional<Value> parsed = parseJson(value.getString()); parsed && (parsed->isMap() || parsed->isList()))
        return parsed;
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<ConstraintViolation> checkValue(const ParameterSpec &spec,
                                            const Value &value,
                                            PatternCache &patterns) {
  std::vector<ConstraintViolation> violations;
  std::optional<Value> converted = coerceToType(spec.type, value);
  if (!converted) {
    // The other constraints are meaningless for a value of the wrong type.
    violations.push_back({ConstraintKind::Type, describe(value) + " is not " +
                                                    typePhrase(spec.type)});
    return violations;
  }
  checkAllowedValues(spec, value, *converted, violations);
  if (spec.type == ParameterType::String) {
    const std::string &text = converted->getString();
    checkAllowedPattern(spec, value, text, patterns, violations);
    checkLength(spec, value, text, violations);
  } else if (spec.type == ParameterType::Number) {
    checkRange(spec, value, *converted, violations);
  }
  return violations;
}

std::vector<SpecProblem> checkSpec(const ParameterSpec &spec,
                                   PatternCache &patterns) {
  std::vector<SpecProblem> problems = checkLimits(spec);
  if (spec.allowedPattern) {
    const CompiledPattern &compiled = patterns.get(*spec.allowedPattern);
    if (const auto *error = std::get_if<PatternError>(&compiled))
      problems.push_back({ConstraintKind::AllowedPattern,
                          "invalid AllowedPattern " +
                              describePattern(*spec.allowedPattern) + ": " +
                              error->message + " at offset " +
                              std::to_string(error->offset),
                          error->offset, std::nullopt});
  }
  checkAllowedEntries(spec, patterns, problems);
  return problems;
}

std::vector<SpecProblem> checkSpec(const ParameterSpec &spec) {
  PatternCache patterns;
  return checkSpec(spec, patterns);
}

std::variant<Value, std::string> convertArgument(ParameterType type,
                                                 std::string_view text) {
  using Result = std::variant<Value, std::string>;
  Value asString{text};
  switch (type) {
  case ParameterType::String:
    return Result(std::in_place_index<0>, std::move(asString));
  case ParameterType::Number:
  case ParameterType::Boolean: {
    if (std::optional<Value> converted = coerceToType(type, asString))
      return Result(std::in_place_index<0>, std::move(*converted));
    std::string expected =
        type == ParameterType::Boolean ? " (expected true or false)" : "";
    return Result(std::in_place_index<1>, describe(asString) + " is not " +
                                              typePhrase(type) + expected);
  }
  case ParameterType::List:
  case ParameterType::Json: {
    // A comma-separated list would be ambiguous for items containing commas,
    // so only JSON is accepted, and the message says so.
    std::string expected =
        type == ParameterType::List
            ? "expected a JSON array such as [\"a\",\"b\"]"
            : "expected a JSON object or array such as {\"key\":\"value\"}";
    JsonParseError error;
    std::optional<Value> parsed = parseJson(text, &error);
    if (!parsed)
      return Result(std::in_place_index<1>,
                    describe(asString) + " is not " + typePhrase(type) + ": " +
                        expected + " (invalid JSON at offset " +
                        std::to_string(error.offset) + ": " + error.message +
                        ")");
    if (!coerceToType(type, *parsed))
      return Result(std::in_place_index<1>, describe(asString) + " is not " +
                                                typePhrase(type) + ": " +
                                                expected);
    return Result(std::in_place_index<0>, std::move(*parsed));
  }
  }
  return Result(std::in_place_index<0>, std::move(asString));
}

} // namespace oosc::runtime
