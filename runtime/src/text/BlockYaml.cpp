// text/BlockYaml.cpp - A reader of block YAML by indentation: lines become
// (indent, content) pairs, and a node is read from the line it starts on,
// its children being the lines indented deeper.
#include "text/BlockYaml.h"

#include <cctype>
#include <optional>
#include <vector>

namespace oosc::runtime::text {
namespace {

struct Line {
  std::size_t number = 0;
  /// Spaces before the content (or, for an item rewritten by the sequence
  /// reader, the column its content starts at).
  std::size_t indent = 0;
  std::string_view content;
  std::string_view raw;
  bool blank = false;
};

std::string_view trimRight(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::string_view trimLeft(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  return text;
}

/// A plain scalar ends before ` #` (a comment) and trailing spaces.
std::string_view withoutComment(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t'))
      return trimRight(text.substr(0, i));
  return trimRight(text);
}

bool isSequenceItem(std::string_view content) {
  return content == "-" || (content.size() > 1 && content[0] == '-' && (content[1] == ' ' || content[1] == '\t'));
}

/// YAML 1.2's core schema for a plain scalar.
Value resolvePlain(std::string_view text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
    return Value();
  if (text == "true" || text == "True" || text == "TRUE")
    return Value(true);
  if (text == "false" || text == "False" || text == "FALSE")
    return Value(false);
  if (std::optional<Value> number = parseNumber(text))
    return *number;
  return Value(std::string(text));
}

class Reader {
public:
  explicit Reader(std::string_view text) {
    std::size_t number = 0;
    while (!text.empty() || number == 0) {
      std::size_t end = text.find('\n');
      std::string_view raw = trimRight(text.substr(0, end));
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      Line line;
      line.number = ++number;
      line.raw = raw;
      while (line.indent < raw.size() && raw[line.indent] == ' ')
        ++line.indent;
      line.content = raw.substr(line.indent);
      line.blank = line.content.empty() || line.content.front() == '#';
      if (!line.blank && line.content.front() == '\t')
        tabAt = tabAt ? tabAt : line.number;
      lines.push_back(line);
      if (end == std::string_view::npos)
        break;
    }
  }

  Outcome<Value, BlockYamlError> document() {
    if (tabAt)
      return BlockYamlError{"a tab in the indentation (YAML indents with spaces)", tabAt};
    skipBlank();
    if (at < lines.size() && lines[at].content == "---")
      ++at;
    Value value = node(-1, false);
    skipBlank();
    if (!failure && at < lines.size() && lines[at].content != "...")
      fail(lines[at].content == "---" ? "a second document (one is read)" : "a line outside the document's structure",
           lines[at].number);
    if (failure)
      return *failure;
    return value;
  }

private:
  void fail(std::string message, std::size_t line) {
    if (!failure)
      failure = BlockYamlError{std::move(message), line};
  }

  void skipBlank() {
    while (at < lines.size() && lines[at].blank)
      ++at;
  }

  /// The block node on the next line indented deeper than \p parent, or a
  /// sequence at \p parent's own indentation under a mapping key; null
  /// when there is none.
  Value node(long parent, bool sequenceMayAlign) {
    skipBlank();
    if (at >= lines.size() || failure)
      return Value();
    Line &line = lines[at];
    bool item = isSequenceItem(line.content);
    long indent = static_cast<long>(line.indent);
    if (!(indent > parent || (sequenceMayAlign && item && indent == parent)))
      return Value();
    if (item)
      return sequence(line.indent);
    if (splitKey(line.content))
      return mapping(line.indent);
    ++at;
    return inlineValue(line.content, line.number, line.indent);
  }

  struct Key {
    std::string name;
    std::string_view rest;
  };

  /// `key: rest` or `key:`, the key plain or quoted; nothing for a line
  /// that is not a mapping entry.
  std::optional<Key> splitKey(std::string_view content) {
    if (content.empty() || content.front() == '[' || content.front() == '{' || isSequenceItem(content))
      return std::nullopt;
    if (content.front() == '"' || content.front() == '\'') {
      std::size_t end = 0;
      std::optional<std::string> name = quoted(content, end);
      if (!name)
        return std::nullopt;
      std::string_view after = trimLeft(content.substr(end));
      if (after.empty() || after.front() != ':' || (after.size() > 1 && after[1] != ' ' && after[1] != '\t'))
        return std::nullopt;
      return Key{*name, after.substr(1)};
    }
    for (std::size_t i = 0; i < content.size(); ++i) {
      if (content[i] == '#' && i > 0 && (content[i - 1] == ' ' || content[i - 1] == '\t'))
        return std::nullopt;
      if (content[i] == ':' && (i + 1 == content.size() || content[i + 1] == ' ' || content[i + 1] == '\t'))
        return Key{std::string(trimRight(content.substr(0, i))), content.substr(i + 1)};
    }
    return std::nullopt;
  }

  Value mapping(std::size_t indent) {
    Value::Map members;
    while (!failure) {
      skipBlank();
      if (at >= lines.size() || lines[at].indent < indent || lines[at].content == "..." ||
          lines[at].content == "---")
        break;
      Line &line = lines[at];
      std::optional<Key> key = line.indent == indent ? splitKey(line.content) : std::nullopt;
      if (!key) {
        fail(line.indent > indent ? "a line indented deeper than its mapping's keys" : "a line that is not 'key: value'",
             line.number);
        break;
      }
      for (const auto &[name, value] : members)
        if (name == key->name)
          fail("the key '" + key->name + "' a second time in one mapping", line.number);
      ++at;
      members.emplace_back(key->name, valueAfter(key->rest, indent, line.number));
    }
    return Value(std::move(members));
  }

  Value sequence(std::size_t indent) {
    Value::List items;
    while (!failure) {
      skipBlank();
      if (at >= lines.size() || lines[at].indent < indent)
        break;
      Line &line = lines[at];
      if (line.indent > indent || !isSequenceItem(line.content)) {
        if (line.indent == indent && splitKey(line.content))
          break; // the next key of the mapping this sequence sits under
        fail("a line that is not an item of the sequence above it", line.number);
        break;
      }
      std::string_view rest = trimLeft(line.content.substr(1));
      if (rest.empty()) {
        ++at;
        items.push_back(node(static_cast<long>(indent), false));
      } else if (isSequenceItem(rest) || splitKey(rest)) {
        // `- key: v` starts a mapping whose keys sit where `key` does.
        line.indent += static_cast<std::size_t>(rest.data() - line.content.data());
        line.content = rest;
        items.push_back(isSequenceItem(rest) ? sequence(line.indent) : mapping(line.indent));
      } else {
        ++at;
        items.push_back(valueAfter(rest, indent, line.number));
      }
    }
    return Value(std::move(items));
  }

  /// What follows `key:` or `- `: nothing (the node below), a block
  /// scalar, or a value on the same line.
  Value valueAfter(std::string_view rest, std::size_t indent, std::size_t number) {
    rest = trimLeft(rest);
    if (rest.empty() || rest.front() == '#')
      return node(static_cast<long>(indent), true);
    if (rest.front() == '|' || rest.front() == '>')
      return blockScalar(withoutComment(rest), indent, number);
    return inlineValue(rest, number, indent);
  }

  Value inlineValue(std::string_view text, std::size_t number, std::size_t indent) {
    Value value;
    char first = text.front();
    if (first == '&' || first == '*' || first == '!' || first == '%' || first == '@' || first == '`' || first == '?') {
      fail(std::string("'") + first + "' (anchors, aliases, tags and complex keys are not read here)", number);
      return value;
    }
    if (first == '"' || first == '\'') {
      std::size_t end = 0;
      std::optional<std::string> text1 = quoted(text, end);
      if (!text1)
        fail("a quoted string that does not end on its line", number);
      else if (!withoutComment(text.substr(end)).empty())
        fail("text after a quoted string", number);
      else
        value = Value(std::move(*text1));
    } else if (first == '[' || first == '{') {
      std::string_view flowText = withoutComment(text);
      std::size_t pos = 0;
      value = flow(flowText, pos, number);
      skipSpaces(flowText, pos);
      if (!failure && pos != flowText.size())
        fail("text after a flow collection, or one that does not end on its line", number);
    } else {
      value = resolvePlain(withoutComment(text));
    }
    // A scalar continued on the lines below is folded YAML this reader
    // does not take: say so rather than drop the rest.
    std::size_t next = at;
    while (next < lines.size() && lines[next].blank)
      ++next;
    if (next < lines.size() && lines[next].indent > indent && !isSequenceItem(lines[next].content) &&
        !splitKey(lines[next].content) && lines[next].content != "...")
      fail("a value continued on the next line (write it as a block scalar with |)", lines[next].number);
    return value;
  }

  /// `|`, `|-`, `|+`, `>`... : the lines indented deeper than \p indent.
  Value blockScalar(std::string_view header, std::size_t indent, std::size_t number) {
    bool folded = header.front() == '>';
    char chomp = 'c';
    std::size_t explicitIndent = 0;
    for (char c : header.substr(1)) {
      if (c == '-' || c == '+')
        chomp = c;
      else if (c >= '1' && c <= '9')
        explicitIndent = static_cast<std::size_t>(c - '0');
      else {
        fail("a block scalar header other than |, >, with - or + and an indentation digit", number);
        return Value();
      }
    }
    std::size_t blockIndent = explicitIndent ? indent + explicitIndent : 0;
    std::vector<std::string_view> body;
    while (at < lines.size()) {
      const Line &line = lines[at];
      bool empty = line.content.empty();
      if (!empty && line.indent <= indent)
        break;
      if (!empty && blockIndent == 0)
        blockIndent = line.indent;
      if (!empty && line.indent < blockIndent) {
        fail("a line of a block scalar indented less than its first line", line.number);
        return Value();
      }
      body.push_back(empty ? std::string_view() : line.raw.substr(blockIndent));
      ++at;
    }
    std::size_t trailing = 0;
    while (!body.empty() && body.back().empty()) {
      body.pop_back();
      ++trailing;
    }
    std::string text;
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (i > 0 && !folded)
        text += '\n';
      // Folding joins lines with a space; a blank line stands for one
      // line break, and more-indented lines keep theirs.
      else if (i > 0 && body[i].empty())
        text += '\n';
      else if (i > 0 && !body[i - 1].empty())
        text += body[i].front() == ' ' || body[i - 1].front() == ' ' ? '\n' : ' ';
      text += body[i];
    }
    if (chomp != '-' && !body.empty())
      text += '\n';
    if (chomp == '+')
      text.append(trailing, '\n');
    return Value(std::move(text));
  }

  static void skipSpaces(std::string_view text, std::size_t &pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t'))
      ++pos;
  }

  /// A flow collection or scalar from \p pos, on one line.
  Value flow(std::string_view text, std::size_t &pos, std::size_t number) {
    skipSpaces(text, pos);
    if (pos >= text.size() || failure) {
      fail("a flow collection that does not end on its line", number);
      return Value();
    }
    char open = text[pos];
    if (open == '"' || open == '\'') {
      std::size_t end = 0;
      std::optional<std::string> text1 = quoted(text.substr(pos), end);
      if (!text1) {
        fail("a quoted string that does not end on its line", number);
        return Value();
      }
      pos += end;
      return Value(std::move(*text1));
    }
    if (open != '[' && open != '{') {
      std::size_t start = pos;
      while (pos < text.size() && text[pos] != ',' && text[pos] != ']' && text[pos] != '}' &&
             !(text[pos] == ':' && (pos + 1 == text.size() || text[pos + 1] == ' ')))
        ++pos;
      return resolvePlain(trimRight(text.substr(start, pos - start)));
    }
    char close = open == '[' ? ']' : '}';
    ++pos;
    Value::List items;
    Value::Map members;
    skipSpaces(text, pos);
    if (pos < text.size() && text[pos] == close) {
      ++pos;
      return open == '[' ? Value(std::move(items)) : Value(std::move(members));
    }
    while (!failure) {
      Value item = flow(text, pos, number);
      skipSpaces(text, pos);
      if (open == '{') {
        if (pos >= text.size() || text[pos] != ':') {
          fail("a flow mapping entry without ':'", number);
          break;
        }
        ++pos;
        Value value = flow(text, pos, number);
        members.emplace_back(item.isString() ? item.getString() : item.toJson(), std::move(value));
        skipSpaces(text, pos);
      } else {
        items.push_back(std::move(item));
      }
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] == close) {
        ++pos;
        break;
      }
      fail(std::string("a flow collection that does not end with '") + close + "' on its line", number);
    }
    return open == '[' ? Value(std::move(items)) : Value(std::move(members));
  }

  /// The quoted string at the start of \p text; \p end is set past its
  /// closing quote. Nothing when it does not close.
  static std::optional<std::string> quoted(std::string_view text, std::size_t &end) {
    char quote = text.front();
    std::string out;
    for (std::size_t i = 1; i < text.size(); ++i) {
      char c = text[i];
      if (quote == '\'' && c == '\'') {
        if (i + 1 < text.size() && text[i + 1] == '\'') {
          out += '\'';
          ++i;
          continue;
        }
        end = i + 1;
        return out;
      }
      if (quote == '"' && c == '"') {
        end = i + 1;
        return out;
      }
      if (quote == '"' && c == '\\' && i + 1 < text.size()) {
        char e = text[++i];
        switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '0': out += '\0'; break;
        case '/': out += '/'; break;
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case 'u':
          if (i + 4 < text.size()) {
            unsigned code = 0;
            bool hex = true;
            for (std::size_t k = 1; k <= 4; ++k) {
              char h = text[i + k];
              code = code * 16 + static_cast<unsigned>(h >= 'a' ? h - 'a' + 10 : h >= 'A' ? h - 'A' + 10 : h - '0');
              hex = hex && std::isxdigit(static_cast<unsigned char>(h));
            }
            if (hex) {
              appendUtf8(out, code);
              i += 4;
              break;
            }
          }
          [[fallthrough]];
        default:
          out += '\\';
          out += e;
        }
        continue;
      }
      out += c;
    }
    return std::nullopt;
  }

  std::vector<Line> lines;
  std::size_t at = 0;
  std::size_t tabAt = 0;
  std::optional<BlockYamlError> failure;
};

} // namespace

Outcome<Value, BlockYamlError> parseBlockYaml(std::string_view text) {
  return Reader(text).document();
}

} // namespace oosc::runtime::text
