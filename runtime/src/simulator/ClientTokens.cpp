// ClientTokens.cpp - Idempotent calls on the simulated cloud: the world keeps
// each ClientToken with the call's parameters and answer, so a runner that
// repeats a call after an interruption gets the same resource back.
#include "World.h"

namespace oosc::runtime::sim {
namespace {

std::string apiName(const ApiSpec &spec) {
  return std::string(spec.service) + "." + std::string(spec.api);
}

/// The parameters without the token: what a repeat must match.
std::string fingerprint(const Value &parameters) {
  Value rest(Value::Map{});
  for (const auto &[name, value] : parameters.getMap())
    if (!equalsIgnoreCase(name, "ClientToken"))
      rest.set(name, value);
  return rest.toJson();
}

const Value *tokenOf(const Value &parameters) {
  const Value *token = parameters.isMap() ? parameters.findCaseInsensitive("ClientToken") : nullptr;
  return token && token->isString() && !token->getString().empty() ? token : nullptr;
}

} // namespace

std::optional<Outcome<Value, ApiError>> replayClientToken(const World &world, const ApiSpec &spec,
                                                          const Value &parameters) {
  const Value *token = tokenOf(parameters);
  if (!token || !spec.mutates)
    return std::nullopt;
  for (const Value &record : world.records(section::ClientTokens)) {
    if (textOf(record, "ClientToken") != token->getString() || textOf(record, "Api") != apiName(spec))
      continue;
    if (textOf(record, "Parameters") != fingerprint(parameters))
      return Outcome<Value, ApiError>(makeError(
          400, "IdempotentParameterMismatch",
          "The specified parameter ClientToken has been used with other request parameters."));
    const Value *response = record.find("Response");
    return Outcome<Value, ApiError>(response ? *response : object());
  }
  return std::nullopt;
}

void rememberClientToken(World &world, const ApiSpec &spec, const Value &parameters,
                         const Value &response) {
  const Value *token = tokenOf(parameters);
  if (!token || !spec.mutates)
    return;
  Value record = object();
  record.set("ClientToken", *token);
  record.set("Api", apiName(spec));
  record.set("Parameters", fingerprint(parameters));
  record.set("Response", response);
  world.records(section::ClientTokens).push_back(std::move(record));
}

} // namespace oosc::runtime::sim
