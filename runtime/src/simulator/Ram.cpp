// Ram.cpp - RAM policy attachments on the simulated cloud. Roles, users,
// groups and custom policies are the generic engine's resources (CreateRole,
// CreatePolicy, ...); what ties a policy to one of them is kept here, on the
// policy's record, because the generic engine has no relation between two
// resources: AttachPolicyTo{Role,User,Group} needs both to exist
// (EntityNotExist.<Kind>, EntityNotExist.Policy) and refuses a second
// attachment (EntityAlreadyExists), DetachPolicyFrom* one that is not there,
// and ListPoliciesFor* lists what is attached. System policies are the
// seeded `Ram::Policy` records of PolicyType System (Resources.def).
#include "World.h"

#include <algorithm>

namespace oosc::runtime::sim::ram {
namespace {

/// Who a policy is attached to: a role, a user or a group, known by name.
struct Principal {
  std::string_view noun, nameField;
};
constexpr Principal kRole{"Role", "RoleName"};
constexpr Principal kUser{"User", "UserName"};
constexpr Principal kGroup{"Group", "GroupName"};

std::string kindOf(const Principal &principal) { return "Ram::" + std::string(principal.noun); }

Outcome<std::string, ApiError> principalNamed(World &world, const Request &request, const Principal &principal) {
  auto name = request.required(principal.nameField);
  if (!name)
    return name.error();
  if (!findResource(world, kindOf(principal), principal.nameField, name.value()))
    return notFound("EntityNotExist." + std::string(principal.noun),
                    "The " + lowerAscii(principal.noun) + " does not exist: " + name.value() + ".");
  return name.value();
}

bool isPolicy(const Value &record) {
  const Value *kind = simulatedMember(record, "Kind");
  return kind && kind->isString() && kind->getString() == "Ram::Policy";
}

/// The policy the request names by PolicyName and PolicyType; a custom
/// policy made without a PolicyType is Custom.
Outcome<Value *, ApiError> policyNamed(World &world, const Request &request) {
  auto name = request.required("PolicyName");
  if (!name)
    return name.error();
  auto type = request.required("PolicyType");
  if (!type)
    return type.error();
  if (type.value() != "Custom" && type.value() != "System")
    return invalidParameter("PolicyType", "it is Custom or System");
  for (Value &record : world.records(section::Resources)) {
    std::string_view recordType = textOf(record, "PolicyType");
    if (isPolicy(record) && textOf(record, "PolicyName") == name.value() &&
        (recordType.empty() ? "Custom" : recordType) == type.value())
      return &record;
  }
  return notFound("EntityNotExist.Policy", "The policy does not exist: " + name.value() + ".");
}

Value &attachments(Value &policy) {
  Value *found = simulated(policy).find("AttachedTo");
  return found && found->isList() ? *found : simulated(policy).set("AttachedTo", list());
}

Value::List::iterator attachmentOf(Value &policy, const Principal &principal, const std::string &name) {
  Value::List &all = attachments(policy).getList();
  return std::find_if(all.begin(), all.end(), [&](const Value &entry) {
    return textOf(entry, "Type") == principal.noun && textOf(entry, "Name") == name;
  });
}

/// The two ends of an attachment the request names: the principal's name
/// and the policy's record, both existing.
struct Ends {
  std::string name;
  Value *policy;
};

Outcome<Ends, ApiError> endsOf(World &world, const Request &request, const Principal &principal) {
  auto name = principalNamed(world, request, principal);
  if (!name)
    return name.error();
  auto policy = policyNamed(world, request);
  if (!policy)
    return policy.error();
  return Ends{name.value(), policy.value()};
}

std::string attachmentText(const Ends &ends, const Principal &principal) {
  return "the policy " + std::string(textOf(*ends.policy, "PolicyName")) + " to the " + lowerAscii(principal.noun) +
         " " + ends.name;
}

Result attach(World &world, const Request &request, const Principal &principal) {
  auto ends = endsOf(world, request, principal);
  if (!ends)
    return ends.error();
  Value &record = *ends.value().policy;
  if (attachmentOf(record, principal, ends.value().name) != attachments(record).getList().end())
    return makeError(409, "EntityAlreadyExists." + std::string(principal.noun) + ".Policy",
                     "The attachment of " + attachmentText(ends.value(), principal) + " exists already.");
  attachments(record).append(Value(Value::Map{{"Type", std::string(principal.noun)},
                                              {"Name", ends.value().name},
                                              {"AttachDate", formatTime(world.now())}}));
  return object();
}

Result detach(World &world, const Request &request, const Principal &principal) {
  auto ends = endsOf(world, request, principal);
  if (!ends)
    return ends.error();
  Value &record = *ends.value().policy;
  auto found = attachmentOf(record, principal, ends.value().name);
  if (found == attachments(record).getList().end())
    return notFound("EntityNotExist." + std::string(principal.noun) + ".Policy",
                    "There is no attachment of " + attachmentText(ends.value(), principal) + ".");
  attachments(record).getList().erase(found);
  return object();
}

Result listFor(World &world, const Request &request, const Principal &principal) {
  auto name = principalNamed(world, request, principal);
  if (!name)
    return name.error();
  Value::List policies;
  for (Value &record : world.records(section::Resources)) {
    if (!isPolicy(record))
      continue;
    auto found = attachmentOf(record, principal, name.value());
    if (found == attachments(record).getList().end())
      continue;
    std::string_view type = textOf(record, "PolicyType");
    policies.push_back(Value(Value::Map{{"PolicyName", std::string(textOf(record, "PolicyName"))},
                                        {"PolicyType", std::string(type.empty() ? "Custom" : type)},
                                        {"Description", std::string(textOf(record, "Description"))},
                                        {"DefaultVersion", std::string(textOf(record, "DefaultVersion"))},
                                        {"AttachDate", std::string(textOf(*found, "AttachDate"))}}));
  }
  return Value(Value::Map{{"Policies", Value(Value::Map{{"Policy", Value(std::move(policies))}})}});
}

Handler handler(Result (*verb)(World &, const Request &, const Principal &), const Principal &principal) {
  return [verb, principal](World &world, const Request &request) { return verb(world, request, principal); };
}

} // namespace

void addApis(std::vector<ApiSpec> &table) {
  table.insert(table.end(), {
                                {"RAM", "AttachPolicyToRole", handler(attach, kRole), true},
                                {"RAM", "DetachPolicyFromRole", handler(detach, kRole), true},
                                {"RAM", "ListPoliciesForRole", handler(listFor, kRole), false},
                                {"RAM", "AttachPolicyToUser", handler(attach, kUser), true},
                                {"RAM", "DetachPolicyFromUser", handler(detach, kUser), true},
                                {"RAM", "ListPoliciesForUser", handler(listFor, kUser), false},
                                {"RAM", "AttachPolicyToGroup", handler(attach, kGroup), true},
                                {"RAM", "DetachPolicyFromGroup", handler(detach, kGroup), true},
                                {"RAM", "ListPoliciesForGroup", handler(listFor, kGroup), false},
                            });
}

} // namespace oosc::runtime::sim::ram
