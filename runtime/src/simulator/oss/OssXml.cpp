//===- oss/OssXml.cpp -------------------------------------------------------===//
#include "simulator/oss/OssXml.h"

#include <cctype>

namespace oosc::runtime::sim::oss {
namespace {

/// Bodies are a few hundred bytes; a bound keeps a hostile one cheap.
constexpr size_t kMaxDepth = 32;

class XmlReader {
public:
  explicit XmlReader(std::string_view text) : text_(text) {}

  std::variant<Value, XmlError> document() {
    skipMisc();
    if (at_ >= text_.size() || text_[at_] != '<')
      return error("the body has no root element");
    std::string name;
    std::optional<Value> root = element(name, 0);
    if (!root)
      return *error_;
    skipMisc();
    if (at_ != text_.size())
      return error("text after the root element '" + name + "'");
    return Value(Value::Map{{name, std::move(*root)}});
  }

private:
  XmlError error(std::string message) const { return XmlError{std::move(message), at_}; }

  std::nullopt_t fail(std::string message) {
    error_ = error(std::move(message));
    return std::nullopt;
  }

  void skipSpace() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_])))
      ++at_;
  }

  bool startsWith(std::string_view prefix) const { return text_.substr(at_, prefix.size()) == prefix; }

  /// Declarations (<?xml ...?>), comments and whitespace between elements.
  void skipMisc() {
    for (;;) {
      skipSpace();
      std::string_view end = startsWith("<?") ? "?>" : startsWith("<!--") ? "-->" : startsWith("<!") ? ">" : "";
      if (end.empty())
        return;
      size_t close = text_.find(end, at_);
      at_ = close == std::string_view::npos ? text_.size() : close + end.size();
    }
  }

  std::string name() {
    size_t start = at_;
    while (at_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[at_])) || text_[at_] == '_' ||
                                  text_[at_] == '-' || text_[at_] == '.' || text_[at_] == ':'))
      ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  std::optional<std::string> textUntilTag() {
    std::string text;
    while (at_ < text_.size() && text_[at_] != '<') {
      if (text_[at_] != '&') {
        text += text_[at_++];
        continue;
      }
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool known = false;
      for (const auto &[entity, character] : kEntities)
        if (startsWith(entity)) {
          text += character;
          at_ += entity.size();
          known = true;
          break;
        }
      if (!known)
        return fail("an '&' that starts no entity");
    }
    return text;
  }

  /// One element from its '<'; \p elementName receives its name.
  std::optional<Value> element(std::string &elementName, size_t depth) {
    if (depth > kMaxDepth)
      return fail("elements nest deeper than " + std::to_string(kMaxDepth));
    ++at_; // '<'
    elementName = name();
    if (elementName.empty())
      return fail("an element without a name");
    size_t close = text_.find('>', at_); // attributes are skipped
    if (close == std::string_view::npos)
      return fail("element '" + elementName + "' is not closed");
    bool empty = close > at_ && text_[close - 1] == '/';
    at_ = close + 1;
    if (empty)
      return Value("");
    Value::Map children;
    std::string text;
    for (;;) {
      std::optional<std::string> piece = textUntilTag();
      if (!piece)
        return std::nullopt;
      text += *piece;
      if (at_ >= text_.size())
        return fail("element '" + elementName + "' has no end tag");
      if (startsWith("<!--") || startsWith("<?")) {
        skipMisc();
        continue;
      }
      if (startsWith("</"))
        break;
      std::string childName;
      std::optional<Value> child = element(childName, depth + 1);
      if (!child)
        return std::nullopt;
      addChild(children, childName, std::move(*child));
    }
    at_ += 2;
    if (name() != elementName)
      return fail("the end tag does not close '" + elementName + "'");
    skipSpace();
    if (at_ >= text_.size() || text_[at_] != '>')
      return fail("the end tag of '" + elementName + "' is not closed");
    ++at_;
    if (!children.empty())
      return Value(std::move(children));
    return Value(trimmed(text));
  }

  static void addChild(Value::Map &children, const std::string &name, Value child) {
    for (auto &[existing, value] : children)
      if (existing == name) {
        if (!value.isList())
          value = Value(Value::List{std::move(value)});
        value.getList().push_back(std::move(child));
        return;
      }
    children.emplace_back(name, std::move(child));
  }

  static std::string trimmed(const std::string &text) {
    size_t first = text.find_first_not_of(" \t\r\n");
    size_t last = text.find_last_not_of(" \t\r\n");
    return first == std::string::npos ? "" : text.substr(first, last - first + 1);
  }

  std::string_view text_;
  size_t at_ = 0;
  std::optional<XmlError> error_;
};

} // namespace

std::variant<Value, XmlError> readXml(std::string_view text) { return XmlReader(text).document(); }

} // namespace oosc::runtime::sim::oss
