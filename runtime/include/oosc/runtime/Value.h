// Value.h - A JSON-like value type shared by the linter and generated runners.
#ifndef OOSC_RUNTIME_VALUE_H
#define OOSC_RUNTIME_VALUE_H

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace oosc::runtime {

/// A dynamically typed JSON-like value: null, bool, 64-bit integer, double,
/// string, list or map.
///
/// Maps keep their members in insertion order because templates and runner
/// output are read by people, who expect keys in the order they were written.
/// Keys are expected to be unique; set() maintains that, direct edits through
/// getMap() must.
class Value {
public:
  enum class Kind { Null, Bool, Integer, Real, String, List, Map };

  using List = std::vector<Value>;
  using Member = std::pair<std::string, Value>;
  using Map = std::vector<Member>;

  /// Creates null.
  Value() noexcept = default;
  Value(std::nullptr_t) noexcept {}
  Value(bool b) : storage(b) {}
  /// Any integer type that fits in int64_t; uint64_t is excluded because
  /// half of its range would silently wrap.
  template <
      typename IntT,
      std::enable_if_t<
          std::is_integral_v<IntT> && !std::is_same_v<IntT, bool> &&
              (std::is_signed_v<IntT> || sizeof(IntT) < sizeof(std::int64_t)),
          int> = 0>
  Value(IntT i) : storage(static_cast<std::int64_t>(i)) {}
  Value(double d) : storage(d) {}
  Value(const char *s) : storage(std::string(s)) {}
  Value(std::string s) : storage(std::move(s)) {}
  Value(std::string_view s) : storage(std::string(s)) {}
  explicit Value(List items) : storage(std::move(items)) {}
  explicit Value(Map members) : storage(std::move(members)) {}

  Kind kind() const { return static_cast<Kind>(storage.index()); }
  bool isNull() const { return kind() == Kind::Null; }
  bool isBool() const { return kind() == Kind::Bool; }
  bool isInteger() const { return kind() == Kind::Integer; }
  bool isReal() const { return kind() == Kind::Real; }
  /// True for both Integer and Real.
  bool isNumber() const { return isInteger() || isReal(); }
  bool isString() const { return kind() == Kind::String; }
  bool isList() const { return kind() == Kind::List; }
  bool isMap() const { return kind() == Kind::Map; }
  /// True for null, bool, numbers and strings.
  bool isScalar() const { return !isList() && !isMap(); }

  /// Accessors; calling one for the wrong kind throws std::bad_variant_access.
  bool getBool() const { return std::get<bool>(storage); }
  std::int64_t getInteger() const { return std::get<std::int64_t>(storage); }
  double getReal() const { return std::get<double>(storage); }
  /// The value of an Integer or Real as a double.
  double getNumber() const;
  const std::string &getString() const {
    return std::get<std::string>(storage);
  }
  const List &getList() const { return std::get<List>(storage); }
  List &getList() { return std::get<List>(storage); }
  const Map &getMap() const { return std::get<Map>(storage); }
  Map &getMap() { return std::get<Map>(storage); }

  /// Number of elements of a list or members of a map; 0 for scalars.
  std::size_t size() const;

  /// Appends to a list. Precondition: isList().
  void append(Value item);

  /// Map lookup by exact key; nullptr when absent or when this is not a map.
  const Value *find(std::string_view key) const;
  Value *find(std::string_view key);
  /// Map lookup ignoring ASCII case, for keys that OOS treats
  /// case-insensitively; the first matching member wins.
  const Value *findCaseInsensitive(std::string_view key) const;
  /// The member at a dotted path of map keys (`Instances.Instance`), exact
  /// keys; nullptr when a step is absent or not a map. "" is this value.
  const Value *findPath(std::string_view dottedPath) const;
  Value *findPath(std::string_view dottedPath);
  /// Replaces the member named \p key or appends it. Precondition: isMap().
  Value &set(std::string key, Value value);

  /// Compact JSON text (no insignificant whitespace). Reals are written like
  /// Python's repr (1.0, 1e+20, 1e-05) so a real stays a real on a round
  /// trip; NaN and infinities, which JSON cannot express, are written as
  /// NaN, Infinity and -Infinity like Python's json module. String bytes that
  /// are not valid UTF-8 are replaced by U+FFFD so the result is always valid
  /// UTF-8.
  std::string toJson() const;

  /// How OOS stringifies a value embedded in a larger string: strings as
  /// they are, everything else as toJson().
  std::string toDisplayString() const;

  /// Structural equality. Integer and Real compare by numeric value (1 ==
  /// 1.0), lists by position and maps by key regardless of member order,
  /// because JSON does not distinguish these.
  friend bool operator==(const Value &lhs, const Value &rhs);
  friend bool operator!=(const Value &lhs, const Value &rhs) {
    return !(lhs == rhs);
  }

private:
  // The alternative order must match Kind.
  std::variant<std::monostate, bool, std::int64_t, double, std::string, List,
               Map>
      storage;
};

/// Lower-case name of a kind ("null", "bool", "integer", ...), for messages.
std::string_view kindName(Value::Kind kind);

/// Containers nested deeper than this are rejected by parseJson, which keeps
/// its recursion bounded whatever the input.
constexpr unsigned MaxJsonDepth = 512;

/// Why parseJson rejected its input.
struct JsonParseError {
  /// Lower-case description without a trailing period.
  std::string message;
  /// 0-based byte offset into the input where the problem was found.
  std::size_t offset = 0;
};

/// Parses one strict JSON (RFC 8259) document, surrounded by optional
/// whitespace. Strings must be valid UTF-8, object keys unique, containers
/// nested at most MaxJsonDepth deep. Integers that fit int64_t become
/// Integer, other numbers Real. On failure returns std::nullopt and, if
/// \p error is given, fills it in.
std::optional<Value> parseJson(std::string_view text,
                               JsonParseError *error = nullptr);

/// Parses \p text as a decimal number the way OOS reads a number written as a
/// string: an optional sign, digits with an optional fraction, and an
/// optional exponent ("42", "-1.5", "+3", ".5", "1e3"). No whitespace, hex,
/// NaN or infinity. Integers that fit int64_t become Integer, other numbers
/// Real. Returns std::nullopt if the text is not such a number or its
/// magnitude exceeds the range of double.
std::optional<Value> parseNumber(std::string_view text);

/// True if \p text is well-formed UTF-8 (no overlong forms, surrogates or
/// code points past U+10FFFF).
bool isValidUtf8(std::string_view text);

/// Appends a code point as UTF-8.
void appendUtf8(std::string &out, char32_t codePoint);

/// ASCII case-insensitive equality: how OOS compares names and keywords.
bool equalsIgnoringAsciiCase(std::string_view lhs, std::string_view rhs);

/// Whether \p text ends with \p suffix, exactly (API names and their verbs).
inline bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// \p text with ASCII letters in lower case: a key for names compared
/// without case.
std::string lowerAscii(std::string_view text);

/// Number of Unicode code points in \p text; each byte of a malformed
/// sequence counts as one.
std::size_t countCodePoints(std::string_view text);

} // namespace oosc::runtime

#endif // OOSC_RUNTIME_VALUE_H
