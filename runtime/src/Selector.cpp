// Selector.cpp - normalizeSelector: the leading dot OOS adds to selectors.
#include "oosc/runtime/Selector.h"

#include <algorithm>
#include <iterator>

namespace oosc::runtime {

namespace {

/// jq 1.6's builtins that take no arguments (`jq -n 'builtins'`, names
/// ending in "/0", internal "_" names left out): a selector starting with
/// one of these is a filter, not a field name.
// clang-format off
constexpr std::string_view ZeroArityBuiltins[] = {
    "acos", "acosh", "add", "all", "any", "arrays", "ascii_downcase",
    "ascii_upcase", "asin", "asinh", "atan", "atanh", "booleans", "builtins",
    "cbrt", "ceil", "combinations", "cos", "cosh", "debug", "empty", "env",
    "erf", "erfc", "error", "exp", "exp10", "exp2", "explode", "expm1", "fabs",
    "finites", "first", "flatten", "floor", "frexp", "from_entries",
    "fromdate", "fromdateiso8601", "fromjson", "gamma", "get_jq_origin",
    "get_prog_origin", "get_search_list", "gmtime", "halt", "halt_error",
    "implode", "infinite", "input", "input_filename", "input_line_number",
    "inputs", "isfinite", "isinfinite", "isnan", "isnormal", "iterables", "j0",
    "j1", "keys", "keys_unsorted", "last", "leaf_paths", "length", "lgamma",
    "lgamma_r", "localtime", "log", "log10", "log1p", "log2", "logb", "max",
    "min", "mktime", "modf", "modulemeta", "nan", "nearbyint", "normals",
    "not", "now", "nulls", "numbers", "objects", "paths", "pow10", "recurse",
    "recurse_down", "reverse", "rint", "round", "scalars", "scalars_or_empty",
    "significand", "sin", "sinh", "sort", "sqrt", "stderr", "strings", "tan",
    "tanh", "tgamma", "to_entries", "todate", "todateiso8601", "tojson",
    "tonumber", "tostream", "tostring", "transpose", "trunc", "type",
    "unique", "utf8bytelength", "values", "y0", "y1"};
// clang-format on

/// Words that begin an expression in jq. The other keywords (then, else,
/// end, as, and, or, ...) cannot start a program, so a selector starting
/// with one can only mean a field of that name.
constexpr std::string_view ExpressionStartWords[] = {
    "if",     "try",     "reduce", "foreach", "def",  "label",
    "import", "include", "true",   "false",   "null", "__loc__"};

template <std::size_t N>
bool isOneOf(std::string_view word, const std::string_view (&words)[N]) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

// ASCII only, like jq's lexer, and independent of the C locale.
bool isIdentifierStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentifierChar(char c) {
  return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

bool isJqSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view skipSpaces(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size() && isJqSpace(text[start]))
    ++start;
  return text.substr(start);
}

/// Whether \p program (no leading whitespace) begins with a bare field name.
bool startsWithBareField(std::string_view program) {
  if (program.empty() || !isIdentifierStart(program.front()))
    return false;
  std::size_t length = 1;
  while (length < program.size() && isIdentifierChar(program[length]))
    ++length;
  std::string_view word = program.substr(0, length);
  std::string_view rest = skipSpaces(program.substr(length));
  bool isCall = rest.substr(0, 1) == "(" || rest.substr(0, 2) == "::";
  if (isCall || isOneOf(word, ExpressionStartWords))
    return false;
  bool followedByPath = rest.substr(0, 1) == "." || rest.substr(0, 1) == "[";
  return followedByPath || !isOneOf(word, ZeroArityBuiltins);
}

} // namespace

std::string normalizeSelector(std::string_view selector) {
  std::string_view program = skipSpaces(selector);
  if (!startsWithBareField(program))
    return std::string(selector);
  std::size_t indent = selector.size() - program.size();
  std::string result(selector.substr(0, indent));
  result += '.';
  result += program;
  return result;
}

} // namespace oosc::runtime
