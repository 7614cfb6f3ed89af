//===- Dominators.cpp -------------------------------------------------------===//
#include "analysis/Dominators.h"

#include <algorithm>

namespace oosc::analysis {

DominatorTree::DominatorTree(const std::vector<std::vector<size_t>> &graph, size_t root)
    : order_(graph.size(), kNone), idom_(graph.size(), kNone), enter_(graph.size(), 0),
      exit_(graph.size(), 0) {
  std::vector<size_t> order = reversePostorder(graph, root);
  idom_[root] = root;
  computeImmediateDominators(graph, order);
  numberTree(root);
}

std::vector<size_t> DominatorTree::reversePostorder(const std::vector<std::vector<size_t>> &graph,
                                                    size_t root) {
  std::vector<size_t> postorder;
  std::vector<bool> seen(graph.size(), false);
  // Each frame: a node and how many of its edges were followed.
  std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
  seen[root] = true;
  while (!stack.empty()) {
    auto &[node, next] = stack.back();
    if (next < graph[node].size()) {
      size_t to = graph[node][next++];
      if (!seen[to]) {
        seen[to] = true;
        stack.push_back({to, 0});
      }
      continue;
    }
    order_[node] = postorder.size();
    postorder.push_back(node);
    stack.pop_back();
  }
  std::reverse(postorder.begin(), postorder.end());
  return postorder;
}

void DominatorTree::computeImmediateDominators(const std::vector<std::vector<size_t>> &graph,
                                               const std::vector<size_t> &order) {
  std::vector<std::vector<size_t>> predecessors(graph.size());
  for (size_t from = 0; from < graph.size(); ++from)
    if (reachable(from))
      for (size_t to : graph[from])
        predecessors[to].push_back(from);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t node : order) {
      if (idom_[node] == node)
        continue; // the root
      size_t dominator = kNone;
      for (size_t predecessor : predecessors[node])
        if (idom_[predecessor] != kNone)
          dominator = dominator == kNone ? predecessor : intersect(predecessor, dominator);
      if (dominator != idom_[node]) {
        idom_[node] = dominator;
        changed = true;
      }
    }
  }
}

size_t DominatorTree::intersect(size_t a, size_t b) const {
  while (a != b) {
    while (order_[a] < order_[b])
      a = idom_[a];
    while (order_[b] < order_[a])
      b = idom_[b];
  }
  return a;
}

void DominatorTree::numberTree(size_t root) {
  std::vector<std::vector<size_t>> children(idom_.size());
  for (size_t node = 0; node < idom_.size(); ++node)
    if (idom_[node] != kNone && node != root)
      children[idom_[node]].push_back(node);
  uint32_t clock = 0;
  std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
  enter_[root] = clock++;
  while (!stack.empty()) {
    auto &[node, next] = stack.back();
    if (next < children[node].size()) {
      size_t child = children[node][next++];
      enter_[child] = clock++;
      stack.push_back({child, 0});
      continue;
    }
    exit_[node] = clock++;
    stack.pop_back();
  }
}

} // namespace oosc::analysis
