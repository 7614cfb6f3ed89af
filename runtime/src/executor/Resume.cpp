//===- Resume.cpp -----------------------------------------------------------===//
#include "executor/Resume.h"

#include "executor/Executor.h"
#include "executor/StepRecords.h"
#include "oosc/runtime/Journal.h"

#include <unistd.h>

namespace oosc::runtime {
namespace {

bool isFinal(const std::string &status) {
  return status == "Success" || status == "Failed" || status == "Cancelled";
}

/// Another process on this machine still runs it (a resume would run every
/// step twice at once).
bool runningElsewhere(const JournalExecution &execution) {
  return execution.runnerPid != getpid() && execution.runnerHost == runnerHostName() &&
         runnerIsAlive(execution);
}

Outcome<bool> checkResumable(const JournalExecution &execution, const TemplateDef &def,
                             const std::string &path) {
  const std::string &id = execution.id;
  if (!execution.parentId.empty())
    return fail("execution '" + id + "' is a child of '" + execution.parentId +
                "': resume the top-level execution, its children follow");
  if (!sameName(execution.templateName, def.name))
    return fail("execution '" + id + "' ran template '" + execution.templateName + "', not '" +
                def.name + "'");
  if (isFinal(execution.status))
    return fail("execution '" + id + "' already ended " + execution.status + " (" + path +
                "): there is nothing to resume");
  if (runningElsewhere(execution))
    return fail("execution '" + id + "' is still being run by process " +
                std::to_string(execution.runnerPid) + " on this machine; stop it first");
  return true;
}

/// The recorded parameters, secrets from \p given or their Default.
Outcome<Value> recordedParameters(const JournalExecution &execution, const TemplateDef &def,
                                  const Value &given, std::vector<std::string> &notes) {
  std::optional<Value> recorded = parseJson(execution.parametersJson);
  if (!recorded || !recorded->isMap())
    return fail("execution '" + execution.id + "': its recorded parameters are not a JSON object");
  Value parameters(Value::Map{});
  for (const ParameterDef &parameter : def.parameters) {
    const Value *again = given.findCaseInsensitive(parameter.name);
    const Value *before = recorded->findCaseInsensitive(parameter.name);
    if (parameter.secret) {
      if (again)
        parameters.set(parameter.name, *again);
      else if (parameter.defaultValue)
        notes.push_back("secret parameter '" + parameter.name +
                        "' is not kept in the journal: using its Default (give -p " +
                        parameter.name + "=... if the execution had another value)");
      else
        return fail("secret parameter '" + parameter.name +
                    "' is not kept in the journal: give it again with -p " + parameter.name +
                    "=VALUE");
      continue;
    }
    if (again && before && again->toJson() != before->toJson())
      return fail("parameter '" + parameter.name + "' was " + before->toJson() +
                  " in execution '" + execution.id +
                  "'; a resumed execution keeps its parameters");
    if (before)
      parameters.set(parameter.name, *before);
  }
  return parameters;
}

} // namespace

Outcome<ResumePlan> planResume(Journal &journal, const std::string &id, const TemplateDef &def,
                               const Value &given, RunEnvironment &environment) {
  auto record = journal.execution(id);
  if (!record)
    return record.error();
  if (!record.value())
    return fail("no execution '" + id + "' in " + journal.path() +
                " (`executions list` shows the recorded ones)");
  if (auto resumable = checkResumable(*record.value(), def, journal.path()); !resumable)
    return resumable.error();
  ResumePlan plan;
  auto parameters = recordedParameters(*record.value(), def, given, plan.notes);
  if (!parameters)
    return parameters.error();
  auto values = resolveParameters(def, parameters.value(), environment, {}, id);
  if (!values)
    return values.error();
  plan.parameters = std::move(values.value());
  auto history = loadHistory(journal, id, def);
  if (!history)
    return history.error();
  plan.history = std::move(history.value());
  return plan;
}

} // namespace oosc::runtime
