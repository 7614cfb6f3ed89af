//===- Document.h - One open document of the language server --------------===//
#pragma once

#include "driver/Linter.h"

#include <string>

namespace oosc::lsp {

/// An open document: its text (as a SourceFile) and the last analysis of it.
struct Document {
  std::string uri;
  int64_t version = 0;
  std::shared_ptr<const SourceFile> file;
  driver::AnalyzedSource analyzed;

  const ir::Template &tmpl() const { return analyzed.parsed->tmpl; }
};

/// How the server analyses a text: as `oosc lint` does, but without libjq
/// confirming rejected jq scripts (see driver::SourceOptions for why).
inline driver::SourceOptions serverAnalysis() {
  driver::SourceOptions options;
  options.confirmJqWithLibjq = false;
  return options;
}

} // namespace oosc::lsp
