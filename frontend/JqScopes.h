//===- JqScopes.h - What jq rejects after parsing --------------------------===//
//
// Private to the jq checker: libjq also refuses, at compile time, scripts
// that parse but call a function it does not define with that many
// arguments, read a `$variable` nothing binds, `break` to a label not around
// them, use a constant number, boolean or null as an object key, or load a
// module.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/JqSyntax.h"

#include "JqParser.h"

namespace oosc::frontend {

/// The first such error in a script that parsed, or std::nullopt.
std::optional<JqSyntaxError> checkJqScopes(grammar::JqParser::ProgramContext &program,
                                           std::string_view script);

} // namespace oosc::frontend
