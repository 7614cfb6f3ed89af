//===- Hover.cpp - Markdown describing the name under the cursor ----------===//
#include "lsp/Features.h"
#include "oosc/runtime/ActionCatalogue.h"
#include "lsp/features/SymbolAtOffset.h"

namespace oosc::lsp {
namespace {

constexpr size_t MaxInlineLength = 120;

/// A node as one short line: a scalar's value, else its source text.
std::string inlineText(std::string_view source, const ir::Node *node) {
  node = ir::resolve(node);
  if (!node)
    return {};
  std::string text = node->isScalar()
                         ? node->value
                         : std::string(source.substr(node->range.begin,
                                                     node->range.end - node->range.begin));
  for (char &c : text)
    if (c == '\n' || c == '\r')
      c = ' ';
  if (text.size() > MaxInlineLength)
    text = text.substr(0, MaxInlineLength) + "...";
  return text;
}

/// A description, which OOS allows as a string or an {en, zh-cn} map.
std::string descriptionOf(const ir::Node *decl) {
  decl = ir::resolve(decl);
  const ir::Node *description = decl && decl->isMapping() ? ir::resolve(decl->get("Description")) : nullptr;
  if (description && description->isMapping())
    description = ir::resolve(description->get("en"));
  return description && description->isScalar() ? description->value : std::string();
}

void addLine(std::string &markdown, std::string_view label, const std::string &value) {
  if (!value.empty())
    markdown += "\n\n" + std::string(label) + ": `" + value + "`";
}

void addDescription(std::string &markdown, const std::string &description) {
  if (!description.empty())
    markdown += "\n\n" + description;
}

std::string hoverParameter(std::string_view source, const ir::Parameter &parameter) {
  std::string markdown = "**parameter** `" + parameter.name.text + "`: " + parameter.type;
  if (!parameter.defaultValue)
    markdown += " (required)";
  addLine(markdown, "Default", inlineText(source, parameter.defaultValue));
  addLine(markdown, "Allowed values", inlineText(source, parameter.allowedValues));
  addLine(markdown, "Allowed pattern", inlineText(source, parameter.allowedPattern));
  addLine(markdown, "Min length", inlineText(source, parameter.minLength));
  addLine(markdown, "Max length", inlineText(source, parameter.maxLength));
  addLine(markdown, "Min value", inlineText(source, parameter.minValue));
  addLine(markdown, "Max value", inlineText(source, parameter.maxValue));
  addDescription(markdown, descriptionOf(parameter.decl));
  return markdown;
}

bool isLoopOutput(const ir::Task &task, const ir::OutputDecl &output) {
  if (!task.loop)
    return false;
  for (const ir::OutputDecl &candidate : task.loop->outputs)
    if (&candidate == &output)
      return true;
  return false;
}

std::string typeOf(std::string_view source, const ir::OutputDecl &output) {
  std::string type = inlineText(source, output.type);
  return type.empty() ? "String" : type;
}

std::string hoverTaskOutput(std::string_view source, const ir::Task &task,
                            const ir::OutputDecl &output) {
  std::string markdown = "**output** `" + output.name.text + "` of task `" + task.name.text +
                         "`: " + typeOf(source, output);
  if (isLoopOutput(task, output)) {
    markdown += " (aggregated over the loop)";
    addLine(markdown, "AggregateField", inlineText(source, output.value));
    const ir::Node *decl = ir::resolve(output.decl);
    if (decl && decl->isMapping())
      addLine(markdown, "AggregateType", inlineText(source, decl->get("AggregateType")));
  } else {
    addLine(markdown, "ValueSelector", inlineText(source, output.value));
  }
  return markdown;
}

std::string hoverTask(const ir::Task &task) {
  std::string markdown = "**task** `" + task.name.text + "`";
  if (!task.action.empty())
    markdown += ": `" + task.action + "`";
  std::vector<const ir::OutputDecl *> outputs = analysis::taskOutputs(task);
  if (!outputs.empty()) {
    markdown += "\n\nOutputs:";
    for (const ir::OutputDecl *output : outputs)
      markdown += " `" + output->name.text + "`";
  }
  addDescription(markdown, descriptionOf(task.decl));
  return markdown;
}

/// An action as the catalogue describes it: what it does, its properties
/// (type, required or default, allowed values) and its outputs.
std::string hoverActionDoc(const runtime::ActionDoc &action) {
  std::string markdown = "**action** `" + std::string(action.name) + "` (" +
                         (runtime::isProductAction(action) ? "cloud product action" : "built-in") + ")";
  addDescription(markdown, std::string(action.description));
  if (!action.properties.empty()) {
    markdown += "\n\nProperties:";
    for (const runtime::PropertyDoc &property : action.properties) {
      markdown += "\n- `" + std::string(property.name) + "`: " +
                  std::string(runtime::propertyTypeName(property.type));
      if (property.required)
        markdown += " (required)";
      else if (!property.defaultValue.empty())
        markdown += " = `" + std::string(property.defaultValue) + "`";
      if (!property.allowedValues.empty()) {
        markdown += ", one of";
        for (std::string_view value : property.allowedValues)
          markdown += " `" + std::string(value) + "`";
      }
      if (!property.description.empty())
        markdown += ": " + std::string(property.description);
    }
  }
  if (!action.outputs.empty()) {
    markdown += "\n\nOutputs:";
    for (const runtime::OutputDoc &output : action.outputs)
      markdown += "\n- `" + std::string(output.name) + "`: " +
                  std::string(runtime::propertyTypeName(output.type));
  }
  return markdown;
}

std::optional<std::string> hoverAction(const std::string &name) {
  if (const runtime::ActionDoc *action = runtime::findAction(name))
    return hoverActionDoc(*action);
  return std::nullopt;
}

std::string hoverPseudo(const analysis::PseudoParameter &pseudo) {
  std::string markdown = "**pseudo parameter** `ACS::" + std::string(pseudo.name) + "`: " +
                         std::string(pseudo.description);
  if (pseudo.onlyInLoop)
    markdown += "\n\nDefined only inside a task with a Loop.";
  return markdown;
}

std::optional<std::string> render(std::string_view source, const Target &target) {
  switch (target.kind) {
  case TargetKind::Parameter:
    return hoverParameter(source, *target.parameter);
  case TargetKind::Task:
    return hoverTask(*target.task);
  case TargetKind::TaskOutput:
    return hoverTaskOutput(source, *target.task, *target.output);
  case TargetKind::TemplateOutput: {
    std::string markdown = "**template output** `" + target.output->name.text + "`: " +
                           typeOf(source, *target.output);
    addLine(markdown, "Value", inlineText(source, target.output->value));
    return markdown;
  }
  case TargetKind::Pseudo:
    return hoverPseudo(*target.pseudo);
  case TargetKind::Action:
    return hoverAction(target.task->action);
  }
  return std::nullopt;
}

} // namespace

std::optional<HoverResult> hover(const Document &document, uint32_t offset) {
  if (!document.analyzed.parsed)
    return std::nullopt;
  if (auto cloud = hoverCloudCall(document, offset))
    return cloud;
  analysis::SymbolTable symbols(document.tmpl());
  std::optional<Target> target = findTarget(document, symbols, offset);
  if (!target)
    return std::nullopt;
  std::optional<std::string> markdown = render(document.file->text(), *target);
  if (!markdown)
    return std::nullopt;
  return HoverResult{std::move(*markdown), target->range};
}

} // namespace oosc::lsp
