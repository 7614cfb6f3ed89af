//===- Node.h - The document tree of a YAML or JSON template ---------------===//
//
// The frontend loads a file into this tree; every node keeps its source range,
// and scalars holding `{{ }}` keep their parsed references. No parser types
// appear here, so analysis and the language server depend only on this.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Expr.h"

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::ir {

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping, Alias };

/// How a scalar was written; plain scalars may be numbers or booleans.
enum class ScalarStyle : uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

struct Node;

struct MapEntry {
  Node *key = nullptr;
  Node *value = nullptr;
};

struct Node {
  NodeKind kind = NodeKind::Null;
  ScalarStyle style = ScalarStyle::Plain;
  SourceRange range;

  std::string value;              ///< Scalar: the decoded text
  std::vector<Node *> items;      ///< Sequence
  std::vector<MapEntry> entries;  ///< Mapping, in source order (duplicates dropped)
  const Node *target = nullptr;   ///< Alias: the anchored node
  /// Scalar containing `{{`: its parsed pieces (null when it has none). A
  /// segment that does not parse stays literal text; the frontend reported it.
  std::unique_ptr<Interpolation> interpolation;
  /// Argument of Fn::Eval that parsed.
  std::unique_ptr<EvalExpr> evalProgram;
  /// Byte offsets in the source of each decoded byte of `value`, when the
  /// frontend computed them (multi-line or escaped scalars with references).
  std::vector<uint32_t> valueOffsets;

  bool isNull() const { return kind == NodeKind::Null; }
  bool isScalar() const { return kind == NodeKind::Scalar; }
  bool isSequence() const { return kind == NodeKind::Sequence; }
  bool isMapping() const { return kind == NodeKind::Mapping; }
  bool isAlias() const { return kind == NodeKind::Alias; }
  bool isPlainScalar() const { return isScalar() && style == ScalarStyle::Plain; }

  /// The value for an exact key of a mapping, or null.
  const Node *get(std::string_view key) const;
  /// The entry whose key matches exactly, or null.
  const MapEntry *entry(std::string_view key) const;
  /// A single-key mapping whose key starts with `Fn::`: the function name.
  std::string_view functionName() const;
  /// Source range of byte [begin, end) of a scalar's decoded value.
  SourceRange valueRange(size_t begin, size_t end) const;
};

/// Follows aliases to the node they stand for.
const Node *resolve(const Node *node);

/// The value of \p key in the mapping \p map, the key matched without case
/// as OOS reads property names, aliases followed on both; null when \p map
/// is not a mapping or has no such key.
const Node *property(const Node *map, std::string_view key);

/// Owns the nodes of one file.
class Document {
public:
  Node &create(NodeKind kind) {
    nodes_.emplace_back();
    nodes_.back().kind = kind;
    return nodes_.back();
  }
  Node *root = nullptr;
  size_t size() const { return nodes_.size(); }
  void clear() {
    nodes_.clear();
    root = nullptr;
  }
  /// Every node, in creation order (for passes over all positions).
  template <typename Visit> void forEachNode(Visit &&visit) {
    for (Node &node : nodes_)
      visit(node);
  }

private:
  std::deque<Node> nodes_;
};

/// Calls `visit` on every node of the tree below `node` (itself included),
/// not following aliases: an aliased node is visited where it is defined.
template <typename Visit> void forEachNode(const Node *node, Visit &&visit) {
  if (!node)
    return;
  std::vector<const Node *> stack{node};
  while (!stack.empty()) {
    const Node *current = stack.back();
    stack.pop_back();
    visit(*current);
    for (auto it = current->entries.rbegin(); it != current->entries.rend(); ++it) {
      stack.push_back(it->value);
      stack.push_back(it->key);
    }
    for (auto it = current->items.rbegin(); it != current->items.rend(); ++it)
      stack.push_back(*it);
  }
}

} // namespace oosc::ir
