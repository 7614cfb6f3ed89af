//===- Functions.cpp --------------------------------------------------------===//
#include "analysis/Functions.h"

namespace oosc::analysis {

const std::vector<FunctionInfo> &allFunctions() {
  static const std::vector<FunctionInfo> functions = {
#define OOSC_FUNCTION(Name, Arguments, Min, Max, Documented, Result, Expects)              \
  {"Fn::" #Name, FunctionArguments::Arguments, Min, Max, Documented, FunctionResult::Result,      \
   Expects},
#include "analysis/Functions.def"
  };
  return functions;
}

const FunctionInfo *findFunction(std::string_view name) {
  for (const FunctionInfo &function : allFunctions())
    if (function.name == name)
      return &function;
  return nullptr;
}

} // namespace oosc::analysis
