//===- CppPrinter.cpp -------------------------------------------------------===//
#include "codegen/CppPrinter.h"

#include <cassert>
#include <cstdio>
#include <cstdlib>

namespace oosc::codegen {

void CppPrinter::emit(std::string_view format, const Vars &vars) {
  std::string expanded;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '$') {
      expanded += format[i];
      continue;
    }
    size_t close = format.find('$', i + 1);
    std::string_view name = format.substr(i + 1, close - i - 1);
    bool found = false;
    for (const auto &[key, value] : vars)
      if (key == name) {
        expanded += value;
        found = true;
        break;
      }
    if (!found) {
      std::fprintf(stderr, "oosc: internal error: code template variable '$%.*s$' not set\n",
                   static_cast<int>(name.size()), name.data());
      std::abort();
    }
    i = close;
  }
  emitRaw(expanded);
}

void CppPrinter::emitRaw(std::string_view code) {
  for (char c : code) {
    if (atLineStart_ && c != '\n')
      text_.append(static_cast<size_t>(level_), ' ');
    text_ += c;
    atLineStart_ = c == '\n';
  }
}

} // namespace oosc::codegen
