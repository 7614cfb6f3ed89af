//===- Features.h - Navigation and editing features over an analysis -----===//
//
// The language server's feature layer: no JSON-RPC, no UTF-16. Positions are
// byte offsets into the document; Server.cpp converts at the protocol
// boundary. Each feature lives in its own file under lsp/features/.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lsp/Document.h"

#include <optional>
#include <string>
#include <vector>

namespace oosc::lsp {

/// Markdown for the thing under the cursor: a parameter (type, default,
/// constraints, description), a task output (type, selector, task), an
/// action name (what it is and its properties), a task name (its action).
struct HoverResult {
  std::string markdown;
  SourceRange range;
};
std::optional<HoverResult> hover(const Document &document, uint32_t offset);
/// The hover of an API task's Service, API, a parameter under Parameters or
/// a field of a selector over the answer (CloudHover.cpp).
std::optional<HoverResult> hoverCloudCall(const Document &document, uint32_t offset);

/// Where the name under the cursor is declared: from `{{ param }}`,
/// `{{ task.output }}`, OnError/OnSuccess/NextTask/DefaultTask and
/// AggregateField to the declaration's name.
std::vector<SourceRange> definition(const Document &document, uint32_t offset);

/// Every use of the parameter, task or output under the cursor (references
/// inside interpolated strings, jump targets, AggregateField), and its
/// declaration when asked.
std::vector<SourceRange> references(const Document &document, uint32_t offset,
                                    bool includeDeclaration);

struct TextEdit {
  SourceRange range;
  std::string newText;
};

/// Renames the parameter, task or output under the cursor everywhere; an
/// error (nothing renamed) when the new name is taken or not a valid name.
struct RenameResult {
  std::vector<TextEdit> edits;
  std::string error;
};
RenameResult rename(const Document &document, uint32_t offset, const std::string &newName);

enum class CompletionKind : uint8_t { Parameter, Task, Output, Pseudo, Action, Key, Keyword, Service, Api, Field };

struct CompletionItem {
  std::string label;
  CompletionKind kind;
  std::string detail;
  /// Replaces this range (the partial word before the cursor).
  SourceRange replace;
  /// How the editor orders the items, when not by label (required API
  /// parameters first).
  std::string sortText = {};
};
/// Inside `{{ }}`: parameters, tasks, `task.` outputs and pseudo parameters;
/// after OnError/OnSuccess/NextTask/DefaultTask: task names and keywords;
/// after `Action:`: action names; at the start of a key: the keys valid at
/// that level (template, parameter, task). In an ACS::ExecuteAPI, WaitFor or
/// CheckFor task: service names after `Service:`, the service's APIs after
/// `API:`, the API's parameters under `Parameters` and the answer's fields in
/// a ValueSelector or PropertySelector (CloudCompletion.cpp).
std::vector<CompletionItem> completion(const Document &document, uint32_t offset);

enum class SymbolKind : uint8_t { Parameter, Task, Output, Section };

struct DocumentSymbol {
  std::string name;
  std::string detail; ///< a task's action, a parameter's type
  SymbolKind kind;
  SourceRange range;          ///< the whole declaration
  SourceRange selectionRange; ///< its name
  std::vector<DocumentSymbol> children;
};
/// The outline: Parameters, Tasks (with their action and outputs), Outputs.
std::vector<DocumentSymbol> documentSymbols(const Document &document);

/// ACS::Template's TemplateName naming a template in the document's folder
/// (`name.yaml`, `name.yml` or `name.json`): that file, analysed, and the
/// range of the name in this document. Nothing for other positions.
struct NestedTemplate {
  std::string path;
  std::shared_ptr<const SourceFile> file;
  driver::AnalyzedSource analyzed;
  SourceRange nameRange;
};
std::optional<NestedTemplate> nestedTemplateAt(const Document &document, uint32_t offset);

/// Hover for a nested template: its parameters and outputs.
std::string describeNestedTemplate(const NestedTemplate &nested);

/// Quick fixes: the fix-its of the diagnostics that overlap `range`
/// (did-you-mean names, the declared case of a reference).
struct CodeAction {
  std::string title;
  std::vector<TextEdit> edits;
  const Diagnostic *diagnostic = nullptr;
};
std::vector<CodeAction> codeActions(const Document &document, SourceRange range);

} // namespace oosc::lsp
