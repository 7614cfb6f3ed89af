//===- ControlFlow.cpp ------------------------------------------------------===//
#include "analysis/ControlFlow.h"

#include "support/Spelling.h"

#include <algorithm>
#include <cstdint>

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

  std::vector<std::vector<FlowEdge>> build() {
    for (const ir::Task &task : tmpl_.tasks)
      addTaskEdges(task);
    return std::move(edges_);
  }

private:
  size_t end() const { return tmpl_.tasks.size(); }

  void add(const ir::Task &from, size_t to, EdgeKind edge, bool guessed = false) {
    edges_[from.index].push_back({to, edge, guessed, branch_});
  }

  void addJump(const ir::Task &from, const std::optional<ir::JumpTarget> &target,
               JumpKind kind, bool nextByDefault) {
    EdgeKind edge = kind == JumpKind::OnError ? EdgeKind::Failure : EdgeKind::Success;
    if (!target) {
      add(from, nextByDefault ? from.index + 1 : end(), edge);
      return;
    }
    JumpResolution resolution = resolveJump(*target, kind, symbols_);
    switch (resolution.kind) {
    case JumpResolution::Kind::Task:
      add(from, resolution.task->index, edge);
      break;
    case JumpResolution::Kind::Next:
      add(from, from.index + 1, edge);
      break;
    case JumpResolution::Kind::Dynamic:
    case JumpResolution::Kind::Undefined:
      // Unknown until run time, or a misspelt name reported on its own: any
      // task may follow, so no task is called unreachable because of it.
      for (size_t i = 0; i <= end(); ++i)
        add(from, i, edge, true);
      break;
    default:
      add(from, end(), edge);
      break;
    }
  }

  void addTaskEdges(const ir::Task &task) {
    if (task.isChoice()) {
      for (branch_ = 0; branch_ < task.choices.size(); ++branch_)
        if (task.choices[branch_].next)
          addJump(task, task.choices[branch_].next, JumpKind::Choice, true);
      // Without DefaultTask an unmatched choice carries on with the next task.
      addJump(task, task.defaultTask, JumpKind::Choice, true);
      branch_ = 0;
    } else {
      addJump(task, task.onSuccess, JumpKind::OnSuccess, true);
    }
    if (task.when)
      add(task, task.index + 1, EdgeKind::Skipped);
    if (task.onError)
      addJump(task, task.onError, JumpKind::OnError, false);
  }

  const ir::Template &tmpl_;
  const SymbolTable &symbols_;
  std::vector<std::vector<FlowEdge>> edges_;
  /// The Choice branch whose edges are being added.
  uint32_t branch_ = 0;
};

} // namespace

std::vector<std::vector<FlowEdge>> flowGraph(const ir::Template &tmpl, const SymbolTable &symbols) {
  return EdgeBuilder(tmpl, symbols).build();
}

std::vector<std::vector<size_t>> successors(const ir::Template &tmpl, const SymbolTable &symbols) {
  std::vector<std::vector<FlowEdge>> graph = flowGraph(tmpl, symbols);
  std::vector<std::vector<size_t>> targets(graph.size());
  for (size_t from = 0; from < graph.size(); ++from)
    for (const FlowEdge &edge : graph[from])
      targets[from].push_back(edge.to);
  return targets;
}

std::vector<bool> reachableFrom(size_t start, const std::vector<std::vector<size_t>> &graph,
                                size_t nodeCount) {
  std::vector<bool> seen(nodeCount, false);
  std::vector<size_t> stack{start};
  seen[start] = true;
  while (!stack.empty()) {
    size_t node = stack.back();
    stack.pop_back();
    if (node < graph.size())
      for (size_t next : graph[node])
        if (next < nodeCount && !seen[next]) {
          seen[next] = true;
          stack.push_back(next);
        }
  }
  return seen;
}

std::vector<bool> tasksOnNoCycle(const std::vector<std::vector<FlowEdge>> &graph) {
  // Kosaraju, iteratively: the tasks alone in their strongly connected
  // component, without a self loop.
  size_t count = graph.size();
  auto targets = [&](size_t node) {
    std::vector<size_t> out;
    for (const FlowEdge &edge : graph[node])
      if (edge.to < count)
        out.push_back(edge.to);
    return out;
  };
  std::vector<std::vector<size_t>> forward(count), backward(count);
  for (size_t node = 0; node < count; ++node)
    for (size_t to : targets(node)) {
      forward[node].push_back(to);
      backward[to].push_back(node);
    }
  std::vector<size_t> finished;
  std::vector<bool> seen(count, false);
  for (size_t root = 0; root < count; ++root) {
    if (seen[root])
      continue;
    std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
    seen[root] = true;
    while (!stack.empty()) {
      auto &[node, next] = stack.back();
      if (next < forward[node].size()) {
        size_t to = forward[node][next++];
        if (!seen[to]) {
          seen[to] = true;
          stack.push_back({to, 0});
        }
        continue;
      }
      finished.push_back(node);
      stack.pop_back();
    }
  }
  std::vector<size_t> component(count, SIZE_MAX);
  std::vector<size_t> componentSize;
  for (auto it = finished.rbegin(); it != finished.rend(); ++it) {
    if (component[*it] != SIZE_MAX)
      continue;
    size_t id = componentSize.size();
    componentSize.push_back(0);
    std::vector<size_t> stack{*it};
    component[*it] = id;
    while (!stack.empty()) {
      size_t node = stack.back();
      stack.pop_back();
      ++componentSize[id];
      for (size_t from : backward[node])
        if (component[from] == SIZE_MAX) {
          component[from] = id;
          stack.push_back(from);
        }
    }
  }
  std::vector<bool> once(count, true);
  for (size_t node = 0; node < count; ++node) {
    bool selfLoop = std::find(forward[node].begin(), forward[node].end(), node) !=
                    forward[node].end();
    once[node] = componentSize[component[node]] == 1 && !selfLoop;
  }
  return once;
}

} // namespace oosc::analysis
