//===- CheckReferences.cpp - Every {{ }} names something declared ----------===//
//
// Rules `undefined-reference` and `reference-case`. OOS resolves names without
// regard to case, so a reference that matches only that way works but is
// reported as a warning with the declared spelling as a fix.
//
//===----------------------------------------------------------------------===//
#include "analysis/PseudoParameters.h"
#include "analysis/Rules.h"
#include "support/Spelling.h"

#include <algorithm>

namespace oosc::analysis {
namespace {

class ReferenceChecker {
public:
  explicit ReferenceChecker(AnalysisContext &context) : context_(context) {}

  void check(const ReferenceSite &site) {
    const ir::Reference &reference = *site.reference;
    switch (reference.kind) {
    case ir::RefKind::Name:
      if (reference.parts.size() > 2 || reference.hasPathSyntax)
        checkResultPath(reference, site);
      else if (reference.parts.size() == 1)
        checkParameter(reference.parts[0]);
      else
        checkTaskOutput(reference.parts[0], reference.parts[1]);
      break;
    case ir::RefKind::Pseudo:
      checkPseudo(reference, site);
      break;
    case ir::RefKind::Store:
    case ir::RefKind::Secret:
      break; // Parameter store entries live outside the template.
    }
  }

private:
  Diagnostic &report(SourceRange where, std::string message) {
    return context_.diagnostics.report(RuleId::UndefinedReference, where, std::move(message));
  }

  void reportCase(const ir::Ident &written, std::string_view declared, std::string_view what) {
    context_.diagnostics
        .report(RuleId::ReferenceCase, written.range,
                "'" + written.text + "' matches " + std::string(what) + " '" +
                    std::string(declared) + "' only when case is ignored")
        .fix(written.range, std::string(declared));
  }

  static void suggest(Diagnostic &diagnostic, const ir::Ident &written,
                      const std::vector<std::string_view> &candidates) {
    if (auto suggestion = suggestName(written.text, candidates)) {
      diagnostic.message += "; did you mean '" + *suggestion + "'?";
      diagnostic.fix(written.range, *suggestion);
    }
  }

  /// `{{ task.Path.To[].Field }}`: a template output may read a task's raw
  /// result with a path (oos-spec.md 4.1); nowhere else is it a reference.
  void checkResultPath(const ir::Reference &reference, const ReferenceSite &site) {
    const ir::Ident &head = reference.parts[0];
    if (!site.inTemplateOutputs) {
      report(reference.range, "'" + reference.spelling +
                                  "' has too many parts; a reference is 'parameter' or 'task.output' "
                                  "(a path into a task's result is read only in template Outputs)");
      return;
    }
    auto task = context_.symbols.task(head.text);
    if (!task) {
      Diagnostic &diagnostic = report(head.range, "undefined task '" + head.text + "'");
      suggest(diagnostic, head, context_.symbols.taskNames());
      return;
    }
    if (!task.exactCase)
      reportCase(head, task.decl->name.text, "task");
  }

  void checkParameter(const ir::Ident &name) {
    if (auto parameter = context_.symbols.parameter(name.text)) {
      if (!parameter.exactCase)
        reportCase(name, parameter.decl->name.text, "parameter");
      return;
    }
    if (auto task = context_.symbols.task(name.text)) {
      report(name.range, "'" + name.text + "' is a task, not a parameter; reference one of its "
                                          "outputs as '" + task.decl->name.text + ".outputName'");
      return;
    }
    Diagnostic &diagnostic = report(name.range, "undefined parameter '" + name.text + "'");
    suggest(diagnostic, name, context_.symbols.parameterNames());
  }

  void checkTaskOutput(const ir::Ident &taskName, const ir::Ident &outputName) {
    auto task = context_.symbols.task(taskName.text);
    if (!task) {
      if (context_.symbols.parameter(taskName.text)) {
        report(taskName.range, "'" + taskName.text +
                                   "' is a parameter, not a task; a parameter's fields are "
                                   "read with Fn::Select or Fn::Jq");
        return;
      }
      Diagnostic &diagnostic = report(taskName.range, "undefined task '" + taskName.text + "'");
      suggest(diagnostic, taskName, context_.symbols.taskNames());
      return;
    }
    if (!task.exactCase)
      reportCase(taskName, task.decl->name.text, "task");
    auto output = context_.symbols.output(*task.decl, outputName.text);
    if (!output) {
      Diagnostic &diagnostic = report(outputName.range, "task '" + task.decl->name.text +
                                                            "' has no output '" +
                                                            outputName.text + "'");
      suggest(diagnostic, outputName, context_.symbols.outputNames(*task.decl));
      diagnostic.note(task.decl->name.range, "task '" + task.decl->name.text + "' is declared here");
      return;
    }
    if (!output.exactCase)
      reportCase(outputName, output.decl->name.text, "output");
  }

  void checkPseudo(const ir::Reference &reference, const ReferenceSite &site) {
    const ir::Ident &prefix = reference.parts[0];
    const ir::Ident &name = reference.parts[1];
    const PseudoParameter *pseudo = findPseudoParameter(name.text);
    if (!pseudo) {
      std::vector<std::string_view> names;
      for (const PseudoParameter &known : allPseudoParameters())
        names.push_back(known.name);
      Diagnostic &diagnostic =
          report(name.range, "unknown pseudo parameter '" + prefix.text + "::" + name.text + "'");
      suggest(diagnostic, name, names);
      return;
    }
    if (pseudo->onlyInLoop && !site.inLoop) {
      report(reference.range, "ACS::" + std::string(pseudo->name) +
                                  " is only defined inside a task with a Loop");
      return;
    }
    if (prefix.text != "ACS")
      reportCase(prefix, "ACS", "the prefix");
    if (name.text != pseudo->name)
      reportCase(name, pseudo->name, "pseudo parameter");
  }

  AnalysisContext &context_;
};

} // namespace

namespace {

/// `When: name` names a condition of the template's Conditions section.
void checkConditionNames(AnalysisContext &context) {
  const ir::Node *conditions =
      context.tmpl.root && context.tmpl.root->isMapping()
          ? ir::resolve(context.tmpl.root->get("Conditions")) : nullptr;
  std::vector<std::string_view> names;
  if (conditions && conditions->isMapping())
    for (const ir::MapEntry &entry : conditions->entries)
      names.push_back(entry.key->value);
  for (const ir::Task &task : context.tmpl.tasks) {
    const ir::Node *when = ir::resolve(task.when);
    if (!when || !when->isPlainScalar() || when->interpolation)
      continue;
    std::string_view name = when->value;
    if (equalsIgnoreCase(name, "true") || equalsIgnoreCase(name, "false") ||
        std::find(names.begin(), names.end(), name) != names.end())
      continue;
    Diagnostic &diagnostic = context.diagnostics.report(
        RuleId::UndefinedReference, when->range,
        "When names no condition: '" + when->value + "' is not in the template's Conditions");
    if (auto suggestion = suggestName(name, names)) {
      diagnostic.message += "; did you mean '" + *suggestion + "'?";
      diagnostic.fix(when->range, *suggestion);
    }
  }
}

} // namespace

void checkReferences(AnalysisContext &context) {
  ReferenceChecker checker(context);
  for (const ReferenceSite &site : context.references)
    checker.check(site);
  checkConditionNames(context);
}

} // namespace oosc::analysis
