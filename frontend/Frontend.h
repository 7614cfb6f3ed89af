//===- Frontend.h - From a template file to the IR -------------------------===//
//
// The frontend's single entry point. yaml-cpp and ANTLR stay behind it.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Template.h"
#include "support/DiagnosticEngine.h"

#include <memory>
#include <string_view>

namespace oosc::frontend {

struct ParsedTemplate {
  std::unique_ptr<ir::Document> document;
  ir::Template tmpl;
  /// False when a syntax error cut the document short; whole-template checks
  /// (missing keys, undefined names, reachability) are then unreliable.
  bool complete = true;
};

ParsedTemplate parseTemplate(const SourceFile &file, DiagnosticEngine &diagnostics);

/// Whether a file named \p path is one a folder of templates holds: .yml,
/// .yaml or .json, the forms OOS accepts.
bool isTemplateFileName(std::string_view path);

} // namespace oosc::frontend
