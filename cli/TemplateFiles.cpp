//===- TemplateFiles.cpp ----------------------------------------------------===//
#include "cli/TemplateFiles.h"
#include "frontend/Frontend.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace oosc::cli {
namespace fs = std::filesystem;

namespace {

void walkDirectory(const std::string &root, std::vector<std::string> &files,
                   std::vector<std::string> &problems) {
  std::error_code error;
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::path &path = it->path();
    std::string name = path.filename().string();
    std::error_code statusError;
    if (it->is_directory(statusError)) {
      if (name.size() > 1 && name[0] == '.')
        it.disable_recursion_pending();
      continue;
    }
    // Hidden files (.oosc.yaml, .pre-commit-hooks.yaml) are settings, not templates.
    if (it->is_regular_file(statusError) && frontend::isTemplateFileName(path.string()) && name[0] != '.')
      found.push_back(path.string());
  }
  if (error)
    problems.push_back("cannot list '" + root + "': " + error.message());
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
}

} // namespace

std::vector<std::string> collectTemplateFiles(const std::vector<std::string> &paths,
                                              std::vector<std::string> &problems) {
  std::vector<std::string> files;
  for (const std::string &path : paths) {
    std::error_code error;
    fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      problems.push_back("cannot read '" + path + "': " +
                         (error ? error.message() : std::string("no such file or directory")));
      continue;
    }
    if (fs::is_directory(status))
      walkDirectory(path, files, problems);
    else
      files.push_back(path);
  }
  return files;
}

} // namespace oosc::cli
