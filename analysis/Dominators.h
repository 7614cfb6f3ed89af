//===- Dominators.h - Which nodes every path from the root passes ----------===//
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace oosc::analysis {

/// The dominator tree of a directed graph from one root (Cooper, Harvey and
/// Kennedy's iterative algorithm: near-linear on task graphs, which are
/// mostly lists with a few jumps back), numbered so that a dominance query
/// costs O(1).
class DominatorTree {
public:
  DominatorTree(const std::vector<std::vector<size_t>> &graph, size_t root);

  bool reachable(size_t node) const { return order_[node] != kNone; }
  /// Every path from the root to `node` passes `dominator` (both reachable).
  bool dominates(size_t dominator, size_t node) const {
    return enter_[dominator] <= enter_[node] && exit_[node] <= exit_[dominator];
  }
  /// The nearest node dominating both (both reachable); costs the distance
  /// up the tree from `a`.
  size_t commonDominator(size_t a, size_t b) const {
    while (!dominates(a, b))
      a = idom_[a];
    return a;
  }

private:
  static constexpr size_t kNone = SIZE_MAX;

  std::vector<size_t> reversePostorder(const std::vector<std::vector<size_t>> &graph, size_t root);
  void computeImmediateDominators(const std::vector<std::vector<size_t>> &graph,
                                  const std::vector<size_t> &order);
  size_t intersect(size_t a, size_t b) const;
  void numberTree(size_t root);

  std::vector<size_t> order_; ///< postorder number, kNone when unreachable
  std::vector<size_t> idom_;
  std::vector<uint32_t> enter_, exit_;
};

} // namespace oosc::analysis
