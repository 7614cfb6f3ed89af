//===- Config.cpp -----------------------------------------------------------===//
#include "driver/Config.h"

#include "driver/Linter.h"
#include "frontend/TextChecks.h"
#include "frontend/YamlLoader.h"

#include <filesystem>
#include <fnmatch.h>

namespace oosc::driver {
namespace fs = std::filesystem;

namespace {

std::optional<std::optional<Severity>> severityNamed(const std::string &name) {
  if (name == "off") // in place: g++ 12 takes a moved empty optional for uninitialised
    return std::optional<std::optional<Severity>>(std::in_place);
  if (name == "error")
    return std::optional<Severity>(Severity::Error);
  if (name == "warning")
    return std::optional<Severity>(Severity::Warning);
  if (name == "note")
    return std::optional<Severity>(Severity::Note);
  return std::nullopt;
}

Config readConfig(const std::string &path, std::string text) {
  Config config;
  config.path = path;
  config.directory = fs::path(path).parent_path().string();
  SourceFile file(path, std::move(text));
  auto problem = [&](const ir::Node *node, const std::string &message) {
    config.problems.push_back(path + ":" + std::to_string(node ? file.lineColumn(node->range.begin).line : 1) +
                              ": " + message);
  };
  if (auto bad = frontend::checkText(file.text())) {
    config.problems.push_back(path + ": " + bad->message);
    return config;
  }
  ir::Document document;
  DiagnosticEngine diagnostics(file);
  frontend::loadYaml(file, document, diagnostics);
  for (const Diagnostic &diagnostic : diagnostics.takeSorted())
    if (diagnostic.severity == Severity::Error)
      problem(nullptr, diagnostic.message);
  const ir::Node *root = ir::resolve(document.root);
  if (!root || !root->isMapping())
    return config;
  for (const ir::MapEntry &entry : root->entries) {
    const std::string &key = entry.key->value;
    const ir::Node *value = ir::resolve(entry.value);
    if (key == "rules" && value && value->isMapping()) {
      for (const ir::MapEntry &rule : value->entries) {
        auto id = findRule(rule.key->value);
        const ir::Node *level = ir::resolve(rule.value);
        auto severity = level && level->isScalar() ? severityNamed(level->value) : std::nullopt;
        if (!id)
          problem(rule.key, "unknown rule '" + rule.key->value + "'");
        else if (!severity)
          problem(rule.value, "a rule is set to off, error, warning or note");
        else
          config.rules[*id] = *severity;
      }
    } else if (key == "actions" && value && (value->isScalar() || value->isSequence())) {
      // Folders of product-action definitions, relative to this file's.
      std::vector<const ir::Node *> folders{value};
      if (value->isSequence())
        folders.assign(value->items.begin(), value->items.end());
      for (const ir::Node *folder : folders)
        if (const ir::Node *text = ir::resolve(folder); text && text->isScalar() && !text->value.empty())
          config.actionFolders.push_back((fs::path(config.directory) / text->value).lexically_normal().string());
        else
          problem(folder, "actions: a folder, or a list of folders");
    } else if (key == "ignore" && value && value->isSequence()) {
      for (const ir::Node *glob : value->items)
        if (const ir::Node *text = ir::resolve(glob); text && text->isScalar())
          config.ignore.push_back(text->value);
    } else {
      problem(entry.key, "unknown key '" + key + "' (rules, ignore, actions)");
    }
  }
  return config;
}

} // namespace

bool Config::ignores(const std::string &templatePath) const {
  if (ignore.empty())
    return false;
  std::error_code error;
  std::string relative = fs::relative(fs::absolute(templatePath, error), fs::absolute(directory, error), error)
                             .generic_string();
  // As in .gitignore, a glob matches at any depth below the config's folder:
  // `generated/**` ignores sub/generated/x.yaml too.
  for (size_t start = 0; start != std::string::npos;) {
    std::string tail = relative.substr(start);
    for (const std::string &glob : ignore)
      if (fnmatch(glob.c_str(), tail.c_str(), 0) == 0)
        return true;
    size_t slash = relative.find('/', start);
    start = slash == std::string::npos ? slash : slash + 1;
  }
  return false;
}

void Config::apply(std::vector<Diagnostic> &diagnostics) const {
  if (rules.empty())
    return;
  std::vector<Diagnostic> kept;
  for (Diagnostic &diagnostic : diagnostics) {
    auto it = rules.find(diagnostic.rule);
    if (it == rules.end()) {
      kept.push_back(std::move(diagnostic));
    } else if (it->second) {
      diagnostic.severity = *it->second;
      kept.push_back(std::move(diagnostic));
    }
  }
  diagnostics = std::move(kept);
}

std::shared_ptr<const Config> configFor(const std::string &templatePath) {
  // Read afresh on every call: a file is small, and a long-running language
  // server then always sees the current settings.
  std::error_code error;
  fs::path directory = fs::absolute(templatePath, error).parent_path();
  for (fs::path current = directory;; current = current.parent_path()) {
    fs::path candidate = current / ".oosc.yaml";
    std::string readError;
    if (fs::is_regular_file(candidate, error))
      if (auto text = readFile(candidate.string(), readError))
        return std::make_shared<const Config>(readConfig(candidate.string(), std::move(*text)));
    if (current == current.parent_path())
      break;
  }
  return std::make_shared<const Config>();
}

} // namespace oosc::driver
