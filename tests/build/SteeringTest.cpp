//===- SteeringTest.cpp - People steering a real runner ----------------------===//
//
// Each test builds a runner with oosc, starts it in the background with
// stdin from /dev/null (not a terminal, so it waits through its journal),
// watches `executions show` until the execution waits, answers with
// `executions notify` from another process, and checks how the runner ends.
// The waits are polled in a bounded loop; nothing depends on timing.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;

const std::string kExecution = "exec-sim000000000001"; // the first of a fresh world

bool contains(const std::string &text, const std::string &part) {
  return text.find(part) != std::string::npos;
}

class SteeringBuildTest : public RunnerTest {
protected:
  using RunnerTest::build;
  std::string build(const std::string &templatePath) { return RunnerTest::build({templatePath}); }

  RunResult show(const std::string &runner, const Background &run) {
    return runProgram(runner, {"executions", "show", kExecution, "--journal", run.journal()});
  }

  RunResult notify(const std::string &runner, const Background &run, const std::string &verb) {
    return runProgram(runner, {"executions", "notify", kExecution, verb, "--journal", run.journal()});
  }

  /// Polls `executions show` until the execution waits at \p task with
  /// \p question in its waiting line (a minute at most; false if the runner
  /// ended or it never came).
  bool waitsAt(const std::string &runner, const Background &run, const std::string &task,
               const std::string &question = "") {
    for (int attempt = 0; attempt < 600; ++attempt) {
      if (!stillRunning(run))
        return false; // it ended (left for finish() to reap) or is gone
      RunResult shown = show(runner, run);
      std::string line = "waiting    at task '" + task + "' (" + question;
      if (contains(shown.out, "status     Waiting") && contains(shown.out, line))
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

};

TEST_F(SteeringBuildTest, FailurePauseWaitsAndRetryFinishesTheExecution) {
  std::string runner = build("tests/build/failure-pause.yaml");
  Background &run = start(runner, {"--mode", "FailurePause", "--fail", "ECS.DescribeRegions@1"}, "retry");
  ASSERT_TRUE(waitsAt(runner, run, "describeRegions", "failed: ")) << run.err();
  RunResult shown = show(runner, run);
  EXPECT_TRUE(contains(shown.out, "mode       FailurePause")) << shown.out;
  EXPECT_TRUE(contains(shown.out, "describeRegions                  Waiting")) << shown.out;
  EXPECT_TRUE(contains(shown.out, "retry|skip|cancel")) << shown.out;
  RunResult list = runProgram(runner, {"executions", "list", "--journal", run.journal()});
  EXPECT_TRUE(contains(list.out, "Waiting")) << list.out;
  // A verb this wait does not take is refused, naming those it takes.
  RunResult wrong = notify(runner, run, "approve");
  EXPECT_EQ(wrong.exitCode, 2);
  EXPECT_TRUE(contains(wrong.err, "for one of: retry, skip, cancel; not 'approve'")) << wrong.err;
  RunResult sent = notify(runner, run, "retry");
  ASSERT_EQ(sent.exitCode, 0) << sent.err;
  RunResult result = finish(run);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(contains(result.err, "answer: retry")) << result.err;
  EXPECT_TRUE(contains(result.out, "cn-hangzhou-h")) << result.out;
  shown = show(runner, run);
  EXPECT_TRUE(contains(shown.out, "status     Success")) << shown.out;
  EXPECT_TRUE(contains(shown.out, "describeRegions                  Success")) << shown.out;
}

TEST_F(SteeringBuildTest, OnATerminalTheRunnerAsksThere) {
  std::string runner = build("tests/build/failure-pause.yaml");
  // script(1) gives the runner a pseudo-terminal; the answers are typed
  // ahead, and the terminal keeps them until the runner reads them.
  std::string command = runner + " --mode FailurePause --fail ECS.DescribeRegions@1 --state " +
                        (dir_ / "world.json").string();
  RunResult result = runProgram("/bin/sh", {"-c", "printf 'bogus\\nretry\\n' | /usr/bin/script -qec '" +
                                                      command + "' /dev/null"});
  EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_TRUE(contains(result.out, "retry, skip, cancel? ")) << result.out;
  EXPECT_TRUE(contains(result.out, "'bogus' is not an answer here")) << result.out;
  EXPECT_TRUE(contains(result.out, "answer: retry")) << result.out;
  EXPECT_TRUE(contains(result.out, "Success  describeZones")) << result.out;
}

TEST_F(SteeringBuildTest, FailurePauseSkipGoesOnWithTheNextTask) {
  std::string runner = build("tests/build/failure-pause.yaml");
  Background &run = start(runner, {"--mode", "FailurePause", "--fail", "ECS.DescribeRegions@1"}, "skip");
  ASSERT_TRUE(waitsAt(runner, run, "describeRegions", "failed: ")) << run.err();
  ASSERT_EQ(notify(runner, run, "skip").exitCode, 0);
  RunResult result = finish(run);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(contains(result.err, "Skipped  describeRegions")) << result.err;
  EXPECT_TRUE(contains(result.err, "Success  describeZones")) << result.err;
  RunResult shown = show(runner, run);
  EXPECT_TRUE(contains(shown.out, "describeRegions                  Skipped")) << shown.out;
}

TEST_F(SteeringBuildTest, DebugAsksBeforeEachTask) {
  std::string runner = build("tests/build/failure-pause.yaml");
  Background &run = start(runner, {"--mode", "Debug"}, "skip-run");
  ASSERT_TRUE(waitsAt(runner, run, "describeRegions", "about to run")) << run.err();
  RunResult wrong = notify(runner, run, "retry");
  EXPECT_EQ(wrong.exitCode, 2);
  EXPECT_TRUE(contains(wrong.err, "for one of: run, skip, complete, cancel")) << wrong.err;
  ASSERT_EQ(notify(runner, run, "skip").exitCode, 0);
  ASSERT_TRUE(waitsAt(runner, run, "describeZones", "about to run")) << run.err();
  ASSERT_EQ(notify(runner, run, "run").exitCode, 0);
  RunResult result = finish(run);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(contains(result.err, "Skipped  describeRegions")) << result.err;
  EXPECT_TRUE(contains(result.err, "Success  describeZones")) << result.err;
  EXPECT_TRUE(contains(result.out, "cn-hangzhou-h")) << result.out;
  EXPECT_TRUE(contains(show(runner, run).out, "mode       Debug"));

  Background &completed = start(runner, {"--mode", "Debug"}, "complete");
  ASSERT_TRUE(waitsAt(runner, completed, "describeRegions", "about to run")) << completed.err();
  ASSERT_EQ(notify(runner, completed, "complete").exitCode, 0);
  result = finish(completed);
  // Completed before anything ran: Success, without the outputs it never made.
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(result.out, "{}\n");
  EXPECT_EQ(result.err.find("describeZones"), std::string::npos) << result.err;
  RunResult shown = show(runner, completed);
  EXPECT_TRUE(contains(shown.out, "not run: the execution was completed")) << shown.out;
}

TEST_F(SteeringBuildTest, ApproveGoesOnAndRejectCancelsRunningTheCleanup) {
  std::string runner = build("tests/build/approve.yaml");
  Background &approved = start(runner, {}, "approve");
  ASSERT_TRUE(waitsAt(runner, approved, "approveUse", "waits for approval")) << approved.err();
  ASSERT_EQ(notify(runner, approved, "approve").exitCode, 0);
  RunResult result = finish(approved);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(contains(result.err, "Success  useInstance")) << result.err;
  // The approvers' webhook is posted first, rendered.
  EXPECT_TRUE(contains(slurp(approved.dir / "world.json"), "may oosc use i-sim")) << "no webhook";

  Background &rejected = start(runner, {}, "reject");
  ASSERT_TRUE(waitsAt(runner, rejected, "approveUse", "waits for approval")) << rejected.err();
  ASSERT_EQ(notify(runner, rejected, "reject").exitCode, 0);
  result = finish(rejected);
  EXPECT_EQ(result.exitCode, 3) << result.err;
  EXPECT_TRUE(contains(result.err, "Cancelled  approveUse")) << result.err;
  EXPECT_EQ(result.err.find("useInstance"), std::string::npos) << result.err;
  EXPECT_TRUE(contains(result.err, "Success  deleteInstance")) << "no cleanup\n" << result.err;
  EXPECT_TRUE(contains(show(runner, rejected).out, "status     Cancelled"));
}

TEST_F(SteeringBuildTest, AnswersGivenInAdvanceDoNotWaitAndSayWhoAnswered) {
  std::string runner = build("tests/build/approve.yaml");
  // No terminal, no journal: only --answer can answer.
  RunResult approved = run(runner, {"--no-journal", "--answer", "approve"});
  EXPECT_EQ(approved.exitCode, 0) << approved.err;
  EXPECT_TRUE(contains(approved.err, "approveUse waits for approval: approve (--answer)")) << approved.err;
  EXPECT_TRUE(contains(approved.err, "Success  useInstance")) << approved.err;

  // The first that applies wins: one for another task is passed over.
  RunResult rejected = run(runner, {"--no-journal", "--answer", "otherTask=approve", "--answer",
                                    "approveUse=reject", "--answer", "approve"});
  EXPECT_EQ(rejected.exitCode, 3) << rejected.err;
  EXPECT_TRUE(contains(rejected.err, "approveUse waits for approval: reject (--answer)")) << rejected.err;
  EXPECT_TRUE(contains(rejected.err, "Success  deleteInstance")) << "no cleanup\n" << rejected.err;

  // An answer the question does not take is no answer: the task fails
  // saying what would have answered it.
  RunResult unanswered = run(runner, {"--no-journal", "--answer", "resume"});
  EXPECT_EQ(unanswered.exitCode, 1) << unanswered.err;
  EXPECT_TRUE(contains(unanswered.err, "no --answer for task 'approveUse' takes approve, reject or cancel"))
      << unanswered.err;

  for (std::string wrong : {"maybe", "approveUse=", "=approve"}) {
    RunResult bad = run(runner, {"--no-journal", "--answer", wrong});
    EXPECT_EQ(bad.exitCode, 2) << wrong;
    EXPECT_TRUE(contains(bad.err, "--answer takes [TASK=]VERB")) << bad.err;
  }
}

TEST_F(SteeringBuildTest, PauseAndEveryBatchPauseWaitUntilResumed) {
  std::string runner = build("tests/build/batches.yaml");
  Background &run = start(runner, {"--loop-mode", "EveryBatchPause"}, "batches");
  ASSERT_TRUE(waitsAt(runner, run, "holdOn", "paused")) << run.err();
  ASSERT_EQ(notify(runner, run, "resume").exitCode, 0);
  ASSERT_TRUE(waitsAt(runner, run, "describeZones", "ran batch 1 (1 of 3 items)")) << run.err();
  RunResult shown = show(runner, run);
  EXPECT_TRUE(contains(shown.out, "describeZones[0]")) << shown.out;
  EXPECT_FALSE(contains(shown.out, "describeZones[1]")) << "the second batch ran\n" << shown.out;
  ASSERT_EQ(notify(runner, run, "resume").exitCode, 0);
  ASSERT_TRUE(waitsAt(runner, run, "describeZones", "ran batch 2 (2 of 3 items)")) << run.err();
  ASSERT_EQ(notify(runner, run, "resume").exitCode, 0);
  RunResult result = finish(run);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(contains(show(runner, run).out, "describeZones[2]"));
}

TEST_F(SteeringBuildTest, NotifyRefusesAnExecutionThatDoesNotWait) {
  std::string runner = build("tests/build/failure-pause.yaml");
  Background &run = start(runner, {}, "automatic");
  ASSERT_EQ(finish(run).exitCode, 0) << run.err();
  RunResult done = notify(runner, run, "retry");
  EXPECT_EQ(done.exitCode, 2);
  EXPECT_TRUE(contains(done.err, "execution '" + kExecution + "' is Success, not Waiting")) << done.err;
  RunResult missing = runProgram(runner, {"executions", "notify", "exec-nope", "retry", "--journal",
                                          run.journal()});
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_TRUE(contains(missing.err, "no execution 'exec-nope'")) << missing.err;
  // Without a terminal or a journal nobody could answer: refused up front.
  RunResult unanswerable = runProgram(runner, {"--mode", "Debug", "--no-journal", "--state",
                                               (dir_ / "world.json").string()});
  EXPECT_EQ(unanswerable.exitCode, 2);
  EXPECT_TRUE(contains(unanswerable.err, "stdin is not a terminal")) << unanswerable.err;
}

TEST_F(SteeringBuildTest, SigtermWhileWaitingCancelsAndRunsTheCleanup) {
  std::string runner = build("tests/build/approve.yaml");
  Background &run = start(runner, {}, "sigterm");
  ASSERT_TRUE(waitsAt(runner, run, "approveUse", "waits for approval")) << run.err();
  ASSERT_EQ(::kill(run.pid, SIGTERM), 0);
  RunResult result = finish(run);
  EXPECT_EQ(result.exitCode, 3) << result.err;
  EXPECT_TRUE(contains(result.err, "Cancelled  approveUse")) << result.err;
  EXPECT_TRUE(contains(result.err, "Success  deleteInstance")) << result.err;
  RunResult shown = show(runner, run);
  EXPECT_TRUE(contains(shown.out, "status     Cancelled")) << shown.out;
  EXPECT_FALSE(contains(shown.out, "waiting    at")) << "the wait is still recorded\n" << shown.out;
}

TEST_F(SteeringBuildTest, AWaitingRunnerKilledIsResumedAndAsksAgain) {
  std::string runner = build("tests/build/failure-pause.yaml");
  Background &killed = start(runner, {"--mode", "FailurePause", "--fail", "ECS.DescribeRegions@1"}, "run");
  ASSERT_TRUE(waitsAt(runner, killed, "describeRegions", "failed: ")) << killed.err();
  ASSERT_EQ(::kill(killed.pid, SIGKILL), 0);
  EXPECT_EQ(finish(killed).signal, SIGKILL);
  RunResult refused = notify(runner, killed, "retry");
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_TRUE(contains(refused.err, "its runner is gone (Interrupted)")) << refused.err;
  // The same world and journal: the resumed execution fails again and waits again.
  Background &resumed = start(runner, {"--resume", kExecution, "--mode", "FailurePause", "--fail",
                                       "ECS.DescribeRegions@1"},
                              "run");
  ASSERT_TRUE(waitsAt(runner, resumed, "describeRegions", "failed: ")) << resumed.err();
  ASSERT_EQ(notify(runner, resumed, "retry").exitCode, 0);
  RunResult result = finish(resumed);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  EXPECT_TRUE(contains(result.err, "Success  describeZones")) << result.err;
}

TEST_F(SteeringBuildTest, RollingUpdatePausesAfterItsFirstBatchUntilResumed) {
  std::string runner = build({"samples/rolling-update/rolling-update.yaml",
                              "samples/rolling-update/rolling-update-instance.yaml",
                              "samples/rolling-update/rolling-update-restore.yaml"});
  Background &run = start(runner,
                          {"rolling-update", "--region", "cn-shanghai", "-p", "scalingGroupId=asg-simfleet",
                           "-p", "imageId=centos_7_9_x64_20G_alibase_20240628.vhd", "-p", "batchNumber=2",
                           "-p", "batchPauseOption=FirstBatchPause"},
                          "rolling");
  ASSERT_TRUE(waitsAt(runner, run, "updateInstances")) << run.err();
  // Paused after the first batch (three of five): the second has not started.
  RunResult shown = show(runner, run);
  EXPECT_TRUE(contains(shown.out, "updateInstances[2] ")) << shown.out;
  EXPECT_FALSE(contains(shown.out, "updateInstances[3] ")) << shown.out;
  ASSERT_EQ(notify(runner, run, "resume").exitCode, 0);
  RunResult result = finish(run);
  EXPECT_EQ(result.exitCode, 0) << result.err;
  shown = show(runner, run);
  EXPECT_TRUE(contains(shown.out, "updateInstances[4] ")) << shown.out;
  EXPECT_TRUE(contains(shown.out, "status     Success")) << shown.out;
}

} // namespace
} // namespace oosc::testing
