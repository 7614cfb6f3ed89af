//===- JournalTest.cpp - The execution journal on a real SQLite file -------===//
#include "oosc/runtime/Journal.h"

#include <gtest/gtest.h>

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
