// Notifications.cpp - ACS::Notify's webhooks on the simulated cloud: each post
// is kept in the world's "Notifications" section, so tests and people can see
// what would have been sent.
#include "World.h"

namespace oosc::runtime::sim::oos {

Result notifyWebhook(World &world, const Request &request) {
  auto uri = request.required("URI");
  if (!uri)
    return uri.error();
  Value record = object();
  std::string id = world.nextId("notify");
  record.set("NotificationId", id);
  record.set("URI", uri.value());
  if (const Value *headers = request.find("Headers"))
    record.set("Headers", *headers);
  record.set("Content", request.find("Content") ? *request.find("Content") : object());
  record.set("Time", static_cast<std::int64_t>(world.now()));
  world.records(section::Notifications).push_back(std::move(record));
  Value response = object();
  response.set("NotificationId", id);
  return response;
}

} // namespace oosc::runtime::sim::oos
