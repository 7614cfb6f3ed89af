//===- Node.cpp -------------------------------------------------------------===//
#include "ir/Node.h"

#include "support/Spelling.h"

namespace oosc::ir {

const MapEntry *Node::entry(std::string_view key) const {
  for (const MapEntry &e : entries)
    if (e.key->isScalar() && e.key->value == key)
      return &e;
  return nullptr;
}

const Node *property(const Node *map, std::string_view key) {
  map = resolve(map);
  if (!map || !map->isMapping())
    return nullptr;
  for (const MapEntry &entry : map->entries)
    if (entry.key && entry.key->isScalar() && equalsIgnoreCase(entry.key->value, key))
      return resolve(entry.value);
  return nullptr;
}

const Node *Node::get(std::string_view key) const {
  const MapEntry *e = entry(key);
  return e ? e->value : nullptr;
}

std::string_view Node::functionName() const {
  if (!isMapping() || entries.size() != 1 || !entries[0].key->isScalar())
    return {};
  std::string_view key = entries[0].key->value;
  return key.rfind("Fn::", 0) == 0 ? key : std::string_view();
}

SourceRange Node::valueRange(size_t begin, size_t end) const {
  if (!valueOffsets.empty() && begin < valueOffsets.size()) {
    uint32_t from = valueOffsets[begin];
    // The last byte's own offset, not the next byte's: after a folded line
    // break the next byte may sit on another line.
    uint32_t to = end > begin && end - 1 < valueOffsets.size() ? valueOffsets[end - 1] + 1 : from;
    return {from, std::max(from, to)};
  }
  // Without a map the value is verbatim after an opening quote, if any.
  uint32_t start = range.begin + (style == ScalarStyle::SingleQuoted ||
                                  style == ScalarStyle::DoubleQuoted ? 1 : 0);
  return {start + static_cast<uint32_t>(begin), start + static_cast<uint32_t>(end)};
}

const Node *resolve(const Node *node) {
  // Aliases point at completed nodes, so chains are finite; the bound is a guard.
  for (int hops = 0; node && node->isAlias() && hops < 64; ++hops)
    node = node->target;
  return node;
}

} // namespace oosc::ir
