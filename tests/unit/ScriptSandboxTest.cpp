//===- ScriptSandboxTest.cpp - Cloud Assistant scripts run for real -------===//
//
// The sandbox runs real bash under Debian's bubblewrap (scripts/setup.sh
// installs it); these tests run real scripts in it and through the
// simulated cloud's RunCommand.
//
//===----------------------------------------------------------------------===//
#include "simulator/sandbox/ScriptSandbox.h"

#include "oosc/runtime/Simulator.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace oosc::runtime;
using namespace oosc::runtime::sim;
namespace fs = std::filesystem;

namespace {

class ScriptSandboxTest : public ::testing::Test {
protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("oosc-sandbox-test-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    SandboxOptions options;
    options.instancesRoot = root.string();
    options.wallLimit = std::chrono::seconds(20);
    std::string why;
    sandbox = ScriptSandbox::open(options, why);
    ASSERT_TRUE(sandbox) << "the sandbox needs bubblewrap (bash scripts/setup.sh installs it): " << why;
    ASSERT_FALSE(sandbox->unusable()) << *sandbox->unusable();
  }
  void TearDown() override {
    sandbox.reset();
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }

  SandboxRun run(const std::string &instance, const std::string &script, const std::string &workingDir = "") {
    return sandbox->runShell(instance, "t-" + std::to_string(++runs), script, workingDir, std::chrono::seconds(60));
  }

  fs::path root;
  std::unique_ptr<ScriptSandbox> sandbox;
  int runs = 0;
};

TEST_F(ScriptSandboxTest, AScriptsExitCodeBranchesAndOutputAreItsOwn) {
  SandboxRun ran = run("i-a", "if [ -d /root ]; then echo found root; else echo no root; fi\n"
                              "for n in 1 2 3; do printf '%s' $n; done; echo\n"
                              "echo to stderr >&2\n"
                              "[ \"$(id -u)\" = 0 ] || exit 9\n"
                              "exit 4\necho never\n");
  EXPECT_EQ(ran.exitCode, 4);
  EXPECT_EQ(ran.output, "found root\n123\nto stderr\n");
  EXPECT_FALSE(ran.timedOut);
}

TEST_F(ScriptSandboxTest, TheMachinesAlternativesAndCertificatesAreReadNotCopied) {
  // awk is a link through /etc/alternatives on Debian; the certificates are
  // the machine's. Both are read-only in the instance, its own /etc is not.
  SandboxRun ran = run("i-a", "echo 'a b' | awk '{print $2}'\n"
                              "test -d /etc/ssl/certs && echo certificates\n"
                              "touch /etc/ssl/oosc-probe 2>/dev/null || echo read-only\n"
                              "echo '10.0.0.9 app' >> /etc/hosts && grep -c app /etc/hosts\n");
  EXPECT_EQ(ran.exitCode, 0) << ran.output;
  EXPECT_EQ(ran.output, "b\ncertificates\nread-only\n1\n");
  EXPECT_FALSE(fs::exists(root / "i-a" / "etc" / "alternatives" / "awk"))
      << "the alternatives are bound, not copied into the instance";
}

TEST_F(ScriptSandboxTest, EachInstanceKeepsItsOwnFiles) {
  EXPECT_EQ(run("i-a", "mkdir -p /etc/app && echo v1 > /etc/app/conf && echo made > /root/note").exitCode, 0);
  SandboxRun again = run("i-a", "cat /etc/app/conf /root/note; cat /etc/hostname; hostname");
  EXPECT_EQ(again.exitCode, 0) << again.output;
  EXPECT_EQ(again.output, "v1\nmade\ni-a\ni-a\n");
  SandboxRun other = run("i-b", "test -e /etc/app/conf && echo leaked; test -e /root/note && echo leaked; "
                                "echo checked");
  EXPECT_EQ(other.output, "checked\n");
  // A file of the machine outside /usr is not there; /usr cannot be written.
  fs::path secret = root / "outside.txt";
  std::ofstream(secret) << "machine file\n";
  SandboxRun fenced = run("i-a", "cat " + secret.string() + " 2>/dev/null || echo not visible\n"
                                 "touch /usr/oosc-probe 2>/dev/null || echo read-only\n");
  EXPECT_EQ(fenced.output, "not visible\nread-only\n");
}

TEST_F(ScriptSandboxTest, TheInstanceHasNoNetwork) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 1), 0);
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
  int port = ntohs(address.sin_port);
  // The machine's loopback listener, reachable from here, is not from the
  // instance: its loopback is its own.
  SandboxRun probe = run("i-a", "if (echo hi > /dev/tcp/127.0.0.1/" + std::to_string(port) +
                                    ") 2>/dev/null; then echo connected; else echo refused; fi");
  close(listener);
  EXPECT_EQ(probe.output, "refused\n");
}

TEST_F(ScriptSandboxTest, CommandsOnlyARealInstanceHasAreStoodIn) {
  SandboxRun ran = run("i-a", "yum install -y nginx && systemctl enable --now nginx\n"
                              "sudo -u root echo as root\n"
                              "aliyun-imaginary-agent --start\n"
                              "cd /tmp && wget -q https://example.com/pkg/tool.sh && chmod +x tool.sh && ./tool.sh --install\n"
                              "sleep 100; sleep 2m\n");
  EXPECT_EQ(ran.exitCode, 0) << ran.output;
  EXPECT_EQ(ran.output, "[oosc stand-in] yum install -y nginx\n"
                        "[oosc stand-in] systemctl enable --now nginx\n"
                        "as root\n"
                        "[oosc stand-in] aliyun-imaginary-agent --start (not in the sandbox; a real image may have it)\n"
                        "[oosc stand-in] wget -q https://example.com/pkg/tool.sh\n"
                        // What it downloaded is a stand-in too: run, it says so.
                        "[oosc stand-in] ./tool.sh --install\n");
  // sleep moved the world's clock, not the machine's.
  EXPECT_EQ(ran.sleptSeconds, 220);
  // A download piped to a shell hands it the download, not the note.
  SandboxRun piped = run("i-a", "wget -O- https://example.com/install.sh -q | sh && echo installed\n");
  EXPECT_EQ(piped.exitCode, 0) << piped.output;
  EXPECT_EQ(piped.output, "[oosc stand-in] wget -O- https://example.com/install.sh -q\ninstalled\n");
}

TEST_F(ScriptSandboxTest, AMissingWorkingFolderFailsAndAnExistingOneIsUsed) {
  SandboxRun missing = run("i-a", "echo never", "/no/such/folder");
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_NE(missing.output.find("/no/such/folder"), std::string::npos) << missing.output;
  SandboxRun used = run("i-a", "pwd", "/opt");
  EXPECT_EQ(used.output, "/opt\n");
}

TEST_F(ScriptSandboxTest, AScriptPastTheRealTimeLimitIsStopped) {
  SandboxRun ran = sandbox->runShell("i-a", "t-loop", "echo started\nwhile :; do :; done\n", "", std::chrono::seconds(1));
  EXPECT_TRUE(ran.timedOut);
  EXPECT_EQ(ran.output, "started\n");
  EXPECT_NE(ran.exitCode, 0);
}

TEST_F(ScriptSandboxTest, ANewWorldForgetsTheInstancesFiles) {
  EXPECT_EQ(run("i-a", "echo kept > /root/note").exitCode, 0);
  sandbox->forgetInstances();
  EXPECT_EQ(run("i-a", "cat /root/note 2>/dev/null || echo gone").output, "gone\n");
  EXPECT_EQ(run("i-a", "echo still works").output, "still works\n");
}

/// A machine whose bubblewrap cannot make namespaces: the sandbox says so
/// (and RunCommand reads the script instead, naming the reason).
TEST(ScriptSandboxProbe, ABubblewrapThatCannotMakeASandboxIsSaidUnusable) {
  fs::path folder = fs::temp_directory_path() / ("oosc-sandbox-probe-" + std::to_string(getpid()));
  fs::create_directories(folder);
  fs::path fake = folder / "bwrap";
  std::ofstream(fake) << "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n";
  fs::permissions(fake, fs::perms::owner_all);
  SandboxOptions options;
  options.bwrap = fake.string();
  options.instancesRoot = (folder / "instances").string();
  std::string why;
  auto sandbox = ScriptSandbox::open(options, why);
  ASSERT_TRUE(sandbox) << why;
  ASSERT_TRUE(sandbox->unusable());
  EXPECT_EQ(*sandbox->unusable(),
            "bubblewrap cannot make a sandbox on this machine (bwrap: No permissions to create new namespace)");
  sandbox.reset();
  options.bwrap = (folder / "no-such-bwrap").string();
  EXPECT_FALSE(ScriptSandbox::open(options, why));
  EXPECT_NE(why.find("is not installed"), std::string::npos) << why;
  fs::remove_all(folder);
}

/// Through the simulated cloud: RunCommand runs the script on the
/// instance, DescribeInvocationResults gives its own exit code and output,
/// and its sleep is world time.
TEST(ScriptSandboxCloud, RunCommandRunsTheScriptOnTheInstance) {
  fs::path state = fs::temp_directory_path() / ("oosc-sandbox-cloud-" + std::to_string(getpid()) + ".json");
  fs::remove(state);
  VirtualClock clock;
  SimulatorOptions options;
  options.stateFile = state.string();
  options.clock = &clock;
  auto cloud = SimulatedCloud::open(options);
  ASSERT_TRUE(cloud.ok());
  auto call = [&](const char *api, Value parameters) {
    auto answer = cloud.value()->call("ECS", api, parameters);
    EXPECT_TRUE(answer.ok()) << api << ": " << answer.error().message;
    return answer.ok() ? answer.value() : Value();
  };
  auto field = [](const Value &result, const char *name) {
    const Value *value = result.find(name);
    return value ? value->toJson() : "(absent in " + result.toJson() + ")";
  };
  std::string statusAfterHalfAMinute;
  auto runScript = [&](const std::string &script) {
    Value invoked = call("RunCommand", Value(Value::Map{{"RegionId", Value("cn-hangzhou")},
                                                        {"Type", Value("RunShellScript")},
                                                        {"CommandContent", Value(script)},
                                                        {"InstanceId.1", Value("i-sim000000000001")}}));
    clock.sleepFor(std::chrono::seconds(30));
    Value early = call("DescribeInvocations", Value(Value::Map{{"InvokeId", *invoked.find("InvokeId")}}));
    const Value *invocations = early.findPath("Invocations.Invocation");
    statusAfterHalfAMinute = invocations && invocations->size() == 1
                             ? field(invocations->getList().front(), "InvocationStatus")
                             : "(no invocation in " + early.toJson() + ")";
    clock.sleepFor(std::chrono::minutes(10));
    Value results = call("DescribeInvocationResults",
                         Value(Value::Map{{"InvokeId", *invoked.find("InvokeId")},
                                          {"ContentEncoding", Value("PlainText")}}));
    const Value *list = results.findPath("Invocation.InvocationResults.InvocationResult");
    EXPECT_TRUE(list && list->isList() && list->size() == 1) << results.toJson();
    return list && list->size() == 1 ? list->getList().front() : Value(Value::Map{});
  };
  Value first = runScript("grep -q kept /root/marker 2>/dev/null && echo second || { echo kept > /root/marker; "
                          "echo first; exit 7; }\nsleep 50\n");
  EXPECT_EQ(field(first, "ExitCode"), "7");
  EXPECT_EQ(field(first, "Output"), "\"first\\n\"");
  EXPECT_EQ(statusAfterHalfAMinute, "\"Failed\"") << "ended at its exit, before its sleep";
  Value second = runScript("grep -q kept /root/marker && echo second; sleep 50");
  EXPECT_EQ(statusAfterHalfAMinute, "\"Running\"") << "sleep 50 takes 50 s of world time";
  EXPECT_EQ(field(second, "ExitCode"), "0");
  EXPECT_EQ(field(second, "Output"), "\"second\\n\"");
  EXPECT_EQ(field(second, "InvocationStatus"), "\"Success\"");
  EXPECT_TRUE(fs::exists(state.string() + ".instances/i-sim000000000001/root/marker"));
  cloud.value().reset();
  std::error_code ignored;
  fs::remove(state, ignored);
  fs::remove(state.string() + ".lock", ignored);
  fs::remove_all(state.string() + ".instances", ignored);
}

} // namespace
