//===- RuleDocs.cpp - The --explain table, one entry per rule --------------===//
#include "support/RuleDocs.h"

#include <cassert>

namespace oosc {
namespace {

const RuleDoc kDocs[] = {
    {RuleId::YamlSyntax,
     "The file is well-formed YAML or JSON, UTF-8 text without NUL bytes, nested at most 256 levels, "
     "with aliases that do not enclose themselves and merge keys that merge mappings.",
     "OOS refuses a template it cannot parse, and a YAML mistake often reads as something else: an "
     "unquoted {{ name }} is a nested mapping, a missing quote swallows the rest of the file.",
     "Tasks:\n  - Name: wait\n    Action: ACS::Sleep\n    Properties: {Duration: {{ waitTime }}}   "
     "# unquoted: a mapping"},
    {RuleId::Schema,
     "The keys of the template, parameters, tasks, outputs, loops and choices are ones OOS knows, the "
     "required keys are there, and values have the right shape and allowed values.",
     "OOS ignores or rejects an unknown key: a misspelt RateControl silently runs a loop without rate "
     "control, a misspelt Properties leaves a task without its properties.",
     "  - Name: resize\n    Action: ACS::ExecuteAPI\n    Propertes:   # did you mean 'Properties'?"},
    {RuleId::ExpressionSyntax,
     "Every {{ }} reference parses (name, task.output, ACS::Name, oos:name), every Fn:: function exists "
     "and gets arguments of the shape it takes, and Fn::Eval holds arithmetic.",
     "A malformed expression fails the execution when it is evaluated, often late, after resources "
     "were created.",
     "Value:\n  Fn::Join: [',', '{{ ids }}', extra]   # Fn::Join takes 2 arguments"},
    {RuleId::UndefinedReference,
     "Each {{ name }} names a parameter, each {{ task.output }} an output of a task (or of its Loop), "
     "each ACS:: name a pseudo parameter, and ACS::TaskLoopItem is used only inside a Loop.",
     "A reference to nothing fails the task that evaluates it, in the middle of an execution.",
     "Parameters:\n  regionId: {Type: String}\n...\n        RegionId: '{{ regoinId }}'   "
     "# undefined parameter 'regoinId'"},
    {RuleId::ReferenceCase,
     "A reference or jump target that matches a declared name only when case is ignored.",
     "OOS resolves names without case, so it works, but it reads as a different name and breaks "
     "tools and people that do not fold case.",
     "Parameters:\n  instanceId: {Type: String}\n...\n        InstanceId: '{{ InstanceID }}'"},
    {RuleId::UndefinedJumpTarget,
     "OnError, OnSuccess, ACS::Choice NextTask and DefaultTask name a task of the template, or "
     "ACS::END (and ACS::NEXT where it is allowed).",
     "A jump to nothing ends the execution where a cleanup task was meant to run.",
     "  - Name: createImage\n    Action: ACS::ECS::CreateImage\n    OnError: cleanUp   "
     "# names no task"},
    {RuleId::UnreachableTask,
     "Some path from the first task reaches each task, through fall-through, OnSuccess, OnError, "
     "When skips and Choice branches.",
     "A task nothing reaches never runs: usually a cleanup whose OnError link was lost.",
     "  - Name: reboot\n    Action: ACS::ECS::RebootInstance\n    OnSuccess: ACS::END\n"
     "  - Name: notify   # can never run\n    Action: ACS::Notify"},
    {RuleId::ParameterConstraint,
     "Each Default satisfies its parameter's Type, AllowedValues, AllowedPattern (full match), "
     "MinLength, MaxLength, MinValue and MaxValue, and the constraints agree with each other.",
     "A default that breaks its own constraint makes the template unusable with its defaults; "
     "contradictory constraints accept no value at all.",
     "  retries:\n    Type: Number\n    MaxValue: 5\n    Default: 10   # greater than MaxValue 5"},
    {RuleId::DuplicateName,
     "Task names are unique, parameter and output names differ in more than case, and no mapping "
     "has a key twice.",
     "YAML keeps only one of two equal keys, silently; OOS folds case, so two names differing only "
     "in case are ambiguous.",
     "Tasks:\n  - Name: stop\n    ...\n  - Name: Stop   # differs only in case"},
    {RuleId::Trigger,
     "At most one ACS::TimerTrigger, ACS::EventTrigger or ACS::AlarmTrigger task, and it is the "
     "first task.",
     "OOS starts a triggered template's executions from its first task; a trigger elsewhere is "
     "refused.",
     "Tasks:\n  - Name: prepare\n    Action: ACS::Sleep\n  - Name: everyDay\n"
     "    Action: ACS::TimerTrigger   # must be the first task"},
    {RuleId::CycleWithoutExit,
     "Some path leads from every task the first task reaches to the end of the execution.",
     "Tasks that only jump among themselves run until OOS's time limit stops the execution.",
     "  - Name: check\n    Action: ACS::CheckFor\n    OnError: retry\n  - Name: retry\n"
     "    Action: ACS::Sleep\n    OnSuccess: check   # check -> retry -> check, no way out"},
    {RuleId::Loop,
     "Loop Items is a list (at most 1,000 literal items) or an expression, Concurrency, MaxErrors "
     "and Batch sizes are numbers or percentages, each AggregateField names an output of the task, "
     "and the action is one that loops.",
     "OOS rejects such a loop when the task starts, after the tasks before it have run.",
     "    Loop:\n      Items: i-123   # a string, not a list\n      RateControl: {Mode: Concurrency, "
     "Concurrency: many}"},
    {RuleId::OutputBeforeTask,
     "No {{ task.output }} is read where some path from the first task arrives without that "
     "task having succeeded: it failed and its OnError carried on, its When skipped it, or a "
     "Choice (or a jump) led around it. A data flow over the task graph, not path enumeration, "
     "that compares conditions: a path is dropped when the conditions it was taken under (When "
     "true or false, the Choice branch taken) contradict each other or the read's own guard (its "
     "task's When, the enclosing Fn::If branches). Conditions on parameters, pseudo parameters "
     "and outputs of tasks that run once are compared, in any equivalent spelling. Template "
     "outputs are checked only where an Fn::If picks a task whose own When skipped it.",
     "On such a path the output was never produced, so OOS fails the execution when it renders "
     "the reference, often in a clean-up task meant to run after a failure, or past a handler "
     "that falls through the task list.",
     "  - Name: createSnapshot\n    Action: ACS::ECS::CreateSnapshot\n"
     "    When: '{{ takeSnapshot }}'\n    Outputs:\n"
     "      snapshotId: {Type: String, ValueSelector: SnapshotId}\n  - Name: tagSnapshot\n"
     "    Action: ACS::ExecuteAPI\n    Properties:\n"
     "      ResourceId: '{{ createSnapshot.snapshotId }}'   # skipped when takeSnapshot is false\n"
     "      # fine with the same When on tagSnapshot, or inside an Fn::If on takeSnapshot"},
    {RuleId::SecretDefault,
     "No parameter Default holds an AccessKey ID (LTAI...), and no parameter named like a "
     "password, secret, private key, access key or token has a plain-text Default (names ending "
     "in 'Name' name a stored secret and are fine).",
     "Templates are shared and kept in version control: a secret in one is leaked. OOS keeps "
     "secrets as encrypted parameters, read with {{ oos-secret:name }}.",
     "Parameters:\n  dbPassword:\n    Type: String\n    Default: Hunter2!   # plain text in the "
     "template"},
    {RuleId::UnknownAction,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::ActionProperties,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::ActionOutputs,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::JqSyntax,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::TypeMismatch,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::UnusedParameter,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::UnusedOutput,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::UnquotedShellParameter,
     "TODO what",
     "TODO why",
     "TODO example"},
    {RuleId::UnusedSuppression,
     "Each # oosc-disable-next-line, oosc-disable/oosc-enable and oosc-disable-file comment names "
     "rules and silences at least one diagnostic.",
     "A suppression that silences nothing is stale: it hides the next real problem on that line.",
     "      # oosc-disable-next-line undefined-reference\n      Duration: PT1M   # nothing to silence"},
};

} // namespace

const RuleDoc &ruleDoc(RuleId rule) {
  for (const RuleDoc &doc : kDocs)
    if (doc.rule == rule)
      return doc;
  assert(false && "every rule of Rules.def has an entry in RuleDocs.cpp");
  return kDocs[0];
}

} // namespace oosc
