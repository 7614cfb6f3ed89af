//===- Diagnostic.h - The one diagnostic type every stage reports ---------===//
#pragma once

#include "support/SourceFile.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc {

enum class Severity : uint8_t { Error, Warning, Note };

std::string_view severityName(Severity severity);

/// Identifies a rule of Rules.def.
enum class RuleId : uint8_t {
#define OOSC_RULE(Id, Name, Severity, Summary) Id,
#include "support/Rules.def"
};

/// Static facts about a rule.
struct RuleInfo {
  RuleId id;
  std::string_view name;
  Severity defaultSeverity;
  std::string_view summary;
};

/// Every rule in table order.
const std::vector<RuleInfo> &allRules();
const RuleInfo &ruleInfo(RuleId id);
/// Looks a rule up by its kebab-case name.
std::optional<RuleId> findRule(std::string_view name);

/// Supplementary information attached to a diagnostic, e.g. where a name was
/// first defined. A note without a range is printed without a location.
struct DiagnosticNote {
  std::optional<SourceRange> range;
  std::string message;
};

/// A suggested edit that would resolve a diagnostic.
struct FixIt {
  SourceRange range;
  std::string replacement;
};

/// One finding: which rule, how severe, where, what, and what might fix it.
struct Diagnostic {
  RuleId rule;
  Severity severity;
  SourceRange range;
  std::string message;
  std::vector<DiagnosticNote> notes;
  std::vector<FixIt> fixes;

  Diagnostic &note(std::string message) {
    notes.push_back({std::nullopt, std::move(message)});
    return *this;
  }
  Diagnostic &note(SourceRange where, std::string message) {
    notes.push_back({where, std::move(message)});
    return *this;
  }
  Diagnostic &fix(SourceRange where, std::string replacement) {
    fixes.push_back({where, std::move(replacement)});
    return *this;
  }
};

} // namespace oosc
