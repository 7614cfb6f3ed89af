//===- SymbolTable.cpp ------------------------------------------------------===//
#include "analysis/SymbolTable.h"

#include "support/Spelling.h"

namespace oosc::analysis {

SymbolTable::SymbolTable(const ir::Template &tmpl) : tmpl_(tmpl) {
  // The first declaration wins; duplicates are reported by their own rule.
  for (const ir::Parameter &parameter : tmpl.parameters)
    parameters_.emplace(foldCase(parameter.name.text), &parameter);
  for (const ir::Task &task : tmpl.tasks)
    if (!task.name.text.empty())
      tasks_.emplace(foldCase(task.name.text), &task);
}

template <typename Decl, typename Map>
static Lookup<Decl> find(const Map &map, std::string_view name,
                         std::string_view (*spelling)(const Decl &)) {
  auto it = map.find(foldCase(name));
  if (it == map.end())
    return {};
  return {it->second, spelling(*it->second) == name};
}

Lookup<ir::Parameter> SymbolTable::parameter(std::string_view name) const {
  return find<ir::Parameter>(parameters_, name,
                             [](const ir::Parameter &p) -> std::string_view { return p.name.text; });
}

Lookup<ir::Task> SymbolTable::task(std::string_view name) const {
  return find<ir::Task>(tasks_, name,
                        [](const ir::Task &t) -> std::string_view { return t.name.text; });
}

std::vector<const ir::OutputDecl *> taskOutputs(const ir::Task &task) {
  // Loop outputs first: outside the task, a loop output shadows the task
  // output of the same name that it aggregates.
  std::vector<const ir::OutputDecl *> outputs;
  if (task.loop)
    for (const ir::OutputDecl &output : task.loop->outputs)
      outputs.push_back(&output);
  for (const ir::OutputDecl &output : task.outputs)
    outputs.push_back(&output);
  return outputs;
}

Lookup<ir::OutputDecl> SymbolTable::output(const ir::Task &task, std::string_view name) const {
  Lookup<ir::OutputDecl> folded;
  for (const ir::OutputDecl *output : taskOutputs(task)) {
    if (output->name.text == name)
      return {output, true};
    if (!folded && equalsIgnoreCase(output->name.text, name))
      folded = {output, false};
  }
  return folded;
}

std::vector<std::string_view> SymbolTable::parameterNames() const {
  std::vector<std::string_view> names;
  for (const ir::Parameter &parameter : tmpl_.parameters)
    names.push_back(parameter.name.text);
  return names;
}

std::vector<std::string_view> SymbolTable::taskNames() const {
  std::vector<std::string_view> names;
  for (const ir::Task &task : tmpl_.tasks)
    names.push_back(task.name.text);
  return names;
}

std::vector<std::string_view> SymbolTable::outputNames(const ir::Task &task) const {
  std::vector<std::string_view> names;
  for (const ir::OutputDecl *output : taskOutputs(task))
    names.push_back(output->name.text);
  return names;
}

} // namespace oosc::analysis
