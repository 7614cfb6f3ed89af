//===- ExpressionParser.h - ANTLR-backed parsing of {{ }} and Fn::Eval -----===//
//
// The only place that touches the generated parser. Results use offsets into
// the parsed text; callers map them into the file.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Expr.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::frontend {

/// A syntax error: what is wrong and where in the parsed text (byte offsets).
struct ExprSyntaxError {
  std::string message;
  uint32_t begin = 0;
  uint32_t end = 0;
};

/// A reference parsed from text such as `{{ task.output }}`; ranges in the
/// result are byte offsets into that text.
struct ReferenceParse {
  std::optional<ir::Reference> reference;
  std::optional<ExprSyntaxError> error;
};

/// Parses one `{{ ... }}` segment, braces included. Results are memoized per
/// thread: templates repeat the same few references many times.
const ReferenceParse &parseReference(std::string_view segment);

/// A parsed Fn::Eval program (ranges relative to the text) or its error.
struct EvalParse {
  std::unique_ptr<ir::EvalExpr> program;
  std::optional<ExprSyntaxError> error;
};

EvalParse parseEvalProgram(std::string_view text);

} // namespace oosc::frontend
