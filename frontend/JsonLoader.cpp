//===- JsonLoader.cpp -------------------------------------------------------===//
#include "frontend/JsonLoader.h"

#include "frontend/Interpolation.h"
#include "oosc/runtime/Value.h"

#include <unordered_set>

namespace oosc::frontend {
namespace {

/// A duplicate key found while parsing, reported only if the whole text
/// turns out to be strict JSON.
struct DuplicateKey {
  const ir::Node *first;
  const ir::Node *repeat;
};

class StrictJsonReader {
public:
  StrictJsonReader(std::string_view text, ir::Document &document, const LoadLimits &limits)
      : text_(text), document_(document), limits_(limits) {}

  /// The root, or null when the text is not strict JSON.
  ir::Node *read() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF")
      position_ = 3; // a byte order mark; offsets stay file offsets
    skipBlanks();
    if (position_ >= text_.size() || (text_[position_] != '{' && text_[position_] != '['))
      return nullptr;
    ir::Node *root = value(0);
    skipBlanks();
    return root && position_ == text_.size() ? root : nullptr;
  }

  const std::vector<DuplicateKey> &duplicates() const { return duplicates_; }
  const std::vector<ir::Node *> &interpolated() const { return interpolated_; }

private:
  void skipBlanks() {
    while (position_ < text_.size() && (text_[position_] == ' ' || text_[position_] == '\t' ||
                                        text_[position_] == '\n' || text_[position_] == '\r'))
      ++position_;
  }

  /// YAML reads a flow mapping's key and its ':' on one line (an implicit
  /// key); with a line break between them yaml-cpp, the authority, reads
  /// the text otherwise, so such JSON is left to it.
  bool lineBreakBeforeColon() const {
    for (size_t at = position_; at < text_.size() && text_[at] != ':'; ++at)
      if (text_[at] == '\n' || text_[at] == '\r')
        return true;
      else if (text_[at] != ' ' && text_[at] != '\t')
        return false;
    return false;
  }

  bool take(char c) {
    skipBlanks();
    if (position_ < text_.size() && text_[position_] == c) {
      ++position_;
      return true;
    }
    return false;
  }

  ir::Node *value(unsigned depth) {
    skipBlanks();
    if (position_ >= text_.size() || depth >= limits_.maxDepth)
      return nullptr; // too deep: yaml-cpp's path reports it
    char c = text_[position_];
    if (c == '{')
      return object(depth);
    if (c == '[')
      return array(depth);
    if (c == '"')
      return string();
    if (c == 'n')
      return keyword("null", ir::NodeKind::Null);
    if (c == 't')
      return keyword("true", ir::NodeKind::Scalar);
    if (c == 'f')
      return keyword("false", ir::NodeKind::Scalar);
    return number();
  }

  ir::Node *keyword(std::string_view word, ir::NodeKind kind) {
    if (text_.substr(position_, word.size()) != word)
      return nullptr;
    ir::Node &node = document_.create(kind);
    node.range = SourceRange::at(static_cast<uint32_t>(position_), static_cast<uint32_t>(word.size()));
    if (kind == ir::NodeKind::Scalar)
      node.value = std::string(word);
    position_ += word.size();
    return &node;
  }

  ir::Node *number() {
    size_t start = position_;
    auto digits = [&] {
      size_t from = position_;
      while (position_ < text_.size() && text_[position_] >= '0' && text_[position_] <= '9')
        ++position_;
      return position_ > from;
    };
    if (position_ < text_.size() && text_[position_] == '-')
      ++position_;
    if (position_ < text_.size() && text_[position_] == '0')
      ++position_;
    else if (!digits())
      return nullptr;
    if (position_ < text_.size() && text_[position_] == '.' && (++position_, !digits()))
      return nullptr;
    if (position_ < text_.size() && (text_[position_] == 'e' || text_[position_] == 'E')) {
      ++position_;
      if (position_ < text_.size() && (text_[position_] == '+' || text_[position_] == '-'))
        ++position_;
      if (!digits())
        return nullptr;
    }
    ir::Node &node = document_.create(ir::NodeKind::Scalar);
    node.value = std::string(text_.substr(start, position_ - start));
    node.range = {static_cast<uint32_t>(start), static_cast<uint32_t>(position_)};
    return &node;
  }

  static int hexValue(char c) {
    return c >= '0' && c <= '9' ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /// Four hex digits after "\u" at `at`, or -1.
  long unicodeEscape(size_t at) const {
    if (at + 6 > text_.size() || text_[at] != '\\' || text_[at + 1] != 'u')
      return -1;
    long value = 0;
    for (size_t i = at + 2; i < at + 6; ++i) {
      int digit = hexValue(text_[i]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
    return value;
  }



  /// One escape at position_ (the backslash) appended to `out`; false when
  /// JSON does not allow it.
  bool escape(std::string &out) {
    if (position_ + 1 >= text_.size())
      return false;
    char c = text_[position_ + 1];
    static const std::string_view simple = "\"\\/bfnrt";
    static const std::string_view meaning = "\"\\/\b\f\n\r\t";
    if (size_t k = simple.find(c); k != std::string_view::npos) {
      out += meaning[k];
      position_ += 2;
      return true;
    }
    long unit = unicodeEscape(position_);
    if (unit < 0)
      return false;
    position_ += 6;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
      return false; // a lone low surrogate
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      long low = unicodeEscape(position_);
      if (low < 0xDC00 || low > 0xDFFF)
        return false;
      position_ += 6;
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    runtime::appendUtf8(out, static_cast<char32_t>(unit));
    return true;
  }

  ir::Node *string() {
    size_t start = position_++;
    std::string value;
    std::vector<uint32_t> offsets;
    bool escaped = false;
    while (position_ < text_.size() && text_[position_] != '"') {
      unsigned char c = static_cast<unsigned char>(text_[position_]);
      if (c < 0x20)
        return nullptr; // raw control characters are not JSON
      if (c == '\\') {
        if (!escaped) {
          // Offsets are needed once the value stops matching the source.
          escaped = true;
          for (size_t i = 0; i < value.size(); ++i)
            offsets.push_back(static_cast<uint32_t>(start + 1 + i));
        }
        size_t backslash = position_;
        size_t before = value.size();
        if (!escape(value))
          return nullptr;
        offsets.insert(offsets.end(), value.size() - before, static_cast<uint32_t>(backslash));
        continue;
      }
      value += static_cast<char>(c);
      if (escaped)
        offsets.push_back(static_cast<uint32_t>(position_));
      ++position_;
    }
    if (position_ >= text_.size())
      return nullptr;
    ++position_; // the closing quote
    ir::Node &node = document_.create(ir::NodeKind::Scalar);
    node.style = ir::ScalarStyle::DoubleQuoted;
    node.value = std::move(value);
    node.valueOffsets = std::move(offsets);
    node.range = {static_cast<uint32_t>(start), static_cast<uint32_t>(position_)};
    if (node.value.find("{{") != std::string::npos)
      interpolated_.push_back(&node);
    return &node;
  }

  ir::Node *array(unsigned depth) {
    ir::Node &node = document_.create(ir::NodeKind::Sequence);
    size_t start = position_++;
    if (!take(']')) {
      do {
        ir::Node *item = value(depth + 1);
        if (!item)
          return nullptr;
        node.items.push_back(item);
      } while (take(','));
      if (!take(']'))
        return nullptr;
    }
    node.range = {static_cast<uint32_t>(start), static_cast<uint32_t>(position_)};
    return &node;
  }

  ir::Node *object(unsigned depth) {
    ir::Node &node = document_.create(ir::NodeKind::Mapping);
    size_t start = position_++;
    std::unordered_set<std::string_view> keys;
    if (!take('}')) {
      do {
        skipBlanks();
        if (position_ >= text_.size() || text_[position_] != '"')
          return nullptr;
        ir::Node *key = string();
        if (!key || lineBreakBeforeColon() || !take(':'))
          return nullptr;
        ir::Node *item = value(depth + 1);
        if (!item)
          return nullptr;
        addEntry(node, keys, key, item);
      } while (take(','));
      if (!take('}'))
        return nullptr;
    }
    node.range = {static_cast<uint32_t>(start), static_cast<uint32_t>(position_)};
    return &node;
  }

  /// As in YAML, the first of two equal keys is kept and the second reported.
  void addEntry(ir::Node &map, std::unordered_set<std::string_view> &keys, ir::Node *key,
                ir::Node *item) {
    if (!keys.insert(key->value).second) {
      for (const ir::MapEntry &entry : map.entries)
        if (entry.key->value == key->value)
          duplicates_.push_back({entry.key, key});
      return;
    }
    map.entries.push_back({key, item});
  }

  std::string_view text_;
  size_t position_ = 0;
  ir::Document &document_;
  const LoadLimits &limits_;
  std::vector<DuplicateKey> duplicates_;
  std::vector<ir::Node *> interpolated_;
};

} // namespace

bool loadStrictJson(std::string_view text, ir::Document &document, DiagnosticEngine &diagnostics,
                    const LoadLimits &limits) {
  StrictJsonReader reader(text, document, limits);
  ir::Node *root = reader.read();
  if (!root) {
    document.clear(); // nodes of the abandoned attempt
    return false;
  }
  document.root = root;
  for (const DuplicateKey &duplicate : reader.duplicates())
    reportDuplicateKey(*duplicate.first, *duplicate.repeat, diagnostics);
  for (ir::Node *scalar : reader.interpolated())
    parseInterpolation(*scalar, diagnostics);
  return true;
}

} // namespace oosc::frontend
