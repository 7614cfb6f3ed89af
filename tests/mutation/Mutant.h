//===- Mutant.h - One known defect injected into a real template -----------===//
//
// A mutator looks at a parsed template and proposes edits, each a single
// splice of the source text that injects one defect and says where the rule
// that should catch it must report. Splicing at the byte ranges the frontend
// recorded keeps every other byte of the template as it was, so the only
// difference the linter can see is the defect.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/ControlFlow.h"
#include "analysis/References.h"
#include "analysis/SymbolTable.h"
#include "support/Diagnostic.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::mutation {

/// Replace `removed` bytes at `offset` of the original text by `inserted`.
struct Splice {
  uint32_t offset = 0;
  uint32_t removed = 0;
  std::string inserted;

  std::string applyTo(std::string_view original) const;
  /// Where a byte of the original text is in the mutated text; a byte inside
  /// the replaced run maps to the start of the replacement.
  uint32_t mapped(uint32_t originalOffset) const;
};

/// One proposed defect: the edit, and where (in the mutated text) the
/// expected rule must report it.
struct Edit {
  Splice splice;
  uint32_t expectedOffset = 0;
  std::string what; ///< for the report of a miss, e.g. "'name' -> 'x'"
};

/// What a mutator may look at: the template as the analysis sees it.
struct TemplateFacts {
  TemplateFacts(const SourceFile &file, const ir::Template &tmpl);

  const SourceFile &file;
  const ir::Template &tmpl;
  analysis::SymbolTable symbols;
  std::vector<analysis::ReferenceSite> references;
  std::vector<std::vector<analysis::FlowEdge>> flow;
};

using MutateFunction = std::vector<Edit> (*)(const TemplateFacts &facts);

/// A kind of defect, the rule that must report it, and how to inject it.
struct Mutator {
  std::string_view kind;
  RuleId rule;
  MutateFunction mutate;
};

// The mutators, one per kind of defect (see their files for the details).
std::vector<Edit> renameReference(const TemplateFacts &facts);
std::vector<Edit> breakJumpTarget(const TemplateFacts &facts);
std::vector<Edit> makeDefaultViolateConstraint(const TemplateFacts &facts);
std::vector<Edit> makeTaskUnreachable(const TemplateFacts &facts);
std::vector<Edit> readOutputAfterFailure(const TemplateFacts &facts);
std::vector<Edit> misspellActionProperty(const TemplateFacts &facts);
std::vector<Edit> misspellService(const TemplateFacts &facts);
std::vector<Edit> misspellApi(const TemplateFacts &facts);
std::vector<Edit> misspellApiParameter(const TemplateFacts &facts);
std::vector<Edit> removeRequiredParameter(const TemplateFacts &facts);
std::vector<Edit> misspellSelectorField(const TemplateFacts &facts);

inline constexpr Mutator kMutators[] = {
    {"rename-reference", RuleId::UndefinedReference, renameReference},
    {"break-jump-target", RuleId::UndefinedJumpTarget, breakJumpTarget},
    {"default-violates-constraint", RuleId::ParameterConstraint, makeDefaultViolateConstraint},
    {"make-task-unreachable", RuleId::UnreachableTask, makeTaskUnreachable},
    {"read-output-after-failure", RuleId::OutputBeforeTask, readOutputAfterFailure},
    {"misspell-action-property", RuleId::ActionProperties, misspellActionProperty},
    {"misspell-service", RuleId::UnknownService, misspellService},
    {"misspell-api", RuleId::UnknownApi, misspellApi},
    {"misspell-api-parameter", RuleId::ApiParameters, misspellApiParameter},
    {"remove-required-parameter", RuleId::ApiParameters, removeRequiredParameter},
    {"misspell-selector-field", RuleId::AnswerSelector, misspellSelectorField},
};

/// Kinds whose rule is still empty on this branch: their mutants are made,
/// linted and reported, but left out of the figure the test asserts on.
/// When a rule lands, remove its kind here (and lower the size: an empty
/// list is `std::array<std::string_view, 0>`).
inline constexpr std::array<std::string_view, 0> kKindsNotYetCounted = {};

bool isCounted(std::string_view kind);

} // namespace oosc::mutation
