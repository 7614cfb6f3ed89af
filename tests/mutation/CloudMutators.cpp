//===- CloudMutators.cpp - Defects in the calls of cloud APIs ---------------===//
//
// Five mutators for ACS::ExecuteAPI, ACS::WaitFor and ACS::CheckFor tasks
// whose Service and API the table knows: a misspelt service, API and
// parameter name, a required parameter removed, and a misspelt field in a
// selector over the answer. Misspellings are a person's typos: two
// neighbouring letters swapped, or the second letter dropped, never a name
// that exists.
//
//===----------------------------------------------------------------------===//
#include "TextEdits.h"

#include "analysis/AnswerPaths.h"
#include "analysis/ApiParameterNames.h"
#include "analysis/CloudCalls.h"
#include "analysis/JqScripts.h"
#include "oosc/apis/CloudApis.h"
#include "support/Spelling.h"

#include <cctype>

namespace oosc::mutation {
namespace {

using analysis::CloudCall;

/// The calls whose service and API the table knows, as the rules see them.
std::vector<CloudCall> knownCalls(const TemplateFacts &facts) {
  std::vector<CloudCall> calls;
  for (CloudCall &call : analysis::collectCloudCalls(facts.tmpl))
    if (call.spec && call.uriFitsApi)
      calls.push_back(std::move(call));
  return calls;
}

/// Letters 2 and 3 swapped, or the second letter dropped, whichever differs
/// from the name and is not \p taken.
template <typename Taken> std::optional<std::string> typo(const std::string &name, Taken taken) {
  if (name.size() < 3)
    return std::nullopt;
  std::string swapped = name;
  std::swap(swapped[1], swapped[2]);
  std::string dropped = name.substr(0, 1) + name.substr(2);
  for (const std::string &candidate : {swapped, dropped})
    if (candidate != name && !taken(candidate))
      return candidate;
  return std::nullopt;
}

void misspellScalar(const TemplateFacts &facts, const ir::Node *node, const std::string &spelling,
                    const std::string &what, std::vector<Edit> &edits) {
  auto range = verbatimValue(facts.file, node);
  if (range)
    edits.push_back({replaceRange(*range, spelling), range->begin, what + " '" + node->value + "' -> '" + spelling + "'"});
}

/// The whole line of a one-line `Key: scalar` entry of a block mapping.
std::optional<SourceRange> entryLine(const SourceFile &file, const ir::MapEntry &entry) {
  const ir::Node *value = ir::resolve(entry.value);
  if (!entry.key || !value || !value->isScalar())
    return std::nullopt;
  LineColumn keyAt = file.lineColumn(entry.key->range.begin);
  if (file.lineColumn(value->range.end).line != keyAt.line)
    return std::nullopt;
  uint32_t begin = file.lineStart(keyAt.line);
  std::string_view before = file.text().substr(begin, entry.key->range.begin - begin);
  if (before.find_first_not_of(' ') != std::string_view::npos)
    return std::nullopt; // `- Key:` or flow syntax: not a line of its own
  uint32_t end = keyAt.line < file.lineCount() ? file.lineStart(keyAt.line + 1)
                                               : static_cast<uint32_t>(file.text().size());
  return SourceRange{begin, end};
}

} // namespace

std::vector<Edit> misspellService(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  const apis::ApiTable &table = apis::cloudApis();
  for (const CloudCall &call : knownCalls(facts)) {
    auto spelling = typo(call.service->value, [&](const std::string &name) { return table.findService(name); });
    if (spelling)
      misspellScalar(facts, call.service, *spelling, "service", edits);
  }
  return edits;
}

std::vector<Edit> misspellApi(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  const apis::ApiTable &table = apis::cloudApis();
  for (const CloudCall &call : knownCalls(facts)) {
    auto spelling = typo(call.api->value, [&](const std::string &name) { return table.findApi(*call.product, name); });
    if (spelling)
      misspellScalar(facts, call.api, *spelling, "API", edits);
  }
  return edits;
}

std::vector<Edit> misspellApiParameter(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  for (const CloudCall &call : knownCalls(facts)) {
    if (!call.parameters)
      continue;
    for (const ir::MapEntry &entry : call.parameters->entries) {
      if (!entry.key || analysis::isRegionIdParameter(entry.key->value) ||
          !analysis::matchParameter(*call.spec, entry.key->value))
        continue;
      auto spelling = typo(entry.key->value, [&](const std::string &name) {
        return analysis::isRegionIdParameter(name) || analysis::matchParameter(*call.spec, name) ||
               call.parameters->get(name);
      });
      if (spelling)
        misspellScalar(facts, entry.key, *spelling, "parameter", edits);
    }
  }
  return edits;
}

std::vector<Edit> removeRequiredParameter(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  for (const CloudCall &call : knownCalls(facts)) {
    if (!call.parameters || call.parameters->entries.size() < 2 || isFlowMapping(facts.file, call.parameters))
      continue;
    bool restful = call.restfulForm || call.product->style == apis::ApiStyle::Restful;
    for (const ir::MapEntry &entry : call.parameters->entries) {
      auto match = entry.key ? analysis::matchParameter(*call.spec, entry.key->value) : std::nullopt;
      if (!match || !analysis::requiredInParameters(*match->param, restful))
        continue;
      // Only the one key that gives it: removing one of several leaves it given.
      size_t givers = 0;
      for (const ir::MapEntry &other : call.parameters->entries) {
        auto otherMatch = other.key ? analysis::matchParameter(*call.spec, other.key->value) : std::nullopt;
        givers += otherMatch && otherMatch->param == match->param;
      }
      auto line = entryLine(facts.file, entry);
      if (givers != 1 || !line || call.api->range.begin >= line->begin)
        continue;
      edits.push_back({replaceRange(*line, ""), call.api->range.begin,
                       "required parameter '" + entry.key->value + "' of " + call.api->value + " removed"});
    }
  }
  return edits;
}

std::vector<Edit> misspellSelectorField(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  const apis::ApiTable &table = apis::cloudApis();
  for (const CloudCall &call : knownCalls(facts)) {
    const apis::Shape *answer = table.answerShape(*call.product, call.spec->name);
    if (!answer || answer->kind != apis::Shape::Kind::Object)
      continue;
    std::vector<const ir::Node *> selectors;
    for (const ir::OutputDecl &output : call.task->outputs)
      selectors.push_back(ir::resolve(output.value));
    const ir::Node *properties = ir::resolve(call.task->properties);
    if (properties && properties->isMapping() && !equalsIgnoreCase(call.task->action, "ACS::ExecuteAPI"))
      selectors.push_back(ir::resolve(properties->get("PropertySelector")));
    for (const ir::Node *selector : selectors) {
      if (!selector || !selector->isScalar() || selector->value.find("{{") != std::string::npos)
        continue;
      // The first field the selector reads, at the top of the answer: the
      // one a path follower always reaches.
      const std::string &text = selector->value;
      size_t start = text.find_first_not_of(' ');
      if (start == std::string::npos)
        continue;
      start += text[start] == '.';
      size_t end = start;
      while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
        ++end;
      std::string field = text.substr(start, end - start);
      if (field.empty() || !answer->field(field))
        continue;
      auto spelling = typo(field, [&](const std::string &name) { return answer->field(name) != nullptr; });
      auto range = verbatimValue(facts.file, selector);
      if (!spelling || !range)
        continue;
      SourceRange fieldRange{range->begin + static_cast<uint32_t>(start), range->begin + static_cast<uint32_t>(end)};
      edits.push_back({replaceRange(fieldRange, *spelling), fieldRange.begin,
                       "selector field '" + field + "' -> '" + *spelling + "'"});
    }
  }
  return edits;
}

} // namespace oosc::mutation
