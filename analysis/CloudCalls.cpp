//===- CloudCalls.cpp - Tasks that call a cloud API ---------------------------===//
#include "analysis/CloudCalls.h"

#include "analysis/SchemaWalk.h"
#include "oosc/apis/CloudApis.h"
#include "oosc/apis/PathPattern.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using ir::property;

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
  if (call.spec && uri && !call.uriFitsApi && uri->isScalar()) {
    const ir::Node *method = property(properties, "Method");
    for (const apis::ProductRecord *product : table.productsNamed(call.service->value)) {
      call.routed = table.findApiByPath(*product, method && method->isScalar() ? method->value : "", uri->value,
                                        /*templated=*/true);
      call.routedProduct = call.routed ? product : nullptr;
      if (call.routed)
        break;
    }
  }
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
  return apis::matchPath(uri, pathPattern, {/*templated=*/true}).has_value();
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

/// The parameter a restful URI's path segment is, whole: `{{ clusterId }}`.
std::string wholeParameterText(std::string_view segment) {
  if (segment.size() < 5 || segment.substr(0, 2) != "{{" || segment.substr(segment.size() - 2) != "}}")
    return "";
  std::string_view inner = segment.substr(2, segment.size() - 4);
  while (!inner.empty() && inner.front() == ' ')
    inner.remove_prefix(1);
  while (!inner.empty() && inner.back() == ' ')
    inner.remove_suffix(1);
  bool plainName = !inner.empty() && inner.find_first_of(" .:{}|'\"") == std::string_view::npos;
  return plainName ? std::string(inner) : "";
}

/// Feeds of a restful call's URI: a segment that is a parameter whole
/// (`/clusters/{{ clusterId }}/attachscript`) feeds the API's path
/// parameter in that place (ClusterId).
void addUriFeeds(const CloudCall &call, std::map<std::string, std::vector<std::string>> &feeds) {
  const apis::ApiSpec *spec = call.uriFitsApi ? call.spec : call.routed;
  const ir::Node *uri = property(ir::resolve(call.task->properties), "URI");
  if (!spec || !uri || !uri->isScalar())
    return;
  std::optional<apis::PathValues> slots = apis::matchPath(uri->value, spec->pathPattern, {/*templated=*/true});
  if (slots)
    for (const auto &[slot, text] : *slots)
      if (std::string name = wholeParameterText(text); !name.empty())
        feeds[foldCase(name)].push_back(call.service->value + "." + slot);
}

} // namespace

namespace {

/// Feeds of \p tmpl's parameters, \p depth levels of actions down at most:
/// definitions that call each other in a circle end.
void addFeeds(const ir::Template &tmpl, const ActionTemplates &actions, int depth,
              std::map<std::string, std::vector<std::string>> &feeds) {
  for (const CloudCall &call : collectCloudCalls(tmpl)) {
    if (call.serviceIsLiteral() && call.restfulForm)
      addUriFeeds(call, feeds);
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
