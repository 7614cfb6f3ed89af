// EcsCommands.cpp - Simulated Cloud Assistant APIs: agent status and
// install, commands, RunCommand/InvokeCommand and invocation queries.
#include "World.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace oosc::runtime::sim::ecs {

namespace {

constexpr std::string_view AgentVersion = "2.2.3.398";
constexpr std::int64_t MaxInstancesPerInvocation = 100;

Outcome<std::vector<std::string>, ApiError>
runnableInstances(const World &world, const Request &request,
                  std::string_view regionId) {
  auto ids = request.list({"InstanceId", "InstanceIds"});
  if (!ids)
    return ids.error();
  if (ids.value().empty())
    return missingParameter("InstanceId");
  if (static_cast<std::int64_t>(ids.value().size()) > MaxInstancesPerInvocation)
    return invalidParameter("InstanceId", "at most 100 instances");
  std::vector<std::string> unique;
  for (const std::string &id : ids.value()) {
    const Value *instance = world.find(section::Instances, "InstanceId", id);
    if (!instance || textOf(*instance, "RegionId") != regionId)
      return notFound("InvalidInstanceId.NotFound",
                      "The specified InstanceId \"" + id +
                          "\" does not exist.");
    if (textOf(*instance, "Status") != "Running")
      return forbidden("IncorrectInstanceStatus",
                       "The instance " + id + " is " +
                           std::string(textOf(*instance, "Status")) +
                           "; commands run on Running instances only.");
    if (std::find(unique.begin(), unique.end(), id) == unique.end())
      unique.push_back(id);
  }
  return unique;
}

Outcome<std::string, ApiError> commandType(const Request &request) {
  auto type = request.required("Type");
  if (!type)
    return type.error();
  for (std::string_view known :
       {"RunShellScript", "RunBatScript", "RunPowerShellScript"})
    if (type.value() == known)
      return type;
  return invalidParameter("Type", "expected RunShellScript, RunBatScript or "
                                  "RunPowerShellScript");
}

/// Command content as text, decoding it when ContentEncoding is Base64.
Outcome<std::string, ApiError>
commandContent(const Request &request, std::string_view defaultEncoding) {
  auto content = request.required("CommandContent");
  if (!content)
    return content.error();
  std::string encoding = request.textOr("ContentEncoding", defaultEncoding);
  if (equalsIgnoreCase(encoding, "PlainText"))
    return content;
  if (!equalsIgnoreCase(encoding, "Base64"))
    return invalidParameter("ContentEncoding", "expected PlainText or Base64");
  std::optional<std::string> decoded = base64Decode(content.value());
  if (!decoded)
    return invalidParameter("CommandContent", "not valid Base64");
  return *decoded;
}

Outcome<Value, ApiError> commandParameters(const Request &request) {
  const Value *parameters = request.find("Parameters");
  if (!parameters)
    return object();
  if (parameters->isMap())
    return *parameters;
  std::optional<Value> parsed = parameters->isString()
                                    ? parseJson(parameters->getString())
                                    : std::nullopt;
  if (!parsed || !parsed->isMap())
    return invalidParameter("Parameters", "expected a JSON object");
  return *parsed;
}

/// Output as the caller asked for it: Base64 (default) or PlainText.
Outcome<bool, ApiError> wantsPlainText(const Request &request) {
  std::string encoding = request.textOr("ContentEncoding", "Base64");
  if (!equalsIgnoreCase(encoding, "PlainText") &&
      !equalsIgnoreCase(encoding, "Base64"))
    return invalidParameter("ContentEncoding", "expected PlainText or Base64");
  return equalsIgnoreCase(encoding, "PlainText");
}

void decodeMember(Value &record, std::string_view key) {
  if (Value *member = record.find(key); member && member->isString())
    *member = Value(base64Decode(member->getString()).value_or(""));
}

void eraseMember(Value &record, std::string_view key) {
  Value::Map &members = record.getMap();
  members.erase(
      std::remove_if(members.begin(), members.end(),
                     [&](const Value::Member &m) { return m.first == key; }),
      members.end());
}

const Value::List &partsOf(const Value &invocation) {
  static const Value::List None;
  const Value *parts = invocation.find("InvokeInstances");
  const Value *items = parts ? parts->find("InvokeInstance") : nullptr;
  return items && items->isList() ? items->getList() : None;
}

/// A public command (PublicContent.def) has a Provider and no region: it is
/// in every region.
bool isPublic(const Value &command) { return !textOf(command, "Provider").empty(); }

bool inRegion(const Value &record, std::string_view regionId) {
  const Value *region = simulatedMember(record, "RegionId");
  return region ? *region == Value(regionId) : isPublic(record);
}

} // namespace

Result installCloudAssistant(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  // The agent installs on Running instances and answers a few seconds
  // later (or when the instance next starts, if it is stopped before then;
  // the public template reboots after installing, which also works).
  auto ids = runnableInstances(world, request, regionId.value());
  if (!ids)
    return ids.error();
  for (const std::string &id : ids.value()) {
    Value &instance = *world.find(section::Instances, "InstanceId", id);
    const Value *agent = simulatedMember(instance, "CloudAssistant");
    if (agent && *agent == Value("Active"))
      continue;
    simulated(instance).set("CloudAssistant", "Installing");
    world.schedule(instance, delay::AgentInstall,
                   Value(Value::Map{{"Simulated", Value(Value::Map{
                                                      {"CloudAssistant",
                                                       "Active"}})}}));
  }
  return object();
}

Result describeCloudAssistantStatus(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto ids = request.list({"InstanceId", "InstanceIds"});
  if (!ids)
    return ids.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  std::optional<std::string> osType = request.text("OSType");
  Value::List statuses;
  for (const Value &instance : world.records(section::Instances)) {
    std::string_view id = textOf(instance, "InstanceId");
    if (textOf(instance, "RegionId") != regionId.value() ||
        (!ids.value().empty() &&
         std::find(ids.value().begin(), ids.value().end(), id) ==
             ids.value().end()) ||
        (osType && !equalsIgnoreCase(textOf(instance, "OSType"), *osType)))
      continue;
    bool online = cloudAssistantOnline(instance);
    const Value *agent = simulatedMember(instance, "CloudAssistant");
    bool installed = agent && *agent != Value("None");
    std::int64_t invocations = 0;
    for (const Value &invocation : world.records(section::Invocations))
      for (const Value &part : partsOf(invocation))
        invocations += textOf(part, "InstanceId") == id;
    std::string os(textOf(instance, "OSType"));
    if (!os.empty())
      os[0] =
          static_cast<char>(std::toupper(static_cast<unsigned char>(os[0])));
    statuses.push_back(Value(Value::Map{
        {"InstanceId", std::string(id)},
        {"CloudAssistantStatus", online ? "true" : "false"},
        {"CloudAssistantVersion", installed ? std::string(AgentVersion) : ""},
        {"LastHeartbeatTime", online ? formatTime(world.now()) : ""},
        {"OSType", os},
        {"ActiveTaskCount", 0},
        {"InvocationCount", invocations},
        {"LastInvokedTime", ""},
        {"SupportSessionManager", online}}));
  }
  Value response = object();
  putPage(response, "InstanceCloudAssistantStatusSet",
          "InstanceCloudAssistantStatus", std::move(statuses), page.value());
  return response;
}

Result createCommand(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto name = request.required("Name");
  if (!name)
    return name.error();
  auto type = commandType(request);
  if (!type)
    return type.error();
  // CreateCommand takes Base64 content unless told otherwise.
  auto content = commandContent(request, "Base64");
  if (!content)
    return content.error();
  auto timeout = request.integer("Timeout", 60, 10, 86400);
  if (!timeout)
    return timeout.error();
  auto enableParameter = request.boolean("EnableParameter", false);
  if (!enableParameter)
    return enableParameter.error();
  std::string id = world.nextId("c");
  world.records(section::Commands)
      .push_back(Value(Value::Map{
          {"CommandId", id},
          {"Name", name.value()},
          {"Type", type.value()},
          {"CommandContent", base64Encode(content.value())},
          {"WorkingDir", request.textOr("WorkingDir", "")},
          {"Timeout", timeout.value()},
          {"Description", request.textOr("Description", "")},
          {"EnableParameter", enableParameter.value()},
          {"CreationTime", formatTime(world.now())},
          {"InvokeTimes", 0},
          {"Simulated", Value(Value::Map{{"RegionId", regionId.value()}})}}));
  return Value(Value::Map{{"CommandId", id}});
}

Result describeCommands(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  Value::List matches;
  for (const Value &command : world.records(section::Commands)) {
    // Public commands are listed when asked for by Provider, as ECS does.
    bool wanted = inRegion(command, regionId.value()) && isPublic(command) == request.text("Provider").has_value();
    for (std::string_view filter : {"CommandId", "Name", "Type", "Provider"})
      if (auto value = request.text(filter))
        wanted = wanted && textOf(command, filter) == *value;
    if (wanted)
      matches.push_back(publicView(command));
  }
  Value response = object();
  putPage(response, "Commands", "Command", std::move(matches), page.value());
  return response;
}

Result deleteCommand(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto id = request.required("CommandId");
  if (!id)
    return id.error();
  const Value *command = world.find(section::Commands, "CommandId", id.value());
  if (!command || isPublic(*command) || !inRegion(*command, regionId.value()))
    return notFound("InvalidCommandId.NotFound",
                    "The specified command does not exist.");
  world.erase(section::Commands, "CommandId", id.value());
  return object();
}

Result runCommand(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto type = commandType(request);
  if (!type)
    return type.error();
  auto content = commandContent(request, "PlainText");
  if (!content)
    return content.error();
  auto instances = runnableInstances(world, request, regionId.value());
  if (!instances)
    return instances.error();
  auto timeout = request.integer("Timeout", 60, 10, 86400);
  if (!timeout)
    return timeout.error();
  auto parameters = commandParameters(request);
  if (!parameters)
    return parameters.error();
  auto enableParameter = request.boolean("EnableParameter", false);
  if (!enableParameter)
    return enableParameter.error();
  auto keep = request.boolean("KeepCommand", false);
  if (!keep)
    return keep.error();
  InvocationSpec spec;
  spec.regionId = regionId.value();
  spec.commandId = world.nextId("c");
  spec.commandName = request.textOr("Name", "");
  spec.commandType = type.value();
  spec.description = request.textOr("Description", "");
  spec.content = content.value();
  spec.username = request.textOr("Username", "");
  spec.workingDir = request.textOr("WorkingDir", "");
  spec.parameters = parameters.value();
  spec.enableParameter = enableParameter.value();
  spec.timeoutSeconds = timeout.value();
  spec.instanceIds = instances.value();
  if (keep.value())
    world.records(section::Commands)
        .push_back(Value(Value::Map{
            {"CommandId", spec.commandId},
            {"Name", spec.commandName},
            {"Type", spec.commandType},
            {"CommandContent", base64Encode(spec.content)},
            {"WorkingDir", spec.workingDir},
            {"Timeout", spec.timeoutSeconds},
            {"Description", spec.description},
            {"EnableParameter", spec.enableParameter},
            {"CreationTime", formatTime(world.now())},
            {"InvokeTimes", 1},
            {"Simulated", Value(Value::Map{{"RegionId", spec.regionId}})}}));
  std::string invokeId = startInvocation(world, spec);
  return Value(
      Value::Map{{"CommandId", spec.commandId}, {"InvokeId", invokeId}});
}

Result invokeCommand(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto commandId = request.required("CommandId");
  if (!commandId)
    return commandId.error();
  Value *command =
      world.find(section::Commands, "CommandId", commandId.value());
  if (!command || !inRegion(*command, regionId.value()))
    return notFound("InvalidCommandId.NotFound",
                    "The specified command does not exist.");
  auto instances = runnableInstances(world, request, regionId.value());
  if (!instances)
    return instances.error();
  auto timeout =
      request.integer("Timeout", integerOf(*command, "Timeout", 60), 10, 86400);
  if (!timeout)
    return timeout.error();
  auto parameters = commandParameters(request);
  if (!parameters)
    return parameters.error();
  InvocationSpec spec;
  spec.regionId = regionId.value();
  spec.commandId = commandId.value();
  spec.commandName = std::string(textOf(*command, "Name"));
  spec.commandType = std::string(textOf(*command, "Type"));
  spec.description = std::string(textOf(*command, "Description"));
  spec.content = base64Decode(textOf(*command, "CommandContent")).value_or("");
  spec.username = request.textOr("Username", "");
  spec.workingDir = std::string(textOf(*command, "WorkingDir"));
  spec.parameters = parameters.value();
  spec.enableParameter = boolOf(*command, "EnableParameter");
  spec.timeoutSeconds = timeout.value();
  spec.instanceIds = instances.value();
  // A world file is user input: a count at INT64_MAX stays there.
  std::int64_t times = integerOf(*command, "InvokeTimes");
  command->set("InvokeTimes", times < std::numeric_limits<std::int64_t>::max() ? times + 1 : times);
  return Value(Value::Map{{"InvokeId", startInvocation(world, spec)}});
}

namespace {

bool matchesInvocation(const Value &invocation, const Request &request) {
  for (std::string_view filter :
       {"InvokeId", "CommandId", "CommandType", "CommandName", "RepeatMode"})
    if (auto value = request.text(filter);
        value && textOf(invocation, filter) != *value)
      return false;
  if (auto status = request.text("InvokeStatus");
      status && textOf(invocation, "InvokeStatus") != *status &&
      textOf(invocation, "InvocationStatus") != *status)
    return false;
  return true;
}

} // namespace

Result describeInvocations(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto plain = wantsPlainText(request);
  if (!plain)
    return plain.error();
  auto includeOutput = request.boolean("IncludeOutput", false);
  if (!includeOutput)
    return includeOutput.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  std::optional<std::string> instanceId = request.text("InstanceId");
  const Value::List &all = world.records(section::Invocations);
  Value::List matches;
  // Newest first, as the real API lists them.
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    const Value::List &parts = partsOf(*it);
    if (!inRegion(*it, regionId.value()) || !matchesInvocation(*it, request) ||
        (instanceId &&
         std::none_of(parts.begin(), parts.end(), [&](const Value &p) {
           return textOf(p, "InstanceId") == *instanceId;
         })))
      continue;
    Value view = publicView(*it);
    if (Value *container = view.find("InvokeInstances"))
      if (Value *items = container->find("InvokeInstance");
          items && items->isList())
        for (Value &part : items->getList()) {
          if (!includeOutput.value())
            eraseMember(part, "Output");
          else if (plain.value())
            decodeMember(part, "Output");
        }
    if (plain.value())
      decodeMember(view, "CommandContent");
    matches.push_back(std::move(view));
  }
  Value response = object();
  putPage(response, "Invocations", "Invocation", std::move(matches),
          page.value());
  return response;
}

Result describeInvocationResults(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto plain = wantsPlainText(request);
  if (!plain)
    return plain.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  std::optional<std::string> instanceId = request.text("InstanceId");
  std::optional<std::string> recordStatus = request.text("InvokeRecordStatus");
  const Value::List &all = world.records(section::Invocations);
  Value::List results;
  for (auto it = all.rbegin(); it != all.rend(); ++it) {
    if (!inRegion(*it, regionId.value()) || !matchesInvocation(*it, request))
      continue;
    for (const Value &part : partsOf(*it)) {
      if ((instanceId && textOf(part, "InstanceId") != *instanceId) ||
          (recordStatus &&
           textOf(part, "InstanceInvokeStatus") != *recordStatus))
        continue;
      Value result(Value::Map{
          {"CommandId", std::string(textOf(*it, "CommandId"))},
          {"InvokeId", std::string(textOf(*it, "InvokeId"))},
          {"InstanceId", std::string(textOf(part, "InstanceId"))},
          {"InvocationStatus", std::string(textOf(part, "InvocationStatus"))},
          {"InvokeRecordStatus",
           std::string(textOf(part, "InstanceInvokeStatus"))},
          {"Dropped", integerOf(part, "Dropped")},
          {"ErrorCode", std::string(textOf(part, "ErrorCode"))},
          {"ErrorInfo", std::string(textOf(part, "ErrorInfo"))},
          {"StartTime", std::string(textOf(part, "StartTime"))},
          {"FinishedTime", std::string(textOf(part, "FinishTime"))},
          {"StopTime", ""},
          {"Repeats", integerOf(part, "Repeats")},
          {"Username", std::string(textOf(*it, "Username"))},
          {"ContainerId", ""}});
      if (const Value *exitCode = part.find("ExitCode"))
        result.set("ExitCode", *exitCode);
      if (const Value *output = part.find("Output")) {
        result.set("Output", *output);
        if (plain.value())
          decodeMember(result, "Output");
      }
      results.push_back(std::move(result));
    }
  }
  Value invocation = object();
  putPage(invocation, "InvocationResults", "InvocationResult",
          std::move(results), page.value());
  return Value(Value::Map{{"Invocation", std::move(invocation)}});
}

} // namespace oosc::runtime::sim::ecs
