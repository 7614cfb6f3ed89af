//===- Template.h - The IR of an OOS template ------------------------------===//
//
// A typed view over the document tree: parameters, tasks with their control
// flow, and outputs. Pointers refer into the ir::Document that owns the nodes;
// a malformed template still yields a partial Template (missing pieces are
// null or empty), so analyses keep finding problems.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Node.h"

#include <optional>

namespace oosc::ir {

/// A declared name (parameter, task, output) and the key or value spelling it.
struct Name {
  std::string text;
  SourceRange range;
  const Node *node = nullptr;
};

struct Parameter {
  Name name;
  const Node *decl = nullptr; ///< the parameter's mapping
  std::string type = "String";
  const Node *typeNode = nullptr;
  const Node *defaultValue = nullptr;
  const Node *allowedValues = nullptr;
  const Node *allowedPattern = nullptr;
  const Node *minLength = nullptr;
  const Node *maxLength = nullptr;
  const Node *minValue = nullptr;
  const Node *maxValue = nullptr;
};

/// A task output, a loop output or a template output.
struct OutputDecl {
  Name name;
  const Node *decl = nullptr;
  const Node *type = nullptr;
  /// ValueSelector (task outputs), Value (template outputs) or AggregateField
  /// (loop outputs).
  const Node *value = nullptr;
};

/// OnError, OnSuccess, NextTask or DefaultTask.
struct JumpTarget {
  std::string text;
  SourceRange range;
  const Node *node = nullptr;
  /// The target is computed by a `{{ }}` expression and unknown until run time.
  bool isDynamic() const { return text.find("{{") != std::string::npos; }
};

struct ChoiceBranch {
  const Node *when = nullptr;
  std::optional<JumpTarget> next;
};

struct Loop {
  const Node *decl = nullptr;
  const Node *items = nullptr;
  std::vector<OutputDecl> outputs;
};

struct Task {
  Name name;
  size_t index = 0;
  const Node *decl = nullptr;
  std::string action;
  const Node *actionNode = nullptr;
  const Node *properties = nullptr;
  const Node *when = nullptr;
  std::optional<JumpTarget> onError;
  std::optional<JumpTarget> onSuccess;
  std::vector<OutputDecl> outputs;
  std::optional<Loop> loop;
  /// ACS::Choice branches and default.
  std::vector<ChoiceBranch> choices;
  std::optional<JumpTarget> defaultTask;

  bool isChoice() const;
};

enum class Dialect : uint8_t {
  Tasks,  ///< OOS-2019-06-01: a list of tasks
  States, ///< OOS-2019-06-01-State: state configuration with States
};

struct Template {
  const Node *root = nullptr;
  Dialect dialect = Dialect::Tasks;
  const Node *formatVersion = nullptr;
  std::vector<Parameter> parameters;
  std::vector<Task> tasks;
  std::vector<OutputDecl> outputs;
};

} // namespace oosc::ir
