//===- generic/ShapeFill.cpp ------------------------------------------------===//
#include "simulator/generic/ShapeFill.h"

#include <deque>

namespace oosc::runtime::sim::generic {
namespace {

using Kind = apis::Shape::Kind;

std::string textOfScalar(const Value &value) {
  if (value.isString())
    return value.getString();
  return value.toJson();
}

} // namespace

std::optional<Value> conform(const Value &value, const apis::Shape &shape) {
  switch (shape.kind) {
  case Kind::Any:
    return value;
  case Kind::String:
    if (value.isList() || value.isMap())
      return Value(value.toJson()); // a structured value the API gives as JSON text
    return Value(textOfScalar(value));
  case Kind::Number:
    if (value.isNumber())
      return value;
    if (value.isString())
      if (std::optional<Value> number = parseJson(value.getString()); number && number->isNumber())
        return number;
    return std::nullopt;
  case Kind::Boolean:
    if (value.isBool())
      return value;
    if (value.isString() && (value.getString() == "true" || value.getString() == "false"))
      return Value(value.getString() == "true");
    return std::nullopt;
  case Kind::Array: {
    if (!value.isList() || !shape.element())
      return std::nullopt;
    Value::List items;
    for (const Value &item : value.getList())
      if (std::optional<Value> conformed = conform(item, *shape.element()))
        items.push_back(std::move(*conformed));
    return Value(std::move(items));
  }
  case Kind::Map:
    if (!value.isMap())
      return std::nullopt;
    return value;
  case Kind::Object: {
    if (!value.isMap())
      return std::nullopt;
    Value object(Value::Map{});
    for (const apis::Shape &field : shape.fields)
      if (const Value *member = value.find(field.name))
        if (std::optional<Value> conformed = conform(*member, field))
          object.set(std::string(field.name), std::move(*conformed));
    return object;
  }
  }
  return std::nullopt;
}

std::string idFieldOf(const apis::Shape *object, const std::string &noun) {
  std::string exact = noun + "Id";
  if (!object || object->kind != Kind::Object)
    return exact;
  if (object->field(exact))
    return exact;
  for (const apis::Shape &field : object->fields) {
    std::string_view name = field.name;
    if (endsWith(name, "Id") && name != "RequestId" && name.size() > 2 &&
        (endsWith(noun, name.substr(0, name.size() - 2)) || endsWith(name, exact)))
      return std::string(name);
  }
  return object->field("Id") ? "Id" : exact;
}

std::string createdIdFieldOf(const apis::Shape *answer, const std::string &noun) {
  std::string field = idFieldOf(answer, noun);
  if (!answer || answer->kind != Kind::Object || answer->field(field))
    return field;
  // The one id the answer gives (AllocateEipAddress: AllocationId), not
  // one that places or tracks the call.
  for (const apis::Shape &candidate : answer->fields) {
    std::string_view name = candidate.name;
    if (endsWith(name, "Id") && candidate.kind == Kind::String && name != "RequestId" && name != "RegionId" &&
        name != "ZoneId" && name != "OrderId" && name != "TaskId" && name != "ResourceGroupId")
      return std::string(name);
  }
  return field;
}

std::optional<RecordList> findRecordList(const apis::Shape &answer, const std::string &idField) {
  struct Step {
    const apis::Shape *shape;
    std::vector<std::string> path;
  };
  std::optional<RecordList> first;
  std::deque<Step> pending{{&answer, {}}};
  while (!pending.empty()) {
    Step step = std::move(pending.front());
    pending.pop_front();
    const apis::Shape &shape = *step.shape;
    if (shape.kind == Kind::Array && shape.element() && shape.element()->kind == Kind::Object) {
      RecordList found{step.path, shape.element()};
      if (shape.element()->field(idField))
        return found;
      if (!first)
        first = found;
      continue;
    }
    if (shape.kind == Kind::Object)
      for (const apis::Shape &field : shape.fields) {
        std::vector<std::string> path = step.path;
        path.emplace_back(field.name);
        pending.push_back({&field, std::move(path)});
      }
  }
  return first;
}

void putAt(Value &answer, const std::vector<std::string> &path, Value value) {
  Value *current = &answer;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    if (!current->find(path[i]) || !current->find(path[i])->isMap())
      current->set(path[i], Value(Value::Map{}));
    current = current->find(path[i]);
  }
  if (!path.empty())
    current->set(path.back(), std::move(value));
}

} // namespace oosc::runtime::sim::generic
