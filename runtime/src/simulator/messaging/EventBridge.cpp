//===- messaging/EventBridge.cpp - EventBridge: putting events on a bus ---===//
//
// PutEvents is EventBridge's data plane (POST /openapi/putEvents on the
// account's own endpoint), outside the OpenAPI metadata, which has the
// control plane (CreateEventBus, ListEventBuses: the generic engine's
// eventbridge::EventBus records). The body names the bus and lists
// CloudEvents; the bus must exist in the region (every account has
// `default`); each event gets an id and a trace id, and the bus keeps what
// was put.
//
//===----------------------------------------------------------------------===//
#include "simulator/World.h"

namespace oosc::runtime::sim::messaging {
namespace {

constexpr std::string_view kBusKind = "eventbridge::EventBus";

/// The body, a JSON object as text or already a value.
Outcome<Value, ApiError> bodyOf(const Request &request) {
  const Value *body = request.find("Body");
  if (!body || body->isNull())
    return missingParameter("Body");
  if (body->isMap())
    return *body;
  std::optional<Value> parsed = body->isString() ? parseJson(body->getString()) : std::nullopt;
  if (!parsed || !parsed->isMap())
    return makeError(400, "InvalidArgument", "The body of PutEvents must be a JSON object with EventBusName and EventList.");
  return std::move(*parsed);
}

/// One entry of the answer's EntryList, for \p event at \p index.
Value entryFor(World &world, const Value &event) {
  const Value *id = event.isMap() ? event.find("id") : nullptr;
  std::string eventId = id && id->isString() && !id->getString().empty() ? id->getString() : world.nextId("event");
  return Value(Value::Map{{"EventId", Value(eventId)}, {"TraceId", Value(world.nextId("trace"))}});
}

Result putEvents(World &world, const Request &request) {
  auto body = bodyOf(request);
  if (!body)
    return body.error();
  const Value *busName = body.value().find("EventBusName");
  if (!busName || !busName->isString() || busName->getString().empty())
    return missingParameter("EventBusName");
  const Value *events = body.value().find("EventList");
  if (!events || !events->isList() || events->getList().empty())
    return invalidParameter("EventList", "it must be a non-empty list of events");
  auto region = regionOf(world, request);
  if (!region)
    return region.error();
  Value *bus = findResource(world, kBusKind, "EventBusName", busName->getString(), region.value());
  if (!bus)
    return notFound("EventBusNotExist",
                    "The event bus " + busName->getString() + " does not exist in " + region.value() + ".");
  Value::List entries;
  Value &bookkeeping = simulated(*bus);
  if (!bookkeeping.find("Events") || !bookkeeping.find("Events")->isList())
    bookkeeping.set("Events", Value(Value::List{}));
  for (const Value &event : events->getList()) {
    entries.push_back(entryFor(world, event));
    bookkeeping.find("Events")->getList().push_back(event);
  }
  return Value(Value::Map{{"ResourceOwnerAccountId", Value(std::string(kAccountId))},
                          {"FailedEntryCount", Value(std::int64_t(0))},
                          {"EntryList", Value(std::move(entries))}});
}

} // namespace

void addEventBridgeApis(std::vector<ApiSpec> &table) {
  table.push_back({"EVENTBRIDGE", "PutEvents", putEvents, true});
}

} // namespace oosc::runtime::sim::messaging
