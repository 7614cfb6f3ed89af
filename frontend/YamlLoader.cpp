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
#include "frontend/SurrogateEscapes.h"

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
  TreeBuilder(std::string_view source, ir::Document &document, DiagnosticEngine &diagnostics,
              const LoadLimits &limits)
      : source_(source), document_(document), diagnostics_(diagnostics),
        limits_(limits) {}

  void OnDocumentStart(const YAML::Mark &) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    ir::Node &node = document_.create(ir::NodeKind::Null);
    uint32_t offset = offsetOf(mark);
    // An explicit null covers its token; an omitted value is empty.
    std::string_view rest = source_.substr(offset);
    uint32_t length = rest.rfind("null", 0) == 0 || rest.rfind("Null", 0) == 0 ||
                              rest.rfind("NULL", 0) == 0 ? 4
                      : rest.rfind("~", 0) == 0 ? 1 : 0;
    node.range = SourceRange::at(offset, length);
    finish(node, anchor);
  }

  void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override {
    uint32_t offset = offsetOf(mark);
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      // The anchor's node is still open: a recursive alias would make the
      // tree infinite, so it is refused.
      diagnostics_.report(RuleId::YamlSyntax, {offset, aliasEnd(offset)},
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
    // The mark is at the tag when there is one: point at tag and value.
    checkTag(tag, {std::min(offsetOf(mark), node.range.begin), node.range.end});
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
      frames_.back().childrenEnd = std::max(frames_.back().childrenEnd, endOffset);
      close();
    }
  }

  ir::Node *root() const { return root_; }
  /// A quote ran to the end of the file: the tree lacks what it swallowed.
  bool swallowedRest() const { return swallowedRest_; }

  /// Where the innermost still-open flow collection of this kind starts.
  std::optional<uint32_t> openFlowStart(char bracket) const {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      uint32_t begin = it->node->range.begin;
      if (begin < source_.size() && source_[begin] == bracket)
        return begin;
    }
    return std::nullopt;
  }

private:
  struct Frame {
    ir::Node *node = nullptr;
    YAML::anchor_t anchor = 0;
    /// Where the last child seen so far ends, kept or not.
    uint32_t childrenEnd = 0;
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
      checkClosingQuote(node);
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
    if (!hasClosingQuote(node))
      reportUnclosedQuote(node.range.begin);
  }

  /// Whether a quoted scalar starting at node.range.begin is closed at all.
  bool hasClosingQuote(const ir::Node &node) const {
    if (node.style != ir::ScalarStyle::SingleQuoted && node.style != ir::ScalarStyle::DoubleQuoted)
      return true;
    char quote = source_[node.range.begin];
    for (size_t i = node.range.begin + 1; i < source_.size(); ++i) {
      if (quote == '"' && source_[i] == '\\')
        ++i; // an escaped character, possibly a quote
      else if (source_[i] == quote && !(quote == '\'' && i + 1 < source_.size() && source_[i + 1] == '\''))
        return true;
      else if (quote == '\'' && source_[i] == '\'')
        ++i; // '' is an escaped quote
    }
    return false;
  }

  void reportUnclosedQuote(uint32_t begin) {
    swallowedRest_ = true;
    diagnostics_.report(RuleId::YamlSyntax, SourceRange::at(begin, 1),
                        std::string("this ") + source_[begin] +
                            " is never closed; the string runs to the end of the file");
  }

  /// yaml-cpp lets a quoted scalar run to the end of the file when its
  /// closing quote is missing; that swallows the rest of the template.
  void checkClosingQuote(const ir::Node &node) {
    if (node.style != ir::ScalarStyle::SingleQuoted && node.style != ir::ScalarStyle::DoubleQuoted)
      return;
    char quote = source_[node.range.begin];
    if (node.range.end < node.range.begin + 2 || source_[node.range.end - 1] != quote)
      reportUnclosedQuote(node.range.begin);
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
    frames_.push_back(Frame{&node, anchor, offset, nullptr, {}, {}});
  }

  void close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.node->isMapping())
      applyMerges(frame);
    extendToChildren(*frame.node, frame.childrenEnd);
    finish(*frame.node, frame.anchor);
  }

  /// A collection ends where its last child ends (yaml-cpp gives no end
  /// mark; dropped duplicates and merge keys count too); a flow collection
  /// ends after its closing bracket.
  void extendToChildren(ir::Node &node, uint32_t childrenEnd) const {
    uint32_t end = std::max(childrenEnd, node.range.begin);
    if (node.range.begin < source_.size() &&
        (source_[node.range.begin] == '[' || source_[node.range.begin] == '{'))
      end = closingBracketEnd(source_[node.range.begin] == '[' ? ']' : '}',
                              std::max(end, node.range.begin + 1));
    node.range.end = end;
  }

  /// After a flow collection's last child only blanks, commas and comments
  /// can come before its closing bracket.
  uint32_t closingBracketEnd(char bracket, uint32_t from) const {
    for (uint32_t i = from; i < source_.size(); ++i) {
      char c = source_[i];
      if (c == bracket)
        return i + 1;
      if (c == '#')
        while (i + 1 < source_.size() && source_[i + 1] != '\n')
          ++i;
      else if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',')
        break;
    }
    return from;
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
    parent.childrenEnd = std::max(parent.childrenEnd, node.range.end);
    if (parent.node->isSequence()) {
      parent.node->items.push_back(&node);
    } else if (!parent.pendingKey) {
      parent.pendingKey = &node;
    } else {
      addEntry(parent, parent.pendingKey, &node);
      parent.pendingKey = nullptr;
    }
  }

  /// yaml-cpp marks an empty value (`Name:` alone) at the next token, often
  /// on a later line; it belongs right after its key's colon.
  void placeEmptyValue(const ir::Node &key, ir::Node &value) const {
    if (!value.isNull() || !value.range.empty() || value.range.begin <= key.range.end)
      return;
    size_t colon = source_.find(':', key.range.end);
    size_t lineEnd = source_.find('\n', key.range.end);
    if (colon != std::string_view::npos && colon < lineEnd && colon < value.range.begin)
      value.range = SourceRange::at(static_cast<uint32_t>(colon + 1));
  }

  void addEntry(Frame &frame, ir::Node *key, ir::Node *value) {
    placeEmptyValue(*key, *value);
    if (key->isMapping() || key->isSequence()) {
      // Almost always an unquoted `{{ name }}`, which YAML reads as a flow
      // mapping nested in a flow mapping: point at both pairs of braces.
      SourceRange where = key->range;
      if (where.begin > 0 && source_[where.begin - 1] == '{' && where.end < source_.size() &&
          source_[where.end] == '}')
        where = {where.begin - 1, where.end + 1};
      diagnostics_.report(RuleId::YamlSyntax, where,
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
        reportDuplicateKey(*first->key, *key, diagnostics_);
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
      if (sources.empty())
        diagnostics_.report(RuleId::YamlSyntax, merge->range,
                            "a merge key '<<' takes a mapping or a list of mappings");
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
  bool swallowedRest_ = false;
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
  if (message == "illegal EOF in scalar")
    return "the file ends inside a quoted string: its closing quote is missing";
  if (message == "illegal map value")
    return "unexpected ':' here: a plain value cannot contain ': ' (quote it), or the "
           "indentation is off";
  if (message == "found unhashable key")
    return "found a mapping or list where a key was expected (an unquoted '{{ }}' is a YAML "
           "flow mapping: quote the value)";
  return message;
}

/// yaml-cpp says where it gave up; for an unclosed flow collection the
/// opening bracket is what the reader needs, so it is shown too: as the
/// primary location when the parser ran to the end of the file (the bracket
/// is then really never closed), as a note otherwise (the cause may be an
/// unclosed string inside it).
void reportParserError(const TreeBuilder &builder, std::string_view text, const std::string &message,
                       uint32_t offset, DiagnosticEngine &diagnostics) {
  bool sequence = message == "end of sequence flow not found";
  char open = sequence ? '[' : '{';
  std::optional<uint32_t> start;
  if (sequence || message == "end of map flow not found")
    start = builder.openFlowStart(open);
  bool atEnd = text.find_first_not_of(" \t\r\n", offset) == std::string_view::npos;
  if (start && atEnd) {
    diagnostics
        .report(RuleId::YamlSyntax, SourceRange::at(*start, 1),
                std::string("this '") + open + "' is never closed: a '" + (sequence ? ']' : '}') +
                    "' or ',' is missing")
        .note(SourceRange::at(offset), "the file ends here");
    return;
  }
  Diagnostic &diagnostic = diagnostics.report(RuleId::YamlSyntax, SourceRange::at(offset, 1),
                                              describeParserError(message));
  if (start)
    diagnostic.note(SourceRange::at(*start, 1), std::string("the '") + open + "' opened here");
}

/// The copy of `text` yaml-cpp reads. YAML 1.2 (and JSON, as whitespace,
/// and SourceFile's lines, and ScalarLocator) take a lone carriage return, a
/// classic Mac line ending, for a line break; yaml-cpp 0.7 takes it for
/// text (`,\r"c"` became the plain key `\r"c"`). Each lone CR becomes an LF,
/// byte for byte, so yaml-cpp's marks still point into `text`.
std::string withLoneCarriageReturnsAsLineFeeds(std::string_view text) {
  std::string copy(text);
  for (size_t i = 0; i < copy.size(); ++i)
    if (copy[i] == '\r' && (i + 1 == copy.size() || copy[i + 1] != '\n'))
      copy[i] = '\n';
  return copy;
}

/// Parses `text` (the file's, or its surrogate-rewritten copy).
LoadResult parseText(std::string_view text, ir::Document &document, DiagnosticEngine &diagnostics,
                     const LoadLimits &limits) {
  std::istringstream input{withLoneCarriageReturnsAsLineFeeds(text)};
  TreeBuilder builder(text, document, diagnostics, limits);
  LoadResult result;
  try {
    YAML::Parser parser(input);
    if (parser.HandleNextDocument(builder)) {
      TreeBuilder rest(text, document, diagnostics, limits);
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
    reportParserError(builder, text, error.msg, offset, diagnostics);
    builder.closeAll(offset);
    result.complete = false;
  }
  document.root = builder.root();
  if (builder.swallowedRest())
    result.complete = false;
  return result;
}

void translate(SourceRange &range, const SurrogateRewrite &rewrite) {
  range = {rewrite.toOriginal(range.begin), rewrite.toOriginal(range.end)};
}

/// Moves every position found in the rewritten text back to the file's.
void translateDocument(ir::Document &document, const SurrogateRewrite &rewrite) {
  document.forEachNode([&](ir::Node &node) {
    translate(node.range, rewrite);
    for (uint32_t &offset : node.valueOffsets)
      offset = rewrite.toOriginal(offset);
    if (node.interpolation)
      for (ir::Interpolation::Piece &piece : node.interpolation->pieces)
        if (auto *reference = std::get_if<ir::Reference>(&piece)) {
          translate(reference->range, rewrite);
          for (ir::Ident &part : reference->parts)
            translate(part.range, rewrite);
        }
  });
}

} // namespace

LoadResult loadYaml(const SourceFile &file, ir::Document &document, DiagnosticEngine &diagnostics,
                    const LoadLimits &limits) {
  std::string_view text = file.text();
  std::optional<SurrogateRewrite> rewrite = rewriteSurrogatePairs(text);
  if (!rewrite)
    return parseText(text, document, diagnostics, limits);
  SourceFile rewritten(file.path(), rewrite->text);
  DiagnosticEngine scratch(rewritten);
  LoadResult result = parseText(rewrite->text, document, scratch, limits);
  translateDocument(document, *rewrite);
  for (Diagnostic &diagnostic : scratch.takeSorted()) {
    translate(diagnostic.range, *rewrite);
    for (DiagnosticNote &note : diagnostic.notes)
      if (note.range)
        translate(*note.range, *rewrite);
    for (FixIt &fix : diagnostic.fixes)
      translate(fix.range, *rewrite);
    diagnostics.add(std::move(diagnostic));
  }
  return result;
}

} // namespace oosc::frontend
