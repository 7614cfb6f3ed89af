//===- EventTriggerTest.cpp - Runners of event and alarm triggers ---------===//
//
// Real runners built by `oosc build`, run as subprocesses: an
// ACS::EventTrigger fires on an event given with --event and on the
// system events of the simulated world (CloudMonitor's
// DescribeSystemEventAttribute); an ACS::AlarmTrigger fires on an
// instance whose metric a tag sets (DescribeMetricLast), Times checks in a
// row, and not while no instance breaches.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

namespace oosc::testing {
namespace {

using runtime::Value;

class EventTriggerTest : public RunnerTest {
protected:
  RunResult run(const std::string &runner, std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--state", state(), "--journal", journal()});
    return runProgram(runner, arguments);
  }

  /// The outputs `executions show` gives of execution \p id.
  std::string shown(const std::string &runner, const std::string &id) {
    return runProgram(runner, {"executions", "show", id, "--journal", journal()}).out;
  }

  static std::string firings(const RunResult &result, const char *status) {
    Value outputs = parse(result.out);
    const Value *count = outputs.findPath(std::string("firings.") + status);
    return count ? count->toJson() : "(no firings." + std::string(status) + " in " + result.out + ")";
  }
};

TEST_F(EventTriggerTest, AGivenEventFiresAChildWithTheTriggersOutputsSelectedFromIt) {
  std::string runner = build({"tests/build/triggers/event-trigger.yaml"});
  RunResult result = run(runner, {"--event", R"({"content":{"resourceId":"i-sim000000000001","state":"Stopped"}})"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(firings(result, "success"), "1") << result.err;
  EXPECT_NE(result.err.find("the events given with --event are spent"), std::string::npos) << result.err;
  std::string child = shown(runner, "exec-sim000000000002");
  EXPECT_NE(child.find("i-sim000000000001"), std::string::npos) << child;

  RunResult bad = run(runner, {"--event", "[1]"});
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("--event takes a JSON object"), std::string::npos) << bad.err;
}

TEST_F(EventTriggerTest, TheSimulatedWorldsSystemEventsFireWhatMatchesOnly) {
  std::string runner = build({"tests/build/triggers/event-trigger.yaml"});
  // A world whose CloudMonitor will report three events a minute after it
  // starts: the instance stopping (matches), starting (another state), and
  // a tag change (another product).
  constexpr std::int64_t start = 1772323200000; // 2026-03-01T00:00:00Z
  auto event = [&](const char *id, const char *product, const char *name, const char *content) {
    return Value(Value::Map{{"Id", Value(id)},
                            {"Product", Value(product)},
                            {"Name", Value(name)},
                            {"Level", Value("INFO")},
                            {"Status", Value("Normal")},
                            {"RegionId", Value("cn-hangzhou")},
                            {"ResourceId", Value("")},
                            {"InstanceName", Value("")},
                            {"Time", Value(start + 60000)},
                            {"Content", Value(content)}});
  };
  Value world(Value::Map{
      {"Time", Value(start)},
      {"SystemEvents",
       Value(Value::List{
           event("evt-1", "ECS", "Instance:StateChange", R"({"resourceId":"i-sim000000000001","state":"Running"})"),
           event("evt-2", "tag", "Tag:ChangeOnResource", R"({"resourceId":"i-sim000000000001"})"),
           event("evt-3", "ECS", "Instance:StateChange", R"({"resourceId":"i-sim000000000002","state":"Stopped"})")})}});
  std::string worldFile = (dir_ / "events-world.json").string();
  std::ofstream(worldFile) << world.toJson();
  RunResult result =
      run(runner, {"--world", worldFile, "--now", "2026-03-01T00:00:00Z", "--listen-for", "10m"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(firings(result, "success"), "1") << result.err;
  EXPECT_NE(result.err.find("stopped listening after 600 s (--listen-for) with 1 firings"), std::string::npos)
      << result.err;
  std::string child = shown(runner, "exec-sim000000000002");
  EXPECT_NE(child.find("i-sim000000000002"), std::string::npos) << child;
}

TEST_F(EventTriggerTest, AnAlarmFiresOnATaggedInstanceWhoseMetricStaysHigh) {
  std::string tagger = build({"tests/build/triggers/tag-instance.yaml"});
  std::filesystem::rename(tagger, dir_ / "tagger");
  tagger = (dir_ / "tagger").string();
  std::string runner = build({"tests/build/triggers/alarm-trigger.yaml"});

  // No instance is busy: a quiet hour, no firing.
  RunResult quiet = run(runner, {"--listen-for", "1h"});
  ASSERT_EQ(quiet.exitCode, 0) << quiet.err;
  EXPECT_EQ(firings(quiet, "success"), "0") << quiet.err;

  // The team's instance gets busy (its metric set by a tag).
  for (auto [key, value] : {std::pair{"team", "web"}, std::pair{"sim:metric:cpu_total", "95"}}) {
    RunResult tagged = run(tagger, {"-p", "instanceId=i-sim000000000001", "-p", std::string("key=") + key, "-p",
                                    std::string("value=") + value});
    ASSERT_EQ(tagged.exitCode, 0) << tagged.err;
  }
  RunResult busy = run(runner, {"--firings", "1"});
  ASSERT_EQ(busy.exitCode, 0) << busy.err;
  EXPECT_EQ(firings(busy, "success"), "1") << busy.err;
  EXPECT_NE(busy.err.find("ended after 1 firings (--firings)"), std::string::npos) << busy.err;

  // Above 99 it is not busy enough; once silenced, an hour brings one alarm.
  RunResult higher = run(runner, {"-p", "threshold=99", "--listen-for", "10m"});
  ASSERT_EQ(higher.exitCode, 0) << higher.err;
  EXPECT_EQ(firings(higher, "success"), "0") << higher.err;
  RunResult hour = run(runner, {"--listen-for", "1h"});
  ASSERT_EQ(hour.exitCode, 0) << hour.err;
  EXPECT_EQ(firings(hour, "success"), "1") << "SilenceTime 3600 keeps it to one alarm: " << hour.err;
}

TEST_F(EventTriggerTest, EventOptionsNeedAnEventTrigger) {
  std::string runner = build({"tests/build/triggers/tag-instance.yaml"});
  RunResult result = run(runner, {"--listen-for", "1h", "-p", "instanceId=i-1", "-p", "key=a", "-p", "value=b"});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("--event and --listen-for go with a template whose first task is ACS::EventTrigger"),
            std::string::npos)
      << result.err;
}

} // namespace
} // namespace oosc::testing
