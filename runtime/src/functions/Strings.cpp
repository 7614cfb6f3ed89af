//===- functions/Strings.cpp - Text built-ins
//------------------------------===//
//
// Fn::Join, Fn::Split, Fn::Replace, Fn::Sub, Fn::ContainsSubString and
// Fn::Escape.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

namespace oosc::runtime::functions {

namespace {

/// Replaces every occurrence of \p from (non-empty) in \p text, left to
/// right, never rescanning inserted text (Python's str.replace).
std::string replaceAll(std::string_view text, std::string_view from,
                       std::string_view to) {
  std::string result;
  std::size_t start = 0;
  for (std::size_t found = text.find(from); found != std::string_view::npos;
       found = text.find(from, start)) {
    result.append(text.substr(start, found - start));
    result.append(to);
    start = found + from.size();
  }
  result.append(text.substr(start));
  return result;
}

/// The text a value contributes inside a larger string; null has none worth
/// showing, so it is reported instead of printed as "null".
Outcome<std::string> pieceOfText(std::string_view function,
                                 std::string_view what, const Value &value) {
  if (value.isNull())
    return failure(function, std::string(what) + " is null");
  return value.toDisplayString();
}

/// One `${...}` occurrence at \p open in \p text: its name and the position
/// after the closing brace, or std::nullopt if the brace is never closed.
struct Placeholder {
  std::string_view name;
  std::size_t end;
};

std::optional<Placeholder> placeholderAt(std::string_view text,
                                         std::size_t open) {
  std::size_t close = text.find('}', open + 2);
  if (close == std::string_view::npos)
    return std::nullopt;
  return Placeholder{text.substr(open + 2, close - open - 2), close + 1};
}

/// Kinds of Fn::Escape, by lower-case name.
enum class EscapeKind { PowerShell, Shell };

std::optional<EscapeKind> escapeKindNamed(std::string_view name) {
  std::string lower = lowerAscii(name);
  if (lower == "powershell")
    return EscapeKind::PowerShell;
  if (lower == "shell" || lower == "bash" || lower == "sh")
    return EscapeKind::Shell;
  return std::nullopt;
}

} // namespace

Outcome<Value> join(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Join";
  auto arguments = argumentList(Name, argument, "[delimiter, list]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto delimiter = textArgument(Name, "the delimiter", args[0]);
  if (!delimiter)
    return delimiter.error();
  auto items = listArgument(Name, "argument 2", args[1]);
  if (!items)
    return items.error();
  std::string joined;
  for (std::size_t i = 0; i < items.value()->size(); ++i) {
    auto piece =
        pieceOfText(Name, "item " + std::to_string(i + 1) + " of the list",
                    (*items.value())[i]);
    if (!piece)
      return piece.error();
    if (i != 0)
      joined += delimiter.value();
    joined += piece.value();
  }
  return Value(std::move(joined));
}

Outcome<Value> split(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Split";
  auto arguments = argumentList(Name, argument, "[delimiter, string]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto delimiter = textArgument(Name, "the delimiter", args[0]);
  if (!delimiter)
    return delimiter.error();
  // Python's str.split rejects an empty separator too: there is no sensible
  // place to cut.
  if (delimiter.value().empty())
    return failure(Name, "the delimiter is empty");
  auto text = textArgument(Name, "argument 2", args[1]);
  if (!text)
    return text.error();
  std::string_view rest = text.value();
  const std::string &separator = delimiter.value();
  Value::List pieces;
  for (std::size_t found = rest.find(separator);
       found != std::string_view::npos; found = rest.find(separator)) {
    pieces.emplace_back(rest.substr(0, found));
    rest.remove_prefix(found + separator.size());
  }
  pieces.emplace_back(rest);
  return Value(std::move(pieces));
}

Outcome<Value> replace(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Replace";
  auto arguments =
      argumentList(Name, argument, "[{old: new, ...}, string]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto replacements = mapArgument(Name, "argument 1", args[0]);
  if (!replacements)
    return replacements.error();
  auto text = textArgument(Name, "argument 2", args[1]);
  if (!text)
    return text.error();
  // Replacements apply one after another in the order written, so a later
  // pair sees the result of the earlier ones (sequential str.replace).
  std::string result = std::move(text.value());
  for (const Value::Member &member : *replacements.value()) {
    if (member.first.empty())
      return failure(Name, "argument 1 has an empty key: there is nothing to "
                           "replace");
    auto with = textArgument(Name, "the replacement for '" + member.first + "'",
                             member.second);
    if (!with)
      return with.error();
    result = replaceAll(result, member.first, with.value());
  }
  return Value(std::move(result));
}

// Fn::Sub (oos-spec.md section 8): `${name}` is replaced by the value of
// `name` in the map, strings as they are and other values as JSON (so a list
// can be spliced into a jq program). A `${name}` the map does not define is
// left as written, because OOS templates also carry `${...}` placeholders
// meant for other systems (section 9). `${!text}` is written out as
// `${text}`, the ROS convention for a literal placeholder.
Outcome<Value> substitute(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Sub";
  auto arguments =
      argumentList(Name, argument, "[string, {name: value, ...}]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto text = textArgument(Name, "argument 1", args[0]);
  if (!text)
    return text.error();
  if (!args[1].isMap())
    return failure(Name, "argument 2 must be a map, got " + describe(args[1]));
  std::string_view source = text.value();
  std::string result;
  std::size_t start = 0;
  for (std::size_t open = source.find("${"); open != std::string_view::npos;
       open = source.find("${", start)) {
    std::optional<Placeholder> placeholder = placeholderAt(source, open);
    if (!placeholder)
      break;
    result.append(source.substr(start, open - start));
    start = placeholder->end;
    if (!placeholder->name.empty() && placeholder->name.front() == '!') {
      result += "${";
      result.append(placeholder->name.substr(1));
      result += "}";
      continue;
    }
    const Value *value = args[1].find(placeholder->name);
    if (!value) {
      result.append(source.substr(open, placeholder->end - open));
      continue;
    }
    auto piece = pieceOfText(
        Name, "the value of '" + std::string(placeholder->name) + "'", *value);
    if (!piece)
      return piece.error();
    result += piece.value();
  }
  result.append(source.substr(start));
  return Value(std::move(result));
}

Outcome<Value> containsSubString(const Value &argument,
                                 const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::ContainsSubString";
  auto arguments = argumentList(Name, argument, "[string, substring]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto text = textArgument(Name, "argument 1", args[0]);
  if (!text)
    return text.error();
  auto part = textArgument(Name, "argument 2", args[1]);
  if (!part)
    return part.error();
  return Value(text.value().find(part.value()) != std::string::npos);
}

// Fn::Escape (oos-spec.md section 8; the kinds are not documented). The only
// real use, ACS::ECS::PutInventory, splices a parameter between single
// quotes of a PowerShell command and escapes it twice for a command line
// that PowerShell parses twice. That fits PowerShell's rule for single-quoted
// strings, where a quote is written twice, so "powershell" doubles every
// single quote. "shell" (also "bash", "sh") does the same job for POSIX
// single quotes: ' becomes '\''. With no kind, "powershell" is assumed, the
// only kind real templates use.
Outcome<Value> escape(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::Escape";
  auto arguments = argumentList(Name, argument, "[string, kind]", 1, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto text = textArgument(Name, "argument 1", args[0]);
  if (!text)
    return text.error();
  EscapeKind kind = EscapeKind::PowerShell;
  if (args.size() == 2) {
    auto kindName = textArgument(Name, "the kind", args[1]);
    if (!kindName)
      return kindName.error();
    std::optional<EscapeKind> named = escapeKindNamed(kindName.value());
    if (!named)
      return failure(Name, "unknown kind '" + kindName.value() +
                               "' (expected powershell or shell)");
    kind = *named;
  }
  if (kind == EscapeKind::PowerShell)
    return Value(replaceAll(text.value(), "'", "''"));
  return Value(replaceAll(text.value(), "'", "'\\''"));
}

} // namespace oosc::runtime::functions
