//===- Expr.cpp -------------------------------------------------------------===//
#include "ir/Expr.h"

namespace oosc::ir {

std::vector<const Reference *> Interpolation::references() const {
  std::vector<const Reference *> result;
  for (const Piece &piece : pieces)
    if (const auto *reference = std::get_if<Reference>(&piece))
      result.push_back(reference);
  return result;
}

} // namespace oosc::ir
