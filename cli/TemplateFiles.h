//===- TemplateFiles.h - From command-line paths to template files ---------===//
#pragma once

#include <string>
#include <vector>

namespace oosc::cli {

/// Expands directories into the .yml, .yaml and .json files below them
/// (sorted, hidden directories and files skipped) and keeps files as given. Paths that
/// do not exist or cannot be listed are described in `problems`.
std::vector<std::string> collectTemplateFiles(const std::vector<std::string> &paths,
                                              std::vector<std::string> &problems);

} // namespace oosc::cli
