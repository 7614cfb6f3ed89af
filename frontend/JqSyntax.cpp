//===- JqSyntax.cpp - jq scripts parsed with the ANTLR grammar ------------===//
#include "frontend/JqSyntax.h"

#include "frontend/JqScopes.h"
#include "frontend/PredictionCaches.h"

#include "JqLexer.h"
#include "JqParser.h"
// The ANTLR headers used here, not the umbrella (see grammar/include/antlr4-runtime.h).
#include "ANTLRInputStream.h"
#include "BailErrorStrategy.h"
#include "BaseErrorListener.h"
#include "CommonTokenStream.h"
#include "DefaultErrorStrategy.h"
#include "Exceptions.h"
#include "RecognitionException.h"
#include "Recognizer.h"
#include "Token.h"
#include "atn/ParserATNSimulator.h"
#include "atn/PredictionMode.h"

namespace oosc::frontend {
namespace {

using grammar::JqLexer;
using grammar::JqParser;

/// The script's bytes as ANTLR's characters, one each: jq reads its program
/// as bytes and accepts bytes >= 0x80 only inside strings, which the lexer
/// does too, and offsets in tokens are then byte offsets. (ANTLRInputStream
/// would decode UTF-8, count code points, and cost more than the lexer.)
class ByteStream : public antlr4::ANTLRInputStream {
public:
  explicit ByteStream(std::string_view script) {
    _data.reserve(script.size());
    for (char byte : script)
      _data.push_back(static_cast<unsigned char>(byte));
  }
};

/// How a token reads in a message: its text from the script, or what it is.
std::string describeToken(std::string_view script, const antlr4::Token *token) {
  if (!token || token->getType() == antlr4::Token::EOF)
    return "end of the script";
  size_t begin = token->getStartIndex(), end = token->getStopIndex() + 1;
  if (begin >= script.size() || end > script.size() || end <= begin)
    return "end of the script";
  std::string_view text = script.substr(begin, end - begin);
  if (text.size() > 40)
    return "'" + std::string(text.substr(0, 37)) + "...'";
  return "'" + std::string(text) + "'";
}

/// Keeps the first syntax error ANTLR reports; the rest follow from it.
class FirstError : public antlr4::BaseErrorListener {
public:
  explicit FirstError(std::string_view script) : script(script) {}

  void syntaxError(antlr4::Recognizer *, antlr4::Token *offending, size_t, size_t charPosition,
                   const std::string &, std::exception_ptr) override {
    if (error)
      return;
    error.emplace();
    if (offending && offending->getType() != antlr4::Token::EOF) {
      error->offset = static_cast<uint32_t>(offending->getStartIndex());
      error->length = static_cast<uint32_t>(offending->getStopIndex() + 1 - offending->getStartIndex());
    } else {
      error->offset = static_cast<uint32_t>(offending ? script.size() : charPosition);
    }
    error->message = "jq syntax error: unexpected " + describeToken(script, offending);
    if (offending && offending->getType() == JqLexer::INVALID_CHARACTER)
      error->message = "jq syntax error: " + describeToken(script, offending) +
                       " is not valid outside a string";
  }

  std::string_view script;
  std::optional<JqSyntaxError> error;
};

/// Lexer, tokens and parser for one script.
struct JqParse {
  explicit JqParse(std::string_view script)
      : input(script), lexer(&input), tokens(&lexer), parser(&tokens), errors(script) {
    useThreadCaches(lexer, parser);
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
  }
  ByteStream input;
  JqLexer lexer;
  antlr4::CommonTokenStream tokens;
  JqParser parser;
  FirstError errors;
};

/// Parses the fast way first (SLL, stopping at the first error), and only
/// when that fails again with full LL and error reporting, since SLL may
/// reject a few valid inputs that LL accepts.
JqParser::ProgramContext *parseProgram(JqParse &parse) {
  auto *interpreter = parse.parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parse.parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parse.parser.program();
  } catch (const antlr4::ParseCancellationException &) {
  } catch (const antlr4::RecognitionException &) {
  }
  parse.tokens.seek(0);
  parse.parser.reset();
  parse.parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
  parse.parser.addErrorListener(&parse.errors);
  interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
  JqParser::ProgramContext *program = parse.parser.program();
  return parse.errors.error ? nullptr : program;
}

bool isHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// The code unit of a `\uXXXX` escape starting at \p at, if well formed.
std::optional<unsigned> unicodeEscape(std::string_view text, size_t at) {
  if (text.compare(at, 2, "\\u") != 0 || at + 6 > text.size())
    return std::nullopt;
  unsigned unit = 0;
  for (size_t i = at + 2; i < at + 6; ++i) {
    if (!isHex(text[i]))
      return std::nullopt;
    unit = unit * 16 + static_cast<unsigned>(isdigit(static_cast<unsigned char>(text[i]))
                                                 ? text[i] - '0'
                                                 : (text[i] | 0x20) - 'a' + 10);
  }
  return unit;
}

JqSyntaxError escapeError(size_t at, size_t length, std::string message) {
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(length), std::move(message), std::nullopt};
}

/// Checks a run of escapes as jq 1.6 does (it parses them as a JSON string):
/// \" \\ \/ \b \f \n \r \t and \uXXXX, a high surrogate only when a low one
/// follows it.
std::optional<JqSyntaxError> checkEscapes(std::string_view script, size_t begin, size_t end) {
  constexpr std::string_view Simple = "\"\\/bfnrt";
  size_t at = begin;
  while (at + 1 < end) {
    char kind = script[at + 1];
    if (kind != 'u') {
      if (Simple.find(kind) == std::string_view::npos)
        return escapeError(at, 2, "invalid escape '\\" + std::string(1, kind) +
                                      "' in a jq string; jq knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                                      "and \\uXXXX");
      at += 2;
      continue;
    }
    std::optional<unsigned> unit = end - at >= 6 ? unicodeEscape(script, at) : std::nullopt;
    if (!unit)
      return escapeError(at, std::min<size_t>(6, end - at),
                         "invalid escape '" + std::string(script.substr(at, std::min<size_t>(6, end - at))) +
                             "' in a jq string: \\u takes four hexadecimal digits");
    if (*unit >= 0xD800 && *unit <= 0xDBFF) {
      std::optional<unsigned> low = end - at >= 12 ? unicodeEscape(script, at + 6) : std::nullopt;
      if (!low || *low < 0xDC00 || *low > 0xDFFF)
        return escapeError(at, 6, "invalid escape '" + std::string(script.substr(at, 6)) +
                                      "' in a jq string: a high surrogate must be followed by a "
                                      "low one (\\uDC00-\\uDFFF)");
      at += 6;
    }
    at += 6;
  }
  return std::nullopt;
}

/// The first bad escape in any string of the script (jq reports those while
/// lexing, before it parses what follows).
std::optional<JqSyntaxError> checkAllEscapes(std::string_view script, antlr4::CommonTokenStream &tokens) {
  tokens.fill();
  for (antlr4::Token *token : tokens.getTokens()) {
    if (token->getType() == JqLexer::QQSTRING_INVALID)
      return escapeError(token->getStartIndex(), 1, "a jq string ends with a lone '\\'");
    if (token->getType() == JqLexer::QQSTRING_ESCAPES)
      if (auto error = checkEscapes(script, token->getStartIndex(), token->getStopIndex() + 1))
        return error;
  }
  return std::nullopt;
}

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/// Whether \p script is a plain path such as `.Instances.Instance[0].Id`
/// or `.Items[]?`: fields, `[]` and `[N]`, each optionally followed by '?'.
/// Such a script is valid jq, and most selectors look like that; they need
/// no parser.
bool isPlainPath(std::string_view script) {
  size_t at = 0, end = script.size();
  while (at < end && isSpace(script[at]))
    ++at;
  while (end > at && isSpace(script[end - 1]))
    --end;
  if (at == end || script[at] != '.')
    return false;
  bool first = true;
  while (at < end) {
    if (script[at] == '.' && at + 1 < end && isNameStart(script[at + 1])) {
      at += 2;
      while (at < end && isNameChar(script[at]))
        ++at;
    } else if (script[at] == '[' || (first && script[at] == '.' && at + 1 < end && script[at + 1] == '[')) {
      at += script[at] == '.' ? 2 : 1;
      while (at < end && script[at] >= '0' && script[at] <= '9')
        ++at;
      if (at == end || script[at] != ']')
        return false;
      ++at;
    } else {
      return false;
    }
    if (at < end && script[at] == '?')
      ++at;
    first = false;
  }
  return true;
}

/// ANTLR parses by recursive descent, one level of C++ recursion per
/// bracket and per '|'. Real selectors are a few hundred bytes; beyond
/// these bounds a script is not checked at all rather than risk the stack
/// of a lint thread.
constexpr size_t MaxCheckedLength = 8192;
constexpr unsigned MaxCheckedNesting = 256;

bool tooDeepToCheck(std::string_view script) {
  if (script.size() > MaxCheckedLength)
    return true;
  unsigned depth = 0;
  for (char c : script) {
    if (c == '(' || c == '[' || c == '{') {
      if (++depth > MaxCheckedNesting)
        return true;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

} // namespace

std::optional<JqSyntaxError> checkJqSyntax(std::string_view script) {
  if (isPlainPath(script) || tooDeepToCheck(script))
    return std::nullopt;
  // libjq takes the program as a C string: a NUL would end it early.
  if (size_t nul = script.find('\0'); nul != std::string_view::npos)
    return JqSyntaxError{static_cast<uint32_t>(nul), 1, "a jq script cannot contain a NUL character",
                         std::nullopt};
  JqParse parse(script);
  std::optional<JqSyntaxError> badEscape = checkAllEscapes(script, parse.tokens);
  JqParser::ProgramContext *program = parseProgram(parse);
  std::optional<JqSyntaxError> &syntax = parse.errors.error;
  if (badEscape && (!syntax || badEscape->offset <= syntax->offset))
    return badEscape;
  if (syntax)
    return syntax;
  return program ? checkJqScopes(*program, script) : std::nullopt;
}

} // namespace oosc::frontend
