//===- SymbolAtOffset.cpp - Finding and resolving the name under a cursor -===//
#include "lsp/features/SymbolAtOffset.h"

#include "analysis/ControlFlow.h"
#include "analysis/References.h"
#include "support/Spelling.h"

#include <algorithm>
#include <functional>

namespace oosc::lsp {
namespace {

using analysis::SymbolTable;
using PlaceVisitor = std::function<void(const Target &)>;

/// A cursor right after the last character still touches the name.
bool touches(SourceRange range, uint32_t offset) {
  return range.begin <= offset && offset <= range.end;
}

/// What part `index` of a reference names, when it names something declared.
std::optional<Target> resolvePart(const ir::Reference &reference, size_t index,
                                  const SymbolTable &symbols) {
  const ir::Ident &part = reference.parts[index];
  Target target;
  target.range = part.range;
  if (reference.kind == ir::RefKind::Pseudo) {
    if (reference.parts.size() < 2)
      return std::nullopt;
    target.kind = TargetKind::Pseudo;
    target.range = reference.parts[1].range;
    target.pseudo = analysis::findPseudoParameter(reference.parts[1].text);
    return target.pseudo ? std::optional<Target>(target) : std::nullopt;
  }
  if (reference.kind != ir::RefKind::Name)
    return std::nullopt;
  if (reference.parts.size() == 1) {
    auto parameter = symbols.parameter(part.text);
    if (!parameter)
      return std::nullopt;
    target.kind = TargetKind::Parameter;
    target.parameter = parameter.decl;
    return target;
  }
  auto task = symbols.task(reference.parts[0].text);
  if (!task)
    return std::nullopt;
  target.task = task.decl;
  if (index == 0) {
    target.kind = TargetKind::Task;
    return target;
  }
  // Past the output, a template output reads a path into the raw result.
  if (index != 1)
    return std::nullopt;
  auto output = symbols.output(*task.decl, part.text);
  if (!output)
    return std::nullopt;
  target.kind = TargetKind::TaskOutput;
  target.output = output.decl;
  return target;
}

void visitReference(const ir::Reference &reference, const SymbolTable &symbols,
                    const PlaceVisitor &visit) {
  for (size_t index = 0; index < reference.parts.size(); ++index)
    if (auto target = resolvePart(reference, index, symbols))
      visit(*target);
}

void visitEval(const ir::EvalExpr &expr, const SymbolTable &symbols, const PlaceVisitor &visit) {
  if (expr.kind == ir::EvalExpr::Kind::Reference)
    visitReference(expr.reference, symbols, visit);
  for (const auto &operand : expr.operands)
    visitEval(*operand, symbols, visit);
}

/// Every `{{ }}` part OOS evaluates, plus the references of Fn::Eval programs.
void visitReferences(const Document &document, const SymbolTable &symbols,
                     const PlaceVisitor &visit) {
  for (const analysis::ReferenceSite &site : analysis::collectReferences(document.tmpl()))
    visitReference(*site.reference, symbols, visit);
  const auto &parsed = document.analyzed.parsed;
  if (parsed && parsed->document)
    ir::forEachNode(parsed->document->root, [&](const ir::Node &node) {
      if (node.evalProgram)
        visitEval(*node.evalProgram, symbols, visit);
    });
}

Target declarationTarget(TargetKind kind, SourceRange range) {
  Target target;
  target.kind = kind;
  target.range = range;
  target.isDeclaration = true;
  return target;
}

void visitJump(const std::optional<ir::JumpTarget> &jump, analysis::JumpKind kind,
               std::string_view text, const SymbolTable &symbols, const PlaceVisitor &visit) {
  if (!jump || jump->isDynamic())
    return;
  analysis::JumpResolution resolution = analysis::resolveJump(*jump, kind, symbols);
  if (resolution.kind != analysis::JumpResolution::Kind::Task)
    return;
  Target target;
  target.kind = TargetKind::Task;
  target.task = resolution.task;
  target.range = unquotedRange(text, jump->range);
  visit(target);
}

void visitTaskOutputs(const ir::Task &task, std::string_view text, const PlaceVisitor &visit) {
  auto declare = [&](const ir::OutputDecl &output) {
    Target target = declarationTarget(TargetKind::TaskOutput, unquotedRange(text, output.name.range));
    target.task = &task;
    target.output = &output;
    visit(target);
  };
  for (const ir::OutputDecl &output : task.outputs)
    declare(output);
  if (!task.loop)
    return;
  for (const ir::OutputDecl &output : task.loop->outputs) {
    declare(output);
    // AggregateField names one of the task's own outputs.
    const ir::Node *field = output.value;
    if (!field || !field->isScalar())
      continue;
    if (const ir::OutputDecl *aggregated = findOwnOutput(task, field->value)) {
      Target target;
      target.kind = TargetKind::TaskOutput;
      target.task = &task;
      target.output = aggregated;
      target.range = unquotedRange(text, field->range);
      visit(target);
    }
  }
}

void visitTask(const ir::Task &task, std::string_view text, const SymbolTable &symbols,
               const PlaceVisitor &visit) {
  if (task.name.node) {
    Target target = declarationTarget(TargetKind::Task, unquotedRange(text, task.name.range));
    target.task = &task;
    visit(target);
  }
  if (task.actionNode && task.actionNode->isScalar()) {
    Target target;
    target.kind = TargetKind::Action;
    target.task = &task;
    target.range = unquotedRange(text, task.actionNode->range);
    visit(target);
  }
  visitJump(task.onError, analysis::JumpKind::OnError, text, symbols, visit);
  visitJump(task.onSuccess, analysis::JumpKind::OnSuccess, text, symbols, visit);
  for (const ir::ChoiceBranch &branch : task.choices)
    visitJump(branch.next, analysis::JumpKind::Choice, text, symbols, visit);
  visitJump(task.defaultTask, analysis::JumpKind::Choice, text, symbols, visit);
  visitTaskOutputs(task, text, visit);
}

/// Every place in the document that names something declared.
void visitPlaces(const Document &document, const SymbolTable &symbols, const PlaceVisitor &visit) {
  std::string_view text = document.file->text();
  const ir::Template &tmpl = document.tmpl();
  for (const ir::Parameter &parameter : tmpl.parameters) {
    Target target =
        declarationTarget(TargetKind::Parameter, unquotedRange(text, parameter.name.range));
    target.parameter = &parameter;
    visit(target);
  }
  for (const ir::Task &task : tmpl.tasks)
    visitTask(task, text, symbols, visit);
  for (const ir::OutputDecl &output : tmpl.outputs) {
    Target target =
        declarationTarget(TargetKind::TemplateOutput, unquotedRange(text, output.name.range));
    target.output = &output;
    visit(target);
  }
  visitReferences(document, symbols, visit);
}

bool sameDeclaration(const Target &a, const Target &b) {
  if (a.kind != b.kind)
    return false;
  switch (a.kind) {
  case TargetKind::Parameter:
    return a.parameter == b.parameter;
  case TargetKind::Task:
    return a.task == b.task;
  case TargetKind::TaskOutput:
  case TargetKind::TemplateOutput:
    return a.output == b.output;
  case TargetKind::Pseudo:
    return a.pseudo == b.pseudo;
  case TargetKind::Action:
    return equalsIgnoreCase(a.task->action, b.task->action);
  }
  return false;
}

} // namespace

SourceRange unquotedRange(std::string_view text, SourceRange range) {
  if (range.end > text.size() || range.end - range.begin < 2)
    return range;
  char first = text[range.begin];
  if ((first == '\'' || first == '"') && text[range.end - 1] == first)
    return {range.begin + 1, range.end - 1};
  return range;
}

const ir::OutputDecl *findOwnOutput(const ir::Task &task, std::string_view name) {
  for (const ir::OutputDecl &output : task.outputs)
    if (equalsIgnoreCase(output.name.text, name))
      return &output;
  return nullptr;
}

std::optional<Target> findTarget(const Document &document, const SymbolTable &symbols,
                                 uint32_t offset) {
  if (!document.analyzed.parsed)
    return std::nullopt;
  std::optional<Target> found;
  visitPlaces(document, symbols, [&](const Target &target) {
    // Among nested candidates (none expected) the narrowest wins.
    if (touches(target.range, offset) &&
        (!found || target.range.end - target.range.begin < found->range.end - found->range.begin))
      found = target;
  });
  return found;
}

std::optional<SourceRange> declarationRange(std::string_view text, const Target &target) {
  switch (target.kind) {
  case TargetKind::Parameter:
    return unquotedRange(text, target.parameter->name.range);
  case TargetKind::Task:
    if (!target.task->name.node)
      return std::nullopt;
    return unquotedRange(text, target.task->name.range);
  case TargetKind::TaskOutput:
  case TargetKind::TemplateOutput:
    return unquotedRange(text, target.output->name.range);
  case TargetKind::Pseudo:
  case TargetKind::Action:
    return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Occurrence> findOccurrences(const Document &document, const SymbolTable &symbols,
                                        const Target &target) {
  std::vector<Occurrence> occurrences;
  if (!document.analyzed.parsed)
    return occurrences;
  visitPlaces(document, symbols, [&](const Target &place) {
    if (sameDeclaration(place, target))
      occurrences.push_back({place.range, place.isDeclaration});
  });
  std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence &a, const Occurrence &b) {
    return a.range.begin < b.range.begin;
  });
  // An Fn::Eval string may also be an interpolated scalar: keep one of each.
  occurrences.erase(std::unique(occurrences.begin(), occurrences.end(),
                                [](const Occurrence &a, const Occurrence &b) {
                                  return a.range == b.range;
                                }),
                    occurrences.end());
  return occurrences;
}

} // namespace oosc::lsp
