//===- ExprEmitter.cpp ------------------------------------------------------===//
#include "codegen/ExprEmitter.h"

#include "analysis/LiteralValue.h"
#include "analysis/PseudoParameters.h"
#include "codegen/Literals.h"

#include <cmath>
#include <cstdio>

namespace oosc::codegen {
namespace {

constexpr const char *kValue = "::oosc::runtime::Value";
constexpr const char *kOutcome = "::oosc::runtime::Outcome<::oosc::runtime::Value>";

std::string numberCode(double number) {
  if (std::floor(number) == number && std::fabs(number) < 9e15) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld", static_cast<long long>(number));
    return std::string(kValue) + "(static_cast<int64_t>(" + text + "LL))";
  }
  char text[40];
  std::snprintf(text, sizeof text, "%.17g", number);
  return std::string(kValue) + "(" + text + ")";
}

/// A runtime value known at compile time, as a C++ expression.
std::string valueCode(const runtime::Value &value) {
  using Kind = runtime::Value::Kind;
  switch (value.kind()) {
  case Kind::Null:
    return std::string(kValue) + "()";
  case Kind::Bool:
    return std::string(kValue) + (value.getBool() ? "(true)" : "(false)");
  case Kind::Integer:
    return numberCode(static_cast<double>(value.getInteger()));
  case Kind::Real:
    return numberCode(value.getReal());
  case Kind::String:
    return textValue(value.getString());
  case Kind::List: {
    std::string code = std::string(kValue) + "(" + kValue + "::List{";
    for (const runtime::Value &item : value.getList())
      code += valueCode(item) + ", ";
    return code + "})";
  }
  case Kind::Map: {
    std::string code = std::string(kValue) + "(" + kValue + "::Map{";
    for (const auto &[key, member] : value.getMap())
      code += "{std::string(" + cppStringLiteral(key) + ", " + std::to_string(key.size()) + "), " +
              valueCode(member) + "}, ";
    return code + "})";
  }
  }
  return std::string(kValue) + "()";
}

std::optional<analysis::PseudoParameter> pseudoOf(std::string_view name) {
  if (const analysis::PseudoParameter *pseudo = analysis::findPseudoParameter(name))
    return *pseudo;
  return std::nullopt;
}

} // namespace

ExprEmitter::ExprEmitter(CppPrinter &out, const SourceFile &file, const ir::Template &tmpl,
                         std::vector<std::string> &errors)
    : out_(out), file_(file), tmpl_(tmpl), symbols_(tmpl), errors_(errors) {}

unsigned ExprEmitter::lineOf(const ir::Node *node) const {
  return node ? file_.lineColumn(node->range.begin).line : 0;
}

void ExprEmitter::error(const ir::Node *node, const std::string &message) {
  errors_.push_back(file_.path() + ":" + std::to_string(lineOf(node)) + ": " + message);
}

bool ExprEmitter::isComputed(const ir::Node *node) const {
  node = ir::resolve(node);
  if (!node)
    return false;
  if (node->isScalar())
    return node->interpolation != nullptr;
  if (!node->functionName().empty())
    return true;
  for (const ir::Node *item : node->items)
    if (isComputed(item))
      return true;
  for (const ir::MapEntry &entry : node->entries)
    if (isComputed(entry.key) || isComputed(entry.value))
      return true;
  return false;
}

/// A constant subtree: plain scalars typed as YAML reads them, quoted ones
/// as strings; `${x}` placeholders are text here.
std::string ExprEmitter::literal(const ir::Node *node) const {
  node = ir::resolve(node);
  if (!node || node->isNull())
    return std::string(kValue) + "()";
  if (node->isScalar())
    return node->style == ir::ScalarStyle::Plain ? valueCode(analysis::plainScalarValue(node->value))
                                                 : textValue(node->value);
  if (node->isSequence()) {
    std::string code = std::string(kValue) + "(" + kValue + "::List{";
    for (const ir::Node *item : node->items)
      code += literal(item) + ", ";
    return code + "})";
  }
  std::string code = std::string(kValue) + "(" + kValue + "::Map{";
  for (const ir::MapEntry &entry : node->entries) {
    std::string key = entry.key->isScalar() ? entry.key->value : std::string();
    code += "{std::string(" + cppStringLiteral(key) + ", " + std::to_string(key.size()) + "), " +
            literal(entry.value) + "}, ";
  }
  return code + "})";
}

std::string ExprEmitter::expression(const ir::Node *node) {
  if (!isComputed(node))
    return std::string(kOutcome) + "(" + literal(node) + ")";
  return function(node) + "(c)";
}

std::string ExprEmitter::newFunction(const ir::Node *node, unsigned line) {
  std::string name = "f" + std::to_string(counter_++);
  out_.emit("\n// $file$:$line$\nstatic $outcome$ $name$(::oosc::runtime::Context &c) {\n",
            {{"file", commentText(file_.path())},
             {"line", std::to_string(line ? line : lineOf(node))},
             {"outcome", kOutcome},
             {"name", name}});
  out_.indent();
  return name;
}

std::string ExprEmitter::constantFunction(const std::string &valueCode, unsigned line) {
  std::string name = newFunction(nullptr, line);
  out_.emit("(void)c;\nreturn $value$;\n", {{"value", valueCode}});
  out_.outdent();
  out_.emit("}\n");
  return name;
}

std::string ExprEmitter::function(const ir::Node *written) {
  const ir::Node *node = ir::resolve(written);
  if (!isComputed(node))
    return constantFunction(literal(node), lineOf(node));
  if (node->isScalar()) {
    std::string name = newFunction(node, 0);
    emitScalar(*node);
    out_.outdent();
    out_.emit("}\n");
    return name;
  }
  if (std::string_view fn = node->functionName(); !fn.empty()) {
    const ir::Node &argument = *ir::resolve(node->entries[0].value);
    if (fn == "Fn::If" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not")
      return emitConditional(fn, argument);
    if (fn == "Fn::Eval")
      return emitEval(argument);
    return emitCall(fn, argument);
  }
  return node->isSequence() ? emitSequence(*node) : emitMapping(*node);
}

std::string ExprEmitter::reference(const ir::Reference &reference) {
  const std::vector<ir::Ident> &parts = reference.parts;
  switch (reference.kind) {
  case ir::RefKind::Name:
    if (parts.size() == 1 && !reference.hasPathSyntax) {
      if (auto parameter = symbols_.parameter(parts[0].text)) {
        size_t index = static_cast<size_t>(parameter.decl - tmpl_.parameters.data());
        return "c.parameter(" + std::to_string(index) + ")";
      }
    } else if (parts.size() == 2 && !reference.hasPathSyntax) {
      if (auto task = symbols_.task(parts[0].text))
        if (auto output = symbols_.output(*task.decl, parts[1].text))
          return "c.taskOutput(" + std::to_string(task.decl->index) + ", " +
                 cppStringLiteral(output.decl->name.text) + ")";
    }
    break;
  case ir::RefKind::Pseudo:
    if (auto pseudo = pseudoOf(parts[1].text))
      return "c.pseudo(::oosc::runtime::Pseudo::" + std::string(pseudo->name) + ")";
    break;
  case ir::RefKind::Store:
  case ir::RefKind::Secret:
    return "c.storeParameter(" + cppStringLiteral(parts[1].text) + ", " +
           (reference.kind == ir::RefKind::Secret ? "true" : "false") + ")";
  }
  errors_.push_back(file_.path() + ": cannot compile the reference '{{ " + reference.spelling +
                    " }}' (not supported yet)");
  return std::string(kOutcome) + "(::oosc::runtime::fail(\"unsupported reference\"))";
}

void ExprEmitter::emitScalar(const ir::Node &node) {
  const ir::Interpolation &interpolation = *node.interpolation;
  if (interpolation.isWholeValue()) {
    // A whole-value reference keeps the referenced value's type.
    out_.emit("return $ref$;\n", {{"ref", reference(std::get<ir::Reference>(interpolation.pieces[0]))}});
    return;
  }
  std::string pieces;
  unsigned n = 0;
  for (const ir::Interpolation::Piece &piece : interpolation.pieces) {
    if (const auto *text = std::get_if<std::string>(&piece)) {
      pieces += textValue(*text) + ", ";
      continue;
    }
    std::string var = "p" + std::to_string(n++);
    out_.emit("OOSC_TRY($var$, $ref$);\n", {{"var", var}, {"ref", reference(std::get<ir::Reference>(piece))}});
    pieces += var + ", ";
  }
  out_.emit("return ::oosc::runtime::impl::concat({$pieces$});\n", {{"pieces", pieces}});
}

std::string ExprEmitter::emitSequence(const ir::Node &node) {
  std::vector<std::string> items;
  for (const ir::Node *item : node.items)
    items.push_back(expression(item));
  std::string name = newFunction(&node, 0);
  out_.emit("$value$::List list;\nlist.reserve($n$);\n",
            {{"value", kValue}, {"n", std::to_string(items.size())}});
  for (const std::string &item : items) {
    out_.emit("{\n  OOSC_TRY(item, $item$);\n  list.push_back(std::move(item));\n}\n", {{"item", item}});
  }
  out_.emit("return $value$(std::move(list));\n", {{"value", kValue}});
  out_.outdent();
  out_.emit("}\n");
  return name;
}

std::string ExprEmitter::emitMapping(const ir::Node &node) {
  std::vector<std::pair<std::string, std::string>> members;
  for (const ir::MapEntry &entry : node.entries)
    members.emplace_back(entry.key->isScalar() ? entry.key->value : "", expression(entry.value));
  std::string name = newFunction(&node, 0);
  out_.emit("$value$::Map map;\nmap.reserve($n$);\n",
            {{"value", kValue}, {"n", std::to_string(members.size())}});
  for (const auto &[key, member] : members)
    out_.emit("{\n  OOSC_TRY(member, $member$);\n  map.emplace_back(std::string($key$, $size$), "
              "std::move(member));\n}\n",
              {{"member", member}, {"key", cppStringLiteral(key)}, {"size", std::to_string(key.size())}});
  out_.emit("return $value$(std::move(map));\n", {{"value", kValue}});
  out_.outdent();
  out_.emit("}\n");
  return name;
}

std::string ExprEmitter::mapFunction(const std::vector<const ir::MapEntry *> &entries, unsigned line) {
  std::vector<std::pair<std::string, std::string>> members;
  for (const ir::MapEntry *entry : entries)
    members.emplace_back(entry->key->value, expression(entry->value));
  std::string name = newFunction(nullptr, line);
  out_.emit("$value$::Map map;\n", {{"value", kValue}});
  for (const auto &[key, member] : members)
    out_.emit("{\n  OOSC_TRY(member, $member$);\n  map.emplace_back(std::string($key$, $size$), "
              "std::move(member));\n}\n",
              {{"member", member}, {"key", cppStringLiteral(key)}, {"size", std::to_string(key.size())}});
  out_.emit("return $value$(std::move(map));\n", {{"value", kValue}});
  out_.outdent();
  out_.emit("}\n");
  return name;
}

std::string ExprEmitter::emitCall(std::string_view function, const ir::Node &argument) {
  std::string argumentCode = expression(&argument);
  std::string name = newFunction(&argument, 0);
  out_.emit("OOSC_TRY(argument, $argument$);\nreturn c.call($name$, argument);\n",
            {{"argument", argumentCode}, {"name", cppStringLiteral(function)}});
  out_.outdent();
  out_.emit("}\n");
  return name;
}

/// Fn::If, And, Or and Not evaluate their operands lazily: the branch not
/// taken may read outputs of tasks that never ran.
std::string ExprEmitter::emitConditional(std::string_view function, const ir::Node &argument) {
  std::vector<std::string> operands;
  if (argument.isSequence())
    for (const ir::Node *item : argument.items)
      operands.push_back(expression(item));
  else
    operands.push_back(expression(&argument));
  std::string name = newFunction(&argument, 0);
  auto test = [&](const std::string &operand, const std::string &var) {
    out_.emit("OOSC_TRY($var$Value, $operand$);\nauto $var$ = ::oosc::runtime::impl::condition($var$Value);\n"
              "if (!$var$)\n  return $var$.error();\n",
              {{"var", var}, {"operand", operand}});
  };
  if (function == "Fn::If" && operands.size() == 3) {
    test(operands[0], "condition");
    out_.emit("if (condition.value())\n  return $then$;\nreturn $else$;\n",
              {{"then", operands[1]}, {"else", operands[2]}});
  } else if (function == "Fn::Not" && operands.size() == 1) {
    test(operands[0], "condition");
    out_.emit("return $value$(!condition.value());\n", {{"value", kValue}});
  } else if (function == "Fn::And" || function == "Fn::Or") {
    bool isAnd = function == "Fn::And";
    for (size_t i = 0; i < operands.size(); ++i) {
      std::string var = "operand" + std::to_string(i);
      test(operands[i], var);
      out_.emit(isAnd ? "if (!$var$.value())\n  return $value$(false);\n"
                      : "if ($var$.value())\n  return $value$(true);\n",
                {{"var", var}, {"value", kValue}});
    }
    out_.emit("return $value$($result$);\n", {{"value", kValue}, {"result", isAnd ? "true" : "false"}});
  } else {
    error(&argument, std::string(function) + " has the wrong number of arguments");
    out_.emit("return ::oosc::runtime::fail(\"malformed $fn$\");\n", {{"fn", std::string(function)}});
  }
  out_.outdent();
  out_.emit("}\n");
  return name;
}

std::string ExprEmitter::evalFunction(const ir::EvalExpr &expr) {
  switch (expr.kind) {
  case ir::EvalExpr::Kind::Number:
    return constantFunction(numberCode(expr.number), file_.lineColumn(expr.range.begin).line);
  case ir::EvalExpr::Kind::Reference: {
    std::string ref = reference(expr.reference);
    std::string name = newFunction(nullptr, file_.lineColumn(expr.range.begin).line);
    out_.emit("return $ref$;\n", {{"ref", ref}});
    out_.outdent();
    out_.emit("}\n");
    return name;
  }
  case ir::EvalExpr::Kind::Unary: {
    std::string operand = evalFunction(*expr.operands[0]);
    std::string name = newFunction(nullptr, file_.lineColumn(expr.range.begin).line);
    out_.emit("OOSC_TRY(operand, $operand$(c));\nreturn ::oosc::runtime::impl::unaryArithmetic($op$, operand);\n",
              {{"operand", operand}, {"op", cppStringLiteral(expr.op)}});
    out_.outdent();
    out_.emit("}\n");
    return name;
  }
  case ir::EvalExpr::Kind::Binary: {
    std::string left = evalFunction(*expr.operands[0]);
    std::string right = evalFunction(*expr.operands[1]);
    std::string name = newFunction(nullptr, file_.lineColumn(expr.range.begin).line);
    out_.emit("OOSC_TRY(left, $left$(c));\nOOSC_TRY(right, $right$(c));\n"
              "return ::oosc::runtime::impl::arithmetic($op$, left, right);\n",
              {{"left", left}, {"right", right}, {"op", cppStringLiteral(expr.op)}});
    out_.outdent();
    out_.emit("}\n");
    return name;
  }
  }
  return constantFunction(std::string(kValue) + "()");
}

/// Fn::Eval's program was parsed by the frontend; it compiles to calls of
/// the runtime's arithmetic, not to text evaluated at run time.
std::string ExprEmitter::emitEval(const ir::Node &argument) {
  const ir::Node *text = argument.isSequence() && argument.items.size() == 1
                             ? ir::resolve(argument.items[0]) : &argument;
  if (!text || !text->evalProgram) {
    error(&argument, "Fn::Eval needs a literal arithmetic expression");
    std::string name = newFunction(&argument, 0);
    out_.emit("return ::oosc::runtime::fail(\"Fn::Eval: no program\");\n");
    out_.outdent();
    out_.emit("}\n");
    return name;
  }
  std::string program = evalFunction(*text->evalProgram);
  std::string name = newFunction(&argument, 0);
  out_.emit("return $program$(c);\n", {{"program", program}});
  out_.outdent();
  out_.emit("}\n");
  return name;
}

} // namespace oosc::codegen
