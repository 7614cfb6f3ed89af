//===- TaskOutputs.cpp ------------------------------------------------------===//
#include "executor/TaskOutputs.h"

#include "executor/Jq.h"

namespace oosc::runtime {

Outcome<Value> convertOutput(std::string_view type, const Value &value) {
  if (sameName(type, "List") || sameName(type, "Array")) {
    if (value.isList())
      return value;
    return Value(value.isNull() ? Value::List{} : Value::List{value});
  }
  if (sameName(type, "Number") || sameName(type, "Boolean")) {
    ParameterType target = sameName(type, "Number") ? ParameterType::Number : ParameterType::Boolean;
    if (auto converted = coerceToType(target, value))
      return *converted;
    return fail(value.toJson() + " is not a " + std::string(type));
  }
  // A String output of a list or map keeps it: Alibaba's public templates
  // select a product action's List output as a String one, aggregate it
  // with Fn::ListJoin and flatten the lists with jq (ACS-ECS-BulkyEncryptSystemDisk);
  // interpolated into text it reads as its JSON either way.
  if (sameName(type, "String") || type.empty())
    return value.isList() || value.isMap() || value.isString() || value.isNull() ? value
                                                                                 : Value(value.toDisplayString());
  return value; // Json, Object
}

Outcome<NamedValues> extractOutputs(const TaskDef &task, const Value &result, Context &context) {
  NamedValues outputs;
  for (const TaskOutputDef &output : task.outputs) {
    auto selector = output.selector(context);
    if (!selector)
      return fail("output '" + output.name + "': " + selector.error().message);
    std::string program = normalizeSelector(selector.value().toDisplayString());
    auto selected = threadJqEngine().run(program, result);
    if (!selected)
      return fail("output '" + output.name + "': ValueSelector '" + program +
                  "': " + selected.error().message);
    std::vector<Value> &values = selected.value();
    bool list = sameName(output.type, "List") || sameName(output.type, "Array");
    // A List output collects a stream of results (`Instances.Instance[].Id`);
    // one result that is already a list is taken as it is.
    Value value = list && !(values.size() == 1 && values[0].isList()) ? Value(Value::List(values))
                  : values.empty()                                      ? Value()
                                                                        : values.front();
    auto typed = convertOutput(output.type, value);
    if (!typed)
      return fail("output '" + output.name + "': " + typed.error().message);
    outputs.emplace_back(output.name, std::move(typed.value()));
  }
  return outputs;
}

} // namespace oosc::runtime
