//===- JournalTest.cpp - The execution journal on a real SQLite file -------===//
#include "oosc/runtime/Journal.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <unistd.h>

namespace oosc::runtime {
namespace {

namespace fs = std::filesystem;

class JournalTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("oosc-journal-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string file() const { return (dir_ / "nested" / "journal.sqlite").string(); }

  fs::path dir_;
};

TEST_F(JournalTest, RecordsSurviveClosingAndReopening) {
  {
    auto journal = Journal::open(file()); // creates the folders too
    ASSERT_TRUE(journal) << journal.error().message;
    Journal &j = *journal.value();
    ASSERT_TRUE(j.beginExecution({"exec-1", "update-image", R"({"a":1})", "Automatic", "Running", "", "{}", "", 100, 0}));
    ASSERT_TRUE(j.recordStep("exec-1", {"loop", 0, "Success", "{}", "", 101, 102}));
    ASSERT_TRUE(j.recordStep("exec-1", {"loop", 1, "Failed", "{}", "boom", 101, 103}));
    ASSERT_TRUE(j.recordStep("exec-1", {"loop", -1, "Running", "{}", "", 101, 101}));
    // The same step again replaces its record.
    ASSERT_TRUE(j.recordStep("exec-1", {"loop", -1, "Failed", R"({"x":2})", "an item failed", 101, 104}));
    ASSERT_TRUE(j.beginExecution({"exec-1/child", "child", "{}", "Automatic", "Running", "exec-1", "{}", "", 102, 0}));
    ASSERT_TRUE(j.recordApiCall("exec-1", {"loop", "ECS", "DescribeZones", "req-1", "Success", 101.5}));
    ASSERT_TRUE(j.recordApiCall("exec-1", {"loop", "ECS", "DescribeZones", "req-2", "Throttling", 102.5}));
    ASSERT_TRUE(j.finishExecution("exec-1", "Failed", R"({"out":true})", "an item failed", 105));
  }
  auto reopened = Journal::open(file());
  ASSERT_TRUE(reopened) << reopened.error().message;
  Journal &j = *reopened.value();
  auto execution = j.execution("exec-1");
  ASSERT_TRUE(execution && execution.value());
  EXPECT_EQ(execution.value()->status, "Failed");
  EXPECT_EQ(execution.value()->outputsJson, R"({"out":true})");
  EXPECT_EQ(execution.value()->parametersJson, R"({"a":1})");
  EXPECT_DOUBLE_EQ(execution.value()->ended, 105);
  auto steps = j.steps("exec-1");
  ASSERT_TRUE(steps);
  ASSERT_EQ(steps.value().size(), 3u);
  EXPECT_EQ(steps.value()[1].error, "boom");
  EXPECT_EQ(steps.value()[2].loopItem, -1);
  EXPECT_EQ(steps.value()[2].status, "Failed");
  EXPECT_EQ(steps.value()[2].outputsJson, R"({"x":2})");
  auto calls = j.apiCalls("exec-1");
  ASSERT_TRUE(calls);
  ASSERT_EQ(calls.value().size(), 2u);
  EXPECT_EQ(calls.value()[1].requestId, "req-2");
  EXPECT_EQ(calls.value()[1].result, "Throttling");
  auto all = j.executions();
  ASSERT_TRUE(all);
  ASSERT_EQ(all.value().size(), 2u);
  EXPECT_EQ(all.value()[0].id, "exec-1/child"); // newest first
  EXPECT_EQ(all.value()[0].parentId, "exec-1");
  auto unknown = j.execution("exec-2");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown.value());
}

TEST_F(JournalTest, AStepOfAnUnknownExecutionIsRefused) {
  auto journal = Journal::open(file());
  ASSERT_TRUE(journal);
  auto written = journal.value()->recordStep("exec-none", {"task", -1, "Success", "{}", "", 1, 2});
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find(file()), std::string::npos) << written.error().message;
}

TEST_F(JournalTest, TheCursorMovesWithItsStepOrNotAtAll) {
  auto journal = Journal::open(file());
  ASSERT_TRUE(journal) << journal.error().message;
  Journal &j = *journal.value();
  ASSERT_TRUE(j.beginExecution({"exec-1", "t", "{}", "Automatic", "Running", "", "{}", "", 1, 0}));
  ASSERT_TRUE(j.recordStep("exec-1", {"first", -1, "Success", "{}", "", 1, 2, 1}, 1));
  EXPECT_EQ(j.execution("exec-1").value()->cursor, 1);
  ASSERT_TRUE(j.recordStep("exec-1", {"second", -1, "Success", "{}", "", 2, 3, 2}, -1));
  EXPECT_EQ(j.execution("exec-1").value()->cursor, -1);
  EXPECT_EQ(j.steps("exec-1").value()[1].run, 2);
  // A step that cannot be written leaves the cursor where it was.
  ASSERT_FALSE(j.recordStep("exec-none", {"x", -1, "Success", "{}", "", 3, 4}, 7));
  EXPECT_EQ(j.execution("exec-1").value()->cursor, -1);
}

TEST_F(JournalTest, AReopenedExecutionRunsAgainInItsNewRunnerAndMode) {
  auto journal = Journal::open(file());
  ASSERT_TRUE(journal) << journal.error().message;
  Journal &j = *journal.value();
  ASSERT_TRUE(j.beginExecution({"exec-1", "t", "{}", "Automatic", "Running", "", "{}", "", 1, 0, 0,
                                111, "old-host"}));
  ASSERT_TRUE(j.finishExecution("exec-1", "Waiting", "{}", "", 2));
  ASSERT_TRUE(j.reopenExecution("exec-1", 222, "new-host", "FailurePause"));
  JournalExecution reopened = *j.execution("exec-1").value();
  EXPECT_EQ(reopened.status, "Running");
  EXPECT_EQ(reopened.runnerPid, 222);
  EXPECT_EQ(reopened.runnerHost, "new-host");
  EXPECT_EQ(reopened.mode, "FailurePause");
  EXPECT_DOUBLE_EQ(reopened.ended, 0);
}

TEST_F(JournalTest, ACallIsSentThenAnswered) {
  auto journal = Journal::open(file());
  ASSERT_TRUE(journal) << journal.error().message;
  Journal &j = *journal.value();
  ASSERT_TRUE(j.beginExecution({"exec-1", "t", "{}", "Automatic", "Running", "", "{}", "", 1, 0}));
  auto row = j.recordApiCall("exec-1", {"make", "ECS", "RunInstances", "", "Sent", 1, 2, "make#1[2]:1"});
  ASSERT_TRUE(row) << row.error().message;
  EXPECT_EQ(j.apiCalls("exec-1").value()[0].result, "Sent");
  ASSERT_TRUE(j.finishApiCall(row.value(), "req-9", "Success"));
  JournalApiCall call = j.apiCalls("exec-1").value()[0];
  EXPECT_EQ(call.result, "Success");
  EXPECT_EQ(call.requestId, "req-9");
  EXPECT_EQ(call.loopItem, 2);
  EXPECT_EQ(call.key, "make#1[2]:1");
  ASSERT_TRUE(j.beginExecution({"exec-1/make.3", "c", "{}", "Automatic", "Running", "exec-1", "{}", "", 2, 0}));
  ASSERT_TRUE(j.beginExecution({"exec-1/make.1", "c", "{}", "Automatic", "Running", "exec-1", "{}", "", 3, 0}));
  auto children = j.children("exec-1");
  ASSERT_TRUE(children);
  ASSERT_EQ(children.value().size(), 2u);
  EXPECT_EQ(children.value()[0].id, "exec-1/make.3"); // in the order they started
}

TEST_F(JournalTest, AJournalOfAnotherVersionIsRefusedNotMisread) {
  fs::create_directories(dir_ / "nested");
  {
    auto journal = Journal::open(file());
    ASSERT_TRUE(journal);
  }
  // Pretend an older runner wrote it.
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(file().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version=1", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto journal = Journal::open(file());
  ASSERT_FALSE(journal);
  EXPECT_NE(journal.error().message.find("journal version 1, this runner writes version 2"),
            std::string::npos)
      << journal.error().message;
  EXPECT_NE(journal.error().message.find(file()), std::string::npos);
}

TEST_F(JournalTest, AnUnusableFileIsReportedWithItsPath) {
  fs::create_directories(dir_);
  std::string notADatabase = (dir_ / "plain.txt").string();
  FILE *out = std::fopen(notADatabase.c_str(), "w");
  std::fputs("this is not an SQLite database, but it is long enough to be read as one\n", out);
  std::fclose(out);
  auto journal = Journal::open(notADatabase);
  ASSERT_FALSE(journal);
  EXPECT_NE(journal.error().message.find("plain.txt"), std::string::npos) << journal.error().message;
}

} // namespace
} // namespace oosc::runtime
