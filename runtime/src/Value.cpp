// Value.cpp - The JSON-like Value, its JSON writer and strict JSON parser.
#include "oosc/runtime/Value.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace oosc::runtime {

namespace {

/// U+FFFD REPLACEMENT CHARACTER encoded as UTF-8.
constexpr std::string_view Utf8Replacement = "\xEF\xBF\xBD";

unsigned char byteAt(std::string_view text, std::size_t pos) {
  return static_cast<unsigned char>(text[pos]);
}

/// Decodes the UTF-8 sequence starting at text[pos] and advances pos past
/// it; returns std::nullopt and leaves pos alone if the sequence is
/// malformed.
std::optional<char32_t> decodeUtf8(std::string_view text, std::size_t &pos) {
  unsigned char lead = byteAt(text, pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  std::size_t length;
  char32_t codePoint;
  char32_t smallestAllowed;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    codePoint = lead & 0x1F;
    smallestAllowed = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    codePoint = lead & 0x0F;
    smallestAllowed = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    codePoint = lead & 0x07;
    smallestAllowed = 0x10000;
  } else {
    return std::nullopt;
  }
  if (text.size() - pos < length)
    return std::nullopt;
  for (std::size_t i = 1; i < length; ++i) {
    unsigned char continuation = byteAt(text, pos + i);
    if ((continuation & 0xC0) != 0x80)
      return std::nullopt;
    codePoint = (codePoint << 6) | (continuation & 0x3F);
  }
  // Overlong encodings would let one character have several spellings, and
  // surrogates and values past U+10FFFF are not characters at all.
  if (codePoint < smallestAllowed ||
      (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF)
    return std::nullopt;
  pos += length;
  return codePoint;
}


bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Formats a double like Python's repr(): the shortest text that reads back
/// as the same double, fixed notation for decimal exponents in [-4, 16) with
/// at least one fractional digit, scientific notation otherwise.
std::string formatReal(double number) {
  if (std::isnan(number))
    return "NaN";
  if (std::isinf(number))
    return number < 0 ? "-Infinity" : "Infinity";

  // Without a precision, to_chars gives the shortest round-trip digits; the
  // scientific form ("-1.2345e+02") exposes them and the exponent directly.
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), number,
                                 std::chars_format::scientific);
  assert(ec == std::errc());
  std::string_view scientific(buffer, static_cast<std::size_t>(end - buffer));
  std::size_t ePos = scientific.find('e');
  int exponent = 0;
  std::string_view exponentText = scientific.substr(ePos + 1);
  if (exponentText.front() == '+')
    exponentText.remove_prefix(1);
  std::from_chars(exponentText.data(),
                  exponentText.data() + exponentText.size(), exponent);
  if (exponent < -4 || exponent >= 16)
    return std::string(scientific);

  std::string_view mantissa = scientific.substr(0, ePos);
  std::string out;
  if (mantissa.front() == '-') {
    out += '-';
    mantissa.remove_prefix(1);
  }
  std::string digits;
  for (char c : mantissa)
    if (c != '.')
      digits += c;

  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-exponent - 1), '0');
    out += digits;
    return out;
  }
  std::size_t integerDigits = static_cast<std::size_t>(exponent) + 1;
  if (digits.size() <= integerDigits) {
    out += digits;
    out.append(integerDigits - digits.size(), '0');
    out += ".0";
  } else {
    out.append(digits, 0, integerDigits);
    out += '.';
    out.append(digits, integerDigits, std::string::npos);
  }
  return out;
}

void appendJsonString(std::string &out, std::string_view text) {
  static constexpr char HexDigits[] = "0123456789abcdef";
  out += '"';
  std::size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = byteAt(text, pos);
    if (c >= 0x80) {
      std::size_t start = pos;
      if (decodeUtf8(text, pos)) {
        out.append(text, start, pos - start);
      } else {
        out += Utf8Replacement;
        ++pos;
      }
      continue;
    }
    ++pos;
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (c < 0x20) {
        out += "\\u00";
        out += HexDigits[c >> 4];
        out += HexDigits[c & 0xF];
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += '"';
}

void appendJson(std::string &out, const Value &value) {
  switch (value.kind()) {
  case Value::Kind::Null:
    out += "null";
    return;
  case Value::Kind::Bool:
    out += value.getBool() ? "true" : "false";
    return;
  case Value::Kind::Integer:
    out += std::to_string(value.getInteger());
    return;
  case Value::Kind::Real:
    out += formatReal(value.getReal());
    return;
  case Value::Kind::String:
    appendJsonString(out, value.getString());
    return;
  case Value::Kind::List: {
    out += '[';
    const char *separator = "";
    for (const Value &item : value.getList()) {
      out += separator;
      appendJson(out, item);
      separator = ",";
    }
    out += ']';
    return;
  }
  case Value::Kind::Map: {
    out += '{';
    const char *separator = "";
    for (const auto &[key, member] : value.getMap()) {
      out += separator;
      appendJsonString(out, key);
      out += ':';
      appendJson(out, member);
      separator = ",";
    }
    out += '}';
    return;
  }
  }
}

/// Exact comparison of an integer with a real: converting the integer to
/// double could round it and make distinct numbers look equal.
bool integerEqualsReal(std::int64_t integer, double real) {
  // 2^63 is exactly representable, so this range test is exact.
  constexpr double TwoPow63 = 9223372036854775808.0;
  if (!(real >= -TwoPow63 && real < TwoPow63) || std::trunc(real) != real)
    return false;
  return static_cast<std::int64_t>(real) == integer;
}

bool numbersEqual(const Value &lhs, const Value &rhs) {
  if (lhs.isInteger() && rhs.isInteger())
    return lhs.getInteger() == rhs.getInteger();
  if (lhs.isReal() && rhs.isReal())
    return lhs.getReal() == rhs.getReal();
  if (lhs.isInteger())
    return integerEqualsReal(lhs.getInteger(), rhs.getReal());
  return integerEqualsReal(rhs.getInteger(), lhs.getReal());
}

bool mapsEqual(const Value &lhs, const Value &rhs) {
  if (lhs.size() != rhs.size())
    return false;
  for (const auto &[key, member] : lhs.getMap()) {
    const Value *other = rhs.find(key);
    if (!other || *other != member)
      return false;
  }
  return true;
}

/// Decides whether a decimal literal that double cannot represent is too
/// large (an error) rather than too small (which rounds to zero), from the
/// position of its first significant digit.
bool exceedsOne(std::string_view literal) {
  std::size_t pos = 0;
  if (pos < literal.size() && (literal[pos] == '-' || literal[pos] == '+'))
    ++pos;
  // The value lies in [10^(order-1), 10^order).
  long long order = 0;
  bool significant = false;
  for (; pos < literal.size() && isDigit(literal[pos]); ++pos) {
    if (significant || literal[pos] != '0') {
      significant = true;
      ++order;
    }
  }
  if (pos < literal.size() && literal[pos] == '.') {
    for (++pos; pos < literal.size() && isDigit(literal[pos]); ++pos) {
      if (significant)
        continue;
      if (literal[pos] == '0')
        --order;
      else
        significant = true;
    }
  }
  long long exponent = 0;
  if (pos < literal.size() && (literal[pos] == 'e' || literal[pos] == 'E')) {
    ++pos;
    bool negative = false;
    if (pos < literal.size() && (literal[pos] == '-' || literal[pos] == '+'))
      negative = literal[pos++] == '-';
    // Saturate: any exponent this large already decides the answer.
    constexpr long long ExponentCap = 1000000000;
    for (; pos < literal.size() && isDigit(literal[pos]); ++pos)
      exponent = std::min(ExponentCap, exponent * 10 + (literal[pos] - '0'));
    if (negative)
      exponent = -exponent;
  }
  return significant && order + exponent > 0;
}

/// Converts a decimal literal whose syntax has already been checked.
std::optional<Value> decimalToValue(std::string_view literal) {
  // from_chars accepts a leading '-' but not '+'.
  std::string_view body = literal;
  if (body.front() == '+')
    body.remove_prefix(1);
  const char *first = body.data();
  const char *last = body.data() + body.size();

  if (body.find_first_of(".eE") == std::string_view::npos) {
    std::int64_t integer = 0;
    auto [end, ec] = std::from_chars(first, last, integer);
    if (ec == std::errc() && end == last)
      return Value(integer);
    // Too large for int64_t: keep it as a real, as JavaScript and most YAML
    // loaders do, rather than reject a well-formed number.
  }
  double real = 0;
  auto [end, ec] = std::from_chars(first, last, real);
  if (ec == std::errc() && end == last)
    return Value(real);
  if (ec == std::errc::result_out_of_range && !exceedsOne(body))
    return Value(body.front() == '-' ? -0.0 : 0.0);
  return std::nullopt;
}

/// A recursive-descent parser for one JSON document. Recursion is bounded by
/// MaxJsonDepth.
class JsonParser {
public:
  explicit JsonParser(std::string_view input) : text(input) {}

  std::optional<Value> parse(JsonParseError *error) {
    Value result;
    if (parseValue(result, 0)) {
      skipWhitespace();
      if (pos == text.size())
        return result;
      fail("unexpected trailing characters", pos);
    }
    if (error)
      *error = JsonParseError{errorMessage, errorOffset};
    return std::nullopt;
  }

private:
  std::string_view text;
  std::size_t pos = 0;
  std::string errorMessage;
  std::size_t errorOffset = 0;

  bool atEnd() const { return pos >= text.size(); }
  char peek() const { return text[pos]; }

  /// Records the first error only: it is the one closest to the cause.
  bool fail(std::string message, std::size_t at) {
    if (errorMessage.empty()) {
      errorMessage = std::move(message);
      errorOffset = at;
    }
    return false;
  }

  bool failUnexpected() {
    if (atEnd())
      return fail("unexpected end of input", pos);
    unsigned char c = byteAt(text, pos);
    if (c >= 0x20 && c < 0x7F)
      return fail(std::string("unexpected character '") + static_cast<char>(c) +
                      "'",
                  pos);
    static constexpr char HexDigits[] = "0123456789abcdef";
    return fail(std::string("unexpected byte 0x") + HexDigits[c >> 4] +
                    HexDigits[c & 0xF],
                pos);
  }

  void skipWhitespace() {
    while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' ||
                        peek() == '\r'))
      ++pos;
  }

  bool consume(char expected) {
    if (atEnd() || peek() != expected)
      return false;
    ++pos;
    return true;
  }

  bool parseValue(Value &out, unsigned depth) {
    skipWhitespace();
    if (atEnd())
      return failUnexpected();
    switch (peek()) {
    case '{':
      return parseObject(out, depth + 1);
    case '[':
      return parseArray(out, depth + 1);
    case '"': {
      std::string s;
      if (!parseString(s))
        return false;
      out = Value(std::move(s));
      return true;
    }
    case 't':
      return parseLiteral("true", Value(true), out);
    case 'f':
      return parseLiteral("false", Value(false), out);
    case 'n':
      return parseLiteral("null", Value(), out);
    default:
      if (peek() == '-' || isDigit(peek()))
        return parseNumberToken(out);
      return failUnexpected();
    }
  }

  bool parseLiteral(std::string_view word, Value literal, Value &out) {
    if (text.substr(pos, word.size()) != word)
      return fail("invalid literal (expected '" + std::string(word) + "')",
                  pos);
    pos += word.size();
    out = std::move(literal);
    return true;
  }

  bool enterContainer(unsigned depth) {
    if (depth > MaxJsonDepth)
      return fail("nesting deeper than " + std::to_string(MaxJsonDepth) +
                      " levels",
                  pos);
    ++pos; // The opening bracket.
    return true;
  }

  bool parseArray(Value &out, unsigned depth) {
    if (!enterContainer(depth))
      return false;
    Value::List items;
    skipWhitespace();
    if (!consume(']')) {
      for (;;) {
        Value item;
        if (!parseValue(item, depth))
          return false;
        items.push_back(std::move(item));
        skipWhitespace();
        if (consume(']'))
          break;
        if (!consume(','))
          return atEnd() ? failUnexpected()
                         : fail("expected ',' or ']' in an array", pos);
      }
    }
    out = Value(std::move(items));
    return true;
  }

  bool parseObject(Value &out, unsigned depth) {
    if (!enterContainer(depth))
      return false;
    Value object{Value::Map()};
    skipWhitespace();
    if (!consume('}')) {
      for (;;) {
        skipWhitespace();
        if (atEnd())
          return failUnexpected();
        if (peek() != '"')
          return fail("expected a string as object key", pos);
        std::size_t keyOffset = pos;
        std::string key;
        if (!parseString(key))
          return false;
        // A linear search keeps this simple; objects given to OOS are small.
        if (object.find(key))
          return fail("duplicate key \"" + key + "\"", keyOffset);
        skipWhitespace();
        if (!consume(':'))
          return atEnd() ? failUnexpected()
                         : fail("expected ':' after an object key", pos);
        Value member;
        if (!parseValue(member, depth))
          return false;
        object.getMap().emplace_back(std::move(key), std::move(member));
        skipWhitespace();
        if (consume('}'))
          break;
        if (!consume(','))
          return atEnd() ? failUnexpected()
                         : fail("expected ',' or '}' in an object", pos);
      }
    }
    out = std::move(object);
    return true;
  }

  /// Reads the four hex digits of a \u escape.
  std::optional<char32_t> parseHex4() {
    if (text.size() - pos < 4)
      return std::nullopt;
    char32_t unit = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      char c = text[pos + i];
      unit <<= 4;
      if (isDigit(c))
        unit |= static_cast<char32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        unit |= static_cast<char32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        unit |= static_cast<char32_t>(c - 'A' + 10);
      else
        return std::nullopt;
    }
    pos += 4;
    return unit;
  }

  /// Parses a \u escape (pos is just past the 'u'), joining a UTF-16
  /// surrogate pair into one code point.
  bool parseUnicodeEscape(std::string &out, std::size_t escapeStart) {
    std::optional<char32_t> unit = parseHex4();
    if (!unit)
      return fail("invalid \\u escape (expected four hex digits)", escapeStart);
    if (*unit >= 0xDC00 && *unit <= 0xDFFF)
      return fail("unpaired UTF-16 surrogate in \\u escape", escapeStart);
    if (*unit >= 0xD800 && *unit <= 0xDBFF) {
      if (text.substr(pos, 2) != "\\u")
        return fail("unpaired UTF-16 surrogate in \\u escape", escapeStart);
      pos += 2;
      std::optional<char32_t> low = parseHex4();
      if (!low || *low < 0xDC00 || *low > 0xDFFF)
        return fail("unpaired UTF-16 surrogate in \\u escape", escapeStart);
      appendUtf8(out, 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
      return true;
    }
    appendUtf8(out, *unit);
    return true;
  }

  bool parseEscape(std::string &out) {
    std::size_t escapeStart = pos;
    ++pos; // The backslash.
    if (atEnd())
      return fail("unterminated string", escapeStart);
    char c = text[pos++];
    switch (c) {
    case '"':
      out += '"';
      return true;
    case '\\':
      out += '\\';
      return true;
    case '/':
      out += '/';
      return true;
    case 'b':
      out += '\b';
      return true;
    case 'f':
      out += '\f';
      return true;
    case 'n':
      out += '\n';
      return true;
    case 'r':
      out += '\r';
      return true;
    case 't':
      out += '\t';
      return true;
    case 'u':
      return parseUnicodeEscape(out, escapeStart);
    default:
      return fail("invalid escape sequence", escapeStart);
    }
  }

  bool parseString(std::string &out) {
    std::size_t start = pos;
    ++pos; // The opening quote.
    for (;;) {
      if (atEnd())
        return fail("unterminated string", start);
      unsigned char c = byteAt(text, pos);
      if (c == '"') {
        ++pos;
        return true;
      }
      if (c == '\\') {
        if (!parseEscape(out))
          return false;
      } else if (c < 0x20) {
        return fail("unescaped control character in string", pos);
      } else if (c >= 0x80) {
        std::size_t sequenceStart = pos;
        if (!decodeUtf8(text, pos))
          return fail("invalid UTF-8 in string", pos);
        out.append(text, sequenceStart, pos - sequenceStart);
      } else {
        out += static_cast<char>(c);
        ++pos;
      }
    }
  }

  void skipDigits() {
    while (!atEnd() && isDigit(peek()))
      ++pos;
  }

  /// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool parseNumberToken(Value &out) {
    std::size_t start = pos;
    consume('-');
    if (consume('0')) {
      // No further integer digits: JSON forbids leading zeros.
    } else if (!atEnd() && isDigit(peek())) {
      skipDigits();
    } else {
      return fail("invalid number", start);
    }
    if (consume('.')) {
      if (atEnd() || !isDigit(peek()))
        return fail("invalid number (expected a digit after '.')", start);
      skipDigits();
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
      ++pos;
      if (!consume('+'))
        consume('-');
      if (atEnd() || !isDigit(peek()))
        return fail("invalid number (expected a digit in the exponent)", start);
      skipDigits();
    }
    std::optional<Value> number =
        decimalToValue(text.substr(start, pos - start));
    if (!number)
      return fail("number out of range", start);
    out = std::move(*number);
    return true;
  }
};

} // namespace

double Value::getNumber() const {
  return isInteger() ? static_cast<double>(getInteger()) : getReal();
}

std::size_t Value::size() const {
  if (isList())
    return getList().size();
  if (isMap())
    return getMap().size();
  return 0;
}

void Value::append(Value item) { getList().push_back(std::move(item)); }

const Value *Value::find(std::string_view key) const {
  if (!isMap())
    return nullptr;
  for (const auto &[memberKey, member] : getMap())
    if (memberKey == key)
      return &member;
  return nullptr;
}

Value *Value::find(std::string_view key) {
  return const_cast<Value *>(std::as_const(*this).find(key));
}

const Value *Value::findPath(std::string_view dottedPath) const {
  const Value *current = this;
  while (current && !dottedPath.empty()) {
    size_t dot = dottedPath.find('.');
    current = current->find(dottedPath.substr(0, dot));
    dottedPath = dot == std::string_view::npos ? std::string_view() : dottedPath.substr(dot + 1);
  }
  return current;
}

Value *Value::findPath(std::string_view dottedPath) {
  return const_cast<Value *>(std::as_const(*this).findPath(dottedPath));
}

const Value *Value::findCaseInsensitive(std::string_view key) const {
  if (!isMap())
    return nullptr;
  for (const auto &[memberKey, member] : getMap())
    if (equalsIgnoringAsciiCase(memberKey, key))
      return &member;
  return nullptr;
}

Value &Value::set(std::string key, Value value) {
  if (Value *existing = find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  Map &members = getMap();
  members.emplace_back(std::move(key), std::move(value));
  return members.back().second;
}

std::string Value::toJson() const {
  std::string out;
  appendJson(out, *this);
  return out;
}

std::string Value::toDisplayString() const {
  return isString() ? getString() : toJson();
}

bool operator==(const Value &lhs, const Value &rhs) {
  if (lhs.isNumber() && rhs.isNumber())
    return numbersEqual(lhs, rhs);
  if (lhs.kind() != rhs.kind())
    return false;
  switch (lhs.kind()) {
  case Value::Kind::Null:
    return true;
  case Value::Kind::Bool:
    return lhs.getBool() == rhs.getBool();
  case Value::Kind::String:
    return lhs.getString() == rhs.getString();
  case Value::Kind::List:
    return lhs.getList() == rhs.getList();
  case Value::Kind::Map:
    return mapsEqual(lhs, rhs);
  case Value::Kind::Integer:
  case Value::Kind::Real:
    break; // Handled above.
  }
  return false;
}

std::string_view kindName(Value::Kind kind) {
  switch (kind) {
  case Value::Kind::Null:
    return "null";
  case Value::Kind::Bool:
    return "bool";
  case Value::Kind::Integer:
    return "integer";
  case Value::Kind::Real:
    return "real";
  case Value::Kind::String:
    return "string";
  case Value::Kind::List:
    return "list";
  case Value::Kind::Map:
    return "map";
  }
  return "unknown";
}

std::optional<Value> parseJson(std::string_view text, JsonParseError *error) {
  return JsonParser(text).parse(error);
}

std::optional<Value> parseNumber(std::string_view text) {
  std::size_t pos = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
    ++pos;
  std::size_t mantissaDigits = 0;
  for (; pos < text.size() && isDigit(text[pos]); ++pos)
    ++mantissaDigits;
  if (pos < text.size() && text[pos] == '.')
    for (++pos; pos < text.size() && isDigit(text[pos]); ++pos)
      ++mantissaDigits;
  if (mantissaDigits == 0)
    return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-'))
      ++pos;
    std::size_t exponentDigits = 0;
    for (; pos < text.size() && isDigit(text[pos]); ++pos)
      ++exponentDigits;
    if (exponentDigits == 0)
      return std::nullopt;
  }
  if (pos != text.size())
    return std::nullopt;
  return decimalToValue(text);
}

bool isValidUtf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size())
    if (!decodeUtf8(text, pos))
      return false;
  return true;
}

std::size_t countCodePoints(std::string_view text) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (!decodeUtf8(text, pos))
      ++pos;
    ++count;
  }
  return count;
}

void appendUtf8(std::string &out, char32_t codePoint) {
  if (codePoint < 0x80) {
    out += static_cast<char>(codePoint);
  } else if (codePoint < 0x800) {
    out += static_cast<char>(0xC0 | (codePoint >> 6));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else if (codePoint < 0x10000) {
    out += static_cast<char>(0xE0 | (codePoint >> 12));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (codePoint >> 18));
    out += static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (codePoint & 0x3F));
  }
}

bool equalsIgnoringAsciiCase(std::string_view lhs, std::string_view rhs) {
  if (lhs.size() != rhs.size())
    return false;
  auto lower = [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  };
  for (std::size_t i = 0; i < lhs.size(); ++i)
    if (lower(lhs[i]) != lower(rhs[i]))
      return false;
  return true;
}

std::string lowerAscii(std::string_view text) {
  std::string lower(text);
  for (char &c : lower)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

} // namespace oosc::runtime
