//===- FuzzTarget.cpp -------------------------------------------------------===//
#include "FuzzTarget.h"

#include <cstdio>
#include <cstdlib>

namespace oosc::fuzz {

void fuzzFailure(const std::string &what) {
  std::fprintf(stderr, "fuzz: invariant broken: %s\n", what.c_str());
  std::abort();
}

std::vector<std::string_view> splitFields(std::string_view text, size_t count) {
  std::vector<std::string_view> fields;
  while (fields.size() + 1 < count) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos)
      break;
    fields.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  fields.push_back(text);
  return fields;
}

} // namespace oosc::fuzz
