//===- ActionLibrary.cpp - Listing and reading the actions a task may use ===//
#include "lsp/features/ActionLibrary.h"

#include "driver/Linter.h"
#include "support/Spelling.h"

#include <algorithm>
#include <filesystem>

namespace oosc::lsp {
namespace {

namespace fs = std::filesystem;

/// The library directory, when the build says where it is.
std::optional<fs::path> libraryDirectory() {
#ifdef OOSC_ACTIONS_DIR
  fs::path directory(OOSC_ACTIONS_DIR);
  std::error_code error;
  if (fs::is_directory(directory, error))
    return directory;
#endif
  return std::nullopt;
}

bool isYaml(const fs::path &path) {
  return path.extension() == ".yaml" || path.extension() == ".yml";
}

/// A description as a single string: a plain string or the `en` text of an i18n map.
std::string textOf(const ir::Node *node) {
  node = ir::resolve(node);
  if (!node)
    return {};
  if (node->isScalar())
    return node->value;
  if (const ir::Node *english = node->isMapping() ? ir::resolve(node->get("en")) : nullptr)
    return english->isScalar() ? english->value : std::string();
  return {};
}

std::string sourceSlice(const SourceFile &file, const ir::Node *node) {
  if (!node)
    return {};
  if (node->isScalar())
    return node->value;
  std::string_view text = file.text();
  return std::string(text.substr(node->range.begin, node->range.end - node->range.begin));
}

ProductAction summarize(std::string name, const SourceFile &file,
                        const frontend::ParsedTemplate &parsed) {
  ProductAction action;
  action.name = std::move(name);
  if (parsed.tmpl.root && parsed.tmpl.root->isMapping())
    action.description = textOf(parsed.tmpl.root->get("Description"));
  for (const ir::Parameter &parameter : parsed.tmpl.parameters)
    action.properties.push_back({parameter.name.text, parameter.type,
                                 sourceSlice(file, ir::resolve(parameter.defaultValue)),
                                 parameter.defaultValue == nullptr});
  for (const ir::OutputDecl &output : parsed.tmpl.outputs) {
    const ir::Node *type = ir::resolve(output.type);
    action.outputs.push_back({output.name.text, type && type->isScalar() ? type->value : "String",
                              "", false});
  }
  return action;
}

} // namespace

std::vector<BuiltinAction> builtinActions() {
  return {
      {"ACS::ExecuteAPI", "calls a cloud product's OpenAPI"},
      {"ACS::WaitFor", "calls an API until a selected value reaches the desired value"},
      {"ACS::CheckFor", "calls an API once and fails unless a selected value is the desired one"},
      {"ACS::Choice", "goes to the first task whose When holds, else to DefaultTask"},
      {"ACS::Sleep", "waits for a duration"},
      {"ACS::Template", "runs another template as a child execution"},
      {"ACS::Approve", "waits for a person to approve the execution"},
      {"ACS::Notify", "sends a notification (webhook)"},
      {"ACS::Pause", "pauses the execution until it is resumed"},
      {"ACS::SelectTargets", "selects the resources the following tasks work on"},
      {"ACS::TimerTrigger", "runs the remaining tasks on a schedule"},
      {"ACS::EventTrigger", "runs the remaining tasks when a cloud event occurs"},
      {"ACS::AlarmTrigger", "runs the remaining tasks when a CloudMonitor alarm fires"},
      {"ACS::ExecuteHttpRequest", "sends an HTTP request"},
      {"ACS::Loop", "runs a task for each item of a list"},
  };
}

const BuiltinAction *findBuiltinAction(const std::vector<BuiltinAction> &actions,
                                       std::string_view name) {
  for (const BuiltinAction &action : actions)
    if (equalsIgnoreCase(action.name, name))
      return &action;
  return nullptr;
}

std::vector<std::string> productActionNames() {
  std::vector<std::string> names;
  std::optional<fs::path> directory = libraryDirectory();
  if (!directory)
    return names;
  std::error_code error;
  for (const fs::directory_entry &product : fs::directory_iterator(*directory, error)) {
    if (!product.is_directory())
      continue;
    for (const fs::directory_entry &file : fs::directory_iterator(product.path(), error))
      if (file.is_regular_file() && isYaml(file.path()))
        names.push_back("ACS::" + product.path().filename().string() + "::" +
                        file.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<ProductAction> loadProductAction(std::string_view name) {
  std::optional<fs::path> directory = libraryDirectory();
  if (!directory)
    return std::nullopt;
  for (const std::string &known : productActionNames()) {
    if (!equalsIgnoreCase(known, name))
      continue;
    // ACS::<Product>::<Name> lives in <Product>/<Name>.yaml.
    std::string_view rest = std::string_view(known).substr(5);
    size_t separator = rest.find("::");
    fs::path path = *directory / std::string(rest.substr(0, separator)) /
                    (std::string(rest.substr(separator + 2)) + ".yaml");
    std::string error;
    std::optional<std::string> text = driver::readFile(path.string(), error);
    if (!text)
      return std::nullopt;
    SourceFile file(path.string(), std::move(*text));
    DiagnosticEngine diagnostics(file);
    frontend::ParsedTemplate parsed = frontend::parseTemplate(file, diagnostics);
    return summarize(known, file, parsed);
  }
  return std::nullopt;
}

} // namespace oosc::lsp
