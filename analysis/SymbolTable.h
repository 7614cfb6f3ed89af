//===- SymbolTable.h - Declared names, looked up as OOS looks them up ------===//
//
// OOS resolves parameter, task and output names case-insensitively; lookups
// return the declaration and whether the spelling matched exactly, so rules
// can tell an undefined name from one that only differs in case.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Template.h"

#include <string>
#include <unordered_map>

namespace oosc::analysis {

template <typename Decl> struct Lookup {
  const Decl *decl = nullptr;
  bool exactCase = false;
  explicit operator bool() const { return decl != nullptr; }
};

class SymbolTable {
public:
  explicit SymbolTable(const ir::Template &tmpl);

  Lookup<ir::Parameter> parameter(std::string_view name) const;
  Lookup<ir::Task> task(std::string_view name) const;
  /// A task's outputs: its Outputs and its Loop's aggregated Outputs.
  Lookup<ir::OutputDecl> output(const ir::Task &task, std::string_view name) const;

  /// Names for "did you mean" suggestions.
  std::vector<std::string_view> parameterNames() const;
  std::vector<std::string_view> taskNames() const;
  std::vector<std::string_view> outputNames(const ir::Task &task) const;

private:
  template <typename Decl>
  using FoldedMap = std::unordered_map<std::string, const Decl *>;

  const ir::Template &tmpl_;
  FoldedMap<ir::Parameter> parameters_;
  FoldedMap<ir::Task> tasks_;
};

/// Every declared output of a task: its loop's (which shadow), then its own.
std::vector<const ir::OutputDecl *> taskOutputs(const ir::Task &task);

} // namespace oosc::analysis
