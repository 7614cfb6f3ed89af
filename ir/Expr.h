//===- Expr.h - Parsed {{ }} references and Fn::Eval programs --------------===//
#pragma once

#include "support/SourceFile.h"

#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace oosc::ir {

/// A name as written, with where it was written.
struct Ident {
  std::string text;
  SourceRange range;
};

enum class RefKind : uint8_t {
  Name,   ///< `{{ param }}` or `{{ task.output }}`: parts holds 1 or more names
  Pseudo, ///< `{{ ACS::RegionId }}`: parts[0] is the prefix as written, parts[1] the name
  Store,  ///< `{{ oos:path/name }}`: parts[0] is `oos`, parts[1] the path
  Secret, ///< `{{ oos-secret:name }}`
};

/// One `{{ ... }}` reference.
struct Reference {
  RefKind kind = RefKind::Name;
  std::vector<Ident> parts;
  SourceRange range; ///< the whole `{{ ... }}`
  /// A Name reference with `[...]` or `?` steps: a path into a raw result.
  bool hasPathSyntax = false;
  /// The reference as written between the braces, without spaces.
  std::string spelling;
};

/// A string split into literal text and references, in order.
struct Interpolation {
  using Piece = std::variant<std::string, Reference>;
  std::vector<Piece> pieces;

  /// The string is exactly one reference (it keeps the referenced value's type).
  bool isWholeValue() const {
    return pieces.size() == 1 && std::holds_alternative<Reference>(pieces[0]);
  }
  /// The references, for checks that do not care about the text between them.
  std::vector<const Reference *> references() const;
};

/// Fn::Eval's arithmetic, kept as a tree so later stages can compile it.
struct EvalExpr {
  enum class Kind : uint8_t { Number, Reference, Unary, Binary };
  Kind kind = Kind::Number;
  std::string op;   ///< operator spelling for Unary and Binary
  double number = 0;
  Reference reference;
  std::vector<std::unique_ptr<EvalExpr>> operands;
  SourceRange range;
};

} // namespace oosc::ir
