//===- JqBuiltins.h - The functions every jq 1.6 program can call ---------===//
#pragma once

#include <string_view>
#include <vector>

namespace oosc::frontend {

/// A jq function is known by its name and its number of arguments together:
/// `map/1` exists, `map/0` does not.
struct JqFunction {
  std::string_view name;
  unsigned arity = 0;
};

/// Whether jq 1.6 defines \p name with \p arity arguments.
bool isJqBuiltin(std::string_view name, unsigned arity);
/// Every public builtin name once, for did-you-mean suggestions.
std::vector<std::string_view> jqBuiltinNames();
/// The arities jq 1.6 defines \p name with (empty when it is no builtin).
std::vector<unsigned> jqBuiltinArities(std::string_view name);

} // namespace oosc::frontend
