//===- Server.cpp -------------------------------------------------------------===//
#include "lsp/Server.h"

#include "lsp/Features.h"
#include "lsp/Positions.h"
#include "lsp/Transport.h"

#include <llvm/Support/FormatVariadic.h>

#include <istream>

namespace oosc::lsp {
namespace {

using llvm::json::Array;
using llvm::json::Object;

// JSON-RPC error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;

int severityCode(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return 1;
  case Severity::Warning:
    return 2;
  case Severity::Note:
    return 3;
  }
  return 1;
}

Object diagnosticJson(const Document &document, const Diagnostic &diagnostic) {
  Object json{{"range", toJsonRange(*document.file, diagnostic.range)},
              {"severity", severityCode(diagnostic.severity)},
              {"code", std::string(ruleInfo(diagnostic.rule).name)},
              {"source", "oosc"},
              {"message", diagnostic.message}};
  Array related;
  for (const DiagnosticNote &note : diagnostic.notes)
    related.push_back(Object{
        {"location", Object{{"uri", document.uri},
                            {"range", toJsonRange(*document.file, note.range.value_or(diagnostic.range))}}},
        {"message", note.message}});
  if (!related.empty())
    json["relatedInformation"] = std::move(related);
  return json;
}

Array editsJson(const Document &document, const std::vector<TextEdit> &edits) {
  Array json;
  for (const TextEdit &edit : edits)
    json.push_back(Object{{"range", toJsonRange(*document.file, edit.range)}, {"newText", edit.newText}});
  return json;
}

Object workspaceEdit(const Document &document, const std::vector<TextEdit> &edits) {
  return Object{{"changes", Object{{document.uri, editsJson(document, edits)}}}};
}

Array locations(const Document &document, const std::vector<SourceRange> &ranges) {
  Array json;
  for (SourceRange range : ranges)
    json.push_back(Object{{"uri", document.uri}, {"range", toJsonRange(*document.file, range)}});
  return json;
}

int completionKindCode(CompletionKind kind) {
  switch (kind) {
  case CompletionKind::Parameter:
    return 6; // Variable
  case CompletionKind::Task:
    return 3; // Function
  case CompletionKind::Output:
    return 10; // Property
  case CompletionKind::Pseudo:
    return 21; // Constant
  case CompletionKind::Action:
    return 7; // Class
  case CompletionKind::Key:
    return 10;
  case CompletionKind::Keyword:
    return 14;
  case CompletionKind::Service:
    return 9; // Module
  case CompletionKind::Api:
    return 2; // Method
  case CompletionKind::Field:
    return 5; // Field
  }
  return 1;
}

int symbolKindCode(SymbolKind kind) {
  switch (kind) {
  case SymbolKind::Parameter:
    return 13; // Variable
  case SymbolKind::Task:
    return 12; // Function
  case SymbolKind::Output:
    return 7; // Property
  case SymbolKind::Section:
    return 3; // Namespace
  }
  return 13;
}

Object symbolJson(const Document &document, const DocumentSymbol &symbol) {
  Array children;
  for (const DocumentSymbol &child : symbol.children)
    children.push_back(symbolJson(document, child));
  return Object{{"name", symbol.name.empty() ? std::string("?") : symbol.name},
                {"detail", symbol.detail},
                {"kind", symbolKindCode(symbol.kind)},
                {"range", toJsonRange(*document.file, symbol.range)},
                {"selectionRange", toJsonRange(*document.file, symbol.selectionRange)},
                {"children", std::move(children)}};
}

std::string uriOf(const Object &params) {
  const Object *textDocument = params.getObject("textDocument");
  auto uri = textDocument ? textDocument->getString("uri") : llvm::None;
  return uri ? uri->str() : std::string();
}

} // namespace

void Server::reply(const Json &id, Json result) {
  Object message{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
  writeMessage(out_, llvm::formatv("{0}", Json(std::move(message))).str());
}

void Server::replyError(const Json &id, int code, const std::string &text) {
  Object message{{"jsonrpc", "2.0"}, {"id", id}, {"error", Object{{"code", code}, {"message", text}}}};
  writeMessage(out_, llvm::formatv("{0}", Json(std::move(message))).str());
}

void Server::notify(const std::string &method, Json params) {
  Object message{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
  writeMessage(out_, llvm::formatv("{0}", Json(std::move(message))).str());
}

void Server::publishDiagnostics(const Document &document) {
  Array diagnostics;
  for (const Diagnostic &diagnostic : document.analyzed.report.diagnostics)
    diagnostics.push_back(diagnosticJson(document, diagnostic));
  notify("textDocument/publishDiagnostics",
         Object{{"uri", document.uri}, {"version", document.version}, {"diagnostics", std::move(diagnostics)}});
}

/// Only what is implemented is declared.
Server::Json Server::initialize() {
  Object capabilities{
      {"textDocumentSync", Object{{"openClose", true}, {"change", 2}, {"save", Object{{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"renameProvider", true},
      {"completionProvider", Object{{"triggerCharacters", Array{"{", ".", ":", " "}}}},
      {"documentSymbolProvider", true},
      {"codeActionProvider", Object{{"codeActionKinds", Array{"quickfix"}}}},
  };
  return Object{{"capabilities", std::move(capabilities)},
                {"serverInfo", Object{{"name", "oosc"}, {"version", OOSC_VERSION}}}};
}

void Server::didOpen(const Object &params) {
  const Object *item = params.getObject("textDocument");
  auto uri = item ? item->getString("uri") : llvm::None;
  auto text = item ? item->getString("text") : llvm::None;
  if (!uri || !text)
    return;
  publishDiagnostics(workspace_.open(uri->str(), item->getInteger("version").getValueOr(0), text->str()));
}

void Server::didChange(const Object &params) {
  const Object *item = params.getObject("textDocument");
  const Array *changes = params.getArray("contentChanges");
  if (!item || !changes)
    return;
  std::string error;
  if (const Document *document = workspace_.change(uriOf(params), item->getInteger("version").getValueOr(0),
                                                   *changes, error))
    publishDiagnostics(*document);
}

void Server::didClose(const Object &params) {
  std::string uri = uriOf(params);
  workspace_.close(uri);
  // Clear the editor's list for a closed document.
  notify("textDocument/publishDiagnostics", Object{{"uri", uri}, {"diagnostics", Array{}}});
}

Server::Json Server::documentRequest(const std::string &method, const Object &params) {
  const Document *document = workspace_.find(uriOf(params));
  if (!document)
    return nullptr;
  const SourceFile &file = *document->file;
  auto position = positionFrom(params.get("position"));
  uint32_t offset = position ? toOffset(file, *position) : 0;
  // A TemplateName naming a template in the same folder leads there.
  if (auto nested = nestedTemplateAt(*document, offset)) {
    if (method == "textDocument/hover")
      return Object{{"contents", Object{{"kind", "markdown"}, {"value", describeNestedTemplate(*nested)}}},
                    {"range", toJsonRange(file, nested->nameRange)}};
    if (method == "textDocument/definition")
      return Array{Object{{"uri", uriOfPath(nested->path)},
                          {"range", toJsonRange(*nested->file, SourceRange::at(0))}}};
  }
  if (method == "textDocument/hover") {
    auto result = hover(*document, offset);
    if (!result)
      return nullptr;
    return Object{{"contents", Object{{"kind", "markdown"}, {"value", result->markdown}}},
                  {"range", toJsonRange(file, result->range)}};
  }
  if (method == "textDocument/definition")
    return locations(*document, definition(*document, offset));
  if (method == "textDocument/references") {
    const Object *context = params.getObject("context");
    bool declaration = context && context->getBoolean("includeDeclaration").getValueOr(false);
    return locations(*document, references(*document, offset, declaration));
  }
  if (method == "textDocument/completion") {
    Array items;
    for (const CompletionItem &item : completion(*document, offset)) {
      Object entry{{"label", item.label},
                   {"kind", completionKindCode(item.kind)},
                   {"detail", item.detail},
                   {"textEdit", Object{{"range", toJsonRange(file, item.replace)}, {"newText", item.label}}}};
      if (!item.sortText.empty())
        entry["sortText"] = item.sortText;
      items.push_back(std::move(entry));
    }
    return Object{{"isIncomplete", false}, {"items", std::move(items)}};
  }
  if (method == "textDocument/documentSymbol") {
    Array symbols;
    for (const DocumentSymbol &symbol : documentSymbols(*document))
      symbols.push_back(symbolJson(*document, symbol));
    return symbols;
  }
  if (method == "textDocument/codeAction") {
    const Object *range = params.getObject("range");
    auto start = range ? positionFrom(range->get("start")) : std::nullopt;
    auto end = range ? positionFrom(range->get("end")) : std::nullopt;
    SourceRange selection{start ? toOffset(file, *start) : 0, end ? toOffset(file, *end) : 0};
    Array actions;
    for (const CodeAction &action : codeActions(*document, selection)) {
      Object json{{"title", action.title}, {"kind", "quickfix"}, {"edit", workspaceEdit(*document, action.edits)}};
      if (action.diagnostic)
        json["diagnostics"] = Array{diagnosticJson(*document, *action.diagnostic)};
      actions.push_back(std::move(json));
    }
    return actions;
  }
  return nullptr;
}

std::optional<int> Server::handle(const std::string &body) {
  llvm::Expected<Json> parsed = llvm::json::parse(body);
  if (!parsed) {
    llvm::consumeError(parsed.takeError());
    replyError(nullptr, kParseError, "the message is not JSON");
    return std::nullopt;
  }
  const Object *message = parsed->getAsObject();
  auto method = message ? message->getString("method") : llvm::None;
  const Json *id = message ? message->get("id") : nullptr;
  if (!method) {
    if (id)
      replyError(*id, kInvalidRequest, "a request needs a method");
    return std::nullopt; // a response from the client, or garbage: nothing to say
  }
  static const Object empty;
  const Object *params = message->getObject("params");
  if (!params)
    params = &empty;
  std::string name = method->str();
  if (name == "exit")
    return shutdown_ ? 0 : 1;
  if (!id) { // a notification
    if (name == "textDocument/didOpen")
      didOpen(*params);
    else if (name == "textDocument/didChange")
      didChange(*params);
    else if (name == "textDocument/didClose")
      didClose(*params);
    return std::nullopt; // initialized, didSave and unknown notifications need nothing
  }
  if (name == "initialize")
    reply(*id, initialize());
  else if (name == "shutdown") {
    shutdown_ = true;
    reply(*id, nullptr);
  } else if (name == "textDocument/rename") {
    const Document *document = workspace_.find(uriOf(*params));
    auto position = positionFrom(params->get("position"));
    auto newName = params->getString("newName");
    if (!document || !position || !newName) {
      replyError(*id, kInvalidParams, "rename needs an open document, a position and newName");
      return std::nullopt;
    }
    RenameResult result = rename(*document, toOffset(*document->file, *position), newName->str());
    if (!result.error.empty())
      replyError(*id, kInvalidParams, result.error);
    else
      reply(*id, workspaceEdit(*document, result.edits));
  } else if (name.rfind("textDocument/", 0) == 0 &&
             (name == "textDocument/hover" || name == "textDocument/definition" ||
              name == "textDocument/references" || name == "textDocument/completion" ||
              name == "textDocument/documentSymbol" || name == "textDocument/codeAction"))
    reply(*id, documentRequest(name, *params));
  else
    replyError(*id, kMethodNotFound, "method not supported: " + name);
  return std::nullopt;
}

int Server::run(std::istream &in) {
  std::string error;
  while (auto body = readMessage(in, error)) {
    if (!error.empty()) {
      replyError(nullptr, kParseError, error);
      continue;
    }
    if (auto status = handle(*body))
      return *status;
  }
  // The client went away without `exit`.
  return shutdown_ ? 0 : 1;
}

} // namespace oosc::lsp
