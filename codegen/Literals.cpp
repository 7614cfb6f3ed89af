//===- Literals.cpp ---------------------------------------------------------===//
#include "codegen/Literals.h"

#include <cctype>
#include <cstdio>

namespace oosc::codegen {

std::string cppStringLiteral(std::string_view bytes) {
  std::string literal = "\"";
  for (unsigned char c : bytes) {
    // Letters, digits, space and punctuation that cannot form trigraphs,
    // escapes or the end of the literal are written as they are.
    bool plain = std::isalnum(c) || c == ' ' ||
                 (c >= 0x20 && c < 0x7F && std::string_view("!#$%&()*+,-./:;<=>@[]^_{|}~").find(c) !=
                                               std::string_view::npos);
    if (plain) {
      literal += static_cast<char>(c);
    } else {
      char octal[5];
      std::snprintf(octal, sizeof octal, "\\%03o", c);
      literal += octal;
    }
  }
  return literal + "\"";
}

std::string textValue(std::string_view bytes) {
  return "::oosc::runtime::impl::text(" + cppStringLiteral(bytes) + ", " +
         std::to_string(bytes.size()) + ")";
}

std::string commentText(std::string_view text) {
  std::string result;
  for (unsigned char c : text)
    result += c >= 0x20 && c < 0x7F && c != '\\' ? static_cast<char>(c) : '?';
  return result;
}

std::string identifier(std::string_view name) {
  std::string result;
  for (unsigned char c : name)
    result += std::isalnum(c) ? static_cast<char>(c) : '_';
  if (result.empty() || std::isdigit(static_cast<unsigned char>(result[0])))
    result = "t_" + result;
  return result;
}

} // namespace oosc::codegen
