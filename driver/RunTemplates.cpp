//===- RunTemplates.cpp -----------------------------------------------------===//
#include "driver/RunTemplates.h"

#include "driver/ActionFolders.h"
#include "driver/Linter.h"
#include "support/Spelling.h"
#include "frontend/Frontend.h"

#include <algorithm>
#include <filesystem>

namespace oosc::driver {
namespace {

std::unique_ptr<analysis::Callee> readCallee(const std::string &path, std::string_view name) {
  std::string error;
  std::optional<std::string> text = readFile(path, error);
  if (!text)
    return nullptr;
  SourceFile file(path, std::move(*text));
  DiagnosticEngine ignored(file); // the child's own lint reports its problems
  frontend::ParsedTemplate parsed = frontend::parseTemplate(file, ignored);
  if (!parsed.tmpl.root)
    return nullptr;
  return std::make_unique<analysis::Callee>(analysis::calleeOf(parsed.tmpl, name));
}

} // namespace

RunTemplates::RunTemplates(const std::vector<std::string> &paths, const std::vector<std::string> &actionFolders) {
  // The first of twins (x.yaml and x.json) wins, in the order given.
  for (const std::string &path : paths) {
    pathByName.emplace(std::filesystem::path(path).stem().string(), path);
    if (std::optional<std::string> action = actionNamedByFile(path))
      actions.emplace(foldCase(*action), path);
  }
  if (actionFolders.empty())
    return;
  // Only the folders: the built-in library's actions are the catalogue's.
  ActionIndex index(actionFolders, "");
  for (const auto &[name, path] : index.entries())
    actions.emplace(name, path);
}

const analysis::Callee *RunTemplates::findAction(std::string_view action) const {
  auto path = actions.find(foldCase(action));
  if (path == actions.end())
    return nullptr;
  std::lock_guard<std::mutex> lock(mutex);
  auto known = readActions.find(path->first);
  if (known == readActions.end()) {
    std::unique_ptr<analysis::Callee> callee = readCallee(path->second, action);
    if (callee) {
      callee->title = "action '" + std::string(action) + "' (" + path->second + ")";
      callee->member = "property";
    }
    known = readActions.emplace(path->first, std::move(callee)).first;
  }
  return known->second.get();
}

RunTemplates RunTemplates::besides(const std::string &path) {
  std::vector<std::string> siblings;
  std::error_code error;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (const auto &entry : std::filesystem::directory_iterator(folder.empty() ? "." : folder, error)) {
    if (frontend::isTemplateFileName(entry.path().string()))
      siblings.push_back(entry.path().string());
  }
  // Sorted, so which of twins (x.json, x.yaml) stands for x does not depend
  // on the order the directory lists them in.
  std::sort(siblings.begin(), siblings.end());
  return RunTemplates(siblings);
}

const analysis::Callee *RunTemplates::find(std::string_view templateName) const {
  auto path = pathByName.find(templateName);
  if (path == pathByName.end())
    return nullptr;
  std::lock_guard<std::mutex> lock(mutex);
  auto known = read.find(templateName);
  if (known == read.end())
    known = read.emplace(std::string(templateName), readCallee(path->second, templateName)).first;
  return known->second.get();
}

} // namespace oosc::driver
