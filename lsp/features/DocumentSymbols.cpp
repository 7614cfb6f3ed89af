//===- DocumentSymbols.cpp - The outline of a template --------------------===//
#include "lsp/Features.h"
#include "lsp/features/SymbolAtOffset.h"

namespace oosc::lsp {
namespace {

/// From a declaration's key to the end of its body.
SourceRange spanOf(SourceRange key, const ir::Node *body) {
  body = ir::resolve(body);
  if (!body || body->range.end < key.begin)
    return key;
  return {key.begin, std::max(key.end, body->range.end)};
}

std::string scalarOr(const ir::Node *node, std::string fallback) {
  node = ir::resolve(node);
  return node && node->isScalar() ? node->value : fallback;
}

DocumentSymbol outputSymbol(std::string_view text, const ir::OutputDecl &output) {
  return {output.name.text, scalarOr(output.type, "String"), SymbolKind::Output,
          spanOf(output.name.range, output.decl), unquotedRange(text, output.name.range), {}};
}

DocumentSymbol taskSymbol(std::string_view text, const ir::Task &task) {
  DocumentSymbol symbol;
  symbol.name = task.name.text.empty() ? "(task " + std::to_string(task.index + 1) + ")"
                                       : task.name.text;
  symbol.detail = task.action;
  symbol.kind = SymbolKind::Task;
  symbol.range = task.decl ? task.decl->range : task.name.range;
  symbol.selectionRange =
      task.name.node ? unquotedRange(text, task.name.range) : SourceRange::at(symbol.range.begin);
  for (const ir::OutputDecl &output : task.outputs)
    symbol.children.push_back(outputSymbol(text, output));
  if (task.loop)
    for (const ir::OutputDecl &output : task.loop->outputs)
      symbol.children.push_back(outputSymbol(text, output));
  return symbol;
}

/// The top-level `key: value` entry naming a section, if present.
const ir::MapEntry *sectionEntry(const ir::Template &tmpl, std::string_view key) {
  return tmpl.root && tmpl.root->isMapping() ? tmpl.root->entry(key) : nullptr;
}

std::optional<DocumentSymbol> section(const ir::Template &tmpl, std::string_view key) {
  const ir::MapEntry *entry = sectionEntry(tmpl, key);
  if (!entry)
    return std::nullopt;
  DocumentSymbol symbol;
  symbol.name = std::string(key);
  symbol.kind = SymbolKind::Section;
  symbol.range = spanOf(entry->key->range, entry->value);
  symbol.selectionRange = entry->key->range;
  return symbol;
}

} // namespace

std::vector<DocumentSymbol> documentSymbols(const Document &document) {
  std::vector<DocumentSymbol> symbols;
  if (!document.analyzed.parsed)
    return symbols;
  std::string_view text = document.file->text();
  const ir::Template &tmpl = document.tmpl();
  if (auto parameters = section(tmpl, "Parameters")) {
    for (const ir::Parameter &parameter : tmpl.parameters)
      parameters->children.push_back({parameter.name.text, parameter.type, SymbolKind::Parameter,
                                      spanOf(parameter.name.range, parameter.decl),
                                      unquotedRange(text, parameter.name.range), {}});
    symbols.push_back(std::move(*parameters));
  }
  if (auto tasks = section(tmpl, "Tasks")) {
    for (const ir::Task &task : tmpl.tasks)
      tasks->children.push_back(taskSymbol(text, task));
    symbols.push_back(std::move(*tasks));
  }
  if (auto outputs = section(tmpl, "Outputs")) {
    for (const ir::OutputDecl &output : tmpl.outputs)
      outputs->children.push_back(outputSymbol(text, output));
    symbols.push_back(std::move(*outputs));
  }
  return symbols;
}

} // namespace oosc::lsp
