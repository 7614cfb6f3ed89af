//===- RunTemplates.cpp -----------------------------------------------------===//
#include "driver/RunTemplates.h"

#include "driver/Linter.h"
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

RunTemplates::RunTemplates(const std::vector<std::string> &paths) {
  // The first of twins (x.yaml and x.json) wins, in the order given.
  for (const std::string &path : paths)
    pathByName.emplace(std::filesystem::path(path).stem().string(), path);
}

RunTemplates RunTemplates::besides(const std::string &path) {
  std::vector<std::string> siblings;
  std::error_code error;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  for (const auto &entry : std::filesystem::directory_iterator(folder.empty() ? "." : folder, error)) {
    std::string extension = entry.path().extension().string();
    if (extension == ".yaml" || extension == ".yml" || extension == ".json")
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
