//===- ControlFlow.cpp ------------------------------------------------------===//
#include "analysis/ControlFlow.h"

#include "support/Spelling.h"

namespace oosc::analysis {

JumpResolution resolveJump(const ir::JumpTarget &target, JumpKind kind,
                           const SymbolTable &symbols) {
  using Kind = JumpResolution::Kind;
  if (target.isDynamic())
    return {Kind::Dynamic};
  if (auto task = symbols.task(target.text))
    return {Kind::Task, task.decl, task.exactCase};
  if (equalsIgnoreCase(target.text, "ACS::END"))
    return {Kind::End, nullptr, target.text == "ACS::END"};
  if (equalsIgnoreCase(target.text, "ACS::NEXT"))
    return {kind == JumpKind::Choice ? Kind::NotAllowed : Kind::Next, nullptr,
            target.text == "ACS::NEXT"};
  return {Kind::Undefined};
}

namespace {

class EdgeBuilder {
public:
  EdgeBuilder(const ir::Template &tmpl, const SymbolTable &symbols)
      : tmpl_(tmpl), symbols_(symbols), edges_(tmpl.tasks.size()) {}

  std::vector<std::vector<size_t>> build() {
    for (const ir::Task &task : tmpl_.tasks)
      addTaskEdges(task);
    return std::move(edges_);
  }

private:
  size_t end() const { return tmpl_.tasks.size(); }

  void add(const ir::Task &from, size_t to) { edges_[from.index].push_back(to); }

  void addJump(const ir::Task &from, const std::optional<ir::JumpTarget> &target,
               JumpKind kind, bool nextByDefault) {
    if (!target) {
      add(from, nextByDefault ? from.index + 1 : end());
      return;
    }
    JumpResolution resolution = resolveJump(*target, kind, symbols_);
    switch (resolution.kind) {
    case JumpResolution::Kind::Task:
      add(from, resolution.task->index);
      break;
    case JumpResolution::Kind::Next:
      add(from, from.index + 1);
      break;
    case JumpResolution::Kind::Dynamic:
    case JumpResolution::Kind::Undefined:
      // Unknown until run time, or a misspelt name reported on its own: any
      // task may follow, so no task is called unreachable because of it.
      for (size_t i = 0; i <= end(); ++i)
        add(from, i);
      break;
    default:
      add(from, end());
      break;
    }
  }

  void addTaskEdges(const ir::Task &task) {
    if (task.isChoice()) {
      for (const ir::ChoiceBranch &branch : task.choices)
        if (branch.next)
          addJump(task, branch.next, JumpKind::Choice, true);
      // Without DefaultTask an unmatched choice carries on with the next task.
      addJump(task, task.defaultTask, JumpKind::Choice, true);
    } else {
      addJump(task, task.onSuccess, JumpKind::OnSuccess, true);
    }
    if (task.when)
      add(task, task.index + 1);
    if (task.onError)
      addJump(task, task.onError, JumpKind::OnError, false);
  }

  const ir::Template &tmpl_;
  const SymbolTable &symbols_;
  std::vector<std::vector<size_t>> edges_;
};

} // namespace

std::vector<std::vector<size_t>> successors(const ir::Template &tmpl, const SymbolTable &symbols) {
  return EdgeBuilder(tmpl, symbols).build();
}

} // namespace oosc::analysis
