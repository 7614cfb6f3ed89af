//===- ExpressionParser.cpp - From ANTLR parse trees to ir::Expr ----------===//
#include "frontend/ExpressionParser.h"
#include "frontend/PredictionCaches.h"

#include "OosExprLexer.h"
#include "OosExprParser.h"
// The ANTLR headers used here, not the umbrella (see grammar/include/antlr4-runtime.h).
#include "ANTLRInputStream.h"
#include "BaseErrorListener.h"
#include "CommonTokenStream.h"
#include "ParserRuleContext.h"
#include "Recognizer.h"
#include "Token.h"
#include "atn/ParserATNSimulator.h"
#include "atn/PredictionMode.h"
#include "tree/TerminalNode.h"
#include "oosc/runtime/MessageText.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

namespace oosc::frontend {
namespace {

using grammar::OosExprLexer;
using grammar::OosExprParser;

/// ANTLR counts code points; the project counts bytes. Maps one to the other.
class OffsetMap {
public:
  explicit OffsetMap(std::string_view text) {
    for (uint32_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        starts_.push_back(i);
    starts_.push_back(static_cast<uint32_t>(text.size()));
  }
  uint32_t byteOffset(size_t codePoint) const {
    return starts_[std::min(codePoint, starts_.size() - 1)];
  }

private:
  std::vector<uint32_t> starts_;
};

/// Keeps the first syntax error; later ones are usually consequences.
class FirstErrorListener : public antlr4::BaseErrorListener {
public:
  void syntaxError(antlr4::Recognizer *, antlr4::Token *offending, size_t,
                   size_t charPosition, const std::string &message,
                   std::exception_ptr) override {
    if (seen)
      return;
    seen = true;
    this->message = message;
    if (offending && offending->getType() != antlr4::Token::EOF) {
      start = offending->getStartIndex();
      stop = offending->getStopIndex() + 1;
      atEnd = false;
    } else {
      start = stop = charPosition;
      atEnd = offending != nullptr;
    }
  }
  bool seen = false;
  bool atEnd = false;
  std::string message;
  size_t start = 0, stop = 0;
};

/// Lexer, parser and error listeners for one text.
struct ParserSetup {
  explicit ParserSetup(std::string_view text)
      : input(std::string(text)), lexer(&input), tokens(&lexer), parser(&tokens) {
    useThreadCaches(lexer, parser);
    lexer.removeErrorListeners();
    lexer.addErrorListener(&errors);
    parser.removeErrorListeners();
    parser.addErrorListener(&errors);
    // SLL is exact for this grammar (no ambiguities) and much faster than LL.
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
  }
  antlr4::ANTLRInputStream input;
  OosExprLexer lexer;
  antlr4::CommonTokenStream tokens;
  OosExprParser parser;
  FirstErrorListener errors;
};

ir::Ident identOf(antlr4::tree::TerminalNode *node, const OffsetMap &offsets) {
  antlr4::Token *token = node->getSymbol();
  return {token->getText(),
          {offsets.byteOffset(token->getStartIndex()),
           offsets.byteOffset(token->getStopIndex() + 1)}};
}

ir::Reference buildReference(OosExprParser::RefBodyContext *body,
                             antlr4::ParserRuleContext *whole, const OffsetMap &offsets) {
  ir::Reference reference;
  reference.range = {offsets.byteOffset(whole->getStart()->getStartIndex()),
                     offsets.byteOffset(whole->getStop()->getStopIndex() + 1)};
  if (auto *pseudo = dynamic_cast<OosExprParser::PseudoRefContext *>(body)) {
    reference.kind = ir::RefKind::Pseudo;
    for (auto *name : pseudo->NAME())
      reference.parts.push_back(identOf(name, offsets));
  } else if (auto *store = dynamic_cast<OosExprParser::StoreRefContext *>(body)) {
    reference.parts.push_back(identOf(store->NAME(), offsets));
    auto *path = store->storePath();
    ir::Ident joined{path->getText(),
                     {offsets.byteOffset(path->getStart()->getStartIndex()),
                      offsets.byteOffset(path->getStop()->getStopIndex() + 1)}};
    reference.parts.push_back(std::move(joined));
    reference.kind = reference.parts[0].text == "oos-secret" ? ir::RefKind::Secret
                                                             : ir::RefKind::Store;
  } else if (auto *name = dynamic_cast<OosExprParser::NameRefContext *>(body)) {
    reference.kind = ir::RefKind::Name;
    reference.parts.push_back(identOf(name->NAME(), offsets));
    for (auto *step : name->pathStep()) {
      if (step->DOT())
        reference.parts.push_back(identOf(step->NAME(), offsets));
      else
        reference.hasPathSyntax = true;
    }
  }
  reference.spelling = body->getText();
  return reference;
}

/// Turns ANTLR's wording into ours for the mistakes people actually make.
ExprSyntaxError describeError(std::string_view text, const FirstErrorListener &errors,
                              const OffsetMap &offsets) {
  uint32_t begin = offsets.byteOffset(errors.start);
  uint32_t end = std::max(begin, offsets.byteOffset(errors.stop));
  std::string inner(text);
  if (inner.size() >= 4)
    inner = inner.substr(2, inner.size() - 4);
  bool blank = inner.find_first_not_of(" \t\r\n") == std::string::npos;
  if (blank)
    return {"empty reference '" + std::string(text) + "'", 0, static_cast<uint32_t>(text.size())};
  if (end > begin && end <= text.size()) {
    std::string_view token = text.substr(begin, end - begin);
    if (token == "}}")
      return {"incomplete reference '" + std::string(text) + "'", begin, end};
    return {"unexpected '" + std::string(token) + "' in reference '" + std::string(text) + "'",
            begin, end};
  }
  return {"malformed reference '" + std::string(text) + "': " + errors.message, begin, end};
}

/// Checks what the grammar cannot: which prefixes are allowed before `::` and `:`.
std::optional<ExprSyntaxError> checkPrefix(const ir::Reference &reference) {
  if (reference.kind == ir::RefKind::Pseudo) {
    const ir::Ident &prefix = reference.parts[0];
    std::string lowered = prefix.text;
    for (char &c : lowered)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lowered != "acs")
      return ExprSyntaxError{"unknown prefix '" + prefix.text +
                                 "::'; pseudo parameters are written 'ACS::Name'",
                             prefix.range.begin, prefix.range.end};
  }
  if (reference.kind == ir::RefKind::Store && reference.parts[0].text != "oos") {
    const ir::Ident &prefix = reference.parts[0];
    return ExprSyntaxError{"unknown prefix '" + prefix.text +
                               ":'; parameter store references are written 'oos:name' or "
                               "'oos-secret:name'",
                           prefix.range.begin, prefix.range.end};
  }
  return std::nullopt;
}

ReferenceParse parseReferenceUncached(std::string_view text) {
  ParserSetup setup(text);
  OffsetMap offsets(text);
  OosExprParser::ReferenceContext *tree = setup.parser.reference();
  ReferenceParse result;
  if (setup.errors.seen) {
    result.error = describeError(text, setup.errors, offsets);
    return result;
  }
  ir::Reference reference = buildReference(tree->refBody(), tree, offsets);
  if (auto error = checkPrefix(reference)) {
    result.error = std::move(error);
    return result;
  }
  result.reference = std::move(reference);
  return result;
}

class EvalBuilder {
public:
  explicit EvalBuilder(const OffsetMap &offsets) : offsets_(offsets) {}

  std::unique_ptr<ir::EvalExpr> build(OosExprParser::EvalExprContext *context) {
    auto node = std::make_unique<ir::EvalExpr>();
    node->range = {offsets_.byteOffset(context->getStart()->getStartIndex()),
                   offsets_.byteOffset(context->getStop()->getStopIndex() + 1)};
    if (auto *number = dynamic_cast<OosExprParser::NumberExprContext *>(context)) {
      node->kind = ir::EvalExpr::Kind::Number;
      node->number = numberValue(number->NUMBER()->getText(), node->range);
    } else if (auto *ref = dynamic_cast<OosExprParser::RefExprContext *>(context)) {
      node->kind = ir::EvalExpr::Kind::Reference;
      node->reference = buildReference(ref->refBody(), ref, offsets_);
      if (!firstError)
        firstError = checkPrefix(node->reference);
    } else if (auto *paren = dynamic_cast<OosExprParser::ParenExprContext *>(context)) {
      return build(paren->evalExpr());
    } else if (auto *unary = dynamic_cast<OosExprParser::UnaryExprContext *>(context)) {
      node->kind = ir::EvalExpr::Kind::Unary;
      node->op = unary->op->getText();
      node->operands.push_back(build(unary->evalExpr()));
    } else {
      node->kind = ir::EvalExpr::Kind::Binary;
      auto operands = context->children;
      for (auto *child : operands) {
        if (auto *operand = dynamic_cast<OosExprParser::EvalExprContext *>(child))
          node->operands.push_back(build(operand));
        else
          node->op = child->getText();
      }
    }
    return node;
  }

  std::optional<ExprSyntaxError> firstError;

private:
  /// A literal's value. One past the range of a double (`1e999`, 400
  /// digits) is an error: std::stod threw, and took the linter with it.
  /// One too small to represent reads as 0, as Python reads it.
  double numberValue(const std::string &text, SourceRange range) {
    errno = 0;
    double value = std::strtod(text.c_str(), nullptr);
    if (errno == ERANGE && std::isinf(value) && !firstError)
      firstError = ExprSyntaxError{"the number " + runtime::quoteCut(text) +
                                       " is too large for Fn::Eval (at most about 1.8e308)",
                                   range.begin, range.end};
    return std::isinf(value) ? 0 : value;
  }

  const OffsetMap &offsets_;
};

} // namespace

const ReferenceParse &parseReference(std::string_view segment) {
  // Bounded so a pathological file cannot grow the cache without limit.
  constexpr size_t kMaxCachedReferences = 4096;
  thread_local std::unordered_map<std::string, ReferenceParse> cache;
  auto it = cache.find(std::string(segment));
  if (it != cache.end())
    return it->second;
  if (cache.size() >= kMaxCachedReferences)
    cache.clear();
  return cache.emplace(std::string(segment), parseReferenceUncached(segment)).first->second;
}

EvalParse parseEvalProgram(std::string_view text) {
  ParserSetup setup(text);
  OffsetMap offsets(text);
  OosExprParser::EvalProgramContext *tree = setup.parser.evalProgram();
  EvalParse result;
  if (setup.errors.seen) {
    uint32_t begin = offsets.byteOffset(setup.errors.start);
    uint32_t end = std::max(begin, offsets.byteOffset(setup.errors.stop));
    std::string what = end > begin ? "unexpected '" + std::string(text.substr(begin, end - begin)) + "'"
                                   : std::string("unexpected end of expression");
    result.error = ExprSyntaxError{what + " in Fn::Eval expression", begin, end};
    return result;
  }
  EvalBuilder builder(offsets);
  result.program = builder.build(tree->evalExpr());
  if (builder.firstError) {
    result.error = std::move(builder.firstError);
    result.program.reset();
  }
  return result;
}

} // namespace oosc::frontend
