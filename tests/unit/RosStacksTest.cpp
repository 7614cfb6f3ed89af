// RosStacksTest.cpp - ROS stacks on the simulated cloud: a stack's
// resources made by the cloud's own APIs, its status moving on the world's
// clock, its outputs, a failed resource rolled back, deletion, and the
// errors CreateStack answers before it makes anything.
#include "oosc/apis/CloudApis.h"
#include "oosc/runtime/Clock.h"
#include "oosc/runtime/Simulator.h"

#include <gtest/gtest.h>

#include <chrono>

using namespace oosc::runtime;
using namespace std::chrono_literals;

namespace {

/// A VPC, a vSwitch in it, a security group and two instances, written in
/// YAML as Alibaba's templates send it.
constexpr const char *kNetworkAndInstances = R"(ROSTemplateFormatVersion: '2015-09-01'
Description: two instances in a network of their own
Parameters:
  ZoneId:
    Type: String
  ImageId:
    Type: String
    Default: aliyun_3_x64_20G_alibase_20240528.vhd
  Password:
    Type: String
    NoEcho: true
    Default: not-for-eyes
  Count:
    Type: Number
    AllowedValues: [1, 2, 3]
Conditions:
  Several:
    Fn::Not:
      - Fn::Equals: [1, {Ref: Count}]
  Three:
    Fn::And:
      - Condition: Several
      - Fn::Equals: ['3', {Ref: Count}]
Resources:
  Vsw:
    Type: ALIYUN::ECS::VSwitch
    Properties:
      VpcId: {Ref: Vpc}
      ZoneId: {Ref: ZoneId}
      CidrBlock: 192.168.1.0/24
  Vpc:
    Type: ALIYUN::ECS::VPC
    Properties:
      CidrBlock: 192.168.0.0/16
      VpcName: {Ref: ALIYUN::StackName}
  Sg:
    Type: ALIYUN::ECS::SecurityGroup
    Properties:
      VpcId: {Ref: Vpc}
      Description:
        Fn::If: [Several, many, {Ref: ALIYUN::NoValue}]
  Ecs:
    Type: ALIYUN::ECS::InstanceGroup
    Properties:
      ImageId: {Ref: ImageId}
      InstanceType: ecs.g6.large
      VSwitchId: {Ref: Vsw}
      SecurityGroupId: {Ref: Sg}
      MaxAmount: {Ref: Count}
      Tags:
        - Key: made-by
          Value: {Fn::Sub: 'stack ${ALIYUN::StackName} in ${Vsw}'}
Outputs:
  OnlyForThree:
    Condition: Three
    Value: three
  InstanceIds:
    Value: {Fn::GetAtt: [Ecs, InstanceIds]}
  Where:
    Description: the network
    Value:
      Fn::Join: ['/', [{Ref: Vpc}, {Ref: Vsw}, {Fn::GetAtt: [Vsw, ZoneId]}]]
)";

class RosStacksTest : public ::testing::Test {
protected:
  void SetUp() override {
    SimulatorOptions options;
    options.apis = &oosc::apis::cloudApis();
    options.clock = &clock;
    options.runScripts = false;
    auto opened = SimulatedCloud::open(options);
    ASSERT_TRUE(opened.ok());
    cloud = std::move(opened.value());
  }

  Value call(std::string_view service, std::string_view api, Value parameters) {
    auto answer = cloud->call(service, api, parameters);
    EXPECT_TRUE(answer.ok()) << service << "." << api << ": " << (answer.ok() ? "" : answer.error().message);
    return answer.ok() ? answer.value() : Value();
  }

  ApiError refused(std::string_view api, Value parameters) {
    auto answer = cloud->call("ROS", api, parameters);
    EXPECT_FALSE(answer.ok()) << api << " answered " << (answer.ok() ? answer.value().toJson() : "");
    return answer.ok() ? ApiError{} : answer.error();
  }

  static Value stackRequest(const std::string &name, const std::string &body, Value::List parameters = {}) {
    return Value(Value::Map{{"RegionId", "cn-hangzhou"},
                            {"StackName", name},
                            {"TemplateBody", body},
                            {"Parameters", Value(std::move(parameters))}});
  }

  static Value pair(const char *key, const char *value) {
    return Value(Value::Map{{"ParameterKey", key}, {"ParameterValue", value}});
  }

  Value stack(const std::string &id) {
    return call("ROS", "GetStack", Value(Value::Map{{"RegionId", "cn-hangzhou"}, {"StackId", id}}));
  }

  std::size_t count(std::string_view service, std::string_view api, const char *list, Value parameters) {
    Value answer = call(service, api, std::move(parameters));
    const Value *items = answer.findPath(list);
    return items && items->isList() ? items->size() : 0;
  }

  std::size_t vpcCount() {
    return count("VPC", "DescribeVpcs", "Vpcs.Vpc", Value(Value::Map{{"RegionId", "cn-hangzhou"}, {"PageSize", 50}}));
  }

  VirtualClock clock;
  std::unique_ptr<SimulatedCloud> cloud;
};

TEST_F(RosStacksTest, MakesTheResourcesAndCompletesOnTheClock) {
  std::size_t vpcsBefore = vpcCount();
  Value made = call("ROS", "CreateStack",
                    stackRequest("net", kNetworkAndInstances, {pair("ZoneId", "cn-hangzhou-h"), pair("Count", "2")}));
  std::string id = made.find("StackId")->getString();
  EXPECT_EQ(id.size(), 36u) << id;

  Value creating = stack(id);
  EXPECT_EQ(creating.find("Status")->getString(), "CREATE_IN_PROGRESS");
  EXPECT_EQ(creating.find("Outputs"), nullptr) << "outputs appear when the stack is complete";
  EXPECT_EQ(creating.find("Description")->getString(), "two instances in a network of their own");
  EXPECT_EQ(creating.toJson().find("not-for-eyes"), std::string::npos) << "a NoEcho parameter is masked";
  EXPECT_NE(creating.toJson().find(R"({"ParameterKey":"Password","ParameterValue":"******"})"), std::string::npos);

  clock.sleepFor(11s);
  Value done = stack(id);
  EXPECT_EQ(done.find("Status")->getString(), "CREATE_COMPLETE");
  EXPECT_EQ(done.find("StatusReason")->getString(), "Stack CREATE completed successfully");
  const Value &outputs = *done.find("Outputs");
  ASSERT_EQ(outputs.size(), 2u) << outputs.toJson() << ": OnlyForThree is left out, its Condition false";
  EXPECT_EQ(outputs.getList()[0].find("OutputKey")->getString(), "InstanceIds");
  const Value &instanceIds = *outputs.getList()[0].find("OutputValue");
  ASSERT_EQ(instanceIds.size(), 2u) << instanceIds.toJson();

  // The resources are the cloud's own: the instances run in the stack's
  // vSwitch, tagged as the template says.
  Value resources = call("ROS", "ListStackResources", Value(Value::Map{{"StackId", id}}));
  ASSERT_EQ(resources.find("Resources")->size(), 4u) << resources.toJson();
  EXPECT_EQ(resources.find("Resources")->getList()[0].find("LogicalResourceId")->getString(), "Vpc")
      << "the VPC is made first: the vSwitch refers to it";
  std::string vswitch, vpc;
  for (const Value &resource : resources.find("Resources")->getList()) {
    if (resource.find("LogicalResourceId")->getString() == "Vsw")
      vswitch = resource.find("PhysicalResourceId")->getString();
    if (resource.find("LogicalResourceId")->getString() == "Vpc")
      vpc = resource.find("PhysicalResourceId")->getString();
  }
  EXPECT_EQ(outputs.getList()[1].find("OutputValue")->getString(), vpc + "/" + vswitch + "/cn-hangzhou-h");
  EXPECT_EQ(outputs.getList()[1].find("Description")->getString(), "the network");
  EXPECT_EQ(vpcCount(), vpcsBefore + 1);
  Value instances = call("ECS", "DescribeInstances",
                         Value(Value::Map{{"RegionId", "cn-hangzhou"}, {"InstanceIds", instanceIds.toJson()}}));
  ASSERT_EQ(instances.findPath("Instances.Instance")->size(), 2u);
  const Value &instance = instances.findPath("Instances.Instance")->getList()[0];
  EXPECT_EQ(instance.findPath("VpcAttributes.VSwitchId")->getString(), vswitch);
  EXPECT_NE(instance.toJson().find("stack net in " + vswitch), std::string::npos) << instance.toJson();

  // Deleted: in progress, then complete; the resources are gone, GetStack
  // still answers, ListStacks leaves it out, a second delete finds nothing.
  call("ROS", "DeleteStack", Value(Value::Map{{"StackId", id}}));
  EXPECT_EQ(stack(id).find("Status")->getString(), "DELETE_IN_PROGRESS");
  clock.sleepFor(6s);
  EXPECT_EQ(stack(id).find("Status")->getString(), "DELETE_COMPLETE");
  EXPECT_EQ(vpcCount(), vpcsBefore);
  EXPECT_EQ(count("ECS", "DescribeInstances", "Instances.Instance",
                  Value(Value::Map{{"RegionId", "cn-hangzhou"}, {"InstanceIds", instanceIds.toJson()}})),
            0u);
  EXPECT_EQ(count("ROS", "ListStacks", "Stacks", Value(Value::Map{{"RegionId", "cn-hangzhou"}})), 0u);
  EXPECT_EQ(count("ROS", "ListStacks", "Stacks",
                  Value(Value::Map{{"RegionId", "cn-hangzhou"}, {"Status", Value(Value::List{"DELETE_COMPLETE"})}})),
            1u);
  EXPECT_EQ(refused("DeleteStack", Value(Value::Map{{"StackId", id}})).code, "StackNotFound");
}

TEST_F(RosStacksTest, AResourceTheCloudRefusesFailsTheStackAndIsRolledBack) {
  std::size_t vpcsBefore = vpcCount();
  Value::List parameters = {pair("ZoneId", "cn-hangzhou-h"), pair("Count", "1"), pair("ImageId", "m-none")};
  std::string id = call("ROS", "CreateStack", stackRequest("rolled", kNetworkAndInstances, parameters))
                       .find("StackId")
                       ->getString();
  clock.sleepFor(11s);
  Value failed = stack(id);
  EXPECT_EQ(failed.find("Status")->getString(), "CREATE_ROLLBACK_COMPLETE");
  std::string reason = failed.find("StatusReason")->getString();
  EXPECT_NE(reason.find("InvalidImageId.NotFound"), std::string::npos) << reason;
  EXPECT_NE(reason.find("resources.Ecs"), std::string::npos) << reason;
  EXPECT_EQ(vpcCount(), vpcsBefore) << "what the stack made before the failure is removed again";

  Value kept = stackRequest("kept", kNetworkAndInstances, parameters);
  kept.set("DisableRollback", true);
  id = call("ROS", "CreateStack", kept).find("StackId")->getString();
  clock.sleepFor(11s);
  EXPECT_EQ(stack(id).find("Status")->getString(), "CREATE_FAILED");
  EXPECT_EQ(vpcCount(), vpcsBefore + 1) << "with DisableRollback the made resources stay";
}

TEST_F(RosStacksTest, TakesParametersFlattenedAsSdksSendThem) {
  Value request = Value(Value::Map{{"RegionId", "cn-hangzhou"},
                                   {"StackName", "flat"},
                                   {"TemplateBody", kNetworkAndInstances},
                                   {"Parameters.1.ParameterKey", "ZoneId"},
                                   {"Parameters.1.ParameterValue", "cn-hangzhou-i"},
                                   {"Parameters.2.ParameterKey", "Count"},
                                   {"Parameters.2.ParameterValue", "1"}});
  std::string id = call("ROS", "CreateStack", request).find("StackId")->getString();
  clock.sleepFor(11s);
  Value done = stack(id);
  EXPECT_EQ(done.find("Status")->getString(), "CREATE_COMPLETE");
  EXPECT_NE(done.toJson().find("cn-hangzhou-i"), std::string::npos) << done.toJson();
}

TEST_F(RosStacksTest, RefusesATemplateItCannotUseAndMakesNothing) {
  std::size_t vpcsBefore = vpcCount();
  Value::List ok = {pair("ZoneId", "cn-hangzhou-h"), pair("Count", "1")};
  auto codeOf = [&](Value request) { return refused("CreateStack", std::move(request)).code; };
  EXPECT_EQ(codeOf(stackRequest("a", kNetworkAndInstances, {pair("Count", "1")})), "StackValidationFailed")
      << "ZoneId has no Default";
  EXPECT_EQ(codeOf(stackRequest("a", kNetworkAndInstances, {pair("ZoneId", "z"), pair("Count", "4")})),
            "StackValidationFailed")
      << "Count is not one of its AllowedValues";
  EXPECT_EQ(codeOf(stackRequest("a", kNetworkAndInstances, {pair("ZoneId", "z"), pair("Count", "1"), pair("X", "1")})),
            "UnknownUserParameter");
  EXPECT_EQ(codeOf(stackRequest("a", "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  A:\n    Type: "
                                     "ALIYUN::FC::Service\n")),
            "NotImplemented");
  EXPECT_EQ(codeOf(stackRequest("a", "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  A:\n    Type: "
                                     "ALIYUN::ECS::VPC\n    Properties: {VpcName: {Ref: Nothing}}\n")),
            "InvalidTemplate");
  EXPECT_EQ(codeOf(stackRequest("a", "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  A:\n    Type: "
                                     "ALIYUN::ECS::VPC\n    Properties: {VpcName: {Fn::Base64: x}}\n")),
            "NotImplemented");
  EXPECT_EQ(codeOf(stackRequest("a", "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n"
                                     "  A: {Type: ALIYUN::ECS::VPC, DependsOn: B}\n"
                                     "  B: {Type: ALIYUN::ECS::VPC, DependsOn: A}\n")),
            "InvalidTemplate");
  EXPECT_EQ(codeOf(stackRequest("a", "Resources:\n  a: [unclosed\n")), "InvalidTemplate");
  EXPECT_EQ(codeOf(stackRequest("1-starts-with-a-digit", kNetworkAndInstances, ok)), "InvalidParameter");
  Value fromUrl = stackRequest("a", "", ok);
  fromUrl.set("TemplateURL", "https://example.com/template.json");
  EXPECT_EQ(codeOf(fromUrl), "NotImplemented");
  EXPECT_EQ(vpcCount(), vpcsBefore) << "a refused CreateStack makes nothing";

  call("ROS", "CreateStack", stackRequest("twice", kNetworkAndInstances, ok));
  ApiError again = refused("CreateStack", stackRequest("twice", kNetworkAndInstances, ok));
  EXPECT_EQ(again.code, "StackExists");
  EXPECT_EQ(again.httpStatus, 409);
  ApiError missing = refused("GetStack", Value(Value::Map{{"StackId", "5a1c0000-0000-4000-8000-999999999999"}}));
  EXPECT_EQ(missing.code, "StackNotFound");
  EXPECT_EQ(missing.httpStatus, 404);
}

TEST_F(RosStacksTest, MakesRamRolesAndPoliciesAttachedToThem) {
  const char *body = R"({"ROSTemplateFormatVersion": "2015-09-01",
    "Resources": {
      "Role": {"Type": "ALIYUN::RAM::Role", "Properties": {"RoleName": "stack-role",
        "AssumeRolePolicyDocument": {"Version": "1", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
          "Principal": {"RAM": [{"Fn::Sub": ["acs:ram::${uid}:root", {"uid": "1234567890123456"}]}]}}]},
        "Policies": [{"PolicyName": "inline-policy", "PolicyDocument": {"Version": "1", "Statement": []}}]}},
      "Policy": {"Type": "ALIYUN::RAM::ManagedPolicy", "Properties": {"PolicyName": "stack-policy",
        "PolicyDocumentUnchecked": {"Version": "1", "Statement": []},
        "Roles": [{"Fn::GetAtt": ["Role", "RoleName"]}]}}},
    "Outputs": {"Role": {"Value": {"Fn::GetAtt": ["Role", "RoleName"]}}}})";
  // Who runs executions on the simulated cloud is a user its account has.
  call("RAM", "GetUser", Value(Value::Map{{"UserName", std::string(SimulatedCloud::OperatorUser)}}));
  std::string id = call("ROS", "CreateStack", stackRequest("ram", body)).find("StackId")->getString();
  clock.sleepFor(11s);
  Value done = stack(id);
  ASSERT_EQ(done.find("Status")->getString(), "CREATE_COMPLETE") << done.toJson();
  EXPECT_EQ(done.findPath("Outputs")->getList()[0].find("OutputValue")->getString(), "stack-role");
  Value role = call("RAM", "GetRole", Value(Value::Map{{"RoleName", "stack-role"}}));
  EXPECT_NE(role.findPath("Role.AssumeRolePolicyDocument")->getString().find("acs:ram::1234567890123456:root"),
            std::string::npos)
      << role.toJson();
  call("RAM", "GetPolicy", Value(Value::Map{{"PolicyName", "stack-policy"}, {"PolicyType", "Custom"}}));
  // The role's inline policy is a custom policy of its own attached to it,
  // as is the managed policy that names the role.
  Value attached = call("RAM", "ListPoliciesForRole", Value(Value::Map{{"RoleName", "stack-role"}}));
  EXPECT_NE(attached.toJson().find(R"("PolicyName":"inline-policy")"), std::string::npos) << attached.toJson();
  EXPECT_NE(attached.toJson().find(R"("PolicyName":"stack-policy")"), std::string::npos) << attached.toJson();

  call("ROS", "DeleteStack", Value(Value::Map{{"StackId", id}}));
  clock.sleepFor(6s);
  EXPECT_EQ(stack(id).find("Status")->getString(), "DELETE_COMPLETE") << stack(id).toJson();
  EXPECT_FALSE(cloud->call("RAM", "GetRole", Value(Value::Map{{"RoleName", "stack-role"}})).ok());
  EXPECT_FALSE(
      cloud->call("RAM", "GetPolicy", Value(Value::Map{{"PolicyName", "inline-policy"}, {"PolicyType", "Custom"}}))
          .ok());

  const char *nowhere = R"({"ROSTemplateFormatVersion": "2015-09-01",
    "Resources": {"Policy": {"Type": "ALIYUN::RAM::ManagedPolicy", "Properties": {"PolicyName": "lost-policy",
      "PolicyDocument": {"Version": "1", "Statement": []}, "Roles": ["no-such-role"]}}}})";
  id = call("ROS", "CreateStack", stackRequest("nowhere", nowhere)).find("StackId")->getString();
  clock.sleepFor(11s);
  Value failed = stack(id);
  EXPECT_EQ(failed.find("Status")->getString(), "CREATE_ROLLBACK_COMPLETE") << failed.toJson();
  EXPECT_NE(failed.find("StatusReason")->getString().find("no-such-role"), std::string::npos) << failed.toJson();
  EXPECT_FALSE(
      cloud->call("RAM", "GetPolicy", Value(Value::Map{{"PolicyName", "lost-policy"}, {"PolicyType", "Custom"}}))
          .ok())
      << "the policy made before the failed attachment is removed again";
}

} // namespace
