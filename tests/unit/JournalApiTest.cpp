//===- JournalApiTest.cpp - OOS execution queries answered from a journal ---===//
//
// A real journal file, filled as a runner fills it, read through the OOS API
// shapes templates use; every other call reaches the wrapped backend.
//
//===----------------------------------------------------------------------===//
#include "journal/JournalApi.h"
#include "oosc/runtime/Journal.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace oosc::runtime {
namespace {

namespace fs = std::filesystem;

/// Answers every call with the API's name, so forwarding is visible.
class EchoCloud : public CloudBackend {
public:
  Outcome<Value, ApiError> call(std::string_view service, std::string_view api, const Value &) override {
    return Value(Value::Map{{"Echo", std::string(service) + "." + std::string(api)}});
  }
  std::string describe() const override { return "echo cloud"; }
};

Value params(std::initializer_list<Value::Member> members) { return Value(Value::Map(members)); }

class JournalApiTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("oosc-journal-api-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    auto opened = Journal::open((dir_ / "journal.sqlite").string());
    ASSERT_TRUE(opened) << opened.error().message;
    journal_ = std::move(opened.value());
    Journal &j = *journal_;
    // An update with two children (one failed) and a loop, then a later run.
    ASSERT_TRUE(j.beginExecution({"exec-1", "rolling-update", R"({"scalingGroupId":"asg-1"})", "Automatic",
                                  "Running", "", "{}", "", 1700000000, 0}));
    ASSERT_TRUE(j.beginExecution({"exec-1/update.1", "update-one", R"({"instanceId":"i-1"})", "Automatic",
                                  "Running", "exec-1", "{}", "", 1700000001, 0}));
    ASSERT_TRUE(j.beginExecution({"exec-1/update.2", "update-one", R"({"instanceId":"i-2"})", "Automatic",
                                  "Running", "exec-1", "{}", "", 1700000002, 0}));
    ASSERT_TRUE(j.recordStep("exec-1/update.1", {"replaceDisk", -1, "Success", R"({"diskId":"d-1"})", "",
                                                 1700000001, 1700000003}));
    ASSERT_TRUE(j.recordStep("exec-1/update.2", {"replaceDisk", -1, "Failed", "{}", "boom", 1700000002,
                                                 1700000003}));
    ASSERT_TRUE(j.finishExecution("exec-1/update.1", "Success", R"({"previousImageId":"m-old"})", "",
                                  1700000004));
    ASSERT_TRUE(j.finishExecution("exec-1/update.2", "Failed", "{}", "boom", 1700000004));
    ASSERT_TRUE(j.recordStep("exec-1", {"update", 0, "Success", "{}", "", 1700000001, 1700000004}));
    ASSERT_TRUE(j.recordStep("exec-1", {"update", 1, "Failed", "{}", "boom", 1700000002, 1700000004}));
    ASSERT_TRUE(j.recordStep("exec-1", {"update", -1, "Failed", "{}", "1 of 2 failed", 1700000001,
                                        1700000004}));
    ASSERT_TRUE(j.finishExecution("exec-1", "Failed", "{}", "1 of 2 failed", 1700000005));
    ASSERT_TRUE(j.beginExecution({"exec-2", "other", "{}", "Automatic", "Running", "", "{}", "", 1700000010, 0}));
    api_.attach(journal_.get());
  }
  void TearDown() override {
    journal_.reset();
    fs::remove_all(dir_);
  }

  Value call(std::string_view api, const Value &parameters) {
    auto result = api_.call("OOS", api, parameters);
    if (!result) {
      ADD_FAILURE() << api << ": " << result.error().code << ": " << result.error().message;
      return Value();
    }
    return result.value();
  }

  /// The `key` of each listed item, in order.
  static std::vector<std::string> column(const Value &response, std::string_view list, std::string_view key) {
    std::vector<std::string> values;
    if (const Value *items = response.find(list); items && items->isList())
      for (const Value &item : items->getList())
        values.push_back(item.find(key) ? item.find(key)->toDisplayString() : "(none)");
    return values;
  }

  fs::path dir_;
  std::unique_ptr<Journal> journal_;
  EchoCloud cloud_;
  JournalApi api_{cloud_};
};

TEST_F(JournalApiTest, ListExecutionsFiltersByParentTemplateStatusAndId) {
  Value children = call("ListExecutions", params({{"ParentExecutionId", "exec-1"}}));
  EXPECT_EQ(column(children, "Executions", "ExecutionId"),
            (std::vector<std::string>{"exec-1/update.2", "exec-1/update.1"})); // newest first
  const Value &first = children.find("Executions")->getList()[1];
  EXPECT_EQ(first.find("Parameters")->toJson(), R"({"instanceId":"i-1"})");
  EXPECT_EQ(first.find("Outputs")->toJson(), R"({"previousImageId":"m-old"})");
  EXPECT_EQ(first.find("StartDate")->toDisplayString(), "2023-11-14T22:13:21Z");
  EXPECT_EQ(first.find("ParentExecutionId")->toDisplayString(), "exec-1");
  EXPECT_EQ(children.find("RequestId")->toDisplayString().size(), 36u);
  Value failed = call("ListExecutions", params({{"ParentExecutionId", "exec-1"}, {"Status", "failed"},
                                                 {"SortOrder", "Ascending"}}));
  EXPECT_EQ(column(failed, "Executions", "ExecutionId"), (std::vector<std::string>{"exec-1/update.2"}));
  EXPECT_EQ(column(failed, "Executions", "StatusMessage"), (std::vector<std::string>{"boom"}));
  // Without an id or a parent: top-level executions only, unless asked.
  EXPECT_EQ(column(call("ListExecutions", params({})), "Executions", "ExecutionId"),
            (std::vector<std::string>{"exec-2", "exec-1"}));
  EXPECT_EQ(column(call("ListExecutions", params({{"IncludeChildExecution", true},
                                                   {"TemplateName", "update-one"}})),
                   "Executions", "ExecutionId"),
            (std::vector<std::string>{"exec-1/update.2", "exec-1/update.1"}));
  Value one = call("ListExecutions", params({{"ExecutionId", "exec-1/update.1"}}));
  EXPECT_EQ(column(one, "Executions", "TemplateName"), (std::vector<std::string>{"update-one"}));
  EXPECT_EQ(column(call("ListExecutions", params({{"ExecutionId", "exec-nope"}})), "Executions", "ExecutionId"),
            std::vector<std::string>{});
  // An unfinished execution has no end date yet.
  EXPECT_EQ(column(call("ListExecutions", params({{"ExecutionId", "exec-2"}})), "Executions", "EndDate"),
            (std::vector<std::string>{""}));
}

TEST_F(JournalApiTest, ListExecutionsPagesWithMaxResultsAndNextToken) {
  Value request = params({{"IncludeChildExecution", "true"}, {"MaxResults", 3}});
  Value page1 = call("ListExecutions", request);
  EXPECT_EQ(column(page1, "Executions", "ExecutionId").size(), 3u);
  std::string token = page1.find("NextToken")->toDisplayString();
  ASSERT_FALSE(token.empty());
  request.set("NextToken", token);
  Value page2 = call("ListExecutions", request);
  EXPECT_EQ(column(page2, "Executions", "ExecutionId"), (std::vector<std::string>{"exec-1"}));
  EXPECT_EQ(page2.find("NextToken")->toDisplayString(), "");
  auto bad = api_.call("OOS", "ListExecutions", params({{"MaxResults", 0}}));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "InvalidParameter");
  EXPECT_NE(bad.error().message.find("MaxResults"), std::string::npos);
}

TEST_F(JournalApiTest, ListTaskExecutionsReadsTasksAndOnRequestLoopItems) {
  Value tasks = call("ListTaskExecutions", params({{"ExecutionId", "exec-1/update.1"}}));
  EXPECT_EQ(column(tasks, "TaskExecutions", "TaskName"), (std::vector<std::string>{"replaceDisk"}));
  EXPECT_EQ(tasks.find("TaskExecutions")->getList()[0].find("Outputs")->toJson(), R"({"diskId":"d-1"})");
  // Across executions, filtered by name and status.
  Value succeeded = call("ListTaskExecutions", params({{"TaskName", "replaceDisk"}, {"Status", "Success"}}));
  EXPECT_EQ(column(succeeded, "TaskExecutions", "ExecutionId"), (std::vector<std::string>{"exec-1/update.1"}));
  Value loop = call("ListTaskExecutions", params({{"ExecutionId", "exec-1"}}));
  EXPECT_EQ(column(loop, "TaskExecutions", "TaskExecutionId"), (std::vector<std::string>{"exec-1.t1"}));
  Value items = call("ListTaskExecutions", params({{"ExecutionId", "exec-1"}, {"IncludeChildTaskExecution", true}}));
  EXPECT_EQ(column(items, "TaskExecutions", "TaskExecutionId"),
            (std::vector<std::string>{"exec-1.t1.0", "exec-1.t1.1", "exec-1.t1"}));
  EXPECT_EQ(column(items, "TaskExecutions", "ParentTaskExecutionId"),
            (std::vector<std::string>{"exec-1.t1", "exec-1.t1", "(none)"}));
}

TEST_F(JournalApiTest, OtherCallsReachTheCloudAndNoJournalIsSaid) {
  auto forwarded = api_.call("ECS", "DescribeRegions", params({}));
  ASSERT_TRUE(forwarded);
  EXPECT_EQ(forwarded.value().find("Echo")->toDisplayString(), "ECS.DescribeRegions");
  auto otherOos = api_.call("oos", "GetParameter", params({}));
  ASSERT_TRUE(otherOos);
  EXPECT_EQ(otherOos.value().find("Echo")->toDisplayString(), "oos.GetParameter");
  EXPECT_EQ(api_.describe(), "echo cloud");
  api_.attach(nullptr);
  auto none = api_.call("OOS", "listexecutions", params({}));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, "ExecutionJournal.Unavailable");
  EXPECT_NE(none.error().message.find("--no-journal"), std::string::npos) << none.error().message;
  EXPECT_FALSE(none.error().requestId.empty());
}

} // namespace
} // namespace oosc::runtime
