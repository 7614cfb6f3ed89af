//===- Functions.h - Lookup of Fn:: functions ------------------------------===//
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace oosc::analysis {

enum class FunctionArguments : uint8_t { List, Scalar, Single, ListOrSingle };

/// What a call gives; ThenOrElse is Fn::If's: the kind of its chosen branch.
enum class FunctionResult : uint8_t {
  Any, String, Number, Boolean, List, Map, NumberOrBoolean, ThenOrElse
};

struct FunctionInfo {
  std::string_view name; ///< with the Fn:: prefix
  FunctionArguments arguments;
  unsigned minItems;
  unsigned maxItems; ///< 0: no upper bound
  bool documented;
  FunctionResult result;
  /// Per-argument letters (Functions.def); the last one repeats.
  std::string_view expects;

  /// The letter for argument `index` (0-based).
  char expectedAt(size_t index) const {
    return expects.empty() ? '*' : expects[std::min(index, expects.size() - 1)];
  }
};

const std::vector<FunctionInfo> &allFunctions();
/// Exact lookup by the full name, e.g. "Fn::Join".
const FunctionInfo *findFunction(std::string_view name);

} // namespace oosc::analysis
