//===- Uri.cpp --------------------------------------------------------------===//
#include "support/Uri.h"

#include <cctype>

namespace oosc {

std::string percentEncodePath(std::string_view path) {
  static const char *hex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("/-._~").find(static_cast<char>(c)) != std::string_view::npos) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return encoded;
}

} // namespace oosc
