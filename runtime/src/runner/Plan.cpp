//===- runner/Plan.cpp ------------------------------------------------------===//
#include "runner/Plan.h"
#include "runner/Pickers.h"

#include <ostream>

namespace oosc::runtime {
namespace {

std::string describeDefault(const ParameterDef &parameter, RunEnvironment &environment) {
  if (!parameter.defaultValue)
    return "required";
  if (parameter.secret)
    return "default: (secret)";
  std::optional<Value> value = defaultOf(parameter, environment);
  return value ? "default: " + value->toJson() : "default: (computed)";
}

} // namespace

std::optional<Value> defaultOf(const ParameterDef &parameter, RunEnvironment &environment) {
  if (!parameter.defaultValue)
    return std::nullopt;
  static const TemplateDef noTemplate;
  ExecutionState scratch(noTemplate, {}, environment, "exec-help");
  Context context(scratch);
  auto value = parameter.defaultValue(context);
  if (!value)
    return std::nullopt;
  return std::move(value.value());
}

Value placeholderValue(const ParameterDef &parameter) {
  const ParameterSpec &spec = parameter.spec;
  if (spec.allowedValues && !spec.allowedValues->empty())
    return spec.type == ParameterType::List ? Value(Value::List{spec.allowedValues->front()})
                                            : spec.allowedValues->front();
  // The console's tag editor asks for Key/Value pairs; an empty list would
  // tag nothing, which TagResources refuses.
  if (equalsIgnoringAsciiCase(parameter.association, "Tags") && spec.type != ParameterType::String)
    return Value(Value::List{Value(Value::Map{{"Key", Value("placeholder-" + parameter.name)}, {"Value", Value("placeholder")}})});
  switch (spec.type) {
  case ParameterType::Number:
    return Value(spec.minValue.value_or(1));
  case ParameterType::Boolean:
    return Value(false);
  case ParameterType::List:
    return Value(Value::List{});
  case ParameterType::Json:
    return Value(Value::Map{});
  case ParameterType::String:
    break;
  }
  return Value("placeholder-" + parameter.name);
}

void printParameters(std::ostream &out, const TemplateDef &def, RunEnvironment &environment) {
  if (def.parameters.empty())
    return;
  out << "\nparameters:\n";
  for (const ParameterDef &parameter : def.parameters) {
    out << "  " << parameter.name << " (" << parameterTypeName(parameter.spec.type) << ", "
        << describeDefault(parameter, environment) << ")\n";
    if (parameter.spec.allowedValues) {
      out << "      allowed:";
      for (const Value &allowed : *parameter.spec.allowedValues)
        out << ' ' << allowed.toJson();
      out << '\n';
    }
    if (parameter.spec.allowedPattern)
      out << "      pattern: " << *parameter.spec.allowedPattern << '\n';
    if (!parameter.description.empty())
      out << "      " << parameter.description << '\n';
    if (std::optional<std::string> picker = pickerNote(parameter))
      out << "      " << *picker << " with --interactive or --pick-defaults\n";
  }
}

void printPlan(std::ostream &out, const TemplateDef &def, const std::vector<Value> &parameters) {
  out << "plan for " << def.name << " (" << def.source << "):\n";
  for (size_t i = 0; i < def.parameters.size(); ++i)
    out << "  parameter " << def.parameters[i].name << " = "
        << (def.parameters[i].secret ? std::string("(secret)") : parameters[i].toJson()) << '\n';
  auto describe = [&](const Jump &jump) -> std::string {
    switch (jump.kind) {
    case Jump::Kind::Next:
      return "next";
    case Jump::Kind::End:
      return "end";
    case Jump::Kind::Task:
      return def.tasks[jump.task].name;
    case Jump::Kind::Dynamic:
      return "(computed)";
    }
    return "";
  };
  for (size_t i = 0; i < def.tasks.size(); ++i) {
    const TaskDef &task = def.tasks[i];
    out << "  " << i + 1 << ". " << task.name << " (" << task.action << ", line " << task.line << ")";
    if (task.when)
      out << " when <condition>";
    if (task.loop)
      out << " loop";
    out << '\n';
    for (const ChoiceDef &choice : task.choices)
      out << "       choice -> " << describe(choice.next) << '\n';
    if (task.defaultTask)
      out << "       default -> " << describe(*task.defaultTask) << '\n';
    if (task.onSuccess)
      out << "       on success -> " << describe(*task.onSuccess) << '\n';
    if (task.onError)
      out << "       on error -> " << describe(*task.onError) << '\n';
  }
}

std::vector<std::string> fillPlaceholders(const TemplateDef &def, Value &parameters) {
  std::vector<std::string> filled;
  for (const ParameterDef &parameter : def.parameters)
    if (!parameter.defaultValue && !parameters.findCaseInsensitive(parameter.name)) {
      parameters.set(parameter.name, placeholderValue(parameter));
      filled.push_back(parameter.name);
    }
  return filled;
}

} // namespace oosc::runtime
