// EcsInstanceAttributes.cpp - Simulated ModifyInstanceAttribute: every
// parameter the API takes is applied or refused as ECS refuses it.
//
// The password and user data are kept under Simulated, where no Describe
// answer shows them (ECS answers neither; DescribeUserData is a call of its
// own). Security groups must exist in the instance's VPC; a credit
// specification is for burstable types (t5, t6) only.
#include "World.h"

#include <cctype>

namespace oosc::runtime::sim::ecs {

namespace {

/// ECS's rule for instance passwords: 8 to 30 characters, of at least three
/// of upper case, lower case, digits and the special characters it allows.
bool wellFormedPassword(std::string_view password) {
  static constexpr std::string_view kSpecials = "()`~!@#$%^&*-_+=|{}[]:;'<>,.?/";
  if (password.size() < 8 || password.size() > 30)
    return false;
  bool upper = false, lower = false, digit = false, special = false;
  for (char c : password) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isupper(byte))
      upper = true;
    else if (std::islower(byte))
      lower = true;
    else if (std::isdigit(byte))
      digit = true;
    else if (kSpecials.find(c) != std::string_view::npos)
      special = true;
    else
      return false;
  }
  return upper + lower + digit + special >= 3;
}

/// Burstable types: ecs.t5-..., ecs.t6-... (the credit specification's).
bool burstable(std::string_view instanceType) {
  return instanceType.substr(0, 6) == "ecs.t5" || instanceType.substr(0, 6) == "ecs.t6";
}

std::optional<ApiError> applyPassword(Value &record, const Request &request) {
  std::optional<std::string> password = request.text("Password");
  if (!password)
    return std::nullopt;
  if (!wellFormedPassword(*password))
    // The value itself is never repeated: it is a secret.
    return makeError(400, "InvalidPassword.Malformed",
                     "The specified parameter \"Password\" is not valid: 8 to 30 characters of at least three "
                     "of upper case, lower case, digits and ()`~!@#$%^&*-_+=|{}[]:;'<>,.?/.");
  simulated(record).set("PasswordSet", true);
  return std::nullopt;
}

std::optional<ApiError> applyCreditSpecification(Value &record, const Request &request) {
  std::optional<std::string> credit = request.text("CreditSpecification");
  if (!credit)
    return std::nullopt;
  if (*credit != "Standard" && *credit != "Unlimited")
    return invalidParameter("CreditSpecification", "expected Standard or Unlimited");
  if (!burstable(textOf(record, "InstanceType")))
    return invalidParameter("CreditSpecification", "instance type " + std::string(textOf(record, "InstanceType")) +
                                                       " is not burstable (t5, t6)");
  record.set("CreditSpecification", *credit);
  return std::nullopt;
}

std::optional<ApiError> applySecurityGroups(World &world, Value &record, const Request &request) {
  auto ids = request.list({"SecurityGroupIds"});
  if (!ids)
    return ids.error();
  if (ids.value().empty())
    return std::nullopt;
  const Value *attributes = record.find("VpcAttributes");
  std::string_view vpcId = attributes ? textOf(*attributes, "VpcId") : std::string_view();
  Value::List groups;
  for (const std::string &id : ids.value()) {
    const Value *group = world.find(section::SecurityGroups, "SecurityGroupId", id);
    if (!group || regionOfRecord(*group) != regionOfRecord(record))
      return notFound("InvalidSecurityGroupId.NotFound", "The specified SecurityGroupId \"" + id + "\" does not exist.");
    if (textOf(*group, "VpcId") != vpcId)
      return forbidden("InvalidSecurityGroup.NotInSameVpc",
                       "The specified security group and the instance are not in the same VPC.");
    groups.push_back(Value(id));
  }
  record.set("SecurityGroupIds", Value(Value::Map{{"SecurityGroupId", list(std::move(groups))}}));
  return std::nullopt;
}

std::optional<ApiError> applyUserData(Value &record, const Request &request) {
  std::optional<std::string> userData = request.text("UserData");
  if (!userData)
    return std::nullopt;
  // Base64 of at most 32 KB, as ECS takes it.
  if (userData->size() > 32 * 1024 || !base64Decode(*userData))
    return invalidParameter("UserData", "expected Base64 text of at most 32 KB");
  simulated(record).set("UserData", *userData);
  return std::nullopt;
}

} // namespace

Result modifyInstanceAttribute(World &world, const Request &request) {
  auto instance = instanceFor(world, request);
  if (!instance)
    return instance.error();
  Value &record = *instance.value();
  auto protection = request.boolean("DeletionProtection", boolOf(record, "DeletionProtection"));
  if (!protection)
    return protection.error();
  // Checked on a copy: a refused parameter leaves the instance as it was.
  Value changed = record;
  for (auto apply : {applyPassword, applyCreditSpecification, applyUserData})
    if (std::optional<ApiError> refused = apply(changed, request))
      return *refused;
  if (std::optional<ApiError> refused = applySecurityGroups(world, changed, request))
    return *refused;
  for (std::string_view field : {"InstanceName", "HostName", "Description"})
    if (auto value = request.text(field))
      changed.set(std::string(field), *value);
  changed.set("DeletionProtection", protection.value());
  record = std::move(changed);
  return object();
}

} // namespace oosc::runtime::sim::ecs
