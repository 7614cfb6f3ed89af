//===- SamplesOverHttpTest.cpp - The samples on `--cloud aliyun`, over HTTP -===//
//
// The seeds' jobs end to end over the wire: update-image,
// scaling-image-update and rolling-update built by oosc, run with
// `--cloud aliyun` against the simulated cloud served on 127.0.0.1, signed
// with credentials from the environment, from a config.json profile and from
// a RamRoleArn profile (keys from the served STS). The served world runs
// 600 times faster than the wall clock and the runners wait 600 times
// shorter (--time-scale), so waits of minutes take a second. Each ends with
// the same resources as the same runner on its built-in simulator.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/simserve/SimServe.h"

#include <regex>
#include <set>

namespace oosc::testing {
namespace {

using runtime::Value;

enum class Signer { Environment, Profile, RamRole };

class SamplesOverHttp : public RunnerTest, public ::testing::WithParamInterface<Signer> {
protected:
  static constexpr const char *kScale = "600";

  void SetUp() override {
    RunnerTest::SetUp();
    simserve::SimServeOptions options;
    options.simulator.stateFile = (dir_ / "served.json").string();
    options.timeScale = 600;
    auto served = simserve::SimServe::start(options, apis::cloudApis());
    ASSERT_TRUE(served.ok()) << served.error().message;
    server_ = std::move(served.value());
    home_ = getenv("HOME") ? getenv("HOME") : "";
    setenv("HOME", (dir_ / "home").c_str(), 1);
    std::filesystem::create_directories(dir_ / "home" / ".aliyun");
    sign(GetParam());
  }
  void TearDown() override {
    unsetenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
    unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    setenv("HOME", home_.c_str(), 1);
    server_.reset();
    RunnerTest::TearDown();
  }

  /// Where the runner's keys come from.
  void sign(Signer signer) {
    std::string key = std::string(R"("access_key_id": ")") + simserve::kTestKeyId +
                      R"(", "access_key_secret": ")" + simserve::kTestKeySecret + R"(")";
    if (signer == Signer::Environment) {
      setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", simserve::kTestKeyId, 1);
      setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", simserve::kTestKeySecret, 1);
      return;
    }
    std::string profile = signer == Signer::Profile
                              ? R"({"name": "ops", "mode": "AK", )" + key + "}"
                              : R"({"name": "ops", "mode": "RamRoleArn", )" + key +
                                    R"(, "ram_role_arn": "acs:ram::1234567890123456:role/ops"})";
    std::ofstream(dir_ / "home" / ".aliyun" / "config.json")
        << R"({"current": "ops", "profiles": [)" << profile << "]}";
  }

  /// The sample over HTTP, then on the runner's own simulator; both must
  /// succeed with the same outputs, and the two worlds must hold the same
  /// resources.
  void expectSameEnd(const std::vector<std::string> &templates, std::vector<std::string> arguments) {
    std::string runner = build(templates);
    std::vector<std::string> overHttp = arguments; // a template's name comes first
    overHttp.insert(overHttp.end(),
                    {"--cloud", "aliyun", "--endpoint", server_->url(), "--time-scale", kScale, "--no-journal"});
    RunResult wire = runProgram(runner, overHttp);
    ASSERT_EQ(wire.exitCode, 0) << wire.err;
    EXPECT_NE(wire.err.find("on Alibaba Cloud account 1234567890123456"), std::string::npos) << wire.err;
    arguments.push_back("--no-journal");
    RunResult local = run(runner, arguments);
    ASSERT_EQ(local.exitCode, 0) << local.err;
    EXPECT_EQ(parse(wire.out), parse(local.out));
    ASSERT_TRUE(server_->stop().ok());
    Value served = parse(slurp(dir_ / "served.json")), inProcess = world();
    for (const char *kind : {"Instances", "Images", "ScalingGroups", "ScalingConfigurations",
                             "ScalingInstances", "Disks", "Commands", "Invocations", "Snapshots"}) {
      std::multiset<std::string> overWire = resources(served, kind), local = resources(inProcess, kind);
      EXPECT_EQ(overWire.size(), local.size()) << kind;
      for (const std::string &record : overWire)
        EXPECT_EQ(local.count(record), overWire.count(record)) << kind << " over HTTP only: " << record;
    }
  }

  /// The resources of \p kind without what depends on when they were made
  /// (times), on the execution's id (a runner on the real cloud numbers its
  /// executions from the clock, `exec-run…`; on its simulator `exec-sim…`)
  /// and on the order concurrent loop items ran (list order, and which
  /// disk got which id): each as its JSON text, sorted.
  static std::multiset<std::string> resources(const Value &world, const char *kind) {
    std::multiset<std::string> texts;
    if (const Value *records = world.find(kind); records && records->isList())
      for (const Value &record : records->getList())
        texts.insert(withoutTimes(record).toJson());
    return texts;
  }

  static Value withoutTimes(const Value &value) {
    if (value.isList()) {
      Value::List items;
      for (const Value &item : value.getList())
        items.push_back(withoutTimes(item));
      return Value(std::move(items));
    }
    if (value.isString())
      return Value(maskedIds(value.getString()));
    if (!value.isMap())
      return value;
    Value::Map kept;
    for (const auto &[name, member] : value.getMap()) {
      bool isTime = name.size() >= 4 && (name.compare(name.size() - 4, 4, "Time") == 0 ||
                                         name.compare(name.size() - 4, 4, "Date") == 0);
      if (!isTime)
        kept.emplace_back(name, withoutTimes(member));
    }
    return Value(std::move(kept));
  }

  static std::string maskedIds(std::string text) {
    static const std::regex kOrderDependent("exec-(run|sim)[0-9]+|d-sim[0-9]+");
    return std::regex_replace(text, kOrderDependent, "<id>");
  }

  std::unique_ptr<simserve::SimServe> server_;
  std::string home_;
};

TEST_P(SamplesOverHttp, UpdateImage) {
  expectSameEnd({"samples/update-image/update-image.yaml"}, {});
}

TEST_P(SamplesOverHttp, ScalingImageUpdate) {
  expectSameEnd({"samples/scaling-image-update/scaling-image-update.yaml"}, {});
}

TEST_P(SamplesOverHttp, RollingUpdate) {
  expectSameEnd({"samples/rolling-update/rolling-update.yaml", "samples/rolling-update/rolling-update-instance.yaml",
                 "samples/rolling-update/rolling-update-restore.yaml",
                 "samples/custom-extensions/custom-extension-instance.yaml"},
                {"rolling-update", "--region", "cn-shanghai", "-p", "scalingGroupId=asg-simfleet", "-p",
                 "imageId=centos_7_9_x64_20G_alibase_20240628.vhd", "-p", "scalingConfigurationId=asc-simfleet",
                 "-p", "batchNumber=2"});
}

INSTANTIATE_TEST_SUITE_P(Signers, SamplesOverHttp,
                         ::testing::Values(Signer::Environment, Signer::Profile, Signer::RamRole),
                         [](const ::testing::TestParamInfo<Signer> &info) {
                           return info.param == Signer::Environment ? std::string("Environment")
                                  : info.param == Signer::Profile   ? std::string("ConfigJsonProfile")
                                                                    : std::string("RamRoleArnProfile");
                         });

} // namespace
} // namespace oosc::testing
