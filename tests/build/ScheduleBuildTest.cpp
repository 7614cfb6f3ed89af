//===- ScheduleBuildTest.cpp - Runners of ACS::TimerTrigger templates ------===//
//
// Real runners built by `oosc build`, run as subprocesses on a simulated
// world: a month's firings on the virtual clock, a runner stopped with a
// real SIGKILL (while it waits, and while a child runs) and started again
// with --resume-schedule, and SIGTERM while it waits. A runner is stopped
// when its progress says it reached the point wanted, never after a delay.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;
using runtime::Value;

size_t occurrences(const std::string &text, const std::string &part) {
  size_t count = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++count;
  return count;
}

/// `YYYY-MM-DDThh:mm:ssZ` of the real time now plus \p hours.
std::string utcIn(int hours) {
  std::time_t time = std::time(nullptr) + hours * 3600;
  std::tm parts{};
  gmtime_r(&time, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

/// What a runner stopped by a signal left: its exit code and output.
struct StoppedRun {
  int exitCode = -1;
  std::string err;
};

class ScheduleBuildTest : public RunnerTest {
protected:
  std::string build(const std::string &path) { return RunnerTest::build({path}); }

  RunResult run(const std::string &runner, std::vector<std::string> arguments) {
    arguments.insert(arguments.end(), {"--state", state(), "--journal", journal()});
    return runProgram(runner, arguments);
  }

  /// Runs the runner in real time until its progress shows \p line, then
  /// sends it \p signal (by number) and waits for it to end.
  StoppedRun runUntil(const std::string &runner, std::vector<std::string> arguments,
                      const std::string &line, int signal) {
    arguments.insert(arguments.begin(), "--real-time");
    Background &running = start(runner, arguments);
    EXPECT_TRUE(waitForProgress(running, line)) << "the runner ended before: " << running.err();
    ::kill(running.pid, signal);
    RunResult ended = finish(running);
    return {ended.signal ? 128 + ended.signal : ended.exitCode, ended.err};
  }

  RunResult show(const std::string &runner, const std::string &id) {
    return runProgram(runner, {"executions", "show", id, "--journal", journal()});
  }

};

/// The section of `executions show` that lists the firings.
std::string firingsOf(const std::string &shown) {
  size_t at = shown.find("\nfirings:\n");
  return at == std::string::npos ? "" : shown.substr(at);
}

TEST_F(ScheduleBuildTest, ScheduledImageUpdateFiresFiveTimesAndLeavesTheLastImage) {
  std::string runner = build("samples/scheduled-image-update/scheduled-image-update.yaml");
  RunResult result = run(runner, {});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).find("firings")->find("success")->toJson(), "5") << result.out;
  // 02:00 in Asia/Shanghai is 18:00 UTC the day before.
  for (const char *line : {"schedule: cron '0 0 2 21-25 * ?' in Asia/Shanghai, from 2026-11-20T16:00:00Z to "
                           "2026-11-25T16:00:00Z",
                           "firing at 2026-11-20T18:00:00Z: Running, execution exec-sim000000000002",
                           "firing at 2026-11-24T18:00:00Z: Success (execution exec-sim000000000006)",
                           "no firing is left before EndDate 2026-11-25T16:00:00Z"})
    EXPECT_NE(result.err.find(line), std::string::npos) << line << " in\n" << result.err;

  // The journal: the trigger, its five children, each firing with its child.
  RunResult shown = show(runner, "exec-sim000000000001");
  ASSERT_EQ(shown.exitCode, 0) << shown.err;
  EXPECT_NE(shown.out.find("status     Success"), std::string::npos) << shown.out;
  EXPECT_EQ(occurrences(shown.out, " scheduled-image-update "), 5u) << "five child executions\n" << shown.out;
  std::string firings = firingsOf(shown.out);
  EXPECT_EQ(occurrences(firings, " Success "), 5u) << shown.out;
  EXPECT_NE(firings.find("2026-11-22T18:00:00Z  Success      exec-sim000000000004"), std::string::npos)
      << shown.out;
  RunResult child = show(runner, "exec-sim000000000006");
  EXPECT_NE(child.out.find("parent     exec-sim000000000001"), std::string::npos) << child.out;
  EXPECT_NE(child.out.find("updateScalingConfigurations[1]"), std::string::npos) << child.out;
  EXPECT_EQ(child.out.find("dailyAtTwo"), std::string::npos) << "a child runs without the trigger\n"
                                                             << child.out;

  // The world: five images, and every configuration carries the last one.
  Value after = world();
  std::string lastImage;
  size_t images = 0;
  for (const Value &image : after.find("Images")->getList())
    if (image.find("ImageName")->toDisplayString().rfind("asg-image-exec-", 0) == 0) {
      ++images;
      if (image.find("ImageName")->toDisplayString() == "asg-image-exec-sim000000000006")
        lastImage = image.find("ImageId")->toDisplayString();
    }
  EXPECT_EQ(images, 5u);
  ASSERT_FALSE(lastImage.empty()) << "no image from the last firing";
  size_t configurations = 0;
  for (const Value &configuration : after.find("ScalingConfigurations")->getList())
    if (configuration.find("ScalingGroupId")->toDisplayString() == "asg-sim000000000001") {
      EXPECT_EQ(configuration.find("ImageId")->toDisplayString(), lastImage);
      ++configurations;
    }
  EXPECT_EQ(configurations, 2u);
}

TEST_F(ScheduleBuildTest, FiringsEndsTheTriggerAfterThatManyFirings) {
  std::string runner = build("samples/scheduled-image-update/scheduled-image-update.yaml");
  RunResult result = run(runner, {"--firings", "2"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).find("firings")->find("success")->toJson(), "2") << result.out;
  EXPECT_NE(result.err.find("ended after 2 firings (--firings); the schedule goes on to 2026-11-25T16:00:00Z"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(result.err.find("no firing is left"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("firing at 2026-11-22T18:00:00Z"), std::string::npos) << result.err;
  RunResult zero = run(runner, {"--firings", "0"});
  EXPECT_EQ(zero.exitCode, 2);
  EXPECT_NE(zero.err.find("--firings needs a number from 1 to 10^9, not '0'"), std::string::npos) << zero.err;
}

TEST_F(ScheduleBuildTest, FiringsMissedWhileNoRunnerWasUpAreReportedThenTheScheduleGoesOn) {
  std::string runner = build("tests/build/schedule.yaml");
  // The first runner waits (really) for its first firing in 2099, and is
  // killed there.
  StoppedRun killed = runUntil(runner, {"-p", "startDate=2099-01-01T00:00:00Z", "-p", "endDate=2099-01-05"},
                               "waiting for the firing at 2099-01-01T00:00:00Z", 9);
  EXPECT_EQ(killed.exitCode, 128 + 9) << killed.err;
  RunResult before = show(runner, "exec-sim000000000001");
  EXPECT_NE(before.out.find("status     Interrupted"), std::string::npos) << before.out;
  EXPECT_NE(before.out.find("`--resume-schedule exec-sim000000000001` continues it"), std::string::npos)
      << before.out;
  RunResult wrongFlag = run(runner, {"--resume", "exec-sim000000000001"});
  EXPECT_EQ(wrongFlag.exitCode, 2);
  EXPECT_NE(wrongFlag.err.find("starts with ACS::TimerTrigger: continue its trigger execution with "
                               "--resume-schedule exec-sim000000000001"),
            std::string::npos)
      << wrongFlag.err;

  // A new trigger of the same template is told about the unfinished one.
  RunResult fresh = run(runner, {"-p", "endDate=2024-01-02"});
  EXPECT_NE(fresh.err.find("warning: trigger execution exec-sim000000000001 of this template was interrupted "
                           "(its runner stopped); --resume-schedule exec-sim000000000001 reports"),
            std::string::npos)
      << fresh.err;

  // Started again at noon on the 3rd: three firings passed with no runner up.
  RunResult resumed = run(runner, {"--resume-schedule", "exec-sim000000000001", "--now", "2099-01-03T12:00:00Z"});
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  for (const char *day : {"01", "02", "03"})
    EXPECT_NE(resumed.err.find("warning: firing at 2099-01-" + std::string(day) +
                               "T00:00:00Z Missed: no runner was up at that time; it was not run"),
              std::string::npos)
        << resumed.err;
  EXPECT_EQ(resumed.err.find("warning: trigger execution"), std::string::npos) << resumed.err;
  Value counts = *parse(resumed.out).find("firings");
  EXPECT_EQ(counts.find("missed")->toJson(), "3") << resumed.out;
  EXPECT_EQ(counts.find("success")->toJson(), "2") << resumed.out; // the 4th and the 5th (EndDate)
  RunResult after = show(runner, "exec-sim000000000001");
  EXPECT_NE(after.out.find("status     Success"), std::string::npos) << after.out;
  std::string firings = firingsOf(after.out);
  EXPECT_EQ(occurrences(firings, " Missed "), 3u) << after.out;
  EXPECT_EQ(occurrences(firings, " Success "), 2u) << after.out;
  EXPECT_NE(firings.find("2099-01-05T00:00:00Z  Success"), std::string::npos) << after.out;

  // Finished: nothing more to resume.
  RunResult again = run(runner, {"--resume-schedule", "exec-sim000000000001"});
  EXPECT_EQ(again.exitCode, 2);
  EXPECT_NE(again.err.find("trigger execution 'exec-sim000000000001' ended Success; only an unfinished one "
                           "can be resumed"),
            std::string::npos)
      << again.err;
}

TEST_F(ScheduleBuildTest, AFiringWhoseRunnerWasKilledIsResumed) {
  std::string runner = build("tests/build/schedule.yaml");
  // No StartDate: the first firing is at once; its child waits an hour
  // (really) and the runner is killed during it.
  std::string endDate = utcIn(3 * 24 + 12);
  StoppedRun killed = runUntil(runner, {"-p", "endDate=" + endDate, "-p", "pause=PT1H"}, ": Running, execution", 9);
  EXPECT_EQ(killed.exitCode, 128 + 9) << killed.err;
  // Started again (on a virtual clock) two and a half days later: the
  // interrupted child goes on where it stopped and ends, then two firings
  // are reported missed and the last one runs.
  RunResult resumed = run(runner, {"--resume-schedule", "exec-sim000000000001", "--now", utcIn(2 * 24 + 12)});
  ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("was interrupted (its runner stopped while exec-sim000000000002 ran): resuming it"),
            std::string::npos)
      << resumed.err;
  Value counts = *parse(resumed.out).find("firings");
  EXPECT_EQ(counts.toJson(),
            R"({"success":2,"failed":0,"cancelled":0,"missed":2,"skipped":0,"interrupted":0})");
  RunResult child = show(runner, "exec-sim000000000002");
  EXPECT_NE(child.out.find("status     Success"), std::string::npos) << child.out;
}

TEST_F(ScheduleBuildTest, FiringsThatComeWhileAChildRunsAreSkippedNotRunLate) {
  std::string runner = build("tests/build/schedule.yaml");
  // Every minute, and each child takes five (virtual) minutes: the firings
  // at 1 to 4 come while the first child runs, the one at 6 while the second.
  RunResult result = run(runner, {"-p", "every=1 minute", "-p", "pause=PT5M", "-p",
                                  "startDate=2099-01-01T00:00:00Z", "-p", "endDate=2099-01-01T00:06:00Z"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).find("firings")->toJson(),
            R"({"success":2,"failed":0,"cancelled":0,"missed":0,"skipped":5,"interrupted":0})");
  EXPECT_NE(result.err.find("warning: firing at 2099-01-01T00:01:00Z Skipped: the firing before it was still "
                            "running; it was not run"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("firing at 2099-01-01T00:05:00Z: Success"), std::string::npos) << result.err;
  // The same as JSON lines, for machines.
  RunResult json = run(runner, {"-p", "startDate=2099-01-01T00:00:00Z", "-p", "endDate=2099-01-01", "--log",
                                "json"});
  ASSERT_EQ(json.exitCode, 0) << json.err;
  EXPECT_NE(json.err.find(R"({"event":"schedule","execution":"exec-sim000000000004","schedule":"rate '1 day'",)"
                          R"("start":"2099-01-01T00:00:00Z","end":"2099-01-01T00:00:00Z"})"),
            std::string::npos)
      << json.err;
  EXPECT_NE(json.err.find(R"({"event":"firing","execution":"exec-sim000000000004","at":"2099-01-01T00:00:00Z",)"
                          R"("status":"Success","child":"exec-sim000000000005"})"),
            std::string::npos)
      << json.err;
}

TEST_F(ScheduleBuildTest, SigtermWhileWaitingCancelsTheTrigger) {
  std::string runner = build("tests/build/schedule.yaml");
  StoppedRun stopped = runUntil(runner, {"-p", "startDate=2099-01-01T00:00:00Z", "-p", "endDate=2099-01-05"},
                                "waiting for the firing at 2099-01-01T00:00:00Z", 15);
  EXPECT_EQ(stopped.exitCode, 3) << stopped.err;
  EXPECT_NE(stopped.err.find("Cancelled  everyDay (ACS::TimerTrigger)"), std::string::npos) << stopped.err;
  RunResult shown = show(runner, "exec-sim000000000001");
  EXPECT_NE(shown.out.find("status     Cancelled"), std::string::npos) << shown.out;
  RunResult resumed = run(runner, {"--resume-schedule", "exec-sim000000000001"});
  EXPECT_EQ(resumed.exitCode, 2);
  EXPECT_NE(resumed.err.find("ended Cancelled"), std::string::npos) << resumed.err;
}

TEST_F(ScheduleBuildTest, BadSchedulesAndFlagsAreNamed) {
  std::string runner = build("tests/build/schedule.yaml");
  RunResult passed = run(runner, {"-p", "endDate=2020-01-01"});
  EXPECT_EQ(passed.exitCode, 1);
  EXPECT_NE(passed.err.find("task 'everyDay' failed: EndDate '2020-01-01' comes before the trigger starts "
                            "(2024-01-01T00:00:00Z)"),
            std::string::npos)
      << passed.err;
  RunResult badDate = run(runner, {"-p", "endDate=next week"});
  EXPECT_NE(badDate.err.find("EndDate 'next week' is not a date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"),
            std::string::npos)
      << badDate.err;
  RunResult badNow = run(runner, {"-p", "endDate=2099-01-01", "--now", "tomorrow"});
  EXPECT_EQ(badNow.exitCode, 2);
  EXPECT_NE(badNow.err.find("--now takes a time such as 2026-11-21T00:00:00Z (or "
                            "2026-11-21T08:00:00+08:00), from 1970-01-01T00:00:00Z to "
                            "2199-12-31T23:59:59Z, not 'tomorrow'"),
            std::string::npos)
      << badNow.err;
  RunResult unknown = run(runner, {"--resume-schedule", "exec-nope"});
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("--resume-schedule: no execution 'exec-nope'"), std::string::npos) << unknown.err;
  RunResult help = runProgram(runner, {"--help"});
  EXPECT_NE(help.out.find("--resume-schedule EXECUTION_ID"), std::string::npos) << help.out;
}

} // namespace
} // namespace oosc::testing
