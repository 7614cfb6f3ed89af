// Dispatch.cpp - The table of simulated APIs: (service, API name) -> handler.
#include "World.h"

namespace oosc::runtime::sim {

const std::vector<ApiSpec> &apiTable() {
  // Service and API names are matched ignoring case, as OOS matches them.
  // `true` marks APIs that change resources (the world is saved after them).
  static const std::vector<ApiSpec> Table = [] {
    std::vector<ApiSpec> table = {
        // ACS::Notify's webhook, recorded rather than posted.
        {"OOS", "NotifyWebhook", oos::notifyWebhook, true},
        // ECS geography and network (read-only, seeded).
        {"ECS", "DescribeRegions", ecs::describeRegions, false},
        {"ECS", "DescribeZones", ecs::describeZones, false},
        {"ECS", "DescribeAvailableResource", ecs::describeAvailableResource, false},
        {"ECS", "DescribeSecurityGroups", ecs::describeSecurityGroups, false},
        // Older templates call the VPC APIs through ECS.
        {"ECS", "DescribeVSwitches", ecs::describeVSwitches, false},
        {"ECS", "DescribeVpcs", ecs::describeVpcs, false},
        {"VPC", "DescribeVSwitches", ecs::describeVSwitches, false},
        {"VPC", "DescribeVpcs", ecs::describeVpcs, false},
        // ECS instances and their state machine.
        {"ECS", "RunInstances", ecs::runInstances, true},
        {"ECS", "DescribeInstances", ecs::describeInstances, false},
        {"ECS", "DescribeInstanceStatus", ecs::describeInstanceStatus, false},
        {"ECS", "DescribeInstancesFullStatus", ecs::describeInstancesFullStatus, false},
        {"ECS", "StartInstance", ecs::startInstance, true},
        {"ECS", "StopInstance", ecs::stopInstance, true},
        {"ECS", "RebootInstance", ecs::rebootInstance, true},
        {"ECS", "DeleteInstance", ecs::deleteInstance, true},
        {"ECS", "ModifyInstanceAttribute", ecs::modifyInstanceAttribute, true},
        // ACK's attach script, a text answer, and kubeconfigs (Cs.cpp).
        {"CS", "DescribeClusterAttachScripts", cs::describeClusterAttachScripts, false},
        {"CS", "DescribeClusterUserKubeconfig", cs::describeClusterUserKubeconfig, false},
        {"CS", "DescribeClusterV2UserKubeconfig", cs::describeClusterV2UserKubeconfig, false},
        {"CS", "DeleteClusterNodes", cs::deleteClusterNodes, true},
        // TAG: tags by ARN on the resources Resource Center knows (Tag.cpp).
        {"Tag", "TagResources", tag::tagResources, true},
        {"Tag", "UntagResources", tag::untagResources, true},
        {"Tag", "ListTagResources", tag::listTagResources, false},
        {"Tag", "ListTagKeys", tag::listTagKeys, false},
        {"Tag", "ListTagValues", tag::listTagValues, false},
        // ROS stacks, made of the cloud's own resources (ros/Stacks.cpp).
        {"ROS", "CreateStack", ros::createStack, true},
        {"ROS", "GetStack", ros::getStack, false},
        {"ROS", "DeleteStack", ros::deleteStack, true},
        {"ROS", "ListStacks", ros::listStacks, false},
        {"ROS", "ListStackResources", ros::listStackResources, false},
        // Resource Center's search over the world (ResourceCenter.cpp).
        {"ResourceCenter", "SearchResources", rc::searchResources, false},
        // Security Center's assets and its agent (Sas.cpp).
        {"Sas", "DescribeCloudCenterInstances", sas::describeCloudCenterInstances, false},
        {"Sas", "OperateAgentClientInstall", sas::operateAgentClientInstall, true},
        {"Sas", "DescribeAgentInstallStatus", sas::describeAgentInstallStatus, false},
        // ECS savings plans (EcsSavingsPlans.cpp).
        {"ECS", "DescribeSavingsPlanEstimation", ecs::describeSavingsPlanEstimation, false},
        {"ECS", "DescribeSavingsPlanPrice", ecs::describeSavingsPlanPrice, false},
        {"ECS", "CreateSavingsPlan", ecs::createSavingsPlan, true},
        // ECS images.
        {"ECS", "CreateImage", ecs::createImage, true},
        {"ECS", "CopyImage", ecs::copyImage, true},
        {"ECS", "DescribeImages", ecs::describeImages, false},
        {"ECS", "DeleteImage", ecs::deleteImage, true},
        {"ECS", "ReplaceSystemDisk", ecs::replaceSystemDisk, true},
        // Cloud Assistant.
        {"ECS", "InstallCloudAssistant", ecs::installCloudAssistant, true},
        {"ECS", "DescribeCloudAssistantStatus", ecs::describeCloudAssistantStatus,
         false},
        {"ECS", "CreateCommand", ecs::createCommand, true},
        {"ECS", "DescribeCommands", ecs::describeCommands, false},
        {"ECS", "DeleteCommand", ecs::deleteCommand, true},
        {"ECS", "RunCommand", ecs::runCommand, true},
        {"ECS", "InvokeCommand", ecs::invokeCommand, true},
        {"ECS", "DescribeInvocations", ecs::describeInvocations, false},
        {"ECS", "DescribeInvocationResults", ecs::describeInvocationResults,
         false},
        // The RAM role of an instance.
        {"ECS", "DescribeInstanceRamRole", ecs::describeInstanceRamRole, false},
        {"ECS", "AttachInstanceRamRole", ecs::attachInstanceRamRole, true},
        {"ECS", "DetachInstanceRamRole", ecs::detachInstanceRamRole, true},
        // ECS tags.
        {"ECS", "TagResources", ecs::tagResources, true},
        {"ECS", "UntagResources", ecs::untagResources, true},
        {"ECS", "ListTagResources", ecs::listTagResources, false},
        // CloudMonitor: what event and alarm triggers wait on.
        {"CMS", "DescribeSystemEventAttribute", cms::describeSystemEventAttribute, false},
        {"CMS", "DescribeMetricLast", cms::describeMetricLast, false},
        // Auto Scaling groups and configurations.
        {"ESS", "DescribeScalingGroups", ess::describeScalingGroups, false},
        {"ESS", "DescribeScalingConfigurations",
         ess::describeScalingConfigurations, false},
        {"ESS", "CreateScalingConfiguration", ess::createScalingConfiguration,
         true},
        {"ESS", "ModifyScalingConfiguration", ess::modifyScalingConfiguration,
         true},
        // Auto Scaling instances and lifecycle.
        {"ESS", "DescribeScalingInstances", ess::describeScalingInstances, false},
        {"ESS", "SuspendProcesses", ess::suspendProcesses, true},
        {"ESS", "ExecuteScalingRule", ess::executeScalingRule, true},
        {"ESS", "ResumeProcesses", ess::resumeProcesses, true},
        {"ESS", "EnterStandby", ess::enterStandby, true},
        {"ESS", "ExitStandby", ess::exitStandby, true},
        {"ESS", "SetInstancesProtection", ess::setInstancesProtection, true},
        {"ESS", "CompleteLifecycleAction", ess::completeLifecycleAction, false},
        {"ESS", "DescribeScalingActivities", ess::describeScalingActivities,
         false},
    };
    oss::addApis(table);
    ram::addApis(table);
    messaging::addMnsApis(table);
    messaging::addEventBridgeApis(table);
    return table;
  }();
  return Table;
}

const ApiSpec *findApi(std::string_view service, std::string_view api) {
  for (const ApiSpec &spec : apiTable())
    if (equalsIgnoreCase(spec.service, service) &&
        equalsIgnoreCase(spec.api, api))
      return &spec;
  return nullptr;
}

} // namespace oosc::runtime::sim
