//===- TemplateEmitter.cpp - TemplateDef data plus expression functions ---===//
#include "codegen/TemplateEmitter.h"

#include "analysis/ControlFlow.h"
#include "analysis/LiteralValue.h"
#include "codegen/ExprEmitter.h"
#include "codegen/Literals.h"

namespace oosc::codegen {
namespace {

const ir::Node *field(const ir::Node *map, std::string_view key) {
  map = ir::resolve(map);
  return map && map->isMapping() ? ir::resolve(map->get(key)) : nullptr;
}

std::string scalarText(const ir::Node *node) {
  node = ir::resolve(node);
  return node && node->isScalar() ? node->value : std::string();
}

/// Emits the body of the TemplateDef-building lambda, while the expression
/// functions it refers to go to `functions`.
class DefinitionEmitter {
public:
  DefinitionEmitter(const TemplateUnit &unit, CppPrinter &functions, CppPrinter &body,
                    std::vector<std::string> &errors)
      : unit_(unit), exprs_(functions, unit.file, unit.tmpl, errors), body_(body),
        symbols_(unit.tmpl) {}

  void emit() {
    const ir::Template &tmpl = unit_.tmpl;
    body_.emit("def.name = std::string($name$);\ndef.source = std::string($source$);\n",
               {{"name", cppStringLiteral(unit_.name)}, {"source", cppStringLiteral(unit_.file.path())}});
    if (tmpl.root && tmpl.root->isMapping())
      if (const ir::Node *description = field(tmpl.root, "Description")) {
        std::string text = description->isScalar() ? description->value : scalarText(field(description, "en"));
        body_.emit("def.description = std::string($text$);\n", {{"text", cppStringLiteral(text)}});
      }
    for (const ir::Parameter &parameter : tmpl.parameters)
      emitParameter(parameter);
    for (const ir::Task &task : tmpl.tasks)
      emitTask(task);
    for (const ir::OutputDecl &output : tmpl.outputs)
      body_.emit("def.outputs.push_back({std::string($name$), std::string($type$), $value$});\n",
                 {{"name", cppStringLiteral(output.name.text)},
                  {"type", cppStringLiteral(output.type ? scalarText(output.type) : "String")},
                  {"value", exprs_.function(output.value)}});
  }

private:
  std::string optionalValue(const ir::Node *node, const char *type) {
    auto value = analysis::literalValue(node);
    if (!node || !value || !value->isNumber())
      return "std::nullopt";
    return std::string(type) + "(" + std::to_string(value->getNumber()) + ")";
  }

  void emitParameter(const ir::Parameter &parameter) {
    std::string type = parameter.type.empty() ? "String" : parameter.type;
    std::string allowed = "std::nullopt";
    if (const ir::Node *values = ir::resolve(parameter.allowedValues); values && values->isSequence()) {
      allowed = "std::vector<::oosc::runtime::Value>{";
      for (const ir::Node *item : values->items) {
        auto value = analysis::literalValue(item);
        allowed += value ? exprLiteral(*value) + ", " : "";
      }
      allowed += "}";
    }
    std::string pattern = "std::nullopt";
    if (const ir::Node *node = ir::resolve(parameter.allowedPattern); node && node->isScalar())
      pattern = "std::string(" + cppStringLiteral(node->value) + ", " + std::to_string(node->value.size()) + ")";
    const ir::Node *noEcho = field(parameter.decl, "NoEcho");
    bool secret = noEcho && scalarText(noEcho) == "true";
    const ir::Node *description = field(parameter.decl, "Description");
    std::string descriptionText = description && description->isMapping() ? scalarText(field(description, "en"))
                                                                          : scalarText(description);
    body_.emit("{\n  ::oosc::runtime::ParameterDef p;\n  p.name = std::string($name$);\n"
               "  p.spec.name = p.name;\n"
               "  p.spec.type = *::oosc::runtime::parseParameterType($type$);\n"
               "  p.spec.allowedValues = $allowed$;\n  p.spec.allowedPattern = $pattern$;\n"
               "  p.spec.minLength = $minLength$;\n  p.spec.maxLength = $maxLength$;\n"
               "  p.spec.minValue = $minValue$;\n  p.spec.maxValue = $maxValue$;\n"
               "  p.defaultValue = $default$;\n  p.description = std::string($description$);\n"
               "  p.secret = $secret$;\n  def.parameters.push_back(std::move(p));\n}\n",
               {{"name", cppStringLiteral(parameter.name.text)},
                {"type", cppStringLiteral(type)},
                {"allowed", allowed},
                {"pattern", pattern},
                {"minLength", optionalValue(parameter.minLength, "int64_t")},
                {"maxLength", optionalValue(parameter.maxLength, "int64_t")},
                {"minValue", optionalValue(parameter.minValue, "double")},
                {"maxValue", optionalValue(parameter.maxValue, "double")},
                {"default", parameter.defaultValue ? exprs_.function(parameter.defaultValue) : "nullptr"},
                {"description", cppStringLiteral(descriptionText)},
                {"secret", secret ? "true" : "false"}});
  }

  static std::string exprLiteral(const runtime::Value &value) {
    // Parameters' AllowedValues are constants: reuse the JSON text form.
    return "*::oosc::runtime::parseJson(" + cppStringLiteral(value.toJson()) + ")";
  }

  std::string jump(const ir::JumpTarget &target, analysis::JumpKind kind) {
    analysis::JumpResolution resolution = analysis::resolveJump(target, kind, symbols_);
    using Kind = analysis::JumpResolution::Kind;
    switch (resolution.kind) {
    case Kind::Task:
      return "::oosc::runtime::Jump{::oosc::runtime::Jump::Kind::Task, " +
             std::to_string(resolution.task->index) + ", nullptr}";
    case Kind::Next:
      return "::oosc::runtime::Jump{::oosc::runtime::Jump::Kind::Next, -1, nullptr}";
    case Kind::Dynamic:
      return "::oosc::runtime::Jump{::oosc::runtime::Jump::Kind::Dynamic, -1, " +
             exprs_.function(target.node) + "}";
    default:
      return "::oosc::runtime::Jump{::oosc::runtime::Jump::Kind::End, -1, nullptr}";
    }
  }

  std::string exprOrNull(const ir::Node *node) { return node ? exprs_.function(node) : "nullptr"; }

  void emitTask(const ir::Task &task) {
    unsigned line = unit_.file.lineColumn(task.decl->range.begin).line;
    body_.emit("{\n  ::oosc::runtime::TaskDef t;\n  t.name = std::string($name$);\n"
               "  t.action = std::string($action$);\n  t.line = $line$;\n",
               {{"name", cppStringLiteral(task.name.text)},
                {"action", cppStringLiteral(task.action)},
                {"line", std::to_string(line)}});
    body_.indent();
    if (!task.isChoice())
      body_.emit("t.properties = $properties$;\n", {{"properties", exprOrNull(task.properties)}});
    if (task.when)
      body_.emit("t.when = $when$;\n", {{"when", exprs_.function(task.when)}});
    if (task.onSuccess)
      body_.emit("t.onSuccess = $jump$;\n", {{"jump", jump(*task.onSuccess, analysis::JumpKind::OnSuccess)}});
    if (task.onError)
      body_.emit("t.onError = $jump$;\n", {{"jump", jump(*task.onError, analysis::JumpKind::OnError)}});
    for (const ir::ChoiceBranch &branch : task.choices)
      if (branch.next)
        body_.emit("t.choices.push_back({$when$, $next$});\n",
                   {{"when", exprOrNull(branch.when)}, {"next", jump(*branch.next, analysis::JumpKind::Choice)}});
    if (task.defaultTask)
      body_.emit("t.defaultTask = $jump$;\n", {{"jump", jump(*task.defaultTask, analysis::JumpKind::Choice)}});
    for (const ir::OutputDecl &output : task.outputs)
      body_.emit("t.outputs.push_back({std::string($name$), std::string($type$), $selector$});\n",
                 {{"name", cppStringLiteral(output.name.text)},
                  {"type", cppStringLiteral(output.type ? scalarText(output.type) : "String")},
                  {"selector", exprOrNull(output.value)}});
    if (task.loop)
      emitLoop(*task.loop, line);
    emitRetry(task);
    body_.outdent();
    body_.emit("  def.tasks.push_back(std::move(t));\n}\n");
  }

  void emitRetry(const ir::Task &task) {
    static const std::pair<const char *, const char *> keys[] = {
        {"Retries", "retries"}, {"Delay", "delay"}, {"DelayType", "delayType"},
        {"BackOff", "backOff"}, {"MaxRetryInterval", "maxRetryInterval"}};
    for (const auto &[key, member] : keys)
      if (const ir::Node *node = field(task.decl, key))
        body_.emit("t.retry.$member$ = $expr$;\n", {{"member", member}, {"expr", exprs_.function(node)}});
  }

  void emitLoop(const ir::Loop &loop, unsigned line) {
    std::string rateControl = "nullptr";
    if (const ir::Node *rate = field(loop.decl, "RateControl")) {
      rateControl = exprs_.function(rate);
    } else {
      // The legacy flat form keeps the rate control keys in Loop itself.
      std::vector<const ir::MapEntry *> flat;
      for (const ir::MapEntry &entry : loop.decl->entries)
        if (entry.key->isScalar() && entry.key->value != "Items" && entry.key->value != "Outputs")
          flat.push_back(&entry);
      if (!flat.empty())
        rateControl = exprs_.mapFunction(flat, line);
    }
    body_.emit("t.loop = ::oosc::runtime::LoopDef{$items$, $rate$, {}};\n",
               {{"items", exprOrNull(loop.items)}, {"rate", rateControl}});
    for (const ir::OutputDecl &output : loop.outputs)
      body_.emit("t.loop->outputs.push_back({std::string($name$), std::string($type$), std::string($field$)});\n",
                 {{"name", cppStringLiteral(output.name.text)},
                  {"type", cppStringLiteral(scalarText(field(output.decl, "AggregateType")))},
                  {"field", cppStringLiteral(scalarText(output.value))}});
  }

  const TemplateUnit &unit_;
  ExprEmitter exprs_;
  CppPrinter &body_;
  analysis::SymbolTable symbols_;
};

} // namespace

GeneratedUnit emitTemplate(const TemplateUnit &unit, const CodegenOptions &options,
                           std::vector<std::string> &errors) {
  CppPrinter functions, body;
  body.indent();
  body.indent();
  DefinitionEmitter(unit, functions, body, errors).emit();
  GeneratedUnit result;
  result.symbol = "oosc_template_" + identifier(unit.name);
  CppPrinter file;
  file.emit("// Generated by oosc $version$ from $source$. Do not edit: rebuild with oosc build.\n"
            "#include \"oosc/runtime/impl/Generated.h\"\n\n"
            "#if OOSC_RUNTIME_VERSION != 1\n"
            "#error \"this file was generated for runtime version 1; rebuild it with the oosc that matches the runtime\"\n"
            "#endif\n\nnamespace {\n",
            {{"version", commentText(options.compilerVersion)}, {"source", commentText(unit.file.path())}});
  file.emit(functions.text());
  file.emit("\n} // namespace\n\nconst ::oosc::runtime::TemplateDef &$symbol$() {\n"
            "  static const ::oosc::runtime::TemplateDef definition = [] {\n"
            "    ::oosc::runtime::TemplateDef def;\n",
            {{"symbol", result.symbol}});
  file.emit(body.text());
  file.emit("    return def;\n  }();\n  return definition;\n}\n");
  result.code = file.text();
  return result;
}

std::string emitMain(const std::vector<std::string> &templateSymbols,
                     const std::vector<std::string> &actionSymbols, const CodegenOptions &options) {
  CppPrinter file;
  file.emit("// Generated by oosc $version$: the runner's entry point. Do not edit.\n"
            "#include \"oosc/runtime/impl/Generated.h\"\n\n",
            {{"version", commentText(options.compilerVersion)}});
  for (const std::string &symbol : templateSymbols)
    file.emit("const ::oosc::runtime::TemplateDef &$symbol$();\n", {{"symbol", symbol}});
  for (const std::string &symbol : actionSymbols)
    file.emit("const ::oosc::runtime::TemplateDef &$symbol$();\n", {{"symbol", symbol}});
  file.emit("\nint main(int argc, char **argv) {\n  ::oosc::runtime::RunnerImage image;\n");
  for (const std::string &symbol : templateSymbols)
    file.emit("  image.templates.push_back(&$symbol$());\n", {{"symbol", symbol}});
  for (const std::string &symbol : actionSymbols)
    file.emit("  image.actions.push_back(&$symbol$());\n", {{"symbol", symbol}});
  file.emit("  return ::oosc::runtime::runnerMain(argc, argv, image);\n}\n");
  return file.text();
}

} // namespace oosc::codegen
