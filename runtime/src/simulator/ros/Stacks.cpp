// ros/Stacks.cpp - ROS stacks on the simulated cloud. CreateStack reads the
// template, gives its parameters values and makes its resources at once
// by calling the cloud's own APIs (StackResources.def says which), in the
// order their references ask for; the stack shows CREATE_IN_PROGRESS until
// the world's clock reaches the end of its creation, then CREATE_COMPLETE
// with its Outputs. A resource the cloud refuses fails the stack as ROS
// does: CREATE_FAILED with the resource's error, or, unless DisableRollback,
// its other resources removed again and CREATE_ROLLBACK_COMPLETE.
// DeleteStack removes the resources (last made first) and the stack reads
// DELETE_IN_PROGRESS, then DELETE_COMPLETE, which GetStack still answers
// (ACS::ROS::DeleteStack waits for it); ListStacks leaves deleted stacks
// out unless asked for them.
#include "simulator/ros/StackTemplate.h"

#include "oosc/runtime/StackResources.h"
#include "text/MessageText.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace oosc::runtime::sim::ros {
namespace {

constexpr Millis kCreating = 10000;
constexpr Millis kDeleting = 5000;

ApiError stackNotFound(std::string_view stackId) {
  return notFound("StackNotFound", "The Stack (" + std::string(stackId) + ") could not be found.");
}

/// A stack id shaped as ROS's (a UUID), from the world's counter.
std::string newStackId(World &world) {
  std::string counted = world.nextId("stack");
  std::string digits = counted.substr(counted.find("-sim") + 4);
  return "5a1c0000-0000-4000-8000-" + digits;
}

bool validStackName(std::string_view name) {
  if (name.empty() || name.size() > 255 || !std::isalpha(static_cast<unsigned char>(name.front())))
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

/// ParameterKey/ParameterValue pairs: a list of such maps (or its JSON
/// text), as templates pass them, or Parameters.N.ParameterKey, as SDKs do.
Outcome<std::vector<std::pair<std::string, std::string>>, ApiError> givenParameters(const Request &request) {
  std::vector<std::pair<std::string, std::string>> given;
  if (const Value *parameters = request.find("Parameters")) {
    std::optional<Value> parsed = parameters->isString() ? parseJson(parameters->getString()) : *parameters;
    if (!parsed || !parsed->isList())
      return invalidParameter("Parameters", "it is a list of ParameterKey and ParameterValue pairs");
    for (const Value &pair : parsed->getList()) {
      const Value *key = pair.isMap() ? pair.findCaseInsensitive("ParameterKey") : nullptr;
      const Value *value = pair.isMap() ? pair.findCaseInsensitive("ParameterValue") : nullptr;
      if (!key || !key->isString() || key->getString().empty())
        return invalidParameter("Parameters", "each has a ParameterKey");
      given.emplace_back(key->getString(), value ? scalarText(*value) : "");
    }
  }
  std::map<std::size_t, std::pair<std::string, std::string>> numbered;
  if (request.all().isMap())
    for (const auto &[name, value] : request.all().getMap()) {
      // Parameters.<N>.ParameterKey / .ParameterValue
      constexpr std::string_view prefix = "Parameters.";
      if (name.rfind(prefix, 0) != 0)
        continue;
      std::string_view rest = std::string_view(name).substr(prefix.size());
      std::size_t index = 0;
      auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), index);
      if (error != std::errc())
        continue;
      std::string_view field = rest.substr(static_cast<std::size_t>(end - rest.data()));
      if (field == ".ParameterKey")
        numbered[index].first = scalarText(value);
      else if (field == ".ParameterValue")
        numbered[index].second = scalarText(value);
    }
  for (auto &[index, pair] : numbered)
    given.push_back(std::move(pair));
  return given;
}

/// A property value as an API parameter: objects (policy documents) as
/// their JSON text, lists and scalars as they are.
Value asParameter(const Value &value) {
  return value.isMap() ? Value(value.toJson()) : value;
}

/// `VpcId=@id,Force=true,UserName` of \p resource.
Value parametersOf(std::string_view list, const Value &resource, const Value &id) {
  Value parameters = object();
  const Value *given = simulatedMember(resource, "Given");
  for (const StackPair &pair : stackPairs(list)) {
    std::string name(pair.name);
    if (pair.value == "@id")
      parameters.set(name, id);
    else if (pair.value.empty() || pair.value.front() == '$') {
      std::string source = pair.value.empty() ? name : std::string(pair.value.substr(1));
      if (const Value *value = given ? given->find(source) : nullptr)
        parameters.set(name, *value);
    } else
      parameters.set(name, Value(std::string(pair.value)));
  }
  return parameters;
}

/// The call of \p link for one \p item of its list property: the item as
/// the link's parameter, or, for `*`, its fields as parameters (an inline
/// policy's PolicyName and PolicyDocument), with linkWith besides.
Result linkCall(World &world, const StackResourceType &type, const StackLink &link, std::string_view api,
                const Value &resource, const Value &id, const Value &item) {
  Value parameters = parametersOf(type.linkWith, resource, id);
  if (link.itemParameter == "*" && item.isMap())
    for (const auto &[name, value] : item.getMap())
      parameters.set(name, asParameter(value));
  else
    parameters.set(std::string(link.itemParameter), item);
  parameters.set("RegionId", Value(std::string(regionOfRecord(resource))));
  return world.call(type.product, api, parameters);
}

/// The items of \p link's list property in the resource's properties.
Value::List linkItems(const Value &resource, const StackLink &link) {
  const Value *given = simulatedMember(resource, "Given");
  const Value *items = given ? given->find(link.property) : nullptr;
  return items && items->isList() ? items->getList() : Value::List{};
}

/// The resource's physical ids one by one (an instance group's several).
Value::List idsOf(const Value &resource) {
  const Value *ids = simulatedMember(resource, "Ids");
  return ids && ids->isList() ? ids->getList() : Value::List{};
}

/// What Ref gives of the resource: its id, or, for a type that makes
/// several (`many`), the list of them.
Value physicalId(const Value &resource, const StackResourceType &type) {
  Value::List ids = idsOf(resource);
  if (type.many)
    return Value(std::move(ids));
  return ids.empty() ? Value() : ids.front();
}

/// Removes one resource: its links undone, then the remove call per id.
/// A resource already gone (NotFound) counts as removed.
std::optional<ApiError> removeResource(World &world, const Value &resource, const StackResourceType &type) {
  auto tolerated = [](const Result &result) { return result || result.error().httpStatus == 404; };
  Value id = physicalId(resource, type);
  // Links undone last made first: an inline policy detached before it is
  // deleted.
  std::vector<StackLink> links = stackLinks(type);
  for (auto link = links.rbegin(); link != links.rend(); ++link)
    for (const Value &item : linkItems(resource, *link))
      if (Result result = linkCall(world, type, *link, link->detachApi, resource, id, item);
          !tolerated(result))
        return result.error();
  for (const Value &each : idsOf(resource)) {
    Value parameters = parametersOf(type.deleteWith, resource, each);
    parameters.set("RegionId", Value(std::string(regionOfRecord(resource))));
    if (Result result = world.call(type.product, type.deleteApi, parameters); !tolerated(result))
      return result.error();
  }
  return std::nullopt;
}

/// Removes \p resources, last made first; the first error stops it.
std::optional<std::pair<std::string, ApiError>> removeAll(World &world, Value::List &resources,
                                                          const std::vector<std::string> &retained) {
  for (auto it = resources.rbegin(); it != resources.rend(); ++it) {
    std::string name(textOf(*it, "LogicalResourceId"));
    const StackResourceType *type = findStackResourceType(textOf(*it, "ResourceType"));
    if (!type || std::find(retained.begin(), retained.end(), name) != retained.end())
      continue;
    if (std::optional<ApiError> error = removeResource(world, *it, *type))
      return std::make_pair(name, *error);
    it->set("Status", Value("DELETE_COMPLETE"));
  }
  return std::nullopt;
}

std::string failureReason(std::string_view verb, const std::string &resource, const ApiError &error) {
  return "Resource " + std::string(verb) + " failed: " + error.code + ": resources." + resource + ": " + error.message;
}

/// Makes the stack's resources in order: the name and error of the first
/// the cloud refuses as a value (the stack fails), a template error (a
/// function, an attribute) as the call's own error (nothing is made).
class StackBuilder {
public:
  StackBuilder(World &world, const Value &tmpl, const Value::Map &parameters, std::string regionId, Value &stack)
      : world(world), tmpl(tmpl), regionId(std::move(regionId)), stack(stack),
        evaluator(
            tmpl, parameters, [this](const std::string &name) { return refOf(name); },
            [this](const std::string &name, const std::string &attribute) { return attributeOf(name, attribute); }) {}

  Outcome<std::optional<std::pair<std::string, ApiError>>, ApiError> build(const std::vector<std::string> &order) {
    const Value &resources = *tmpl.find("Resources");
    for (const std::string &name : order) {
      const Value &resource = *resources.find(name);
      if (const Value *condition = resource.find("Condition"); condition && condition->isString()) {
        auto holds = evaluator.condition(condition->getString());
        if (!holds)
          return holds.error();
        if (!holds.value())
          continue;
      }
      auto made = make(name, resource);
      if (!made)
        return made.error();
      if (made.value())
        return made.value();
    }
    return std::optional<std::pair<std::string, ApiError>>();
  }

  Outcome<Value, ApiError> outputs() {
    Value::List list;
    const Value *outputs = tmpl.find("Outputs");
    for (const auto &[key, output] : outputs && outputs->isMap() ? outputs->getMap() : Value::Map{}) {
      if (const Value *condition = output.find("Condition"); condition && condition->isString()) {
        auto holds = evaluator.condition(condition->getString());
        if (!holds)
          return holds.error();
        if (!holds.value())
          continue;
      }
      auto value = evaluator.evaluate(output.find("Value") ? *output.find("Value") : Value());
      if (!value)
        return value.error();
      Value entry = Value(Value::Map{{"OutputKey", key}, {"OutputValue", std::move(value.value())}});
      if (const Value *description = output.find("Description"))
        entry.set("Description", *description);
      list.push_back(std::move(entry));
    }
    return Value(std::move(list));
  }

private:
  Value::List &made() { return simulated(stack).find("Resources")->getList(); }

  Value *resourceNamed(const std::string &name) {
    for (Value &resource : made())
      if (textOf(resource, "LogicalResourceId") == name)
        return &resource;
    return nullptr;
  }

  Outcome<Value, ApiError> refOf(const std::string &name) {
    Value *resource = resourceNamed(name);
    if (!resource)
      return invalidTemplate("the resource " + name + " is referred to but is not made (its Condition is false)");
    return physicalId(*resource, *findStackResourceType(textOf(*resource, "ResourceType")));
  }

  Outcome<Value, ApiError> attributeOf(const std::string &name, const std::string &attribute) {
    Value *resource = resourceNamed(name);
    if (!resource)
      return invalidTemplate("the resource " + name + " is referred to but is not made (its Condition is false)");
    const StackResourceType *type = findStackResourceType(textOf(*resource, "ResourceType"));
    for (const StackPair &pair : stackPairs(type->attributes)) {
      if (pair.name != attribute)
        continue;
      if (pair.value == "@id")
        return physicalId(*resource, *type);
      // `$Name` (or a bare `Name`) is a property, anything else a path of
      // the create call's answer.
      bool property = pair.value.empty() || pair.value.front() == '$';
      std::string_view path = pair.value.empty() ? pair.name : property ? pair.value.substr(1) : pair.value;
      const Value *from = simulatedMember(*resource, property ? "Given" : "Answer");
      const Value *value = from ? from->findPath(path) : nullptr;
      return value ? *value : Value();
    }
    return makeError(501, "NotImplemented", "The simulated cloud does not model the attribute " + attribute + " of " +
                                                std::string(type->type) + " (resources." + name +
                                                ") of ROS.CreateStack.");
  }

  /// Makes one resource; the cloud's refusal as a value, a template error
  /// as an error.
  Outcome<std::optional<std::pair<std::string, ApiError>>, ApiError> make(const std::string &name,
                                                                          const Value &resource) {
    const StackResourceType *type = findStackResourceType(textOf(resource, "Type"));
    auto properties = evaluator.evaluate(resource.find("Properties") ? *resource.find("Properties") : object());
    if (!properties)
      return properties.error();
    Value given = properties.value().isMap() ? properties.value() : object();
    Value parameters = Value(Value::Map{{"RegionId", regionId}});
    std::vector<StackLink> links = stackLinks(*type);
    std::vector<StackPair> renames = stackPairs(type->renames);
    for (const Value::Member &member : given.getMap()) {
      const std::string &key = member.first;
      const Value &value = member.second;
      // A link's list is given to the link's own calls.
      if (std::any_of(links.begin(), links.end(), [&](const StackLink &link) { return link.property == key; }))
        continue;
      std::string wire = key;
      for (const StackPair &rename : renames)
        if (rename.name == key)
          wire = std::string(rename.value);
      parameters.set(wire, asParameter(value));
    }
    Value record = Value(Value::Map{{"LogicalResourceId", name},
                                    {"ResourceType", std::string(type->type)},
                                    {"Status", "CREATE_COMPLETE"},
                                    {"CreateTime", formatTime(world.now())}});
    simulated(record).set("Given", given);
    simulated(record).set("RegionId", Value(regionId));
    Result answer = world.call(type->product, type->createApi, parameters);
    if (!answer)
      return std::optional(std::make_pair(name, answer.error()));
    // A resource without an id of its own (an attachment) is known by its
    // name and the stack's.
    const Value *found = type->idPath.empty() ? nullptr : answer.value().findPath(type->idPath);
    Value answeredId = found ? *found : Value(name + "-" + std::string(textOf(stack, "StackId")).substr(24));
    Value::List ids = answeredId.isList() ? answeredId.getList() : Value::List{answeredId};
    std::string physical;
    for (const Value &each : ids)
      physical += (physical.empty() ? "" : ",") + scalarText(each);
    record.set("PhysicalResourceId", Value(physical));
    simulated(record).set("Ids", Value(ids));
    simulated(record).set("Answer", publicView(answer.value()));
    made().push_back(std::move(record));
    Value &kept = made().back();
    Value id = physicalId(kept, *type);
    for (const StackLink &link : links)
      for (const Value &item : linkItems(kept, link))
        if (Result result = linkCall(world, *type, link, link.attachApi, kept, id, item); !result)
          return std::optional(std::make_pair(name, result.error()));
    return std::optional<std::pair<std::string, ApiError>>();
  }

  World &world;
  const Value &tmpl;
  std::string regionId;
  Value &stack;
  Evaluator evaluator;
};

/// Every resource type the template uses is one the simulated ROS makes:
/// checked before anything is made.
std::optional<ApiError> unmodelledType(const Value &tmpl) {
  const Value *resources = tmpl.find("Resources");
  for (const auto &[name, resource] : resources && resources->isMap() ? resources->getMap() : Value::Map{})
    if (!findStackResourceType(textOf(resource, "Type")))
      return makeError(501, "NotImplemented", "The simulated cloud does not model the resource type " +
                                                  std::string(textOf(resource, "Type")) + " (resources." + name +
                                                  ") of ROS.CreateStack.");
  return std::nullopt;
}

Outcome<Value *, ApiError> stackFor(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto stackId = request.required("StackId");
  if (!stackId)
    return stackId.error();
  Value *stack = world.find(section::Stacks, "StackId", stackId.value());
  if (!stack || regionOfRecord(*stack) != regionId.value())
    return stackNotFound(stackId.value());
  return stack;
}

/// The stack's parameters as GetStack shows them: a NoEcho one's value
/// masked, as ROS masks it.
Value parametersView(const Value &tmpl, const Value::Map &values) {
  const Value *declared = tmpl.find("Parameters");
  Value::List list;
  for (const auto &[key, value] : values) {
    const Value *declaration = declared ? declared->find(key) : nullptr;
    bool noEcho = declaration && (boolOf(*declaration, "NoEcho") ||
                                  equalsIgnoreCase(textOf(*declaration, "NoEcho"), "true"));
    list.push_back(Value(Value::Map{{"ParameterKey", key}, {"ParameterValue", noEcho ? "******" : scalarText(value)}}));
  }
  return Value(std::move(list));
}

/// The template, read and checked, and the stack's parameter values.
struct Prepared {
  Value tmpl;
  Value::Map parameters;
  std::vector<std::string> order;
};

Outcome<Prepared, ApiError> prepare(const Request &request, const StackIdentity &identity) {
  for (std::string_view elsewhere : {"TemplateURL", "TemplateId", "TemplateScratchId"})
    if (request.has(elsewhere))
      return makeError(501, "NotImplemented", "The simulated cloud does not model " + std::string(elsewhere) +
                                                  " of ROS.CreateStack: it reaches no network and keeps no ROS "
                                                  "templates; give the template as TemplateBody.");
  auto body = request.required("TemplateBody");
  if (!body)
    return body.error();
  auto tmpl = readTemplateBody(body.value());
  if (!tmpl)
    return tmpl.error();
  if (std::optional<ApiError> error = unmodelledType(tmpl.value()))
    return *error;
  auto given = givenParameters(request);
  if (!given)
    return given.error();
  auto values = parameterValues(tmpl.value(), given.value(), identity);
  if (!values)
    return values.error();
  auto order = creationOrder(tmpl.value());
  if (!order)
    return order.error();
  return Prepared{std::move(tmpl.value()), std::move(values.value()), std::move(order.value())};
}

} // namespace

Result createStack(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto name = request.required("StackName");
  if (!name)
    return name.error();
  if (!validStackName(name.value()))
    return invalidParameter("StackName", text::quoteCut(name.value()) +
                                             " must start with a letter and hold letters, digits, - and _ (255 at most)");
  for (const Value &stack : world.records(section::Stacks))
    if (textOf(stack, "StackName") == name.value() && regionOfRecord(stack) == regionId.value() &&
        textOf(stack, "Status") != "DELETE_COMPLETE")
      return makeError(409, "StackExists", "The Stack (" + name.value() + ") already exists.");
  auto disableRollback = request.boolean("DisableRollback", false);
  if (!disableRollback)
    return disableRollback.error();
  auto timeout = request.integer("TimeoutInMinutes", 60, 10, 1440);
  if (!timeout)
    return timeout.error();
  StackIdentity identity{newStackId(world), name.value(), regionId.value()};
  auto prepared = prepare(request, identity);
  if (!prepared)
    return prepared.error();
  const Value &tmpl = prepared.value().tmpl;
  Value stack = Value(Value::Map{{"StackId", identity.stackId},
                                 {"StackName", identity.stackName},
                                 {"RegionId", identity.regionId},
                                 {"Status", "CREATE_IN_PROGRESS"},
                                 {"StatusReason", "Stack CREATE started"},
                                 {"DisableRollback", disableRollback.value()},
                                 {"TimeoutInMinutes", timeout.value()},
                                 {"CreateTime", formatTime(world.now())},
                                 {"Parameters", parametersView(prepared.value().tmpl, prepared.value().parameters)}});
  if (const Value *description = tmpl.find("Description"); description && description->isString())
    stack.set("Description", *description);
  simulated(stack).set("Resources", list());
  world.records(section::Stacks).push_back(std::move(stack));
  Value &kept = world.records(section::Stacks).back();
  StackBuilder builder(world, tmpl, prepared.value().parameters, identity.regionId, kept);
  auto failed = builder.build(prepared.value().order);
  if (!failed)
    return failed.error();
  Value done = object();
  if (failed.value()) {
    const auto &[resource, error] = *failed.value();
    done.set("StatusReason", Value(failureReason("CREATE", resource, error)));
    done.set("Status", Value("CREATE_FAILED"));
    if (!disableRollback.value()) {
      if (auto rollback = removeAll(world, simulated(kept).find("Resources")->getList(), {})) {
        done.set("Status", Value("CREATE_ROLLBACK_FAILED"));
        done.set("StatusReason", Value(failureReason("DELETE", rollback->first, rollback->second)));
      } else {
        done.set("Status", Value("CREATE_ROLLBACK_COMPLETE"));
      }
    }
  } else {
    auto outputs = builder.outputs();
    if (!outputs)
      return outputs.error();
    done.set("Status", Value("CREATE_COMPLETE"));
    done.set("StatusReason", Value("Stack CREATE completed successfully"));
    done.set("Outputs", std::move(outputs.value()));
  }
  done.set("UpdateTime", Value(formatTime(world.now() + kCreating)));
  world.schedule(kept, kCreating, std::move(done));
  return Value(Value::Map{{"StackId", identity.stackId}});
}

Result getStack(World &world, const Request &request) {
  auto stack = stackFor(world, request);
  if (!stack)
    return stack.error();
  return publicView(*stack.value());
}

Result deleteStack(World &world, const Request &request) {
  auto stack = stackFor(world, request);
  if (!stack)
    return stack.error();
  Value &record = *stack.value();
  if (textOf(record, "Status") == "DELETE_COMPLETE")
    return stackNotFound(textOf(record, "StackId"));
  auto retainAll = request.boolean("RetainAllResources", false);
  if (!retainAll)
    return retainAll.error();
  auto retained = request.list({"RetainResources"});
  if (!retained)
    return retained.error();
  world.cancelTimeline(record);
  Value done = Value(Value::Map{{"Status", "DELETE_COMPLETE"}, {"StatusReason", "Stack DELETE completed successfully"}});
  if (!retainAll.value())
    if (auto failed = removeAll(world, simulated(record).find("Resources")->getList(), retained.value())) {
      done.set("Status", Value("DELETE_FAILED"));
      done.set("StatusReason", Value(failureReason("DELETE", failed->first, failed->second)));
    }
  record.set("Status", Value("DELETE_IN_PROGRESS"));
  record.set("StatusReason", Value("Stack DELETE started"));
  world.schedule(record, kDeleting, std::move(done));
  return object();
}

Result listStacks(World &world, const Request &request) {
  auto regionId = regionOf(world, request);
  if (!regionId)
    return regionId.error();
  auto page = readPaging(request, 10, 50);
  if (!page)
    return page.error();
  auto names = request.list({"StackName"});
  auto statuses = request.list({"Status"});
  auto ids = request.list({"StackId", "StackIds"});
  if (!names || !statuses || !ids)
    return !names ? names.error() : !statuses ? statuses.error() : ids.error();
  Value::List found;
  for (const Value &stack : world.records(section::Stacks)) {
    std::string_view status = textOf(stack, "Status");
    bool deletedHidden = status == "DELETE_COMPLETE" && statuses.value().empty();
    if (regionOfRecord(stack) == regionId.value() && !deletedHidden &&
        listedOrAll(names.value(), textOf(stack, "StackName")) && listedOrAll(statuses.value(), status) &&
        listedOrAll(ids.value(), textOf(stack, "StackId"))) {
      Value summary = publicView(stack);
      for (std::string_view detail : {"Parameters", "Outputs", "Description"})
        summary.getMap().erase(std::remove_if(summary.getMap().begin(), summary.getMap().end(),
                                              [&](const Value::Member &member) { return member.first == detail; }),
                               summary.getMap().end());
      found.push_back(std::move(summary));
    }
  }
  Value answer = Value(Value::Map{{"TotalCount", static_cast<std::int64_t>(found.size())},
                                  {"PageNumber", page.value().pageNumber},
                                  {"PageSize", static_cast<std::int64_t>(page.value().size)}});
  answer.set("Stacks", Value(pageOf(std::move(found), page.value())));
  return answer;
}

Result listStackResources(World &world, const Request &request) {
  auto stack = stackFor(world, request);
  if (!stack)
    return stack.error();
  Value::List resources;
  const Value *made = simulatedMember(*stack.value(), "Resources");
  for (const Value &resource : made && made->isList() ? made->getList() : Value::List{}) {
    Value view = publicView(resource);
    view.set("StackId", Value(std::string(textOf(*stack.value(), "StackId"))));
    view.set("StackName", Value(std::string(textOf(*stack.value(), "StackName"))));
    resources.push_back(std::move(view));
  }
  return Value(Value::Map{{"Resources", Value(std::move(resources))}});
}

} // namespace oosc::runtime::sim::ros
