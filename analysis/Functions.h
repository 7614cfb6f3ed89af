//===- Functions.h - Lookup of Fn:: functions ------------------------------===//
#pragma once

#include <string_view>
#include <vector>

namespace oosc::analysis {

enum class FunctionArguments : uint8_t { List, Scalar, Single, ListOrSingle };

struct FunctionInfo {
  std::string_view name; ///< with the Fn:: prefix
  FunctionArguments arguments;
  unsigned minItems;
  unsigned maxItems; ///< 0: no upper bound
  bool documented;
};

const std::vector<FunctionInfo> &allFunctions();
/// Exact lookup by the full name, e.g. "Fn::Join".
const FunctionInfo *findFunction(std::string_view name);

} // namespace oosc::analysis
