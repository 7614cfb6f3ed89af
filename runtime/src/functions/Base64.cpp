//===- functions/Base64.cpp - Fn::Base64Encode and Fn::Base64Decode
//--------===//
//
// Standard Base64 (RFC 4648, "+/" alphabet, "=" padding) of text values.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <array>

namespace oosc::runtime::functions {

namespace {

constexpr std::string_view Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Marks bytes outside the alphabet in the decoding table.
constexpr unsigned char NotBase64 = 0xFF;

constexpr std::array<unsigned char, 256> makeDecodingTable() {
  std::array<unsigned char, 256> table{};
  for (unsigned char &entry : table)
    entry = NotBase64;
  for (std::size_t i = 0; i < Alphabet.size(); ++i)
    table[static_cast<unsigned char>(Alphabet[i])] =
        static_cast<unsigned char>(i);
  return table;
}

constexpr std::array<unsigned char, 256> DecodingTable = makeDecodingTable();

bool isAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

std::string encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(bytes[at]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    unsigned group = byte(i) << 16 | byte(i + 1) << 8 | byte(i + 2);
    for (int shift = 18; shift >= 0; shift -= 6)
      out += Alphabet[(group >> shift) & 0x3F];
  }
  std::size_t left = bytes.size() - i;
  if (left == 0)
    return out;
  unsigned group = byte(i) << 16 | (left == 2 ? byte(i + 1) << 8 : 0);
  out += Alphabet[(group >> 18) & 0x3F];
  out += Alphabet[(group >> 12) & 0x3F];
  out += left == 2 ? Alphabet[(group >> 6) & 0x3F] : '=';
  out += '=';
  return out;
}

/// The 6-bit digits of \p text with whitespace dropped, or a failure naming
/// the first offending character. Padding must come last; it may be
/// missing, since templates often carry Base64 cut from other output.
Outcome<std::string> digitsOf(std::string_view function,
                              std::string_view text) {
  std::string digits;
  std::size_t padding = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (isAsciiSpace(c))
      continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    unsigned char digit = DecodingTable[static_cast<unsigned char>(c)];
    if (digit == NotBase64 || padding != 0)
      return failure(function, "invalid base64 input: unexpected character '" +
                                   std::string(1, c) + "' at offset " +
                                   std::to_string(i));
    digits += static_cast<char>(digit);
  }
  if (digits.size() % 4 == 1 || padding > 2 ||
      (padding != 0 && (digits.size() + padding) % 4 != 0))
    return failure(function, "invalid base64 input: its length does not fit "
                             "whole bytes");
  return digits;
}

std::string decodeDigits(std::string_view digits) {
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (char digit : digits) {
    buffer = (buffer << 6) | static_cast<unsigned char>(digit);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return bytes;
}

} // namespace

Outcome<Value> base64Encode(const Value &argument,
                            const FunctionEnvironment &) {
  auto text = textArgument("Fn::Base64Encode", "the argument", argument);
  if (!text)
    return text.error();
  return Value(encode(text.value()));
}

// Values are text, so the decoded bytes must be UTF-8 (as Python's
// b64decode(...).decode() requires); binary data fails rather than turning
// into replacement characters later.
Outcome<Value> base64Decode(const Value &argument,
                            const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Base64Decode";
  auto text = textArgument(Name, "the argument", argument);
  if (!text)
    return text.error();
  auto digits = digitsOf(Name, text.value());
  if (!digits)
    return digits.error();
  std::string bytes = decodeDigits(digits.value());
  if (!isValidUtf8(bytes))
    return failure(Name, "the decoded bytes are not utf-8 text");
  return Value(std::move(bytes));
}

} // namespace oosc::runtime::functions
