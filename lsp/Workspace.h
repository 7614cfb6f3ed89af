//===- Workspace.h - The open documents and their analyses ----------------===//
#pragma once

#include "lsp/Document.h"

#include <llvm/Support/JSON.h>

#include <map>
#include <memory>

namespace oosc::lsp {

/// Documents by URI. Every change re-analyses the whole document (a 1,000
/// line template takes a few milliseconds), so an analysis never mixes
/// versions. The parse of a document (its node tree, most of its memory) is
/// kept for the few documents used last and rebuilt on demand for the
/// others: editors keep many files open but work in one or two.
class Workspace {
public:
  /// Parses kept at once; a reparse costs milliseconds.
  static constexpr size_t kKeptParses = 8;

  const Document &open(const std::string &uri, int64_t version, std::string text);
  /// Applies full or incremental changes (LSP contentChanges); nothing when
  /// the document is not open or a change is malformed (`error` says why).
  const Document *change(const std::string &uri, int64_t version, const llvm::json::Array &changes,
                         std::string &error);
  void close(const std::string &uri);
  /// The document with its parse, rebuilt if it was dropped; nothing when
  /// the document is not open.
  const Document *find(const std::string &uri);

private:
  void analyze(Document &document, std::string text);
  /// Marks the document's parse as used last, dropping the oldest parse.
  void keepParse(Document &document);

  std::map<std::string, std::unique_ptr<Document>> documents_;
  std::vector<Document *> recentParses_; ///< most recent last
};

/// The file path in a file:// URI (percent-decoded), or the URI itself.
std::string pathOfUri(const std::string &uri);
/// A file:// URI for a path, percent-encoding what URIs do not allow.
std::string uriOfPath(const std::string &path);

} // namespace oosc::lsp
