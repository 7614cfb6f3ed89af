//===- RestfulParts.cpp - A restful call's URI and Body as parameters -----===//
#include "oosc/runtime/RestfulParts.h"

#include "oosc/apis/PathPattern.h"

namespace oosc::runtime {
namespace {

bool sameName(std::string_view a, std::string_view b) { return equalsIgnoringAsciiCase(a, b); }

/// Sets \p name unless the template gave it already, in any case.
void setUnlessGiven(Value &parameters, const std::string &name, Value value) {
  if (!parameters.findCaseInsensitive(name))
    parameters.set(name, std::move(value));
}

/// The API's parameter that takes the whole body (`body`), if any.
const apis::ParamSpec *bodyParameter(const apis::ApiSpec &api) {
  for (const apis::ParamSpec &parameter : api.parameters)
    if (parameter.position == apis::ParamPosition::Body && sameName(parameter.name, "body"))
      return &parameter;
  return nullptr;
}

} // namespace

bool isRestfulPart(std::string_view name) {
  for (std::string_view part : {"Method", "URI", "Headers", "Body"})
    if (sameName(name, part))
      return true;
  return false;
}

Outcome<Value> foldRestfulParts(const apis::ApiSpec &api, const Value &parameters) {
  if (!parameters.isMap())
    return parameters;
  Value folded(Value::Map{});
  const Value *uri = nullptr, *body = nullptr;
  for (const auto &[name, value] : parameters.getMap()) {
    if (!isRestfulPart(name))
      folded.set(name, value);
    else if (sameName(name, "URI"))
      uri = &value;
    else if (sameName(name, "Body"))
      body = &value;
  }
  // An RPC API has no path: OOS sends it to the endpoint whatever URI a
  // template writes.
  if (uri && uri->isString() && !uri->getString().empty() && !api.pathPattern.empty()) {
    std::optional<apis::PathValues> values = apis::matchPath(uri->getString(), api.pathPattern);
    if (!values)
      return fail("the URI '" + uri->getString() + "' does not have the path of " + std::string(api.name) + " (" +
                  std::string(api.pathPattern) + ")");
    for (auto &[name, value] : *values)
      setUnlessGiven(folded, name, Value(value));
    for (auto &[name, value] : apis::uriQuery(uri->getString()))
      setUnlessGiven(folded, name, Value(value));
  }
  if (!body || body->isNull())
    return folded;
  std::optional<Value> parsed = body->isString() ? parseJson(body->getString()) : std::nullopt;
  bool structured = parsed && (parsed->isMap() || parsed->isList());
  if (const apis::ParamSpec *whole = bodyParameter(api)) {
    setUnlessGiven(folded, std::string(whole->name), structured ? *parsed : *body);
  } else if (structured && parsed->isMap()) {
    // No whole-body parameter: the object's members are the API's body
    // parameters by name.
    for (const auto &[name, value] : parsed->getMap())
      setUnlessGiven(folded, name, value);
  }
  return folded;
}

Outcome<ReachedApi> reachedApi(const apis::ApiTable &table, std::string_view service,
                               const apis::ProductRecord &product, const apis::ApiSpec &named,
                               const Value &parameters) {
  auto folded = foldRestfulParts(named, parameters);
  if (folded || !parameters.isMap())
    return ReachedApi{&product, &named, folded ? std::move(folded.value()) : parameters};
  const Value *uri = parameters.findCaseInsensitive("URI");
  const Value *method = parameters.findCaseInsensitive("Method");
  if (!uri || !uri->isString())
    return fail(folded.error().message);
  std::vector<const apis::ProductRecord *> candidates = {&product};
  for (const apis::ProductRecord *other : table.productsNamed(service))
    if (other != &product)
      candidates.push_back(other);
  for (const apis::ProductRecord *candidate : candidates) {
    const apis::ApiSpec *routed =
        table.findApiByPath(*candidate, method && method->isString() ? method->getString() : "", uri->getString());
    if (!routed)
      continue;
    auto refolded = foldRestfulParts(*routed, parameters);
    if (!refolded)
      return fail(refolded.error().message);
    return ReachedApi{candidate, routed, std::move(refolded.value())};
  }
  return fail(folded.error().message);
}

} // namespace oosc::runtime
