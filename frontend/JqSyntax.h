//===- JqSyntax.h - Does a jq script compile? Without libjq ----------------===//
//
// OOS runs ValueSelector, PropertySelector and Fn::Jq scripts with jq 1.6.
// libjq can say whether a script compiles, but it costs 15-20 ms a script
// (it re-binds its builtins every time); this checker answers the same
// question in microseconds: jq 1.6's grammar (grammar/JqParser.g4), its
// string escapes, and the compile-time errors a parse alone does not find -
// calls to functions that do not exist with that many arguments, `$names`
// bound nowhere, `break` without its `label`, constant non-string object keys
// and modules (which OOS cannot load).
//
// tests/unit/JqSyntaxTest.cpp holds the checker to libjq's verdicts.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::frontend {

/// The first reason a jq script does not compile.
struct JqSyntaxError {
  /// Byte range in the script of what is wrong (length 0 at its end).
  uint32_t offset = 0;
  uint32_t length = 0;
  /// What is wrong, lower-case, naming the offending text in quotes.
  std::string message;
  /// For a misspelt function: the builtin that was probably meant, to
  /// replace the bytes at [offset, offset + length).
  std::optional<std::string> suggestion;
};

/// Checks \p script as jq 1.6 would compile it: std::nullopt when libjq
/// accepts it, else the first error. The script is taken as it is: OOS's
/// preparation (normalizeSelector, `{{ }}` substitution) comes first.
/// Scripts longer than 8 KiB or nested deeper than 256 brackets are not
/// checked (std::nullopt), to bound the parser's recursion.
std::optional<JqSyntaxError> checkJqSyntax(std::string_view script);

/// Stands in for each `{{ ... }}` of \p script with text of the same length
/// that jq accepts where the reference stands, so that a script is never
/// reported because of what OOS substitutes before running it: letters
/// inside a string or comment, letters after '.' or '$' or inside a name
/// (`.{{key}}`), and `(.)` padded with spaces where a value goes
/// (`map({{ item }})`, `{{ list }} | index($x)`). A `{{` without its `}}` is
/// left as it is.
std::string standInTemplateReferences(std::string_view script);

} // namespace oosc::frontend
