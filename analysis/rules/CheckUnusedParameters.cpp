//===- CheckUnusedParameters.cpp - Parameters nothing reads (`unused-parameter`). ===//
//
// A parameter is used when something evaluates it: a `{{ name }}` in a
// Default, RamRole, a task or a template output (the references OOS
// evaluates, References.h, Fn:: arguments included); a `{{ name }}` inside an
// inline child template (TemplateContent), counted to stay on the safe side
// since the child may be rendered with the parent's values; or the console,
// where another parameter's AssociationPropertyMetadata names it, bare
// (`RegionId: regionId`) or as `${name}` (`Visible` conditions). Being listed
// in Metadata ParameterGroups is not a use: the groups list every parameter
// to lay out the form, read or not. Names fold case, as OOS resolves them.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

/// Which parameters (by index in the template) something reads.
class UseMarks {
public:
  explicit UseMarks(const AnalysisContext &context)
      : context_(context), used_(context.tmpl.parameters.size(), false) {}

  /// Marks the parameter `name`, unless it is `reader` itself: a
  /// parameter's own console metadata naming it is no use.
  void markName(std::string_view name, const ir::Parameter *reader = nullptr) {
    auto parameter = context_.symbols.parameter(name);
    if (parameter && parameter.decl != reader)
      used_[static_cast<size_t>(parameter.decl - context_.tmpl.parameters.data())] = true;
  }

  void markReference(const ir::Reference &reference) {
    // `{{ name }}` and also `{{ name.field }}`: a wrong way to read a
    // parameter is reported by undefined-reference, but it is still meant
    // as a read.
    if (reference.kind == ir::RefKind::Name && !reference.parts.empty())
      markName(reference.parts[0].text);
  }

  bool isUsed(size_t index) const { return used_[index]; }

private:
  const AnalysisContext &context_;
  std::vector<bool> used_;
};

void markReferencesBelow(const ir::Node *node, UseMarks &marks) {
  ir::forEachNode(node, [&](const ir::Node &each) {
    if (each.interpolation)
      for (const ir::Reference *reference : each.interpolation->references())
        marks.markReference(*reference);
  });
}

void markChildTemplates(const ir::Template &tmpl, UseMarks &marks) {
  for (const ir::Task &task : tmpl.tasks) {
    const ir::Node *properties = ir::resolve(task.properties);
    if (properties && properties->isMapping())
      markReferencesBelow(ir::resolve(properties->get("TemplateContent")), marks);
  }
}

/// `${name}` placeholders of console metadata: each name inside.
void markPlaceholders(std::string_view text, const ir::Parameter &reader, UseMarks &marks) {
  for (size_t open = text.find("${"); open != std::string_view::npos;
       open = text.find("${", open + 2)) {
    size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos)
      return;
    marks.markName(text.substr(open + 2, close - open - 2), &reader);
  }
}

/// The console reads parameters named in AssociationPropertyMetadata: a
/// resource picker filtered by `RegionId: regionId`, a field shown when
/// `Fn::Equals: ['${whetherNotify}', true]` holds.
void markConsoleMetadata(const ir::Template &tmpl, UseMarks &marks) {
  for (const ir::Parameter &parameter : tmpl.parameters) {
    const ir::Node *decl = ir::resolve(parameter.decl);
    if (!decl || !decl->isMapping())
      continue;
    ir::forEachNode(ir::resolve(decl->get("AssociationPropertyMetadata")),
                    [&](const ir::Node &each) {
                      if (!each.isScalar())
                        return;
                      markPlaceholders(each.value, parameter, marks);
                      marks.markName(each.value, &parameter);
                    });
  }
}

} // namespace

void checkUnusedParameters(AnalysisContext &context) {
  UseMarks marks(context);
  for (const ReferenceSite &site : context.references)
    marks.markReference(*site.reference);
  markChildTemplates(context.tmpl, marks);
  markConsoleMetadata(context.tmpl, marks);
  const std::vector<ir::Parameter> &parameters = context.tmpl.parameters;
  for (size_t index = 0; index < parameters.size(); ++index) {
    const ir::Parameter &parameter = parameters[index];
    // A later duplicate is duplicate-name's to report; lookups find the first.
    auto first = context.symbols.parameter(parameter.name.text);
    if (marks.isUsed(index) || parameter.name.text.empty() || first.decl != &parameter)
      continue;
    context.diagnostics.report(RuleId::UnusedParameter, parameter.name.range,
                               "parameter '" + parameter.name.text +
                                   "' is never used: no task, output, Default or RamRole reads it");
  }
}

} // namespace oosc::analysis
