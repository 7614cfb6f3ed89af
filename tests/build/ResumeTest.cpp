//===- ResumeTest.cpp - Runners killed at many points, then resumed --------===//
//
// A runner is killed (SIGKILL, from inside, at an exact point: right after
// its Nth cloud call is answered but before the answer is journaled, or
// right after its Nth journal record) and resumed with --resume. Whatever
// the point, the resumed execution must end as an uninterrupted run ends:
// same status, same outputs, and the same simulated world: no instance,
// image or command made twice, none left behind.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

#include <algorithm>

namespace oosc::testing {
namespace {

using runtime::Value;

/// The world without what legitimately differs between two runs that did
/// the same things: times (a resumed run repeats waits, so its clock ends
/// later) and request ids.
bool endsWith(const std::string &text, std::string_view tail) {
  return text.size() > tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

Value comparable(const Value &value);

/// CloudMonitor's events, in the order things happened: loop items that run
/// side by side (their instances stopping) may happen in another order in a
/// resumed run, and take their ids in that order. The same events, ids
/// aside, whatever their order.
Value comparableEvents(const Value &events) {
  std::vector<std::string> texts;
  for (const Value &event : events.isList() ? events.getList() : Value::List{}) {
    Value kept = comparable(event);
    if (kept.isMap())
      kept.set("Id", Value(""));
    texts.push_back(kept.toJson());
  }
  std::sort(texts.begin(), texts.end());
  Value::List sorted;
  for (const std::string &text : texts)
    sorted.push_back(Value(text));
  return Value(std::move(sorted));
}

Value comparable(const Value &value) {
  if (value.isList()) {
    Value::List items;
    for (const Value &item : value.getList())
      items.push_back(comparable(item));
    return Value(std::move(items));
  }
  if (!value.isMap())
    return value;
  Value kept(Value::Map{});
  for (const auto &[name, member] : value.getMap()) {
    bool timeLike = name == "Time" || name == "At" || name == "RequestId" ||
                    endsWith(name, "Time") || endsWith(name, "Date");
    if (name == "SystemEvents")
      kept.set(name, comparableEvents(member));
    else if (!timeLike)
      kept.set(name, comparable(member));
  }
  return kept;
}

struct Interrupted {
  size_t points = 0;
  std::vector<std::string> failures;
};

class ResumeTest : public RunnerTest {
protected:
  /// Runs \p runner once to the end for the reference, then once per kill
  /// point of \p site ("call" or "record") until a run is no longer killed.
  Interrupted killAndResumeEverywhere(const std::string &runner, const std::string &site,
                                      const std::vector<std::string> &arguments) {
    auto with = [&](std::vector<std::string> more) {
      more.insert(more.begin(), arguments.begin(), arguments.end());
      return more;
    };
    std::filesystem::remove_all(dir_ / "reference");
    RunResult reference = runIn("reference", runner, with({}));
    EXPECT_EQ(reference.signal, 0) << reference.err;
    Value expected = comparable(worldIn("reference"));
    Interrupted outcome;
    for (unsigned n = 1; n < 1000; ++n) {
      std::string name = site + std::to_string(n);
      std::filesystem::remove_all(dir_ / name);
      RunResult killed = runIn(name, runner, with({"--kill-after", site + ":" + std::to_string(n)}));
      if (killed.signal == 0) {
        EXPECT_EQ(killed.exitCode, reference.exitCode) << "an unkilled run differs\n" << killed.err;
        break;
      }
      ++outcome.points;
      // The template name and options again; the parameters come from the journal.
      std::vector<std::string> again;
      for (size_t i = 0; i < arguments.size(); ++i)
        if (arguments[i] == "-p")
          ++i; // and its value
        else
          again.push_back(arguments[i]);
      again.insert(again.end(), {"--resume", "exec-sim000000000001"});
      RunResult resumed = runIn(name, runner, again);
      std::string why;
      if (resumed.exitCode != reference.exitCode)
        why = "exit " + std::to_string(resumed.exitCode) + ", expected " +
              std::to_string(reference.exitCode) + "\n" + resumed.err;
      else if (resumed.out != reference.out)
        why = "outputs " + resumed.out + " instead of " + reference.out;
      else if (comparable(worldIn(name)).toJson() != expected.toJson())
        why = "the world differs from an uninterrupted run's (" + (dir_ / name).string() + ")";
      if (!why.empty())
        outcome.failures.push_back(name + ": " + why);
      else
        std::filesystem::remove_all(dir_ / name);
    }
    return outcome;
  }

  RunResult runIn(const std::string &name, const std::string &runner,
                  std::vector<std::string> arguments) {
    std::filesystem::path folder = dir_ / name;
    std::filesystem::create_directories(folder);
    arguments.insert(arguments.end(), {"--state", (folder / "world.json").string()});
    return runProgram(runner, arguments);
  }

  Value worldIn(const std::string &name) const {
    return parse(slurp(dir_ / name / "world.json"));
  }

  void expectEverywhere(const std::vector<std::string> &templates, size_t atLeast,
                        const std::vector<std::string> &arguments = {}) {
    std::string runner = build(templates);
    const std::string &sample = templates.front();
    size_t points = 0;
    for (const std::string site : {"call", "record"}) {
      Interrupted outcome = killAndResumeEverywhere(runner, site, arguments);
      points += outcome.points;
      for (const std::string &failure : outcome.failures)
        ADD_FAILURE() << sample << " killed after " << failure;
    }
    EXPECT_GE(points, atLeast) << sample << ": fewer interruption points than expected";
    std::cout << sample << ": " << points << " interruption points, each resumed\n";
  }
};

TEST_F(ResumeTest, UpdateImageResumedAfterEveryCallAndRecordEndsAsIfUninterrupted) {
  expectEverywhere({"samples/update-image/update-image.yaml"}, 30);
}

TEST_F(ResumeTest, ScalingImageUpdateResumedAfterEveryCallAndRecordEndsAsIfUninterrupted) {
  expectEverywhere({"samples/scaling-image-update/scaling-image-update.yaml"}, 14);
}

TEST_F(ResumeTest, LoopsOfChildExecutionsResumedAfterEveryCallAndRecordEndAsIfUninterrupted) {
  expectEverywhere({"tests/build/resume-loop.yaml"}, 60);
}

TEST_F(ResumeTest, RollingUpdateResumedAfterEveryCallAndRecordEndsAsIfUninterrupted) {
  // One instance a batch: the instances go in the same order in every run,
  // so the ids the simulator hands out (disks, scaling activities) match.
  expectEverywhere({"samples/rolling-update/rolling-update.yaml",
                    "samples/rolling-update/rolling-update-instance.yaml",
                    "samples/rolling-update/rolling-update-restore.yaml"},
                   100,
                   {"rolling-update", "--region", "cn-shanghai", "-p", "scalingGroupId=asg-simfleet",
                    "-p", "imageId=centos_7_9_x64_20G_alibase_20240628.vhd", "-p", "batchNumber=5"});
}

TEST_F(ResumeTest, CustomExtensionsResumedAfterEveryCallAndRecordEndAsIfUninterrupted) {
  // One instance at a time, so the simulator's command and invocation ids
  // go to the same instances in every run.
  expectEverywhere({"samples/custom-extensions/custom-extensions.yaml",
                    "samples/custom-extensions/custom-extension-instance.yaml"},
                   40,
                   {"custom-extensions", "--region", "cn-shanghai", "-p",
                    R"(instanceIds=["i-simfleet01","i-simfleet04","i-simfleet05"])", "-p",
                    "action=install", "-p",
                    R"(rateControl={"Mode":"Concurrency","Concurrency":1,"MaxErrors":0})"});
}

TEST_F(ResumeTest, TheComparisonSeesADuplicatedInstance) {
  // Starting the killed execution over instead of resuming it makes a second
  // temporary instance: the comparison above must notice such a difference.
  std::string runner = build({"samples/update-image/update-image.yaml"});
  RunResult reference = runIn("reference", runner, {});
  ASSERT_EQ(reference.exitCode, 0) << reference.err;
  RunResult killed = runIn("again", runner, {"--kill-after", "call:3"});
  ASSERT_EQ(killed.signal, 9) << killed.err;
  RunResult over = runIn("again", runner, {});
  ASSERT_EQ(over.exitCode, 0) << over.err;
  EXPECT_NE(comparable(worldIn("again")).toJson(), comparable(worldIn("reference")).toJson());
}

TEST_F(ResumeTest, ResumeRefusesWhatItCannotResume) {
  std::string runner = build({"tests/build/journal.yaml"});
  RunResult done = run(runner, {}); // ends Failed by design (a missing instance)
  ASSERT_EQ(done.exitCode, 1) << done.err;
  RunResult ended = run(runner, {"--resume", "exec-sim000000000001"});
  EXPECT_EQ(ended.exitCode, 2);
  EXPECT_NE(ended.err.find("already ended Failed"), std::string::npos) << ended.err;
  RunResult missing = run(runner, {"--resume", "exec-nope"});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("no execution 'exec-nope'"), std::string::npos) << missing.err;
  RunResult child = run(runner, {"--resume", "exec-sim000000000001.startInstance"});
  EXPECT_EQ(child.exitCode, 2);
  EXPECT_NE(child.err.find("is a child of 'exec-sim000000000001'"), std::string::npos) << child.err;
  RunResult dry = run(runner, {"--resume", "exec-sim000000000001", "--dry-run"});
  EXPECT_EQ(dry.exitCode, 2);
  EXPECT_NE(dry.err.find("--resume cannot go with --dry-run"), std::string::npos) << dry.err;
}

TEST_F(ResumeTest, SecretParametersMustBeGivenAgainAndNeverReachTheJournal) {
  std::string runner = build({"tests/build/resume-secret.yaml"});
  const std::string key = "apiKey=Resume-Secret-31337", password = "instancePassword=Pass-Word-2718";
  RunResult killed = run(runner, {"-p", key, "-p", password, "--kill-after", "record:2"});
  ASSERT_EQ(killed.signal, 9) << killed.err;
  RunResult without = run(runner, {"--resume", "exec-sim000000000001", "-p", password});
  EXPECT_EQ(without.exitCode, 2);
  EXPECT_NE(without.err.find("secret parameter 'apiKey' is not kept in the journal: give it again "
                             "with -p apiKey=VALUE"),
            std::string::npos)
      << without.err;
  RunResult changed = run(runner, {"--resume", "exec-sim000000000001", "-p", key, "-p", password,
                                   "-p", "zone=cn-hangzhou-i"});
  EXPECT_EQ(changed.exitCode, 2);
  EXPECT_NE(changed.err.find("parameter 'zone' was \"cn-hangzhou-h\""), std::string::npos)
      << changed.err;
  RunResult resumed = run(runner, {"--resume", "exec-sim000000000001", "-p", key, "-p", password});
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("resuming exec-sim000000000001: 2 of 3 tasks ended, going on at "
                             "'notify'"),
            std::string::npos)
      << resumed.err;
  EXPECT_NE(resumed.out.find(R"("echoed":"the key is ******")"), std::string::npos) << resumed.out;
  for (const char *secret : {"Resume-Secret-31337", "Pass-Word-2718"}) {
    EXPECT_EQ(resumed.out.find(secret), std::string::npos) << secret;
    EXPECT_EQ(slurp(journal()).find(secret), std::string::npos) << secret;
    EXPECT_EQ(slurp(dir_ / "journal.sqlite-wal").find(secret), std::string::npos) << secret;
    EXPECT_EQ(resumed.err.find(secret), std::string::npos) << secret;
    // The webhook carries them, as the template says: proof they came back.
    EXPECT_NE(world().find("Notifications")->toJson().find(secret), std::string::npos) << secret;
  }
  RunResult plan = run(runner, {"--dry-run", "-p", key, "-p", password});
  EXPECT_NE(plan.out.find("parameter instancePassword = (secret)"), std::string::npos) << plan.out;
}

} // namespace
} // namespace oosc::testing
