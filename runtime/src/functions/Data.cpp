//===- functions/Data.cpp - Built-ins that query JSON documents
//------------===//
//
// Fn::Jq (through the caller's jq evaluator) and Fn::FindMatchedPackage.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

namespace oosc::runtime::functions {

namespace {

/// A document given either as a value or as JSON text (command output and
/// API fields such as GetTemplate's Content arrive as text).
Outcome<Value> documentArgument(std::string_view function,
                                std::string_view what, const Value &value) {
  if (!value.isString())
    return value;
  JsonParseError error;
  if (std::optional<Value> parsed = parseJson(value.getString(), &error))
    return *parsed;
  return failure(function, std::string(what) +
                               " is not json: " + error.message +
                               " at offset " + std::to_string(error.offset));
}

/// Fn::Jq's data: JSON text of an object or a list is that document, as
/// ROS's Fn::Jq reads its input string (Alibaba's ACS-TAG-AddTagsToResources
/// writes `'{"resourceType":"{{resourceType}}"}'`); any other value,
/// strings included, as it is.
Value jqInput(const Value &data) {
  if (data.isString() && !data.getString().empty() &&
      (data.getString().front() == '{' || data.getString().front() == '['))
    if (std::optional<Value> parsed = parseJson(data.getString()); parsed && (parsed->isMap() || parsed->isList()))
      return *parsed;
  return data;
}

bool sameText(const Value &lhs, const Value &rhs) {
  return lhs.isScalar() && rhs.isScalar() && !lhs.isNull() && !rhs.isNull() &&
         lowerAscii(lhs.toDisplayString()) == lowerAscii(rhs.toDisplayString());
}

/// A package requirement is met when the package does not mention the
/// property, or names the instance's value (alone or in a list).
bool meets(const Value &package, const Value::Member &property) {
  const Value *wanted = package.findCaseInsensitive(property.first);
  if (!wanted)
    return true;
  if (!wanted->isList())
    return sameText(*wanted, property.second);
  for (const Value &choice : wanted->getList())
    if (sameText(choice, property.second))
      return true;
  return false;
}

bool matches(const Value &package, const Value &instance) {
  if (!package.isMap())
    return false;
  for (const Value::Member &property : instance.getMap())
    if (property.second.isScalar() && !meets(package, property))
      return false;
  return true;
}

std::string propertiesOf(const Value &instance) {
  std::string text;
  for (const Value::Member &property : instance.getMap()) {
    if (!property.second.isScalar())
      continue;
    if (!text.empty())
      text += ", ";
    text += property.first + "=" + property.second.toDisplayString();
  }
  return text.empty() ? "no properties" : text;
}

} // namespace

// Fn::Jq (oos-spec.md section 8; shape from the ROS Fn::Jq page): "First"
// gives the first result, or null when the program produces none; "All"
// gives the list of results. The mode is matched ignoring case.
Outcome<Value> jq(const Value &argument,
                  const FunctionEnvironment &environment) {
  constexpr std::string_view Name = "Fn::Jq";
  auto arguments =
      argumentList(Name, argument, "[First or All, jq program, value]", 3, 3);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto mode = textArgument(Name, "the mode", args[0]);
  if (!mode)
    return mode.error();
  std::string lowerMode = lowerAscii(mode.value());
  if (lowerMode != "first" && lowerMode != "all")
    return failure(Name,
                   "the mode must be First or All, got '" + mode.value() + "'");
  auto program = textArgument(Name, "the jq program", args[1]);
  if (!program)
    return program.error();
  if (!environment.jq)
    return failure(Name, "no jq evaluator is available");
  auto results = environment.jq(program.value(), jqInput(args[2]));
  if (!results)
    return failure(Name, results.error().message);
  std::vector<Value> &values = results.value();
  if (lowerMode == "all")
    return Value(Value::List(std::make_move_iterator(values.begin()),
                             std::make_move_iterator(values.end())));
  return values.empty() ? Value() : std::move(values.front());
}

// Fn::FindMatchedPackage is internal to OOS packages and undocumented
// (oos-spec.md section 8); its one user, ACS::ECS::ConfigureOOSPackage-
// WithTemporaryURL, passes [GetTemplate's Content of a package template, the
// JSON that `oosutil get_ecs_info` prints on the instance] and selects
// InstallScript, UninstallScript, BucketName and ObjectName from the result.
// Our reading: the content (JSON text or a value) holds the candidate
// packages as a list, either directly or under "Packages"; the instance
// information is a map of properties such as platform and architecture. The
// first package whose properties agree with the instance's (keys and values
// compared ignoring case; a package property may list several accepted
// values; properties the package does not mention do not constrain it) is
// the result. No match is a failure naming the instance's properties.
Outcome<Value> findMatchedPackage(const Value &argument,
                                  const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::FindMatchedPackage";
  auto arguments = argumentList(
      Name, argument, "[package template content, instance information]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto content = documentArgument(Name, "argument 1", args[0]);
  if (!content)
    return content.error();
  const Value *packages = &content.value();
  if (packages->isMap())
    packages = packages->findCaseInsensitive("Packages");
  if (!packages || !packages->isList())
    return failure(Name, "argument 1 has no list of packages (a list, or a "
                         "map with Packages)");
  auto instance = documentArgument(Name, "argument 2", args[1]);
  if (!instance)
    return instance.error();
  if (!instance.value().isMap())
    return failure(Name, "argument 2 must be a map of instance properties, "
                         "got " +
                             describe(instance.value()));
  for (const Value &package : packages->getList())
    if (matches(package, instance.value()))
      return package;
  return failure(Name, "no package matches " + propertiesOf(instance.value()));
}

} // namespace oosc::runtime::functions
