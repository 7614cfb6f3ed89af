//===- BuildTest.cpp - oosc build: runners built, run, and their worlds ----===//
//
// Each test builds a real runner with the oosc binary and the system
// compiler, runs it as a subprocess on a simulated world in a scratch
// directory, and checks the outputs, the exit status and the world the run
// left behind.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"
#include "oosc/runtime/Jq.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;
using runtime::Value;

const std::string kOosc = OOSC_BINARY;
const std::string kSource = OOSC_SOURCE_DIR;

class BuildTest : public RunnerTest {};

/// The instances of the simulated world whose name starts with `prefix`.
size_t instancesNamed(const Value &world, std::string_view prefix) {
  size_t count = 0;
  if (const Value *instances = world.find("Instances"))
    for (const Value &instance : instances->getList())
      if (const Value *name = instance.find("InstanceName"))
        count += name->toDisplayString().rfind(prefix, 0) == 0;
  return count;
}

const Value *imageNamed(const Value &world, std::string_view name) {
  if (const Value *images = world.find("Images"))
    for (const Value &image : images->getList())
      if (const Value *imageName = image.find("ImageName"); imageName && imageName->toDisplayString() == name)
        return &image;
  return nullptr;
}

TEST_F(BuildTest, UpdateImageMakesTheImageAndReleasesTheInstance) {
  std::string runner = build({"samples/update-image/update-image.yaml"});
  RunResult result = run(runner, {});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  Value outputs = parse(result.out);
  ASSERT_TRUE(outputs.find("imageId"));
  Value after = world();
  const Value *image = imageNamed(after, "updated-image");
  ASSERT_NE(image, nullptr) << "no image named updated-image in the world";
  EXPECT_EQ(image->find("ImageId")->toDisplayString(), outputs.find("imageId")->toDisplayString());
  EXPECT_EQ(image->find("Status")->toDisplayString(), "Available");
  EXPECT_EQ(instancesNamed(after, "oos-update-image-"), 0u) << "the temporary instance is still there";
  EXPECT_NE(result.err.find("Success  createImage (ACS::ECS::CreateImage)"), std::string::npos) << result.err;
}

TEST_F(BuildTest, ADefaultReadsTheExecutionsOwnId) {
  std::string runner = build({"tests/build/execution-id-default.yaml", "tests/build/execution-id-child.yaml"});
  RunResult result = run(runner, {"execution-id-default"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  Value outputs = parse(result.out);
  std::string id = outputs.find("id")->toDisplayString();
  ASSERT_FALSE(id.empty()) << result.out;
  EXPECT_EQ(outputs.find("tag")->toDisplayString(), "run-" + id);
  EXPECT_EQ(outputs.find("childTag")->toDisplayString(), "child-" + id + ".child");
}

TEST_F(BuildTest, ALoopedTasksWhenThatReadsTheItemDecidesPerItem) {
  std::string runner = build({"tests/build/when-per-item.yaml"});
  RunResult result = run(runner, {});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  Value outputs = parse(result.out);
  EXPECT_EQ(outputs.find("greeted")->toJson(), R"(["alpha","gamma"])") << result.out;
}

// A runner carries the API table's entries for the APIs its templates call,
// and no others: the table is 5 MB, a runner 2.5 MB.
TEST_F(BuildTest, RunnerCarriesTheApiEntriesItsTemplatesCallAndNoOthers) {
  std::string runner = build({"samples/scaling-image-update/scaling-image-update.yaml"});
  RunResult apis = runProgram(runner, {"apis"});
  ASSERT_EQ(apis.exitCode, 0) << apis.err;
  std::vector<std::string> lines;
  std::istringstream text(apis.out);
  for (std::string line; std::getline(text, line);)
    lines.push_back(line.substr(0, line.find(':')));
  // Its own two ESS calls, the two ECS calls of ACS::ECS::CreateImage,
  // the product action compiled with it, DescribeScalingGroups, which lists
  // what the picker of its scalingGroupId parameter offers (--pick-defaults,
  // --interactive), and DescribeInstances, for sourceInstanceId: the action
  // passes it to ECS CreateImage as InstanceId.
  std::vector<std::string> expected{"Ecs 2014-05-26 CreateImage", "Ecs 2014-05-26 DescribeImages",
                                    "Ecs 2014-05-26 DescribeInstances",
                                    "Ess 2014-08-28 DescribeScalingConfigurations",
                                    "Ess 2014-08-28 DescribeScalingGroups",
                                    "Ess 2014-08-28 ModifyScalingConfiguration"};
  EXPECT_EQ(lines, expected) << apis.out;
  EXPECT_NE(apis.out.find("ModifyScalingConfiguration: 67 parameters (required: ScalingConfigurationId), "
                          "answer shape known"),
            std::string::npos)
      << apis.out;
  // The binary holds those six API lines of the table and no other (a
  // line's protocols field is followed by a tab), and no entry of an API it
  // does not call (the simulator's own names, as DescribeSecurityGroups, are
  // in every runner, so a table line is looked for with its tab).
  std::string binary = slurp(runner);
  size_t apiLines = 0;
  for (size_t at = binary.find("HTTPS\t"); at != std::string::npos; at = binary.find("HTTPS\t", at + 1))
    ++apiLines;
  EXPECT_EQ(apiLines, 6u);
  EXPECT_NE(binary.find("ModifyScalingConfiguration\t"), std::string::npos);
  for (std::string_view absent : {"AllocateDedicatedHosts", "DescribeSecurityGroups\t"})
    EXPECT_EQ(binary.find(absent), std::string::npos) << absent;
}

TEST_F(BuildTest, RunnerWithoutApiCallsSaysItCarriesNoEntry) {
  std::string runner = build({"tests/build/nested-child.yaml"});
  RunResult apis = runProgram(runner, {"apis"});
  ASSERT_EQ(apis.exitCode, 0) << apis.err;
  EXPECT_EQ(apis.out.rfind("no API entries", 0), 0u) << apis.out;
}

TEST_F(BuildTest, JournalRecordsTheExecutionItsTasksLoopItemsAndChildren) {
  std::string runner = build({"tests/build/journal.yaml"});
  RunResult result = run(runner, {});
  EXPECT_EQ(result.exitCode, 1) << result.err; // startInstance fails, OnError goes on
  std::string journal = (dir_ / "journal.sqlite").string();
  RunResult list = runProgram(runner, {"executions", "list", "--journal", journal});
  ASSERT_EQ(list.exitCode, 0) << list.err;
  EXPECT_NE(list.out.find("exec-sim000000000001     journal"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("Failed"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("exec-sim000000000001."), std::string::npos) << "children only under show";
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal", journal});
  ASSERT_EQ(show.exitCode, 0) << show.err;
  for (const char *expected : {"status     Failed", "\"adminPassword\":\"******\"", "describeZones[0]",
                               "describeZones[1]", "InvalidInstanceId.NotFound",
                               "\"regions\":[\"cn-hangzhou\"", "exec-sim000000000001.startInstance",
                               "ECS.DescribeZones", "ECS.DescribeRegions", "OOS.NotifyWebhook"})
    EXPECT_NE(show.out.find(expected), std::string::npos) << expected << " in\n" << show.out;
  EXPECT_EQ(show.out.find("Journal-Secret-4711"), std::string::npos) << "the secret is in the journal";
  // The failed call is recorded under the child execution that made it.
  RunResult child = runProgram(runner, {"executions", "show", "exec-sim000000000001.startInstance",
                                        "--journal", journal});
  ASSERT_EQ(child.exitCode, 0) << child.err;
  EXPECT_NE(child.out.find("ECS.StartInstance"), std::string::npos) << child.out;
  EXPECT_NE(child.out.find("InvalidInstanceId.NotFound"), std::string::npos) << child.out;
  EXPECT_NE(child.out.find("parent     exec-sim000000000001"), std::string::npos) << child.out;
  // ACS::Notify's webhook is in the simulated world, rendered.
  Value after = world();
  const Value *notifications = after.find("Notifications");
  ASSERT_NE(notifications, nullptr);
  ASSERT_EQ(notifications->size(), 1u);
  const Value &posted = notifications->getList()[0];
  EXPECT_EQ(posted.find("URI")->toDisplayString(), "https://example.com/hooks/oosc-test");
  EXPECT_NE(posted.find("Content")->toJson().find("regions: "), std::string::npos)
      << posted.find("Content")->toJson();
  EXPECT_EQ(posted.find("Content")->toJson().find("{{"), std::string::npos) << "not rendered";
  RunResult missing = runProgram(runner, {"executions", "show", "exec-nope", "--journal", journal});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.err.find("no execution 'exec-nope'"), std::string::npos) << missing.err;
}

TEST_F(BuildTest, SigtermCancelsRunsTheCleanupAndEndsCancelled) {
  std::string runner = build({"tests/build/cancel.yaml"});
  // A real signal to a real runner: SIGTERM once the instance is made and
  // the four-second Sleep (real time) has begun.
  Background &running = start(runner, {"--real-time"});
  ASSERT_TRUE(waitForProgress(running, "Success  createInstance")) << running.err();
  ::kill(running.pid, SIGTERM);
  RunResult ended = finish(running);
  EXPECT_EQ(ended.exitCode, 3) << ended.err;
  // The signal lands in the Sleep, or (on a loaded machine) just before it
  // starts: either way the task it interrupts is cancelled and the instance
  // is never used.
  bool cancelledNext = ended.err.find("Cancelled  longWait") != std::string::npos ||
                       ended.err.find("Cancelled  useInstance") != std::string::npos;
  EXPECT_TRUE(cancelledNext) << ended.err;
  EXPECT_EQ(ended.err.find("Success  useInstance"), std::string::npos) << ended.err;
  EXPECT_NE(ended.err.find("Success  deleteInstance"), std::string::npos)
      << "the cleanup did not run\n" << ended.err;
  EXPECT_EQ(instancesNamed(world(), "oos-cancel-test"), 0u) << "the instance was left behind";
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal",
                                       journal()});
  EXPECT_NE(show.out.find("status     Cancelled"), std::string::npos) << show.out;
}

TEST_F(BuildTest, JournalKeepsWhatWasCommittedWhenTheRunnerIsKilled) {
  std::string runner = build({"tests/build/cancel.yaml"});
  // kill -9 during the four-second Sleep: nothing can be flushed at exit,
  // so what the journal holds is what was committed step by step.
  Background &running = start(runner, {"--real-time"});
  ASSERT_TRUE(waitForProgress(running, "Success  createInstance")) << running.err();
  ::kill(running.pid, SIGKILL);
  EXPECT_EQ(finish(running).signal, SIGKILL);
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal",
                                       journal()});
  ASSERT_EQ(show.exitCode, 0) << show.err;
  EXPECT_NE(show.out.find("status     Interrupted"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("createInstance"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("ECS.RunInstances"), std::string::npos) << show.out;
  EXPECT_EQ(show.out.find("longWait"), std::string::npos) << "the killed task has no record\n" << show.out;
}

TEST_F(BuildTest, UpdateImageReleasesTheInstanceWhenTheCommandFails) {
  std::string runner = build({"samples/update-image/update-image.yaml"});
  RunResult result = run(runner, {"-p", "commandContent=echo updating\nexit 3"});
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_NE(result.err.find("Failed  runCommand"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Success  deleteInstance"), std::string::npos) << result.err;
  EXPECT_EQ(instancesNamed(world(), "oos-update-image-"), 0u);
  EXPECT_EQ(imageNamed(world(), "updated-image"), nullptr);
}

TEST_F(BuildTest, UpdateImageReleasesTheInstanceWhenCreateImageFails) {
  std::string runner = build({"samples/update-image/update-image.yaml"});
  RunResult result = run(runner, {"--fail", "ECS.CreateImage:InternalError"});
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_NE(result.err.find("InternalError"), std::string::npos) << result.err;
  EXPECT_EQ(instancesNamed(world(), "oos-update-image-"), 0u);
}

TEST_F(BuildTest, ScalingImageUpdateSwapsTheImageIntoEveryConfiguration) {
  std::string runner = build({"samples/scaling-image-update/scaling-image-update.yaml"});
  RunResult result = run(runner, {});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  std::string imageId = parse(result.out).find("imageId")->toDisplayString();
  size_t updated = 0;
  Value after = world();
  for (const Value &configuration : after.find("ScalingConfigurations")->getList())
    if (configuration.find("ScalingGroupId")->toDisplayString() == "asg-sim000000000001") {
      EXPECT_EQ(configuration.find("ImageId")->toDisplayString(), imageId);
      ++updated;
    }
  EXPECT_EQ(updated, 2u);
}

// The mixed fleet of the simulator's cn-shanghai region (SeedFleet.cpp).
const std::vector<std::string> kFleet = {"i-simfleet01", "i-simfleet02", "i-simfleet03",
                                         "i-simfleet04", "i-simfleet05"};
const std::string kNewImage = "centos_7_9_x64_20G_alibase_20240628.vhd";
const char *kSeedImages = R"({"i-simfleet01": "aliyun_3_x64_20G_alibase_20240528.vhd",
                              "i-simfleet02": "aliyun_3_x64_20G_alibase_20240528.vhd",
                              "i-simfleet03": "ubuntu_22_04_x64_20G_alibase_20240710.vhd",
                              "i-simfleet04": "aliyun_3_arm64_20G_alibase_20240528.vhd",
                              "i-simfleet05": "win2022_21H2_x64_dtc_en-us_40G_alibase_20240613.vhd"})";

/// One value per fleet instance, computed by the jq `program` from the
/// instance's record in the world: {"i-simfleet01": ..., ...}.
Value perFleetInstance(const Value &world, const std::string &program) {
  runtime::JqEngine jq;
  auto result = jq.run("[.Instances[] | select(.InstanceId | startswith(\"i-simfleet\")) | "
                       "{key: .InstanceId, value: (" + program + ")}] | from_entries",
                       world);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() && !result.value().empty() ? result.value()[0] : Value();
}

Value jqFirst(const Value &input, const std::string &program) {
  runtime::JqEngine jq;
  auto result = jq.run(program, input);
  EXPECT_TRUE(result.ok()) << program << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() && !result.value().empty() ? result.value()[0] : Value();
}

/// The jq `program` gives `expected` for every fleet instance.
void expectEveryFleetInstance(const Value &world, const std::string &program, const Value &expected) {
  Value values = perFleetInstance(world, program);
  ASSERT_EQ(values.size(), kFleet.size()) << values.toJson();
  for (const auto &[id, value] : values.getMap())
    EXPECT_EQ(value, expected) << id << ": " << program;
}

/// What a rolling update must leave behind whatever happened: every fleet
/// instance Running and InService, no scaling process suspended.
void expectFleetInService(const Value &world) {
  expectEveryFleetInstance(world, ".Status", Value("Running"));
  EXPECT_EQ(jqFirst(world, "[.ScalingInstances[] | select(.ScalingGroupId == \"asg-simfleet\") "
                           "| .LifecycleState] | unique"),
            parse(R"(["InService"])"));
  EXPECT_EQ(jqFirst(world, ".ScalingGroups[] | select(.ScalingGroupId == \"asg-simfleet\") "
                           "| .SuspendedProcesses.SuspendedProcess"),
            parse("[]"));
}

class FleetTest : public BuildTest {
protected:
  RunResult runOnFleet(const std::string &runner, std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--region", "cn-shanghai", "--journal", journal()});
    return run(runner, arguments);
  }
  std::string buildRollingUpdate() {
    return build({"samples/rolling-update/rolling-update.yaml",
                  "samples/rolling-update/rolling-update-instance.yaml",
                  "samples/rolling-update/rolling-update-restore.yaml",
                  "samples/custom-extensions/custom-extension-instance.yaml"});
  }
  std::string buildExtensions() {
    return build({"samples/custom-extensions/custom-extensions.yaml",
                  "samples/custom-extensions/custom-extension-instance.yaml"});
  }
};

TEST_F(FleetTest, RollingUpdateReplacesEveryDiskInBatchesAndRollbackRestoresEachImage) {
  std::string runner = buildRollingUpdate();
  RunResult update = runOnFleet(runner, {"rolling-update", "-p", "scalingGroupId=asg-simfleet", "-p",
                                         "imageId=" + kNewImage, "-p", "scalingConfigurationId=asc-simfleet",
                                         "-p", "batchNumber=2"});
  ASSERT_EQ(update.exitCode, 0) << update.err;
  Value updated = world();
  expectEveryFleetInstance(updated, ".ImageId", Value(kNewImage));
  expectEveryFleetInstance(updated, ".OSName", Value("CentOS 7.9 64 bit"));
  expectFleetInService(updated);
  EXPECT_EQ(jqFirst(updated, ".ScalingConfigurations[] | select(.ScalingConfigurationId == \"asc-simfleet\") "
                             "| .ImageId"),
            Value(kNewImage));
  // Processes were suspended before the first instance left service and
  // resumed after the last came back: the journal's call order says so.
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal", journal()});
  size_t suspend = show.out.find("ESS.SuspendProcesses"), resume = show.out.find("ESS.ResumeProcesses");
  ASSERT_NE(suspend, std::string::npos) << show.out;
  ASSERT_NE(resume, std::string::npos) << show.out;
  EXPECT_LT(suspend, resume);
  for (int child = 1; child <= 5; ++child)
    EXPECT_NE(show.out.find("exec-sim000000000001.updateInstances." + std::to_string(child)), std::string::npos)
        << show.out;

  // The rollback reads the update from the journal: every instance gets
  // back the image it had (they differed), and so does the configuration.
  RunResult rollback = runOnFleet(runner, {"rolling-update", "-p", "invokeType=rollback", "-p",
                                           "scalingGroupId=asg-simfleet", "-p",
                                           "sourceExecutionId=exec-sim000000000001"});
  ASSERT_EQ(rollback.exitCode, 0) << rollback.err;
  Value restored = world();
  EXPECT_EQ(perFleetInstance(restored, ".ImageId"), parse(kSeedImages));
  EXPECT_EQ(*perFleetInstance(restored, ".OSType").find("i-simfleet05"), Value("windows"));
  expectFleetInService(restored);
  EXPECT_EQ(jqFirst(restored, ".ScalingConfigurations[] | select(.ScalingConfigurationId == \"asc-simfleet\") "
                              "| .ImageId"),
            Value("aliyun_3_x64_20G_alibase_20240528.vhd"));
  // A rollback is not itself rolled back.
  RunResult again = runOnFleet(runner, {"rolling-update", "-p", "invokeType=rollback", "-p",
                                        "scalingGroupId=asg-simfleet", "-p",
                                        "sourceExecutionId=exec-sim000000000002"});
  EXPECT_EQ(again.exitCode, 1);
  EXPECT_NE(again.err.find("itself a rollback"), std::string::npos) << again.err;
}

TEST_F(FleetTest, RollingUpdateFailureResumesStopsBeforeTheNextBatchAndRollbackUndoesOnlyWhatChanged) {
  std::string runner = buildRollingUpdate();
  // Five instances in two batches (3, then 2); the second disk replacement
  // of the first batch fails.
  RunResult update = runOnFleet(runner, {"rolling-update", "-p", "scalingGroupId=asg-simfleet", "-p",
                                         "imageId=" + kNewImage, "-p", "batchNumber=2", "--fail",
                                         "ECS.ReplaceSystemDisk@2"});
  EXPECT_EQ(update.exitCode, 1) << update.err;
  EXPECT_NE(update.err.find("2 not started"), std::string::npos) << update.err;
  EXPECT_NE(update.err.find("Success  resumeProcesses"), std::string::npos) << update.err;
  Value failed = world();
  expectFleetInService(failed); // the cleanup path resumed the processes
  Value images = perFleetInstance(failed, ".ImageId");
  Value disks = perFleetInstance(failed, ".Simulated.SystemDiskId // \"\"");
  std::vector<std::string> changed, untouched;
  for (const auto &[id, image] : images.getMap())
    (image == Value(kNewImage) ? changed : untouched).push_back(id);
  ASSERT_EQ(changed.size(), 2u) << images.toJson();
  for (const std::string &id : untouched)
    EXPECT_EQ(*disks.find(id), Value("")) << id << " got a new disk";

  RunResult rollback = runOnFleet(runner, {"rolling-update", "-p", "invokeType=rollback", "-p",
                                           "scalingGroupId=asg-simfleet", "-p",
                                           "sourceExecutionId=exec-sim000000000001"});
  ASSERT_EQ(rollback.exitCode, 0) << rollback.err;
  Value restored = world();
  expectFleetInService(restored);
  Value restoredImages = perFleetInstance(restored, ".ImageId");
  Value restoredDisks = perFleetInstance(restored, ".Simulated.SystemDiskId // \"\"");
  EXPECT_EQ(restoredImages, parse(kSeedImages));
  for (const std::string &id : changed)
    EXPECT_NE(*restoredDisks.find(id), *disks.find(id)) << id << " was not restored";
  for (const std::string &id : untouched)
    EXPECT_EQ(*restoredDisks.find(id), Value("")) << id << " was touched by the rollback";
  // The rollback looked at the three instances the update reached, and
  // restored the two it changed.
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000002", "--journal", journal()});
  EXPECT_NE(show.out.find("exec-sim000000000002.restoreInstances.3"), std::string::npos) << show.out;
  EXPECT_EQ(show.out.find("exec-sim000000000002.restoreInstances.4"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("OOS.ListExecutions"), std::string::npos) << show.out;
}

/// The script each fleet instance last ran, decoded: {"i-simfleet01": "...", ...}.
Value lastScripts(const Value &world) {
  return jqFirst(world, "[.Invocations[] | {content: (.CommandContent | @base64d), type: .CommandType, "
                        "instance: .InvokeInstances.InvokeInstance[].InstanceId}] "
                        "| map({key: .instance, value: (.type + \": \" + .content)}) | from_entries");
}

TEST_F(FleetTest, ExtensionsRunTheScriptOfEachPlatformAndArchitectureAndUninstall) {
  std::string runner = buildExtensions();
  std::string fleet = R"(instanceIds=["i-simfleet01","i-simfleet02","i-simfleet03","i-simfleet04","i-simfleet05"])";
  RunResult install = runOnFleet(runner, {"custom-extensions", "-p", fleet});
  ASSERT_EQ(install.exitCode, 0) << install.err;
  Value outputs = parse(install.out);
  EXPECT_EQ(outputs.find("failedInstances")->toJson(), "[]");
  EXPECT_EQ(outputs.find("configuredInstances")->size(), 5u) << install.out;
  Value installed = world();
  Value scripts = lastScripts(installed);
  for (const char *id : {"i-simfleet01", "i-simfleet02", "i-simfleet03"})
    EXPECT_NE(scripts.find(id)->getString().find("RunShellScript: #!/bin/bash\necho \"demo-agent 1.1.0 "
                                                  "installed (linux x86_64 rpm)\""),
              std::string::npos)
        << id << ": " << scripts.toJson();
  EXPECT_NE(scripts.find("i-simfleet04")->getString().find("RunShellScript: #!/bin/bash\necho \"demo-agent 1.1.0 "
                                                          "installed (linux arm64 rpm)\""),
            std::string::npos)
      << scripts.toJson();
  EXPECT_NE(scripts.find("i-simfleet05")->getString().find(
                "RunPowerShellScript: Write-Output \"demo-agent 1.1.0 installed (windows x86_64 msi)\""),
            std::string::npos)
      << scripts.toJson();
  expectEveryFleetInstance(installed, "[.Tags.Tag[] | select(.TagKey == \"extension:demo-agent\") | .TagValue][0]",
                           Value("1.1.0"));

  RunResult uninstall = runOnFleet(runner, {"custom-extensions", "-p", "action=uninstall", "-p", fleet});
  ASSERT_EQ(uninstall.exitCode, 0) << uninstall.err;
  Value removed = world();
  EXPECT_NE(lastScripts(removed).find("i-simfleet04")->getString().find("removed (linux arm64 rpm)"),
            std::string::npos);
  EXPECT_NE(lastScripts(removed).find("i-simfleet05")->getString().find("removed (windows x86_64 msi)"),
            std::string::npos);
  expectEveryFleetInstance(removed, "[.Tags.Tag[] | select(.TagKey == \"extension:demo-agent\")]", parse("[]"));

  // Version 1.0.0 has only a Linux x86_64 configuration: the others fail,
  // each with a message naming what is missing.
  RunResult old = runOnFleet(runner, {"custom-extensions", "-p", "extensionVersion=1.0.0", "-p", fleet});
  EXPECT_EQ(old.exitCode, 1);
  EXPECT_NE(old.err.find("demo-agent 1.0.0 has no configuration for linux/arm64"), std::string::npos) << old.err;
  EXPECT_EQ(parse(old.out).find("failedInstances")->size(), 2u) << old.out;
}

TEST_F(FleetTest, ExtensionsReportAFailingInstanceAndMaxErrorsDecides) {
  std::string runner = buildExtensions();
  // A first run makes the world; then i-simfleet03's commands are made to
  // fail with the simulator's tag.
  ASSERT_EQ(runOnFleet(runner, {"custom-extensions", "-p", "instanceIds=[]"}).exitCode, 0);
  Value seeded = world();
  for (Value &instance : seeded.find("Instances")->getList())
    if (instance.find("InstanceId")->toDisplayString() == "i-simfleet03")
      instance.find("Tags")->find("Tag")->append(
          parse(R"({"TagKey": "sim:command-exit-code", "TagValue": "3"})"));
  std::ofstream(state()) << seeded.toJson();
  std::string fleet = R"(instanceIds=["i-simfleet01","i-simfleet02","i-simfleet03","i-simfleet04","i-simfleet05"])";

  RunResult tolerated = runOnFleet(runner, {"custom-extensions", "-p", fleet, "-p",
                                            R"(rateControl={"Mode":"Concurrency","Concurrency":2,"MaxErrors":1})"});
  EXPECT_EQ(tolerated.exitCode, 0) << tolerated.err;
  Value outputs = parse(tolerated.out);
  ASSERT_EQ(outputs.find("failedInstances")->size(), 1u) << tolerated.out;
  EXPECT_EQ(jqFirst(outputs, ".failedInstances[0].instanceId"), Value("i-simfleet03"));
  EXPECT_EQ(jqFirst(outputs, "[.configuredInstances[].instanceId] | sort"),
            parse(R"(["i-simfleet01","i-simfleet02","i-simfleet04","i-simfleet05"])"));

  RunResult strict = runOnFleet(runner, {"custom-extensions", "-p", fleet});
  EXPECT_EQ(strict.exitCode, 1) << strict.err;
  EXPECT_NE(strict.err.find("1 of 5 loop items failed (MaxErrors 0)"), std::string::npos) << strict.err;
  EXPECT_EQ(jqFirst(parse(strict.out), "[.failedInstances[].instanceId]"), parse(R"(["i-simfleet03"])"));
  // The others still finished: each has the extension recorded.
  Value after = world();
  EXPECT_EQ(jqFirst(after, "[.Instances[] | select(.Tags.Tag | any(.TagKey == \"extension:demo-agent\")) "
                           "| .InstanceId] | sort"),
            parse(R"(["i-simfleet01","i-simfleet02","i-simfleet04","i-simfleet05"])"));
}

TEST_F(FleetTest, RollingUpdateByCommandRollsBackWithTheScriptItKept) {
  std::string runner = buildRollingUpdate();
  RunResult update = runOnFleet(runner, {"rolling-update", "-p", "scalingGroupId=asg-simfleet", "-p",
                                         "updateType=command", "-p", "invokeScript=echo app v2", "-p",
                                         "rollbackScript=echo app back to v1", "-p", "batchNumber=3"});
  ASSERT_EQ(update.exitCode, 0) << update.err;
  Value updated = world();
  expectFleetInService(updated);
  Value scripts = lastScripts(updated);
  ASSERT_EQ(scripts.size(), kFleet.size()) << scripts.toJson();
  for (const auto &[id, script] : scripts.getMap())
    EXPECT_EQ(script, Value("RunShellScript: echo app v2")) << id;
  expectEveryFleetInstance(updated, ".Simulated.SystemDiskId // \"\"", Value("")); // no disk replaced
  // The rollback needs no script of its own: it runs the one the update kept.
  RunResult rollback = runOnFleet(runner, {"rolling-update", "-p", "invokeType=rollback", "-p",
                                           "scalingGroupId=asg-simfleet", "-p",
                                           "sourceExecutionId=exec-sim000000000001"});
  ASSERT_EQ(rollback.exitCode, 0) << rollback.err;
  Value restored = world();
  expectFleetInService(restored);
  Value rolledBack = lastScripts(restored);
  for (const auto &[id, script] : rolledBack.getMap())
    EXPECT_EQ(script, Value("RunShellScript: echo app back to v1")) << id;
  EXPECT_EQ(perFleetInstance(restored, ".ImageId"), parse(kSeedImages));
}

/// The demo-agent version each fleet instance's tag names; "" without one.
Value packageVersions(const Value &world) {
  return perFleetInstance(world, "[.Tags.Tag[] | select(.TagKey == \"extension:demo-agent\") | .TagValue][0] // \"\"");
}

/// How many Cloud Assistant commands each fleet instance has run.
Value invocationCounts(const Value &world) {
  return jqFirst(world, "[.Invocations[].InvokeInstances.InvokeInstance[].InstanceId] | group_by(.) "
                        "| map({key: .[0], value: length}) | from_entries");
}

std::vector<std::string> packageUpdate(std::vector<std::string> more) {
  std::vector<std::string> arguments{"rolling-update", "-p", "scalingGroupId=asg-simfleet", "-p",
                                     "updateType=package"};
  arguments.insert(arguments.end(), more.begin(), more.end());
  return arguments;
}

std::vector<std::string> rollbackOf(const std::string &executionId) {
  return {"rolling-update", "-p", "invokeType=rollback", "-p", "scalingGroupId=asg-simfleet", "-p",
          "sourceExecutionId=" + executionId};
}

TEST_F(FleetTest, RollingUpdateInstallsAPackageVersionAndRollbackRestoresEachPreviousVersion) {
  std::string runner = buildRollingUpdate();
  // Version 1.0.0 exists only for Linux x86_64: three instances get it,
  // the arm64 and Windows ones fail (tolerated) and keep no version.
  RunResult seed = runOnFleet(runner, packageUpdate({"-p", "packageVersion=1.0.0", "-p", "batchNumber=1",
                                                     "-p", "maxErrors=2"}));
  ASSERT_EQ(seed.exitCode, 0) << seed.err;
  ASSERT_EQ(packageVersions(world()), parse(R"({"i-simfleet01": "1.0.0", "i-simfleet02": "1.0.0",
      "i-simfleet03": "1.0.0", "i-simfleet04": "", "i-simfleet05": ""})"));

  RunResult update = runOnFleet(runner, packageUpdate({"-p", "packageVersion=1.1.0", "-p", "batchNumber=2"}));
  ASSERT_EQ(update.exitCode, 0) << update.err;
  Value updated = world();
  expectFleetInService(updated);
  expectEveryFleetInstance(updated, "[.Tags.Tag[] | select(.TagKey == \"extension:demo-agent\") | .TagValue][0]",
                           Value("1.1.0"));
  // Each instance ran the install script of its own platform and architecture.
  EXPECT_EQ(lastScripts(updated), parse(R"({
      "i-simfleet01": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.1.0 installed (linux x86_64 rpm)\"\n",
      "i-simfleet02": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.1.0 installed (linux x86_64 rpm)\"\n",
      "i-simfleet03": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.1.0 installed (linux x86_64 rpm)\"\n",
      "i-simfleet04": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.1.0 installed (linux arm64 rpm)\"\n",
      "i-simfleet05": "RunPowerShellScript: Write-Output \"demo-agent 1.1.0 installed (windows x86_64 msi)\"\n"})"));
  // Two batches (3, then 2): the second batch's installs were created after
  // the first batch's had all finished, on the simulator's clock.
  Value batches = jqFirst(updated, "[.Invocations[-5:][] | .InvokeInstances.InvokeInstance[0]] "
                                   "| {first: map(select(.InstanceId < \"i-simfleet04\") | .FinishTime) | max, "
                                   "second: map(select(.InstanceId >= \"i-simfleet04\") | .CreationTime) | min}");
  EXPECT_GE(batches.find("second")->getString(), batches.find("first")->getString()) << batches.toJson();
  // Each child recorded the version its instance had before, for a rollback.
  RunResult child = runProgram(runner, {"executions", "show", "exec-sim000000000002.updateInstances.1",
                                        "--journal", journal()});
  EXPECT_NE(child.out.find("\"previousPackageVersion\":\"1.0.0\""), std::string::npos) << child.out;

  RunResult rollback = runOnFleet(runner, rollbackOf("exec-sim000000000002"));
  ASSERT_EQ(rollback.exitCode, 0) << rollback.err;
  Value restored = world();
  expectFleetInService(restored);
  EXPECT_EQ(packageVersions(restored), parse(R"({"i-simfleet01": "1.0.0", "i-simfleet02": "1.0.0",
      "i-simfleet03": "1.0.0", "i-simfleet04": "", "i-simfleet05": ""})"));
  // 1.0.0 reinstalled where it was; 1.1.0 uninstalled where nothing was.
  EXPECT_EQ(lastScripts(restored), parse(R"({
      "i-simfleet01": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.0.0 installed (linux x86_64 rpm)\"\n",
      "i-simfleet02": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.0.0 installed (linux x86_64 rpm)\"\n",
      "i-simfleet03": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.0.0 installed (linux x86_64 rpm)\"\n",
      "i-simfleet04": "RunShellScript: #!/bin/bash\necho \"demo-agent 1.1.0 removed (linux arm64 rpm)\"\n",
      "i-simfleet05": "RunPowerShellScript: Write-Output \"demo-agent 1.1.0 removed (windows x86_64 msi)\"\n"})"));
  EXPECT_EQ(perFleetInstance(restored, ".ImageId"), parse(kSeedImages)); // no disk was touched
}

TEST_F(FleetTest, RollingUpdatePackageFailureHalfWayRollsBackOnlyTheInstancesItChanged) {
  std::string runner = buildRollingUpdate();
  // Two batches (3, then 2); the second install of the first batch cannot
  // even start its script.
  RunResult update = runOnFleet(runner, packageUpdate({"-p", "batchNumber=2", "--fail", "ECS.RunCommand@2"}));
  EXPECT_EQ(update.exitCode, 1) << update.err;
  EXPECT_NE(update.err.find("2 not started"), std::string::npos) << update.err;
  EXPECT_NE(update.err.find("Success  resumeProcesses"), std::string::npos) << update.err;
  Value failed = world();
  expectFleetInService(failed);
  Value versions = packageVersions(failed);
  std::vector<std::string> changed, unchanged;
  for (const auto &[id, version] : versions.getMap())
    (version == Value("1.1.0") ? changed : unchanged).push_back(id);
  ASSERT_EQ(changed.size(), 2u) << versions.toJson();
  Value countsBefore = invocationCounts(failed);
  EXPECT_EQ(countsBefore.size(), 2u) << "only the two installs ran a script: " << countsBefore.toJson();

  RunResult rollback = runOnFleet(runner, rollbackOf("exec-sim000000000001"));
  ASSERT_EQ(rollback.exitCode, 0) << rollback.err;
  Value restored = world();
  expectFleetInService(restored);
  expectEveryFleetInstance(restored, "[.Tags.Tag[] | select(.TagKey == \"extension:demo-agent\")]", parse("[]"));
  Value counts = invocationCounts(restored), scripts = lastScripts(restored);
  for (const std::string &id : changed) {
    EXPECT_EQ(*counts.find(id), Value(int64_t(2))) << id << ": install, then uninstall";
    EXPECT_NE(scripts.find(id)->getString().find("demo-agent 1.1.0 removed"), std::string::npos)
        << id << ": " << scripts.toJson();
  }
  for (const std::string &id : unchanged)
    EXPECT_EQ(counts.find(id), nullptr) << id << " was touched by the rollback: " << counts.toJson();
  // The rollback looked at the three instances the update reached.
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000002", "--journal", journal()});
  EXPECT_NE(show.out.find("exec-sim000000000002.restoreInstances.3"), std::string::npos) << show.out;
  EXPECT_EQ(show.out.find("exec-sim000000000002.restoreInstances.4"), std::string::npos) << show.out;
}

TEST_F(FleetTest, RollbackOfAPackageUpdateLeavesAnInstanceWhoseInstallScriptFailed) {
  std::string runner = buildRollingUpdate();
  // A first run makes the world; then i-simfleet02's commands fail.
  ASSERT_EQ(runOnFleet(runner, {"rolling-update", "-p", "scalingGroupId=asg-simfleet", "-p",
                                "updateType=command", "-p", "invokeScript=echo ready"})
                .exitCode,
            0);
  Value seeded = world();
  for (Value &instance : seeded.find("Instances")->getList())
    if (instance.find("InstanceId")->toDisplayString() == "i-simfleet02")
      instance.find("Tags")->find("Tag")->append(
          parse(R"({"TagKey": "sim:command-exit-code", "TagValue": "7"})"));
  std::ofstream(state()) << seeded.toJson();

  RunResult update = runOnFleet(runner, packageUpdate({"-p", "batchNumber=1", "-p", "maxErrors=1"}));
  EXPECT_EQ(update.exitCode, 0) << update.err;
  Value versions = packageVersions(world());
  EXPECT_EQ(*versions.find("i-simfleet02"), Value("")) << versions.toJson();
  Value countsBefore = invocationCounts(world());
  // Its install failed: the rollback uninstalls from the four others only
  // (and so succeeds, though every command fails on i-simfleet02).
  RunResult rollback = runOnFleet(runner, rollbackOf("exec-sim000000000002"));
  ASSERT_EQ(rollback.exitCode, 0) << rollback.err;
  Value counts = invocationCounts(world());
  EXPECT_EQ(*counts.find("i-simfleet02"), *countsBefore.find("i-simfleet02"));
  for (const char *id : {"i-simfleet01", "i-simfleet03", "i-simfleet04", "i-simfleet05"})
    EXPECT_EQ(counts.find(id)->getInteger(), countsBefore.find(id)->getInteger() + 1) << id;
  expectEveryFleetInstance(world(), "[.Tags.Tag[] | select(.TagKey == \"extension:demo-agent\")]", parse("[]"));
}

TEST_F(BuildTest, LibraryActionsLookUpSwapAndDelete) {
  std::string runner = build({"tests/build/actions.yaml"});
  RunResult result = run(runner, {});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  Value outputs = parse(result.out);
  EXPECT_EQ(outputs.find("instanceIds")->toJson(), R"(["i-sim000000000001","i-sim000000000002"])");
  Value after = world();
  EXPECT_EQ(imageNamed(after, "to-delete"), nullptr);
  ASSERT_NE(imageNamed(after, "swapped-in"), nullptr);
  for (const Value &configuration : after.find("ScalingConfigurations")->getList()) {
    if (configuration.find("ScalingConfigurationId")->toDisplayString() == "asc-sim000000000001") {
      EXPECT_EQ(configuration.find("ImageId")->toDisplayString(), outputs.find("imageId")->toDisplayString());
    }
  }
}

TEST_F(BuildTest, BuiltInActionsTakeThePropertiesRealTemplatesPass) {
  std::string runner = build({"tests/build/builtin-action-properties.yaml"});
  RunResult result = run(runner, {"--no-journal", "-p", "script=echo hello {{name}}"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  Value outputs = parse(result.out);
  // Cloud Assistant put the custom parameter into the command.
  EXPECT_EQ(outputs.find("said")->toJson(), R"("hello oosc\n")");
  EXPECT_EQ(outputs.find("stoppedMode")->toJson(), R"("StopCharging")");
  EXPECT_EQ(outputs.find("bandwidthIn")->toJson(), "50");
  EXPECT_EQ(outputs.find("imageFamily")->toJson(), R"("sim-family")");
  size_t found = 0;
  Value after = world(); // held: the loop reads into it
  for (const Value &instance : after.find("Instances")->getList())
    if (instance.find("InstanceName")->toDisplayString() == "builtin-properties") {
      ++found;
      EXPECT_EQ(instance.find("Simulated")->find("SystemDiskSize")->toJson(), "60");
    }
  EXPECT_EQ(found, 1u);
}

TEST_F(BuildTest, RosStacksMakeTheirResourcesWithTheApisTheRunnerCarries) {
  std::string runner = build({"tests/build/ros-stack.yaml"});
  RunResult result = run(runner, {"--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  Value outputs = parse(result.out);
  EXPECT_EQ(outputs.find("roleName")->toJson(), R"("stack-role")");
  std::string vpcId = outputs.find("vpcId")->toDisplayString();
  EXPECT_FALSE(vpcId.empty());
  // Made while the stack lived, removed with it; the stack itself still
  // reads DELETE_COMPLETE.
  Value after = world();
  EXPECT_EQ(after.find("Stacks")->size(), 1u);
  EXPECT_EQ(after.find("Stacks")->getList()[0].find("Status")->toDisplayString(), "DELETE_COMPLETE");
  for (const Value &vpc : after.find("Vpcs")->getList())
    EXPECT_NE(vpc.find("VpcId")->toDisplayString(), vpcId);
  for (const Value &resource : after.find("Resources")->getList())
    EXPECT_EQ(resource.toJson().find("stack-role"), std::string::npos)
        << "the stack's role is removed with it: " << resource.toJson();
}

TEST_F(BuildTest, UnsupportedActionsFailClearlyNamingTheTask) {
  std::string runner = build({"tests/build/unsupported.yaml"});
  RunResult result = run(runner, {});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("task 'findRepository' failed: action ACS::GitCodeRepo is not supported yet"),
            std::string::npos)
      << result.err;
}

TEST_F(BuildTest, AdversarialStringsComeThroughAsData) {
  fs::remove("/tmp/oosc-pwned");
  std::string runner = build({"tests/build/adversarial.json"});
  RunResult result = run(runner, {});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out), parse(slurp(kSource + "/tests/build/adversarial.expected")));
  EXPECT_FALSE(fs::exists("/tmp/oosc-pwned"));
}

TEST_F(BuildTest, ControlFlowFollowsWhenChoiceOnErrorAndLoops) {
  std::string runner = build({"tests/build/flow.yaml"});
  RunResult result = run(runner, {});
  // A failure routed by OnError still ends the execution Failed.
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_EQ(parse(result.out), parse(R"({"zoneCounts":[4,3,3],"totalZones":10,"doubled":20,"regionsIfNotSkipped":null})"));
  EXPECT_NE(result.err.find("Skipped  skipped"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("Success  recover"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("neverHere"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("notRun"), std::string::npos) << result.err;
}

TEST_F(BuildTest, LoopsShowALiveBarOnATerminal) {
  std::string runner = build({"tests/build/flow.yaml"});
  // script(1) gives the runner a pseudo-terminal, as a person's shell would.
  RunResult result = runProgram("/usr/bin/script",
                                {"-qc", runner + " --state " + state(), "/dev/null"});
  EXPECT_NE(result.out.find("perRegion [##############################] 3/3"), std::string::npos)
      << result.out;
  // Not a terminal: no bar, only task lines.
  RunResult piped = run(runner, {});
  EXPECT_EQ(piped.err.find("[###"), std::string::npos) << piped.err;
}

TEST_F(BuildTest, TemplatesCallEachOtherInsideOneRunner) {
  std::string runner = build({"tests/build/nested-parent.yaml", "tests/build/nested-child.yaml"});
  RunResult result = run(runner, {"nested-parent", "-p", "who=test"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out), parse(R"({"message":"hello from test / hello from test x2"})"));
  RunResult child = run(runner, {"nested-child", "-p", "greeting=hi", "-p", "count=9"});
  EXPECT_EQ(child.exitCode, 2);
  EXPECT_NE(child.err.find("parameter 'count': 9 is greater than MaxValue 5"), std::string::npos) << child.err;
}

TEST_F(BuildTest, RunnerHelpDryRunAndParameterErrors) {
  std::string runner = build({"samples/update-image/update-image.yaml"});
  RunResult help = runProgram(runner, {"--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("instanceType (String, default: \"ecs.g6.large\")"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("allowed: \"RunShellScript\""), std::string::npos) << help.out;
  RunResult plan = run(runner, {"--dry-run"});
  EXPECT_EQ(plan.exitCode, 0) << plan.err;
  EXPECT_NE(plan.out.find("on error -> deleteInstance"), std::string::npos) << plan.out;
  EXPECT_FALSE(fs::exists(state())) << "a dry run calls nothing";
  RunResult bad = run(runner, {"-p", "instanceType=m5.large"});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("parameter 'instanceType': 'm5.large' does not match AllowedPattern"),
            std::string::npos)
      << bad.err;
  EXPECT_EQ(run(runner, {"-p", "nosuch=1"}).exitCode, 2);
  EXPECT_EQ(run(runner, {"--bogus"}).exitCode, 2);
}

TEST_F(BuildTest, LintErrorsStopTheBuildPrintedAsLintPrintsThem) {
  std::string broken = kSource + "/samples/broken/broken.yaml";
  RunResult build = runProgram(kOosc, {"build", broken, "-o", (dir_ / "runner").string()});
  RunResult lint = runProgram(kOosc, {"lint", broken});
  EXPECT_EQ(build.exitCode, 1);
  EXPECT_EQ(build.out, lint.out);
  EXPECT_FALSE(fs::exists(dir_ / "runner"));
}

TEST_F(BuildTest, RunCachesTheRunnerByContent) {
  std::string cache = "XDG_CACHE_HOME=" + (dir_ / "cache").string();
  std::string stateHome = "XDG_STATE_HOME=" + (dir_ / "state").string();
  std::string sample = kSource + "/tests/build/nested-child.yaml";
  RunResult first = runProgram("/usr/bin/env", {cache, stateHome, kOosc, "run", sample, "-p", "greeting=a", "-p", "count=1"});
  ASSERT_EQ(first.exitCode, 0) << first.err;
  RunResult second = runProgram("/usr/bin/env", {cache, stateHome, kOosc, "run", sample, "-p", "greeting=b", "-p", "count=1"});
  ASSERT_EQ(second.exitCode, 0) << second.err;
  EXPECT_EQ(parse(second.out), parse(R"({"message":"b / b x1"})"));
  size_t runners = 0;
  for (const auto &entry : fs::recursive_directory_iterator(dir_ / "cache"))
    runners += entry.is_regular_file();
  EXPECT_EQ(runners, 1u) << "the second run should reuse the cached runner";
}

} // namespace
} // namespace oosc::testing
