//===- CloudCompletion.cpp - Completion inside calls of cloud APIs ----------===//
#include "lsp/features/CloudCompletion.h"

#include "analysis/AnswerPaths.h"
#include "analysis/ApiParameterNames.h"
#include "oosc/apis/CloudApis.h"
#include "oosc/runtime/Selector.h"

#include <algorithm>

namespace oosc::lsp {
namespace {

struct Line {
  std::string_view text;
  size_t indent = 0;
  bool item = false;
};

std::vector<Line> linesOf(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    Line line{text.substr(start, end - start)};
    if (!line.text.empty() && line.text.back() == '\r')
      line.text.remove_suffix(1);
    line.indent = std::min(line.text.find_first_not_of(' '), line.text.size());
    line.item = line.text.compare(line.indent, 2, "- ") == 0;
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool blank(const Line &line) { return line.indent == line.text.size() || line.text[line.indent] == '#'; }

/// The value of `Key: value` on \p line when its key is \p key, unquoted.
std::optional<std::string> valueOf(const Line &line, std::string_view key) {
  std::string_view rest = line.text.substr(line.indent + (line.item ? 2 : 0));
  rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
  if (rest.compare(0, key.size(), key) != 0 || rest.size() <= key.size() || rest[key.size()] != ':')
    return std::nullopt;
  std::string_view value = rest.substr(key.size() + 1);
  value = value.substr(0, value.find(" #"));
  size_t first = value.find_first_not_of(' '), last = value.find_last_not_of(' ');
  if (first == std::string_view::npos)
    return std::string();
  value = value.substr(first, last - first + 1);
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') && value.back() == value.front())
    value = value.substr(1, value.size() - 2);
  return std::string(value);
}

const apis::ProductRecord *productOf(const RawCall &call) {
  return call.service.empty() ? nullptr : apis::cloudApis().findService(call.service);
}

const apis::ApiSpec *apiOf(const RawCall &call) {
  const apis::ProductRecord *product = productOf(call);
  if (!product || call.api.empty())
    return nullptr;
  return apis::cloudApis().findApi(*product, call.api);
}

std::string parameterDetail(const apis::ParamSpec &param) {
  return std::string(apis::paramTypeName(param.type)) + (param.required ? ", required" : "");
}

} // namespace

RawCall rawCallAround(std::string_view text, uint32_t offset) {
  std::vector<Line> lines = linesOf(text);
  size_t cursorLine = static_cast<size_t>(std::count(text.begin(), text.begin() + std::min<size_t>(offset, text.size()), '\n'));
  if (cursorLine >= lines.size())
    return {};
  // The task is the nearest `- ` item above whose indent is below the cursor's.
  size_t taskLine = cursorLine;
  size_t cursorIndent = blank(lines[cursorLine]) ? offset - (text.rfind('\n', offset ? offset - 1 : 0) + 1) : lines[cursorLine].indent;
  while (true) {
    const Line &line = lines[taskLine];
    if (!blank(line) && line.item && (line.indent < cursorIndent || taskLine == cursorLine) &&
        valueOf(line, "Name"))
      break;
    if (taskLine == 0)
      return {};
    --taskLine;
  }
  size_t taskIndent = lines[taskLine].indent;
  RawCall call;
  for (size_t i = taskLine; i < lines.size(); ++i) {
    if (i > taskLine && !blank(lines[i]) && lines[i].indent <= taskIndent)
      break;
    if (auto service = valueOf(lines[i], "Service"); service && call.service.empty())
      call.service = *service;
    if (auto api = valueOf(lines[i], "API"); api && call.api.empty())
      call.api = *api;
  }
  return call;
}

void addServiceNames(std::vector<CompletionItem> &items, SourceRange replace) {
  const apis::ApiTable &table = apis::cloudApis();
  for (size_t i = 0; i < table.productCount(); ++i) {
    const apis::ProductRecord &product = table.product(i);
    items.push_back({std::string(product.code), CompletionKind::Service,
                     "API version " + std::string(product.version) +
                         (product.style == apis::ApiStyle::Restful ? ", restful" : ""),
                     replace, {}});
  }
}

void addApiNames(std::vector<CompletionItem> &items, const RawCall &call, SourceRange replace) {
  const apis::ProductRecord *product = productOf(call);
  if (!product)
    return;
  for (std::string_view name : apis::cloudApis().apiNames(*product))
    items.push_back({std::string(name), CompletionKind::Api,
                     std::string(product->code) + " " + std::string(product->version), replace, {}});
}

void addApiParameters(std::vector<CompletionItem> &items, const RawCall &call,
                      const std::vector<std::string> &present, SourceRange replace) {
  const apis::ApiSpec *api = apiOf(call);
  if (!api)
    return;
  for (const apis::ParamSpec &param : api->parameters) {
    bool given = std::any_of(present.begin(), present.end(), [&](const std::string &key) {
      auto match = analysis::matchParameter(*api, key);
      return match && match->param == &param;
    });
    if (given)
      continue;
    items.push_back({std::string(param.name), CompletionKind::Parameter, parameterDetail(param), replace,
                     (param.required ? "0" : "1") + std::string(param.name)});
  }
}

void addAnswerFields(std::vector<CompletionItem> &items, const RawCall &call, std::string_view selector,
                     uint32_t cursor) {
  const apis::ProductRecord *product = productOf(call);
  const apis::ApiSpec *api = apiOf(call);
  if (!product || !api)
    return;
  const apis::Shape *answer = apis::cloudApis().answerShape(*product, api->name);
  if (!answer)
    return;
  // The partial field after the last '.', and the path before it.
  size_t dot = selector.rfind('.');
  std::string_view partial = dot == std::string_view::npos ? selector : selector.substr(dot + 1);
  if (partial.find_first_of("[]| ()") != std::string_view::npos)
    return;
  std::string path(dot == std::string_view::npos ? std::string_view() : selector.substr(0, dot));
  path = runtime::normalizeSelector(path.empty() ? std::string(".") : path);
  const apis::Shape *shape = &*answer;
  if (path != ".") {
    analysis::AnswerPathResult result = analysis::followAnswerPath(path, *answer);
    shape = result.problems.empty() ? result.shape : nullptr;
  }
  if (!shape || shape->kind != apis::Shape::Kind::Object)
    return;
  SourceRange replace{cursor - static_cast<uint32_t>(partial.size()), cursor};
  for (const apis::Shape &field : shape->fields)
    items.push_back({std::string(field.name), CompletionKind::Field, std::string(apis::shapeKindName(field.kind)),
                     replace, {}});
}

} // namespace oosc::lsp
