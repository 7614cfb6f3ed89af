//===- NotificationsTest.cpp - Waits and answers on a real SQLite file -----===//
#include "oosc/runtime/Journal.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace oosc::runtime {
namespace {

namespace fs = std::filesystem;

class NotificationsTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("oosc-notifications-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  /// Two connections, as the waiting runner and `executions notify` have;
  /// the first records the executions the waits belong to.
  std::pair<std::unique_ptr<Journal>, std::unique_ptr<Journal>> open() {
    auto runner = Journal::open((dir_ / "journal.sqlite").string());
    auto notifier = Journal::open((dir_ / "journal.sqlite").string());
    EXPECT_TRUE(runner && notifier);
    if (!runner || !notifier)
      return {};
    for (const char *id : {"exec-1", "exec-2"}) {
      JournalExecution execution;
      execution.id = id;
      execution.templateName = "waiting";
      execution.parametersJson = "{}";
      execution.mode = "Debug";
      execution.status = "Waiting";
      EXPECT_TRUE(runner.value()->beginExecution(execution));
    }
    return {std::move(runner.value()), std::move(notifier.value())};
  }

  fs::path dir_;
};

TEST_F(NotificationsTest, AnAcceptedAnswerIsTakenOnceAndEndsTheWait) {
  auto [runner, notifier] = open();
  ASSERT_TRUE(runner && notifier);
  auto early = notifier->postAnswer("exec-1", "retry");
  ASSERT_TRUE(early);
  EXPECT_FALSE(early.value().recorded);
  EXPECT_FALSE(early.value().wait) << "nothing waits yet";

  ASSERT_TRUE(runner->beginWait("exec-1", {"fail", "failed: boom", {"retry", "skip", "cancel"}}));
  auto wrong = notifier->postAnswer("exec-1", "approve");
  ASSERT_TRUE(wrong);
  EXPECT_FALSE(wrong.value().recorded);
  ASSERT_TRUE(wrong.value().wait);
  EXPECT_EQ(wrong.value().wait->task, "fail");
  EXPECT_EQ(wrong.value().wait->question, "failed: boom");
  EXPECT_EQ(wrong.value().wait->verbs, (std::vector<std::string>{"retry", "skip", "cancel"}));
  auto nothingYet = runner->takeAnswer("exec-1");
  ASSERT_TRUE(nothingYet);
  EXPECT_FALSE(nothingYet.value()) << "a refused verb is not recorded";

  auto sent = notifier->postAnswer("exec-1", "skip");
  ASSERT_TRUE(sent);
  EXPECT_TRUE(sent.value().recorded);
  auto taken = runner->takeAnswer("exec-1");
  ASSERT_TRUE(taken && taken.value());
  EXPECT_EQ(*taken.value(), "skip");
  auto again = runner->takeAnswer("exec-1");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again.value()) << "taken twice";
  auto wait = notifier->wait("exec-1");
  ASSERT_TRUE(wait);
  EXPECT_FALSE(wait.value()) << "taking the answer ends the wait";
  auto late = notifier->postAnswer("exec-1", "retry");
  ASSERT_TRUE(late);
  EXPECT_FALSE(late.value().recorded);
}

TEST_F(NotificationsTest, AnAnswerLeftOverDoesNotAnswerTheNextWait) {
  auto [runner, notifier] = open();
  ASSERT_TRUE(runner && notifier);
  ASSERT_TRUE(runner->beginWait("exec-1", {"a", "about to run", {"run", "skip"}}));
  ASSERT_TRUE(notifier->postAnswer("exec-1", "run").value().recorded);
  // The runner was answered on its terminal instead and now waits again.
  ASSERT_TRUE(runner->endWait("exec-1"));
  ASSERT_TRUE(runner->beginWait("exec-1", {"b", "about to run", {"run", "skip"}}));
  auto taken = runner->takeAnswer("exec-1");
  ASSERT_TRUE(taken);
  EXPECT_FALSE(taken.value()) << "the answer to task a answered task b";
  // Waits of other executions are their own.
  ASSERT_TRUE(runner->beginWait("exec-2", {"c", "paused", {"resume"}}));
  ASSERT_TRUE(notifier->postAnswer("exec-2", "resume").value().recorded);
  EXPECT_FALSE(runner->takeAnswer("exec-1").value());
  EXPECT_EQ(*runner->takeAnswer("exec-2").value(), "resume");
}

} // namespace
} // namespace oosc::runtime
