// EssInstances.cpp - Simulated Auto Scaling (ESS) instances: lifecycle
// states (standby, protection), suspended processes, lifecycle actions and
// scaling activities.
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::ess {

namespace {

constexpr std::string_view ProcessNames[] = {"ScaleIn", "ScaleOut",
                                             "HealthCheck", "AlarmNotification",
                                             "ScheduledAction"};

std::vector<Value *> instancesOf(World &world, std::string_view groupId) {
  std::vector<Value *> members;
  for (Value &instance : world.records(section::ScalingInstances))
    if (textOf(instance, "ScalingGroupId") == groupId)
      members.push_back(&instance);
  return members;
}

/// Moves the request's instances from one of \p from to \p to, all or none.
Outcome<std::vector<std::string>, ApiError>
moveInstances(World &world, const Request &request, const Value &group,
              std::initializer_list<std::string_view> from,
              std::string_view to) {
  auto ids = request.list({"InstanceIds", "InstanceId"});
  if (!ids)
    return ids.error();
  if (ids.value().empty())
    return missingParameter("InstanceId");
  std::vector<Value *> members =
      instancesOf(world, textOf(group, "ScalingGroupId"));
  std::vector<Value *> moving;
  for (const std::string &id : ids.value()) {
    auto member = std::find_if(members.begin(), members.end(), [&](Value *m) {
      return textOf(*m, "InstanceId") == id;
    });
    if (member == members.end())
      return notFound("InvalidInstanceId.NotFound",
                      "The instance " + id + " is not in the scaling group.");
    std::string_view state = textOf(**member, "LifecycleState");
    if (std::find(from.begin(), from.end(), state) == from.end())
      return forbidden("IncorrectInstanceStatus",
                       "The instance " + id + " is " + std::string(state) +
                           " and cannot become " + std::string(to) + ".");
    moving.push_back(*member);
  }
  for (Value *member : moving)
    member->set("LifecycleState", std::string(to));
  return ids;
}

Result standbyChange(World &world, const Request &request,
                     std::initializer_list<std::string_view> from,
                     std::string_view to, std::string_view verb) {
  auto group = groupFor(world, request);
  if (!group)
    return group.error();
  if (textOf(*group.value(), "LifecycleState") != "Active")
    return forbidden("IncorrectScalingGroupStatus",
                     "The current status of the specified scaling group does "
                     "not support this action.");
  std::string groupId(textOf(*group.value(), "ScalingGroupId"));
  auto moved = moveInstances(world, request, *group.value(), from, to);
  if (!moved)
    return moved.error();
  std::string description = std::string(verb) + ":";
  for (const std::string &id : moved.value())
    description += " " + id;
  // The activity is recorded; the answer, as the API's, holds RequestId only.
  addActivity(world, groupId, description);
  return object();
}

} // namespace

std::string addActivity(World &world, std::string_view groupId,
                        const std::string &description) {
  std::string id = world.nextId("asa");
  std::string now = formatTime(world.now());
  world.records(section::ScalingActivities)
      .push_back(
          Value(Value::Map{{"ScalingActivityId", id},
                           {"ScalingGroupId", std::string(groupId)},
                           {"Description", description},
                           {"Cause", "A user request: " + description + "."},
                           {"Detail", description},
                           {"StatusCode", "Successful"},
                           {"StatusMessage", ""},
                           {"Progress", 100},
                           {"StartTime", now},
                           {"EndTime", now}}));
  return id;
}

Result describeScalingInstances(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"InstanceIds", "InstanceId"});
  if (!ids)
    return ids.error();
  auto states = request.list({"LifecycleStates", "LifecycleState"}, true);
  if (!states)
    return states.error();
  auto creationTypes = request.list({"CreationTypes", "CreationType"}, true);
  if (!creationTypes)
    return creationTypes.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  Value::List instances;
  for (const Value &instance : world.records(section::ScalingInstances)) {
    bool wanted =
        groupRegion(world, textOf(instance, "ScalingGroupId")) ==
            regionId.value() &&
        listedOrAll(ids.value(), textOf(instance, "InstanceId")) &&
        listedOrAll(states.value(), textOf(instance, "LifecycleState")) &&
        listedOrAll(creationTypes.value(), textOf(instance, "CreationType"));
    for (std::string_view filter :
         {"ScalingGroupId", "ScalingConfigurationId", "HealthStatus"})
      if (auto value = request.text(filter))
        wanted = wanted && textOf(instance, filter) == *value;
    if (wanted)
      instances.push_back(publicView(instance));
  }
  Value response = object();
  putPage(response, "ScalingInstances", "ScalingInstance", std::move(instances),
          page.value());
  return response;
}

namespace {

Result changeProcesses(World &world, const Request &request, bool suspend) {
  auto group = groupFor(world, request);
  if (!group)
    return group.error();
  auto requested = request.list({"Processes", "Process"}, true);
  if (!requested)
    return requested.error();
  if (requested.value().empty())
    return missingParameter("Process");
  std::vector<std::string> names;
  for (const std::string &name : requested.value()) {
    auto known = std::find_if(
        std::begin(ProcessNames), std::end(ProcessNames),
        [&](std::string_view p) { return equalsIgnoreCase(p, name); });
    if (known == std::end(ProcessNames))
      return invalidParameter("Process",
                              "'" + name +
                                  "' is not ScaleIn, ScaleOut, HealthCheck, "
                                  "AlarmNotification or ScheduledAction");
    names.emplace_back(*known);
  }
  std::vector<std::string> suspended;
  if (const Value *container = group.value()->find("SuspendedProcesses"))
    if (const Value *items = container->find("SuspendedProcess");
        items && items->isList())
      for (const Value &item : items->getList())
        suspended.push_back(scalarText(item));
  for (const std::string &name : names) {
    auto at = std::find(suspended.begin(), suspended.end(), name);
    if (suspend && at == suspended.end())
      suspended.push_back(name);
    else if (!suspend && at != suspended.end())
      suspended.erase(at);
  }
  group.value()->set(
      "SuspendedProcesses",
      Value(Value::Map{{"SuspendedProcess", stringList(suspended)}}));
  return object();
}

} // namespace

Result suspendProcesses(World &world, const Request &request) {
  return changeProcesses(world, request, true);
}

Result resumeProcesses(World &world, const Request &request) {
  return changeProcesses(world, request, false);
}

Result enterStandby(World &world, const Request &request) {
  return standbyChange(world, request, {"InService"}, "Standby",
                       "Enter standby");
}

Result exitStandby(World &world, const Request &request) {
  return standbyChange(world, request, {"Standby"}, "InService",
                       "Exit standby");
}

Result setInstancesProtection(World &world, const Request &request) {
  auto group = groupFor(world, request);
  if (!group)
    return group.error();
  if (!request.has("ProtectedFromScaleIn"))
    return missingParameter("ProtectedFromScaleIn");
  auto protect = request.boolean("ProtectedFromScaleIn", false);
  if (!protect)
    return protect.error();
  auto moved = protect.value()
                   ? moveInstances(world, request, *group.value(),
                                   {"InService", "Protected"}, "Protected")
                   : moveInstances(world, request, *group.value(),
                                   {"Protected", "InService"}, "InService");
  if (!moved)
    return moved.error();
  return object();
}

Result completeLifecycleAction(World &, const Request &request) {
  // Lifecycle hooks are not simulated: accept a well-formed completion.
  for (std::string_view required : {"LifecycleHookId", "LifecycleActionToken"})
    if (!request.has(required))
      return missingParameter(required);
  std::string result = request.textOr("LifecycleActionResult", "CONTINUE");
  if (result != "CONTINUE" && result != "ABANDON" && result != "ROLLBACK")
    return invalidParameter("LifecycleActionResult",
                            "expected CONTINUE, ABANDON or ROLLBACK");
  return object();
}

Result describeScalingActivities(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"ScalingActivityIds", "ScalingActivityId"});
  if (!ids)
    return ids.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  std::optional<std::string> groupId = request.text("ScalingGroupId");
  std::optional<std::string> status = request.text("StatusCode");
  const Value::List &all = world.records(section::ScalingActivities);
  Value::List activities;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    std::string_view group = textOf(*it, "ScalingGroupId");
    if (groupRegion(world, group) != regionId.value() ||
        (groupId && group != *groupId) ||
        (status && textOf(*it, "StatusCode") != *status) ||
        (!ids.value().empty() &&
         std::find(ids.value().begin(), ids.value().end(),
                   textOf(*it, "ScalingActivityId")) == ids.value().end()))
      continue;
    // Detail is DescribeScalingActivityDetail's (through the generic
    // engine), not a field of the list.
    Value view = object(), full = publicView(*it);
    for (const auto &[name, value] : full.getMap())
      if (name != "Detail")
        view.set(name, value);
    activities.push_back(std::move(view));
  }
  Value response = object();
  putPage(response, "ScalingActivities", "ScalingActivity",
          std::move(activities), page.value());
  return response;
}

} // namespace oosc::runtime::sim::ess
