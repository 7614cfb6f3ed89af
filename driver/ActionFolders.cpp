//===- ActionFolders.cpp ----------------------------------------------------===//
#include "driver/ActionFolders.h"

#include "driver/Config.h"
#include "frontend/Frontend.h"
#include "support/Spelling.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace oosc::driver {
namespace fs = std::filesystem;

namespace {

/// YAML before JSON: Alibaba publishes both and the YAML is the one people
/// read; a fixed preference keeps the choice independent of directory order.
int preference(const fs::path &path) { return path.extension() == ".json" ? 1 : 0; }

} // namespace

std::optional<std::string> actionNamedByFile(const std::string &path) {
  std::string stem = fs::path(path).stem().string();
  if (stem.size() < 6 || !equalsIgnoreCase(std::string_view(stem).substr(0, 5), "ACS::"))
    return std::nullopt;
  size_t separator = stem.find("::", 5);
  if (separator == std::string::npos || separator == 5 || separator + 2 >= stem.size())
    return std::nullopt;
  return stem;
}

std::optional<std::string> definitionNamedByFile(const std::string &path) {
  if (std::optional<std::string> action = actionNamedByFile(path))
    return action;
  std::string stem = fs::path(path).stem().string();
  if (stem.size() > 4 && equalsIgnoreCase(std::string_view(stem).substr(0, 4), "ACS-"))
    return stem;
  return std::nullopt;
}

std::string userActionFolder() {
  if (const char *data = std::getenv("XDG_DATA_HOME"); data && *data)
    return (fs::path(data) / "oosc" / "actions").string();
  if (const char *home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".local" / "share" / "oosc" / "actions").string();
  return "";
}

std::vector<std::string> actionFolders(const std::vector<std::string> &given, const std::string &templatePath) {
  std::vector<std::string> folders = given;
  if (!templatePath.empty()) {
    std::shared_ptr<const Config> config = configFor(templatePath); // held: the loop reads into it
    folders.insert(folders.end(), config->actionFolders.begin(), config->actionFolders.end());
  }
  std::string user = userActionFolder();
  std::error_code error;
  if (!user.empty() && fs::is_directory(user, error))
    folders.push_back(user);
  return folders;
}

ActionIndex::ActionIndex(const std::vector<std::string> &folders, const std::string &builtIn) : builtIn_(builtIn) {
  for (const std::string &folder : folders)
    addFolder(folder);
  if (!builtIn.empty())
    addBuiltIn(builtIn);
}

void ActionIndex::addFolder(const std::string &folder) {
  std::vector<fs::path> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(folder, fs::directory_options::skip_permission_denied, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error))
    if (it->is_regular_file(error) && frontend::isTemplateFileName(it->path().string()) &&
        definitionNamedByFile(it->path().string()))
      files.push_back(it->path());
  std::sort(files.begin(), files.end(), [](const fs::path &a, const fs::path &b) {
    return preference(a) != preference(b) ? preference(a) < preference(b) : a < b;
  });
  // An earlier folder, or a preferred file of this one, keeps the name.
  for (const fs::path &file : files)
    byName_.emplace(foldCase(*definitionNamedByFile(file.string())), file.string());
}

void ActionIndex::addBuiltIn(const std::string &folder) {
  std::error_code error;
  for (const auto &product : fs::directory_iterator(folder, error)) {
    if (!product.is_directory(error))
      continue;
    for (const auto &file : fs::directory_iterator(product.path(), error))
      if (frontend::isTemplateFileName(file.path().string()))
        byName_.emplace(foldCase("ACS::" + product.path().filename().string() + "::" + file.path().stem().string()),
                        file.path().string());
  }
}

std::optional<std::string> ActionIndex::find(std::string_view action) const {
  auto found = byName_.find(foldCase(action));
  if (found == byName_.end())
    return std::nullopt;
  return found->second;
}

bool ActionIndex::isBuiltIn(const std::string &path) const {
  return !builtIn_.empty() && fs::path(path).lexically_relative(builtIn_).native().rfind("..", 0) != 0;
}

} // namespace oosc::driver
