//===- Frontend.cpp ---------------------------------------------------------===//
#include "frontend/Frontend.h"

#include "frontend/ExpressionParser.h"
#include "frontend/TemplateBuilder.h"
#include "frontend/JsonLoader.h"
#include "frontend/TextChecks.h"
#include "frontend/YamlLoader.h"

namespace oosc::frontend {
namespace {

/// Moves a range relative to an Fn::Eval string into the file.
SourceRange placeInScalar(const ir::Node &scalar, SourceRange relative) {
  return scalar.valueRange(relative.begin, std::max(relative.end, relative.begin + 1));
}

void placeEval(ir::EvalExpr &expr, const ir::Node &scalar) {
  expr.range = placeInScalar(scalar, expr.range);
  if (expr.kind == ir::EvalExpr::Kind::Reference) {
    expr.reference.range = placeInScalar(scalar, expr.reference.range);
    for (ir::Ident &part : expr.reference.parts)
      part.range = placeInScalar(scalar, part.range);
  }
  for (auto &operand : expr.operands)
    placeEval(*operand, scalar);
}

/// Fn::Eval's argument is a program of its own; parse it where it stands.
void parseEvalArgument(ir::Node &argument, DiagnosticEngine &diagnostics) {
  ir::Node *text = &argument;
  if (argument.isSequence() && argument.items.size() == 1)
    text = argument.items[0];
  if (!text->isScalar())
    return;
  EvalParse parse = parseEvalProgram(text->value);
  if (parse.error) {
    diagnostics.report(RuleId::ExpressionSyntax,
                       placeInScalar(*text, {parse.error->begin, parse.error->end}),
                       parse.error->message);
    return;
  }
  placeEval(*parse.program, *text);
  text->evalProgram = std::move(parse.program);
}

void parseEvalPrograms(ir::Node *root, DiagnosticEngine &diagnostics) {
  // Our own walk over mutable nodes; aliases are skipped as in ir::forEachNode.
  std::vector<ir::Node *> stack;
  if (root)
    stack.push_back(root);
  while (!stack.empty()) {
    ir::Node *node = stack.back();
    stack.pop_back();
    if (node->functionName() == "Fn::Eval")
      parseEvalArgument(*node->entries[0].value, diagnostics);
    for (const ir::MapEntry &entry : node->entries)
      stack.push_back(entry.value);
    for (ir::Node *item : node->items)
      stack.push_back(item);
  }
}

/// Text that is not UTF-8 is refused before any parser sees it; strict JSON
/// takes the fast reader; everything else, yaml-cpp.
LoadResult loadDocument(const SourceFile &file, ir::Document &document, DiagnosticEngine &diagnostics) {
  if (auto problem = checkText(file.text())) {
    diagnostics.report(RuleId::YamlSyntax, SourceRange::at(problem->offset, 1), problem->message);
    return {false};
  }
  LoadLimits limits;
  if (loadStrictJson(file.text(), document, diagnostics, limits))
    return {true};
  return loadYaml(file, document, diagnostics, limits);
}

} // namespace

ParsedTemplate parseTemplate(const SourceFile &file, DiagnosticEngine &diagnostics) {
  ParsedTemplate result;
  result.document = std::make_unique<ir::Document>();
  LoadResult load = loadDocument(file, *result.document, diagnostics);
  result.complete = load.complete;
  parseEvalPrograms(result.document->root, diagnostics);
  result.tmpl = buildTemplate(result.document->root);
  return result;
}

bool isTemplateFileName(std::string_view path) {
  for (std::string_view extension : {".yml", ".yaml", ".json"})
    if (path.size() > extension.size() && path.substr(path.size() - extension.size()) == extension)
      return true;
  return false;
}

} // namespace oosc::frontend
