//===- Diagnostic.cpp - Rule table lookups ---------------------------------===//
#include "support/Diagnostic.h"

namespace oosc {

std::string_view severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}

const std::vector<RuleInfo> &allRules() {
  static const std::vector<RuleInfo> rules = {
#define OOSC_RULE(Id, Name, Sev, Summary) {RuleId::Id, Name, Severity::Sev, Summary},
#include "support/Rules.def"
  };
  return rules;
}

const RuleInfo &ruleInfo(RuleId id) { return allRules()[static_cast<size_t>(id)]; }

std::optional<RuleId> findRule(std::string_view name) {
  for (const RuleInfo &info : allRules())
    if (info.name == name)
      return info.id;
  return std::nullopt;
}

} // namespace oosc
