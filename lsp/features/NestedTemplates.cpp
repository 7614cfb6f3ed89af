//===- NestedTemplates.cpp - ACS::Template names resolved to sibling files -===//
#include "lsp/Features.h"

#include "support/Spelling.h"

#include <filesystem>

namespace oosc::lsp {
namespace {

namespace fs = std::filesystem;

const ir::Node *field(const ir::Node *map, std::string_view key) {
  map = ir::resolve(map);
  return map && map->isMapping() ? ir::resolve(map->get(key)) : nullptr;
}

/// The TemplateName value under the offset, if any.
const ir::Node *templateNameAt(const Document &document, uint32_t offset) {
  for (const ir::Task &task : document.tmpl().tasks) {
    if (!equalsIgnoreCase(task.action, "ACS::Template"))
      continue;
    const ir::Node *name = field(task.properties, "TemplateName");
    if (name && name->isScalar() && !name->interpolation && name->range.begin <= offset &&
        offset <= name->range.end)
      return name;
  }
  return nullptr;
}

std::string scalarText(const ir::Node *node) {
  node = ir::resolve(node);
  return node && node->isScalar() ? node->value : std::string();
}

} // namespace

std::optional<NestedTemplate> nestedTemplateAt(const Document &document, uint32_t offset) {
  if (!document.analyzed.parsed)
    return std::nullopt;
  const ir::Node *name = templateNameAt(document, offset);
  if (!name)
    return std::nullopt;
  fs::path directory = fs::path(document.file->path()).parent_path();
  for (const char *extension : {".yaml", ".yml", ".json"}) {
    fs::path candidate = directory / (name->value + extension);
    std::string error;
    auto text = driver::readFile(candidate.string(), error);
    if (!text)
      continue;
    NestedTemplate nested;
    nested.path = candidate.string();
    nested.file = std::make_shared<const SourceFile>(nested.path, std::move(*text));
    nested.analyzed = driver::analyzeSource(nested.file, serverAnalysis());
    nested.nameRange = name->range;
    return nested;
  }
  return std::nullopt;
}

std::string describeNestedTemplate(const NestedTemplate &nested) {
  const ir::Template &tmpl = nested.analyzed.parsed->tmpl;
  std::string markdown = "**template** `" + fs::path(nested.path).filename().string() + "`";
  if (!tmpl.parameters.empty()) {
    markdown += "\n\nParameters:";
    for (const ir::Parameter &parameter : tmpl.parameters)
      markdown += "\n- `" + parameter.name.text + "` (" + parameter.type +
                  (parameter.defaultValue ? "" : ", required") + ")";
  }
  if (!tmpl.outputs.empty()) {
    markdown += "\n\nOutputs:";
    for (const ir::OutputDecl &output : tmpl.outputs)
      markdown += "\n- `" + output.name.text + "` (" +
                  (output.type ? scalarText(output.type) : std::string("String")) + ")";
  }
  return markdown;
}

} // namespace oosc::lsp
