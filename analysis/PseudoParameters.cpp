//===- PseudoParameters.cpp -------------------------------------------------===//
#include "analysis/PseudoParameters.h"

#include "support/Spelling.h"

namespace oosc::analysis {

const std::vector<PseudoParameter> &allPseudoParameters() {
  static const std::vector<PseudoParameter> parameters = {
      {"RegionId", "the region the execution runs in", false, KindSet::String},
      {"ExecutionId", "the id of the current execution (exec-...)", false, KindSet::String},
      {"TaskLoopItem", "the current item of the task's Loop", true, KindSet::Any},
      {"AccountId", "the id of the account that runs the execution", false, KindSet::String},
      {"CurrentUTCTime", "the current UTC time", false, KindSet::String},
      {"CurrentDate", "the current date", false, KindSet::String},
      {"ExecuteUser", "the user that started the execution", false, KindSet::String},
      {"OOSUtilVersion", "the version of the OOSUtil agent package", false, KindSet::String},
  };
  return parameters;
}

const PseudoParameter *findPseudoParameter(std::string_view name) {
  for (const PseudoParameter &parameter : allPseudoParameters())
    if (equalsIgnoreCase(parameter.name, name))
      return &parameter;
  return nullptr;
}

} // namespace oosc::analysis
