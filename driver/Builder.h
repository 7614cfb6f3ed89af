//===- Builder.h - oosc build: templates into a runner executable ---------===//
#pragma once

#include "driver/Linter.h"

#include <string>
#include <vector>

namespace oosc::driver {

/// Where the runtime a runner links against lives (baked in at oosc's build).
struct RuntimeLocation {
  std::string includeDir;
  /// The headers of the cloud's rooms the runner's main needs: the API
  /// table's (apis/include, for the entries it carries) and the OpenAPI
  /// client's (openapi/include, for --cloud aliyun).
  std::vector<std::string> cloudIncludeDirs;
  std::string library;
  std::string actionsDir; ///< the cloud-product action library (templates)
  std::vector<std::string> linkFlags;
  /// The compiler the library was built with: the default for runners, so
  /// that a sanitized library meets the sanitizer runtime it was built for.
  std::string compiler;
  /// Flags every runner is compiled and linked with because the library
  /// was (the sanitizers of a sanitized build; empty otherwise).
  std::vector<std::string> compileFlags;
};

struct BuildOptions {
  std::vector<std::string> templates;
  std::string output;
  std::string emitCppDir; ///< keep the generated C++ here ("" = a temporary directory)
  /// Folders of product-action definitions searched before the built-in
  /// library (see ActionFolders.h); the caller resolves the defaults.
  std::vector<std::string> actionFolders;
  std::string compiler;   ///< "" = $CXX, else runtime.compiler, else c++
  RuntimeLocation runtime;
  std::string compilerVersion;
};

struct BuildResult {
  bool ok = false;
  /// Lint reports of the inputs when they have errors (the build stops).
  std::vector<FileReport> lintReports;
  /// Anything else that went wrong, one message a line.
  std::vector<std::string> errors;
  /// The generated files, for --emit-cpp and for tests.
  std::vector<std::string> generatedFiles;
};

/// Lints, generates C++ for the templates and the product actions they use,
/// and compiles them with the system compiler into `options.output`.
BuildResult buildRunner(const BuildOptions &options);

/// The file name of a template without directory and extension: the name a
/// busybox-style runner and ACS::Template know it by.
std::string templateName(const std::string &path);

} // namespace oosc::driver
