//===- YamlLoader.cpp - Builds the node tree from yaml-cpp's events --------===//
//
// yaml-cpp's Node API drops duplicate keys silently, gives no end positions and
// costs more than we need, so we listen to its parser events and build our
// own tree: duplicate keys are reported, merge keys and aliases are resolved
// without copying (an alias stays a reference to its anchor, so no input can
// blow up memory), and each scalar gets its exact source range.
//
//===----------------------------------------------------------------------===//
#include "frontend/YamlLoader.h"

#include "frontend/Interpolation.h"
#include "frontend/ScalarLocator.h"
#include "frontend/TextChecks.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

namespace oosc::frontend {
namespace {

/// Thrown from inside the event handler to stop yaml-cpp at the depth limit.
struct NestingTooDeep {
  uint32_t offset;
};

ir::ScalarStyle styleAt(std::string_view source, uint32_t begin, bool plain) {
  if (plain || begin >= source.size())
    return ir::ScalarStyle::Plain;
  switch (source[begin]) {
  case '\'':
    return ir::ScalarStyle::SingleQuoted;
  case '"':
    return ir::ScalarStyle::DoubleQuoted;
  case '|':
    return ir::ScalarStyle::Literal;
  case '>':
    return ir::ScalarStyle::Folded;
  default:
    return ir::ScalarStyle::Plain;
  }
}

bool isStandardTag(const std::string &tag) {
  return tag.empty() || tag == "?" || tag == "!" || tag.rfind("tag:yaml.org,2002:", 0) == 0;
}

/// yaml-cpp's marks do not count a UTF-8 byte order mark; ours do.
uint32_t markOffset(std::string_view source, const YAML::Mark &mark) {
  if (mark.pos < 0)
    return static_cast<uint32_t>(source.size());
  size_t bom = source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  return static_cast<uint32_t>(std::min<size_t>(mark.pos + bom, source.size()));
}

class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(const SourceFile &file, ir::Document &document, DiagnosticEngine &diagnostics,
              const LoadLimits &limits)
      : source_(file.text()), document_(document), diagnostics_(diagnostics),
        limits_(limits) {}

  void OnDocumentStart(const YAML::Mark &) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    ir::Node &node = document_.create(ir::NodeKind::Null);
    node.range = SourceRange::at(offsetOf(mark));
    finish(node, anchor);
  }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    uint32_t offset = offsetOf(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // The anchor's node is still open: a recursive alias would make the
      // tree infinite, so it is refused.
      diagnostics_.report(RuleId::YamlSyntax, SourceRange::at(offset, 1),
                          "alias refers to an anchor that encloses it (recursive alias)");
      ir::Node &node = document_.create(ir::NodeKind::Null);
      node.range = SourceRange::at(offset);
      finish(node, 0);
      return;
    }
    ir::Node &node = document_.create(ir::NodeKind::Alias);
    node.target = it->second;
    node.range = {offset, aliasEnd(offset)};
    finish(node, 0);
  }

  void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                const std::string &value) override {
    ir::Node &node = document_.create(ir::NodeKind::Scalar);
    node.value = value;
    placeScalar(node, offsetOf(mark), tag == "?");
    checkTag(tag, node.range);
    if (value.find("{{") != std::string::npos)
      parseInterpolation(node, diagnostics_);
    finish(node, anchor);
  }

  void OnSequenceStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(ir::NodeKind::Sequence, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(ir::NodeKind::Mapping, mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }

  /// Closes whatever a syntax error left open, so the partial tree is usable.
  void closeAll(uint32_t endOffset) {
    while (!frames_.empty()) {
      frames_.back().node->range.end = std::max(frames_.back().node->range.begin, endOffset);
      close();
    }
  }

  ir::Node *root() const { return root_; }

private:
  struct Frame {
    ir::Node *node = nullptr;
    YAML::anchor_t anchor = 0;
    ir::Node *pendingKey = nullptr;
    /// Mapping keys seen so far, for duplicate detection; built on demand for
    /// large maps, where scanning the entries would be quadratic.
    std::unordered_map<std::string_view, size_t> keyIndex;
    std::vector<const ir::Node *> merges;
  };

  uint32_t offsetOf(const YAML::Mark &mark) const { return markOffset(source_, mark); }

  uint32_t aliasEnd(uint32_t offset) const {
    uint32_t end = offset + 1;
    while (end < source_.size() && !std::isspace(static_cast<unsigned char>(source_[end])) &&
           source_[end] != ',' && source_[end] != ']' && source_[end] != '}')
      ++end;
    return end;
  }

  void placeScalar(ir::Node &node, uint32_t markOffset, bool plain) {
    if (auto extent = locateScalarExtent(source_, markOffset, node.value)) {
      node.range = {extent->first, extent->second};
      node.style = styleAt(source_, extent->first, plain);
      // Escapes, folding and block indentation make decoded offsets differ
      // from source offsets; only then is the byte map worth building.
      if (!isVerbatim(node))
        if (auto span = locateScalar(source_, markOffset, node.value))
          node.valueOffsets = std::move(span->offsets);
      return;
    }
    // The locator could not reproduce the value: point at the token's start.
    node.range = SourceRange::at(markOffset, 1);
    node.style = styleAt(source_, markOffset, plain);
  }

  /// The decoded value is the source text between the quotes (if any).
  bool isVerbatim(const ir::Node &node) const {
    size_t quote = node.style == ir::ScalarStyle::SingleQuoted ||
                           node.style == ir::ScalarStyle::DoubleQuoted ? 1 : 0;
    if (node.style == ir::ScalarStyle::Literal || node.style == ir::ScalarStyle::Folded)
      return false;
    size_t length = node.range.end - node.range.begin;
    return length == node.value.size() + 2 * quote &&
           source_.compare(node.range.begin + quote, node.value.size(), node.value) == 0;
  }

  void checkTag(const std::string &tag, SourceRange where) {
    if (isStandardTag(tag))
      return;
    diagnostics_.report(RuleId::Schema, where,
                        "YAML tag '" + tag +
                            "' is not part of OOS templates (short forms such as !Ref belong "
                            "to ROS); write the value without a tag");
  }

  void open(ir::NodeKind kind, const YAML::Mark &mark, const std::string &tag,
            YAML::anchor_t anchor) {
    uint32_t offset = offsetOf(mark);
    if (frames_.size() >= limits_.maxDepth)
      throw NestingTooDeep{offset};
    ir::Node &node = document_.create(kind);
    node.range = SourceRange::at(offset);
    checkTag(tag, SourceRange::at(offset, 1));
    frames_.push_back(Frame{&node, anchor, nullptr, {}, {}});
  }

  void close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.node->isMapping())
      applyMerges(frame);
    extendToChildren(*frame.node);
    finish(*frame.node, frame.anchor);
  }

  /// A collection ends where its last child ends (yaml-cpp gives no end mark).
  static void extendToChildren(ir::Node &node) {
    uint32_t end = node.range.end;
    for (const ir::Node *item : node.items)
      end = std::max(end, item->range.end);
    for (const ir::MapEntry &entry : node.entries)
      end = std::max({end, entry.key->range.end, entry.value->range.end});
    // Flow collections include their closing bracket.
    node.range.end = std::max(end, node.range.begin);
  }

  /// Attaches a completed node to its parent.
  void finish(ir::Node &node, YAML::anchor_t anchor) {
    if (anchor != 0)
      anchors_[anchor] = &node;
    if (frames_.empty()) {
      if (!root_)
        root_ = &node;
      return;
    }
    Frame &parent = frames_.back();
    if (parent.node->isSequence()) {
      parent.node->items.push_back(&node);
    } else if (!parent.pendingKey) {
      parent.pendingKey = &node;
    } else {
      addEntry(parent, parent.pendingKey, &node);
      parent.pendingKey = nullptr;
    }
  }

  void addEntry(Frame &frame, ir::Node *key, ir::Node *value) {
    if (key->isMapping() || key->isSequence()) {
      // Almost always an unquoted `{{ name }}`, which YAML reads as a flow
      // mapping nested in a flow mapping.
      diagnostics_.report(RuleId::YamlSyntax, key->range,
                          "a mapping or list used as a key; an unquoted '{{ ... }}' is read as "
                          "a YAML flow mapping: quote it, as in '{{ name }}'");
      return;
    }
    if (key->isPlainScalar() && key->value == "<<") {
      frame.merges.push_back(value);
      return;
    }
    if (key->isScalar()) {
      if (const ir::MapEntry *first = findKey(frame, key->value)) {
        diagnostics_.report(RuleId::DuplicateName, key->range,
                            "duplicate key '" + key->value + "'; YAML keeps only one of them")
            .note(first->key->range, "first defined here");
        return;
      }
      indexKey(frame, key->value, frame.node->entries.size());
    }
    frame.node->entries.push_back({key, value});
  }

  const ir::MapEntry *findKey(Frame &frame, std::string_view key) {
    std::vector<ir::MapEntry> &entries = frame.node->entries;
    if (frame.keyIndex.empty()) {
      for (const ir::MapEntry &entry : entries)
        if (entry.key->isScalar() && entry.key->value == key)
          return &entry;
      return nullptr;
    }
    auto it = frame.keyIndex.find(key);
    return it == frame.keyIndex.end() ? nullptr : &entries[it->second];
  }

  void indexKey(Frame &frame, std::string_view key, size_t position) {
    constexpr size_t kLinearScanLimit = 16;
    std::vector<ir::MapEntry> &entries = frame.node->entries;
    if (frame.keyIndex.empty() && entries.size() < kLinearScanLimit)
      return;
    if (frame.keyIndex.empty())
      for (size_t i = 0; i < entries.size(); ++i)
        if (entries[i].key->isScalar())
          frame.keyIndex.emplace(entries[i].key->value, i);
    frame.keyIndex.emplace(key, position);
  }

  /// YAML merge keys (`<<: *base`): keys of the merged maps that the map does
  /// not set itself are added as aliases of the merged values.
  void applyMerges(Frame &frame) {
    for (const ir::Node *merge : frame.merges) {
      const ir::Node *source = ir::resolve(merge);
      std::vector<const ir::Node *> sources;
      if (source && source->isMapping())
        sources.push_back(source);
      else if (source && source->isSequence())
        for (const ir::Node *item : source->items)
          sources.push_back(ir::resolve(item));
      for (const ir::Node *map : sources) {
        if (!map || !map->isMapping()) {
          diagnostics_.report(RuleId::YamlSyntax, merge->range,
                              "a merge key '<<' takes a mapping or a list of mappings");
          continue;
        }
        for (const ir::MapEntry &entry : map->entries)
          mergeEntry(frame, entry);
      }
    }
  }

  void mergeEntry(Frame &frame, const ir::MapEntry &entry) {
    if (!entry.key->isScalar() || findKey(frame, entry.key->value))
      return;
    ir::Node &key = document_.create(ir::NodeKind::Scalar);
    key.value = entry.key->value;
    key.range = entry.key->range;
    ir::Node &value = document_.create(ir::NodeKind::Alias);
    value.target = ir::resolve(entry.value);
    value.range = entry.value->range;
    indexKey(frame, key.value, frame.node->entries.size());
    frame.node->entries.push_back({&key, &value});
  }

  std::string_view source_;
  ir::Document &document_;
  DiagnosticEngine &diagnostics_;
  const LoadLimits &limits_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, const ir::Node *> anchors_;
  ir::Node *root_ = nullptr;
};

/// yaml-cpp's messages are terse; these say what to do.
std::string describeParserError(const std::string &message) {
  if (message == "end of map not found")
    return "end of mapping not found: check the indentation, or a missing ':' or '}'";
  if (message == "end of sequence not found")
    return "end of sequence not found: check the indentation, or a missing ']'";
  if (message == "end of map flow not found")
    return "end of flow mapping not found: a '}' or ',' is missing";
  if (message == "end of sequence flow not found")
    return "end of flow sequence not found: a ']' or ',' is missing";
  if (message == "found unhashable key")
    return "found a mapping or list where a key was expected (an unquoted '{{ }}' is a YAML "
           "flow mapping: quote the value)";
  return message;
}

} // namespace

LoadResult loadDocument(const SourceFile &file, ir::Document &document,
                        DiagnosticEngine &diagnostics, const LoadLimits &limits) {
  std::string_view text = file.text();
  if (auto problem = checkText(text)) {
    diagnostics.report(RuleId::YamlSyntax, SourceRange::at(problem->offset, 1), problem->message);
    return {false};
  }
  std::istringstream input{std::string(text)};
  TreeBuilder builder(file, document, diagnostics, limits);
  LoadResult result;
  try {
    YAML::Parser parser(input);
    if (parser.HandleNextDocument(builder)) {
      TreeBuilder rest(file, document, diagnostics, limits);
      // A second document is never read by OOS; say so instead of dropping it.
      if (parser.HandleNextDocument(rest) && rest.root())
        diagnostics.report(RuleId::YamlSyntax, Severity::Warning,
                           SourceRange::at(rest.root()->range.begin),
                           "a template holds one YAML document; this one is ignored");
    }
  } catch (const NestingTooDeep &deep) {
    diagnostics.report(RuleId::YamlSyntax, SourceRange::at(deep.offset, 1),
                       "nesting deeper than " + std::to_string(limits.maxDepth) +
                           " levels; the rest of the file is not read");
    builder.closeAll(deep.offset);
    result.complete = false;
  } catch (const YAML::Exception &error) {
    uint32_t offset = markOffset(text, error.mark);
    diagnostics.report(RuleId::YamlSyntax, SourceRange::at(offset, 1),
                       describeParserError(error.msg));
    builder.closeAll(offset);
    result.complete = false;
  }
  document.root = builder.root();
  return result;
}

} // namespace oosc::frontend
