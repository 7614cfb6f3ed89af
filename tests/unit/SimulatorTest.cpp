// SimulatorTest.cpp - The simulated cloud at API level: the update-image and
// ESS image-swap flows, state machines, filters and paging, fault injection,
// persistence and determinism.
#include "oosc/runtime/Simulator.h"
#include "oosc/runtime/Clock.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <sys/resource.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

using namespace oosc::runtime;
using namespace std::chrono_literals;

namespace oosc::runtime {
// Readable gtest failure messages (internal: other test files have theirs).
static void PrintTo(const Value &value, std::ostream *os) {
  *os << value.toJson();
}
} // namespace oosc::runtime

namespace {

constexpr const char *Centos7 = "centos_7_9_x64_20G_alibase_20240628.vhd";
constexpr const char *Centos6 = "centos_6_10_64_20G_alibase_20190326.vhd";
constexpr const char *VSwitchH = "vsw-simcnhangzhouh";
constexpr const char *SecurityGroup = "sg-simcnhangzhou";
constexpr const char *SeededGroup = "asg-sim000000000001";
constexpr const char *ActiveConfiguration = "asc-sim000000000001";
constexpr const char *SpareConfiguration = "asc-sim000000000002";
constexpr const char *SeededImage = "m-sim000000000001";
constexpr const char *SeededInstance = "i-sim000000000001";

Value params(std::initializer_list<Value::Member> members) {
  return Value(Value::Map(members));
}

Value strings(std::initializer_list<const char *> items) {
  Value::List values;
  for (const char *item : items)
    values.emplace_back(item);
  return Value(std::move(values));
}

/// The value at a dotted path ("Instances.Instance.0.Status"); null if absent.
Value at(const Value &root, std::string_view path) {
  const Value *current = &root;
  while (!path.empty()) {
    std::size_t dot = path.find('.');
    std::string key(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view()
                                         : path.substr(dot + 1);
    if (current->isList()) {
      std::size_t index = std::stoul(key);
      if (index >= current->size())
        return Value();
      current = &current->getList()[index];
    } else if (const Value *member = current->find(key)) {
      current = member;
    } else {
      return Value();
    }
  }
  return *current;
}

std::string text(const Value &root, std::string_view path) {
  Value value = at(root, path);
  return value.isString() ? value.getString() : value.toJson();
}

std::string readAll(const std::filesystem::path &path) {
  std::ifstream in(path);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

class SimulatorTest : public ::testing::Test {
protected:
  SimulatorOptions options(std::uint64_t seed = 1) {
    SimulatorOptions result;
    result.clock = &clock;
    result.seed = seed;
    return result;
  }

  Value call(std::string_view service, std::string_view api,
             const Value &parameters = params({})) {
    auto result = cloud->call(service, api, parameters);
    if (!result) {
      ADD_FAILURE() << api << " failed: " << result.error().code << ": "
                    << result.error().message;
      return Value();
    }
    return result.value();
  }

  ApiError callError(std::string_view service, std::string_view api,
                     const Value &parameters = params({})) {
    auto result = cloud->call(service, api, parameters);
    if (result) {
      ADD_FAILURE() << api
                    << " unexpectedly succeeded: " << result.value().toJson();
      return ApiError{};
    }
    return result.error();
  }

  /// Advances virtual time a second at a time until \p done holds.
  bool waitUntil(const std::function<bool()> &done, int maxSeconds = 120) {
    for (int second = 0; second <= maxSeconds; ++second) {
      if (done())
        return true;
      clock.sleepFor(1s);
    }
    return false;
  }

  std::string runInstance(const char *image = Centos7,
                          Value extra = params({})) {
    Value request = params({{"RegionId", "cn-hangzhou"},
                            {"ImageId", image},
                            {"InstanceType", "ecs.g6.large"},
                            {"SecurityGroupId", SecurityGroup},
                            {"VSwitchId", VSwitchH}});
    for (const auto &[key, value] : extra.getMap())
      request.set(key, value);
    return text(call("ECS", "RunInstances", request),
                "InstanceIdSets.InstanceIdSet.0");
  }

  std::string status(const std::string &instanceId) {
    Value response =
        call("ECS", "DescribeInstances",
             params({{"InstanceIds", strings({instanceId.c_str()})}}));
    return text(response, "Instances.Instance.0.Status");
  }

  std::string runningInstance(const char *image = Centos7) {
    std::string id = runInstance(image);
    EXPECT_TRUE(waitUntil([&] { return status(id) == "Running"; }));
    return id;
  }

  /// Runs a command and waits for the legacy InvokeStatus to leave Running.
  Value finishedInvocation(const std::string &instanceId, const char *script,
                           Value extra = params({})) {
    Value request = params({{"CommandContent", script},
                            {"Type", "RunShellScript"},
                            {"InstanceIds", strings({instanceId.c_str()})}});
    for (const auto &[key, value] : extra.getMap())
      request.set(key, value);
    std::string invokeId = text(call("ECS", "RunCommand", request), "InvokeId");
    Value invocation;
    EXPECT_TRUE(waitUntil([&] {
      invocation =
          call("ECS", "DescribeInvocations",
               params({{"InvokeId", invokeId}, {"IncludeOutput", true}}));
      return text(invocation, "Invocations.Invocation.0.InvokeStatus") !=
             "Running";
    }));
    return invocation;
  }

  std::filesystem::path tempPath(const std::string &suffix) {
    std::string name =
        ::testing::UnitTest::GetInstance()->current_test_info()->name();
    auto path = std::filesystem::temp_directory_path() /
                ("oosc-simulator-" + name + "-" + suffix);
    std::filesystem::remove(path);
    cleanup.push_back(path);
    return path;
  }

  void TearDown() override {
    std::error_code ignored;
    for (const auto &path : cleanup) {
      std::filesystem::remove_all(path, ignored);
      std::filesystem::remove(path.string() + ".lock", ignored);
      std::filesystem::remove_all(path.string() + ".instances", ignored);
    }
  }

  VirtualClock clock;
  std::unique_ptr<SimulatedCloud> cloud =
      std::make_unique<SimulatedCloud>(options());
  std::vector<std::filesystem::path> cleanup;
};

//===-- Calls, errors, request ids
//------------------------------------------===//

TEST_F(SimulatorTest, EveryResponseAndErrorHasARequestId) {
  Value response = call("ECS", "DescribeRegions");
  std::string id = text(response, "RequestId");
  ASSERT_EQ(id.size(), 36u);
  EXPECT_EQ(id[8], '-');
  EXPECT_EQ(id[14], '4');
  ApiError error =
      callError("ECS", "StopInstance", params({{"InstanceId", "i-nope"}}));
  EXPECT_EQ(error.requestId.size(), 36u);
  EXPECT_NE(error.requestId, id);
}

TEST_F(SimulatorTest, ServiceAndApiNamesIgnoreCase) {
  Value response = call("ecs", "describeinstances");
  EXPECT_EQ(at(response, "TotalCount"), Value(2));
  EXPECT_TRUE(cloud->call("Ess", "DESCRIBESCALINGGROUPS", params({})));
}

TEST_F(SimulatorTest, UnknownApiNamesServiceAndApi) {
  ApiError error = callError("ECS", "LaunchRocket");
  EXPECT_EQ(error.code, "InvalidApi.NotFound");
  EXPECT_EQ(error.httpStatus, 404);
  EXPECT_NE(error.message.find("LaunchRocket"), std::string::npos);
  EXPECT_NE(error.message.find("ECS"), std::string::npos);
  EXPECT_EQ(callError("RDS", "DescribeInstances").code, "InvalidApi.NotFound");
}

TEST_F(SimulatorTest, ApiErrorBodyIsShapedLikeTheRealOne) {
  ApiError error = callError("ECS", "RunInstances",
                             params({{"InstanceType", "ecs.g6.large"}}));
  Value body = error.body();
  EXPECT_EQ(at(body, "Code"), Value("MissingParameter"));
  EXPECT_NE(text(body, "Message").find("\"ImageId\""), std::string::npos);
  EXPECT_EQ(at(body, "HttpStatus"), Value(400));
  EXPECT_EQ(at(body, "RequestId"), Value(error.requestId));
}

TEST_F(SimulatorTest, SeededGeographyAndNetwork) {
  EXPECT_EQ(call("ECS", "DescribeRegions").toJson().find("ap-southeast-1") !=
                std::string::npos,
            true);
  EXPECT_EQ(at(call("ECS", "DescribeZones"), "Zones.Zone").size(), 4u);
  Value vSwitches =
      call("VPC", "DescribeVSwitches", params({{"ZoneId", "cn-hangzhou-i"}}));
  EXPECT_EQ(at(vSwitches, "VSwitches.VSwitch.0.VSwitchId"),
            Value("vsw-simcnhangzhoui"));
  Value groups = call("ECS", "DescribeSecurityGroups",
                      params({{"RegionId", "cn-beijing"}}));
  EXPECT_EQ(at(groups, "SecurityGroups.SecurityGroup.0.SecurityGroupId"),
            Value("sg-simcnbeijing"));
  EXPECT_EQ(
      callError("ECS", "DescribeZones", params({{"RegionId", "mars-1"}})).code,
      "InvalidRegionId.NotFound");
}

//===-- Instances
//------------------------------------------------------------===//

TEST_F(SimulatorTest, RunInstancesGoesPendingStartingRunning) {
  std::string id = runInstance();
  EXPECT_EQ(id, "i-sim000000000003"); // Two instances are seeded.
  EXPECT_EQ(status(id), "Pending");
  clock.sleepFor(1s);
  EXPECT_EQ(status(id), "Starting");
  clock.sleepFor(4s);
  EXPECT_EQ(status(id), "Running");
  Value instance = call("ECS", "DescribeInstances",
                        params({{"InstanceIds", "[\"" + id + "\"]"}}));
  EXPECT_EQ(text(instance, "Instances.Instance.0.StartTime"),
            "2024-01-01T00:00Z");
  EXPECT_EQ(at(instance, "Instances.Instance.0.VpcAttributes.VSwitchId"),
            Value(VSwitchH));
  EXPECT_EQ(
      at(instance, "Instances.Instance.0.SecurityGroupIds.SecurityGroupId.0"),
      Value(SecurityGroup));
  EXPECT_EQ(at(instance, "Instances.Instance.0.OSType"), Value("linux"));
  EXPECT_EQ(at(instance, "Instances.Instance.0.Cpu"), Value(2));
  EXPECT_TRUE(at(instance, "Instances.Instance.0.Simulated").isNull());
}

TEST_F(SimulatorTest, AClientTokenMakesARepeatAnswerTheFirstCallAndMakeNothing) {
  std::string first = runInstance(Centos7, params({{"ClientToken", "token-1"}}));
  std::string again = runInstance(Centos7, params({{"ClientToken", "token-1"}}));
  EXPECT_EQ(again, first);
  Value all = call("ECS", "DescribeInstances");
  EXPECT_EQ(at(all, "TotalCount"), Value(3)); // two seeded, one made
  std::string other = runInstance(Centos7, params({{"ClientToken", "token-2"}}));
  EXPECT_NE(other, first);
  ApiError mismatch = callError("ECS", "RunInstances",
                                params({{"RegionId", "cn-hangzhou"},
                                        {"ImageId", Centos7},
                                        {"InstanceType", "ecs.g6.xlarge"},
                                        {"SecurityGroupId", SecurityGroup},
                                        {"VSwitchId", VSwitchH},
                                        {"ClientToken", "token-1"}}));
  EXPECT_EQ(mismatch.code, "IdempotentParameterMismatch");
}

TEST_F(SimulatorTest,
       RunInstancesAcceptsNumbersAsStringsAndDefaultsTheNetwork) {
  Value response = call("ECS", "RunInstances",
                        params({{"ImageId", Centos7},
                                {"InstanceType", "ecs.c6.xlarge"},
                                {"Amount", "3"},
                                {"InternetMaxBandwidthOut", "5"}}));
  Value ids = at(response, "InstanceIdSets.InstanceIdSet");
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.getList()[2], Value("i-sim000000000005"));
  Value instance =
      call("ECS", "DescribeInstances", params({{"InstanceIds", ids}}));
  EXPECT_EQ(at(instance, "TotalCount"), Value(3));
  EXPECT_EQ(at(instance, "Instances.Instance.0.ZoneId"),
            Value("cn-hangzhou-h"));
  EXPECT_EQ(at(instance, "Instances.Instance.0.Memory"), Value(8192));
  EXPECT_EQ(at(instance, "Instances.Instance.0.InternetMaxBandwidthOut"),
            Value(5));
}

TEST_F(SimulatorTest, RunInstancesRejectsBadRequests) {
  EXPECT_EQ(callError("ECS", "RunInstances",
                      params({{"ImageId", "m-missing"},
                              {"InstanceType", "ecs.g6.large"}}))
                .code,
            "InvalidImageId.NotFound");
  EXPECT_EQ(
      callError("ECS", "RunInstances",
                params({{"ImageId", Centos7}, {"InstanceType", "t2.micro"}}))
          .code,
      "InvalidInstanceType.ValueNotSupported");
  EXPECT_EQ(callError("ECS", "RunInstances",
                      params({{"ImageId", Centos7},
                              {"InstanceType", "ecs.g6.large"},
                              {"VSwitchId", "vsw-nope"}}))
                .code,
            "InvalidVSwitchId.NotFound");
  EXPECT_EQ(callError("ECS", "RunInstances",
                      params({{"ImageId", Centos7},
                              {"InstanceType", "ecs.g6.large"},
                              {"Amount", "lots"}}))
                .code,
            "InvalidParameter");
  ApiError dryRun = callError("ECS", "RunInstances",
                              params({{"ImageId", Centos7},
                                      {"InstanceType", "ecs.g6.large"},
                                      {"DryRun", true}}));
  EXPECT_EQ(dryRun.code, "DryRunOperation");
  EXPECT_EQ(at(call("ECS", "DescribeInstances"), "TotalCount"), Value(2));
}

TEST_F(SimulatorTest, StopAndStartFollowTheStateMachine) {
  std::string id = runInstance();
  ApiError early =
      callError("ECS", "StopInstance", params({{"InstanceId", id}}));
  EXPECT_EQ(early.code, "IncorrectInstanceStatus");
  EXPECT_EQ(early.httpStatus, 403);
  ASSERT_TRUE(waitUntil([&] { return status(id) == "Running"; }));
  EXPECT_EQ(
      callError("ECS", "StartInstance", params({{"InstanceId", id}})).code,
      "IncorrectInstanceStatus");
  call("ECS", "StopInstance",
       params({{"InstanceId", id}, {"StoppedMode", "StopCharging"}}));
  EXPECT_EQ(status(id), "Stopping");
  ASSERT_TRUE(waitUntil([&] { return status(id) == "Stopped"; }));
  EXPECT_EQ(callError("ECS", "StopInstance", params({{"InstanceId", id}})).code,
            "IncorrectInstanceStatus");
  call("ECS", "StartInstance", params({{"InstanceId", id}}));
  EXPECT_EQ(status(id), "Starting");
  EXPECT_TRUE(waitUntil([&] { return status(id) == "Running"; }));
}

TEST_F(SimulatorTest, RebootPassesThroughStoppingAndStarting) {
  std::string id = runningInstance();
  call("ECS", "RebootInstance", params({{"InstanceId", id}}));
  EXPECT_EQ(status(id), "Stopping");
  clock.sleepFor(2s);
  EXPECT_EQ(status(id), "Starting");
  EXPECT_TRUE(waitUntil([&] { return status(id) == "Running"; }, 10));
}

TEST_F(SimulatorTest, DeleteInstanceNeedsForceUnlessStopped) {
  std::string id = runningInstance();
  EXPECT_EQ(
      callError("ECS", "DeleteInstance", params({{"InstanceId", id}})).code,
      "IncorrectInstanceStatus");
  call("ECS", "DeleteInstance",
       params({{"InstanceId", id}, {"Force", "true"}}));
  EXPECT_EQ(at(call("ECS", "DescribeInstances",
                    params({{"InstanceIds", strings({id.c_str()})}})),
               "TotalCount"),
            Value(0));
  ApiError gone =
      callError("ECS", "DeleteInstance", params({{"InstanceId", id}}));
  EXPECT_EQ(gone.code, "InvalidInstanceId.NotFound");
  EXPECT_EQ(gone.httpStatus, 404);
}

TEST_F(SimulatorTest, DeletionProtectionBlocksDelete) {
  std::string id = runningInstance();
  call("ECS", "ModifyInstanceAttribute",
       params({{"InstanceId", id},
               {"DeletionProtection", true},
               {"InstanceName", "keep"}}));
  EXPECT_EQ(callError("ECS", "DeleteInstance",
                      params({{"InstanceId", id}, {"Force", true}}))
                .code,
            "InvalidOperation.DeletionProtection");
  EXPECT_EQ(call("ECS", "DescribeInstances", params({{"InstanceName", "ke*"}}))
                    .toJson()
                    .find(id) != std::string::npos,
            true);
}

TEST_F(SimulatorTest, ModifyInstanceAttributeAppliesEveryParameterOrNone) {
  std::string id = runningInstance();
  std::string burstableId = text(call("ECS", "RunInstances",
                                      params({{"RegionId", "cn-hangzhou"}, {"ImageId", Centos7},
                                              {"InstanceType", "ecs.t6-c1m1.large"}, {"VSwitchId", VSwitchH}})),
                                 "InstanceIdSets.InstanceIdSet.0");
  auto instance = [&](const std::string &which) {
    return at(call("ECS", "DescribeInstances", params({{"InstanceIds", strings({which.c_str()})}})),
              "Instances.Instance.0");
  };
  // A credit specification is for burstable types only.
  ApiError notBurstable = callError("ECS", "ModifyInstanceAttribute",
                                    params({{"InstanceId", id}, {"CreditSpecification", "Unlimited"}}));
  EXPECT_EQ(notBurstable.code, "InvalidParameter");
  call("ECS", "ModifyInstanceAttribute", params({{"InstanceId", burstableId}, {"CreditSpecification", "Unlimited"}}));
  EXPECT_EQ(at(instance(burstableId), "CreditSpecification"), Value("Unlimited"));
  // A weak password is refused without repeating it, and nothing else changes.
  ApiError weak = callError("ECS", "ModifyInstanceAttribute",
                            params({{"InstanceId", id}, {"InstanceName", "renamed"}, {"Password", "letmein"}}));
  EXPECT_EQ(weak.code, "InvalidPassword.Malformed");
  EXPECT_EQ(weak.message.find("letmein"), std::string::npos) << weak.message;
  EXPECT_NE(at(instance(id), "InstanceName"), Value("renamed"));
  // Security groups must exist where the instance is.
  EXPECT_EQ(callError("ECS", "ModifyInstanceAttribute",
                      params({{"InstanceId", id}, {"SecurityGroupIds", strings({"sg-simcnbeijing"})}}))
                .code,
            "InvalidSecurityGroupId.NotFound");
  EXPECT_EQ(callError("ECS", "ModifyInstanceAttribute", params({{"InstanceId", id}, {"UserData", "not base64!"}})).code,
            "InvalidParameter");
  call("ECS", "ModifyInstanceAttribute",
       params({{"InstanceId", id}, {"Password", "Sim-Passw0rd"}, {"UserData", "ZWNobyBoaQ=="},
               {"SecurityGroupIds", "[\"" + std::string(SecurityGroup) + "\"]"}, {"InstanceName", "renamed"}}));
  Value changed = instance(id);
  EXPECT_EQ(at(changed, "InstanceName"), Value("renamed"));
  EXPECT_EQ(at(changed, "SecurityGroupIds.SecurityGroupId.0"), Value(SecurityGroup));
  // Neither the password nor the user data is in a Describe answer.
  EXPECT_EQ(changed.toJson().find("Sim-Passw0rd"), std::string::npos);
  EXPECT_EQ(changed.toJson().find("ZWNobyBoaQ=="), std::string::npos);
}

TEST_F(SimulatorTest, InstanceIdsAcceptListsAndJsonStrings) {
  std::string first = runInstance();
  std::string second = runInstance();
  Value asList =
      call("ECS", "DescribeInstances",
           params({{"InstanceIds", strings({first.c_str(), second.c_str()})}}));
  Value asJson = call(
      "ECS", "DescribeInstances",
      params({{"InstanceIds", "[\"" + first + "\", \"" + second + "\"]"}}));
  EXPECT_EQ(at(asList, "TotalCount"), Value(2));
  EXPECT_EQ(at(asList, "Instances"), at(asJson, "Instances"));
  EXPECT_EQ(callError("ECS", "DescribeInstances",
                      params({{"InstanceIds", "[\"i-1\""}}))
                .code,
            "InvalidInstanceIds.Malformed");
}

TEST_F(SimulatorTest, DescribeInstancesPagesByNumber) {
  for (int i = 0; i < 5; ++i)
    runInstance();
  std::vector<std::size_t> sizes;
  for (const char *page : {"1", "2", "3"}) {
    Value response = call("ECS", "DescribeInstances",
                          params({{"PageNumber", page}, {"PageSize", 3}}));
    EXPECT_EQ(at(response, "TotalCount"), Value(7));
    EXPECT_EQ(at(response, "PageSize"), Value(3));
    sizes.push_back(at(response, "Instances.Instance").size());
  }
  EXPECT_EQ(sizes, (std::vector<std::size_t>{3, 3, 1}));
  ApiError tooLarge =
      callError("ECS", "DescribeInstances", params({{"PageSize", 101}}));
  EXPECT_EQ(tooLarge.code, "InvalidParameter");
  EXPECT_NE(tooLarge.message.find("PageSize"), std::string::npos);
}

TEST_F(SimulatorTest, DescribeInstancesPagesByNextToken) {
  for (int i = 0; i < 4; ++i)
    runInstance();
  std::vector<std::string> seen;
  Value request = params({{"MaxResults", 4}});
  for (int pages = 0; pages < 5; ++pages) {
    Value response = call("ECS", "DescribeInstances", request);
    Value page = at(response, "Instances.Instance");
    for (const Value &instance : page.getList())
      seen.push_back(text(instance, "InstanceId"));
    std::string token = text(response, "NextToken");
    if (token.empty())
      break;
    request.set("NextToken", token);
  }
  ASSERT_EQ(seen.size(), 6u);
  EXPECT_EQ(seen.front(), SeededInstance);
  EXPECT_EQ(seen.back(), "i-sim000000000006");
  EXPECT_EQ(
      callError("ECS", "DescribeInstances", params({{"NextToken", "bogus"}}))
          .code,
      "InvalidParameter");
}

TEST_F(SimulatorTest, DescribeInstancesFilters) {
  std::string tagged = runInstance(
      Centos7, params({{"Tags", Value(Value::List{params(
                                    {{"Key", "env"}, {"Value", "prod"}})})}}));
  runInstance(Centos7, params({{"Tag.1.Key", "env"}, {"Tag.1.Value", "dev"}}));
  Value prod = call("ECS", "DescribeInstances",
                    params({{"Tag.1.Key", "env"}, {"Tag.1.Value", "prod"}}));
  EXPECT_EQ(at(prod, "TotalCount"), Value(1));
  EXPECT_EQ(at(prod, "Instances.Instance.0.InstanceId"), Value(tagged));
  EXPECT_EQ(at(prod, "Instances.Instance.0.Tags.Tag.0.TagValue"),
            Value("prod"));
  EXPECT_EQ(at(call("ECS", "DescribeInstances", params({{"Tag.1.Key", "env"}})),
               "TotalCount"),
            Value(2));
  EXPECT_EQ(
      at(call("ECS", "DescribeInstances", params({{"Status", "Running"}})),
         "TotalCount"),
      Value(2)); // The seeded scaling group's instances.
  EXPECT_EQ(at(call("ECS", "DescribeInstances",
                    params({{"RegionId", "cn-beijing"}})), // cn-shanghai has the fleet
               "TotalCount"),
            Value(0));
  Value statuses =
      call("ECS", "DescribeInstanceStatus", params({{"InstanceId.1", tagged}}));
  EXPECT_EQ(at(statuses, "InstanceStatuses.InstanceStatus.0.Status"),
            Value("Pending"));
}

TEST_F(SimulatorTest, FullStatusOfInstancesHasTheirStatusAndHealth) {
  // Alibaba's ACS::ECS::CreateDiagnoseReportForInstanceConnectionFailure
  // passes InstanceId as a list and reads HealthStatus.Name.
  Value full = call("ECS", "DescribeInstancesFullStatus",
                    params({{"RegionId", "cn-hangzhou"}, {"InstanceId", strings({SeededInstance})}}));
  EXPECT_EQ(text(full, "InstanceFullStatusSet.InstanceFullStatusType.0.InstanceId"), SeededInstance);
  EXPECT_EQ(text(full, "InstanceFullStatusSet.InstanceFullStatusType.0.Status.Name"), "Running");
  EXPECT_EQ(at(full, "InstanceFullStatusSet.InstanceFullStatusType.0.Status.Code"), Value(1));
  EXPECT_EQ(text(full, "InstanceFullStatusSet.InstanceFullStatusType.0.HealthStatus.Name"), "Ok");
  EXPECT_EQ(at(full, "TotalCount"), Value(1));
  Value stopped = call("ECS", "DescribeInstancesFullStatus",
                       params({{"RegionId", "cn-hangzhou"}, {"Status", "Stopped"}}));
  EXPECT_EQ(at(stopped, "TotalCount"), Value(0));
  Value withEvents = call("ECS", "DescribeInstancesFullStatus",
                          params({{"RegionId", "cn-hangzhou"}, {"EventType", "SystemMaintenance.Reboot"}}));
  EXPECT_EQ(at(withEvents, "TotalCount"), Value(0)); // no scheduled events in the simulated cloud
  EXPECT_EQ(callError("ECS", "DescribeInstancesFullStatus",
                      params({{"RegionId", "cn-hangzhou"}, {"InstanceId.1", "i-nope"}}))
                .code,
            "InvalidInstanceId.NotFound");
}

//===-- Cloud Assistant
//-------------------------------------------------------===//

TEST_F(SimulatorTest, CloudAssistantInstallsOnInstancesWithoutIt) {
  std::string id = runningInstance(Centos6);
  auto agentStatus = [&] {
    return text(
        call("ECS", "DescribeCloudAssistantStatus",
             params({{"InstanceId", strings({id.c_str()})}})),
        "InstanceCloudAssistantStatusSet.InstanceCloudAssistantStatus.0."
        "CloudAssistantStatus");
  };
  EXPECT_EQ(agentStatus(), "false");
  Value failed = finishedInvocation(id, "echo hi");
  EXPECT_EQ(at(failed, "Invocations.Invocation.0.InvokeStatus"),
            Value("Failed"));
  EXPECT_EQ(
      at(failed,
         "Invocations.Invocation.0.InvokeInstances.InvokeInstance.0.ErrorCode"),
      Value("ClientNotRunning"));
  call("ECS", "InstallCloudAssistant",
       params({{"InstanceIds", strings({id.c_str()})}}));
  EXPECT_EQ(agentStatus(), "false"); // Still installing.
  EXPECT_TRUE(waitUntil([&] { return agentStatus() == "true"; }, 10));
  EXPECT_EQ(text(finishedInvocation(id, "echo hi"),
                 "Invocations.Invocation.0.InvocationStatus"),
            "Success");
}

TEST_F(SimulatorTest, AgentInstallInterruptedByRebootStartsWithTheInstance) {
  std::string id = runningInstance(Centos6);
  call("ECS", "InstallCloudAssistant", params({{"InstanceId", id}}));
  call("ECS", "RebootInstance", params({{"InstanceId", id}}));
  ASSERT_TRUE(waitUntil([&] { return status(id) == "Running"; }, 20));
  Value agent = call("ECS", "DescribeCloudAssistantStatus",
                     params({{"InstanceId.1", id}}));
  EXPECT_EQ(at(agent, "InstanceCloudAssistantStatusSet."
                      "InstanceCloudAssistantStatus.0.CloudAssistantStatus"),
            Value("true"));
}

TEST_F(SimulatorTest, AnInstancesRamRoleIsAttachedReadAndDetachedPerInstance) {
  std::string id = runningInstance();
  Value attached = call("ECS", "AttachInstanceRamRole",
                        params({{"InstanceIds", Value("[\"" + id + "\", \"i-nosuch\"]")}, {"RamRoleName", "app-role"}}));
  EXPECT_EQ(at(attached, "TotalCount"), Value(2));
  EXPECT_EQ(at(attached, "FailCount"), Value(1));
  EXPECT_EQ(at(attached, "AttachInstanceRamRoleResults.AttachInstanceRamRoleResult.0.Success"), Value(true));
  EXPECT_EQ(at(attached, "AttachInstanceRamRoleResults.AttachInstanceRamRoleResult.1.Code"),
            Value("InvalidInstanceId.NotFound"));
  Value again = call("ECS", "AttachInstanceRamRole",
                     params({{"InstanceIds", strings({id.c_str()})}, {"RamRoleName", "other-role"}}));
  EXPECT_EQ(at(again, "FailCount"), Value(1)) << "one role per instance";
  Value read = call("ECS", "DescribeInstanceRamRole", params({{"InstanceIds", strings({id.c_str()})}}));
  EXPECT_EQ(at(read, "InstanceRamRoleSets.InstanceRamRoleSet.0.RamRoleName"), Value("app-role"));
  EXPECT_EQ(at(read, "TotalCount"), Value(1));
  Value detached = call("ECS", "DetachInstanceRamRole", params({{"InstanceIds", strings({id.c_str()})}}));
  EXPECT_EQ(at(detached, "FailCount"), Value(0));
  Value gone = call("ECS", "DescribeInstanceRamRole", params({{"InstanceIds", strings({id.c_str()})}}));
  EXPECT_EQ(at(gone, "InstanceRamRoleSets.InstanceRamRoleSet.0.RamRoleName"), Value(""));
  EXPECT_EQ(callError("ECS", "AttachInstanceRamRole", params({{"InstanceIds", strings({id.c_str()})}})).code,
            "MissingParameter");
}

TEST_F(SimulatorTest, RunCommandSucceedsWithBase64Output) {
  std::string id = runningInstance();
  Value invocation =
      finishedInvocation(id, "#!/bin/bash\necho hello\necho 'big world'");
  EXPECT_EQ(at(invocation, "Invocations.Invocation.0.InvokeStatus"),
            Value("Finished"));
  EXPECT_EQ(at(invocation, "Invocations.Invocation.0.InvocationStatus"),
            Value("Success"));
  std::string invokeId = text(invocation, "Invocations.Invocation.0.InvokeId");
  EXPECT_EQ(invokeId, "t-sim000000000001");
  Value results = call("ECS", "DescribeInvocationResults",
                       params({{"InvokeId", invokeId}}));
  EXPECT_EQ(
      at(results, "Invocation.InvocationResults.InvocationResult.0.ExitCode"),
      Value(0));
  EXPECT_EQ(
      at(results, "Invocation.InvocationResults.InvocationResult.0.Output"),
      Value("aGVsbG8KYmlnIHdvcmxkCg==")); // "hello\nbig world\n"
  Value plain =
      call("ECS", "DescribeInvocationResults",
           params({{"InvokeId", invokeId}, {"ContentEncoding", "PlainText"}}));
  EXPECT_EQ(at(plain, "Invocation.InvocationResults.InvocationResult.0.Output"),
            Value("hello\nbig world\n"));
  Value withoutOutput =
      call("ECS", "DescribeInvocations", params({{"InvokeId", invokeId}}));
  EXPECT_TRUE(
      at(withoutOutput,
         "Invocations.Invocation.0.InvokeInstances.InvokeInstance.0.Output")
          .isNull());
}

TEST_F(SimulatorTest, RunCommandReportsProgressWhileRunning) {
  std::string id = runningInstance();
  std::string invokeId =
      text(call("ECS", "RunCommand",
                params({{"CommandContent", "sleep 5\necho ok"},
                        {"Type", "RunShellScript"},
                        {"InstanceId.1", id}})),
           "InvokeId");
  auto describe = [&] {
    return call("ECS", "DescribeInvocations", params({{"InvokeId", invokeId}}));
  };
  EXPECT_EQ(at(describe(), "Invocations.Invocation.0.InvocationStatus"),
            Value("Pending"));
  clock.sleepFor(2s);
  EXPECT_EQ(at(describe(), "Invocations.Invocation.0.InvocationStatus"),
            Value("Running"));
  EXPECT_EQ(at(describe(), "Invocations.Invocation.0.InvokeStatus"),
            Value("Running"));
  clock.sleepFor(7s);
  EXPECT_EQ(at(describe(), "Invocations.Invocation.0.InvocationStatus"),
            Value("Success"));
}

TEST_F(SimulatorTest, ExitMarkerFailsTheCommand) {
  std::string id = runningInstance();
  Value invocation =
      finishedInvocation(id, "echo start\n[ -f /nope ] || exit 3\necho never");
  // The process finished (legacy InvokeStatus) but failed (InvocationStatus).
  EXPECT_EQ(at(invocation, "Invocations.Invocation.0.InvokeStatus"),
            Value("Finished"));
  EXPECT_EQ(at(invocation, "Invocations.Invocation.0.InvocationStatus"),
            Value("Failed"));
  Value part = at(invocation,
                  "Invocations.Invocation.0.InvokeInstances.InvokeInstance.0");
  EXPECT_EQ(at(part, "ExitCode"), Value(3));
  EXPECT_EQ(at(part, "ErrorCode"), Value("ExitCodeNonzero"));
  EXPECT_EQ(at(part, "Output"), Value("c3RhcnQK")); // "start\n"
}

TEST_F(SimulatorTest, SlowCommandTimesOut) {
  std::string id = runningInstance();
  Value invocation =
      finishedInvocation(id, "sleep 100", params({{"Timeout", "30"}}));
  EXPECT_EQ(at(invocation, "Invocations.Invocation.0.InvokeStatus"),
            Value("Failed"));
  EXPECT_EQ(
      at(invocation,
         "Invocations.Invocation.0.InvokeInstances.InvokeInstance.0.ErrorCode"),
      Value("ExecutionTimeout"));
}

TEST_F(SimulatorTest, RunCommandValidatesItsTargets) {
  std::string pending = runInstance();
  Value request =
      params({{"CommandContent", "echo x"}, {"Type", "RunShellScript"}});
  request.set("InstanceIds", strings({pending.c_str()}));
  EXPECT_EQ(callError("ECS", "RunCommand", request).code,
            "IncorrectInstanceStatus");
  request.set("InstanceIds", strings({"i-ghost"}));
  EXPECT_EQ(callError("ECS", "RunCommand", request).code,
            "InvalidInstanceId.NotFound");
  request.set("Type", "RunCobolScript");
  EXPECT_EQ(callError("ECS", "RunCommand", request).code, "InvalidParameter");
  ApiError missing = callError(
      "ECS", "RunCommand",
      params({{"Type", "RunShellScript"}, {"InstanceId", SeededInstance}}));
  EXPECT_EQ(missing.code, "MissingParameter");
  EXPECT_NE(missing.message.find("CommandContent"), std::string::npos);
}

TEST_F(SimulatorTest, CreateCommandThenInvokeWithParameters) {
  Value created =
      call("ECS", "CreateCommand",
           params({{"Name", "greet"},
                   {"Type", "RunShellScript"},
                   {"CommandContent", "ZWNobyB7e25hbWV9fQ=="}, // echo {{name}}
                   {"EnableParameter", "true"}}));
  std::string commandId = text(created, "CommandId");
  EXPECT_EQ(commandId, "c-sim000000000001");
  std::string invokeId =
      text(call("ECS", "InvokeCommand",
                params({{"CommandId", commandId},
                        {"InstanceIds", strings({SeededInstance})},
                        {"Parameters", "{\"name\": \"oos\"}"}})),
           "InvokeId");
  clock.sleepFor(5s);
  Value results =
      call("ECS", "DescribeInvocationResults",
           params({{"InvokeId", invokeId}, {"ContentEncoding", "PlainText"}}));
  EXPECT_EQ(
      at(results, "Invocation.InvocationResults.InvocationResult.0.Output"),
      Value("oos\n"));
  Value commands = call("ECS", "DescribeCommands", params({{"Name", "greet"}}));
  EXPECT_EQ(at(commands, "Commands.Command.0.InvokeTimes"), Value(1));
  call("ECS", "DeleteCommand", params({{"CommandId", commandId}}));
  EXPECT_EQ(callError("ECS", "InvokeCommand",
                      params({{"CommandId", commandId},
                              {"InstanceId", SeededInstance}}))
                .code,
            "InvalidCommandId.NotFound");
}

TEST_F(SimulatorTest, PublicCommandsRunAsStandInsInEveryRegionAndStayPublic) {
  // Named as public templates name them (PublicContent.def).
  const char *publicCommand = "ACS-ECS-GenerateRsaKeypair-linux.sh";
  std::string invokeId =
      text(call("ECS", "InvokeCommand",
                params({{"CommandId", publicCommand}, {"InstanceIds", strings({SeededInstance})}})),
           "InvokeId");
  clock.sleepFor(5s);
  Value results = call("ECS", "DescribeInvocationResults",
                       params({{"InvokeId", invokeId}, {"ContentEncoding", "PlainText"}}));
  EXPECT_EQ(at(results, "Invocation.InvocationResults.InvocationResult.0.ExitCode"), Value(0));
  EXPECT_NE(text(results, "Invocation.InvocationResults.InvocationResult.0.Output")
                .find("stand-in for Alibaba's public command " + std::string(publicCommand)),
            std::string::npos)
      << results.toJson();
  // Listed only when asked for by Provider, as ECS lists them; in any region.
  EXPECT_EQ(at(call("ECS", "DescribeCommands", params({{"CommandId", publicCommand}})), "Commands.Command.0"),
            Value());
  Value listed = call("ECS", "DescribeCommands",
                      params({{"RegionId", "cn-shanghai"}, {"Provider", "AlibabaCloud"}, {"CommandId", publicCommand}}));
  EXPECT_EQ(at(listed, "Commands.Command.0.Name"), Value(publicCommand));
  // An account cannot delete what Alibaba publishes.
  EXPECT_EQ(callError("ECS", "DeleteCommand", params({{"CommandId", publicCommand}})).code,
            "InvalidCommandId.NotFound");
  EXPECT_EQ(callError("ECS", "InvokeCommand",
                      params({{"CommandId", "ACS-ECS-NoSuchCommand.sh"}, {"InstanceId", SeededInstance}}))
                .code,
            "InvalidCommandId.NotFound");
}

//===-- Images
//----------------------------------------------------------------===//

TEST_F(SimulatorTest, UpdateImageFlowEndToEnd) {
  // ACS-ECS-UpdateImage, call by call.
  EXPECT_EQ(at(call("ECS", "DescribeImages", params({{"ImageName", "web-v2"}})),
               "TotalCount"),
            Value(0));
  std::string id = runInstance();
  ASSERT_TRUE(waitUntil([&] { return status(id) == "Running"; }));
  Value agent = call("ECS", "DescribeCloudAssistantStatus",
                     params({{"InstanceId", strings({id.c_str()})}}));
  EXPECT_EQ(at(agent,
               "InstanceCloudAssistantStatusSet.InstanceCloudAssistantStatus.0."
               "CloudAssistantStatus"),
            Value("true"));
  Value invocation = finishedInvocation(id, "yum update -y\necho patched");
  ASSERT_EQ(at(invocation, "Invocations.Invocation.0.InvokeStatus"),
            Value("Finished"));
  Value results =
      call("ECS", "DescribeInvocationResults",
           params({{"InvokeId",
                    text(invocation, "Invocations.Invocation.0.InvokeId")}}));
  EXPECT_EQ(
      at(results, "Invocation.InvocationResults.InvocationResult.0.ExitCode"),
      Value(0));
  call("ECS", "StopInstance", params({{"InstanceId", id}}));
  ASSERT_TRUE(waitUntil([&] { return status(id) == "Stopped"; }));
  std::string imageId =
      text(call("ECS", "CreateImage",
                params({{"InstanceId", id}, {"ImageName", "web-v2"}})),
           "ImageId");
  EXPECT_EQ(imageId, "m-sim000000000002");
  auto imageStatus = [&] {
    return text(
        call("ECS", "DescribeImages",
             params({{"ImageId", imageId},
                     {"Status",
                      "Creating,Waiting,Available,UnAvailable,CreateFailed"}})),
        "Images.Image.0.Status");
  };
  EXPECT_EQ(imageStatus(), "Creating");
  ASSERT_TRUE(waitUntil([&] { return imageStatus() == "Available"; }));
  call("ECS", "DeleteInstance", params({{"InstanceId", id}, {"Force", true}}));
  Value image =
      call("ECS", "DescribeImages", params({{"ImageName", "web-v2"}}));
  EXPECT_EQ(at(image, "TotalCount"), Value(1));
  EXPECT_EQ(at(image, "Images.Image.0.ImageOwnerAlias"), Value("self"));
  EXPECT_EQ(at(image, "Images.Image.0.OSType"), Value("linux"));
  EXPECT_EQ(at(image, "Images.Image.0.Usage"), Value("none"));
  // An instance from the new image inherits its Cloud Assistant.
  std::string child = runningInstance(imageId.c_str());
  EXPECT_EQ(text(finishedInvocation(child, "echo ok"),
                 "Invocations.Invocation.0.InvocationStatus"),
            "Success");
}

TEST_F(SimulatorTest, CreateImageRejectsBadRequests) {
  EXPECT_EQ(
      callError("ECS", "CreateImage", params({{"InstanceId", "i-ghost"}})).code,
      "InvalidInstanceId.NotFound");
  std::string pending = runInstance();
  EXPECT_EQ(
      callError("ECS", "CreateImage", params({{"InstanceId", pending}})).code,
      "IncorrectInstanceStatus");
  EXPECT_EQ(callError("ECS", "CreateImage",
                      params({{"InstanceId", SeededInstance},
                              {"ImageName", "sim-web-base-v1"}}))
                .code,
            "InvalidImageName.Duplicated");
  EXPECT_EQ(callError("ECS", "CreateImage",
                      params({{"InstanceId", SeededInstance},
                              {"ImageName", "aliyun-copy"}}))
                .code,
            "InvalidImageName.Malformed");
}

TEST_F(SimulatorTest, DescribeImagesFilters) {
  auto count = [&](Value request) {
    return at(call("ECS", "DescribeImages", request), "TotalCount");
  };
  EXPECT_EQ(count(params({{"ImageOwnerAlias", "system"}})), Value(7));
  EXPECT_EQ(count(params({{"ImageOwnerAlias", "self"}})), Value(1));
  EXPECT_EQ(count(params({{"OSType", "Windows"}})), Value(2));
  EXPECT_EQ(count(params({{"Architecture", "arm64"}})), Value(1));
  EXPECT_EQ(count(params({{"ImageId", std::string(Centos7) + "," + Centos6}})),
            Value(2));
  EXPECT_EQ(count(params({{"ImageName", "ubuntu"}})), Value(1)); // Fuzzy.
  // Custom images are regional.
  EXPECT_EQ(
      count(params({{"RegionId", "cn-beijing"}, {"ImageOwnerAlias", "self"}})),
      Value(0));
  Value paged = call("ECS", "DescribeImages",
                     params({{"PageSize", 4}, {"PageNumber", 2}}));
  EXPECT_EQ(at(paged, "Images.Image").size(), 4u);
  EXPECT_EQ(
      callError("ECS", "DescribeImages", params({{"ImageOwnerAlias", "mine"}}))
          .code,
      "InvalidParameter");
}

TEST_F(SimulatorTest, AnImageIsMadeOfASnapshotOfAnInstancesDisk) {
  // The built-in world's snapshot s-sim000000000001 is of the system disk
  // of i-sim000000000001: the image is that instance's system, whatever
  // state the instance is in now.
  std::string imageId = text(call("ECS", "CreateImage", params({{"SnapshotId", "s-sim000000000001"},
                                                               {"ImageName", "from-snapshot"}})),
                             "ImageId");
  ASSERT_FALSE(imageId.empty());
  Value image = call("ECS", "DescribeImages", params({{"ImageId", imageId}, {"Status", "Creating,Available"}}));
  EXPECT_EQ(at(image, "Images.Image.0.ImageName"), Value("from-snapshot"));
  EXPECT_EQ(callError("ECS", "CreateImage", params({{"SnapshotId", "s-nothing"}})).code,
            "InvalidSnapshotId.NotFound");
  EXPECT_EQ(callError("ECS", "CreateImage", params({{"ImageName", "of-nothing"}})).code, "MissingParameter");
}

TEST_F(SimulatorTest, CopyImageMakesTheImageInTheOtherRegionOnceCopied) {
  std::string copyId = text(call("ECS", "CopyImage", params({{"ImageId", SeededImage},
                                                              {"DestinationRegionId", "cn-shanghai"},
                                                              {"DestinationImageName", "web-base-copy"}})),
                            "ImageId");
  ASSERT_FALSE(copyId.empty());
  auto status = [&] {
    return text(call("ECS", "DescribeImages", params({{"RegionId", "cn-shanghai"}, {"ImageId", copyId},
                                                      {"Status", "Creating,Available"}})),
                "Images.Image.0.Status");
  };
  EXPECT_EQ(status(), "Creating");
  EXPECT_TRUE(waitUntil([&] { return status() == "Available"; }));
  // Not in the source region: a custom image is regional.
  EXPECT_EQ(at(call("ECS", "DescribeImages", params({{"ImageId", copyId}, {"Status", "Creating,Available"}})),
               "Images.Image.0"),
            Value());
  EXPECT_EQ(callError("ECS", "CopyImage", params({{"ImageId", Centos7}, {"DestinationRegionId", "cn-shanghai"}})).code,
            "InvalidImageId.NotSupported");
  EXPECT_EQ(callError("ECS", "CopyImage", params({{"ImageId", SeededImage}, {"DestinationRegionId", "mars-1"}})).code,
            "InvalidDestinationRegionId.NotFound");
}

TEST_F(SimulatorTest, DescribeImagesTakesAWindowOfCreationTimes) {
  auto count = [&](Value request) {
    request.set("ImageOwnerAlias", "self");
    return at(call("ECS", "DescribeImages", request), "TotalCount");
  };
  // The built-in world's custom image was made at its start, 2024-01-01.
  EXPECT_EQ(count(params({{"Filter.1.Key", "CreationStartTime"}, {"Filter.1.Value", "2023-12-31T00:00Z"},
                          {"Filter.2.Key", "CreationEndTime"}, {"Filter.2.Value", "2024-01-02T00:00Z"}})),
            Value(1));
  EXPECT_EQ(count(params({{"Filter.1.Key", "CreationStartTime"}, {"Filter.1.Value", "2024-01-02T00:00Z"}})),
            Value(0));
  // The form without dots, as some templates write it.
  EXPECT_EQ(count(params({{"Filter1Key", "CreationEndTime"}, {"Filter1Value", "2023-12-31T00:00Z"}})), Value(0));
  ApiError wrongKey = callError("ECS", "DescribeImages", params({{"Filter.1.Key", "Size"}, {"Filter.1.Value", "1"}}));
  EXPECT_EQ(wrongKey.code, "InvalidParameter");
  EXPECT_NE(wrongKey.message.find("Filter.1.Key"), std::string::npos) << wrongKey.message;
}

TEST_F(SimulatorTest, DeleteImageGuardsImagesInUse) {
  EXPECT_EQ(
      callError("ECS", "DeleteImage", params({{"ImageId", SeededImage}})).code,
      "ImageUsingByInstance");
  std::string imageId =
      text(call("ECS", "CreateImage", params({{"InstanceId", SeededInstance}})),
           "ImageId");
  EXPECT_EQ(
      callError("ECS", "DeleteImage", params({{"ImageId", imageId}})).code,
      "ImageIsCreating");
  clock.sleepFor(60s);
  call("ECS", "DeleteImage", params({{"ImageId", imageId}}));
  call("ECS", "DeleteImage",
       params({{"ImageId", "m-never-existed"}})); // Ignored.
  call("ECS", "DeleteImage",
       params({{"ImageId", SeededImage}, {"Force", true}}));
  EXPECT_EQ(
      at(call("ECS", "DescribeImages", params({{"ImageOwnerAlias", "self"}})),
         "TotalCount"),
      Value(0));
}

TEST_F(SimulatorTest, TagResourcesListAndUntag) {
  call("ECS", "TagResources",
       params({{"ResourceType", "instance"},
               {"ResourceIds", strings({SeededInstance})},
               {"Tags", "[{\"Key\":\"team\",\"Value\":\"web\"}]"}}));
  Value listed = call(
      "ECS", "ListTagResources",
      params({{"ResourceType", "instance"}, {"ResourceId.1", SeededInstance}}));
  EXPECT_NE(listed.toJson().find("\"TagKey\":\"team\",\"TagValue\":\"web\""),
            std::string::npos);
  call("ECS", "UntagResources",
       params({{"ResourceType", "instance"},
               {"ResourceId", strings({SeededInstance})},
               {"TagKey", strings({"team"})}}));
  EXPECT_EQ(
      at(call("ECS", "DescribeInstances", params({{"Tag.1.Key", "team"}})),
         "TotalCount"),
      Value(0));
  EXPECT_EQ(callError("ECS", "TagResources",
                      params({{"ResourceType", "instance"},
                              {"ResourceId", SeededInstance},
                              {"Tag.1.Key", "acs:x"}}))
                .code,
            "InvalidTagKey.Malformed");
  EXPECT_EQ(callError("ECS", "TagResources",
                      params({{"ResourceType", "image"},
                              {"ResourceId", Centos7},
                              {"Tag.1.Key", "x"}}))
                .code,
            "InvalidResourceId.NotFound");
}

//===-- Auto Scaling
//------------------------------------------------------------===//

TEST_F(SimulatorTest, SeededScalingGroup) {
  Value groups = call("ESS", "DescribeScalingGroups",
                      params({{"ScalingGroupId1", SeededGroup}}));
  EXPECT_EQ(
      at(groups, "ScalingGroups.ScalingGroup.0.ActiveScalingConfigurationId"),
      Value(ActiveConfiguration));
  EXPECT_EQ(at(groups, "ScalingGroups.ScalingGroup.0.TotalCapacity"), Value(2));
  Value configurations = call("ESS", "DescribeScalingConfigurations",
                              params({{"ScalingGroupId", SeededGroup}}));
  EXPECT_EQ(at(configurations, "TotalCount"), Value(2));
  EXPECT_EQ(at(configurations,
               "ScalingConfigurations.ScalingConfiguration.0.ImageId"),
            Value(SeededImage));
  EXPECT_EQ(at(configurations,
               "ScalingConfigurations.ScalingConfiguration.1.LifecycleState"),
            Value("Inactive"));
  Value instances =
      call("ESS", "DescribeScalingInstances",
           params({{"ScalingGroupId", SeededGroup},
                   {"LifecycleState", "InService"},
                   {"CreationTypes", strings({"AutoCreated", "Attached"})}}));
  EXPECT_EQ(at(instances, "TotalCount"), Value(2));
  EXPECT_EQ(at(instances, "ScalingInstances.ScalingInstance.0.InstanceId"),
            Value(SeededInstance));
}

TEST_F(SimulatorTest, EssImageSwapFlow) {
  // ACS-ESS-CreateImageAndUpdateScalingConfiguration, call by call.
  std::string imageId = text(
      call("ECS", "CreateImage",
           params({{"InstanceId", SeededInstance}, {"ImageName", "web-v3"}})),
      "ImageId");
  ApiError notReady =
      callError("ESS", "ModifyScalingConfiguration",
                params({{"ScalingConfigurationId", ActiveConfiguration},
                        {"ImageId", imageId}}));
  EXPECT_EQ(notReady.code, "IncorrectImageStatus");
  clock.sleepFor(31s);
  for (const char *configuration : {ActiveConfiguration, SpareConfiguration})
    call("ESS", "ModifyScalingConfiguration",
         params({{"ScalingConfigurationId", configuration},
                 {"ImageId", imageId}}));
  Value configurations =
      call("ESS", "DescribeScalingConfigurations",
           params({{"ScalingConfigurationIds",
                    strings({ActiveConfiguration, SpareConfiguration})}}));
  for (const char *index : {"0", "1"}) {
    std::string prefix =
        std::string("ScalingConfigurations.ScalingConfiguration.") + index;
    EXPECT_EQ(at(configurations, prefix + ".ImageId"), Value(imageId));
    EXPECT_EQ(at(configurations, prefix + ".ImageName"), Value("web-v3"));
  }
  EXPECT_EQ(callError("ESS", "ModifyScalingConfiguration",
                      params({{"ScalingConfigurationId", "asc-nope"},
                              {"ImageId", imageId}}))
                .code,
            "InvalidScalingConfigurationId.NotFound");
  EXPECT_EQ(callError("ESS", "ModifyScalingConfiguration",
                      params({{"ScalingConfigurationId", ActiveConfiguration},
                              {"ImageId", "m-ghost"}}))
                .code,
            "InvalidImageId.NotFound");
}

TEST_F(SimulatorTest, CreateScalingConfiguration) {
  Value created = call(
      "ESS", "CreateScalingConfiguration",
      params({{"ScalingGroupId", SeededGroup},
              {"ImageId", Centos7},
              {"InstanceTypes", strings({"ecs.g7.large", "ecs.g6.large"})}}));
  std::string id = text(created, "ScalingConfigurationId");
  EXPECT_EQ(id, "asc-sim000000000003");
  Value configuration = call("ESS", "DescribeScalingConfigurations",
                             params({{"ScalingConfigurationId.1", id}}));
  EXPECT_EQ(at(configuration,
               "ScalingConfigurations.ScalingConfiguration.0.InstanceType"),
            Value("ecs.g7.large"));
  EXPECT_EQ(at(configuration,
               "ScalingConfigurations.ScalingConfiguration.0.LifecycleState"),
            Value("Inactive"));
  ApiError missing = callError(
      "ESS", "CreateScalingConfiguration",
      params({{"ScalingGroupId", SeededGroup}, {"ImageId", Centos7}}));
  EXPECT_EQ(missing.code, "MissingParameter");
  EXPECT_NE(missing.message.find("InstanceType"), std::string::npos);
}

TEST_F(SimulatorTest, StandbyAndProtectionLifecycle) {
  Value request = params({{"ScalingGroupId", SeededGroup},
                          {"InstanceId", strings({SeededInstance})}});
  Value entered = call("ESS", "EnterStandby", request);
  // The API's answer holds RequestId only (the API table); the activity is
  // recorded all the same (DescribeScalingActivities below).
  EXPECT_EQ(entered.find("ScalingActivityId"), nullptr);
  auto state = [&] {
    return text(call("ESS", "DescribeScalingInstances",
                     params({{"InstanceId1", SeededInstance}})),
                "ScalingInstances.ScalingInstance.0.LifecycleState");
  };
  EXPECT_EQ(state(), "Standby");
  EXPECT_EQ(at(call("ESS", "DescribeScalingGroups"),
               "ScalingGroups.ScalingGroup.0.StandbyCapacity"),
            Value(1));
  ApiError again = callError("ESS", "EnterStandby", request);
  EXPECT_EQ(again.code, "IncorrectInstanceStatus");
  EXPECT_EQ(at(again.body(), "Code"), Value("IncorrectInstanceStatus"));
  call("ESS", "ExitStandBy", request); // Spelled as ACS::ESS::RunCommand does.
  EXPECT_EQ(state(), "InService");
  call("ESS", "SetInstancesProtection",
       params({{"ScalingGroupId", SeededGroup},
               {"InstanceIds", strings({SeededInstance})},
               {"ProtectedFromScaleIn", "true"}}));
  EXPECT_EQ(state(), "Protected");
  EXPECT_EQ(callError("ESS", "EnterStandby", request).code,
            "IncorrectInstanceStatus");
  EXPECT_EQ(callError("ESS", "EnterStandby",
                      params({{"ScalingGroupId", SeededGroup},
                              {"InstanceId", strings({"i-ghost"})}}))
                .code,
            "InvalidInstanceId.NotFound");
  EXPECT_EQ(callError("ESS", "EnterStandby",
                      params({{"ScalingGroupId", "asg-ghost"},
                              {"InstanceId", SeededInstance}}))
                .code,
            "InvalidScalingGroupId.NotFound");
  Value activities = call("ESS", "DescribeScalingActivities",
                          params({{"ScalingGroupId", SeededGroup}}));
  EXPECT_EQ(at(activities, "TotalCount"), Value(2));
}

TEST_F(SimulatorTest, SuspendAndResumeProcesses) {
  call("ESS", "SuspendProcesses",
       params({{"ScalingGroupId", SeededGroup},
               {"Process", strings({"ScaleIn", "scaleout"})}}));
  auto suspended = [&] {
    return at(
        call("ESS", "DescribeScalingGroups"),
        "ScalingGroups.ScalingGroup.0.SuspendedProcesses.SuspendedProcess");
  };
  EXPECT_EQ(suspended(), strings({"ScaleIn", "ScaleOut"}));
  call("ESS", "ResumeProcesses",
       params({{"ScalingGroupId", SeededGroup}, {"Process.1", "ScaleIn"}}));
  EXPECT_EQ(suspended(), strings({"ScaleOut"}));
  EXPECT_EQ(
      callError("ESS", "SuspendProcesses",
                params({{"ScalingGroupId", SeededGroup}, {"Process", "Nap"}}))
          .code,
      "InvalidParameter");
  EXPECT_EQ(callError("ESS", "SuspendProcesses",
                      params({{"ScalingGroupId", SeededGroup}}))
                .code,
            "MissingParameter");
}

TEST_F(SimulatorTest, SeededFleetMixesPlatformsAndArchitectures) {
  Value shanghai = params({{"RegionId", "cn-shanghai"}});
  Value groups = call("ESS", "DescribeScalingGroups", shanghai);
  EXPECT_EQ(at(groups, "ScalingGroups.ScalingGroup.0.ScalingGroupId"), Value("asg-simfleet"));
  EXPECT_EQ(at(groups, "ScalingGroups.ScalingGroup.0.TotalCapacity"), Value(5));
  Value members = call("ESS", "DescribeScalingInstances",
                       params({{"RegionId", "cn-shanghai"}, {"ScalingGroupId", "asg-simfleet"}}));
  EXPECT_EQ(at(members, "TotalCount"), Value(5));
  std::vector<std::string> kinds;
  for (const char *id : {"i-simfleet01", "i-simfleet03", "i-simfleet04", "i-simfleet05"}) {
    Value instance = call("ECS", "DescribeInstances",
                          params({{"RegionId", "cn-shanghai"}, {"InstanceIds", strings({id})}}));
    Value image = call("ECS", "DescribeImages",
                       params({{"RegionId", "cn-shanghai"},
                               {"ImageId", text(instance, "Instances.Instance.0.ImageId")}}));
    kinds.push_back(text(instance, "Instances.Instance.0.OSType") + "/" +
                    text(image, "Images.Image.0.Architecture"));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"linux/x86_64", "linux/x86_64", "linux/arm64",
                                             "windows/x86_64"}));
  // The Hangzhou world and the id counters are as they were without it.
  EXPECT_EQ(at(call("ECS", "DescribeInstances"), "TotalCount"), Value(2));
  EXPECT_EQ(runInstance(), "i-sim000000000003");
}

TEST_F(SimulatorTest, ReplaceSystemDiskNeedsAStoppedInstanceAndChangesItsImage) {
  Value request = params({{"RegionId", "cn-shanghai"},
                          {"InstanceId", "i-simfleet05"},
                          {"ImageId", Centos7}});
  ApiError running = callError("ECS", "ReplaceSystemDisk", request);
  EXPECT_EQ(running.code, "IncorrectInstanceStatus");
  EXPECT_EQ(running.httpStatus, 403);
  call("ECS", "StopInstance", params({{"InstanceId", "i-simfleet05"}}));
  Value stoppedQuery = params({{"RegionId", "cn-shanghai"}, {"InstanceIds", strings({"i-simfleet05"})}});
  ASSERT_TRUE(waitUntil([&] {
    return text(call("ECS", "DescribeInstances", stoppedQuery), "Instances.Instance.0.Status") == "Stopped";
  }));
  Value missingImage = request;
  missingImage.set("ImageId", "m-nope");
  EXPECT_EQ(callError("ECS", "ReplaceSystemDisk", missingImage).code, "InvalidImageId.NotFound");
  Value noImage = params({{"RegionId", "cn-shanghai"}, {"InstanceId", "i-simfleet05"}});
  EXPECT_EQ(callError("ECS", "ReplaceSystemDisk", noImage).code, "MissingParameter");
  Value smaller = request;
  smaller.set("SystemDisk.Size", 20);
  EXPECT_EQ(callError("ECS", "ReplaceSystemDisk", smaller).code, "InvalidParameter");
  std::string diskId = text(call("ECS", "ReplaceSystemDisk", request), "DiskId");
  EXPECT_EQ(diskId.rfind("d-sim", 0), 0u) << diskId;
  Value instance = at(call("ECS", "DescribeInstances", stoppedQuery), "Instances.Instance.0");
  EXPECT_EQ(at(instance, "ImageId"), Value(Centos7));
  EXPECT_EQ(at(instance, "OSType"), Value("linux"));
  EXPECT_EQ(at(instance, "OSName"), Value("CentOS 7.9 64 bit"));
  EXPECT_EQ(at(instance, "Status"), Value("Stopped"));
  EXPECT_EQ(at(cloud->snapshot(), "Instances.6.Simulated.SystemDiskId"), Value(diskId));
}

TEST_F(SimulatorTest, TaggedInstanceFailsItsCommandsAndTheOthersDoNot) {
  Value shanghai = params({{"RegionId", "cn-shanghai"}});
  Value tag = shanghai;
  tag.set("ResourceType", "instance");
  tag.set("ResourceId", strings({"i-simfleet02"}));
  tag.set("Tag", Value(Value::List{params({{"Key", "sim:command-exit-code"}, {"Value", "7"}})}));
  call("ECS", "TagResources", tag);
  Value run = shanghai;
  run.set("CommandContent", "echo fine");
  run.set("Type", "RunShellScript");
  run.set("InstanceIds", strings({"i-simfleet01", "i-simfleet02"}));
  std::string invokeId = text(call("ECS", "RunCommand", run), "InvokeId");
  Value results;
  Value query = shanghai;
  query.set("InvokeId", invokeId);
  query.set("ContentEncoding", "PlainText");
  ASSERT_TRUE(waitUntil([&] {
    Value invocation = call("ECS", "DescribeInvocations", query);
    return text(invocation, "Invocations.Invocation.0.InvokeStatus") != "Running";
  }));
  Value invocation = call("ECS", "DescribeInvocations", query);
  EXPECT_EQ(at(invocation, "Invocations.Invocation.0.InvocationStatus"), Value("PartialFailed"));
  results = call("ECS", "DescribeInvocationResults", query);
  std::map<std::string, std::string> outcomes;
  Value perInstance = at(results, "Invocation.InvocationResults.InvocationResult");
  for (const Value &result : perInstance.getList())
    outcomes[text(result, "InstanceId")] = text(result, "ExitCode") + " " + text(result, "Output");
  EXPECT_EQ(outcomes["i-simfleet01"], "0 fine\n");
  EXPECT_EQ(outcomes["i-simfleet02"].substr(0, 2), "7 ");
  EXPECT_NE(outcomes["i-simfleet02"].find("sim:command-exit-code=7"), std::string::npos);
}

TEST_F(SimulatorTest, DeletingAnInstanceRemovesItFromItsScalingGroup) {
  call("ECS", "DeleteInstance",
       params({{"InstanceId", SeededInstance}, {"Force", true}}));
  EXPECT_EQ(at(call("ESS", "DescribeScalingInstances",
                    params({{"ScalingGroupId", SeededGroup}})),
               "TotalCount"),
            Value(1));
}

//===-- Faults, latency, atomicity
//-----------------------------------------------===//

TEST_F(SimulatorTest, FaultOnNthCall) {
  SimulatorOptions faulty = options();
  faulty.faults.push_back(
      FaultRule{"ecs", "DescribeInstances", 0, 2, "InternalError", ""});
  cloud = std::make_unique<SimulatedCloud>(faulty);
  EXPECT_TRUE(cloud->call("ECS", "DescribeInstances", params({})));
  ApiError error = callError("ECS", "DescribeInstances");
  EXPECT_EQ(error.code, "InternalError");
  EXPECT_EQ(error.httpStatus, 500);
  EXPECT_FALSE(error.message.empty());
  EXPECT_TRUE(cloud->call("ECS", "DescribeInstances", params({})));
  EXPECT_TRUE(cloud->call("ECS", "DescribeImages", params({})));
}

TEST_F(SimulatorTest, FaultWithProbabilityIsReproducible) {
  auto pattern = [&](std::uint64_t seed) {
    SimulatorOptions faulty = options(seed);
    faulty.faults.push_back(
        FaultRule{"*", "*", 0.5, 0, "ServiceUnavailable", ""});
    SimulatedCloud faultyCloud(faulty);
    std::string outcomes;
    for (int i = 0; i < 40; ++i)
      outcomes +=
          faultyCloud.call("ECS", "DescribeRegions", params({})) ? '.' : 'x';
    return outcomes;
  };
  std::string first = pattern(42);
  EXPECT_EQ(first, pattern(42));
  EXPECT_NE(first.find('x'), std::string::npos);
  EXPECT_NE(first.find('.'), std::string::npos);
}

TEST_F(SimulatorTest, FaultedOrFailedCallsChangeNothing) {
  SimulatorOptions faulty = options();
  faulty.faults.push_back(
      FaultRule{"ECS", "RunInstances", 0, 1, "Throttling.User", ""});
  cloud = std::make_unique<SimulatedCloud>(faulty);
  Value before = cloud->snapshot();
  EXPECT_EQ(callError("ECS", "RunInstances",
                      params({{"ImageId", Centos7},
                              {"InstanceType", "ecs.g6.large"}}))
                .code,
            "Throttling.User");
  // A handler that fails halfway (the second instance is unknown).
  callError("ECS", "RunCommand",
            params({{"CommandContent", "echo"},
                    {"Type", "RunShellScript"},
                    {"InstanceIds", strings({SeededInstance, "i-ghost"})}}));
  EXPECT_EQ(cloud->snapshot(), before);
  EXPECT_EQ(runInstance(), "i-sim000000000003");
}

TEST_F(SimulatorTest, LatencyAdvancesTheVirtualClock) {
  SimulatorOptions slow = options();
  slow.latency = 500ms;
  cloud = std::make_unique<SimulatedCloud>(slow);
  auto start = clock.now();
  std::string id = runInstance();
  int polls = 0;
  while (status(id) != "Running" && polls < 20)
    ++polls;
  // Each poll costs 500 ms of virtual time; Running comes after 5 s.
  EXPECT_EQ(status(id), "Running");
  EXPECT_LE(polls, 11);
  EXPECT_GE(clock.now() - start, 5s);
}

//===-- Persistence and determinism
//-------------------------------------------------===//

TEST_F(SimulatorTest, SaveAndReloadRoundTrip) {
  auto path = tempPath("state.json");
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(persistent);
  EXPECT_EQ(cloud->describe(),
            "simulated cloud (state: " + path.string() + ")");
  std::string id = runInstance();
  ASSERT_TRUE(std::filesystem::exists(path)); // Saved after the mutating call.
  auto saved = cloud->save();
  ASSERT_TRUE(saved);
  EXPECT_TRUE(saved.value());
  Value snapshot = cloud->snapshot();
  EXPECT_NE(readAll(path).find("\n  \"Instances\": ["), std::string::npos);

  auto reloaded = SimulatedCloud::open(persistent);
  ASSERT_TRUE(reloaded) << reloaded.error().message;
  EXPECT_EQ(reloaded.value()->snapshot(), snapshot);
  cloud = std::move(reloaded.value());
  EXPECT_EQ(status(id), "Pending"); // World time continues from the save.
  EXPECT_EQ(runInstance(), "i-sim000000000004");
}

TEST_F(SimulatorTest, CorruptStateIsAnErrorNotACrash) {
  auto path = tempPath("corrupt.json");
  std::ofstream(path) << "{\"Instances\": [";
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(persistent);
  EXPECT_NE(cloud->loadError().find("not valid JSON"), std::string::npos);
  EXPECT_NE(cloud->loadError().find(path.string()), std::string::npos);
  EXPECT_EQ(callError("ECS", "DescribeInstances").code,
            "Simulator.StateUnavailable");
  EXPECT_FALSE(cloud->save());
  EXPECT_EQ(readAll(path), "{\"Instances\": ["); // Left alone.
  EXPECT_FALSE(SimulatedCloud::open(persistent));

  std::ofstream(path) << "{\"Instances\": {}}";
  auto wrongShape = SimulatedCloud::open(persistent);
  ASSERT_FALSE(wrongShape);
  EXPECT_NE(wrongShape.error().message.find("must be a list"),
            std::string::npos);
}

TEST_F(SimulatorTest, WorldFileOverridesSections) {
  auto path = tempPath("world.json");
  std::ofstream(path)
      << R"({"DefaultRegion": "cn-shanghai", "ScalingGroups": []})";
  SimulatorOptions seeded = options();
  seeded.worldFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(seeded);
  ASSERT_EQ(cloud->loadError(), "");
  EXPECT_EQ(at(call("ESS", "DescribeScalingGroups",
                    params({{"RegionId", "cn-hangzhou"}})),
               "TotalCount"),
            Value(0));
  EXPECT_EQ(text(call("ECS", "DescribeImages"), "RegionId"), "cn-shanghai");

  std::ofstream(path) << R"({"DefaultRegion": "atlantis-1"})";
  EXPECT_FALSE(SimulatedCloud::open(seeded));
}

TEST_F(SimulatorTest, NewIdsContinueAcrossRuns) {
  auto path = tempPath("ids.json");
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(persistent);
  EXPECT_EQ(cloud->newId("exec").value(), "exec-sim000000000001");
  EXPECT_EQ(cloud->newId("exec").value(), "exec-sim000000000002");
  SimulatedCloud reloaded(persistent); // saved at once: no save() needed
  EXPECT_EQ(reloaded.newId("exec").value(), "exec-sim000000000003");
  // A journal's floor moves the counter past the ids it already holds.
  EXPECT_EQ(reloaded.newId("exec", 40).value(), "exec-sim000000000040");
  EXPECT_EQ(cloud->newId("exec").value(), "exec-sim000000000041");
}

//===-- A state file shared, and state files that cannot be trusted
//---------===//

TEST_F(SimulatorTest, SimulatorsSharingAStateFileLoseNoWrite) {
  auto path = tempPath("shared.json");
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  VirtualClock otherClock;
  SimulatorOptions other = persistent;
  other.clock = &otherClock;
  cloud = std::make_unique<SimulatedCloud>(persistent);
  SimulatedCloud second(other);
  size_t seeded = at(cloud->snapshot(), "Instances").size();
  // Each changes the world in turn; each must see the other's changes.
  std::vector<std::string> ids;
  for (int round = 0; round < 3; ++round) {
    ids.push_back(runInstance());
    auto created = second.call("ECS", "RunInstances",
                               params({{"ImageId", Centos7}, {"InstanceType", "ecs.g6.large"},
                                       {"VSwitchId", VSwitchH}, {"SecurityGroupId", SecurityGroup}}));
    ASSERT_TRUE(created) << created.error().message;
    ids.push_back(text(created.value(), "InstanceIdSets.InstanceIdSet.0"));
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end()) << "an id was handed out twice";
  Value saved = parseJson(readAll(path)).value_or(Value());
  EXPECT_EQ(at(saved, "Instances").size(), seeded + ids.size());
  EXPECT_EQ(at(cloud->snapshot(), "Instances").size(), seeded + ids.size());
  EXPECT_EQ(at(call("ECS", "DescribeInstances"), "TotalCount"), Value(2 + 6)); // 2 seeded here
  EXPECT_EQ(second.newId("exec").value(), "exec-sim000000000001");
  EXPECT_EQ(cloud->newId("exec").value(), "exec-sim000000000002");
}

TEST_F(SimulatorTest, SharedWorldTimeIsTheLaterOfTheRunnersTimes) {
  auto path = tempPath("time.json");
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(persistent);
  std::string id = runInstance(); // Pending; Running 5 s later
  VirtualClock otherClock;
  SimulatorOptions other = persistent;
  other.clock = &otherClock;
  SimulatedCloud second(other);
  otherClock.sleepFor(10s); // the other runner waits; this one does not
  ASSERT_TRUE(second.call("ECS", "DescribeRegions", params({})));
  EXPECT_EQ(status(id), "Running"); // this runner sees the time the other saw
}

TEST_F(SimulatorTest, EmptyStateFileIsAnErrorNotANewWorld) {
  auto path = tempPath("empty.json");
  std::ofstream(path).flush(); // 0 bytes: a crashed writer, a full disk
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  auto opened = SimulatedCloud::open(persistent);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("state file '" + path.string() + "' is empty"),
            std::string::npos) << opened.error().message;
  EXPECT_NE(opened.error().message.find("--new-state"), std::string::npos);
  EXPECT_EQ(std::filesystem::file_size(path), 0u); // left as it was
  // On purpose: a new world replaces it at once.
  persistent.newState = true;
  auto fresh = SimulatedCloud::open(persistent);
  ASSERT_TRUE(fresh) << fresh.error().message;
  EXPECT_NE(readAll(path).find("\"FormatVersion\""), std::string::npos);
}

TEST_F(SimulatorTest, CutStateFileSaysHowToStartAfresh) {
  auto path = tempPath("cut.json");
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(persistent);
  runInstance();
  std::string whole = readAll(path);
  std::ofstream(path, std::ios::trunc) << whole.substr(0, whole.size() / 2);
  auto opened = SimulatedCloud::open(persistent);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("not valid JSON"), std::string::npos);
  EXPECT_NE(opened.error().message.find("--new-state"), std::string::npos);
  // The simulator that had it open refuses to go on rather than write over it.
  EXPECT_EQ(callError("ECS", "DescribeRegions").code, "Simulator.StateUnavailable");
  EXPECT_EQ(readAll(path).size(), whole.size() / 2);
}

TEST_F(SimulatorTest, StateFileMustBeARegularFileOfBoundedSize) {
  auto folder = tempPath("folder.json");
  std::filesystem::create_directories(folder);
  SimulatorOptions persistent = options();
  persistent.stateFile = folder.string();
  auto opened = SimulatedCloud::open(persistent);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().message, "state file '" + folder.string() + "' is a folder, not a file");

  persistent.stateFile = "/dev/zero";
  opened = SimulatedCloud::open(persistent);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("'/dev/zero' is not a regular file"), std::string::npos)
      << opened.error().message;

  auto huge = tempPath("huge.json");
  std::ofstream(huge).flush();
  std::filesystem::resize_file(huge, (std::uintmax_t{64} << 20) + 1); // sparse: no disk used
  persistent.stateFile = huge.string();
  opened = SimulatedCloud::open(persistent);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("is larger than 64 MiB"), std::string::npos)
      << opened.error().message;
}

TEST_F(SimulatorTest, NumbersInAStateFileAreCheckedBeforeUse) {
  auto path = tempPath("numbers.json");
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  std::ofstream(path) << R"({"Time": 9223372036854775807})";
  auto opened = SimulatedCloud::open(persistent);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("\"Time\" must be an integer from 0 to"), std::string::npos)
      << opened.error().message;
  // A whole world whose counter is at the edge.
  std::ofstream(path, std::ios::trunc).flush();
  persistent.newState = true;
  ASSERT_TRUE(SimulatedCloud::open(persistent));
  persistent.newState = false;
  std::string world = readAll(path);
  auto withCounter = [&](const std::string &count) {
    std::string text = world;
    text.replace(text.find("\"Counters\": {"), 13, "\"Counters\": {\"exec\": " + count + ",");
    std::ofstream(path, std::ios::trunc) << text;
  };
  withCounter("9223372036854775807");
  opened = SimulatedCloud::open(persistent);
  ASSERT_FALSE(opened);
  EXPECT_NE(opened.error().message.find("counter \"exec\" must be an integer from 0 to "
                                        "999999999999999"),
            std::string::npos)
      << opened.error().message;
  withCounter("999999999999998");
  opened = SimulatedCloud::open(persistent);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened.value()->newId("exec").value(), "exec-sim999999999999999");
}

TEST_F(SimulatorTest, ACallWhoseChangeCannotBeSavedFailsAndChangesNothing) {
  auto path = tempPath("unsaved.json");
  SimulatorOptions persistent = options();
  persistent.stateFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(persistent);
  runInstance();
  Value before = cloud->snapshot();
  // A full disk, as the file size limit makes it: writes fail with EFBIG
  // (the signal that would kill the process is ignored, as runners do).
  rlimit old{};
  ::getrlimit(RLIMIT_FSIZE, &old);
  auto previous = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 1024;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  auto created = cloud->call("ECS", "RunInstances",
                             params({{"ImageId", Centos7}, {"InstanceType", "ecs.g6.large"},
                                     {"VSwitchId", VSwitchH}, {"SecurityGroupId", SecurityGroup}}));
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, previous);
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, "Simulator.StateUnavailable");
  EXPECT_NE(created.error().message.find("could not be saved"), std::string::npos);
  EXPECT_EQ(cloud->snapshot(), before);
  Value saved = parseJson(readAll(path)).value_or(Value());
  EXPECT_EQ(at(saved, "Instances").size(), at(before, "Instances").size());
  for (const auto &entry : std::filesystem::directory_iterator(path.parent_path()))
    EXPECT_EQ(entry.path().filename().string().rfind(path.filename().string() + ".tmp-", 0),
              std::string::npos) << "temporary file left behind: " << entry.path();
}

TEST_F(SimulatorTest, WorldFileIdsNeverCollideWithNewOnes) {
  auto path = tempPath("ids-world.json");
  std::ofstream(path) << R"({"Instances": [{"InstanceId": "i-sim000000000009",
      "RegionId": "cn-hangzhou", "Status": "Stopped", "ImageId": "x"}]})";
  SimulatorOptions seeded = options();
  seeded.worldFile = path.string();
  cloud = std::make_unique<SimulatedCloud>(seeded);
  ASSERT_EQ(cloud->loadError(), "");
  EXPECT_EQ(runInstance(), "i-sim000000000010");
  // A one-element list where the API takes one id is accepted.
  call("ECS", "DeleteInstance",
       params({{"InstanceId", strings({"i-sim000000000009"})}}));
  EXPECT_EQ(at(call("ECS", "DescribeInstances"), "TotalCount"), Value(1));
}

TEST_F(SimulatorTest, SameSeedSameWorld) {
  auto session = [](std::uint64_t seed) {
    VirtualClock ownClock;
    SimulatorOptions opts;
    opts.clock = &ownClock;
    opts.seed = seed;
    opts.latency = 100ms;
    SimulatedCloud simulated(opts);
    std::vector<std::string> requestIds;
    Value run = simulated
                    .call("ECS", "RunInstances",
                          params({{"ImageId", Centos7},
                                  {"InstanceType", "ecs.g6.large"}}))
                    .value();
    requestIds.push_back(text(run, "RequestId"));
    ownClock.sleepFor(10s);
    Value command =
        simulated
            .call("ECS", "RunCommand",
                  params({{"CommandContent", "echo hi"},
                          {"Type", "RunShellScript"},
                          {"InstanceId",
                           text(run, "InstanceIdSets.InstanceIdSet.0")}}))
            .value();
    requestIds.push_back(text(command, "RequestId"));
    return std::make_pair(simulated.snapshot(), requestIds);
  };
  auto first = session(7);
  auto second = session(7);
  EXPECT_EQ(first.first, second.first);
  EXPECT_EQ(first.first.toJson(), second.first.toJson());
  EXPECT_EQ(first.second, second.second);
  EXPECT_NE(first.second, session(8).second);
}

//===-- Clock and misc
//--------------------------------------------------------------===//

TEST(ClockTest, FormatsUtcTimes) {
  EXPECT_EQ(formatUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(formatUtc(1709210096000), "2024-02-29T12:34:56Z");
  EXPECT_EQ(formatUtc(1709210096000, false), "2024-02-29T12:34Z");
  EXPECT_EQ(formatUtc(-1000), "1969-12-31T23:59:59Z");
}

TEST(ClockTest, VirtualClockMovesOnlyWhenSleptOn) {
  VirtualClock virtualClock;
  EXPECT_EQ(toUnixMillis(virtualClock.now()),
            VirtualClock::DefaultEpochSeconds * 1000);
  virtualClock.sleepFor(1500ms);
  virtualClock.sleepFor(-5s);
  EXPECT_EQ(formatUtc(toUnixMillis(virtualClock.now())),
            "2024-01-01T00:00:01Z");
  VirtualClock later(fromUnixMillis(86400000));
  EXPECT_EQ(formatUtc(toUnixMillis(later.now())), "1970-01-02T00:00:00Z");
}

TEST(SimulatorApisTest, TableListsTheSimulatedApis) {
  auto apis = SimulatedCloud::supportedApis();
  auto has = [&](const char *service, const char *api) {
    return std::find(apis.begin(), apis.end(),
                     std::make_pair(std::string(service), std::string(api))) !=
           apis.end();
  };
  EXPECT_TRUE(has("ECS", "RunInstances"));
  EXPECT_TRUE(has("ECS", "DescribeInvocationResults"));
  EXPECT_TRUE(has("ESS", "ModifyScalingConfiguration"));
  EXPECT_GE(apis.size(), 40u);
  EXPECT_EQ(SimulatedCloud(SimulatorOptions{}).describe(),
            "simulated cloud (in memory)");
}

} // namespace
