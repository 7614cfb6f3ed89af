//===- CloudCalls.cpp - Tasks that call a cloud API ---------------------------===//
#include "analysis/CloudCalls.h"

#include "analysis/SchemaWalk.h"
#include "oosc/apis/CloudApis.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using ir::property;

std::vector<std::string_view> pathSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (!segment.empty())
      segments.push_back(segment);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return segments;
}

/// `2016-08-15`: the API version some restful products put first in a path.
bool isVersionSegment(std::string_view segment) {
  if (segment.size() != 10 || segment[4] != '-' || segment[7] != '-')
    return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (segment[i] < '0' || segment[i] > '9')
      return false;
  return true;
}

bool isLiteralName(const ir::Node *node) {
  // A name with spaces is text a broken document ran together, not a name.
  return node && node->isScalar() && !node->value.empty() && !isComputed(node) &&
         node->value.find("${") == std::string::npos && node->value.find_first_of(" \t\n") == std::string::npos;
}

} // namespace

bool CloudCall::serviceIsLiteral() const { return isLiteralName(service); }
bool CloudCall::apiIsLiteral() const { return isLiteralName(api); }

bool callsCloudApi(const ir::Task &task) {
  for (std::string_view action : {"ACS::ExecuteAPI", "ACS::WaitFor", "ACS::CheckFor"})
    if (equalsIgnoreCase(task.action, action))
      return true;
  return false;
}

CloudCall resolveCloudCall(const ir::Task &task) {
  CloudCall call;
  call.task = &task;
  const ir::Node *properties = ir::resolve(task.properties);
  call.service = property(properties, "Service");
  call.api = property(properties, "API");
  const ir::Node *parameters = property(properties, "Parameters");
  // An Fn:: call (Fn::MergeMap of two mappings) is computed like a {{ }}.
  call.parameters = parameters && parameters->isMapping() && !isComputed(parameters) ? parameters : nullptr;
  const ir::Node *uri = property(properties, "URI");
  call.restfulForm = uri != nullptr;
  if (!call.serviceIsLiteral())
    return call;
  const apis::ApiTable &table = apis::cloudApis();
  call.product = call.apiIsLiteral() ? table.findService(call.service->value, call.api->value)
                                     : table.findService(call.service->value);
  if (call.product && call.apiIsLiteral())
    call.spec = table.findApi(*call.product, call.api->value);
  if (call.spec && uri)
    call.uriFitsApi = uri->isScalar() && !uri->value.empty() && uri->value.find("Fn::") == std::string::npos &&
                      uriFitsPattern(uri->value, call.spec->pathPattern);
  return call;
}

std::vector<CloudCall> collectCloudCalls(const ir::Template &tmpl) {
  std::vector<CloudCall> calls;
  for (const ir::Task &task : tmpl.tasks)
    if (callsCloudApi(task))
      calls.push_back(resolveCloudCall(task));
  return calls;
}

bool isRegionIdParameter(std::string_view name) { return equalsIgnoreCase(name, "RegionId"); }

bool uriFitsPattern(std::string_view uri, std::string_view pathPattern) {
  std::vector<std::string_view> given = pathSegments(uri.substr(0, uri.find('?')));
  std::vector<std::string_view> wanted = pathSegments(pathPattern);
  if (!given.empty() && isVersionSegment(given.front()) && !(!wanted.empty() && isVersionSegment(wanted.front())))
    given.erase(given.begin());
  if (given.size() != wanted.size())
    return false;
  for (size_t i = 0; i < given.size(); ++i) {
    bool slot = wanted[i].size() > 2 && wanted[i].front() == '[' && wanted[i].back() == ']';
    if (!slot && given[i].find("{{") == std::string_view::npos && given[i] != wanted[i])
      return false;
  }
  return true;
}

namespace {

/// The template parameter \p value is, whole: `{{ name }}` or `['{{ name }}']`.
const ir::Reference *wholeParameter(const ir::Node *value) {
  value = ir::resolve(value);
  if (value && value->isSequence() && value->items.size() == 1)
    value = ir::resolve(value->items.front());
  if (!value || !value->isScalar() || !value->interpolation || !value->interpolation->isWholeValue())
    return nullptr;
  const auto &reference = std::get<ir::Reference>(value->interpolation->pieces.front());
  return reference.kind == ir::RefKind::Name && reference.parts.size() == 1 ? &reference : nullptr;
}

} // namespace

namespace {

/// Feeds of \p tmpl's parameters, \p depth levels of actions down at most:
/// definitions that call each other in a circle end.
void addFeeds(const ir::Template &tmpl, const ActionTemplates &actions, int depth,
              std::map<std::string, std::vector<std::string>> &feeds) {
  for (const CloudCall &call : collectCloudCalls(tmpl)) {
    if (!call.serviceIsLiteral() || !call.parameters)
      continue;
    for (const ir::MapEntry &entry : call.parameters->entries)
      if (const ir::Reference *reference = wholeParameter(entry.value); reference && entry.key)
        feeds[foldCase(reference->parts.front().text)].push_back(call.service->value + "." + entry.key->value);
  }
  if (depth == 0)
    return;
  for (const ir::Task &task : tmpl.tasks) {
    auto action = actions.find(foldCase(task.action));
    if (action == actions.end() || !task.properties || !task.properties->isMapping())
      continue;
    std::map<std::string, std::vector<std::string>> inner;
    addFeeds(*action->second, actions, depth - 1, inner);
    for (const ir::MapEntry &entry : task.properties->entries) {
      const ir::Reference *reference = wholeParameter(entry.value);
      auto fed = entry.key ? inner.find(foldCase(entry.key->value)) : inner.end();
      if (reference && fed != inner.end()) {
        std::vector<std::string> &mine = feeds[foldCase(reference->parts.front().text)];
        mine.insert(mine.end(), fed->second.begin(), fed->second.end());
      }
    }
  }
}

} // namespace

std::map<std::string, std::vector<std::string>> parameterFeeds(const ir::Template &tmpl,
                                                               const ActionTemplates &actions) {
  std::map<std::string, std::vector<std::string>> feeds;
  // Deep enough for the corpus (a template, a bulk action, the action it
  // loops over); each level is a definition someone wrote.
  addFeeds(tmpl, actions, 4, feeds);
  return feeds;
}

} // namespace oosc::analysis
