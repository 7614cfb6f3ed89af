//===- Server.h - The language server's protocol layer ----------------------===//
//
// Methods to handlers, JSON to the feature layer and back, lifecycle and
// diagnostics. Knows JSON-RPC; the features (Features.h) do not.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lsp/Workspace.h"

#include <iosfwd>
#include <optional>

namespace oosc::lsp {

class Server {
public:
  explicit Server(std::ostream &out) : out_(out) {}

  /// Serves until `exit` or the end of input; returns the exit status
  /// (0 after shutdown, 1 otherwise, as the protocol asks).
  int run(std::istream &in);

  /// Handles one message body; an exit status when the session is over.
  std::optional<int> handle(const std::string &body);

private:
  using Json = llvm::json::Value;

  void reply(const Json &id, Json result);
  void replyError(const Json &id, int code, const std::string &message);
  void notify(const std::string &method, Json params);
  void publishDiagnostics(const Document &document);

  Json initialize();
  void didOpen(const llvm::json::Object &params);
  void didChange(const llvm::json::Object &params);
  void didClose(const llvm::json::Object &params);
  /// Answers a textDocument request that works at a position or range of an
  /// open document; a document never opened gets a null result.
  Json documentRequest(const std::string &method, const llvm::json::Object &params);

  std::ostream &out_;
  Workspace workspace_;
  bool shutdown_ = false;
};

} // namespace oosc::lsp
