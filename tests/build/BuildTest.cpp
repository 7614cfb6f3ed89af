//===- BuildTest.cpp - oosc build: runners built, run, and their worlds ----===//
//
// Each test builds a real runner with the oosc binary and the system
// compiler, runs it as a subprocess on a simulated world in a scratch
// directory, and checks the outputs, the exit status and the world the run
// left behind.
//
//===----------------------------------------------------------------------===//
#include "cli/Subprocess.h"
#include "oosc/runtime/Value.h"

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

std::string slurp(const fs::path &path) {
  std::ifstream input(path, std::ios::binary);
  std::ostringstream text;
  text << input.rdbuf();
  return text.str();
}

Value parse(const std::string &text) {
  auto value = runtime::parseJson(text);
  EXPECT_TRUE(value.has_value()) << text;
  return value ? *value : Value();
}

class BuildTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("oosc-build-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Builds the templates into dir/runner; fails the test if it does not build.
  std::string build(const std::vector<std::string> &templates) {
    std::vector<std::string> arguments{"build"};
    for (const std::string &path : templates)
      arguments.push_back(kSource + "/" + path);
    std::string runner = (dir_ / "runner").string();
    arguments.insert(arguments.end(), {"-o", runner});
    RunResult result = runProgram(kOosc, arguments);
    EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
    return runner;
  }

  RunResult run(const std::string &runner, std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--state", state()});
    return runProgram(runner, arguments);
  }

  std::string state() const { return (dir_ / "world.json").string(); }
  Value world() const { return parse(slurp(state())); }

  fs::path dir_;
};

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

TEST_F(BuildTest, JournalRecordsTheExecutionItsTasksLoopItemsAndChildren) {
  std::string runner = build({"tests/build/journal.yaml"});
  RunResult result = run(runner, {});
  EXPECT_EQ(result.exitCode, 1) << result.err; // startInstance fails, OnError goes on
  std::string journal = (dir_ / "journal.sqlite").string();
  RunResult list = runProgram(runner, {"executions", "list", "--journal", journal});
  ASSERT_EQ(list.exitCode, 0) << list.err;
  EXPECT_NE(list.out.find("exec-sim000000000001     journal"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("Failed"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("exec-sim000000000001/"), std::string::npos) << "children only under show";
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal", journal});
  ASSERT_EQ(show.exitCode, 0) << show.err;
  for (const char *expected : {"status     Failed", "\"adminPassword\":\"******\"", "describeZones[0]",
                               "describeZones[1]", "InvalidInstanceId.NotFound",
                               "\"regions\":[\"cn-hangzhou\"", "exec-sim000000000001/startInstance",
                               "ECS.DescribeZones", "ECS.DescribeRegions", "OOS.NotifyWebhook"})
    EXPECT_NE(show.out.find(expected), std::string::npos) << expected << " in\n" << show.out;
  EXPECT_EQ(show.out.find("Journal-Secret-4711"), std::string::npos) << "the secret is in the journal";
  // The failed call is recorded under the child execution that made it.
  RunResult child = runProgram(runner, {"executions", "show", "exec-sim000000000001/startInstance",
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
  // A real signal to a real runner: SIGTERM one second into a four-second
  // Sleep (real time), well after the runner installed its handlers.
  std::string code = (dir_ / "code").string();
  std::string script = runner + " --state " + state() + " --real-time >/dev/null 2>" +
                       (dir_ / "err").string() + " & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo $? >" + code;
  ASSERT_EQ(std::system(script.c_str()), 0);
  std::string err = slurp((dir_ / "err").string());
  EXPECT_EQ(slurp(code), "3\n") << err;
  EXPECT_NE(err.find("Cancelled  useInstance"), std::string::npos) << err;
  EXPECT_NE(err.find("Success  deleteInstance"), std::string::npos) << "the cleanup did not run\n" << err;
  EXPECT_EQ(instancesNamed(world(), "oos-cancel-test"), 0u) << "the instance was left behind";
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal",
                                       (dir_ / "journal.sqlite").string()});
  EXPECT_NE(show.out.find("status     Cancelled"), std::string::npos) << show.out;
}

TEST_F(BuildTest, JournalKeepsWhatWasCommittedWhenTheRunnerIsKilled) {
  std::string runner = build({"tests/build/cancel.yaml"});
  // kill -9 one second into the four-second Sleep: nothing can be flushed
  // at exit, so what the journal holds is what was committed step by step.
  std::string script = runner + " --state " + state() + " --real-time >/dev/null 2>&1 & pid=$!; " +
                       "sleep 1; kill -KILL $pid; wait $pid; true";
  ASSERT_EQ(std::system(script.c_str()), 0);
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal",
                                       (dir_ / "journal.sqlite").string()});
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

TEST_F(BuildTest, LibraryActionsLookUpSwapAndDelete) {
  std::string runner = build({"tests/build/actions.yaml"});
  RunResult result = run(runner, {});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  Value outputs = parse(result.out);
  EXPECT_EQ(outputs.find("instanceIds")->toJson(), R"(["i-sim000000000001","i-sim000000000002"])");
  Value after = world();
  EXPECT_EQ(imageNamed(after, "to-delete"), nullptr);
  ASSERT_NE(imageNamed(after, "swapped-in"), nullptr);
  for (const Value &configuration : after.find("ScalingConfigurations")->getList())
    if (configuration.find("ScalingConfigurationId")->toDisplayString() == "asc-sim000000000001")
      EXPECT_EQ(configuration.find("ImageId")->toDisplayString(), outputs.find("imageId")->toDisplayString());
}

TEST_F(BuildTest, UnsupportedActionsFailClearlyNamingTheTask) {
  std::string runner = build({"tests/build/unsupported.yaml"});
  RunResult result = run(runner, {});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("task 'askTheTeam' failed: action ACS::Approve is not supported yet"),
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
  EXPECT_EQ(parse(result.out), parse(R"({"zoneCounts":[4,3,3],"totalZones":10,"doubled":20})"));
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
