//===- CppPrinter.h - Writes generated C++ with $var$ substitution ---------===//
//
// Code templates are raw strings with `$name$` holes, filled from a list of
// variables, with indentation tracked for nested blocks. Variables are C++
// fragments made by this stage (literals escaped by Literals.h); template
// text from a user never reaches the format string.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oosc::codegen {

using Vars = std::vector<std::pair<std::string_view, std::string>>;

class CppPrinter {
public:
  /// Appends `format` with each `$name$` replaced; a missing variable is a
  /// bug in the emitter and aborts. Each line is indented to the current level.
  void emit(std::string_view format, const Vars &vars = {});
  /// Appends already generated code as it is (no substitution).
  void emitRaw(std::string_view code);
  void indent() { level_ += 2; }
  void outdent() { level_ -= 2; }

  const std::string &text() const { return text_; }

private:
  std::string text_;
  int level_ = 0;
  bool atLineStart_ = true;
};

} // namespace oosc::codegen
