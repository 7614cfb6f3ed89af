//===- CloudHover.cpp - Hovers over the calls of cloud APIs -----------------===//
//
// On the Service of an ACS::ExecuteAPI, WaitFor or CheckFor task: the
// product, its API version and style. On the API: its parameters as a table.
// On a key under Parameters: that parameter. On a field of a selector over
// the answer: the field's type.
//
//===----------------------------------------------------------------------===//
#include "lsp/Features.h"

#include "analysis/AnswerPaths.h"
#include "analysis/ApiParameterNames.h"
#include "analysis/CloudCalls.h"
#include "analysis/JqScripts.h"
#include "oosc/apis/CloudApis.h"
#include "support/Spelling.h"

namespace oosc::lsp {
namespace {

bool contains(SourceRange range, uint32_t offset) { return range.begin <= offset && offset <= range.end; }

std::string serviceMarkdown(const apis::ProductRecord &product) {
  std::string markdown = "**service** `" + std::string(product.code) + "`: API version `" +
                         std::string(product.version) + "`, " +
                         (product.style == apis::ApiStyle::Restful ? "restful (ROA)" : "RPC");
  size_t apis = apis::cloudApis().apiCount(product);
  markdown += apis ? ", " + std::to_string(apis) + " APIs" : ", APIs not in oosc's table";
  return markdown;
}

std::string apiMarkdown(const apis::ProductRecord &product, const apis::ApiSpec &api) {
  std::string markdown = "**API** `" + std::string(api.name) + "` of " + std::string(product.code) + " " +
                         std::string(product.version) + " (" + std::string(api.methods) + ")";
  if (!api.pathPattern.empty())
    markdown += "\n\nPath: `" + std::string(api.pathPattern) + "`";
  if (api.parameters.empty())
    return markdown + "\n\nNo parameters.";
  markdown += "\n\n| parameter | type | required |\n|---|---|---|";
  for (const apis::ParamSpec &param : api.parameters)
    markdown += "\n| `" + std::string(param.name) + "` | " + std::string(apis::paramTypeName(param.type)) + " | " +
                (param.required ? "yes" : "") + " |";
  return markdown;
}

std::string parameterMarkdown(const apis::ApiSpec &api, const analysis::ParameterMatch &match, const std::string &key) {
  const apis::ParamSpec &param = *match.param;
  std::string markdown = "**parameter** `" + std::string(param.name) + "` of " + std::string(api.name) + ": " +
                         std::string(apis::paramTypeName(param.type)) + ", " +
                         (param.required ? "required" : "optional") + ", in " +
                         std::string(apis::paramPositionName(param.position));
  if (key != param.name)
    markdown += "\n\nWritten `" + key + "`, which OOS sends as `" + std::string(param.name) + "`.";
  if (match.field)
    markdown += "\n\nField `" + std::string(match.field->name) + "`: " +
                std::string(apis::paramTypeName(match.field->type));
  if (!param.fields.empty()) {
    markdown += "\n\nFields:";
    for (const apis::ParamSpec &field : param.fields)
      markdown += " `" + std::string(field.name) + "` (" + std::string(apis::paramTypeName(field.type)) + ")";
  }
  return markdown;
}

/// The field of \p selector under the cursor, followed over \p answer.
std::optional<HoverResult> fieldHover(const ir::Node *selector, const analysis::CloudCall &call,
                                      const apis::Shape &answer, uint32_t offset) {
  if (!selector || !selector->isScalar() || selector->value.find("{{") != std::string::npos)
    return std::nullopt;
  SourceRange whole = selector->valueRange(0, selector->value.size());
  if (!contains(whole, offset) || whole.end - whole.begin != selector->value.size())
    return std::nullopt; // not written verbatim: offsets do not map one to one
  const std::string &text = selector->value;
  size_t at = offset - whole.begin;
  auto isNameChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  size_t begin = at, end = at;
  while (begin > 0 && isNameChar(text[begin - 1]))
    --begin;
  while (end < text.size() && isNameChar(text[end]))
    ++end;
  if (begin == end || (begin > 0 && text[begin - 1] != '.'))
    return std::nullopt;
  analysis::PreparedJqScript prepared = analysis::prepareJqScript({selector, true, ""});
  std::string path = prepared.text.substr(0, end + (prepared.insertedDot != std::string::npos ? 1 : 0));
  analysis::AnswerPathResult result = analysis::followAnswerPath(path, answer);
  if (!result.problems.empty() || !result.resultKind)
    return std::nullopt;
  std::string markdown = "**answer field** `" + text.substr(begin, end - begin) + "` of " + call.api->value + ": " +
                         std::string(apis::shapeKindName(*result.resultKind));
  if (result.shape && result.shape->kind == apis::Shape::Kind::Object && !result.shape->fields.empty()) {
    markdown += "\n\nFields:";
    for (const apis::Shape &field : result.shape->fields)
      markdown += " `" + std::string(field.name) + "`";
  }
  return HoverResult{markdown, selector->valueRange(begin, end)};
}

std::optional<HoverResult> selectorHover(const analysis::CloudCall &call, uint32_t offset) {
  const apis::Shape *answer = apis::cloudApis().answerShape(*call.product, call.spec->name);
  if (!answer)
    return std::nullopt;
  for (const ir::OutputDecl &output : call.task->outputs)
    if (auto found = fieldHover(ir::resolve(output.value), call, *answer, offset))
      return found;
  const ir::Node *properties = ir::resolve(call.task->properties);
  if (properties && properties->isMapping())
    for (const ir::MapEntry &entry : properties->entries)
      if (entry.key && equalsIgnoreCase(entry.key->value, "PropertySelector"))
        return fieldHover(ir::resolve(entry.value), call, *answer, offset);
  return std::nullopt;
}

std::optional<HoverResult> callHover(const analysis::CloudCall &call, uint32_t offset) {
  if (call.product && call.service && contains(call.service->range, offset))
    return HoverResult{serviceMarkdown(*call.product), call.service->range};
  if (!call.spec)
    return std::nullopt;
  if (call.api && contains(call.api->range, offset))
    return HoverResult{apiMarkdown(*call.product, *call.spec), call.api->range};
  if (call.parameters)
    for (const ir::MapEntry &entry : call.parameters->entries)
      if (entry.key && contains(entry.key->range, offset)) {
        auto match = analysis::matchParameter(*call.spec, entry.key->value);
        if (!match)
          return std::nullopt;
        return HoverResult{parameterMarkdown(*call.spec, *match, entry.key->value), entry.key->range};
      }
  return selectorHover(call, offset);
}

} // namespace

std::optional<HoverResult> hoverCloudCall(const Document &document, uint32_t offset) {
  if (!document.analyzed.parsed)
    return std::nullopt;
  for (const ir::Task &task : document.tmpl().tasks) {
    if (!task.decl || !contains(task.decl->range, offset) || !analysis::callsCloudApi(task))
      continue;
    return callHover(analysis::resolveCloudCall(task), offset);
  }
  return std::nullopt;
}

} // namespace oosc::lsp
