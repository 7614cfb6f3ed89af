// Every answer the simulator gives has the shape of the real API's answer as
// the API table records it (apis/data/ApiTables.inc, from the SDKs' response
// models): no field the real API lacks, names, nesting and kinds right.
//
// A walk calls every API the simulator serves (SimulatedCloud::supportedApis)
// with parameters that make it succeed, in an order that gives each call the
// resources it needs (ids learnt from earlier answers: the seeded VPC, image,
// scaling group and its instances, and an instance, command, invocation and
// image the walk makes itself), and holds each answer to the API's
// answerShape():
//  - objects: every field of the answer must be a field of the shape
//    (case-sensitive, as the SDKs read them); fields the answer leaves out
//    are fine, every field of the real API is optional;
//  - arrays and maps (`{*:...}`): every element must conform to the
//    element's shape;
//  - scalars must be of the kind the shape says: a JSON string where it
//    says string, a JSON number (integer or not) where it says number, a
//    JSON true/false where it says boolean. A string that looks like a
//    number ("40") where the shape says number is a mismatch, and so are
//    "true" for a boolean and 40 for a string: the SDKs' typed models (Go's
//    encoding/json, the Tea models) do not convert them. null is a mismatch
//    for every kind but `any`: the cloud leaves out what it has no value for;
//  - `any` takes anything, nested values unchecked.
// Lists the walk relies on to check element shapes (Instances.Instance,
// ...) must not be empty, so a shape is never passed by an empty answer.
//
// The walk runs over HTTP, with our own client (AliyunCloud) against the
// served simulator (SimServe), which is the one that matters: it is what
// runners and SDKs see. It also runs in process (SimulatedCloud::call on a
// virtual clock), which tells a mismatch of the simulator from one of the
// wire. A newly served API without a step fails the coverage test; so does
// a step, or an entry of the lists of exceptions below, for an API the
// simulator no longer serves.
#include "oosc/simserve/SimServe.h"

#include "cli/Subprocess.h"
#include "support/SimServeClient.h"
#include "support/Tools.h"

#include "oosc/apis/ApiTable.h"
#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/AliyunCloud.h"
#include "oosc/openapi/Credentials.h"
#include "oosc/openapi/Endpoints.h"
#include "oosc/openapi/Transport.h"
#include "oosc/runtime/Clock.h"
#include "oosc/runtime/Simulator.h"
#include "oosc/runtime/Value.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using oosc::apis::ApiTable;
using oosc::apis::ParamSpec;
using oosc::apis::ProductRecord;
using oosc::apis::Shape;
using oosc::runtime::CloudBackend;
using oosc::runtime::SimulatedCloud;
using oosc::runtime::Value;

//===-- The walk, as data ---------------------------------------------------===//
//
// Parameters are JSON; `${name}` is replaced by the id an earlier step
// captured under that name. RegionId is left to the caller: our client fills
// it with its region (cn-hangzhou) where the API takes one, as OOS does, and
// the simulator takes its default region (cn-hangzhou) in process.

/// What must hold before a step is called (an instance Running, an image
/// Available): the call is repeated, time passing, until the value at
/// \c path of its answer is \c equals.
struct Await {
  const char *service = nullptr;
  const char *api = nullptr;
  const char *parameters = nullptr;
  const char *path = nullptr;
  const char *equals = nullptr;
};

/// A value of the answer kept for later steps, as `${name}`.
struct Capture {
  const char *name;
  const char *path; ///< `Instances.Instance[0].InstanceId`
};

struct Step {
  const char *service;
  const char *api;
  const char *parameters;
  /// A list of the answer that must have elements, so that the shape of
  /// its elements is checked; nullptr: none.
  const char *items = nullptr;
  std::vector<Capture> captures = {};
  Await before = {};
};

Await instanceIs(const char *status) {
  return {"ECS", "DescribeInstances", R"({"InstanceIds": ["${instance}"]})", "Instances.Instance[0].Status", status};
}

/// \p parameters name one invocation.
Await invocationSucceeded(const char *parameters) {
  return {"ECS", "DescribeInvocations", parameters, "Invocations.Invocation[0].InvocationStatus", "Success"};
}

const std::vector<Step> &walkSteps() {
  static const std::vector<Step> steps = {
      // The seeded geography and network of cn-hangzhou.
      {"ECS", "DescribeRegions", "{}", "Regions.Region"},
      {"ECS", "DescribeZones", "{}", "Zones.Zone"},
      {"ECS", "DescribeAvailableResource", R"({"DestinationResource": "InstanceType"})",
       "AvailableZones.AvailableZone[0].AvailableResources.AvailableResource[0].SupportedResources.SupportedResource"},
      {"ECS", "DescribeVpcs", "{}", "Vpcs.Vpc", {{"vpc", "Vpcs.Vpc[0].VpcId"}}},
      {"VPC", "DescribeVpcs", "{}", "Vpcs.Vpc"},
      {"ECS", "DescribeVSwitches", R"({"VpcId": "${vpc}"})", "VSwitches.VSwitch",
       {{"vswitch", "VSwitches.VSwitch[0].VSwitchId"}}},
      {"VPC", "DescribeVSwitches", R"({"VpcId": "${vpc}"})", "VSwitches.VSwitch"},
      {"ECS", "DescribeSecurityGroups", R"({"VpcId": "${vpc}"})", "SecurityGroups.SecurityGroup",
       {{"sg", "SecurityGroups.SecurityGroup[0].SecurityGroupId"}}},
      // A public Linux image with Cloud Assistant, for the walk's instance.
      {"ECS", "DescribeImages", R"({"ImageOwnerAlias": "system", "OSType": "linux", "Architecture": "x86_64"})",
       "Images.Image", {{"image", "Images.Image[0].ImageId"}}},
      // The seeded scaling group and its InService instances.
      {"ESS", "DescribeScalingGroups", "{}", "ScalingGroups.ScalingGroup",
       {{"group", "ScalingGroups.ScalingGroup[0].ScalingGroupId"}}},
      {"ESS", "DescribeScalingInstances", R"({"ScalingGroupId": "${group}"})", "ScalingInstances.ScalingInstance",
       {{"member", "ScalingInstances.ScalingInstance[0].InstanceId"}}},

      // An instance of the walk's own, through its life.
      {"ECS", "RunInstances",
       R"({"ImageId": "${image}", "InstanceType": "ecs.g6.large", "VSwitchId": "${vswitch}",
           "SecurityGroupId": "${sg}", "InstanceName": "shape-walk",
           "Tag": [{"Key": "walk", "Value": "shape"}]})",
       "InstanceIdSets.InstanceIdSet", {{"instance", "InstanceIdSets.InstanceIdSet[0]"}}},
      {"ECS", "DescribeInstances", R"({"PageSize": 100})", "Instances.Instance"},
      {"ECS", "DescribeInstanceStatus", R"({"PageSize": 50})", "InstanceStatuses.InstanceStatus"},
      {"ECS", "DescribeInstancesFullStatus", R"({"InstanceId": ["${instance}"]})",
       "InstanceFullStatusSet.InstanceFullStatusType"},
      {"ECS", "ModifyInstanceAttribute", R"({"InstanceId": "${instance}", "Description": "walked for its shape"})"},
      {"ECS", "DescribeSavingsPlanEstimation", R"({"ResourceId": "${instance}", "PeriodUnit": "Year", "Period": "1"})"},
      {"ECS", "DescribeSavingsPlanPrice",
       R"({"ResourceId": ["${instance}"], "CommittedAmount": "0.2", "PeriodUnit": "Month", "Period": 3})"},
      {"ECS", "CreateSavingsPlan", R"({"ResourceId": ["${instance}"], "CommittedAmount": "0.2", "PlanType": "ecs"})"},
      // TAG: the instance tagged by its ARN, listed, untagged.
      {"Tag", "TagResources",
       R"({"ResourceARN": ["arn:acs:ecs:cn-hangzhou:1234567890123456:instance/${instance}"], "Tags": "{\"walk\": \"tag\"}"})"},
      {"Tag", "ListTagResources", R"({"ResourceARN": ["arn:acs:ecs:cn-hangzhou:1234567890123456:instance/${instance}"]})",
       "TagResources"},
      {"Tag", "ListTagKeys", "{}", "Keys.Key"},
      // RAM policies attached to a role, a user and a group, and detached.
      {"RAM", "CreateRole",
       R"({"RoleName": "shape-walk", "AssumeRolePolicyDocument": "{\"Version\": \"1\", \"Statement\": []}"})"},
      {"RAM", "AttachPolicyToRole", R"({"PolicyType": "System", "PolicyName": "ReadOnlyAccess", "RoleName": "shape-walk"})"},
      {"RAM", "ListPoliciesForRole", R"({"RoleName": "shape-walk"})", "Policies.Policy"},
      {"RAM", "DetachPolicyFromRole", R"({"PolicyType": "System", "PolicyName": "ReadOnlyAccess", "RoleName": "shape-walk"})"},
      {"RAM", "AttachPolicyToUser", R"({"PolicyType": "System", "PolicyName": "ReadOnlyAccess", "UserName": "sim-operator"})"},
      {"RAM", "ListPoliciesForUser", R"({"UserName": "sim-operator"})", "Policies.Policy"},
      {"RAM", "DetachPolicyFromUser", R"({"PolicyType": "System", "PolicyName": "ReadOnlyAccess", "UserName": "sim-operator"})"},
      {"RAM", "CreateGroup", R"({"GroupName": "shape-walk"})"},
      {"RAM", "AttachPolicyToGroup", R"({"PolicyType": "System", "PolicyName": "ReadOnlyAccess", "GroupName": "shape-walk"})"},
      {"RAM", "ListPoliciesForGroup", R"({"GroupName": "shape-walk"})", "Policies.Policy"},
      {"RAM", "DetachPolicyFromGroup", R"({"PolicyType": "System", "PolicyName": "ReadOnlyAccess", "GroupName": "shape-walk"})"},
      // A ROS stack of one VPC, through its life.
      {"ROS", "CreateStack",
       R"({"StackName": "shape-walk", "TemplateBody": "{\"ROSTemplateFormatVersion\": \"2015-09-01\", \"Resources\": {\"Vpc\": {\"Type\": \"ALIYUN::ECS::VPC\", \"Properties\": {\"CidrBlock\": \"10.0.0.0/8\"}}}, \"Outputs\": {\"VpcId\": {\"Value\": {\"Ref\": \"Vpc\"}}}}"})",
       nullptr, {{"stack", "StackId"}}},
      {"ROS", "GetStack", R"({"StackId": "${stack}"})", "Outputs", {},
       {"ROS", "GetStack", R"({"StackId": "${stack}"})", "Status", "CREATE_COMPLETE"}},
      {"ROS", "ListStacks", "{}", "Stacks"},
      {"ROS", "ListStackResources", R"({"StackId": "${stack}"})", "Resources"},
      {"ROS", "DeleteStack", R"({"StackId": "${stack}"})"},
      {"Tag", "ListTagValues", R"({"Key": "walk"})", "Values.Value"},
      {"Tag", "UntagResources",
       R"({"ResourceARN": ["arn:acs:ecs:cn-hangzhou:1234567890123456:instance/${instance}"], "TagKey": ["walk"]})"},
      // Resource Center: the instance among the region's resources.
      {"ResourceCenter", "SearchResources",
       R"({"Filter": [{"Key": "ResourceType", "Value": ["ACS::ECS::Instance"], "MatchType": "equals"},
                      {"Key": "ResourceId", "Value": ["${instance}"]}]})",
       "Resources"},
      // Security Center: the instance as an asset, its agent installed.
      {"Sas", "DescribeCloudCenterInstances", R"({"Criteria": "[{\"name\": \"instanceId\", \"value\": \"${instance}\"}]"})",
       "Instances", {{"uuid", "Instances[0].Uuid"}}},
      {"Sas", "OperateAgentClientInstall", R"({"Uuids": "${uuid}"})", "AegisCelintInstallResposeList"},
      {"Sas", "DescribeAgentInstallStatus", R"({"Uuids": "${uuid}"})", "AegisClientInvokeStatusResponseList"},
      {"ECS", "InstallCloudAssistant", R"({"InstanceId": ["${instance}"]})", nullptr, {}, instanceIs("Running")},
      {"ECS", "DescribeCloudAssistantStatus", R"({"InstanceId": ["${instance}"]})",
       "InstanceCloudAssistantStatusSet.InstanceCloudAssistantStatus"},

      // Cloud Assistant: a command, run twice, and its invocations.
      {"ECS", "CreateCommand",
       R"({"Name": "shape-walk", "Type": "RunShellScript", "CommandContent": "ZWNobyBzaGFwZS13YWxr"})", nullptr,
       {{"command", "CommandId"}}},
      {"ECS", "DescribeCommands", R"({"CommandId": "${command}"})", "Commands.Command"},
      {"ECS", "InvokeCommand", R"({"CommandId": "${command}", "InstanceId": ["${instance}"]})", nullptr,
       {{"invoke", "InvokeId"}}},
      {"ECS", "RunCommand",
       R"({"Type": "RunShellScript", "CommandContent": "echo shape-walk", "InstanceId": ["${instance}"]})", nullptr,
       {{"runInvoke", "InvokeId"}}},
      {"ECS", "DescribeInvocations", R"({"IncludeOutput": true, "ContentEncoding": "PlainText"})",
       "Invocations.Invocation[0].InvokeInstances.InvokeInstance", {},
       invocationSucceeded(R"({"InvokeId": "${runInvoke}"})")},
      {"ECS", "DescribeInvocationResults", R"({"InvokeId": "${invoke}"})",
       "Invocation.InvocationResults.InvocationResult", {}, invocationSucceeded(R"({"InvokeId": "${invoke}"})")},
      {"ECS", "DeleteCommand", R"({"CommandId": "${command}"})"},

      // Tags on the instance.
      {"ECS", "TagResources",
       R"({"ResourceType": "instance", "ResourceId": ["${instance}"], "Tag": [{"Key": "team", "Value": "walk"}]})"},
      {"ECS", "ListTagResources", R"({"ResourceType": "instance", "ResourceId": ["${instance}"]})",
       "TagResources.TagResource"},
      {"ECS", "UntagResources", R"({"ResourceType": "instance", "ResourceId": ["${instance}"], "TagKey": ["team"]})"},
      // Its RAM role, attached, read and detached.
      {"ECS", "AttachInstanceRamRole", R"({"InstanceIds": "[\"${instance}\"]", "RamRoleName": "walk-role"})",
       "AttachInstanceRamRoleResults.AttachInstanceRamRoleResult"},
      {"ECS", "DescribeInstanceRamRole", R"({"InstanceIds": "[\"${instance}\"]"})",
       "InstanceRamRoleSets.InstanceRamRoleSet"},
      {"ECS", "DetachInstanceRamRole", R"({"InstanceIds": "[\"${instance}\"]"})",
       "DetachInstanceRamRoleResults.DetachInstanceRamRoleResult"},
      // What CloudMonitor saw: the tag change, and the instance's metrics.
      {"CMS", "DescribeSystemEventAttribute", R"({"Product": "tag"})", "SystemEvents.SystemEvent"},
      {"CMS", "DescribeMetricLast", R"({"Namespace": "acs_ecs_dashboard", "MetricName": "cpu_total"})"},

      // Reboot, an image of it, stop, a new system disk, start, release.
      {"ECS", "RebootInstance", R"({"InstanceId": "${instance}"})"},
      {"ECS", "CreateImage", R"({"InstanceId": "${instance}", "ImageName": "shape-walk-image"})", nullptr,
       {{"newImage", "ImageId"}}, instanceIs("Running")},
      {"ECS", "DescribeImages", R"({"ImageId": "${newImage}", "Status": "Creating,Available"})",
       "Images.Image[0].DiskDeviceMappings.DiskDeviceMapping"},
      {"ECS", "CopyImage", R"({"ImageId": "${newImage}", "DestinationRegionId": "cn-shanghai"})", nullptr,
       {{"copiedImage", "ImageId"}},
       {"ECS", "DescribeImages", R"({"ImageId": "${newImage}", "Status": "Creating,Available"})",
        "Images.Image[0].Status", "Available"}},
      {"ECS", "StopInstance", R"({"InstanceId": "${instance}"})", nullptr, {}, instanceIs("Running")},
      {"ECS", "ReplaceSystemDisk", R"({"InstanceId": "${instance}", "ImageId": "${image}"})", nullptr, {},
       instanceIs("Stopped")},
      {"ECS", "StartInstance", R"({"InstanceId": "${instance}"})"},
      {"ECS", "DeleteInstance", R"({"InstanceId": "${instance}", "Force": true})"},
      {"ECS", "DeleteImage", R"({"ImageId": "${newImage}"})", nullptr, {},
       {"ECS", "DescribeImages", R"({"ImageId": "${newImage}", "Status": "Creating,Available"})",
        "Images.Image[0].Status", "Available"}},

      // Auto Scaling: processes, standby, protection, configurations.
      {"ESS", "SuspendProcesses", R"({"ScalingGroupId": "${group}", "Process": ["ScaleIn"]})"},
      {"ESS", "ResumeProcesses", R"({"ScalingGroupId": "${group}", "Process": ["ScaleIn"]})"},
      {"ESS", "EnterStandby", R"({"ScalingGroupId": "${group}", "InstanceId": ["${member}"]})"},
      {"ESS", "ExitStandby", R"({"ScalingGroupId": "${group}", "InstanceId": ["${member}"]})"},
      {"ESS", "SetInstancesProtection",
       R"({"ScalingGroupId": "${group}", "InstanceId": ["${member}"], "ProtectedFromScaleIn": true})"},
      // Lifecycle hooks are not simulated: a well-formed completion is
      // accepted, whatever hook it names.
      {"ESS", "CompleteLifecycleAction",
       R"({"LifecycleHookId": "ash-shapewalk", "LifecycleActionToken": "shape-walk-token",
           "LifecycleActionResult": "CONTINUE"})"},
      {"ESS", "CreateScalingConfiguration",
       R"({"ScalingGroupId": "${group}", "ImageId": "${image}", "InstanceType": "ecs.g6.large",
           "SecurityGroupId": "${sg}", "ScalingConfigurationName": "shape-walk", "Tags": {"walk": "shape"}})",
       nullptr, {{"configuration", "ScalingConfigurationId"}}},
      {"ESS", "ModifyScalingConfiguration",
       R"({"ScalingConfigurationId": "${configuration}", "InstanceName": "shape-walk"})"},
      {"ESS", "DescribeScalingConfigurations", R"({"ScalingGroupId": "${group}"})",
       "ScalingConfigurations.ScalingConfiguration"},
      // ACK: the script that joins an instance to the seeded cluster.
      {"CS", "DescribeClusterAttachScripts", R"({"ClusterId": "csim00000000000000000000000000001", "body": "{}"})"},
      {"CS", "DescribeClusterUserKubeconfig", R"({"ClusterId": "csim00000000000000000000000000001"})"},
      {"CS", "DescribeClusterV2UserKubeconfig",
       R"({"ClusterId": "csim00000000000000000000000000001", "TemporaryDurationMinutes": 60})"},
      // A scaling rule (the generic engine's) executed on the group.
      {"ESS", "CreateScalingRule",
       R"({"ScalingGroupId": "${group}", "AdjustmentType": "QuantityChangeInCapacity", "AdjustmentValue": 1})",
       nullptr, {{"rule", "ScalingRuleAri"}}},
      {"ESS", "ExecuteScalingRule", R"({"ScalingRuleAri": "${rule}"})", nullptr, {{"activity", "ScalingActivityId"}}},
      {"ESS", "DescribeScalingActivities", R"({"ScalingGroupId": "${group}"})", "ScalingActivities.ScalingActivity"},
      // ACK: the seeded node leaves the cluster (last: later steps do not need it).
      {"CS", "DeleteClusterNodes",
       R"({"ClusterId": "csim00000000000000000000000000001", "body": "{\"nodes\": [\"cn-hangzhou.172.16.0.10\"]}"})"},
  };
  return steps;
}

//===-- The exceptions, each with its reason --------------------------------===//

/// Walked, though the generic engine serves them rather than a hand-written
/// model: they make what a hand-written API acts on (ExecuteScalingRule runs
/// a rule CreateScalingRule made; AttachPolicyToRole and ToGroup attach to
/// a role and a group CreateRole and CreateGroup made).
const char *const kGenericSetup[] = {"ESS.CreateScalingRule", "RAM.CreateRole", "RAM.CreateGroup"};

/// Served by the simulator, but not an API of Alibaba Cloud's OpenAPI: the
/// HTTP walk calls it and expects this error. (In process it is called too,
/// and must succeed.)
struct AnswersAnError {
  const char *service, *api, *parameters, *code, *reason;
};
const AnswersAnError kAnswersAnError[] = {
    {"OOS", "NotifyWebhook", R"({"URI": "http://127.0.0.1:9/shape-walk", "Content": {"text": "walked"}})",
     "InvalidAction.NotFound",
     "ACS::Notify's webhook post, which the simulator records instead of sending: an action of OOS's "
     "executions, not an OpenAPI API (oos 2019-06-01 has no NotifyWebhook), so the served front answers "
     "InvalidAction.NotFound and the API table has no answer shape to hold it to"},
    {"EVENTBRIDGE", "PutEvents",
     R"({"URI": "/openapi/putEvents", "Body": "{\"EventBusName\": \"default\", \"EventList\": [{\"id\": \"walk-1\", \"source\": \"acs:walk\", \"type\": \"walk:Event\", \"specversion\": \"1.0\"}]}"})",
     "InvalidAction.NotFound",
     "EventBridge's data plane (POST /openapi/putEvents on the account's own endpoint), outside the OpenAPI "
     "metadata, which has its control plane: the served OpenAPI front does not speak it, and the API table has "
     "no answer shape to hold it to (MessagingTest holds the answer to EventBridge's)"},
};

/// OSS and MNS speak their own REST protocols, outside the OpenAPI
/// metadata: the API table has no shapes for them and the served OpenAPI
/// front does not speak them. Their APIs are walked in process, in this
/// order; each call must succeed (the answers are held to their documents
/// in OssTest and MessagingTest).
struct OtherProtocolStep {
  const char *service, *api, *parameters;
};
const OtherProtocolStep kOwnProtocolSteps[] = {
    {"OSS", "PutBucket", R"({"BucketName": "shape-walk", "RegionId": "cn-hangzhou"})"},
    {"OSS", "ListBuckets", R"({"prefix": "shape-"})"},
    {"OSS", "GetBucketInfo", R"({"BucketName": "shape-walk"})"},
    {"OSS", "PutBucketAcl", R"({"BucketName": "shape-walk", "Headers": {"x-oss-acl": "public-read"}})"},
    {"OSS", "GetBucketAcl", R"({"BucketName": "shape-walk"})"},
    {"OSS", "PutBucketVersioning",
     R"({"BucketName": "shape-walk", "Body": "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>"})"},
    {"OSS", "GetBucketVersioning", R"({"BucketName": "shape-walk"})"},
    {"OSS", "DeleteBucketVersioning", R"({"BucketName": "shape-walk"})"},
    {"OSS", "PutBucketLogging",
     R"({"BucketName": "shape-walk", "Body": "<BucketLoggingStatus><LoggingEnabled><TargetBucket>shape-walk</TargetBucket></LoggingEnabled></BucketLoggingStatus>"})"},
    {"OSS", "GetBucketLogging", R"({"BucketName": "shape-walk"})"},
    {"OSS", "DeleteBucketLogging", R"({"BucketName": "shape-walk"})"},
    {"OSS", "PutBucketReferer",
     R"({"BucketName": "shape-walk", "Body": "<RefererConfiguration><AllowEmptyReferer>false</AllowEmptyReferer><RefererList><Referer>http://a.example</Referer></RefererList></RefererConfiguration>"})"},
    {"OSS", "GetBucketReferer", R"({"BucketName": "shape-walk"})"},
    {"OSS", "DeleteBucketReferer", R"({"BucketName": "shape-walk"})"},
    {"OSS", "PutBucketEncryption",
     R"({"BucketName": "shape-walk", "Body": "<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>"})"},
    {"OSS", "GetBucketEncryption", R"({"BucketName": "shape-walk"})"},
    {"OSS", "DeleteBucketEncryption", R"({"BucketName": "shape-walk"})"},
    {"OSS", "PutBucketPolicy", R"({"BucketName": "shape-walk", "Body": "{\"Version\": \"1\", \"Statement\": []}"})"},
    {"OSS", "GetBucketPolicy", R"({"BucketName": "shape-walk"})"},
    {"OSS", "DeleteBucketPolicy", R"({"BucketName": "shape-walk"})"},
    {"OSS", "GenerateUrl", R"({"BucketName": "shape-walk", "URI": "a/b.txt", "Expires": 600})"},
    {"OSS", "DeleteBucket", R"({"BucketName": "shape-walk"})"},
    {"MNS", "PublishMessage",
     R"({"URI": "/topics/sim-alerts/messages", "Body": "<Message><MessageBody>walked</MessageBody></Message>"})"},
};

/// Walked (their calls must succeed), but the API table has no answer shape
/// to hold the answer to.
struct Unshaped {
  const char *service, *api, *reason;
};
const Unshaped kNoAnswerShape[] = {

    {"ESS", "DescribeScalingGroups",
     "the table's answer shapes come from the response models of Alibaba's TypeScript SDK, which has none for "
     "it in Ess 2014-08-28 (../shared/apimeta/README.md: 68 of Ess's 89 APIs have a model)"},
};

template <typename Entry, std::size_t N>
const Entry *listed(const Entry (&entries)[N], std::string_view service, std::string_view api) {
  for (const Entry &entry : entries)
    if (oosc::runtime::equalsIgnoringAsciiCase(entry.service, service) &&
        oosc::runtime::equalsIgnoringAsciiCase(entry.api, api))
      return &entry;
  return nullptr;
}

//===-- Checking an answer against a shape ----------------------------------===//

std::string kindOfShape(Shape::Kind kind) {
  switch (kind) {
  case Shape::Kind::String: return "a string";
  case Shape::Kind::Number: return "a number";
  case Shape::Kind::Boolean: return "a boolean";
  case Shape::Kind::Any: return "anything";
  case Shape::Kind::Array: return "an array";
  case Shape::Kind::Map: return "an object (a map)";
  case Shape::Kind::Object: return "an object";
  }
  return "?";
}

std::string describeValue(const Value &value) {
  auto excerpt = [](std::string text) { return text.size() > 40 ? text.substr(0, 40) + "..." : text; };
  switch (value.kind()) {
  case Value::Kind::Null: return "null";
  case Value::Kind::Bool: return std::string("a boolean (") + (value.getBool() ? "true" : "false") + ")";
  case Value::Kind::Integer:
  case Value::Kind::Real: return "a number (" + value.toJson() + ")";
  case Value::Kind::String: return "a string (" + excerpt(value.toJson()) + ")";
  case Value::Kind::List: return "an array";
  case Value::Kind::Map: return "an object";
  }
  return "?";
}

/// Adds to \p problems where \p value (at \p path of \p api's answer) does
/// not conform to \p shape.
void checkValue(const Value &value, const Shape &shape, const std::string &path, const std::string &api,
                std::vector<std::string> &problems) {
  auto mismatch = [&] {
    problems.push_back(api + ": " + (path.empty() ? std::string("(the answer)") : path) + ": " +
                       describeValue(value) + " where the API's answer has " + kindOfShape(shape.kind));
  };
  switch (shape.kind) {
  case Shape::Kind::Any:
    return;
  case Shape::Kind::String:
    if (!value.isString())
      mismatch();
    return;
  case Shape::Kind::Number:
    if (!value.isNumber())
      mismatch();
    return;
  case Shape::Kind::Boolean:
    if (!value.isBool())
      mismatch();
    return;
  case Shape::Kind::Array:
    if (!value.isList())
      return mismatch();
    if (const Shape *element = shape.element())
      for (std::size_t i = 0; i < value.getList().size(); ++i)
        checkValue(value.getList()[i], *element, path + "[" + std::to_string(i) + "]", api, problems);
    return;
  case Shape::Kind::Map:
    if (!value.isMap())
      return mismatch();
    if (const Shape *element = shape.element())
      for (const auto &[key, member] : value.getMap())
        checkValue(member, *element, path + "." + key, api, problems);
    return;
  case Shape::Kind::Object:
    if (!value.isMap())
      return mismatch();
    for (const auto &[key, member] : value.getMap()) {
      const Shape *field = shape.field(key);
      if (!field) {
        std::string hint;
        for (const Shape &candidate : shape.fields)
          if (oosc::runtime::equalsIgnoringAsciiCase(candidate.name, key))
            hint = " (it has \"" + std::string(candidate.name) + "\")";
        problems.push_back(api + ": " + path + "." + key + ": not in the API's answer shape" + hint);
        continue;
      }
      checkValue(member, *field, path + "." + key, api, problems);
    }
    return;
  }
}

//===-- Running the walk ----------------------------------------------------===//

/// The value at \p path (`A.B[0].C`) of \p root, or null.
const Value *at(const Value &root, std::string_view path) {
  const Value *current = &root;
  std::size_t i = 0;
  while (current && i < path.size()) {
    if (path[i] == '.') {
      ++i;
    } else if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      if (close == std::string_view::npos)
        return nullptr;
      std::size_t index = std::stoul(std::string(path.substr(i + 1, close - i - 1)));
      current = current->isList() && index < current->getList().size() ? &current->getList()[index] : nullptr;
      i = close + 1;
    } else {
      std::size_t end = path.find_first_of(".[", i);
      std::string_view key = path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
      current = current->isMap() ? current->find(key) : nullptr;
      i = end == std::string_view::npos ? path.size() : end;
    }
  }
  return current;
}

/// \p text with its `${name}` replaced by the captured ids, parsed; or
/// nullopt with \p why.
std::optional<Value> resolve(const std::string &text, const std::map<std::string, std::string> &ids,
                             std::string &why) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t open = text.find("${", i);
    if (open == std::string::npos) {
      out += text.substr(i);
      break;
    }
    std::size_t close = text.find('}', open);
    std::string name = text.substr(open + 2, close - open - 2);
    auto id = ids.find(name);
    if (id == ids.end()) {
      why = "${" + name + "} is not an id an earlier step captured";
      return std::nullopt;
    }
    out += text.substr(i, open - i) + id->second;
    i = close + 1;
  }
  std::optional<Value> parsed = oosc::runtime::parseJson(out);
  if (!parsed || !parsed->isMap())
    why = "not a JSON object: " + out;
  return parsed && parsed->isMap() ? parsed : std::nullopt;
}

std::string nameOf(std::string_view service, std::string_view api) {
  return std::string(service) + "." + std::string(api);
}

std::string lowered(std::string text) {
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string joined(const std::vector<std::string> &lines) {
  std::string out;
  for (const std::string &line : lines)
    out += "  " + line + "\n";
  return out;
}

/// \p problems with those that differ only in array indices said once, at
/// the first index: an extra field of every Instance is one problem.
std::vector<std::string> condensed(const std::vector<std::string> &problems) {
  std::vector<std::string> keys, firsts;
  std::vector<std::size_t> counts;
  for (const std::string &problem : problems) {
    std::string key;
    for (std::size_t i = 0; i < problem.size(); ++i) {
      std::size_t close = problem.find(']', i);
      if (problem[i] == '[' && close != std::string::npos && close > i + 1 &&
          problem.find_first_not_of("0123456789", i + 1) == close) {
        key += "[]";
        i = close;
      } else {
        key += problem[i];
      }
    }
    std::size_t at = 0;
    while (at < keys.size() && keys[at] != key)
      ++at;
    if (at == keys.size()) {
      keys.push_back(key);
      firsts.push_back(problem);
      counts.push_back(0);
    }
    ++counts[at];
  }
  for (std::size_t i = 0; i < firsts.size(); ++i)
    if (counts[i] > 1)
      firsts[i] += " (and " + std::to_string(counts[i] - 1) + " more like it at other indices)";
  return firsts;
}

struct WalkReport {
  /// Mismatches of shapes, and steps that could not be walked.
  std::vector<std::string> problems;
  /// The APIs whose calls succeeded, `service.api` in lower case.
  std::set<std::string> walked;
};

/// Walks walkSteps() on \p cloud; \p pause lets time pass while a step
/// waits for its precondition, at most \p maxPolls times.
WalkReport walkEveryApi(CloudBackend &cloud, const std::function<void()> &pause, int maxPolls) {
  const ApiTable &table = oosc::apis::cloudApis();
  WalkReport report;
  std::map<std::string, std::string> ids;
  for (const Step &step : walkSteps()) {
    std::string name = nameOf(step.service, step.api);
    auto fail = [&](const std::string &what) { report.problems.push_back(name + ": " + what); };
    const ProductRecord *product = table.findService(step.service);
    const oosc::apis::ApiSpec *spec = product ? table.findApi(*product, step.api) : nullptr;
    if (!spec) {
      fail("not an API of the API table: nothing to hold its answer to");
      continue;
    }
    std::string why;
    std::optional<Value> parameters = resolve(step.parameters, ids, why);
    if (!parameters) {
      fail("the walk's parameters: " + why);
      continue;
    }
    // The table's required parameters, but RegionId (see above).
    for (const ParamSpec &parameter : spec->parameters)
      if (parameter.required && parameter.name != "RegionId" && !parameters->find(parameter.name))
        fail("the API table requires parameter " + std::string(parameter.name) + ", which the walk does not give");

    if (step.before.api) {
      std::optional<Value> query = resolve(step.before.parameters, ids, why);
      bool reached = false;
      std::string last = "no answer";
      for (int poll = 0; query && poll < maxPolls && !reached; ++poll) {
        auto answer = cloud.call(step.before.service, step.before.api, *query);
        const Value *value = answer ? at(answer.value(), step.before.path) : nullptr;
        last = answer ? (value ? value->toDisplayString() : "nothing at " + std::string(step.before.path))
                      : answer.error().code + ": " + answer.error().message;
        reached = value && value->isString() && value->getString() == step.before.equals;
        if (!reached)
          pause();
      }
      if (!reached) {
        fail("waited in vain for " + nameOf(step.before.service, step.before.api) + " to answer " +
             step.before.path + " = " + step.before.equals + " (last: " + (query ? last : why) + ")");
        continue;
      }
    }

    auto answer = cloud.call(step.service, step.api, *parameters);
    if (!answer) {
      fail("the call failed with " + answer.error().code + ": " + answer.error().message +
           " (the walk's parameters should make it succeed; parameters: " + parameters->toJson() + ")");
      continue;
    }
    report.walked.insert(lowered(name));

    const Shape *shape = table.answerShape(*product, step.api);
    bool unshaped = listed(kNoAnswerShape, step.service, step.api) != nullptr;
    if (!shape && !unshaped)
      fail("the API table has no answer shape for it (if that is right, put it on kNoAnswerShape with the reason)");
    if (shape && unshaped)
      fail("the API table has an answer shape for it now: take it off kNoAnswerShape");
    // A text answer reaches templates as `{"data": text}` (the real-cloud
    // client's view and the simulator's alike).
    if (shape)
      checkValue(answer.value(), shape->kind == Shape::Kind::String ? oosc::apis::textAnswerShape() : *shape, "",
                 name, report.problems);

    if (step.items) {
      const Value *items = at(answer.value(), step.items);
      if (!items || !items->isList() || items->getList().empty())
        fail(std::string(".") + step.items + ": no elements, so their shape went unchecked (answer: " +
             answer.value().toJson().substr(0, 300) + ")");
    }
    for (const Capture &capture : step.captures) {
      const Value *value = at(answer.value(), capture.path);
      if (!value || !value->isString() || value->getString().empty()) {
        fail(std::string("no id at .") + capture.path + " for ${" + capture.name + "}");
        continue;
      }
      ids[capture.name] = value->getString();
    }
  }
  return report;
}

//===-- The tests -----------------------------------------------------------===//

TEST(AnswerShapes, TheCheckerHoldsAnAnswerToItsShape) {
  static const char kShape[] = "{Items:{Item:[{Id:s,Size:n,On:b,Extra:a,Labels:{*:s},Ids:[s]}]},RequestId:s}";
  std::optional<Shape> shape = oosc::apis::decodeShape(kShape);
  ASSERT_TRUE(shape);
  std::vector<std::string> problems;
  Value good = *oosc::runtime::parseJson(R"({"RequestId": "r", "Items": {"Item": [
      {"Id": "a", "Size": 40, "On": true, "Extra": {"x": [1, null]}, "Labels": {"k": "v"}, "Ids": ["x"]},
      {"Size": 1.5}]}})");
  checkValue(good, *shape, "", "X.Good", problems);
  EXPECT_TRUE(problems.empty()) << joined(problems);

  Value bad = *oosc::runtime::parseJson(R"({"RequestId": 7, "Items": {"Item": [
      {"Id": "a"},
      {"id": "b", "Size": "40", "On": "true", "Labels": {"k": 1}, "Ids": "x", "Foo": {}}],
      "Count": 2}, "Extra": null})");
  checkValue(bad, *shape, "", "X.Bad", problems);
  std::vector<std::string> expected = {
      "X.Bad: .RequestId: a number (7) where the API's answer has a string",
      "X.Bad: .Items.Item[1].id: not in the API's answer shape (it has \"Id\")",
      "X.Bad: .Items.Item[1].Size: a string (\"40\") where the API's answer has a number",
      "X.Bad: .Items.Item[1].On: a string (\"true\") where the API's answer has a boolean",
      "X.Bad: .Items.Item[1].Labels.k: a number (1) where the API's answer has a string",
      "X.Bad: .Items.Item[1].Ids: a string (\"x\") where the API's answer has an array",
      "X.Bad: .Items.Item[1].Foo: not in the API's answer shape",
      "X.Bad: .Items.Count: not in the API's answer shape",
      "X.Bad: .Extra: not in the API's answer shape",
  };
  EXPECT_EQ(problems, expected) << joined(problems);

  problems.clear();
  std::optional<Shape> number = oosc::apis::decodeShape("{N:n,S:s}");
  ASSERT_TRUE(number);
  checkValue(*oosc::runtime::parseJson(R"({"N": null, "S": null})"), *number, "", "X.Null", problems);
  EXPECT_EQ(problems, (std::vector<std::string>{"X.Null: .N: null where the API's answer has a number",
                                                "X.Null: .S: null where the API's answer has a string"}));
}

TEST(AnswerShapes, ProblemsAtOtherIndicesAreSaidOnce) {
  std::vector<std::string> problems = {"A.B: .X.Y[0].Z: not in the API's answer shape",
                                       "A.B: .X.Y[1].Z: not in the API's answer shape",
                                       "A.B: .X.Y[2].Z: not in the API's answer shape", "A.B: .W: no"};
  EXPECT_EQ(condensed(problems),
            (std::vector<std::string>{
                "A.B: .X.Y[0].Z: not in the API's answer shape (and 2 more like it at other indices)",
                "A.B: .W: no"}));
}

TEST(AnswerShapes, TheWalkCoversEveryApiTheSimulatorServes) {
  std::vector<std::pair<std::string, std::string>> served = SimulatedCloud::supportedApis();
  ASSERT_FALSE(served.empty());
  std::set<std::string> servedNames;
  for (const auto &[service, api] : served)
    servedNames.insert(lowered(nameOf(service, api)));
  std::set<std::string> stepNames;
  for (const Step &step : walkSteps())
    stepNames.insert(lowered(nameOf(step.service, step.api)));
  for (const OtherProtocolStep &step : kOwnProtocolSteps)
    stepNames.insert(lowered(nameOf(step.service, step.api)));

  std::vector<std::string> problems;
  for (const auto &[service, api] : served)
    if (!stepNames.count(lowered(nameOf(service, api))) && !listed(kAnswersAnError, service, api))
      problems.push_back(nameOf(service, api) +
                         ": served by the simulator, but the walk has no step for it: add one to walkSteps() "
                         "(or, if it cannot succeed, put it on kAnswersAnError with the reason)");
  for (const OtherProtocolStep &step : kOwnProtocolSteps)
    if (!servedNames.count(lowered(nameOf(step.service, step.api))))
      problems.push_back(nameOf(step.service, step.api) + ": kOwnProtocolSteps calls it, but the simulator does not serve it");
  for (const Step &step : walkSteps())
    if (!servedNames.count(lowered(nameOf(step.service, step.api))) &&
        std::find(std::begin(kGenericSetup), std::end(kGenericSetup), nameOf(step.service, step.api)) ==
            std::end(kGenericSetup))
      problems.push_back(nameOf(step.service, step.api) + ": the walk has a step for it, but the simulator "
                                                          "does not serve it: take the step out");
  for (const AnswersAnError &entry : kAnswersAnError) {
    if (!servedNames.count(lowered(nameOf(entry.service, entry.api))))
      problems.push_back(nameOf(entry.service, entry.api) +
                         ": on kAnswersAnError, but the simulator does not serve it: take it off");
    if (stepNames.count(lowered(nameOf(entry.service, entry.api))))
      problems.push_back(nameOf(entry.service, entry.api) + ": both walked and on kAnswersAnError");
  }
  for (const Unshaped &entry : kNoAnswerShape)
    if (!servedNames.count(lowered(nameOf(entry.service, entry.api))) ||
        !stepNames.count(lowered(nameOf(entry.service, entry.api))))
      problems.push_back(nameOf(entry.service, entry.api) +
                         ": on kNoAnswerShape, but not served by the simulator or not walked: take it off");
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems:\n" << joined(problems);
}

/// The world's time runs this much faster than the wall clock on the served
/// simulator, so that the walk's waits (an instance starting, an image being
/// made) take milliseconds.
constexpr double kTimeScale = 200;

TEST(AnswerShapes, EveryAnswerOverHttpHasTheApisShape) {
  oosc::simserve::SimServeOptions options;
  options.timeScale = kTimeScale;
  auto served = oosc::simserve::SimServe::start(std::move(options), oosc::apis::cloudApis());
  ASSERT_TRUE(served.ok()) << served.error().message;
  oosc::simserve::SimServe &server = *served.value();

  oosc::openapi::AliyunCloudOptions client = oosc::testing::simServeClientOptions(server.url());
  ASSERT_TRUE(client.endpoint && client.transport);
  client.retry.maxAttempts = 1; // an answer that needed a repeat is a problem to see
  oosc::openapi::AliyunCloud cloud(std::move(client));

  WalkReport report =
      walkEveryApi(cloud, [] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }, 1000);

  for (const AnswersAnError &entry : kAnswersAnError) {
    std::string name = nameOf(entry.service, entry.api);
    std::optional<Value> parameters = oosc::runtime::parseJson(entry.parameters);
    ASSERT_TRUE(parameters) << name;
    auto answer = cloud.call(entry.service, entry.api, *parameters);
    if (answer)
      report.problems.push_back(name + ": on kAnswersAnError, but it answered " +
                                answer.value().toJson().substr(0, 200) + ": walk it instead");
    else if (answer.error().code != entry.code)
      report.problems.push_back(name + ": on kAnswersAnError to answer " + entry.code + ", but it answered " +
                                answer.error().code + ": " + answer.error().message);
  }

  std::vector<std::string> problems = condensed(report.problems);
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems in the answers of " << report.walked.size()
                                << " APIs walked over HTTP:\n"
                                << joined(problems);
}

TEST(AnswerShapes, EveryAnswerInProcessHasTheApisShape) {
  oosc::runtime::VirtualClock clock;
  oosc::runtime::SimulatorOptions options;
  options.clock = &clock;
  options.apis = &oosc::apis::cloudApis(); // the generic engine, for kGenericSetup
  auto opened = SimulatedCloud::open(options);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  SimulatedCloud &cloud = *opened.value();

  WalkReport report = walkEveryApi(cloud, [&] { clock.sleepFor(std::chrono::seconds(1)); }, 600);

  const ApiTable &table = oosc::apis::cloudApis();
  for (const AnswersAnError &entry : kAnswersAnError) {
    std::string name = nameOf(entry.service, entry.api);
    const ProductRecord *product = table.findService(entry.service);
    if (product && table.findApi(*product, entry.api))
      report.problems.push_back(name + ": on kAnswersAnError as not an API of the table, but the table has it "
                                       "now: walk it instead");
    std::optional<Value> parameters = oosc::runtime::parseJson(entry.parameters);
    ASSERT_TRUE(parameters) << name;
    auto answer = cloud.call(entry.service, entry.api, *parameters);
    if (!answer)
      report.problems.push_back(name + ": served in process, but failed with " + answer.error().code + ": " +
                                answer.error().message);
  }

  for (const OtherProtocolStep &step : kOwnProtocolSteps) {
    std::optional<Value> parameters = oosc::runtime::parseJson(step.parameters);
    ASSERT_TRUE(parameters) << step.api;
    auto answer = cloud.call(step.service, step.api, *parameters);
    if (!answer)
      report.problems.push_back(nameOf(step.service, step.api) + ": failed with " + answer.error().code + ": " +
                                answer.error().message);
    else if (answer.value().find("RequestId"))
      report.problems.push_back(nameOf(step.service, step.api) + ": an answer of its own protocol with a RequestId in its body");
  }

  std::vector<std::string> problems = condensed(report.problems);
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems in the answers of " << report.walked.size()
                                << " APIs walked in process:\n"
                                << joined(problems);
}

//===-- The same walk with Alibaba's SDK clients ----------------------------===//

/// A cloud whose calls to \p products go through one of Alibaba's Node.js
/// SDK clients (call.js in ../shared/tools), the others through \p rest
/// (our client): the walk's ids come from wherever they were made.
class SdkCloud final : public CloudBackend {
public:
  SdkCloud(std::string client, std::set<std::string> products, std::string port, CloudBackend &rest)
      : client_(std::move(client)), products_(std::move(products)), port_(std::move(port)), rest_(rest) {}

  oosc::runtime::Outcome<Value, oosc::runtime::ApiError> call(std::string_view service, std::string_view api,
                                                              const Value &parameters) override {
    const ProductRecord *product = oosc::apis::cloudApis().findService(service);
    if (!product || !products_.count(lowered(std::string(product->code))))
      return rest_.call(service, api, parameters);
    Value wire = wireParameters(*product, api, parameters);
    std::filesystem::path callJs = std::filesystem::path(OOSC_SHARED_TOOLS) / "alicloud-sdk" / "call.js";
    oosc::testing::RunResult result = oosc::testing::runProgram(
        oosc::testing::findOnPath("node"),
        {callJs.string(), "--client", client_, "--endpoint", "127.0.0.1:" + port_, "--product",
         std::string(product->code), "--api-version", std::string(product->version), "--action", std::string(api),
         "--params-json", wire.toJson()});
    std::optional<Value> line = oosc::runtime::parseJson(result.out);
    oosc::runtime::ApiError error;
    if (!line || !line->isMap()) {
      error.code = "sdk.Unreadable";
      error.message = result.out + result.err;
      return error;
    }
    const Value *ok = line->find("ok");
    if (ok && ok->isBool() && ok->getBool() && line->find("body"))
      return *line->find("body");
    const Value *code = line->find("code");
    const Value *message = line->find("message");
    error.code = code ? code->toDisplayString() : "sdk.Failed";
    error.message = message ? message->toDisplayString() : line->toJson();
    return error;
  }
  std::string describe() const override { return "call.js --client " + client_; }

private:
  /// The walk's parameters as an SDK's caller gives them: a list or an
  /// object for a String or Json parameter as JSON text (what OOS and our
  /// client do for the template); for the generated SDKs, the fields of
  /// objects in lists by their model names (`Key` is `key`).
  Value wireParameters(const ProductRecord &product, std::string_view api, const Value &parameters) const {
    const oosc::apis::ApiSpec *spec = oosc::apis::cloudApis().findApi(product, api);
    Value wire(Value::Map{});
    for (const auto &[name, value] : parameters.getMap()) {
      const ParamSpec *param = spec ? spec->findParameter(name) : nullptr;
      bool text = param && (param->type == oosc::apis::ParamType::String ||
                            param->type == oosc::apis::ParamType::Json);
      if (text && (value.isList() || value.isMap()))
        wire.getMap().emplace_back(name, Value(value.toJson()));
      else if (client_ != "pop" && client_ != "tea" && value.isList())
        wire.getMap().emplace_back(name, modelFields(value));
      else
        wire.getMap().emplace_back(name, value);
    }
    return wire;
  }

  static Value modelFields(const Value &value) {
    if (value.isList()) {
      Value::List items;
      for (const Value &item : value.getList())
        items.push_back(modelFields(item));
      return Value(std::move(items));
    }
    if (!value.isMap())
      return value;
    Value::Map fields;
    for (const auto &[name, member] : value.getMap()) {
      std::string field = name;
      if (!field.empty())
        field[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(field[0])));
      fields.emplace_back(field, modelFields(member));
    }
    return Value(std::move(fields));
  }

  std::string client_;
  std::set<std::string> products_;
  std::string port_;
  CloudBackend &rest_;
};

// Every simulated ECS and VPC API through each of the SDK clients that
// speak it (pop-core and openapi-client for all, the generated ECS and VPC
// SDKs for their own product), ESS through pop and tea: every call
// succeeds and the client parses the answer, which then has the API's shape.
TEST(AnswerShapes, AlibabasSdkClientsWalkEverySimulatedApi) {
  if (std::string missing =
          oosc::testing::missingAlicloudSdk(std::filesystem::path(OOSC_SHARED_TOOLS) / "alicloud-sdk");
      !missing.empty())
    GTEST_SKIP() << missing;
  setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", oosc::simserve::kTestKeyId, 1);
  setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", oosc::simserve::kTestKeySecret, 1);
  unsetenv("ALIBABA_CLOUD_SECURITY_TOKEN");
  const std::pair<const char *, std::set<std::string>> clients[] = {
      {"pop", {"ecs", "vpc", "ess"}}, {"tea", {"ecs", "vpc", "ess"}}, {"ecs", {"ecs"}}, {"vpc", {"vpc"}}};
  for (const auto &[client, products] : clients) {
    oosc::simserve::SimServeOptions options;
    options.timeScale = kTimeScale;
    auto served = oosc::simserve::SimServe::start(std::move(options), oosc::apis::cloudApis());
    ASSERT_TRUE(served.ok()) << served.error().message;
    oosc::openapi::AliyunCloud rest(oosc::testing::simServeClientOptions(served.value()->url()));
    SdkCloud sdk(client, products, std::to_string(served.value()->port()), rest);
    WalkReport report =
        walkEveryApi(sdk, [] { std::this_thread::sleep_for(std::chrono::milliseconds(50)); }, 400);
    std::vector<std::string> problems = condensed(report.problems);
    EXPECT_TRUE(problems.empty()) << "call.js --client " << client << ": " << problems.size() << " problems:\n"
                                  << joined(problems);
  }
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
}

} // namespace
