// ros/StackTemplate.cpp - Stack templates read, their parameters valued,
// their functions evaluated.
#include "simulator/ros/StackTemplate.h"

#include "text/BlockYaml.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace oosc::runtime::sim::ros {

ApiError invalidTemplate(const std::string &why) {
  return makeError(400, "InvalidTemplate", "Template format error: " + why + ".");
}

namespace {

ApiError notImplemented(const std::string &part) {
  return makeError(501, "NotImplemented", "The simulated cloud does not model " + part + " of ROS.CreateStack.");
}

/// ALIYUN::NoValue: the property it is the value of is left out.
constexpr std::string_view kNoValue = "ALIYUN::NoValue";

bool isFunction(const Value &node, std::string &name) {
  if (!node.isMap() || node.size() != 1)
    return false;
  const std::string &key = node.getMap().front().first;
  if (key != "Ref" && key != "Condition" && key.rfind("Fn::", 0) != 0)
    return false;
  name = key;
  return true;
}

/// What Ref of ALIYUN::NoValue evaluates to, directly or through Fn::If:
/// a mark the map or list holding it drops.
const Value &noValueMark() {
  static const Value Mark = Value(std::string("\x01") + std::string(kNoValue));
  return Mark;
}

bool isNoValue(const Value &value) {
  return value.isString() && value == noValueMark();
}

Outcome<Value, ApiError> typed(const std::string &name, const std::string &type, const std::string &text) {
  if (type == "Number") {
    if (std::optional<Value> number = parseNumber(text))
      return *number;
    return makeError(400, "StackValidationFailed",
                     "Stack validation failed: Parameter '" + name + "' should be a number, not '" + text + "'.");
  }
  if (type == "Boolean")
    return Value(equalsIgnoreCase(text, "true"));
  if (type == "CommaDelimitedList") {
    Value::List items;
    std::string_view rest = text;
    while (true) {
      std::size_t comma = rest.find(',');
      items.push_back(Value(std::string(rest.substr(0, comma))));
      if (comma == std::string_view::npos)
        break;
      rest.remove_prefix(comma + 1);
    }
    return Value(std::move(items));
  }
  if (type == "Json") {
    if (std::optional<Value> parsed = parseJson(text))
      return *parsed;
    return makeError(400, "StackValidationFailed",
                     "Stack validation failed: Parameter '" + name + "' should be JSON text.");
  }
  return Value(text);
}

/// The names a node refers to: Ref and Fn::GetAtt's resource, and
/// `${name}` / `${name.attr}` in Fn::Sub.
void referencesOf(const Value &node, std::set<std::string> &names) {
  std::string function;
  if (isFunction(node, function)) {
    const Value &argument = node.getMap().front().second;
    if (function == "Ref" && argument.isString())
      names.insert(argument.getString());
    else if (function == "Fn::GetAtt" && argument.isList() && !argument.getList().empty() &&
             argument.getList().front().isString())
      names.insert(argument.getList().front().getString());
    else if (function == "Fn::Sub") {
      const Value &text = argument.isList() && !argument.getList().empty() ? argument.getList().front() : argument;
      if (text.isString())
        for (std::size_t at = text.getString().find("${"); at != std::string::npos;
             at = text.getString().find("${", at + 2)) {
          std::size_t end = text.getString().find('}', at);
          std::string inner = text.getString().substr(at + 2, end - at - 2);
          names.insert(inner.substr(0, inner.find('.')));
        }
    }
  }
  if (node.isMap())
    for (const auto &[key, value] : node.getMap())
      referencesOf(value, names);
  else if (node.isList())
    for (const Value &item : node.getList())
      referencesOf(item, names);
}

} // namespace

Outcome<Value, ApiError> readTemplateBody(std::string_view body) {
  std::string_view trimmed = body;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front())))
    trimmed.remove_prefix(1);
  Value tmpl;
  if (!trimmed.empty() && trimmed.front() == '{') {
    JsonParseError error;
    std::optional<Value> parsed = parseJson(body, &error);
    if (!parsed)
      return invalidTemplate("the JSON template is not valid: " + error.message + " at byte " +
                             std::to_string(error.offset));
    tmpl = std::move(*parsed);
  } else {
    auto parsed = text::parseBlockYaml(body);
    if (!parsed)
      return invalidTemplate("the YAML template is not read: " + parsed.error().message + " at line " +
                             std::to_string(parsed.error().line));
    tmpl = std::move(parsed.value());
  }
  if (!tmpl.isMap())
    return invalidTemplate("the template is not a mapping");
  if (!tmpl.find("ROSTemplateFormatVersion"))
    return invalidTemplate("the template has no ROSTemplateFormatVersion");
  for (std::string_view section : {"Parameters", "Resources", "Outputs", "Conditions"})
    if (const Value *found = tmpl.find(section); found && !found->isMap() && !found->isNull())
      return invalidTemplate("the " + std::string(section) + " section is not a mapping");
  if (const Value *resources = tmpl.find("Resources"); resources && resources->isMap())
    for (const auto &[name, resource] : resources->getMap())
      if (!resource.isMap() || !resource.find("Type") || !resource.find("Type")->isString())
        return invalidTemplate("the resource " + name + " has no Type");
  return tmpl;
}

Outcome<Value::Map, ApiError> parameterValues(const Value &tmpl,
                                              const std::vector<std::pair<std::string, std::string>> &given,
                                              const StackIdentity &identity) {
  const Value *declared = tmpl.find("Parameters");
  for (const auto &[key, value] : given)
    if (!declared || !declared->find(key))
      return makeError(400, "UnknownUserParameter", "The Parameter (" + key + ") was not defined in template.");
  Value::Map values;
  if (declared && declared->isMap())
    for (const Value::Member &member : declared->getMap()) {
      const std::string &name = member.first;
      const Value &declaration = member.second;
      auto it = std::find_if(given.begin(), given.end(), [&](const auto &pair) { return pair.first == name; });
      const Value *fallback = declaration.find("Default");
      if (it == given.end() && !fallback)
        return makeError(400, "StackValidationFailed",
                         "Stack validation failed: Parameter '" + name + "' is required and has no value.");
      std::string text = it != given.end() ? it->second : scalarText(*fallback);
      if (const Value *allowed = declaration.find("AllowedValues"); allowed && allowed->isList()) {
        bool listed = std::any_of(allowed->getList().begin(), allowed->getList().end(),
                                  [&](const Value &option) { return scalarText(option) == text; });
        if (!listed)
          return makeError(400, "StackValidationFailed",
                           "Stack validation failed: Parameter '" + name + "' is '" + text +
                               "', not one of its AllowedValues.");
      }
      auto value = typed(name, std::string(textOf(declaration, "Type")), text);
      if (!value)
        return value.error();
      values.emplace_back(name, std::move(value.value()));
    }
  values.emplace_back("ALIYUN::StackName", Value(identity.stackName));
  values.emplace_back("ALIYUN::StackId", Value(identity.stackId));
  values.emplace_back("ALIYUN::Region", Value(identity.regionId));
  values.emplace_back("ALIYUN::AccountId", Value(std::string(kAccountId)));
  values.emplace_back("ALIYUN::TenantId", Value(std::string(kAccountId)));
  return values;
}

Evaluator::Evaluator(const Value &tmpl, const Value::Map &parameters, RefOf ref, AttributeOf attribute)
    : tmpl(tmpl), parameters(parameters), refOf(std::move(ref)), attributeOf(std::move(attribute)) {}

Outcome<Value, ApiError> Evaluator::evaluate(const Value &node) const {
  std::string name;
  if (isFunction(node, name))
    return function(name, node.getMap().front().second);
  if (node.isList()) {
    Value::List items;
    for (const Value &item : node.getList()) {
      auto value = evaluate(item);
      if (!value)
        return value.error();
      if (!isNoValue(value.value()))
        items.push_back(std::move(value.value()));
    }
    return Value(std::move(items));
  }
  if (node.isMap()) {
    Value::Map members;
    for (const auto &[key, member] : node.getMap()) {
      auto value = evaluate(member);
      if (!value)
        return value.error();
      if (!isNoValue(value.value()))
        members.emplace_back(key, std::move(value.value()));
    }
    return Value(std::move(members));
  }
  return node;
}

Outcome<Value, ApiError> Evaluator::ref(const std::string &name) const {
  if (name == kNoValue)
    return noValueMark();
  for (const auto &[key, value] : parameters)
    if (key == name)
      return value;
  const Value *resources = tmpl.find("Resources");
  if (resources && resources->find(name))
    return refOf(name);
  return invalidTemplate("the reference \"" + name + "\" names no parameter or resource of the template");
}

Outcome<bool, ApiError> Evaluator::condition(const std::string &name) const {
  const Value *conditions = tmpl.find("Conditions");
  const Value *expression = conditions ? conditions->find(name) : nullptr;
  if (!expression)
    return invalidTemplate("the condition \"" + name + "\" is not in the Conditions section");
  auto value = evaluate(*expression);
  if (!value)
    return value.error();
  return value.value().isBool() ? value.value().getBool() : equalsIgnoreCase(scalarText(value.value()), "true");
}

Outcome<Value, ApiError> Evaluator::sub(const Value &argument) const {
  const Value &textNode = argument.isList() && !argument.getList().empty() ? argument.getList().front() : argument;
  const Value *variables = argument.isList() && argument.size() > 1 ? &argument.getList()[1] : nullptr;
  if (!textNode.isString())
    return invalidTemplate("Fn::Sub takes a string, or a string and a mapping of variables");
  const std::string &text = textNode.getString();
  std::string out;
  std::size_t at = 0;
  for (std::size_t open = text.find("${"); open != std::string::npos; open = text.find("${", at)) {
    out += text.substr(at, open - at);
    std::size_t close = text.find('}', open);
    if (close == std::string::npos)
      return invalidTemplate("Fn::Sub: \"${\" without \"}\"");
    std::string inner = text.substr(open + 2, close - open - 2);
    at = close + 1;
    if (!inner.empty() && inner.front() == '!') {
      out += "${" + inner.substr(1) + "}";
      continue;
    }
    Outcome<Value, ApiError> value = Value();
    if (const Value *variable = variables && variables->isMap() ? variables->find(inner) : nullptr)
      value = evaluate(*variable);
    else if (std::size_t dot = inner.find('.'); dot != std::string::npos && inner.rfind("ALIYUN::", 0) != 0)
      value = attributeOf(inner.substr(0, dot), inner.substr(dot + 1));
    else
      value = ref(inner);
    if (!value)
      return value.error();
    out += scalarText(value.value());
  }
  out += text.substr(at);
  return Value(std::move(out));
}

Outcome<Value, ApiError> Evaluator::function(const std::string &name, const Value &argument) const {
  if (name == "Ref") {
    if (!argument.isString())
      return invalidTemplate("Ref takes a name");
    return ref(argument.getString());
  }
  if (name == "Fn::Sub")
    return sub(argument);
  // {"Condition": name} inside Fn::And, Fn::Or, Fn::Not: the condition's truth.
  if (name == "Condition") {
    if (!argument.isString())
      return invalidTemplate("Condition takes a condition's name");
    auto holds = condition(argument.getString());
    if (!holds)
      return holds.error();
    return Value(holds.value());
  }
  if (name == "Fn::If") {
    if (!argument.isList() || argument.size() != 3 || !argument.getList()[0].isString())
      return invalidTemplate("Fn::If takes a condition's name and two values");
    auto holds = condition(argument.getList()[0].getString());
    if (!holds)
      return holds.error();
    return evaluate(argument.getList()[holds.value() ? 1 : 2]);
  }
  auto evaluated = evaluate(argument);
  if (!evaluated)
    return evaluated.error();
  const Value &args = evaluated.value();
  const Value::List empty;
  const Value::List &list = args.isList() ? args.getList() : empty;
  if (name == "Fn::GetAtt") {
    if (list.size() != 2 || !list[0].isString() || !list[1].isString())
      return invalidTemplate("Fn::GetAtt takes a resource's name and an attribute's");
    if (!tmpl.find("Resources") || !tmpl.find("Resources")->find(list[0].getString()))
      return invalidTemplate("Fn::GetAtt names \"" + list[0].getString() + "\", no resource of the template");
    return attributeOf(list[0].getString(), list[1].getString());
  }
  if (name == "Fn::Join") {
    if (list.size() != 2 || !list[0].isString() || !list[1].isList())
      return invalidTemplate("Fn::Join takes a separator and a list");
    std::string out;
    for (std::size_t i = 0; i < list[1].size(); ++i)
      out += (i ? list[0].getString() : "") + scalarText(list[1].getList()[i]);
    return Value(std::move(out));
  }
  if (name == "Fn::Replace") {
    if (list.size() != 2 || !list[0].isMap())
      return invalidTemplate("Fn::Replace takes a mapping of replacements and a string");
    std::string out = scalarText(list[1]);
    for (const auto &[from, to] : list[0].getMap()) {
      std::string replacement = scalarText(to);
      for (std::size_t at = from.empty() ? std::string::npos : out.find(from); at != std::string::npos;
           at = out.find(from, at + replacement.size()))
        out.replace(at, from.size(), replacement);
    }
    return Value(std::move(out));
  }
  if (name == "Fn::Select") {
    if (list.size() != 2)
      return invalidTemplate("Fn::Select takes an index and a list");
    std::optional<Value> index = parseNumber(scalarText(list[0]));
    const Value &from = list[1];
    if (from.isMap())
      return from.find(scalarText(list[0])) ? *from.find(scalarText(list[0])) : Value();
    if (!index || !index->isInteger() || !from.isList() || index->getInteger() < 0 ||
        static_cast<std::size_t>(index->getInteger()) >= from.size())
      return invalidTemplate("Fn::Select: index " + scalarText(list[0]) + " is not in the list");
    return from.getList()[static_cast<std::size_t>(index->getInteger())];
  }
  if (name == "Fn::Equals") {
    if (list.size() != 2)
      return invalidTemplate("Fn::Equals takes two values");
    return Value(list[0] == list[1] || scalarText(list[0]) == scalarText(list[1]));
  }
  if (name == "Fn::Not" || name == "Fn::And" || name == "Fn::Or") {
    Value::List conditions = args.isList() ? list : Value::List{args};
    auto truth = [&](const Value &value) -> Outcome<bool, ApiError> {
      if (value.isBool())
        return value.getBool();
      if (value.isString())
        return condition(value.getString());
      return invalidTemplate(name + " takes conditions");
    };
    bool result = name == "Fn::And";
    for (const Value &item : conditions) {
      auto holds = truth(item);
      if (!holds)
        return holds.error();
      result = name == "Fn::And" ? result && holds.value() : name == "Fn::Or" ? result || holds.value() : !holds.value();
    }
    return Value(result);
  }
  return notImplemented("the function " + name);
}

Outcome<std::vector<std::string>, ApiError> creationOrder(const Value &tmpl) {
  const Value *resources = tmpl.find("Resources");
  std::vector<std::string> order;
  if (!resources || !resources->isMap())
    return order;
  std::map<std::string, std::set<std::string>> needs;
  for (const auto &[name, resource] : resources->getMap()) {
    std::set<std::string> names;
    if (const Value *properties = resource.find("Properties"))
      referencesOf(*properties, names);
    if (const Value *dependsOn = resource.find("DependsOn")) {
      Value::List listed = dependsOn->isList() ? dependsOn->getList() : Value::List{*dependsOn};
      for (const Value &item : listed) {
        if (!item.isString() || !resources->find(item.getString()))
          return invalidTemplate("the resource " + name + " DependsOn " + scalarText(item) +
                                 ", no resource of the template");
        names.insert(item.getString());
      }
    }
    for (const std::string &other : names)
      if (resources->find(other))
        needs[name].insert(other);
  }
  // Kahn's order, keeping the template's order among resources ready at once.
  std::set<std::string> made;
  while (order.size() < resources->size()) {
    bool progressed = false;
    for (const auto &[name, resource] : resources->getMap()) {
      if (made.count(name))
        continue;
      const std::set<std::string> &wanted = needs[name];
      if (std::all_of(wanted.begin(), wanted.end(), [&](const std::string &other) { return made.count(other) > 0; })) {
        made.insert(name);
        order.push_back(name);
        progressed = true;
      }
    }
    if (!progressed)
      return invalidTemplate("the resources refer to each other in a circle (Circular Dependency Found)");
  }
  return order;
}

} // namespace oosc::runtime::sim::ros
