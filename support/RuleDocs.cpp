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
    {RuleId::TimerSchedule,
     "A literal ACS::TimerTrigger schedule is one the runner can read: Type cron (6 fields, "
     "seconds first), rate (\"30 minutes\") or at (a date-time); a known TimeZone; StartDate and "
     "EndDate as dates or date-times, EndDate not before StartDate.",
     "OOS refuses a trigger it cannot read when the execution starts; a schedule whose dates "
     "leave no firing never runs the tasks.",
     "  - Name: everyNight\n    Action: ACS::TimerTrigger\n    Properties:\n      Type: cron\n"
     "      Expression: 0 2 * * *   # 5 fields: OOS's cron has seconds first\n"
     "      EndDate: 2026-12-31"},
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
     "Each task's Action is a built-in action (ACS::ExecuteAPI, ACS::Choice, ...) or one of the "
     "cloud-product actions ACS::<Product>::<Name> of oosc's catalogue, compared without case as "
     "OOS does. Misspellings get the closest name; actions that do not exist but are often "
     "written (ACS::RunCommand, ACS::Parallel) get the action to use instead.",
     "OOS rejects the template when it is created or started, and a misspelt product action is "
     "easy to miss in review.",
     "  - Name: runScript\n    Action: ACS::ECS::RunComand   # did you mean 'ACS::ECS::RunCommand'?"},
    {RuleId::ActionProperties,
     "A task's Properties against its action (and an ACS::Template's Parameters against the child "
     "template when it is one of the same lint run, or a product action): no unknown property, "
     "every required one given, one of DesiredValues or NotDesiredValues, Duration or EndDate, "
     "and literal values of the declared type within the allowed values and the child's "
     "AllowedPattern, lengths and range. Values computed at run time are not judged.",
     "A misspelt property is ignored or rejected by OOS; a missing one or a value outside its "
     "allowed set fails the task in the middle of an execution, after earlier tasks changed "
     "resources.",
     "  - Name: runScript\n    Action: ACS::ECS::RunCommand\n    Properties:\n"
     "      instanceId: i-1\n      commandType: RunBashScript   # not an allowed value\n"
     "      comandContent: uptime         # did you mean 'commandContent'?"},
    {RuleId::ActionOutputs,
     "A ValueSelector of a product-action or ACS::Template task that starts with a name "
     "(imageId, .imageId.x) names one of the callee's outputs (jq keys are case-sensitive). "
     "Selectors of API actions, which read a response, are not judged.",
     "A product action returns only its declared outputs: a selector for anything else yields "
     "null, and the task that reads it later fails or acts on nothing.",
     "  - Name: createImage\n    Action: ACS::ECS::CreateImage\n    ...\n    Outputs:\n"
     "      imageId:\n        ValueSelector: ImageId   # the output is imageId"},
    {RuleId::JqSyntax,
     "Every literal ValueSelector (task outputs of any action, product actions and ACS::Template "
     "included), PropertySelector (ACS::WaitFor, ACS::CheckFor and the CheckFor/WaitFor Rules of "
     "ACS::ExecuteHttpRequest) and Fn::Jq script compiles with jq 1.6: its grammar and string "
     "escapes, functions called with an arity jq defines, $variables bound by 'as', reduce, "
     "foreach or a def, 'break' inside its 'label'. The script is checked as OOS runs it: "
     "{{ }} references rendered (stood in for by neutral text), and a leading dot added to "
     "selectors that start with a field name. Misspelt builtins get a did-you-mean fix.",
     "OOS hands these scripts to jq only when the task runs, after the tasks before it: a "
     "script that does not compile fails the execution at that point, often after resources "
     "were created.",
     "    Outputs:\n      ids:\n        Type: List\n"
     "        ValueSelector: Instances.Instance | mapp(.InstanceId)   # map"},
    {RuleId::TypeMismatch,
     "A value whose kind is known is of the kind its place needs: When and ACS::Choice When are "
     "true or false; Loop Items (when computed) and the DesiredValues, NotDesiredValues and "
     "StopRetryValues of ACS::WaitFor and ACS::CheckFor are lists; a computed RateControl is a "
     "mapping; Concurrency, MaxErrors, Retries, Delay, BackOff and MaxRetryInterval (when "
     "computed) are numbers; Fn:: arguments are what the function takes "
     "(lists for Fn::Join and Fn::Select, mappings for Fn::MergeMap, conditions for Fn::If, "
     "Fn::And, Fn::Or and Fn::Not, ...); an Fn::Select index into a list is a number. Kinds come "
     "from literals, the Type of a parameter in a whole '{{ p }}', List task outputs, Loop "
     "aggregates, pseudo parameters and Fn:: results; a value of unknown kind, and a string that "
     "may read 'true' or a number, is never reported.",
     "OOS finds these only when it evaluates the value, in the middle of an execution, after the "
     "tasks before it have run and changed resources.",
     "Parameters:\n  instanceIds:\n    Type: String\n...\n    Loop:\n"
     "      Items: '{{ instanceIds }}'   # a String, not a list\n"
     "    When:\n      Fn::Join: ['', [a, b]]   # a string, not true or false"},
    {RuleId::UnknownService,
     "The Service of an ACS::ExecuteAPI, ACS::WaitFor or ACS::CheckFor task is a product of Alibaba "
     "Cloud's OpenAPI metadata, written as its code or its location service code, in any case (ECS, "
     "ecs, Ecs; R-KVSTORE or redisa). A name close to a product's is an error with the product "
     "suggested; a name like none of them is a warning, since oosc's table may be older than the "
     "service.",
     "OOS reports an unknown service only when the task runs, often an hour into a rolling update.",
     "    Action: ACS::ExecuteAPI\n    Properties:\n      Service: EC2   # did you mean 'ECS'?"},
    {RuleId::UnknownApi,
     "The API of such a task is one its service has in the API version of oosc's table. The cloud's "
     "gateway matches API names without case, so only names that are not there in any case are reported: "
     "a near miss of an API as an error with the API suggested, a name like none as a warning (it may be "
     "an API of another version).",
     "A misspelt API fails the task when it runs; a template written for an older API version may call "
     "an API that is gone.",
     "      Service: ECS\n      API: DescribeInstance   # did you mean 'DescribeInstances'?"},
    {RuleId::ApiParameters,
     "The Parameters of an API call are the API's: each name is a wire name or a spelling OOS takes "
     "(InstanceIds for the list InstanceId, Tag.1.Key, SystemDiskCategory), with case; every required "
     "parameter is given (RegionId, which OOS fills, excepted, and a restful call's path and body); "
     "literal values have the parameter's kind (a number for Integer and Long, true or false for "
     "Boolean, no mapping for a String), and a list of mappings for a RepeatList has its fields. A name "
     "close to one the API takes is an error with its fix; a name like none is a warning, since it may "
     "be a parameter of another version.",
     "The cloud ignores a parameter it does not know, so a misspelt one silently drops a filter or a "
     "setting; a missing required one or a wrong value fails the task only when it runs.",
     "      API: DescribeInstances\n      Parameters:\n        InstanceID: i-1   # did you mean "
     "'InstanceId'?\n        PageSize: ten   # PageSize is an Integer"},
    {RuleId::AnswerSelector,
     "The ValueSelector of an API task's outputs and the PropertySelector of ACS::WaitFor and "
     "ACS::CheckFor read fields the API's answer has, as jq paths over the answer's shape: names with "
     "case, [] only over lists and maps. The error fields (.Code, .Message, .RequestId, ...) are always "
     "there. What oosc cannot follow (functions, `//`, variables) is not judged. A field close to one "
     "the answer has is an error with its fix; a field like none is a warning (an older version of the "
     "API may have returned it). An output whose Type cannot hold what it selects (a List from a string "
     "field) is a warning.",
     "jq gives null for a field that is not there, so a misspelt field does not fail: the output is "
     "empty, a WaitFor waits until it times out, and later tasks work on nothing.",
     "      API: DescribeInstances\n    Outputs:\n      ids:\n        Type: List\n        "
     "ValueSelector: .Instances.Instance[].InstanceID   # did you mean 'InstanceId'?"},
    {RuleId::UnusedParameter,
     "Each parameter is read: by a {{ name }} OOS evaluates (a Default, RamRole, a task's "
     "properties, When, Loop, Outputs or jump target, a template output, Fn:: arguments), inside "
     "an inline child template, or by the console through another parameter's "
     "AssociationPropertyMetadata (RegionId: regionId, a Visible condition on '${name}'). "
     "Descriptions, labels, Auto Scaling ${name} placeholders and Metadata ParameterGroups are no "
     "reads. Names fold case, as OOS resolves them.",
     "A parameter nothing reads is a control that does nothing: the caller fills it in (the form "
     "shows it) and the execution ignores the value. Often it is the trace of a typo or of a "
     "task that was removed, such as a rateControl left behind when a Loop was.",
     "Parameters:\n  rateControl:   # no Loop reads it\n    Type: Json\n    AssociationProperty: "
     "RateControl"},
    {RuleId::UnusedOutput,
     "Each task output (task Outputs and a Loop's aggregated Outputs) is read: by a "
     "{{ task.output }} in another task, a template output or anything else OOS evaluates, or, for "
     "a task output, by its Loop's AggregateField. Template Outputs are the template's interface "
     "and are never reported.",
     "An output nothing reads is dead: its ValueSelector runs and its value goes nowhere, or a "
     "reference meant to read it names something else. The console does list each task's "
     "outputs: an output kept only to be seen there (a command's output, a failure reason) can "
     "be kept with # oosc-disable-next-line unused-output.",
     "    Outputs:\n      keyPairName:   # no later task or template output reads it\n"
     "        Type: String\n        ValueSelector: Instances.Instance[0].KeyPairName"},
    {RuleId::UnquotedShellParameter,
     "No {{ parameter }} is spliced outside quotes into a shell script OOS fills in: "
     "commandContent of ACS::ECS::RunCommand and the other Cloud Assistant product actions with "
     "commandType RunShellScript, and CommandContent of ExecuteAPI ECS RunCommand and "
     "CreateCommand. Quoting is followed through the script (quotes, escapes, $( ), backticks, "
     "comments, here-documents). Not reported: Number and Boolean parameters, AllowedValues of "
     "plain words, an AllowedPattern of safe characters, task outputs and pseudo parameters, a "
     "parameter that is the whole script or a line of it, other interpreters, enableParameter. "
     "The fix wraps the reference in double quotes; it changes the script if the value was "
     "meant to be split into several words.",
     "OOS substitutes the value as text before the shell reads it: a space splits it into "
     "words, and ';', '|' or '$( )' run commands on the instance with the agent's rights, "
     "chosen by whoever may start the execution.",
     "      commandType: RunShellScript\n      commandContent: useradd {{ userName }}   "
     "# write useradd \"{{ userName }}\""},
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
