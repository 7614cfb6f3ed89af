//===- NameMutators.cpp - Names misspelt where they are used ---------------===//
//
// Three mutators that change one name where it is used, never where it is
// declared: a `{{ }}` reference, a jump target, an action property key.
//
//===----------------------------------------------------------------------===//
#include "TextEdits.h"

#include "support/Spelling.h"

namespace oosc::mutation {
namespace {

/// Declared by no template: a renamed reference cannot resolve to it.
constexpr std::string_view kUndeclaredName = "mutantUndeclaredName";

/// The part of a resolved `{{ param }}` or `{{ task.output }}` to rename:
/// the parameter, or the output (whose lookup depends on the task found).
const ir::Ident *renamablePart(const ir::Reference &reference, const analysis::SymbolTable &symbols) {
  if (reference.kind != ir::RefKind::Name || reference.hasPathSyntax)
    return nullptr;
  if (reference.parts.size() == 1)
    return symbols.parameter(reference.parts[0].text) ? &reference.parts[0] : nullptr;
  if (reference.parts.size() != 2)
    return nullptr;
  auto task = symbols.task(reference.parts[0].text);
  return task && symbols.output(*task.decl, reference.parts[1].text) ? &reference.parts[1] : nullptr;
}

/// `name` with its last letter dropped, or with a suffix when that is empty
/// or `taken`; nothing when neither spelling is free.
template <typename Taken>
std::optional<std::string> misspelt(std::string_view name, Taken taken) {
  for (std::string candidate : {std::string(name.substr(0, name.size() - 1)), std::string(name) + "Typo"})
    if (!candidate.empty() && !taken(candidate))
      return candidate;
  return std::nullopt;
}

bool isTaskOrKeyword(const analysis::SymbolTable &symbols, std::string_view name) {
  return symbols.task(name) || equalsIgnoreCase(name, "ACS::END") ||
         equalsIgnoreCase(name, "ACS::NEXT");
}

bool isPropertyKey(const ir::Node &properties, std::string_view name) {
  for (const ir::MapEntry &entry : properties.entries)
    if (entry.key && equalsIgnoreCase(entry.key->value, name))
      return true;
  return false;
}

void breakTarget(const TemplateFacts &facts, const std::optional<ir::JumpTarget> &target,
                 analysis::JumpKind kind, std::vector<Edit> &edits) {
  if (!target)
    return;
  analysis::JumpResolution resolution = analysis::resolveJump(*target, kind, facts.symbols);
  // A target that names its task only when case is ignored counts too: the
  // misspelling must still turn its reference-case warning into an error.
  if (resolution.kind != analysis::JumpResolution::Kind::Task)
    return;
  auto range = verbatimValue(facts.file, target->node);
  auto spelling = misspelt(target->text, [&](std::string_view name) {
    return isTaskOrKeyword(facts.symbols, name);
  });
  if (range && spelling)
    edits.push_back({replaceRange(*range, *spelling), range->begin,
                     "jump target '" + target->text + "' -> '" + *spelling + "'"});
}

/// Actions whose property keys the action-properties rule knows: the ECS
/// product actions (all keys) and ACS::ExecuteAPI (Service and API; its
/// Parameters are the API's own).
bool isMisspellableKey(std::string_view action, std::string_view key) {
  if (action.rfind("ACS::ECS::", 0) == 0)
    return true;
  return action == "ACS::ExecuteAPI" && (key == "Service" || key == "API");
}

} // namespace

std::vector<Edit> renameReference(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  for (const analysis::ReferenceSite &site : facts.references) {
    const ir::Ident *part = renamablePart(*site.reference, facts.symbols);
    if (part && isVerbatim(facts.file, part->range, part->text))
      edits.push_back({replaceRange(part->range, std::string(kUndeclaredName)), part->range.begin,
                       "'{{ " + site.reference->spelling + " }}': '" + part->text + "' -> '" +
                           std::string(kUndeclaredName) + "'"});
  }
  return edits;
}

std::vector<Edit> breakJumpTarget(const TemplateFacts &facts) {
  using analysis::JumpKind;
  std::vector<Edit> edits;
  for (const ir::Task &task : facts.tmpl.tasks) {
    breakTarget(facts, task.onError, JumpKind::OnError, edits);
    breakTarget(facts, task.onSuccess, JumpKind::OnSuccess, edits);
    for (const ir::ChoiceBranch &branch : task.choices)
      breakTarget(facts, branch.next, JumpKind::Choice, edits);
    breakTarget(facts, task.defaultTask, JumpKind::Choice, edits);
  }
  return edits;
}

std::vector<Edit> misspellActionProperty(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  for (const ir::Task &task : facts.tmpl.tasks) {
    const ir::Node *properties = ir::resolve(task.properties);
    if (!properties || !properties->isMapping())
      continue;
    for (const ir::MapEntry &entry : properties->entries) {
      if (!entry.key || !isMisspellableKey(task.action, entry.key->value))
        continue;
      // Drop the second letter: the first stays, as in a person's typo.
      const std::string &key = entry.key->value;
      std::string spelling = key.size() < 3 ? "" : key.substr(0, 1) + key.substr(2);
      auto range = verbatimValue(facts.file, entry.key);
      if (range && !spelling.empty() && !isPropertyKey(*properties, spelling))
        edits.push_back({replaceRange(*range, spelling), range->begin,
                         "property '" + key + "' of " + task.action + " -> '" + spelling + "'"});
    }
  }
  return edits;
}

} // namespace oosc::mutation
