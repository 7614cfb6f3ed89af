//===- RealCloudTest.cpp - A runner on `--cloud aliyun`, over HTTP ----------===//
//
// A real runner, built by oosc, sends its calls with the OpenAPI client
// (signed, over libcurl) to the simulated cloud served on 127.0.0.1 by the
// test (oosc_simserve, the code behind `oosc sim serve`); the same runner on
// its built-in simulator must end with the same outputs and resources.
//
//===----------------------------------------------------------------------===//
#include "build/JournalRows.h"
#include "build/RunnerTest.h"
#include "support/LoopbackServer.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/simserve/SimServe.h"

namespace oosc::testing {
namespace {

class RealCloudTest : public RunnerTest {
protected:
  void SetUp() override {
    RunnerTest::SetUp();
    serve({});
    setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", simserve::kTestKeyId, 1);
    setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", simserve::kTestKeySecret, 1);
  }

  /// (Re)starts the served simulator, turning away the calls \p faults say.
  void serve(std::vector<runtime::FaultRule> faults) {
    server_.reset();
    simserve::SimServeOptions options;
    options.simulator.stateFile = (dir_ / "served.json").string();
    options.simulator.faults = std::move(faults);
    auto served = simserve::SimServe::start(options, apis::cloudApis());
    ASSERT_TRUE(served.ok()) << served.error().message;
    server_ = std::move(served.value());
  }
  void TearDown() override {
    unsetenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
    unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    server_.reset();
    RunnerTest::TearDown();
  }

  RunResult runOverHttp(const std::string &runner, std::vector<std::string> arguments = {}) {
    arguments.insert(arguments.begin(), {"--cloud", "aliyun", "--endpoint", server_->url(), "--no-journal"});
    return runProgram(runner, arguments);
  }

  /// The commands a run made in a world (not the public ones every world
  /// holds), without the times that differ between runs.
  static runtime::Value commandsOf(const runtime::Value &world) {
    runtime::Value::List commands;
    if (const runtime::Value *records = world.find("Commands"))
      for (const runtime::Value &record : records->getList())
        if (!record.find("Provider"))
          commands.push_back(runtime::Value(runtime::Value::Map{{"CommandId", *record.find("CommandId")},
                                                                {"Name", *record.find("Name")},
                                                                {"Type", *record.find("Type")},
                                                                {"CommandContent", *record.find("CommandContent")}}));
    return runtime::Value(std::move(commands));
  }

  std::unique_ptr<simserve::SimServe> server_;
};

TEST_F(RealCloudTest, OverHttpTheRunnerEndsAsOnItsBuiltInSimulator) {
  std::string runner = build({"tests/build/over-http.yaml"});
  RunResult overHttp = runOverHttp(runner);
  ASSERT_EQ(overHttp.exitCode, 0) << overHttp.err;
  // The banner names the account (STS GetCallerIdentity) before any call.
  EXPECT_NE(overHttp.err.find("on Alibaba Cloud account 1234567890123456 "
                              "(acs:ram::1234567890123456:user/oosc-simulator), region cn-hangzhou, " +
                              server_->url()),
            std::string::npos)
      << overHttp.err;
  RunResult builtIn = run(runner, {"--no-journal"});
  ASSERT_EQ(builtIn.exitCode, 0) << builtIn.err;
  EXPECT_EQ(parse(overHttp.out), parse(builtIn.out));
  ASSERT_TRUE(server_->stop().ok());
  runtime::Value served = commandsOf(parse(slurp(dir_ / "served.json")));
  EXPECT_EQ(served.getList().size(), 1u);
  EXPECT_EQ(served, commandsOf(world()));
}

TEST_F(RealCloudTest, SignatureV1Too) {
  std::string runner = build({"tests/build/over-http.yaml"});
  RunResult result = runOverHttp(runner, {"--signature", "v1"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("signature v1"), std::string::npos) << result.err;
}

TEST_F(RealCloudTest, AWrongSecretStopsTheRunnerBeforeItsFirstCallAndIsNeverShown) {
  std::string runner = build({"tests/build/over-http.yaml"});
  setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "the-wrong-secret-value", 1);
  RunResult result = runOverHttp(runner);
  EXPECT_EQ(result.exitCode, 2) << result.err;
  EXPECT_NE(result.err.find("STS GetCallerIdentity answered SignatureDoesNotMatch"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("SignatureDoesNotMatch"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("the-wrong-secret-value"), std::string::npos);
  EXPECT_EQ(result.out.find("the-wrong-secret-value"), std::string::npos);
}

TEST_F(RealCloudTest, WithoutCredentialsItSaysWhereItLooked) {
  std::string runner = build({"tests/build/over-http.yaml"});
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
  std::filesystem::create_directories(dir_ / "empty-home");
  std::string home = getenv("HOME") ? getenv("HOME") : "";
  setenv("HOME", (dir_ / "empty-home").c_str(), 1);
  RunResult result = runOverHttp(runner);
  setenv("HOME", home.c_str(), 1);
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("~/.aliyun/config.json (no such file)"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("found no credentials; looked at: the environment"), std::string::npos) << result.err;
}

TEST_F(RealCloudTest, ARamRoleProfileAssumesItsRoleFromTheServedSts) {
  std::string runner = build({"tests/build/over-http.yaml"});
  std::filesystem::create_directories(dir_ / "home" / ".aliyun");
  std::ofstream(dir_ / "home" / ".aliyun" / "config.json")
      << R"({"current": "default", "profiles": [{"name": "deploy", "mode": "RamRoleArn", "access_key_id": ")"
      << simserve::kTestKeyId << R"(", "access_key_secret": ")" << simserve::kTestKeySecret
      << R"(", "ram_role_arn": "acs:ram::1234567890123456:role/deployer", "ram_session_name": "ci"}]})";
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
  std::string home = getenv("HOME") ? getenv("HOME") : "";
  setenv("HOME", (dir_ / "home").c_str(), 1);
  RunResult result = runOverHttp(runner, {"--profile", "deploy"});
  setenv("HOME", home.c_str(), 1);
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("profile 'deploy', role acs:ram::1234567890123456:role/deployer"), std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find(simserve::kTestKeySecret), std::string::npos);
}

TEST_F(RealCloudTest, AnOidcRoleFromTheEnvironment) {
  std::string runner = build({"tests/build/over-http.yaml"});
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
  // header {"alg":"RS256"}, payload {"iss":"https://oidc.example","sub":"ci","aud":"sts"}, no real signature.
  std::ofstream(dir_ / "oidc-token") << "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL29pZGMuZXhhbXBsZSIsInN1YiI6ImNpIiwiYXVkIjoic3RzIn0.c2ln";
  setenv("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::1234567890123456:role/ci", 1);
  setenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::1234567890123456:oidc-provider/ci", 1);
  setenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE", (dir_ / "oidc-token").c_str(), 1);
  RunResult result = runOverHttp(runner);
  unsetenv("ALIBABA_CLOUD_ROLE_ARN");
  unsetenv("ALIBABA_CLOUD_OIDC_PROVIDER_ARN");
  unsetenv("ALIBABA_CLOUD_OIDC_TOKEN_FILE");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("assumed-role/ci/oosc"), std::string::npos) << result.err;
}

TEST_F(RealCloudTest, EachRepeatedAttemptIsJournaledAndShown) {
  runtime::FaultRule throttled;
  throttled.service = "ECS";
  throttled.api = "DescribeInstances";
  throttled.code = "Throttling.User";
  throttled.nthCall = 1;
  serve({throttled});
  std::string runner = build({"tests/build/over-http.yaml"});
  RunResult result = runProgram(runner, {"--cloud", "aliyun", "--endpoint", server_->url(), "--journal", journal()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("listInstances: DescribeInstances turned away (Throttling.User), attempt 1 of 5"),
            std::string::npos)
      << result.err;
  Rows calls = query(journal(), "SELECT api, result, request_id FROM api_calls WHERE task = 'listInstances' "
                                "ORDER BY rowid");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0][1].rfind("Throttling.User (attempt 1 of 5, repeated after ", 0), 0u) << calls[0][1];
  EXPECT_FALSE(calls[0][2].empty()); // the refused attempt's own request id
  EXPECT_EQ(calls[1][1], "Success");
  EXPECT_NE(calls[0][2], calls[1][2]);
}

TEST_F(RealCloudTest, DryRunNeedsNoCredentialsAndCallsNothing) {
  std::string runner = build({"tests/build/over-http.yaml"});
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
  unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
  RunResult result = runOverHttp(runner, {"--dry-run"});
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.out.find("listInstances"), std::string::npos) << result.out;
  EXPECT_EQ(server_->requestsServed(), 0u);
}

TEST_F(RealCloudTest, PreflightAsksWithDryRunAndNamesTheRamActionARefusalNeeds) {
  simserve::SimServeOptions options;
  options.simulator.stateFile = (dir_ / "served.json").string();
  options.deniedActions = {"ecs:DeleteInstance"};
  server_.reset();
  auto served = simserve::SimServe::start(options, apis::cloudApis());
  ASSERT_TRUE(served.ok()) << served.error().message;
  server_ = std::move(served.value());
  std::string runner = build({"tests/build/preflight.yaml"});
  RunResult result = runOverHttp(runner, {"--preflight"});
  EXPECT_EQ(result.exitCode, 1) << result.out << result.err;
  EXPECT_NE(result.out.find("allowed      Ecs.DescribeInstances\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("allowed      Ecs.StopInstance\n"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("refused      Ecs.DeleteInstance: needs RAM action ecs:DeleteInstance (Forbidden.RAM)"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("not checked  Ecs.CreateCommand (it takes no DryRun parameter)"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("2 allowed, 1 refused, 0 undecided, 1 not checked"), std::string::npos) << result.out;
  // Nothing changed: every instance still runs, no command was made.
  ASSERT_TRUE(server_->stop().ok());
  runtime::Value world = parse(slurp(dir_ / "served.json"));
  EXPECT_EQ(commandsOf(world).getList().size(), 0u);
  for (const runtime::Value &instance : world.find("Instances")->getList())
    EXPECT_EQ(instance.find("Status")->getString(), "Running") << instance.find("InstanceId")->getString();
  RunResult onSim = runProgram(runner, {"--preflight", "--no-journal"});
  EXPECT_EQ(onSim.exitCode, 2);
  EXPECT_NE(onSim.err.find("--preflight asks the real cloud"), std::string::npos) << onSim.err;
}

TEST_F(RealCloudTest, EndpointsPerProductFromTheEnvironment) {
  std::string runner = build({"tests/build/over-http.yaml"});
  // No --endpoint: ECS and STS each named by their own variable, so nothing
  // goes to the table's endpoints.
  setenv("ALIBABA_CLOUD_ENDPOINT_ECS", server_->url().c_str(), 1);
  setenv("ALIBABA_CLOUD_STS_ENDPOINT", server_->url().c_str(), 1);
  RunResult result = runProgram(runner, {"--cloud", "aliyun", "--no-journal"});
  setenv("ALIBABA_CLOUD_ENDPOINT_ECS", "http://10.0.0.1", 1);
  RunResult refused = runProgram(runner, {"--cloud", "aliyun", "--no-journal"});
  unsetenv("ALIBABA_CLOUD_ENDPOINT_ECS");
  unsetenv("ALIBABA_CLOUD_STS_ENDPOINT");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("the API table's endpoints, ecs at " + server_->url()), std::string::npos) << result.err;
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("ALIBABA_CLOUD_ENDPOINT_ECS: "), std::string::npos) << refused.err;
}

/// A stand-in for OOS's StartExecution and ListExecutions: each execution
/// is Running when first listed and then ends as \p ending says.
class OosStandIn {
public:
  explicit OosStandIn(std::string ending) : ending_(std::move(ending)) {}

  KeepAliveServer::Answer answer(const HttpRequest &request) {
    std::string action = request.header("x-acs-action");
    std::string query = request.target.substr(request.target.find('?') + 1);
    if (action == "StartExecution") {
      started_.push_back(query);
      return {200, R"({"RequestId": "r-start", "Execution": {"ExecutionId": "exec-oos)" +
                       std::to_string(started_.size()) + R"(", "Status": "Running"}})"};
    }
    if (action == "ListExecutions") {
      std::string status = ++listed_ % 2 == 1 ? "Running" : ending_;
      return {200, R"({"RequestId": "r-list", "Executions": [{"ExecutionId": "x", "Status": ")" + status +
                       R"(", "StatusMessage": "the instance is not healthy", "Outputs": "{\"healthy\": true}"}]})"};
    }
    return {404, R"({"Code": "InvalidAction.NotFound", "Message": "not in the stand-in"})"};
  }
  const std::vector<std::string> &started() const { return started_; }

private:
  std::string ending_;
  std::vector<std::string> started_;
  int listed_ = 0;
};

TEST_F(RealCloudTest, WhatTheRunnerLacksRunsOnOosAsChildExecutions) {
  std::string runner = build({"tests/build/on-oos.yaml"});
  OosStandIn oos("Success");
  KeepAliveServer endpoint([&](const HttpRequest &request) { return oos.answer(request); });
  setenv("ALIBABA_CLOUD_ENDPOINT_OOS", endpoint.uri("").c_str(), 1);
  RunResult result = runOverHttp(runner, {"--time-scale", "100"});
  unsetenv("ALIBABA_CLOUD_ENDPOINT_OOS");
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("run as child executions on OOS"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("reboot: ACS::ECS::RebootInstance runs on OOS as exec-oos1"), std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("teamCheck: team-health-check runs on OOS as exec-oos2"), std::string::npos)
      << result.err;
  EXPECT_EQ(parse(result.out).find("healthy")->toJson(), "true") << result.out;
  ASSERT_EQ(oos.started().size(), 2u);
  EXPECT_NE(oos.started()[0].find("TemplateName=ACS%3A%3AECS%3A%3ARebootInstance"), std::string::npos)
      << oos.started()[0];
  EXPECT_NE(oos.started()[0].find("instanceId%22%3A%22i-sim000000000001"), std::string::npos) << oos.started()[0];
}

TEST_F(RealCloudTest, AChildThatFailsOnOosFailsItsTask) {
  std::string runner = build({"tests/build/on-oos.yaml"});
  OosStandIn oos("Failed");
  KeepAliveServer endpoint([&](const HttpRequest &request) { return oos.answer(request); });
  setenv("ALIBABA_CLOUD_ENDPOINT_OOS", endpoint.uri("").c_str(), 1);
  RunResult result = runOverHttp(runner, {"--time-scale", "100"});
  unsetenv("ALIBABA_CLOUD_ENDPOINT_OOS");
  EXPECT_EQ(result.exitCode, 1) << result.err;
  EXPECT_NE(result.err.find("ACS::ECS::RebootInstance ended Failed on OOS (execution exec-oos1): the instance is "
                            "not healthy"),
            std::string::npos)
      << result.err;
}

TEST_F(RealCloudTest, OptionsOfTheOtherCloudAreRefused) {
  std::string runner = build({"tests/build/over-http.yaml"});
  RunResult latency = runOverHttp(runner, {"--latency", "5"});
  EXPECT_EQ(latency.exitCode, 2);
  EXPECT_NE(latency.err.find("do not go with --cloud aliyun"), std::string::npos) << latency.err;
  RunResult endpoint = runProgram(runner, {"--endpoint", "https://ecs.example.com", "--no-journal"});
  EXPECT_EQ(endpoint.exitCode, 2);
  EXPECT_NE(endpoint.err.find("go with --cloud aliyun"), std::string::npos) << endpoint.err;
  RunResult plainHttp = runProgram(runner, {"--cloud", "aliyun", "--endpoint", "http://192.0.2.1", "--no-journal"});
  EXPECT_EQ(plainHttp.exitCode, 2);
  EXPECT_NE(plainHttp.err.find("only https"), std::string::npos) << plainHttp.err;
}

} // namespace
} // namespace oosc::testing
