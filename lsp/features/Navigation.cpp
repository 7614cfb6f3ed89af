//===- Navigation.cpp - Go to definition, find references and rename -----===//
#include "lsp/Features.h"
#include "lsp/features/SymbolAtOffset.h"
#include "support/Spelling.h"

#include <algorithm>

namespace oosc::lsp {
namespace {

constexpr size_t MaxNameLength = 200;

/// OOS names: [A-Za-z0-9_-]+, at most 200 characters.
bool isValidName(const std::string &name) {
  if (name.empty() || name.size() > MaxNameLength)
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
  });
}

/// Whether another declaration of the same namespace already uses `name`
/// (case-insensitively, as OOS looks names up). Loop outputs share a
/// namespace with the task's own outputs: one would shadow the other.
bool isTaken(const Document &document, const Target &target, const std::string &name) {
  const ir::Template &tmpl = document.tmpl();
  auto clashes = [&](const ir::Name &other, const void *self, const void *decl) {
    return self != decl && equalsIgnoreCase(other.text, name);
  };
  switch (target.kind) {
  case TargetKind::Parameter:
    return std::any_of(tmpl.parameters.begin(), tmpl.parameters.end(), [&](const auto &p) {
      return clashes(p.name, target.parameter, &p);
    });
  case TargetKind::Task:
    return std::any_of(tmpl.tasks.begin(), tmpl.tasks.end(), [&](const auto &t) {
      return clashes(t.name, target.task, &t);
    });
  case TargetKind::TaskOutput:
    for (const ir::OutputDecl *output : analysis::taskOutputs(*target.task))
      if (clashes(output->name, target.output, output))
        return true;
    return false;
  case TargetKind::TemplateOutput:
    return std::any_of(tmpl.outputs.begin(), tmpl.outputs.end(), [&](const auto &o) {
      return clashes(o.name, target.output, &o);
    });
  case TargetKind::Pseudo:
  case TargetKind::Action:
    return false;
  }
  return false;
}

std::string_view kindName(TargetKind kind) {
  switch (kind) {
  case TargetKind::Parameter:
    return "parameter";
  case TargetKind::Task:
    return "task";
  case TargetKind::TaskOutput:
  case TargetKind::TemplateOutput:
    return "output";
  case TargetKind::Pseudo:
    return "pseudo parameter";
  case TargetKind::Action:
    return "action";
  }
  return "name";
}

} // namespace

std::vector<SourceRange> definition(const Document &document, uint32_t offset) {
  analysis::SymbolTable symbols(document.tmpl());
  std::optional<Target> target = findTarget(document, symbols, offset);
  if (!target)
    return {};
  if (auto range = declarationRange(document.file->text(), *target))
    return {*range};
  return {};
}

std::vector<SourceRange> references(const Document &document, uint32_t offset,
                                    bool includeDeclaration) {
  analysis::SymbolTable symbols(document.tmpl());
  std::optional<Target> target = findTarget(document, symbols, offset);
  if (!target)
    return {};
  std::vector<SourceRange> ranges;
  for (const Occurrence &occurrence : findOccurrences(document, symbols, *target))
    if (includeDeclaration || !occurrence.isDeclaration)
      ranges.push_back(occurrence.range);
  return ranges;
}

RenameResult rename(const Document &document, uint32_t offset, const std::string &newName) {
  RenameResult result;
  if (!document.analyzed.parsed) {
    result.error = "the document has not been analyzed";
    return result;
  }
  analysis::SymbolTable symbols(document.tmpl());
  std::optional<Target> target = findTarget(document, symbols, offset);
  if (!target) {
    result.error = "there is no parameter, task or output to rename here";
    return result;
  }
  if (target->kind == TargetKind::Pseudo || target->kind == TargetKind::Action) {
    result.error = "a " + std::string(kindName(target->kind)) + " is defined by OOS and cannot be renamed";
    return result;
  }
  if (!isValidName(newName)) {
    result.error = "'" + newName + "' is not a valid name: use letters, digits, '_' and '-' (at most " +
                   std::to_string(MaxNameLength) + " characters)";
    return result;
  }
  if (isTaken(document, *target, newName)) {
    result.error = "a " + std::string(kindName(target->kind)) + " named '" + newName +
                   "' already exists (OOS ignores case in names)";
    return result;
  }
  for (const Occurrence &occurrence : findOccurrences(document, symbols, *target))
    result.edits.push_back({occurrence.range, newName});
  return result;
}

} // namespace oosc::lsp
