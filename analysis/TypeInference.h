//===- TypeInference.h - The kind of value a template node gives -----------===//
//
// A small, local inference: a literal is what YAML makes of it; a whole
// `{{ }}` reference has the declared Type of its parameter (oos-spec.md 3),
// of its task output when that is a List (5.3), the kind of a Loop's
// aggregate (5.4) or of its pseudo parameter (4.2); a string
// with a reference inside longer text is a string; an Fn:: call gives the
// Result of its Functions.def entry. Everything else is Any, which no check
// reports.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/SymbolTable.h"
#include "analysis/ValueKinds.h"

#include <optional>
#include <string>

namespace oosc::analysis {

/// What a node is known to give, with the words a message needs.
struct InferredType {
  KindSet kinds; ///< Any: not known
  /// Says what the value is and where that comes from, e.g. "parameter
  /// 'ids' is a String", "Fn::Join gives a string", "'abc' is a string".
  std::string origin;
  /// The declaration that fixed the kind (a parameter's or output's Type,
  /// or its name when Type is left out), for a note; null otherwise.
  const ir::Node *declaration = nullptr;
  std::string declarationNote;
  /// A string whose text is unknown may still read 'true' or 'false'
  /// (a String parameter, text around a reference); function results such
  /// as Fn::Join's are text, never a condition someone meant.
  bool textMayBeCondition = true;
  /// The text of a literal scalar (not a reference, not a call).
  std::optional<std::string> literal;
};

class TypeInference {
public:
  explicit TypeInference(const SymbolTable &symbols) : symbols_(symbols) {}

  InferredType infer(const ir::Node *node) const;

private:
  InferredType ofScalar(const ir::Node &node) const;
  InferredType ofReference(const ir::Reference &reference) const;
  InferredType ofParameter(const ir::Parameter &parameter) const;
  InferredType ofOutput(const ir::Task &task, const ir::OutputDecl &output) const;
  InferredType ofCall(const ir::Node &call) const;

  const SymbolTable &symbols_;
};

/// "a string", "a list or a mapping", ... for messages.
std::string describeKinds(KindSet kinds);

} // namespace oosc::analysis
