//===- Literals.h - User text as C++ literals, safely ----------------------===//
//
// Template text becomes data in the generated program, never code: every
// byte that could end a literal, start a trigraph or a line splice, or is
// not plain ASCII is written as an octal escape.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

namespace oosc::codegen {

/// A C++ string literal with exactly these bytes (NUL and invalid UTF-8 too).
std::string cppStringLiteral(std::string_view bytes);

/// `impl::text("...", N)`: a runtime string value of these bytes.
std::string textValue(std::string_view bytes);

/// Text safe inside a `//` comment: no line breaks, no trailing backslash.
std::string commentText(std::string_view text);

/// An identifier made from a name: letters, digits and '_' only.
std::string identifier(std::string_view name);

} // namespace oosc::codegen
