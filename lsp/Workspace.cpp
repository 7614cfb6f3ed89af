//===- Workspace.cpp --------------------------------------------------------===//
#include "lsp/Workspace.h"

#include "driver/RunTemplates.h"
#include "support/Spelling.h"
#include "support/Uri.h"

#include "lsp/Positions.h"

#include <algorithm>

namespace oosc::lsp {

std::string pathOfUri(const std::string &uri) {
  if (uri.rfind("file://", 0) != 0)
    return uri;
  std::string path;
  for (size_t i = 7; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      path += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return path;
}

std::string uriOfPath(const std::string &path) { return "file://" + percentEncodePath(path); }

namespace {

bool nestsTemplates(std::string_view text) {
  for (size_t at = text.find("::"); at != std::string_view::npos; at = text.find("::", at + 2))
    if (at >= 3 && equalsIgnoreCase(text.substr(at - 3, 13), "ACS::Template"))
      return true;
  return false;
}

/// A folder of templates is the editor's lint run, so an ACS::Template is
/// checked against its siblings; listing the folder is only worth it when
/// the document nests templates.
driver::AnalyzedSource analyzeInFolder(std::shared_ptr<const SourceFile> file) {
  driver::SourceOptions options = serverAnalysis();
  if (!nestsTemplates(file->text()))
    return driver::analyzeSource(std::move(file), options);
  driver::RunTemplates siblings = driver::RunTemplates::besides(file->path());
  options.templates = &siblings;
  return driver::analyzeSource(std::move(file), options);
}

} // namespace

void Workspace::analyze(Document &document, std::string text) {
  document.file = std::make_shared<const SourceFile>(pathOfUri(document.uri), std::move(text));
  document.analyzed = analyzeInFolder(document.file);
  keepParse(document);
}

void Workspace::keepParse(Document &document) {
  recentParses_.erase(std::remove(recentParses_.begin(), recentParses_.end(), &document),
                      recentParses_.end());
  recentParses_.push_back(&document);
  if (recentParses_.size() > kKeptParses) {
    recentParses_.front()->analyzed.parsed.reset();
    recentParses_.erase(recentParses_.begin());
  }
}

const Document &Workspace::open(const std::string &uri, int64_t version, std::string text) {
  auto document = std::make_unique<Document>();
  document->uri = uri;
  document->version = version;
  analyze(*document, std::move(text));
  return *(documents_[uri] = std::move(document));
}

const Document *Workspace::change(const std::string &uri, int64_t version,
                                  const llvm::json::Array &changes, std::string &error) {
  auto it = documents_.find(uri);
  if (it == documents_.end()) {
    error = "didChange for a document that is not open: " + uri;
    return nullptr;
  }
  Document &document = *it->second;
  std::string text(document.file->text());
  for (const llvm::json::Value &change : changes) {
    const llvm::json::Object *object = change.getAsObject();
    auto newText = object ? object->getString("text") : llvm::None;
    if (!newText) {
      error = "a content change without text";
      return nullptr;
    }
    const llvm::json::Object *range = object->getObject("range");
    if (!range) {
      text = newText->str(); // a full-document change
      continue;
    }
    // Offsets are taken against the text as changed so far, as LSP orders them.
    SourceFile current(document.file->path(), text);
    auto start = positionFrom(range->get("start"));
    auto end = positionFrom(range->get("end"));
    if (!start || !end) {
      error = "a content change with a malformed range";
      return nullptr;
    }
    uint32_t from = toOffset(current, *start), to = std::max(from, toOffset(current, *end));
    text.replace(from, to - from, newText->str());
  }
  document.version = version;
  analyze(document, std::move(text));
  return &document;
}

void Workspace::close(const std::string &uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end())
    return;
  recentParses_.erase(std::remove(recentParses_.begin(), recentParses_.end(), it->second.get()),
                      recentParses_.end());
  documents_.erase(it);
}

const Document *Workspace::find(const std::string &uri) {
  auto it = documents_.find(uri);
  if (it == documents_.end())
    return nullptr;
  Document &document = *it->second;
  if (!document.analyzed.parsed)
    document.analyzed = analyzeInFolder(document.file); // same text, same result
  keepParse(document);
  return &document;
}

} // namespace oosc::lsp
