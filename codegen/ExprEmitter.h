//===- ExprEmitter.h - Template values compiled into C++ functions --------===//
//
// Each value that depends on the execution (a {{ }} reference, an
// interpolated string, an Fn:: call, or a container holding one) becomes a
// generated function `Outcome<Value> fN(Context &c)`; constant subtrees
// become inline Value constructions. References are resolved here, at
// compile time, to parameter indexes and task indexes.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/SymbolTable.h"
#include "codegen/CppPrinter.h"
#include "support/SourceFile.h"

namespace oosc::codegen {

class ExprEmitter {
public:
  ExprEmitter(CppPrinter &out, const SourceFile &file, const ir::Template &tmpl,
              std::vector<std::string> &errors);

  /// Emits a function computing `node` and returns its name; a null node
  /// gives a function returning null.
  std::string function(const ir::Node *node);
  /// Emits a function computing the given constant C++ Value expression.
  std::string constantFunction(const std::string &valueCode, unsigned line = 0);
  /// A function building a mapping from some keys of `map` (the legacy
  /// flat Loop form keeps rate control keys beside Items).
  std::string mapFunction(const std::vector<const ir::MapEntry *> &entries, unsigned line);

private:
  bool isComputed(const ir::Node *node) const;
  std::string literal(const ir::Node *node) const;
  /// A C++ expression of type Outcome<Value> for `node`.
  std::string expression(const ir::Node *node);
  std::string reference(const ir::Reference &reference);
  std::string newFunction(const ir::Node *node, unsigned line);

  void emitScalar(const ir::Node &node);
  std::string emitSequence(const ir::Node &node);
  std::string emitMapping(const ir::Node &node);
  std::string emitCall(std::string_view function, const ir::Node &argument);
  std::string emitEval(const ir::Node &argument);
  std::string evalFunction(const ir::EvalExpr &expr);
  std::string emitConditional(std::string_view function, const ir::Node &argument);

  unsigned lineOf(const ir::Node *node) const;
  void error(const ir::Node *node, const std::string &message);

  CppPrinter &out_;
  const SourceFile &file_;
  const ir::Template &tmpl_;
  analysis::SymbolTable symbols_;
  std::vector<std::string> &errors_;
  unsigned counter_ = 0;
};

} // namespace oosc::codegen
