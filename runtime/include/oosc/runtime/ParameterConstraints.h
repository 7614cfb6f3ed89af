// ParameterConstraints.h - Checks OOS parameter values against constraints.
#ifndef OOSC_RUNTIME_PARAMETERCONSTRAINTS_H
#define OOSC_RUNTIME_PARAMETERCONSTRAINTS_H

#include "oosc/runtime/Value.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

// PCRE2's 8-bit types, declared here so that users of this header do not need
// pcre2.h (which wants PCRE2_CODE_UNIT_WIDTH defined first).
struct pcre2_real_code_8;
struct pcre2_real_match_context_8;

namespace oosc::runtime {

/// The Type of a template parameter.
enum class ParameterType { String, Number, Boolean, List, Json };

/// Parses a Type as spelled in templates ("String", "Number", "Boolean",
/// "List", "Json"); case-sensitive, as OOS is.
std::optional<ParameterType> parseParameterType(std::string_view text);

/// The template spelling of \p type.
std::string_view parameterTypeName(ParameterType type);

/// The constraint properties of one parameter, as written in a template.
struct ParameterSpec {
  std::string name;
  ParameterType type = ParameterType::String;
  std::optional<std::vector<Value>> allowedValues;
  std::optional<std::string> allowedPattern;
  std::optional<std::int64_t> minLength, maxLength;
  std::optional<double> minValue, maxValue;
};

/// Result of matching a subject against a Pattern.
enum class MatchOutcome {
  Matched,
  NotMatched,
  /// The match limits were hit before an answer was found.
  LimitExceeded,
  /// The subject is not valid UTF-8.
  InvalidSubject,
};

/// Why an AllowedPattern failed to compile.
struct PatternError {
  /// PCRE2's description of the problem.
  std::string message;
  /// 0-based byte offset into the pattern where PCRE2 detected the problem.
  std::uint32_t offset = 0;
};

class Pattern;

/// A compiled pattern, or why it could not be compiled.
using CompiledPattern = std::variant<Pattern, PatternError>;

/// An AllowedPattern compiled with PCRE2 in UTF mode with Unicode properties
/// (\d, \w and friends match non-ASCII characters too), matched with
/// full-match semantics: the whole subject must match, whether or not the
/// pattern says ^...$ (see oos-spec.md 3.2). Immutable once compiled, so a
/// Pattern may be used from several threads at once.
class Pattern {
public:
  /// Upper bound on PCRE2's backtracking steps per match. A template's
  /// pattern must never hang the linter or a runner: with nested quantifiers
  /// such as (a+)+$ the work grows exponentially with the subject length,
  /// and this bound turns that into LimitExceeded after a few milliseconds,
  /// while staying far above what any sane pattern needs on a
  /// parameter-sized value.
  static constexpr std::uint32_t MatchLimit = 1'000'000;
  /// Upper bound on the nesting depth of backtracking points. A repeated
  /// group such as (?:.|\n)* uses about two levels per iteration, so this
  /// admits values of 100,000 characters (a long script) against such
  /// patterns, while bounding the memory a match may use.
  static constexpr std::uint32_t DepthLimit = 250'000;
  /// Upper bound, in KiB, on the heap PCRE2 may use for backtracking frames,
  /// so a deep match fails instead of exhausting memory.
  static constexpr std::uint32_t HeapLimitKiB = 64 * 1024;

  /// Compiles \p source. Never throws on a bad pattern; returns the error.
  static CompiledPattern compile(std::string_view source);

  /// Matches all of \p subject (PCRE2_ANCHORED | PCRE2_ENDANCHORED).
  MatchOutcome fullMatch(std::string_view subject) const;

  /// The pattern text this was compiled from.
  const std::string &source() const { return sourceText; }

  Pattern(Pattern &&other) noexcept;
  Pattern &operator=(Pattern &&other) noexcept;
  Pattern(const Pattern &) = delete;
  Pattern &operator=(const Pattern &) = delete;
  ~Pattern();

private:
  Pattern(std::string text, pcre2_real_code_8 *compiledCode,
          pcre2_real_match_context_8 *context);
  void release();

  std::string sourceText;
  pcre2_real_code_8 *code = nullptr;
  pcre2_real_match_context_8 *matchContext = nullptr;
};

/// Compiled patterns keyed by their text, so that a pattern shared by many
/// parameters or checked against many values is compiled once. Failures are
/// cached too. There is no locking: a cache belongs to one thread (the
/// linter creates one per worker), and it cannot be copied, so it cannot be
/// shared by accident.
class PatternCache {
public:
  PatternCache() = default;
  PatternCache(PatternCache &&) = default;
  PatternCache &operator=(PatternCache &&) = default;
  PatternCache(const PatternCache &) = delete;
  PatternCache &operator=(const PatternCache &) = delete;

  /// The compiled form of \p source, compiling it on first use. The
  /// reference stays valid for the cache's lifetime.
  const CompiledPattern &get(std::string_view source);

  /// Number of distinct pattern texts seen.
  std::size_t size() const { return entries.size(); }

  /// Forgets every pattern when more than \p maxEntries are kept, so that a
  /// long-lived cache (the language server's: a new pattern at each
  /// keystroke of an AllowedPattern) stays bounded. Invalidates references
  /// from get(): call it between checks, never during one.
  void limitTo(std::size_t maxEntries) {
    if (entries.size() > maxEntries)
      entries.clear();
  }

private:
  std::map<std::string, CompiledPattern, std::less<>> entries;
};

/// Which parameter property a violation or problem concerns.
enum class ConstraintKind {
  Type,
  AllowedValues,
  AllowedPattern,
  MinLength,
  MaxLength,
  MinValue,
  MaxValue,
};

/// The template spelling of the property behind \p kind ("AllowedValues").
std::string_view constraintKindName(ConstraintKind kind);

/// A value breaking one constraint of its parameter.
struct ConstraintViolation {
  ConstraintKind kind;
  /// Lower-case, no trailing period, about the value only (for example
  /// "'ab' is shorter than MinLength 3"), so callers can prefix the subject.
  std::string message;
};

/// A parameter's constraints that contradict themselves or cannot be used.
struct SpecProblem {
  /// The property to point at; AllowedValues for a bad entry.
  ConstraintKind kind;
  /// Lower-case, no trailing period.
  std::string message;
  /// For an AllowedPattern that does not compile: where, in bytes.
  std::optional<std::uint32_t> patternOffset;
  /// For a bad AllowedValues entry: its 0-based index.
  std::optional<std::size_t> allowedValueIndex;
};

/// Converts \p value to \p type the way OOS accepts values for a parameter:
/// String takes any non-null scalar and stringifies it (toDisplayString);
/// Number takes numbers and strings that parseNumber() accepts; Boolean takes
/// bools and the strings "true"/"false" in any case; List takes a list; Json
/// takes a map or a list. Returns std::nullopt if the value is not of the
/// type. Non-finite reals are not Numbers.
std::optional<Value> coerceToType(ParameterType type, const Value &value);

/// Checks \p value against every constraint of \p spec. The type is checked
/// first and, if it fails, is the only violation reported. Then:
/// AllowedValues (compared after conversion to the type; String compares the
/// stringified forms); AllowedPattern, MinLength and MaxLength for String
/// parameters (lengths in code points); MinValue and MaxValue for Number
/// parameters. An AllowedPattern that does not compile is skipped here;
/// checkSpec() reports it. The value must be concrete: callers resolve or
/// skip values containing {{ }} references themselves.
std::vector<ConstraintViolation> checkValue(const ParameterSpec &spec,
                                            const Value &value,
                                            PatternCache &patterns);

/// Finds problems in the constraints themselves: negative MinLength or
/// MaxLength, MinLength > MaxLength, MinValue > MaxValue, an empty
/// AllowedValues, an AllowedPattern that does not compile, and each
/// AllowedValues entry that breaks the type, pattern, length or range
/// constraints.
std::vector<SpecProblem> checkSpec(const ParameterSpec &spec,
                                   PatternCache &patterns);
/// As above with a private PatternCache.
std::vector<SpecProblem> checkSpec(const ParameterSpec &spec);

/// Converts command-line text (the value of `-p name=value`) to a value of
/// \p type: String as is; Number and Boolean as coerceToType() reads a
/// string; List and Json must be JSON text (a JSON array; an object or
/// array). Returns the value, or an error message about the text. The result
/// still has to pass checkValue().
std::variant<Value, std::string> convertArgument(ParameterType type,
                                                 std::string_view text);

} // namespace oosc::runtime

#endif // OOSC_RUNTIME_PARAMETERCONSTRAINTS_H
