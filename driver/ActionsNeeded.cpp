//===- ActionsNeeded.cpp ----------------------------------------------------===//
#include "driver/ActionsNeeded.h"

#include "frontend/Frontend.h"
#include "oosc/runtime/ActionCatalogue.h"
#include "support/Spelling.h"

#include <algorithm>

namespace oosc::driver {
namespace {

/// `ACS::<Product>::<Name>`: a product action, not one of the runtime's.
bool isProductActionName(std::string_view action) {
  if (action.size() < 6 || !equalsIgnoreCase(action.substr(0, 5), "ACS::"))
    return false;
  size_t separator = action.find("::", 5);
  return separator != std::string_view::npos && separator > 5 && separator + 2 < action.size() &&
         !runtime::isBuiltInAction(action);
}

/// The public template an ACS::Template task names literally, or "".
std::string publicTemplateOf(const ir::Task &task) {
  if (!equalsIgnoreCase(task.action, "ACS::Template"))
    return "";
  const ir::Node *name = ir::property(ir::resolve(task.properties), "TemplateName");
  bool literal = name && name->isScalar() && name->value.find("{{") == std::string::npos &&
                 name->value.size() > 4 && equalsIgnoreCase(std::string_view(name->value).substr(0, 4), "ACS-");
  return literal ? name->value : "";
}

} // namespace

std::vector<std::string> definitionsNeeded(const std::string &path, const std::string &text) {
  SourceFile file(path, text);
  DiagnosticEngine ignored(file); // `oosc lint` reports a template's problems
  frontend::ParsedTemplate parsed = frontend::parseTemplate(file, ignored);
  std::vector<std::string> needed;
  auto add = [&](const std::string &name) {
    if (!name.empty() && std::find(needed.begin(), needed.end(), name) == needed.end())
      needed.push_back(name);
  };
  for (const ir::Task &task : parsed.tmpl.tasks) {
    if (isProductActionName(task.action))
      add(task.action);
    add(publicTemplateOf(task));
  }
  return needed;
}

} // namespace oosc::driver
