//===- TemplateEmitter.cpp - TemplateDef data plus expression functions ---===//
#include "codegen/TemplateEmitter.h"

#include "analysis/CloudCalls.h"
#include "analysis/ControlFlow.h"
#include "analysis/LiteralValue.h"
#include "codegen/ExprEmitter.h"
#include "codegen/Literals.h"
#include "oosc/runtime/Program.h"
#include "support/Spelling.h"

#include <cstdio>

namespace oosc::codegen {
namespace {

/// AssociationProperty values whose parameter holds a secret (the console
/// asks for them as passwords).
constexpr std::string_view kSecretAssociations[] = {"ALIYUN::OOS::SecretParameter::Value",
                                                    "ALIYUN::ECS::Instance::Password"};

const ir::Node *field(const ir::Node *map, std::string_view key) {
  map = ir::resolve(map);
  return map && map->isMapping() ? ir::resolve(map->get(key)) : nullptr;
}

std::string scalarText(const ir::Node *node) {
  node = ir::resolve(node);
  return node && node->isScalar() ? node->value : std::string();
}

/// A string_view of exactly these bytes, for the generated tables.
std::string view(std::string_view text) {
  return "std::string_view(" + cppStringLiteral(text) + ", " + std::to_string(text.size()) + ")";
}

/// Emits the template's tables: rows of names and generated functions that
/// impl::buildTemplate() turns into a TemplateDef when the runner starts.
class TableEmitter {
public:
  TableEmitter(const TemplateUnit &unit, CppPrinter &functions, CppPrinter &tables,
               std::vector<std::string> &errors)
      : unit_(unit), exprs_(functions, unit.file, unit.tmpl, errors), tables_(tables),
        symbols_(unit.tmpl) {}

  void emit() {
    const ir::Template &tmpl = unit_.tmpl;
    feeds_ = unit_.actions ? analysis::parameterFeeds(tmpl, *unit_.actions) : analysis::parameterFeeds(tmpl);
    std::string parameters = rows("kParameters", "ParameterRow", tmpl.parameters.size(), [&](size_t i) {
      return parameterRow(tmpl.parameters[i]);
    });
    std::vector<std::string> taskRows;
    for (const ir::Task &task : tmpl.tasks)
      taskRows.push_back(taskRow(task));
    std::string tasks = rows("kTasks", "TaskRow", taskRows.size(), [&](size_t i) { return taskRows[i]; });
    std::string outputs = outputRows("kOutputs", tmpl.outputs, "Value");
    tables_.emit("\nconstexpr ::oosc::runtime::impl::TemplateRow kTemplate = {$name$, $source$, $description$,\n"
                 "    $parameters$, $tasks$, $outputs$};\n",
                 {{"name", view(unit_.name)},
                  {"source", view(unit_.file.path())},
                  {"description", view(description())},
                  {"parameters", parameters},
                  {"tasks", tasks},
                  {"outputs", outputs}});
  }

private:
  /// Emits `constexpr impl::TYPE NAME[] = {...};` and returns "NAME, N", or
  /// "nullptr, 0" when there are no rows (C++ has no empty arrays).
  template <typename Row>
  std::string rows(const std::string &name, const char *type, size_t count, Row &&row) {
    if (count == 0)
      return "nullptr, 0";
    std::string text;
    for (size_t i = 0; i < count; ++i)
      text += "    " + row(i) + ",\n";
    tables_.emit("\nconstexpr ::oosc::runtime::impl::$type$ $name$[] = {\n", {{"type", type}, {"name", name}});
    tables_.emitRaw(text);
    tables_.emit("};\n");
    return name + ", " + std::to_string(count);
  }

  std::string description() const {
    const ir::Node *node = field(unit_.tmpl.root, "Description");
    if (!node)
      return "";
    return node->isScalar() ? node->value : scalarText(field(node, "en"));
  }

  std::string optionalNumber(const ir::Node *node, std::string &has) {
    auto value = analysis::literalValue(node);
    if (!node || !value || !value->isNumber()) {
      has = "false";
      return "0";
    }
    has = "true";
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value->getNumber());
    return text;
  }

  std::string parameterRow(const ir::Parameter &parameter) {
    std::string allowed;
    if (const ir::Node *values = ir::resolve(parameter.allowedValues); values && values->isSequence())
      if (auto value = analysis::literalValue(values))
        allowed = value->toJson();
    const ir::Node *pattern = ir::resolve(parameter.allowedPattern);
    bool hasPattern = pattern && pattern->isScalar();
    std::string hasMinLength, hasMaxLength, hasMinValue, hasMaxValue;
    std::string minLength = optionalNumber(parameter.minLength, hasMinLength);
    std::string maxLength = optionalNumber(parameter.maxLength, hasMaxLength);
    std::string minValue = optionalNumber(parameter.minValue, hasMinValue);
    std::string maxValue = optionalNumber(parameter.maxValue, hasMaxValue);
    const ir::Node *described = field(parameter.decl, "Description");
    std::string descriptionText = described && described->isMapping() ? scalarText(field(described, "en"))
                                                                      : scalarText(described);
    return "{" + view(parameter.name.text) + ", " + view(parameter.type.empty() ? "String" : parameter.type) +
           ", " + view(allowed) + ", " + (hasPattern ? "true" : "false") + ", " +
           view(hasPattern ? pattern->value : "") + ", " + hasMinLength + ", " + hasMaxLength + ", " +
           hasMinValue + ", " + hasMaxValue + ", " + minLength + ", " + maxLength + ", " + minValue + ", " +
           maxValue + ", " + (parameter.defaultValue ? exprs_.function(parameter.defaultValue) : "nullptr") +
           ", " + view(descriptionText) + ", " + (isSecret(parameter) ? "true" : "false") + ", " +
           view(scalarText(field(parameter.decl, "AssociationProperty"))) + ", " +
           view(associationMetadataJson(parameter)) + ", " + view(feedsOf(parameter)) + "}";
  }

  /// The API parameters \p parameter is passed to, `;`-separated.
  std::string feedsOf(const ir::Parameter &parameter) const {
    std::string joined;
    if (auto feeds = feeds_.find(foldCase(parameter.name.text)); feeds != feeds_.end())
      for (const std::string &feed : feeds->second)
        joined += (joined.empty() ? "" : ";") + feed;
    return joined;
  }

  /// AssociationPropertyMetadata as JSON, for the pickers of --interactive
  /// and --pick-defaults (which resource type, which parameter holds the region).
  static std::string associationMetadataJson(const ir::Parameter &parameter) {
    const ir::Node *metadata = ir::resolve(field(parameter.decl, "AssociationPropertyMetadata"));
    if (!metadata || !metadata->isMapping())
      return "";
    auto value = analysis::literalValue(metadata);
    return value ? value->toJson() : "";
  }

  /// A value never to be shown in clear (runners mask it in the journal,
  /// plans and help): NoEcho, a secret-valued AssociationProperty, or a
  /// Default read from the encrypted parameter store.
  static bool isSecret(const ir::Parameter &parameter) {
    const ir::Node *noEcho = field(parameter.decl, "NoEcho");
    if (noEcho && scalarText(noEcho) == "true")
      return true;
    std::string association = scalarText(field(parameter.decl, "AssociationProperty"));
    for (std::string_view secret : kSecretAssociations)
      if (association == secret)
        return true;
    return scalarText(ir::resolve(parameter.defaultValue)).find("oos-secret:") != std::string::npos;
  }

  std::string jumpRow(const std::optional<ir::JumpTarget> &target, analysis::JumpKind kind) {
    if (!target)
      return "{-1, -1, nullptr}";
    analysis::JumpResolution resolution = analysis::resolveJump(*target, kind, symbols_);
    using Kind = analysis::JumpResolution::Kind;
    using RuntimeKind = runtime::Jump::Kind;
    switch (resolution.kind) {
    case Kind::Task:
      return "{" + std::to_string(static_cast<int>(RuntimeKind::Task)) + ", " +
             std::to_string(resolution.task->index) + ", nullptr}";
    case Kind::Next:
      return "{" + std::to_string(static_cast<int>(RuntimeKind::Next)) + ", -1, nullptr}";
    case Kind::Dynamic:
      return "{" + std::to_string(static_cast<int>(RuntimeKind::Dynamic)) + ", -1, " +
             exprs_.function(target->node) + "}";
    default:
      return "{" + std::to_string(static_cast<int>(RuntimeKind::End)) + ", -1, nullptr}";
    }
  }

  std::string exprOrNull(const ir::Node *node) { return node ? exprs_.function(node) : "nullptr"; }

  std::string outputRows(const std::string &name, const std::vector<ir::OutputDecl> &outputs,
                         const char *) {
    std::vector<std::string> rowTexts;
    for (const ir::OutputDecl &output : outputs)
      rowTexts.push_back("{" + view(output.name.text) + ", " +
                         view(output.type ? scalarText(output.type) : "String") + ", " +
                         exprOrNull(output.value) + "}");
    return rows(name, "OutputRow", rowTexts.size(), [&](size_t i) { return rowTexts[i]; });
  }

  std::string taskRow(const ir::Task &task) {
    std::string id = std::to_string(task.index);
    unsigned line = unit_.file.lineColumn(task.decl->range.begin).line;
    std::string properties = task.isChoice() ? "nullptr" : exprOrNull(task.properties);
    std::string when = exprOrNull(task.when);
    std::string onSuccess = jumpRow(task.onSuccess, analysis::JumpKind::OnSuccess);
    std::string onError = jumpRow(task.onError, analysis::JumpKind::OnError);
    std::string defaultTask = jumpRow(task.defaultTask, analysis::JumpKind::Choice);
    std::string outputs = outputRows("kTask" + id + "Outputs", task.outputs, "ValueSelector");
    std::vector<std::string> choiceRows;
    for (const ir::ChoiceBranch &branch : task.choices)
      choiceRows.push_back("{" + exprOrNull(branch.when) + ", " + jumpRow(branch.next, analysis::JumpKind::Choice) + "}");
    std::string choices = rows("kTask" + id + "Choices", "ChoiceRow", choiceRows.size(),
                               [&](size_t i) { return choiceRows[i]; });
    std::string loopItems = "nullptr", rateControl = "nullptr", loopOutputs = "nullptr, 0";
    if (task.loop) {
      loopItems = exprOrNull(task.loop->items);
      rateControl = rateControlFunction(*task.loop, line);
      std::vector<std::string> loopRows;
      for (const ir::OutputDecl &output : task.loop->outputs)
        loopRows.push_back("{" + view(output.name.text) + ", " +
                           view(scalarText(field(output.decl, "AggregateType"))) + ", " +
                           view(scalarText(output.value)) + "}");
      loopOutputs = rows("kTask" + id + "LoopOutputs", "LoopOutputRow", loopRows.size(),
                         [&](size_t i) { return loopRows[i]; });
    }
    std::string retry;
    for (const char *key : {"Retries", "Delay", "DelayType", "BackOff", "MaxRetryInterval"})
      retry += ", " + exprOrNull(field(task.decl, key));
    return "{" + view(task.name.text) + ", " + view(task.action) + ", " + std::to_string(line) + ", " +
           properties + ", " + when + ", " + onSuccess + ", " + onError + ", " + defaultTask + ", " +
           outputs + ", " + (task.loop ? "true" : "false") + ", " + loopItems + ", " + rateControl + ", " +
           loopOutputs + ", " + choices + retry + "}";
  }

  std::string rateControlFunction(const ir::Loop &loop, unsigned line) {
    if (const ir::Node *rate = field(loop.decl, "RateControl"))
      return exprs_.function(rate);
    // The legacy flat form keeps the rate control keys in Loop itself.
    std::vector<const ir::MapEntry *> flat;
    for (const ir::MapEntry &entry : loop.decl->entries)
      if (entry.key->isScalar() && entry.key->value != "Items" && entry.key->value != "Outputs")
        flat.push_back(&entry);
    return flat.empty() ? "nullptr" : exprs_.mapFunction(flat, line);
  }

  const TemplateUnit &unit_;
  /// Template parameter -> the API parameters it is passed to.
  std::map<std::string, std::vector<std::string>> feeds_;
  ExprEmitter exprs_;
  CppPrinter &tables_;
  analysis::SymbolTable symbols_;
};

} // namespace

GeneratedUnit emitTemplate(const TemplateUnit &unit, const CodegenOptions &options,
                           std::vector<std::string> &errors) {
  GeneratedUnit result;
  result.symbol = (unit.isAction ? "oosc_action_" : "oosc_template_") + identifier(unit.name);
  CppPrinter functions, tables;
  TableEmitter(unit, functions, tables, errors).emit();
  CppPrinter file;
  file.emit("// Generated by oosc $version$ from $source$. Do not edit: rebuild with oosc build.\n"
            "#include \"oosc/runtime/impl/Generated.h\"\n\n"
            "#if OOSC_RUNTIME_VERSION != 1\n"
            "#error \"this file was generated for runtime version 1; rebuild it with the oosc that matches the runtime\"\n"
            "#endif\n\n// A namespace of its own: a runner compiles all its templates as one unit.\n"
            "namespace $symbol$_detail {\nnamespace {\n",
            {{"version", commentText(options.compilerVersion)},
             {"source", commentText(unit.file.path())},
             {"symbol", result.symbol}});
  file.emitRaw(functions.text());
  file.emitRaw(tables.text());
  file.emit("\n} // namespace\n} // namespace $symbol$_detail\n\n"
            "const ::oosc::runtime::TemplateDef &$symbol$() {\n"
            "  static const ::oosc::runtime::TemplateDef definition =\n"
            "      ::oosc::runtime::impl::buildTemplate($symbol$_detail::kTemplate);\n"
            "  return definition;\n}\n",
            {{"symbol", result.symbol}});
  result.code = file.text();
  return result;
}

std::string emitMain(const std::vector<std::string> &templateSymbols,
                     const std::vector<std::string> &actionSymbols, const std::string &apiSubset,
                     const CodegenOptions &options) {
  CppPrinter file;
  file.emit("// Generated by oosc $version$: the runner's entry point. Do not edit.\n"
            "#include \"oosc/openapi/RunnerCloud.h\"\n#include \"oosc/runtime/Runner.h\"\n\n",
            {{"version", commentText(options.compilerVersion)}});
  for (const std::string &symbol : templateSymbols)
    file.emit("const ::oosc::runtime::TemplateDef &$symbol$();\n", {{"symbol", symbol}});
  for (const std::string &symbol : actionSymbols)
    file.emit("const ::oosc::runtime::TemplateDef &$symbol$();\n", {{"symbol", symbol}});
  file.emitRaw("\n" + apiSubset);
  file.emit("\nint main(int argc, char **argv) {\n  ::oosc::runtime::RunnerImage image;\n"
            "  image.apiProducts = kApiProducts;\n  image.apiProductCount = kApiProductCount;\n"
            "  image.openRealCloud = ::oosc::openapi::openRunnerCloud;\n");
  for (const std::string &symbol : templateSymbols)
    file.emit("  image.templates.push_back(&$symbol$());\n", {{"symbol", symbol}});
  for (const std::string &symbol : actionSymbols)
    file.emit("  image.actions.push_back(&$symbol$());\n", {{"symbol", symbol}});
  file.emit("  return ::oosc::runtime::runnerMain(argc, argv, image);\n}\n");
  return file.text();
}

} // namespace oosc::codegen
