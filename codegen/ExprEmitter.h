//===- ExprEmitter.h - Template values compiled into C++ functions --------===//
//
// Every value of a template becomes a generated function
// `Outcome<Value> fN(Context &c)`. A constant returns its value (identical
// constants share one function); anything computed is one call of a runtime
// helper with a table of child functions (impl::map, impl::interpolate,
// impl::call...), so the generated code stays small and quick to compile.
// References are resolved here, at compile time, to parameter and task
// indexes; nothing is parsed at run time.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/SymbolTable.h"
#include "codegen/CppPrinter.h"
#include "support/SourceFile.h"

#include <functional>
#include <map>

namespace oosc::codegen {

class ExprEmitter {
public:
  ExprEmitter(CppPrinter &out, const SourceFile &file, const ir::Template &tmpl,
              std::vector<std::string> &errors);

  /// Emits the function computing `node` (null: a function returning null)
  /// and returns its name.
  std::string function(const ir::Node *node);
  /// A function building a mapping from some entries of a mapping (the
  /// legacy flat Loop form keeps rate control keys beside Items).
  std::string mapFunction(const std::vector<const ir::MapEntry *> &entries, unsigned line);

private:
  bool isComputed(const ir::Node *node) const;
  std::string literal(const ir::Node *node) const;
  std::string constant(const std::string &valueCode, unsigned line);
  std::string define(unsigned line, const std::string &body);
  std::string reference(const ir::Reference &reference);

  std::string scalar(const ir::Node &node);
  std::string call(std::string_view function, const ir::Node &argument, unsigned line);
  std::string conditional(std::string_view function, const ir::Node &argument, unsigned line);
  std::string eval(const ir::Node &argument, unsigned line);
  std::string evalFunction(const ir::EvalExpr &expr);

  unsigned lineOf(const ir::Node *node) const;
  void error(const ir::Node *node, const std::string &message);

  CppPrinter &out_;
  const SourceFile &file_;
  const ir::Template &tmpl_;
  analysis::SymbolTable symbols_;
  std::vector<std::string> &errors_;
  std::map<std::string, std::string> constants_; ///< value code -> function
  unsigned counter_ = 0;
};

} // namespace oosc::codegen
