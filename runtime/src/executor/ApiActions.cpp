//===- ApiActions.cpp - Calls to cloud APIs, once or until a value shows ---===//
#include "executor/ApiActions.h"

#include "executor/Idempotence.h"
#include "executor/Jq.h"
#include "http/WebhookSender.h"
#include "executor/Retry.h"
#include "executor/StepRecords.h"

namespace oosc::runtime {
namespace {

struct ApiRequest {
  std::string service;
  std::string api;
  Value parameters = Value(Value::Map{});
};

/// One cloud call, journaled with its request id and result (Idempotence.h).
Outcome<Value, ApiError> callCloud(ActionCall &call, const ApiRequest &request) {
  return callCloudOnce(call, request.service, request.api, request.parameters);
}

Outcome<ApiRequest> readRequest(const Value &properties) {
  ApiRequest request;
  const Value *service = properties.findCaseInsensitive("Service");
  const Value *api = properties.findCaseInsensitive("API");
  if (!service || !api)
    return fail("Properties need Service and API");
  request.service = service->toDisplayString();
  request.api = api->toDisplayString();
  if (const Value *parameters = properties.findCaseInsensitive("Parameters")) {
    if (!parameters->isMap() && !parameters->isNull())
      return fail("Parameters must be a mapping, not " + parameters->toJson());
    if (parameters->isMap())
      request.parameters = *parameters;
  }
  // A restful call's parts go to the backend with the parameters: it folds
  // them into the API's own (RestfulParts.h) or speaks them (OSS).
  for (std::string_view part : {"Method", "URI", "Headers", "Body"})
    if (const Value *value = properties.findCaseInsensitive(part))
      request.parameters.set(std::string(part), *value);
  return request;
}

std::string describeError(const ApiRequest &request, const ApiError &error) {
  return request.service + "." + request.api + " failed: " + error.code + ": " + error.message;
}

/// The list inside a paged response: the first member that is a map holding
/// exactly one list (`Instances: {Instance: [...]}`), as DescribeXxx APIs do.
Value *pagedList(Value &response) {
  if (!response.isMap())
    return nullptr;
  for (auto &[key, member] : response.getMap())
    if (member.isMap() && member.getMap().size() == 1 && member.getMap()[0].second.isList())
      return &member.getMap()[0].second;
  return nullptr;
}

/// AutoPaging (default on): follows PageNumber/TotalCount and NextToken,
/// appending each page's list to the first page's.
Outcome<Value> callWithPaging(ActionCall &call, ApiRequest request, bool autoPaging) {
  auto first = callCloud(call, request);
  if (!first)
    return fail(describeError(request, first.error()));
  Value response = std::move(first.value());
  Value *items = pagedList(response);
  // Bounded: a misbehaving API must not make a runner loop forever.
  for (int page = 2; autoPaging && items && page <= 1000; ++page) {
    const Value *token = response.find("NextToken");
    const Value *total = response.find("TotalCount");
    const Value *size = response.find("PageSize");
    if (token && token->isString() && !token->getString().empty()) {
      request.parameters.set("NextToken", *token);
    } else if (total && size && total->isNumber() && size->isNumber() &&
               // Compared as doubles: a TotalCount of 1e30 or -1 converted
               // to size_t would be undefined behaviour.
               static_cast<double>(items->size()) < total->getNumber() && size->getNumber() > 0) {
      request.parameters.set("PageNumber", Value(static_cast<int64_t>(page)));
    } else {
      break;
    }
    auto next = callCloud(call, request);
    if (!next)
      return fail(describeError(request, next.error()));
    Value *more = pagedList(next.value());
    if (!more || more->size() == 0)
      break;
    for (Value &item : more->getList())
      items->append(std::move(item));
    if (const Value *nextToken = next.value().find("NextToken"))
      response.set("NextToken", *nextToken);
    else
      response.set("NextToken", Value(""));
  }
  return response;
}

} // namespace

Outcome<Value> callAllPages(ActionCall &call, std::string service, std::string api, Value parameters) {
  return callWithPaging(call, {std::move(service), std::move(api), std::move(parameters)}, true);
}

namespace {

/// Values compared as OOS compares them: as text ('true' matches true, 0
/// matches "0").
bool listHolds(const Value *list, const std::string &text) {
  if (!list || !list->isList())
    return false;
  for (const Value &item : list->getList())
    if (item.toDisplayString() == text)
      return true;
  return false;
}

enum class Check : uint8_t { Matched, NotYet, Stop };

/// One poll: call the API (an API error's body is what the selector reads,
/// as templates expect), select, compare.
Outcome<std::pair<Check, Value>> poll(ActionCall &call, const ApiRequest &request) {
  const Value &properties = call.properties;
  const Value *selector = properties.findCaseInsensitive("PropertySelector");
  if (!selector)
    return fail("PropertySelector is required");
  auto response = callCloud(call, request);
  Value body = response ? std::move(response.value()) : response.error().body();
  auto selected = threadJqEngine().run(normalizeSelector(selector->toDisplayString()), body);
  if (!selected)
    return fail("PropertySelector: " + selected.error().message);
  std::vector<std::string> texts;
  for (const Value &value : selected.value())
    texts.push_back(value.toDisplayString());
  // A selector that yields nothing (`.VSwitches.VSwitch[]` once the last
  // one is gone) selects null, as a ValueSelector does: Alibaba's templates
  // wait for a removal with `DesiredValues: [null]` (ACS::ECS::
  // SMCVerifyInstanceByRunCommand, ACS-TAG-TagResources).
  if (texts.empty())
    texts.push_back("null");
  const Value *desired = properties.findCaseInsensitive("DesiredValues");
  const Value *notDesired = properties.findCaseInsensitive("NotDesiredValues");
  const Value *stop = properties.findCaseInsensitive("StopRetryValues");
  bool allDesired = true, noneNotDesired = true, stopNow = false;
  for (const std::string &text : texts) {
    allDesired = allDesired && listHolds(desired, text);
    noneNotDesired = noneNotDesired && !listHolds(notDesired, text);
    stopNow = stopNow || listHolds(stop, text);
  }
  Check check = stopNow ? Check::Stop
                : (desired ? allDesired : noneNotDesired) ? Check::Matched
                                                          : Check::NotYet;
  Value shown = selected.value().empty() ? Value()
                : texts.size() == 1       ? Value(texts[0])
                                          : Value(Value::List(selected.value()));
  return std::make_pair(check, check == Check::Matched ? std::move(body) : shown);
}

Outcome<Value> pollUntil(ActionCall &call, bool wait) {
  auto request = readRequest(call.properties);
  if (!request)
    return request.error();
  auto policy = retryPolicy(call.task, call.context, wait ? 10 : 0);
  if (!policy)
    return policy.error();
  for (unsigned attempt = 0;; ++attempt) {
    auto result = poll(call, request.value());
    if (!result)
      return result.error();
    auto &[check, value] = result.value();
    if (check == Check::Matched)
      return value;
    if (check == Check::Stop)
      return fail("the selected value " + value.toJson() + " is one of the StopRetryValues");
    if (!wait || attempt >= policy.value().retries)
      return fail(wait ? "the selected value is still " + value.toJson() + " after " +
                             std::to_string(attempt + 1) + " checks"
                       : "the selected value " + value.toJson() + " is not the desired one");
    call.state.environment.clock.sleepFor(policy.value().delayBefore(attempt));
  }
}

} // namespace

Outcome<Value> executeApi(ActionCall &call) {
  auto request = readRequest(call.properties);
  if (!request)
    return request.error();
  const Value *paging = call.properties.findCaseInsensitive("AutoPaging");
  bool autoPaging = !paging || paging->toDisplayString() != "false";
  auto policy = retryPolicy(call.task, call.context, 0);
  if (!policy)
    return policy.error();
  for (unsigned attempt = 0;; ++attempt) {
    auto response = callWithPaging(call, request.value(), autoPaging);
    if (response || attempt >= policy.value().retries)
      return response;
    call.state.environment.clock.sleepFor(policy.value().delayBefore(attempt));
  }
}

Outcome<Value> waitFor(ActionCall &call) { return pollUntil(call, true); }

namespace {

/// The webhook posted for real (`--webhooks post`); journaled as HTTP.POST.
Outcome<Value> postWebhook(ActionCall &call, WebhookSender &sender, const ApiRequest &request) {
  const Value *uri = request.parameters.find("URI");
  if (!uri || !uri->isString() || uri->getString().empty())
    return fail("ACS::Notify: WebHook needs a URI");
  const Value *content = request.parameters.find("Content");
  std::string body = !content ? "" : content->isString() ? content->getString() : content->toJson();
  const Value *headers = request.parameters.find("Headers");
  auto status = sender.post(uri->getString(), headers ? *headers : Value(Value::Map{}), body);
  bool ok = status && status.value() >= 200 && status.value() < 300;
  std::string result = ok ? "Success" : status ? "HTTP " + std::to_string(status.value()) : "Unreachable";
  apiCallMade(call.state, call.task, call.loopItem, "HTTP", "POST", "", result);
  if (!status)
    return fail("ACS::Notify: " + status.error().message);
  if (!ok)
    return fail("ACS::Notify: the webhook " + uri->getString() + " answered HTTP " +
                std::to_string(status.value()));
  return Value(Value::Map{});
}

} // namespace

Outcome<Value> notify(ActionCall &call) {
  const Value *type = call.properties.findCaseInsensitive("NotifyType");
  if (type && !sameName(type->toDisplayString(), "WebHook"))
    return fail("ACS::Notify with NotifyType " + type->toDisplayString() + " is not supported yet");
  const Value *webhook = call.properties.findCaseInsensitive("WebHook");
  if (!webhook || !webhook->isMap())
    return fail("ACS::Notify needs WebHook: {URI, Headers, Content}");
  ApiRequest request{"OOS", "NotifyWebhook", Value(Value::Map{})};
  for (std::string_view key : {"URI", "Headers", "Content"})
    if (const Value *value = webhook->findCaseInsensitive(key))
      request.parameters.set(std::string(key), *value);
  if (WebhookSender *sender = call.state.environment.webhooks)
    return postWebhook(call, *sender, request);
  auto posted = callCloud(call, request);
  if (!posted)
    return fail("ACS::Notify: " + describeError(request, posted.error()));
  return Value(Value::Map{});
}

Outcome<Value> checkFor(ActionCall &call) { return pollUntil(call, false); }

} // namespace oosc::runtime
