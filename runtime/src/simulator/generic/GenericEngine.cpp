//===- generic/GenericEngine.cpp --------------------------------------------===//
#include "simulator/generic/GenericEngine.h"

#include "simulator/generic/ApiVerbs.h"
#include "simulator/generic/ShapeFill.h"

#include <cctype>
#include <set>

namespace oosc::runtime::sim::generic {
namespace {

/// Request parameters that address the call, not a resource's fields.
constexpr std::string_view kCallParameters[] = {
    "RegionId",   "PageSize",      "PageNumber", "NextToken",    "MaxResults",           "DryRun",
    "ClientToken", "Lang",         "AcceptLanguage", "SourceIp", "OwnerId",              "OwnerAccount",
    "ResourceOwnerAccount", "ResourceOwnerId", "SecurityToken", "ProductCode", "Format", "Version"};

bool isCallParameter(std::string_view name) {
  for (std::string_view call : kCallParameters)
    if (equalsIgnoreCase(call, name))
      return true;
  return false;
}

/// Whether an API takes no parameter that names a resource (an `<X>Id` or
/// `<X>Name` other than the call's own, such as RegionId).
bool namesNothing(const apis::ApiSpec *spec) {
  if (!spec)
    return false;
  for (const apis::ParamSpec &parameter : spec->parameters) {
    std::string_view name = parameter.name;
    if (!isCallParameter(name) && ((name.size() > 2 && endsWith(name, "Id")) || (name.size() > 4 && endsWith(name, "Name"))))
      return false;
  }
  return true;
}

/// The parameter's name without the numbered form's tail: `Tag.1.Key` -> `Tag`.
std::string baseName(std::string_view name) { return std::string(name.substr(0, name.find('.'))); }

bool isEmpty(const Value &value) {
  return value.isNull() || (value.isString() && value.getString().empty()) ||
         (value.isList() && value.getList().empty());
}

/// Resources two products' APIs share: ECS's EIP APIs (AllocateEipAddress,
/// AssociateEipAddress, ...) work on VPC's elastic IPs.
struct SharedKind {
  std::string_view product, noun, owner;
};
constexpr SharedKind kSharedKinds[] = {{"Ecs", "EipAddress", "Vpc"}};

std::string kindOf(const apis::ProductRecord &product, const std::string &noun) {
  for (const SharedKind &shared : kSharedKinds)
    if (equalsIgnoreCase(shared.product, product.code) && shared.noun == noun)
      return std::string(shared.owner) + "::" + noun;
  return std::string(product.code) + "::" + noun;
}

ApiError notImplemented(const apis::ProductRecord &product, std::string_view api, const std::string &part) {
  return makeError(501, "NotImplemented",
                   "The simulated cloud does not model " + part + " of " + std::string(product.code) + "." +
                       std::string(api) + ".");
}

/// One row of Lifecycles.def.
struct StatusRow {
  std::string_view kind, field, verb, value;
};

constexpr StatusRow kStatuses[] = {
#define OOSC_STATUS(kind, field, verb, value) {kind, field, verb, value},
#include "simulator/generic/Lifecycles.def"
};

/// The statuses a resource of \p kind takes when \p verb (as written:
/// "Create", "Attach") makes or acts on it.
void takeStatus(Value &record, const std::string &kind, std::string_view verb) {
  for (const StatusRow &row : kStatuses)
    if (row.kind == kind && row.verb == verb)
      if (std::optional<Value> value = parseJson(row.value))
        record.set(std::string(row.field), std::move(*value));
}

struct IdPrefix {
  std::string_view kind, prefix;
};

constexpr IdPrefix kIdPrefixes[] = {
#define OOSC_ID_PREFIX(kind, prefix) {kind, prefix},
#include "simulator/generic/Resources.def"
};

/// `rm` for an RDS instance (Resources.def); else the initials of the
/// noun's words, as ids start (`lb-` for a LoadBalancer).
std::string idPrefix(const std::string &kind, const std::string &noun) {
  for (const IdPrefix &row : kIdPrefixes)
    if (row.kind == kind)
      return std::string(row.prefix);
  std::string prefix;
  for (size_t i = 0; i < noun.size(); ++i) {
    bool upper = std::isupper(static_cast<unsigned char>(noun[i]));
    bool startsWord = i == 0 || (upper && (!std::isupper(static_cast<unsigned char>(noun[i - 1])) ||
                                           (i + 1 < noun.size() && std::islower(static_cast<unsigned char>(noun[i + 1])))));
    if (startsWord)
      prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(noun[i])));
  }
  return prefix.empty() ? "r" : prefix;
}

std::string kindOfRecord(const Value &record) {
  const Value *kind = simulatedMember(record, "Kind");
  return kind && kind->isString() ? kind->getString() : "";
}

std::string idOfRecord(const Value &record) {
  const Value *id = simulatedMember(record, "Id");
  return id && id->isString() ? id->getString() : "";
}

bool endsWithId(const std::string &name) { return name.size() > 2 && endsWith(name, "Id"); }

/// The texts a filter value allows: a list's items, a JSON list's, or a
/// comma-separated string's.
std::set<std::string> wantedTexts(const Value &value) {
  std::set<std::string> texts;
  Value list = value;
  if (value.isString() && !value.getString().empty() && value.getString().front() == '[')
    if (std::optional<Value> parsed = parseJson(value.getString()); parsed && parsed->isList())
      list = std::move(*parsed);
  if (list.isList()) {
    for (const Value &item : list.getList())
      texts.insert(scalarText(item));
    return texts;
  }
  std::string text = scalarText(list);
  for (size_t start = 0; start <= text.size();) {
    size_t comma = std::min(text.find(',', start), text.size());
    texts.insert(text.substr(start, comma - start));
    start = comma + 1;
  }
  return texts;
}

/// `ScalingRule` -> `scaling_rule`, as ACK names its ids (`task_id`).
std::string snakeCase(const std::string &noun) {
  std::string snake;
  for (char c : noun) {
    if (std::isupper(static_cast<unsigned char>(c)) && !snake.empty())
      snake += '_';
    snake += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return snake;
}

/// The parameter that names one resource and the field it matches: the
/// id field, `<noun>Id`, `<noun>Name`, `<noun>_id`, `Id` or `Name`, the
/// first given.
std::optional<std::pair<std::string, std::string>> keyOf(const Request &request, const std::string &idField,
                                                          const std::string &noun) {
  for (const std::string &name :
       {idField, noun + "Id", noun + "Name", snakeCase(noun) + "_id", std::string("Id"), std::string("Name")})
    if (std::optional<std::string> value = request.text(name))
      return std::make_pair(name == idField || name == noun + "Id" || name == "Id" ? idField : name, *value);
  return std::nullopt;
}

ApiError notFound(const std::string &field, const std::string &value) {
  return sim::notFound("Invalid" + field + ".NotFound", "The specified " + field + " \"" + value + "\" does not exist.");
}

/// Resources a hand-written model keeps in a section of its own. A generic
/// call that names one by its id (ModifyInstanceNetworkSpec with an
/// InstanceId) reads or changes that record.
///
/// `lister`: the model makes none of these itself; what the engine's create
/// of the noun makes (VPC's CreateVSwitch) goes into the model's section,
/// shaped as that list API answers it, so the model's lists and reads
/// (DescribeVSwitches, RunInstances' vSwitch) find it.
struct Bridge {
  std::string_view product, noun, section, idKey;
  std::string_view lister = "";
};

constexpr Bridge kBridges[] = {
    {"Ecs", "Instance", section::Instances, "InstanceId"},
    {"Ecs", "Image", section::Images, "ImageId"},
    {"Ecs", "SecurityGroup", section::SecurityGroups, "SecurityGroupId", "DescribeSecurityGroups"},
    {"Ecs", "Command", section::Commands, "CommandId"},
    {"Vpc", "Vpc", section::Vpcs, "VpcId", "DescribeVpcs"},
    {"Vpc", "VSwitch", section::VSwitches, "VSwitchId", "DescribeVSwitches"},
    {"Ess", "ScalingGroup", section::ScalingGroups, "ScalingGroupId"},
    {"Ess", "ScalingConfiguration", section::ScalingConfigurations, "ScalingConfigurationId"},
    {"Ess", "ScalingActivity", section::ScalingActivities, "ScalingActivityId"},
    {"ROS", "Stack", section::Stacks, "StackId"},
};

/// Keeps what a create made: in the engine's Resources, or, for a noun a
/// bridge takes creates of, in the model's section as its lister answers
/// it, the region kept aside as the model keeps it.
void keepCreated(World &world, const apis::ApiTable &table, const apis::ProductRecord &product,
                 const std::string &noun, Value record) {
  for (const Bridge &bridge : kBridges)
    if (!bridge.lister.empty() && equalsIgnoreCase(bridge.product, product.code) && noun == bridge.noun) {
      std::string region(textOf(record, "RegionId"));
      const apis::Shape *listed = table.answerShape(product, bridge.lister);
      std::optional<RecordList> list = listed ? findRecordList(*listed, std::string(bridge.idKey)) : std::nullopt;
      Value kept = publicView(record);
      if (list && list->element)
        kept = conform(kept, *list->element).value_or(std::move(kept));
      simulated(kept).set("RegionId", Value(region));
      world.records(bridge.section).push_back(std::move(kept));
      return;
    }
  world.records(section::Resources).push_back(std::move(record));
}

/// The resource a call names: one of the engine's own, or a hand-written
/// model's whose noun the API's starts with.
struct Target {
  Value *record = nullptr;
  std::string keyField, key;
  bool handWritten = false;
};

/// The resource named by a parameter that is its kind's id field under
/// another name than the noun's (AssociateEipAddress's AllocationId): the
/// record of \p kind whose own id it holds, or a NotFound target when
/// records of the kind carry that field but none has the id.
std::optional<Target> targetByOwnId(World &world, const std::string &kind, const Value &parameters) {
  if (!parameters.isMap())
    return std::nullopt;
  for (const auto &[name, value] : parameters.getMap()) {
    if (!value.isString() || !endsWithId(name) || isCallParameter(name))
      continue;
    bool kindsField = false;
    for (Value &record : world.records(section::Resources))
      if (kindOfRecord(record) == kind && !idOfRecord(record).empty() && textOf(record, name) == idOfRecord(record)) {
        kindsField = true;
        if (idOfRecord(record) == value.getString())
          return Target{&record, name, value.getString(), false};
      }
    if (kindsField)
      return Target{nullptr, name, value.getString(), false};
  }
  return std::nullopt;
}

std::optional<Target> targetOf(World &world, const apis::ProductRecord &product, const std::string &kind,
                               const std::string &noun, const std::string &idField, const Request &request,
                               const Value &parameters) {
  if (auto key = keyOf(request, idField, noun)) {
    Target target{findResource(world, kind, key->first, key->second), key->first, key->second, false};
    if (target.record)
      return target;
  }
  for (const Bridge &bridge : kBridges)
    if (equalsIgnoreCase(bridge.product, product.code) && noun.rfind(bridge.noun, 0) == 0)
      if (std::optional<std::string> id = request.text(bridge.idKey))
        return Target{world.find(bridge.section, bridge.idKey, *id), std::string(bridge.idKey), *id, true};
  if (auto key = keyOf(request, idField, noun))
    return Target{nullptr, key->first, key->second, false};
  if (std::optional<Target> byOwnId = targetByOwnId(world, kind, parameters))
    return byOwnId;
  return std::nullopt;
}

/// The resource a parameter `<X>Id` names, X a kind of the product the
/// world holds (the engine's records of the kind, or a hand-written
/// model's through its bridge); its record is null when no X has that id.
/// `<X>Name` names one too (RAM's UserName a user): its record when one has
/// that name; null when none does and the kind's records are known by
/// their names. Nothing when the parameter names no kind the world knows.
std::optional<Target> namedBy(World &world, const apis::ProductRecord &product, const std::string &name,
                              const Value &value) {
  bool byName = name.size() > 4 && endsWith(name, "Name");
  if (!value.isString() || value.getString().empty() || !(endsWithId(name) || byName) || isCallParameter(name))
    return std::nullopt;
  const std::string &id = value.getString();
  std::string kind = kindOf(product, name.substr(0, name.size() - (byName ? 4 : 2)));
  bool known = false, keyedByName = true;
  for (Value &record : world.records(section::Resources))
    if (kindOfRecord(record) == kind) {
      known = true;
      if (textOf(record, name) == id)
        return Target{&record, name, id, false};
      keyedByName = keyedByName && idOfRecord(record) == textOf(record, name);
    }
  if (byName)
    return known && keyedByName ? std::optional<Target>(Target{nullptr, name, id, false}) : std::nullopt;
  for (const Bridge &bridge : kBridges)
    if (equalsIgnoreCase(bridge.product, product.code) && bridge.idKey == name)
      return Target{world.find(bridge.section, bridge.idKey, id), name, id, true};
  if (known)
    return Target{nullptr, name, id, false};
  return std::nullopt;
}

/// The resource that owns a part a call names without an id of its own:
/// ModifyBackupPolicy with a DBInstanceId changes that instance's backup
/// policy. The first resource a parameter names (namedBy); its record is
/// null when it does not exist (NotFound, as the owner's API would say).
std::optional<Target> ownerOf(World &world, const apis::ProductRecord &product, const Value &parameters) {
  if (parameters.isMap())
    for (const auto &[name, value] : parameters.getMap())
      if (std::optional<Target> named = namedBy(world, product, name, value))
        return named;
  return std::nullopt;
}

/// The resources a parameter `<X>Ids` names, each of them (a list, or its
/// JSON text): ModifyInstanceChargeType changes every instance of its
/// InstanceIds. A target with a null record for an id no X has; nothing
/// when no such parameter names a kind the world knows.
std::optional<std::vector<Target>> namedByList(World &world, const apis::ProductRecord &product,
                                               const Value &parameters) {
  if (!parameters.isMap())
    return std::nullopt;
  for (const auto &[name, value] : parameters.getMap()) {
    if (name.size() <= 3 || !endsWith(name, "Ids") || isCallParameter(name))
      continue;
    std::string idName = name.substr(0, name.size() - 1);
    std::vector<Target> targets;
    for (const std::string &id : wantedTexts(value)) {
      std::optional<Target> named = namedBy(world, product, idName, Value(id));
      if (!named)
        break;
      targets.push_back(*named);
    }
    if (!targets.empty())
      return targets;
  }
  return std::nullopt;
}

/// The first resource a parameter names (namedBy) that does not exist: a
/// call on it fails NotFound, as the real API does.
std::optional<ApiError> missingNamed(World &world, const apis::ProductRecord &product, const Value &parameters) {
  if (!parameters.isMap())
    return std::nullopt;
  // An EIP is bound to an instance of the kind its InstanceType says: its
  // InstanceId may name a network interface or a NAT gateway.
  const Value *instanceType = parameters.find("InstanceType");
  bool otherInstance = instanceType && instanceType->isString() && !instanceType->getString().empty() &&
                       instanceType->getString() != "EcsInstance";
  for (const auto &[name, value] : parameters.getMap()) {
    std::string as = name;
    if (otherInstance && name == "InstanceId")
      as = instanceType->getString() == "NetworkInterface" ? "NetworkInterfaceId" : "";
    if (as.empty())
      continue;
    if (std::optional<Target> named = namedBy(world, product, as, value); named && !named->record)
      return notFound(named->keyField, named->key);
  }
  return std::nullopt;
}

/// The account's one record of \p kind, for what the account has once
/// (a password policy, a renewal setting): made when first set.
Value *singletonOf(World &world, const std::string &kind) {
  for (Value &record : world.records(section::Resources))
    if (kindOfRecord(record) == kind && idOfRecord(record).empty())
      return &record;
  return nullptr;
}

Value &makeSingleton(World &world, const std::string &kind) {
  if (Value *existing = singletonOf(world, kind))
    return *existing;
  Value record(Value::Map{});
  simulated(record).set("Kind", Value(kind));
  world.records(section::Resources).push_back(std::move(record));
  return world.records(section::Resources).back();
}

/// The part \p noun of \p owner (Simulated.Parts), made when first asked.
Value &partOf(Value &owner, const std::string &noun) {
  Value &bookkeeping = simulated(owner);
  if (!bookkeeping.find("Parts") || !bookkeeping.find("Parts")->isMap())
    bookkeeping.set("Parts", Value(Value::Map{}));
  Value &parts = *bookkeeping.find("Parts");
  if (!parts.find(noun) || !parts.find(noun)->isMap())
    parts.set(noun, Value(Value::Map{}));
  return *parts.find(noun);
}

/// The owner's fields with its part's over them: what a read of the part
/// answers (DescribeBackupPolicy gives the instance's id and the policy).
Value withPart(Value &owner, const std::string &noun) {
  Value view = publicView(owner);
  mergeInto(view, partOf(owner, noun));
  return view;
}

/// A change to a hand-written model's record: the fields it has take the
/// request's values; the others are kept aside (Simulated.Settings), where
/// the model's answers do not show them.
void changeHandWritten(Value &record, const Value &parameters, const std::string &keyField) {
  if (!parameters.isMap())
    return;
  for (const auto &[name, value] : parameters.getMap()) {
    if (isCallParameter(name) || name == keyField || isEmpty(value) || name == "Simulated")
      continue;
    if (Value *field = record.find(name); field && !field->isMap() && !field->isList())
      *field = value.isString() || field->isString() ? Value(scalarText(value)) : value;
    else if (Value *settings = simulated(record).find("Settings"); settings && settings->isMap())
      settings->set(name, value);
    else
      simulated(record).set("Settings", Value(Value::Map{{name, value}}));
  }
}

/// The resource's fields a request sets: every parameter but the call's own.
void setFields(Value &record, const Value &parameters, const std::string &skip) {
  if (!parameters.isMap())
    return;
  for (const auto &[name, value] : parameters.getMap())
    if (!isCallParameter(name) && name != skip && !isEmpty(value) && name != "Simulated")
      record.set(name, value);
}

/// The answer shape's scalar fields the record has, and the record placed
/// in the shape's object that holds the id field; with no id field (the
/// account's one record of a kind), in each object it fills a field of.
Value answerWith(const apis::Shape *shape, const Value &record, const std::string &idField) {
  if (!shape)
    return Value(Value::Map{});
  Value answer = conform(record, *shape).value_or(Value(Value::Map{}));
  // With no object holding the id field, the object named after the noun
  // (GetParameter's Parameter, whose id is just Id) holds the resource.
  std::string nounObject = endsWithId(idField) ? idField.substr(0, idField.size() - 2) : "";
  bool idHeld = false;
  for (const apis::Shape &field : shape->fields)
    idHeld = idHeld || (field.kind == apis::Shape::Kind::Object && !idField.empty() && field.field(idField));
  for (const apis::Shape &field : shape->fields)
    if (field.kind == apis::Shape::Kind::Object &&
        (idField.empty() || field.field(idField) || (!idHeld && field.name == nounObject)))
      if (std::optional<Value> inner = conform(record, field); inner && (!idField.empty() || inner->size() > 0))
        answer.set(std::string(field.name), std::move(*inner));
  return answer;
}

/// One row of Filters.def.
struct FilterRow {
  std::string_view product, api, parameter, field, everything;
};

constexpr FilterRow kFilters[] = {
#define OOSC_FILTER(product, api, parameter, field, everything) {product, api, parameter, field, everything},
#include "simulator/generic/Filters.def"
};

/// The fields a create sets besides its parameters: those a list filter
/// named otherwise tests (CreateSnapshot's DiskId is the SourceDiskId
/// DescribeSnapshots' DiskId filters on).
void setFilteredFields(Value &record, const apis::ProductRecord &product, const std::string &noun,
                       const Value &parameters) {
  std::string lister = "Describe" + noun + "s";
  for (const FilterRow &row : kFilters)
    if (equalsIgnoreCase(row.product, product.code) && row.api == lister && row.parameter != row.field &&
        !record.find(row.field))
      if (const Value *value = parameters.isMap() ? parameters.find(row.parameter) : nullptr; value && !isEmpty(*value))
        record.set(std::string(row.field), *value);
}

/// The ARN (or ESS's ARI) of what a create made, where its answer has
/// one: `ari:acs:ess:cn-hangzhou:ACCOUNT:scalingrule/asr-...`.
void setResourceName(Value &record, const apis::Shape *shape, const apis::ProductRecord &product,
                     const std::string &noun, const std::string &region, const std::string &id) {
  std::string path = lowerAscii(std::string(product.code)) + ":" + region + ":" + std::string(kAccountId) + ":" +
                     lowerAscii(noun) + "/" + id;
  for (const char *suffix : {"Arn", "Ari"})
    if (shape && shape->kind == apis::Shape::Kind::Object && shape->field(noun + suffix))
      record.set(noun + suffix, Value((std::string(suffix) == "Ari" ? "ari:acs:" : "acs:") + path));
}

Result create(World &world, const apis::ApiTable &table, const apis::Shape *shape, const std::string &kind,
              const ApiMeaning &meaning, const apis::ProductRecord &product, const Request &request,
              const Value &parameters) {
  std::string idField = createdIdFieldOf(shape, meaning.noun);
  std::string region = request.textOr("RegionId", world.defaultRegion());
  if (!world.region(region))
    return sim::notFound("InvalidRegionId.NotFound", "The specified RegionId \"" + region + "\" does not exist.");
  Value record(Value::Map{});
  std::string id = world.nextId(idPrefix(kind, meaning.noun));
  record.set(idField, Value(id));
  record.set("RegionId", Value(region));
  setFields(record, parameters, idField);
  setFilteredFields(record, product, meaning.noun, parameters);
  setResourceName(record, shape, product, meaning.noun, region, id);
  takeStatus(record, kind, "Create");
  record.set("CreationTime", Value(formatTime(world.now())));
  record.set("CreateTime", Value(formatTime(world.now())));
  Value &bookkeeping = simulated(record);
  bookkeeping.set("Kind", Value(kind));
  bookkeeping.set("Id", Value(id));
  Value answer = answerWith(shape, publicView(record), idField);
  keepCreated(world, table, product, meaning.noun, std::move(record));
  return answer;
}

/// One OOSC_FILTER_THROUGH row of Filters.def.
struct ThroughRow {
  std::string_view product, api, parameter, via, kind, field;
};

constexpr ThroughRow kThroughFilters[] = {
#define OOSC_FILTER_THROUGH(product, api, parameter, via, kind, field) {product, api, parameter, via, kind, field},
#include "simulator/generic/Filters.def"
};

/// What a parameter of a list call does to the list.
struct Filter {
  enum class Kind { Field, Through, AnswerFlag, Unknown } kind = Kind::Unknown;
  std::string parameter, field;
  std::string_view everything; ///< the value that filters nothing, "" if none
  Value value;
  const ThroughRow *through = nullptr; ///< Kind::Through: the resource it goes by
};

Filter filterOf(const apis::Shape &element, const std::string &name, const Value &value,
                const apis::ProductRecord &product, std::string_view api, const apis::ApiSpec *spec) {
  Filter filter{Filter::Kind::Field, name, "", "", value};
  for (const ThroughRow &row : kThroughFilters)
    if (equalsIgnoreCase(row.product, product.code) && row.api == api && row.parameter == name) {
      filter.kind = Filter::Kind::Through;
      filter.through = &row;
      return filter;
    }
  for (const FilterRow &row : kFilters)
    if (equalsIgnoreCase(row.product, product.code) && row.api == api && row.parameter == name) {
      filter.field = std::string(row.field);
      filter.everything = row.everything;
      return filter;
    }
  if (element.field(name))
    filter.field = name;
  else if (element.field(singular(name)))
    filter.field = singular(name);
  else if (const apis::ParamSpec *parameter = spec ? spec->findParameter(name) : nullptr;
           parameter && parameter->type == apis::ParamType::Boolean)
    filter.kind = Filter::Kind::AnswerFlag;
  else
    filter.kind = Filter::Kind::Unknown;
  return filter;
}

bool passes(const World &world, const Value &record, const Filter &filter) {
  if (filter.kind == Filter::Kind::AnswerFlag ||
      (!filter.everything.empty() && equalsIgnoreCase(scalarText(filter.value), filter.everything)))
    return true;
  std::set<std::string> wanted = wantedTexts(filter.value);
  if (filter.kind == Filter::Kind::Through) {
    // The resource the record names (a snapshot's disk) has the value.
    std::string_view named = textOf(record, filter.through->via);
    for (const Value &other : world.records(section::Resources))
      if (kindOfRecord(other) == filter.through->kind && idOfRecord(other) == named)
        return wanted.count(std::string(textOf(other, filter.through->field))) > 0;
    return false;
  }
  const Value *have = record.find(filter.field);
  return have && wanted.count(scalarText(*have)) > 0;
}

/// \p one: the API reads one resource (DescribeDBInstanceAttribute) though
/// its answer is a list: an id that matches nothing is NotFound.
Result readMany(World &world, const apis::Shape &shape, const RecordList &list, const std::string &kind,
                const std::string &idField, const apis::ProductRecord &product, std::string_view api,
                const Request &request, const Value &parameters, bool one, const apis::ApiSpec *spec) {
  // ECS lists take a window of creation times as Filter.N pairs.
  bool windowed = equalsIgnoreCase(product.code, "Ecs");
  CreationWindow window;
  if (windowed) {
    auto read = creationWindow(request);
    if (!read)
      return read.error();
    window = read.value();
  }
  // A filter the engine cannot apply is said, whether or not any resource
  // would have been tested against it.
  std::vector<Filter> filters;
  if (parameters.isMap())
    for (const auto &[name, value] : parameters.getMap()) {
      if (isCallParameter(name) || isEmpty(value) || (windowed && isWindowParameter(name)))
        continue;
      filters.push_back(filterOf(*list.element, baseName(name), value, product, api, spec));
      if (filters.back().kind != Filter::Kind::Unknown)
        continue;
      // A list of what a resource holds (Redis's DescribeSecurityIps with
      // an InstanceId): the list as that resource's record keeps it.
      if (std::optional<Target> owner = namedBy(world, product, baseName(name), value))
        return owner->record ? answerWith(&shape, publicView(*owner->record), owner->keyField)
                             : Result(notFound(owner->keyField, owner->key));
      return notImplemented(product, api, "the filter " + baseName(name));
    }
  std::optional<std::string> region = request.text("RegionId");
  Value::List found;
  for (const Value &record : world.records(section::Resources)) {
    // A record without a region is global (an instance type).
    if (kindOfRecord(record) != kind || (region && record.find("RegionId") && textOf(record, "RegionId") != *region))
      continue;
    bool keep = inWindow(textOf(record, "CreationTime"), window);
    for (const Filter &filter : filters)
      keep = keep && passes(world, record, filter);
    if (keep)
      found.push_back(*conform(publicView(record), *list.element));
  }
  if (found.empty() && one)
    if (std::optional<std::string> id = request.text(idField))
      return notFound(idField, *id);
  auto page = readPaging(request, 10, 1000);
  if (!page)
    return page.error();
  size_t total = found.size();
  size_t begin = std::min(page.value().offset, total);
  size_t end = std::min(begin + page.value().size, total);
  Value answer(Value::Map{});
  putAt(answer, list.path, Value(Value::List(found.begin() + static_cast<long>(begin), found.begin() + static_cast<long>(end))));
  // Paging fields where the shape has them (at the top, as most APIs do).
  Value paging(Value::Map{{"TotalCount", Value(static_cast<std::int64_t>(total))},
                          {"TotalRecordCount", Value(static_cast<std::int64_t>(total))},
                          {"PageRecordCount", Value(static_cast<std::int64_t>(end - begin))},
                          {"PageNumber", Value(page.value().pageNumber)},
                          {"PageSize", Value(static_cast<std::int64_t>(page.value().size))},
                          {"MaxResults", Value(static_cast<std::int64_t>(page.value().size))},
                          {"NextToken", Value(end < total && page.value().tokens ? "sim-token-" + std::to_string(end) : "")}});
  for (const auto &[name, value] : paging.getMap())
    if (const apis::Shape *field = shape.field(name))
      if (std::optional<Value> conformed = conform(value, *field))
        answer.set(name, std::move(*conformed));
  return answer;
}

Result readOne(World &world, const apis::Shape &shape, const std::string &kind, const ApiMeaning &meaning,
               const apis::ProductRecord &product, std::string_view api, const Request &request,
               const Value &parameters) {
  std::string idField = idFieldOf(&shape, meaning.noun);
  std::optional<Target> target = targetOf(world, product, kind, meaning.noun, idField, request, parameters);
  if (!target) {
    if (std::optional<Target> owner = ownerOf(world, product, parameters))
      return owner->record ? answerWith(&shape, withPart(*owner->record, meaning.noun), owner->keyField)
                           : Result(notFound(owner->keyField, owner->key));
    // What the account has once: as last set, or nothing set yet (an
    // empty answer of the API's shape, as the real one gives defaults).
    const Value *single = singletonOf(world, kind);
    return answerWith(&shape, single ? publicView(*single) : Value(Value::Map{}), "");
  }
  if (!target->record)
    return notFound(target->keyField, target->key);
  return answerWith(&shape, publicView(*target->record), target->handWritten ? target->keyField : idField);
}

/// A change of several resources named by one list: all exist, or none
/// changes (NotFound for the first that does not).
Result changeEach(const std::vector<Target> &targets, const apis::Shape *shape, const ApiMeaning &meaning,
                  const Value &parameters) {
  for (const Target &target : targets)
    if (!target.record)
      return notFound(target.keyField, target.key);
  // The list itself is not a field of the resources it names.
  std::string listName = targets.front().keyField + "s";
  for (const Target &target : targets) {
    if (target.handWritten) {
      changeHandWritten(*target.record, parameters, listName);
    } else {
      setFields(*target.record, parameters, listName);
      takeStatus(*target.record, kindOfRecord(*target.record), meaning.verbText);
    }
  }
  return answerWith(shape, Value(Value::Map{}), "");
}

/// Whether \p node holds \p id under \p key, at any depth, alone or in a
/// list (an instance's VpcAttributes.VSwitchId, SecurityGroupIds).
bool refersTo(const Value &node, std::string_view key, std::string_view id) {
  if (node.isMap()) {
    for (const auto &[name, value] : node.getMap()) {
      if (name == key && value.isString() && value.getString() == id)
        return true;
      if (name == key && value.isList())
        for (const Value &item : value.getList())
          if (item.isString() && item.getString() == id)
            return true;
      if (name != "Simulated" && refersTo(value, key, id))
        return true;
    }
  } else if (node.isList()) {
    for (const Value &item : node.getList())
      if (refersTo(item, key, id))
        return true;
  }
  return false;
}

/// Removes a record of a section whose creates the engine makes (a bridge
/// with a lister: VPCs, vSwitches, security groups), unless another
/// resource still names it (a vSwitch its VPC, an instance its security
/// group): DependencyViolation, as the real APIs answer. Nothing for the
/// records a hand-written model makes and removes itself.
std::optional<Result> removeBridged(World &world, const Target &target) {
  const Bridge *bridge = nullptr;
  for (const Bridge &each : kBridges)
    if (!each.lister.empty() && each.idKey == target.keyField)
      bridge = &each;
  if (!bridge)
    return std::nullopt;
  for (std::string_view name : {section::Vpcs, section::VSwitches, section::SecurityGroups, section::Instances,
                                section::Resources})
    for (const Value &record : world.records(name))
      if (&record != target.record && refersTo(record, target.keyField, target.key))
        return Result(makeError(400, "DependencyViolation",
                                "The " + target.keyField + " \"" + target.key +
                                    "\" is still used by another resource; remove that first."));
  world.erase(bridge->section, bridge->idKey, target.key);
  return Result(Value(Value::Map{}));
}

Result change(World &world, const apis::Shape *shape, const std::string &kind, const ApiMeaning &meaning,
              const apis::ProductRecord &product, std::string_view api, const Request &request,
              const Value &parameters, const apis::ApiSpec *spec) {
  std::string idField = idFieldOf(shape, meaning.noun);
  std::optional<Target> target = targetOf(world, product, kind, meaning.noun, idField, request, parameters);
  if (!target)
    if (std::optional<Target> owner = ownerOf(world, product, parameters)) {
      if (!owner->record)
        return notFound(owner->keyField, owner->key);
      // A part of its owner (ModifyBackupPolicy, ReleaseInstancePublicConnection
      // with a DBInstanceId): its settings kept beside the owner's fields,
      // or forgotten.
      Value &part = partOf(*owner->record, meaning.noun);
      if (meaning.verb == Verb::Delete)
        part = Value(Value::Map{});
      else
        setFields(part, parameters, owner->keyField);
      return answerWith(shape, withPart(*owner->record, meaning.noun), owner->keyField);
    }
  if (!target && meaning.verb != Verb::Delete)
    if (std::optional<std::vector<Target>> many = namedByList(world, product, parameters))
      return changeEach(*many, shape, meaning, parameters);
  // An API that names nothing changes what the account has once (RDS's
  // ModifyActionEventPolicy: the region's event log setting).
  if (!target && meaning.verb == Verb::Update && namesNothing(spec)) {
    Value &single = makeSingleton(world, kind);
    setFields(single, parameters, "");
    return answerWith(shape, publicView(single), "");
  }
  if (!target)
    return missingParameter(idField);
  if (!target->record)
    return notFound(target->keyField, target->key);
  if (target->handWritten) {
    if (meaning.verb == Verb::Delete) {
      if (std::optional<Result> removed = removeBridged(world, *target))
        return std::move(*removed);
      return notImplemented(product, api, "removing a " + meaning.noun + " its hand-written model keeps");
    }
    changeHandWritten(*target->record, parameters, target->keyField);
    return answerWith(shape, publicView(*target->record), target->keyField);
  }
  if (meaning.verb == Verb::Delete) {
    auto &records = world.records(section::Resources);
    for (auto it = records.begin(); it != records.end(); ++it)
      if (&*it == target->record) {
        records.erase(it);
        break;
      }
    return Value(Value::Map{});
  }
  setFields(*target->record, parameters, target->keyField);
  takeStatus(*target->record, kind, meaning.verbText);
  return answerWith(shape, publicView(*target->record), idField);
}

/// An Act verb (ApiVerbs.def): the resources named must exist; the one
/// acted on keeps the request's values and takes the verb's status
/// (Lifecycles.def); a part of an owner, or the account's one record of
/// the noun, when no resource of its own is named.
Result act(World &world, const apis::Shape *shape, const std::string &kind, const ApiMeaning &meaning,
           const apis::ProductRecord &product, const Request &request, const Value &parameters) {
  if (std::optional<ApiError> missing = missingNamed(world, product, parameters))
    return *missing;
  std::string idField = idFieldOf(shape, meaning.noun);
  if (std::optional<Target> target = targetOf(world, product, kind, meaning.noun, idField, request, parameters)) {
    if (!target->record)
      return notFound(target->keyField, target->key);
    if (target->handWritten) {
      changeHandWritten(*target->record, parameters, target->keyField);
      return answerWith(shape, publicView(*target->record), target->keyField);
    }
    setFields(*target->record, parameters, target->keyField);
    takeStatus(*target->record, kind, meaning.verbText);
    return answerWith(shape, publicView(*target->record), idField);
  }
  if (std::optional<Target> owner = ownerOf(world, product, parameters)) {
    if (!owner->record)
      return notFound(owner->keyField, owner->key);
    if (!owner->handWritten)
      takeStatus(*owner->record, kindOfRecord(*owner->record), meaning.verbText);
    setFields(partOf(*owner->record, meaning.noun), parameters, owner->keyField);
    return answerWith(shape, withPart(*owner->record, meaning.noun), owner->keyField);
  }
  Value &single = makeSingleton(world, kind);
  setFields(single, parameters, "");
  return answerWith(shape, publicView(single), "");
}

/// The resource a call on one names: ModifyDBInstanceDescription with a
/// DBInstanceId changes a DBInstance. The longest `<X>Id` parameter whose X
/// begins the noun wins; the noun as read otherwise.
std::string namedNoun(const std::string &noun, const Value &parameters) {
  std::string best;
  if (parameters.isMap())
    for (const auto &[name, value] : parameters.getMap()) {
      std::string base = baseName(name);
      if (base.size() > 2 && base.compare(base.size() - 2, 2, "Id") == 0) {
        std::string stem = base.substr(0, base.size() - 2);
        if (!stem.empty() && noun.rfind(stem, 0) == 0 && stem.size() > best.size())
          best = stem;
      }
    }
  return best.empty() ? noun : best;
}

/// A seed's id (Resources.def): its `<Noun>Id`, else its `<Noun>Name`,
/// else its first field named `...Id` (an EIP's AllocationId).
std::string seedIdOf(const Value &record, const std::string &noun) {
  for (const std::string &field : {noun + "Id", noun + "Name"})
    if (!textOf(record, field).empty())
      return std::string(textOf(record, field));
  for (const auto &[name, value] : record.getMap())
    if (endsWithId(name) && value.isString())
      return value.getString();
  return "";
}

} // namespace

void seedResources(World &world) {
  struct Seed {
    std::string_view kind, record;
  };
  static constexpr Seed kSeeds[] = {
#define OOSC_SEED_RESOURCE(kind, record) {kind, record},
#include "simulator/generic/Resources.def"
  };
  for (const Seed &seed : kSeeds) {
    std::optional<Value> record = parseJson(seed.record);
    if (!record || !record->isMap())
      continue; // a test reads every seed: none is malformed
    std::string noun(seed.kind.substr(seed.kind.find("::") + 2));
    std::string id = seedIdOf(*record, noun); // before the record moves
    addResource(world, seed.kind, std::move(id), std::move(*record));
  }
}

bool models(const apis::ApiTable &table, const apis::ProductRecord &product, std::string_view api,
            std::string &why) {
  std::optional<ApiMeaning> meaning = meaningOf(api);
  if (!meaning) {
    why = "what the verb " + leadingWord(api) + " does";
    return false;
  }
  if (meaning->verb == Verb::Read && !table.answerShape(product, api)) {
    why = "the answer (the API table has no shape for it)";
    return false;
  }
  return true;
}

bool mutates(std::string_view api) {
  std::optional<ApiMeaning> meaning = meaningOf(api);
  return meaning && meaning->verb != Verb::Read;
}

namespace {

/// Whether the request gives \p name: by that name in any case, or in a
/// numbered form (Tag.1.Key, InstanceId.1), not empty.
bool gives(const Request &request, const Value &parameters, std::string_view name) {
  if (request.has(name))
    return true;
  if (parameters.isMap())
    for (const auto &[given, value] : parameters.getMap())
      if (given.size() > name.size() && equalsIgnoreCase(std::string_view(given).substr(0, name.size()), name) &&
          (given[name.size()] == '.' || std::isdigit(static_cast<unsigned char>(given[name.size()]))) && !isEmpty(value))
        return true;
  return false;
}

/// The first parameter the API requires that the request lacks: the real
/// API answers MissingParameter before it looks at anything else. RegionId
/// is filled by OOS and the SDKs from the endpoint; restful APIs take theirs
/// in the path and body too, which the engine does not see whole.
std::optional<ApiError> missingRequired(const apis::ProductRecord &product, const apis::ApiSpec *spec,
                                        const Request &request, const Value &parameters) {
  if (!spec || product.style != apis::ApiStyle::Rpc)
    return std::nullopt;
  for (const apis::ParamSpec &parameter : spec->parameters)
    if (parameter.required && !equalsIgnoreCase(parameter.name, "RegionId") &&
        !gives(request, parameters, parameter.name))
      return missingParameter(parameter.name);
  return std::nullopt;
}

/// A call that changes something: made, changed, removed or acted on, by
/// what its verb says.
Result write(World &world, const apis::ApiTable &table, const apis::ProductRecord &product, std::string_view api,
             const ApiMeaning &meaning, const std::string &kind, const Request &request, const Value &parameters) {
  const apis::Shape *shape = table.answerShape(product, api);
  switch (meaning.verb) {
  case Verb::Create:
    return create(world, table, shape, kind, meaning, product, request, parameters);
  case Verb::Update:
  case Verb::Delete:
    return change(world, shape, kind, meaning, product, api, request, parameters, table.findApi(product, api));
  case Verb::Act:
    return act(world, shape, kind, meaning, product, request, parameters);
  case Verb::Read:
    break;
  }
  return notImplemented(product, api, "the call");
}

/// ACK's changes run as tasks: an answer whose shape has a `task_id` gets
/// one, a task already done, which DescribeTaskInfo (`/tasks/{task_id}`)
/// then finds.
Result withTask(World &world, const apis::ProductRecord &product, const apis::Shape *shape, const Request &request,
                Result answer) {
  if (!answer || !shape || shape->kind != apis::Shape::Kind::Object || !shape->field("task_id") ||
      answer.value().find("task_id"))
    return answer;
  const Value *cluster = answer.value().find("cluster_id");
  std::string id = addDoneTask(world, kindOf(product, "Task"), request.textOr("RegionId", world.defaultRegion()),
                               cluster && cluster->isString() ? cluster->getString() : "");
  answer.value().set("task_id", id);
  return answer;
}

} // namespace

std::string addDoneTask(World &world, const std::string &kind, const std::string &region, const std::string &clusterId) {
  std::string id = world.nextId("T");
  std::string now = formatTime(world.now());
  Value task(Value::Map{{"task_id", id}, {"state", "success"}, {"created", now}, {"updated", now}, {"RegionId", region}});
  if (!clusterId.empty())
    task.set("cluster_id", clusterId);
  addResource(world, kind, id, std::move(task));
  return id;
}

Result serve(World &world, const apis::ApiTable &table, const apis::ProductRecord &product, std::string_view api,
             const Request &request, const Value &parameters) {
  std::optional<ApiMeaning> meaning = meaningOf(api);
  if (!meaning)
    return notImplemented(product, api,
                          "what the verb " + leadingWord(api) + " does (its generic engine models " + modelledVerbs() + ")");
  const apis::Shape *shape = table.answerShape(product, api);
  if (meaning->verb == Verb::Read && !shape)
    return notImplemented(product, api, "the answer (the API table has no shape for it)");
  if (std::optional<ApiError> missing = missingRequired(product, table.findApi(product, api), request, parameters))
    return *missing;
  if (meaning->verb != Verb::Create && !meaning->plural)
    meaning->noun = namedNoun(meaning->noun, parameters);
  std::string kind = kindOf(product, meaning->noun);
  if (meaning->verb != Verb::Read)
    return withTask(world, product, shape, request, write(world, table, product, api, *meaning, kind, request, parameters));
  std::string idField = idFieldOf(nullptr, meaning->noun);
  std::optional<RecordList> list = findRecordList(*shape, idField);
  // A plural name lists; so does a singular one whose answer holds a list
  // of the resource (DescribeSnapshotGroup... rare, but real).
  if (list && (meaning->plural || list->element->field(idField)))
    return readMany(world, *shape, *list, kind, idFieldOf(list->element, meaning->noun), product, api, request,
                    parameters, !meaning->plural, table.findApi(product, api));
  return readOne(world, *shape, kind, *meaning, product, api, request, parameters);
}

} // namespace oosc::runtime::sim::generic
