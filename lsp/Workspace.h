//===- Workspace.h - The open documents and their analyses ----------------===//
#pragma once

#include "lsp/Document.h"

#include <llvm/Support/JSON.h>

#include <map>
#include <memory>

namespace oosc::lsp {

/// Documents by URI. Every change re-analyses the whole document (a 1,000
/// line template takes about a millisecond), so an analysis never mixes
/// versions.
class Workspace {
public:
  const Document &open(const std::string &uri, int64_t version, std::string text);
  /// Applies full or incremental changes (LSP contentChanges); nothing when
  /// the document is not open or a change is malformed (`error` says why).
  const Document *change(const std::string &uri, int64_t version, const llvm::json::Array &changes,
                         std::string &error);
  void close(const std::string &uri);
  const Document *find(const std::string &uri) const;

private:
  void analyze(Document &document, std::string text);

  std::map<std::string, std::unique_ptr<Document>> documents_;
};

/// The file path in a file:// URI (percent-decoded), or the URI itself.
std::string pathOfUri(const std::string &uri);

} // namespace oosc::lsp
