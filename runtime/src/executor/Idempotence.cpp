//===- Idempotence.cpp ------------------------------------------------------===//
#include "executor/Idempotence.h"

#include "executor/History.h"
#include "executor/Jq.h"
#include "executor/StepRecords.h"

#include <cstdio>

namespace oosc::runtime {
namespace {

enum class Repeat : uint8_t { Read, ClientToken, Repeatable, Lookup, Unknown };

struct IdempotenceRule {
  std::string_view service, api;
  Repeat repeat;
  std::string_view lookupService = {}, lookupApi = {}, lookupParameters = {}, selector = {},
                   doneValues = {};
};

constexpr IdempotenceRule kRules[] = {
#define OOSC_CLIENT_TOKEN(service, api) {service, api, Repeat::ClientToken},
#define OOSC_REPEATABLE(service, api) {service, api, Repeat::Repeatable},
#define OOSC_LOOKUP(service, api, lookupService, lookupApi, parameters, selector, done)             \
  {service, api, Repeat::Lookup, lookupService, lookupApi, parameters, selector, done},
#include "executor/Idempotence.def"
};

bool startsWithWord(std::string_view api, std::string_view verb) {
  return api.size() > verb.size() && equalsIgnoringAsciiCase(api.substr(0, verb.size()), verb);
}

bool isRead(std::string_view api) {
  for (std::string_view verb : {"Describe", "List", "Get", "Query", "Check", "Search"})
    if (startsWithWord(api, verb))
      return true;
  return false;
}

const IdempotenceRule *findRule(std::string_view service, std::string_view api) {
  for (const IdempotenceRule &rule : kRules)
    if (sameName(rule.service, service) && sameName(rule.api, api))
      return &rule;
  return nullptr;
}

/// Names the call within its execution: `task#run[item]:n`.
std::string nextCallKey(ActionCall &call) {
  std::string key = call.task.name + "#" + std::to_string(call.state.runOf(call.task));
  if (call.loopItem >= 0)
    key += "[" + std::to_string(call.loopItem) + "]";
  return key + ":" + std::to_string(++call.changingCalls);
}

/// Sends one call and journals it: reads once with their answer, changes as
/// "Sent" first (so a resume knows it may have happened), then the answer.
Outcome<Value, ApiError> send(ActionCall &call, const std::string &service, const std::string &api,
                              const Value &parameters, const std::string &key) {
  ExecutionState &state = call.state;
  long long row = key.empty() ? 0 : apiCallSent(state, call.task, call.loopItem, service, api, key);
  // Attempts the cloud's client repeats by itself are journaled one by one.
  auto repeated = [&](const RepeatedAttempt &attempt) {
    apiCallRepeated(state, call.task, call.loopItem, service, api, attempt);
  };
  auto response = state.environment.cloud.callObserved(service, api, parameters, repeated);
  if (KillSwitch *kill = state.environment.killSwitch)
    kill->callAnswered();
  const Value *requestIdValue = response ? response.value().find("RequestId") : nullptr;
  std::string requestId = response ? (requestIdValue ? requestIdValue->toDisplayString() : "")
                                   : response.error().requestId;
  std::string result = response ? "Success" : response.error().code;
  if (key.empty())
    apiCallMade(state, call.task, call.loopItem, service, api, requestId, result);
  else
    apiCallAnswered(state, row, requestId, result);
  return response;
}

std::vector<std::string> splitOn(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t end; (end = text.find(separator, start)) != std::string_view::npos; start = end + 1)
    parts.emplace_back(text.substr(start, end - start));
  parts.emplace_back(text.substr(start));
  return parts;
}

/// The lookup's request: "To=From" copies, "To=[From]" wraps in a JSON list.
Value lookupParameters(const IdempotenceRule &rule, const Value &parameters) {
  Value lookup(Value::Map{});
  for (const std::string &assignment : splitOn(rule.lookupParameters, ',')) {
    size_t equals = assignment.find('=');
    std::string to = assignment.substr(0, equals), from = assignment.substr(equals + 1);
    bool wrap = from.size() > 2 && from.front() == '[' && from.back() == ']';
    if (wrap)
      from = from.substr(1, from.size() - 2);
    if (const Value *value = parameters.findCaseInsensitive(from))
      lookup.set(to, wrap ? Value(Value(Value::List{*value}).toJson()) : *value);
  }
  return lookup;
}

/// Whether the call the interrupted run sent took effect, by the rule's lookup.
Outcome<bool> tookEffect(ActionCall &call, const IdempotenceRule &rule, const Value &parameters) {
  std::string service(rule.lookupService), api(rule.lookupApi);
  auto response = send(call, service, api, lookupParameters(rule, parameters), "");
  if (!response)
    return fail(service + "." + api + " failed: " + response.error().code + ": " +
                response.error().message);
  auto selected = threadJqEngine().run(std::string(rule.selector), response.value());
  if (!selected)
    return fail("selector " + std::string(rule.selector) + ": " + selected.error().message);
  std::vector<std::string> done = splitOn(rule.doneValues, '|');
  for (const Value &value : selected.value())
    if (std::find(done.begin(), done.end(), value.toDisplayString()) == done.end())
      return false;
  return !selected.value().empty();
}

ApiError refusal(const std::string &code, const std::string &message) {
  ApiError error;
  error.code = code;
  error.message = message;
  return error;
}

/// A resumed step meets a call its interrupted run had sent: the answer to
/// give without sending it again, or nothing to send it.
std::optional<Outcome<Value, ApiError>> settle(ActionCall &call, const IdempotenceRule *rule,
                                               Repeat repeat, const CallHistory &earlier,
                                               const std::string &service, const std::string &api,
                                               const Value &parameters) {
  bool mayHaveHappened = earlier.result == "Sent" || earlier.result == "Success";
  if (!mayHaveHappened || repeat == Repeat::ClientToken || repeat == Repeat::Repeatable)
    return std::nullopt; // an error changed nothing; a token or the API makes repeating safe
  std::string name = service + "." + api;
  if (repeat == Repeat::Unknown)
    return Outcome<Value, ApiError>(refusal(
        "oosc.UnknownOutcome",
        name + " was sent before the runner stopped, and oosc knows no safe way to repeat it (it "
               "takes no ClientToken and has no lookup in Idempotence.def): check what it did; "
               "the step fails rather than repeat it blindly"));
  if (earlier.result == "Success")
    return Outcome<Value, ApiError>(Value(Value::Map{{"RequestId", earlier.requestId}}));
  auto done = tookEffect(call, *rule, parameters);
  if (!done)
    return Outcome<Value, ApiError>(
        refusal("oosc.LookupFailed", "cannot tell whether the interrupted " + name +
                                         " took effect: " + done.error().message));
  if (!done.value())
    return std::nullopt;
  // It took effect: its record says so now, instead of "Sent".
  apiCallAnswered(call.state, earlier.row, earlier.requestId, "Success");
  return Outcome<Value, ApiError>(Value(Value::Map{{"RequestId", earlier.requestId}}));
}

} // namespace

std::string clientTokenFor(const std::string &executionId, const std::string &key) {
  // Two FNV-1a hashes (different offsets) of the full name: 32 hex digits.
  auto fnv = [](std::string_view text, uint64_t hash) {
    for (unsigned char c : text)
      hash = (hash ^ c) * 1099511628211ULL;
    return hash;
  };
  std::string name = executionId + "/" + key;
  char token[48];
  std::snprintf(token, sizeof token, "oosc-%016llx%016llx",
                static_cast<unsigned long long>(fnv(name, 14695981039346656037ULL)),
                static_cast<unsigned long long>(fnv(name, 1099511628211ULL * 31)));
  return token;
}

Outcome<Value, ApiError> callCloudOnce(ActionCall &call, const std::string &service,
                                       const std::string &api, const Value &parameters) {
  const IdempotenceRule *rule = findRule(service, api);
  Repeat repeat = rule ? rule->repeat : isRead(api) ? Repeat::Read : Repeat::Unknown;
  if (repeat == Repeat::Read)
    return send(call, service, api, parameters, "");
  std::string key = nextCallKey(call);
  Value sent = parameters;
  if (repeat == Repeat::ClientToken && !parameters.findCaseInsensitive("ClientToken"))
    sent.set("ClientToken", clientTokenFor(call.state.executionId, key));
  if (const ExecutionHistory *history = call.state.history) {
    auto earlier = history->calls.find(key);
    if (earlier != history->calls.end())
      if (auto settled = settle(call, rule, repeat, earlier->second, service, api, sent))
        return std::move(*settled);
  }
  return send(call, service, api, sent, key);
}

} // namespace oosc::runtime
