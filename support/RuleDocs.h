//===- RuleDocs.h - What each rule checks, why, and an example -------------===//
#pragma once

#include "support/Diagnostic.h"

namespace oosc {

struct RuleDoc {
  RuleId rule;
  std::string_view checks;  ///< what the rule checks
  std::string_view why;     ///< why it matters
  std::string_view example; ///< a template fragment it reports
};

/// The documentation of a rule (`oosc lint --explain RULE`).
const RuleDoc &ruleDoc(RuleId rule);

} // namespace oosc
