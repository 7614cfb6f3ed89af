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
constexpr const char *kImpl = "::oosc::runtime::impl::";

std::string numberCode(double number) {
  char text[40];
  if (std::floor(number) == number && std::fabs(number) < 9e15) {
    std::snprintf(text, sizeof text, "%lld", static_cast<long long>(number));
    return std::string(kValue) + "(static_cast<int64_t>(" + text + "LL))";
  }
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
  case Kind::List:
  case Kind::Map:
    break;
  }
  // Constant containers come as JSON text: one short literal instead of a
  // nest of constructors for the compiler to chew on.
  std::string json = value.toJson();
  return "*::oosc::runtime::parseJson(std::string_view(" + cppStringLiteral(json) + ", " +
         std::to_string(json.size()) + "))";
}

std::string sized(std::string_view text) {
  return cppStringLiteral(text) + ", " + std::to_string(text.size());
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
    if (isComputed(entry.value))
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
  std::function<runtime::Value(const ir::Node *)> toValue = [&](const ir::Node *n) -> runtime::Value {
    n = ir::resolve(n);
    if (!n || n->isNull())
      return runtime::Value();
    if (n->isScalar())
      return n->style == ir::ScalarStyle::Plain ? analysis::plainScalarValue(n->value)
                                                : runtime::Value(n->value);
    if (n->isSequence()) {
      runtime::Value::List items;
      for (const ir::Node *item : n->items)
        items.push_back(toValue(item));
      return runtime::Value(std::move(items));
    }
    runtime::Value::Map members;
    for (const ir::MapEntry &entry : n->entries)
      members.emplace_back(entry.key->isScalar() ? entry.key->value : "", toValue(entry.value));
    return runtime::Value(std::move(members));
  };
  return valueCode(toValue(node));
}

std::string ExprEmitter::define(unsigned line, const std::string &body) {
  std::string name = "f" + std::to_string(counter_++);
  out_.emit("\n// $file$:$line$\nstatic ::oosc::runtime::Outcome<$value$> $name$(::oosc::runtime::Context &c) {\n",
            {{"file", commentText(file_.path())}, {"line", std::to_string(line)}, {"value", kValue},
             {"name", name}});
  out_.indent();
  out_.emitRaw(body);
  out_.outdent();
  out_.emit("}\n");
  return name;
}

std::string ExprEmitter::constant(const std::string &valueCode, unsigned line) {
  auto [it, inserted] = constants_.emplace(valueCode, "");
  if (inserted)
    it->second = define(line, "(void)c;\nreturn " + valueCode + ";\n");
  return it->second;
}

std::string ExprEmitter::function(const ir::Node *written) {
  const ir::Node *node = ir::resolve(written);
  unsigned line = lineOf(node);
  if (!isComputed(node))
    return constant(literal(node), line);
  if (node->isScalar())
    return scalar(*node);
  if (std::string_view fn = node->functionName(); !fn.empty()) {
    const ir::Node &argument = *ir::resolve(node->entries[0].value);
    if (fn == "Fn::If" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not")
      return conditional(fn, argument, line);
    if (fn == "Fn::Eval")
      return eval(argument, line);
    return call(fn, argument, line);
  }
  if (node->isSequence()) {
    std::string items;
    for (const ir::Node *item : node->items)
      items += function(item) + ", ";
    return define(line, "return " + std::string(kImpl) + "list(c, {" + items + "});\n");
  }
  std::vector<const ir::MapEntry *> entries;
  for (const ir::MapEntry &entry : node->entries)
    entries.push_back(&entry);
  return mapFunction(entries, line);
}

std::string ExprEmitter::mapFunction(const std::vector<const ir::MapEntry *> &entries, unsigned line) {
  std::string members;
  for (const ir::MapEntry *entry : entries) {
    std::string key = entry->key->isScalar() ? entry->key->value : std::string();
    members += "{" + sized(key) + ", " + function(entry->value) + "}, ";
  }
  return define(line, "return " + std::string(kImpl) + "map(c, {" + members + "});\n");
}

std::string ExprEmitter::reference(const ir::Reference &reference) {
  const std::vector<ir::Ident> &parts = reference.parts;
  switch (reference.kind) {
  case ir::RefKind::Name:
    if (parts.size() == 1 && !reference.hasPathSyntax) {
      if (auto parameter = symbols_.parameter(parts[0].text))
        return "c.parameter(" +
               std::to_string(static_cast<size_t>(parameter.decl - tmpl_.parameters.data())) + ")";
    } else if (parts.size() == 2 && !reference.hasPathSyntax) {
      if (auto task = symbols_.task(parts[0].text))
        if (auto output = symbols_.output(*task.decl, parts[1].text))
          return "c.taskOutput(" + std::to_string(task.decl->index) + ", " +
                 cppStringLiteral(output.decl->name.text) + ")";
    }
    break;
  case ir::RefKind::Pseudo:
    if (const analysis::PseudoParameter *pseudo = analysis::findPseudoParameter(parts[1].text))
      return "c.pseudo(::oosc::runtime::Pseudo::" + std::string(pseudo->name) + ")";
    break;
  case ir::RefKind::Store:
  case ir::RefKind::Secret:
    return "c.storeParameter(" + cppStringLiteral(parts[1].text) + ", " +
           (reference.kind == ir::RefKind::Secret ? "true" : "false") + ")";
  }
  errors_.push_back(file_.path() + ": cannot compile the reference '{{ " + reference.spelling +
                    " }}' (not supported yet)");
  return "::oosc::runtime::Outcome<::oosc::runtime::Value>(::oosc::runtime::fail(\"unsupported reference\"))";
}

std::string ExprEmitter::scalar(const ir::Node &node) {
  const ir::Interpolation &interpolation = *node.interpolation;
  unsigned line = lineOf(&node);
  // A whole-value reference keeps the referenced value's type.
  if (interpolation.isWholeValue())
    return define(line, "return " + reference(std::get<ir::Reference>(interpolation.pieces[0])) + ";\n");
  std::string pieces;
  for (const ir::Interpolation::Piece &piece : interpolation.pieces) {
    if (const auto *text = std::get_if<std::string>(&piece))
      pieces += "{" + sized(*text) + ", nullptr}, ";
    else
      pieces += "{nullptr, 0, " +
                define(line, "return " + reference(std::get<ir::Reference>(piece)) + ";\n") + "}, ";
  }
  return define(line, "return " + std::string(kImpl) + "interpolate(c, {" + pieces + "});\n");
}

std::string ExprEmitter::call(std::string_view name, const ir::Node &argument, unsigned line) {
  std::string argumentFunction = function(&argument);
  return define(line, "return " + std::string(kImpl) + "call(c, " + cppStringLiteral(name) + ", " +
                          argumentFunction + ");\n");
}

std::string ExprEmitter::conditional(std::string_view name, const ir::Node &argument, unsigned line) {
  std::vector<std::string> operands;
  if (argument.isSequence())
    for (const ir::Node *item : argument.items)
      operands.push_back(function(item));
  else
    operands.push_back(function(&argument));
  std::string impl = kImpl;
  if (name == "Fn::If" && operands.size() == 3)
    return define(line, "return " + impl + "ifThenElse(c, " + operands[0] + ", " + operands[1] + ", " +
                            operands[2] + ");\n");
  if (name == "Fn::Not" && operands.size() == 1)
    return define(line, "return " + impl + "negate(c, " + operands[0] + ");\n");
  if (name == "Fn::And" || name == "Fn::Or") {
    std::string list;
    for (const std::string &operand : operands)
      list += operand + ", ";
    return define(line, "return " + impl + (name == "Fn::And" ? "allOf" : "anyOf") + "(c, {" + list + "});\n");
  }
  error(&argument, std::string(name) + " has the wrong number of arguments");
  return define(line, "return ::oosc::runtime::fail(" + cppStringLiteral("malformed " + std::string(name)) + ");\n");
}

std::string ExprEmitter::evalFunction(const ir::EvalExpr &expr) {
  unsigned line = file_.lineColumn(expr.range.begin).line;
  std::string impl = kImpl;
  switch (expr.kind) {
  case ir::EvalExpr::Kind::Number:
    return constant(numberCode(expr.number), line);
  case ir::EvalExpr::Kind::Reference:
    return define(line, "return " + reference(expr.reference) + ";\n");
  case ir::EvalExpr::Kind::Unary: {
    std::string operand = evalFunction(*expr.operands[0]);
    return define(line, "return " + impl + "unary(c, " + cppStringLiteral(expr.op) + ", " + operand + ");\n");
  }
  case ir::EvalExpr::Kind::Binary: {
    std::string left = evalFunction(*expr.operands[0]);
    std::string right = evalFunction(*expr.operands[1]);
    return define(line, "return " + impl + "binary(c, " + cppStringLiteral(expr.op) + ", " + left + ", " +
                            right + ");\n");
  }
  }
  return constant(std::string(kValue) + "()", line);
}

/// Fn::Eval's program was parsed by the frontend; it compiles to calls of
/// the runtime's arithmetic, not to text evaluated at run time.
std::string ExprEmitter::eval(const ir::Node &argument, unsigned line) {
  const ir::Node *text = argument.isSequence() && argument.items.size() == 1
                             ? ir::resolve(argument.items[0]) : &argument;
  if (!text || !text->evalProgram) {
    error(&argument, "Fn::Eval needs a literal arithmetic expression");
    return define(line, "return ::oosc::runtime::fail(\"Fn::Eval: no program\");\n");
  }
  return evalFunction(*text->evalProgram);
}

} // namespace oosc::codegen
