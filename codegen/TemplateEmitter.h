//===- TemplateEmitter.h - One template as a C++ translation unit ---------===//
#pragma once

#include "analysis/CloudCalls.h"
#include "ir/Template.h"
#include "support/SourceFile.h"

#include <string>
#include <vector>

namespace oosc::codegen {

struct CodegenOptions {
  std::string compilerVersion;
};

/// A template to compile: its file, its IR and the name it is run by (the
/// file name without extension, or the action name for product actions).
struct TemplateUnit {
  const SourceFile &file;
  const ir::Template &tmpl;
  std::string name;
  /// Distinguishes a product action from a user template of the same name.
  bool isAction = false;
  /// The product actions built with it, whose definitions say what a
  /// parameter passed to one of them is (pickers); may be null.
  const analysis::ActionTemplates *actions = nullptr;
};

struct GeneratedUnit {
  std::string code;   ///< a complete .cpp file
  std::string symbol; ///< `const oosc::runtime::TemplateDef &SYMBOL()` defined in it
};

/// Emits the C++ for one template; problems that make it uncompilable are
/// appended to `errors` (the linter catches nearly all of them first).
GeneratedUnit emitTemplate(const TemplateUnit &unit, const CodegenOptions &options,
                           std::vector<std::string> &errors);

/// The runner's main(): the templates (the first is the default), the
/// product actions compiled with them and the API table entries they call
/// (\p apiSubset, from emitApiSubset).
std::string emitMain(const std::vector<std::string> &templateSymbols,
                     const std::vector<std::string> &actionSymbols, const std::string &apiSubset,
                     const CodegenOptions &options);

} // namespace oosc::codegen
