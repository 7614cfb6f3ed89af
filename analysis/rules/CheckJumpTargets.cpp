//===- CheckJumpTargets.cpp - OnError, OnSuccess and Choice targets exist --===//
//
// Rule `undefined-jump-target` (and `reference-case` for a target that names
// a task only when case is ignored).
//
//===----------------------------------------------------------------------===//
#include "analysis/ControlFlow.h"
#include "analysis/Rules.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

std::string_view allowedKeywords(JumpKind kind) {
  switch (kind) {
  case JumpKind::OnError:
  case JumpKind::OnSuccess:
    return "a task name, 'ACS::NEXT' or 'ACS::END'";
  case JumpKind::Choice:
    return "a task name or 'ACS::END'";
  }
  return "";
}

void checkTarget(AnalysisContext &context, const std::optional<ir::JumpTarget> &target,
                 JumpKind kind, std::string_view key) {
  if (!target)
    return;
  JumpResolution resolution = resolveJump(*target, kind, context.symbols);
  using Kind = JumpResolution::Kind;
  if (resolution.kind == Kind::Undefined) {
    std::vector<std::string_view> candidates = context.symbols.taskNames();
    candidates.push_back("ACS::END");
    if (kind != JumpKind::Choice)
      candidates.push_back("ACS::NEXT");
    Diagnostic &diagnostic = context.diagnostics.report(
        RuleId::UndefinedJumpTarget, target->range,
        std::string(key) + " target '" + target->text + "' names no task; expected " +
            std::string(allowedKeywords(kind)));
    if (auto suggestion = suggestName(target->text, candidates)) {
      diagnostic.message += "; did you mean '" + *suggestion + "'?";
      diagnostic.fix(target->range, *suggestion);
    }
    return;
  }
  if (resolution.kind == Kind::NotAllowed) {
    context.diagnostics.report(RuleId::UndefinedJumpTarget, target->range,
                               std::string(key) + " cannot be '" + target->text + "'; expected " +
                                   std::string(allowedKeywords(kind)));
    return;
  }
  if (!resolution.exactCase) {
    std::string declared = resolution.task ? resolution.task->name.text
                           : resolution.kind == Kind::End ? "ACS::END" : "ACS::NEXT";
    context.diagnostics
        .report(RuleId::ReferenceCase, target->range,
                std::string(key) + " target '" + target->text + "' matches '" + declared +
                    "' only when case is ignored")
        .fix(target->range, declared);
  }
}

} // namespace

void checkJumpTargets(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks) {
    checkTarget(context, task.onError, JumpKind::OnError, "OnError");
    checkTarget(context, task.onSuccess, JumpKind::OnSuccess, "OnSuccess");
    for (const ir::ChoiceBranch &branch : task.choices)
      checkTarget(context, branch.next, JumpKind::Choice, "NextTask");
    checkTarget(context, task.defaultTask, JumpKind::Choice, "DefaultTask");
  }
}

} // namespace oosc::analysis
