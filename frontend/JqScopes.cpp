//===- JqScopes.cpp - Names a jq script uses, against what it binds --------===//
//
// jq's scoping, as jq 1.6 compiles it:
// - `def f(g; $x): body;` makes f/2 visible in its own body and after it;
//   inside the body g/0 is a function, and $x is both a variable and x/0.
// - `Term as $x | body` binds in body only; `reduce Term as $x (init;
//   update)` in update only; foreach in its update and extract.
// - With `?//` alternatives every variable of every pattern is bound.
// - `label $name | body` lets body `break $name`, also from a def inside it.
// - `$ENV` is always bound; `$__loc__` is syntax.
// - Names are resolved only in live code: jq drops a definition nothing
//   calls before it resolves the names in its body (`def f: nosuch; 1`
//   compiles), so a body is checked when a call first reaches it, in the
//   scope of its definition. What the grammar already decides (constant
//   object keys, chained comparisons) is checked everywhere.
//
//===----------------------------------------------------------------------===//
#include "frontend/JqScopes.h"

#include "frontend/JqBuiltins.h"
#include "support/Spelling.h"

#include <deque>

namespace oosc::frontend {
namespace {

using grammar::JqParser;
using antlr4::ParserRuleContext;
using antlr4::tree::TerminalNode;

struct DefinedFunction {
  std::string name;
  unsigned arity = 0;
  /// Index into ScopeChecker::bodies; npos for a parameter.
  size_t body = std::string::npos;
};

/// What a `def` body sees, kept until a call makes jq check the body.
struct PendingBody {
  JqParser::FuncDefContext *definition = nullptr;
  std::vector<DefinedFunction> functions;
  std::vector<std::string> variables;
  std::vector<std::string> labels;
  bool checked = false;
};

/// The kinds of constants jq folds at compile time and refuses as object keys.
enum class ConstantKind { None, Number, Boolean, Null, String };

class ScopeChecker {
public:
  explicit ScopeChecker(std::string_view script) : script(script) {}

  std::optional<JqSyntaxError> run(JqParser::ProgramContext &program) {
    if (!program.importDirective().empty())
      return fail(program.importDirective(0), "jq modules cannot be loaded in OOS: 'import' and "
                                              "'include' find no module");
    checkStructure(&program);
    if (error)
      return error;
    if (program.moduleDecl())
      visit(program.moduleDecl());
    for (JqParser::FuncDefContext *definition : program.funcDef())
      define(definition);
    if (program.pipe())
      visit(program.pipe());
    return error;
  }

private:
  std::string_view script;
  std::vector<DefinedFunction> functions;
  std::vector<std::string> variables;
  std::vector<std::string> labels;
  /// Definitions seen so far (a deque: entries are referred to by index
  /// while new ones are added).
  std::deque<PendingBody> bodies;
  std::optional<JqSyntaxError> error;

  /// A token's text straight from the script: Token::getText() would
  /// re-encode it from ANTLR's UTF-32 copy.
  std::string textOf(TerminalNode *node) const {
    antlr4::Token *token = node->getSymbol();
    size_t begin = token->getStartIndex(), end = token->getStopIndex() + 1;
    return begin < end && end <= script.size() ? std::string(script.substr(begin, end - begin)) : std::string();
  }

  //===--------------------------------------------------------------------===//
  // Reporting
  //===--------------------------------------------------------------------===//

  std::optional<JqSyntaxError> fail(ParserRuleContext *where, std::string message) {
    size_t begin = where->getStart()->getStartIndex();
    size_t end = where->getStop() ? where->getStop()->getStopIndex() + 1 : begin;
    return fail(begin, end, std::move(message));
  }

  std::optional<JqSyntaxError> fail(size_t begin, size_t end, std::string message,
                                    std::optional<std::string> suggestion = std::nullopt) {
    if (!error)
      error = JqSyntaxError{static_cast<uint32_t>(begin), static_cast<uint32_t>(std::max(begin, end) - begin),
                            std::move(message), std::move(suggestion)};
    return error;
  }

  //===--------------------------------------------------------------------===//
  // Traversal
  //===--------------------------------------------------------------------===//

  void visit(antlr4::tree::ParseTree *tree) {
    if (error || !tree)
      return;
    auto *rule = dynamic_cast<ParserRuleContext *>(tree);
    if (!rule || visitSpecial(rule))
      return;
    for (antlr4::tree::ParseTree *child : rule->children)
      visit(child);
  }

  /// Handles the rules that bind or use names; false for the others.
  /// Dispatches on the rule and its first tokens rather than trying a
  /// dynamic_cast per alternative: those dominated the checker's time.
  bool visitSpecial(ParserRuleContext *rule) {
    switch (rule->getRuleIndex()) {
    case JqParser::RuleOperand:
      return visitOperand(rule);
    case JqParser::RulePrimary:
      return visitPrimary(rule);
    case JqParser::RuleObjectEntry:
      visitObjectEntry(static_cast<JqParser::ObjectEntryContext *>(rule));
      return true;
    default:
      return false;
    }
  }

  static size_t tokenAt(ParserRuleContext *rule, size_t index) {
    if (index >= rule->children.size())
      return antlr4::Token::INVALID_TYPE;
    auto *terminal = dynamic_cast<TerminalNode *>(rule->children[index]);
    return terminal ? terminal->getSymbol()->getType() : antlr4::Token::INVALID_TYPE;
  }

  bool visitOperand(ParserRuleContext *rule) {
    size_t first = tokenAt(rule, 0);
    if (first == JqParser::REDUCE) {
      auto *reduction = static_cast<JqParser::ReductionContext *>(rule);
      visit(reduction->term());
      visit(reduction->pipe(0));
      withPatterns(reduction->patterns(), [&] { visit(reduction->pipe(1)); });
    } else if (first == JqParser::FOREACH) {
      auto *iteration = static_cast<JqParser::IterationContext *>(rule);
      visit(iteration->term());
      visit(iteration->pipe(0));
      withPatterns(iteration->patterns(), [&] {
        for (size_t i = 1; i < iteration->pipe().size(); ++i)
          visit(iteration->pipe(i));
      });
    } else if (first == JqParser::LABEL) {
      auto *labelled = static_cast<JqParser::LabelledContext *>(rule);
      labels.push_back(textOf(labelled->IDENT()));
      visit(labelled->pipe());
      labels.pop_back();
    } else if (tokenAt(rule, 1) == JqParser::AS) {
      auto *binding = static_cast<JqParser::PlainContext *>(rule);
      visit(binding->term());
      withPatterns(binding->patterns(), [&] { visit(binding->pipe()); });
    } else if (auto *definition = dynamic_cast<JqParser::DefinitionContext *>(rule)) {
      size_t mark = functions.size();
      define(definition->funcDef());
      visit(definition->pipe());
      functions.resize(mark);
    } else {
      return false;
    }
    return true;
  }

  bool visitPrimary(ParserRuleContext *rule) {
    size_t first = tokenAt(rule, 0);
    if (first == JqParser::BREAK) {
      checkLabel(static_cast<JqParser::BreakOutContext *>(rule));
    } else if (first == JqParser::DOLLAR && tokenAt(rule, 1) == JqParser::IDENT) {
      auto *variable = static_cast<JqParser::VariableContext *>(rule);
      checkVariable(variable->DOLLAR(), variable->IDENT());
    } else if (first == JqParser::IDENT) {
      auto *call = static_cast<JqParser::CallContext *>(rule);
      checkCall(call);
      for (JqParser::PipeContext *argument : call->pipe())
        visit(argument);
    } else {
      return false;
    }
    return true;
  }

  void visitObjectEntry(JqParser::ObjectEntryContext *entry) {
    if (entry->DOLLAR()) {
      checkVariable(entry->DOLLAR(), entry->IDENT());
      return;
    }
    for (antlr4::tree::ParseTree *child : entry->children)
      visit(child);
  }

  //===--------------------------------------------------------------------===//
  // What jq rejects while parsing, live code or not
  //===--------------------------------------------------------------------===//

  void checkStructure(antlr4::tree::ParseTree *tree) {
    auto *rule = dynamic_cast<ParserRuleContext *>(tree);
    if (error || !rule)
      return;
    size_t index = rule->getRuleIndex();
    if (index == JqParser::RulePipe)
      checkAssociativity(rule);
    else if (index == JqParser::RuleObjectEntry || index == JqParser::RuleObjectPattern)
      checkObjectKey(rule);
    for (antlr4::tree::ParseTree *child : rule->children)
      checkStructure(child);
  }

  /// `{(key): value}` and `{(key): $pattern}`.
  void checkObjectKey(ParserRuleContext *entry) {
    if (entry->children.size() < 3 || tokenAt(entry, 0) != JqParser::LPAREN)
      return;
    if (auto *key = dynamic_cast<JqParser::PipeContext *>(entry->children[1]))
      checkObjectKey(key);
  }

  /// The comparison or assignment operator of a binary `pipe`, if it is one:
  /// jq's grammar does not chain these (`a == b == c`, `.a = 1 = 2`).
  static ParserRuleContext *nonAssociativeOperator(ParserRuleContext *pipe) {
    if (pipe->children.size() != 3)
      return nullptr;
    auto *op = dynamic_cast<ParserRuleContext *>(pipe->children[1]);
    if (!op)
      return nullptr;
    size_t index = op->getRuleIndex();
    return index == JqParser::RuleComparisonOp || index == JqParser::RuleUpdateOp ? op : nullptr;
  }

  void checkAssociativity(ParserRuleContext *pipe) {
    ParserRuleContext *op = nonAssociativeOperator(pipe);
    if (!op)
      return;
    auto *left = dynamic_cast<ParserRuleContext *>(pipe->children[0]);
    ParserRuleContext *inner = left ? nonAssociativeOperator(left) : nullptr;
    if (inner && inner->getRuleIndex() == op->getRuleIndex())
      fail(op, "jq syntax error: unexpected '" + op->getText() + "' ('" + inner->getText() + "' and '" +
                   op->getText() + "' do not chain; add parentheses)");
  }

  //===--------------------------------------------------------------------===//
  // Functions
  //===--------------------------------------------------------------------===//

  /// Leaves the function defined; its body waits for a call (see above).
  void define(JqParser::FuncDefContext *definition) {
    unsigned arity = static_cast<unsigned>(definition->param().size());
    functions.push_back({textOf(definition->IDENT()), arity, bodies.size()});
    // The body sees the function itself (recursion) and what is bound here.
    bodies.push_back({definition, functions, variables, labels});
  }

  /// Checks a body the first time a call reaches it, in its own scope.
  void checkBody(size_t index) {
    if (bodies[index].checked)
      return;
    bodies[index].checked = true;
    std::vector<DefinedFunction> callerFunctions = std::move(functions);
    std::vector<std::string> callerVariables = std::move(variables), callerLabels = std::move(labels);
    functions = bodies[index].functions;
    variables = bodies[index].variables;
    labels = bodies[index].labels;
    JqParser::FuncDefContext *definition = bodies[index].definition;
    for (JqParser::ParamContext *param : definition->param()) {
      // `$x` binds the variable and also x/0, which yields it.
      functions.push_back({textOf(param->IDENT()), 0});
      if (param->DOLLAR())
        variables.push_back(textOf(param->IDENT()));
    }
    visit(definition->pipe());
    functions = std::move(callerFunctions);
    variables = std::move(callerVariables);
    labels = std::move(callerLabels);
  }

  /// The innermost definition of name/arity, or null.
  const DefinedFunction *lookUp(std::string_view name, unsigned arity) const {
    for (auto it = functions.rbegin(); it != functions.rend(); ++it)
      if (it->name == name && it->arity == arity)
        return &*it;
    return nullptr;
  }

  bool isBuiltin(std::string_view name, unsigned arity) const {
    if (arity == 0 && (name == "true" || name == "false" || name == "null"))
      return true;
    return isJqBuiltin(name, arity);
  }

  void checkCall(JqParser::CallContext *call) {
    std::string name = textOf(call->IDENT());
    unsigned arity = static_cast<unsigned>(call->pipe().size());
    if (const DefinedFunction *function = lookUp(name, arity)) {
      if (function->body != std::string::npos)
        checkBody(function->body);
      return;
    }
    if (isBuiltin(name, arity))
      return;
    antlr4::Token *token = call->IDENT()->getSymbol();
    size_t begin = token->getStartIndex(), end = token->getStopIndex() + 1;
    std::string called = "'" + name + "/" + std::to_string(arity) + "'";
    if (std::string arities = knownArities(name); !arities.empty()) {
      fail(begin, end, "jq function " + called + " is not defined: '" + name + "' takes " + arities);
      return;
    }
    std::vector<std::string_view> candidates;
    for (std::string_view builtin : jqBuiltinNames())
      if (isJqBuiltin(builtin, arity))
        candidates.push_back(builtin);
    for (const DefinedFunction &function : functions)
      if (function.arity == arity)
        candidates.push_back(function.name);
    std::optional<std::string> suggestion = suggestName(name, candidates);
    std::string message = "jq function " + called + " is not defined";
    if (suggestion)
      message += "; did you mean '" + *suggestion + "'?";
    fail(begin, end, std::move(message), suggestion);
  }

  /// "1 argument" or "0 or 1 arguments": how \p name may be called.
  std::string knownArities(std::string_view name) const {
    std::vector<unsigned> arities = jqBuiltinArities(name);
    for (const DefinedFunction &function : functions)
      if (function.name == name)
        arities.push_back(function.arity);
    std::sort(arities.begin(), arities.end());
    arities.erase(std::unique(arities.begin(), arities.end()), arities.end());
    std::string text;
    for (size_t i = 0; i < arities.size(); ++i) {
      if (i > 0)
        text += i + 1 == arities.size() ? " or " : ", ";
      text += std::to_string(arities[i]);
    }
    if (!text.empty())
      text += arities.size() == 1 && arities[0] == 1 ? " argument" : " arguments";
    return text;
  }

  //===--------------------------------------------------------------------===//
  // Variables and labels
  //===--------------------------------------------------------------------===//

  void checkVariable(TerminalNode *dollar, TerminalNode *ident) {
    std::string name = textOf(ident);
    if (name == "ENV")
      return;
    for (const std::string &variable : variables)
      if (variable == name)
        return;
    std::vector<std::string_view> candidates(variables.begin(), variables.end());
    std::optional<std::string> suggestion = suggestName(name, candidates);
    std::string message = "jq variable '$" + name + "' is not defined";
    if (suggestion) {
      message += "; did you mean '$" + *suggestion + "'?";
    } else if (variables.empty()) {
      message += ": bind it first with '... as $" + name + " | ...'";
    }
    size_t begin = dollar->getSymbol()->getStartIndex();
    size_t end = ident->getSymbol()->getStopIndex() + 1;
    antlr4::Token *nameToken = ident->getSymbol();
    fail(begin, end, std::move(message),
         suggestion ? std::optional<std::string>(std::string(script.substr(begin, nameToken->getStartIndex() - begin)) +
                                                 *suggestion)
                    : std::nullopt);
  }

  void checkLabel(JqParser::BreakOutContext *breakOut) {
    std::string name = textOf(breakOut->IDENT());
    for (const std::string &label : labels)
      if (label == name)
        return;
    fail(breakOut, "'break $" + name + "' has no enclosing 'label $" + name + " | ...' to break out of");
  }

  /// Runs \p body with the variables of \p patterns bound; the key
  /// expressions of object patterns are checked in the enclosing scope.
  template <typename Body> void withPatterns(JqParser::PatternsContext *patterns, Body &&body) {
    size_t mark = variables.size();
    std::vector<std::string> bound;
    for (JqParser::PatternContext *pattern : patterns->pattern())
      collectPattern(pattern, bound);
    variables.insert(variables.end(), bound.begin(), bound.end());
    body();
    variables.resize(mark);
  }

  void collectPattern(JqParser::PatternContext *pattern, std::vector<std::string> &bound) {
    if (pattern->IDENT())
      bound.push_back(textOf(pattern->IDENT()));
    for (JqParser::PatternContext *element : pattern->pattern())
      collectPattern(element, bound);
    for (JqParser::ObjectPatternContext *entry : pattern->objectPattern()) {
      if (entry->DOLLAR())
        bound.push_back(textOf(entry->IDENT()));
      if (entry->LPAREN())
        visit(entry->pipe());
      if (entry->string())
        visit(entry->string());
      if (entry->pattern())
        collectPattern(entry->pattern(), bound);
    }
  }

  //===--------------------------------------------------------------------===//
  // Constant object keys
  //===--------------------------------------------------------------------===//

  /// jq folds constant keys and refuses numbers, booleans and null.
  void checkObjectKey(JqParser::PipeContext *key) {
    ConstantKind kind = constantKind(key);
    static constexpr const char *Names[] = {"", "a number", "a boolean", "null", ""};
    if (kind == ConstantKind::None || kind == ConstantKind::String)
      return;
    fail(key, "jq object keys are strings: '" + key->getText() + "' is " +
                  Names[static_cast<int>(kind)]);
  }

  /// What jq folds: number literals, true, false, null, and arithmetic or
  /// comparisons of number constants.
  ConstantKind constantKind(JqParser::PipeContext *pipe) {
    if (auto *single = dynamic_cast<JqParser::SingleContext *>(pipe))
      return constantKind(single->operand());
    bool arithmetic = dynamic_cast<JqParser::SumContext *>(pipe) || dynamic_cast<JqParser::ProductContext *>(pipe);
    bool comparison = dynamic_cast<JqParser::ComparisonContext *>(pipe);
    if (!arithmetic && !comparison)
      return ConstantKind::None;
    auto *left = dynamic_cast<JqParser::PipeContext *>(pipe->children[0]);
    auto *right = dynamic_cast<JqParser::PipeContext *>(pipe->children[2]);
    if (!left || !right || constantKind(left) != ConstantKind::Number ||
        constantKind(right) != ConstantKind::Number)
      return ConstantKind::None;
    return arithmetic ? ConstantKind::Number : ConstantKind::Boolean;
  }

  ConstantKind constantKind(JqParser::OperandContext *operand) {
    auto *plain = dynamic_cast<JqParser::PlainContext *>(operand);
    if (!plain || plain->AS() || !plain->term()->suffix().empty())
      return ConstantKind::None;
    JqParser::PrimaryContext *primary = plain->term()->primary();
    if (dynamic_cast<JqParser::NumberContext *>(primary))
      return ConstantKind::Number;
    if (auto *parenthesized = dynamic_cast<JqParser::ParenthesizedContext *>(primary))
      return constantKind(parenthesized->pipe());
    if (auto *call = dynamic_cast<JqParser::CallContext *>(primary); call && call->pipe().empty()) {
      std::string name = textOf(call->IDENT());
      if (name == "true" || name == "false")
        return ConstantKind::Boolean;
      if (name == "null")
        return ConstantKind::Null;
    }
    return ConstantKind::None;
  }
};

} // namespace

std::optional<JqSyntaxError> checkJqScopes(JqParser::ProgramContext &program, std::string_view script) {
  return ScopeChecker(script).run(program);
}

} // namespace oosc::frontend
