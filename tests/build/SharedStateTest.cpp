//===- SharedStateTest.cpp - Nothing lost, nothing undefined, in runners ---===//
//
// Real runners built by oosc: many of them at once on one world and one
// journal, state and journal files that cannot be trusted (emptied, cut,
// folders, devices, a journal that fills up mid-run), parameters given
// twice or huge, and option values out of range. The journal is read with
// SQLite itself.
//
//===----------------------------------------------------------------------===//
#include "build/JournalRows.h"
#include "build/RunnerTest.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <set>

namespace oosc::testing {
namespace {


/// The records of \p section in \p world whose \p key is \p value.
std::vector<runtime::Value> recordsWith(const runtime::Value &world, const std::string &section,
                                        const std::string &key, const std::string &value) {
  std::vector<runtime::Value> found;
  if (const runtime::Value *records = world.find(section))
    for (const runtime::Value &record : records->getList())
      if (const runtime::Value *member = record.find(key); member && member->isString() &&
                                                           member->getString() == value)
        found.push_back(record);
  return found;
}

/// "exec-sim000000000003" from a runner's first progress line.
std::string executionIdIn(const std::string &err) {
  size_t at = err.find("execution exec-");
  if (at == std::string::npos)
    return "";
  at += 10;
  return err.substr(at, err.find_first_of(", \n", at) - at);
}

class SharedStateTest : public RunnerTest {
protected:
  std::string updateAndKeep() {
    return build({"samples/update-image/update-image.yaml", "tests/build/keep-instance.yaml"});
  }
  std::string updateImage() { return build({"samples/update-image/update-image.yaml"}); }
};

TEST_F(SharedStateTest, ManyRunnersOnOneWorldAndJournalLoseNothing) {
  std::string runner = updateAndKeep();
  constexpr int Pairs = 6;
  std::vector<Background *> images, instances;
  for (int n = 1; n <= Pairs; ++n) {
    std::string suffix = std::to_string(n);
    images.push_back(&startSharing(runner, {"update-image", "-p", "targetImageName=image-" + suffix},
                                   "image-" + suffix));
    instances.push_back(&startSharing(runner, {"keep-instance", "-p", "instanceName=kept-" + suffix},
                                      "kept-" + suffix));
  }
  runtime::Value world;
  std::set<std::string> executionIds;
  auto finishAll = [&](std::vector<Background *> &runs, const std::string &output) {
    std::vector<std::string> ids;
    for (Background *run : runs) {
      RunResult result = finish(*run);
      EXPECT_EQ(result.exitCode, 0) << result.err;
      EXPECT_EQ(result.err.find("warning"), std::string::npos) << result.err;
      EXPECT_EQ(result.err.find("error"), std::string::npos) << result.err;
      executionIds.insert(executionIdIn(result.err));
      runtime::Value outputs = parse(result.out);
      const runtime::Value *id = outputs.find(output);
      ids.push_back(id && id->isString() ? id->getString() : "");
    }
    return ids;
  };
  std::vector<std::string> imageIds = finishAll(images, "imageId");
  std::vector<std::string> instanceIds = finishAll(instances, "instanceId");
  world = this->world();
  for (int n = 1; n <= Pairs; ++n) {
    std::string suffix = std::to_string(n);
    auto image = recordsWith(world, "Images", "ImageName", "image-" + suffix);
    ASSERT_EQ(image.size(), 1u) << "image-" << suffix << " is not in the world";
    EXPECT_EQ(image[0].find("ImageId")->getString(), imageIds[n - 1]);
    auto instance = recordsWith(world, "Instances", "InstanceName", "kept-" + suffix);
    ASSERT_EQ(instance.size(), 1u) << "kept-" << suffix << " is not in the world";
    EXPECT_EQ(instance[0].find("InstanceId")->getString(), instanceIds[n - 1]);
  }
  EXPECT_EQ(std::set<std::string>(imageIds.begin(), imageIds.end()).size(), size_t{Pairs});
  EXPECT_EQ(std::set<std::string>(instanceIds.begin(), instanceIds.end()).size(), size_t{Pairs});
  // One journal record per runner, each its own, with its own children and calls.
  EXPECT_EQ(executionIds.size(), size_t{2 * Pairs});
  Rows top = query(journal(), "SELECT id, status FROM executions WHERE parent_id = '' ORDER BY id");
  ASSERT_EQ(top.size(), size_t{2 * Pairs});
  for (const auto &row : top) {
    EXPECT_TRUE(executionIds.count(row[0])) << row[0] << " is no runner's execution";
    EXPECT_EQ(row[1], "Success") << row[0];
    Rows calls = query(journal(), "SELECT count(*) FROM api_calls WHERE execution_id LIKE '" + row[0] +
                                      ".%' AND result = 'Success'");
    EXPECT_GE(std::stoi(calls[0][0]), 2) << row[0] << " lost its API calls";
    Rows children = query(journal(), "SELECT count(*) FROM executions WHERE parent_id = '" + row[0] + "'");
    EXPECT_GE(std::stoi(children[0][0]), 1) << row[0] << " lost its child executions";
  }
}

TEST_F(SharedStateTest, JournalIdsStayUniqueWhenTheWorldStartsAfresh) {
  std::string runner = updateImage();
  RunResult first = run(runner, {"--journal", journal(), "-p", "targetImageName=first"});
  ASSERT_EQ(first.exitCode, 0) << first.err;
  // A new world numbers executions from 1 again; the journal already has 1.
  RunResult second = run(runner, {"--journal", journal(), "--new-state", "-p", "targetImageName=second"});
  ASSERT_EQ(second.exitCode, 0) << second.err;
  EXPECT_EQ(executionIdIn(first.err), "exec-sim000000000001");
  EXPECT_EQ(executionIdIn(second.err), "exec-sim000000000002");
  Rows top = query(journal(), "SELECT id, template, status FROM executions WHERE parent_id = '' ORDER BY id");
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[1], (std::vector<std::string>{"exec-sim000000000002", "update-image", "Success"}));
  // The new world's counter moved past the journal's ids.
  RunResult third = run(runner, {"--journal", journal(), "-p", "targetImageName=third"});
  EXPECT_EQ(executionIdIn(third.err), "exec-sim000000000003");
}

TEST_F(SharedStateTest, AnEmptiedStateFileStopsTheRunnerUntilStartedAfresh) {
  std::string runner = updateImage();
  ASSERT_EQ(run(runner, {"--no-journal"}).exitCode, 0);
  std::filesystem::resize_file(state(), 0); // a crash or a full disk
  RunResult refused = run(runner, {"--no-journal", "-p", "targetImageName=again"});
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("state file '" + state() + "' is empty"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("run with --new-state to start a new world in it"), std::string::npos)
      << refused.err;
  EXPECT_EQ(std::filesystem::file_size(state()), 0u);
  RunResult fresh = run(runner, {"--no-journal", "--new-state", "-p", "targetImageName=again"});
  EXPECT_EQ(fresh.exitCode, 0) << fresh.err;
  EXPECT_EQ(recordsWith(world(), "Images", "ImageName", "again").size(), 1u);
}

TEST_F(SharedStateTest, FilesThatAreNotFilesAreRefusedByName) {
  std::string runner = updateImage();
  std::filesystem::create_directories(dir_ / "folder");
  std::string folder = (dir_ / "folder").string();
  struct Case {
    std::vector<std::string> arguments;
    std::string message;
  };
  std::vector<Case> cases = {
      {{"--state", folder}, "state file '" + folder + "' is a folder, not a file"},
      {{"--state", "/dev/zero"}, "state file '/dev/zero' is not a regular file"},
      {{"--parameters", "@/dev/zero", "--state", state()},
       "--parameters file '/dev/zero' is larger than 64 MiB"},
      {{"--journal", folder, "--state", state()}, "journal " + folder + " is a folder, not a file"},
  };
  for (const Case &c : cases) {
    RunResult result = runProgram(runner, c.arguments);
    EXPECT_EQ(result.exitCode, 2) << result.err;
    EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
    EXPECT_LT(result.err.size(), 1000u);
  }
  EXPECT_FALSE(std::filesystem::exists(state())) << "a refused run changed the world";
}

TEST_F(SharedStateTest, AJournalThatCannotBeOpenedStopsTheRunnerBeforeItsFirstCall) {
  std::string runner = updateImage();
  std::ofstream(journal()) << "not an SQLite database: a cut or overwritten journal............";
  RunResult refused = run(runner, {"--journal", journal()});
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("journal " + journal() + ": PRAGMA journal_mode=WAL: file is not a database"),
            std::string::npos)
      << refused.err;
  EXPECT_NE(refused.err.find("--no-journal runs without one"), std::string::npos) << refused.err;
  EXPECT_FALSE(std::filesystem::exists(state())) << "the runner called the cloud";
  RunResult unrecorded = run(runner, {"--no-journal"});
  EXPECT_EQ(unrecorded.exitCode, 0) << unrecorded.err;
}

TEST_F(SharedStateTest, AJournalThatFillsUpStopsTheRunAtItsNextStepWithItsCleanup) {
  std::string runner = updateImage();
  // A file size limit makes the journal's writes fail as a full disk does,
  // once its write-ahead log has grown past 256 KiB; the world (about 45
  // KiB, rewritten whole) stays within it.
  RunResult stopped = runProgram("/usr/bin/prlimit", {"--fsize=262144", "--", runner, "--state", state(),
                                                      "--journal", journal()});
  EXPECT_EQ(stopped.exitCode, 1) << stopped.err;
  EXPECT_NE(stopped.err.find("error: journal " + journal() + ": "), std::string::npos) << stopped.err;
  EXPECT_NE(stopped.err.find("the execution stops at its next step"), std::string::npos) << stopped.err;
  EXPECT_NE(stopped.err.find("execution Cancelled"), std::string::npos) << stopped.err;
  EXPECT_NE(stopped.err.find("the execution was stopped by the error above"), std::string::npos)
      << stopped.err;
  // Said once, however many records failed after it.
  size_t first = stopped.err.find("the execution stops at its next step");
  EXPECT_EQ(stopped.err.find("the execution stops at its next step", first + 1), std::string::npos);
  // The template's cleanup ran: the temporary instance is deleted.
  EXPECT_NE(stopped.err.find("Success  deleteInstance (ACS::ECS::DeleteInstance)"), std::string::npos)
      << stopped.err;
  std::string execution = executionIdIn(stopped.err);
  ASSERT_FALSE(execution.empty()) << stopped.err;
  EXPECT_TRUE(recordsWith(world(), "Instances", "InstanceName", "oos-update-image-" + execution).empty())
      << "the temporary instance of " << execution << " was left behind";
}

TEST_F(SharedStateTest, OptionNumbersOutOfRangeAreRefusedWithTheirRange) {
  std::string runner = updateImage();
  struct Case {
    std::vector<std::string> arguments;
    std::string message;
  };
  std::vector<Case> cases = {
      {{"--now", "9999-12-31T23:59:59Z"},
       "--now must be from 1970-01-01T00:00:00Z to 2199-12-31T23:59:59Z"},
      {{"--now", "1969-12-31T23:59:59Z"},
       "--now must be from 1970-01-01T00:00:00Z to 2199-12-31T23:59:59Z"},
      {{"--latency", "9223372036854775807"}, "--latency takes whole milliseconds from 0 to 3600000"},
      {{"--latency", "-5000"}, "--latency takes whole milliseconds from 0 to 3600000"},
      {{"--fail", "X.Y~nan"}, "P a probability above 0 and at most 1), not 'X.Y~nan'"},
      {{"--fail", "X.Y~0"}, "not 'X.Y~0'"},
      {{"--fail", "X.Y@-1"}, "N a call from 1 to 1000000000"},
      {{"--fail", "X.Y@4294967297"}, "N a call from 1 to 1000000000"},
      {{"--kill-after", "call:99999999999"}, "--kill-after takes call:N or record:N (N from 1 to 1000000000)"},
  };
  for (const Case &c : cases) {
    RunResult result = run(runner, c.arguments);
    EXPECT_EQ(result.exitCode, 2) << c.arguments[1] << ": " << result.err;
    EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
  }
  EXPECT_FALSE(std::filesystem::exists(state())) << "a refused run changed the world";
  // The edge of the range is a time the runner works with.
  RunResult late = run(runner, {"--no-journal", "--now", "2199-12-31T23:59:59Z"});
  EXPECT_EQ(late.exitCode, 0) << late.err;
}

TEST_F(SharedStateTest, AStateFileWithNumbersPastTheirRangeIsRefused) {
  std::string runner = updateImage();
  ASSERT_EQ(run(runner, {"--no-journal"}).exitCode, 0);
  std::string whole = slurp(state());
  for (const auto &[from, to] : std::map<std::string, std::string>{
           {"\"Time\": ", "\"Time\": 9223372036854775807, \"Was\": "},
           {"\"Counters\": {", "\"Counters\": {\"other\": 9223372036854775807, "}}) {
    std::string text = whole;
    text.replace(text.find(from), from.size(), to);
    std::ofstream(state(), std::ios::trunc) << text;
    RunResult refused = run(runner, {"--no-journal"});
    EXPECT_EQ(refused.exitCode, 2) << refused.err;
    EXPECT_NE(refused.err.find("must be an integer from 0 to"), std::string::npos) << refused.err;
  }
}

TEST_F(SharedStateTest, AParameterGivenTwiceIsAnErrorNamingBoth) {
  std::string runner = updateImage();
  RunResult twice = run(runner, {"-p", "targetImageName=a", "-p", "TargetImageName=b"});
  EXPECT_EQ(twice.exitCode, 2);
  EXPECT_NE(twice.err.find("parameter 'targetImageName' is given twice: as -p 'targetImageName' and "
                           "as -p 'TargetImageName'"),
            std::string::npos)
      << twice.err;
  // 10,000 spellings of one name in --parameters: the first two are named.
  std::string json = "{";
  std::string name = "targetimagename";
  for (unsigned variant = 0; variant < 10000; ++variant) {
    std::string spelt = name;
    for (size_t i = 0; i < spelt.size(); ++i)
      if (variant >> i & 1)
        spelt[i] = static_cast<char>(spelt[i] - 'a' + 'A');
    json += (variant ? ",\"" : "\"") + spelt + "\":\"x\"";
  }
  std::ofstream(dir_ / "variants.json") << json << "}";
  RunResult many = run(runner, {"--parameters", "@" + (dir_ / "variants.json").string()});
  EXPECT_EQ(many.exitCode, 2);
  EXPECT_NE(many.err.find("is given twice: as --parameters 'targetimagename' and as --parameters "
                          "'Targetimagename'"),
            std::string::npos)
      << many.err;
  EXPECT_LT(many.err.size(), 1000u);
  // Given once by -p and once by --parameters.
  RunResult mixed = run(runner, {"--parameters", R"({"targetImageName": "a"})", "-p", "targetimagename=b"});
  EXPECT_EQ(mixed.exitCode, 2);
  EXPECT_NE(mixed.err.find("as --parameters 'targetImageName' and as -p 'targetimagename'"),
            std::string::npos)
      << mixed.err;
}

TEST_F(SharedStateTest, AHugeValueInAnErrorIsCutWithItsLength) {
  std::string runner = updateImage();
  std::string huge(10'000'000, 'a');
  std::ofstream(dir_ / "huge.json") << R"({"targetImageName": ")" << huge << "\"}";
  std::ofstream(dir_ / "huge-name.json") << "{\"" << huge << "\": 1}";
  for (const char *file : {"huge.json", "huge-name.json"}) {
    RunResult result = run(runner, {"--parameters", "@" + (dir_ / file).string()});
    EXPECT_EQ(result.exitCode, 2) << file;
    EXPECT_LT(result.err.size(), 1000u) << file << ": " << result.err.substr(0, 300);
    EXPECT_TRUE(result.err.find("(10000000 characters)") != std::string::npos ||
                result.err.find("(10000000 bytes)") != std::string::npos)
        << file << ": " << result.err.substr(0, 300);
  }
}

} // namespace
} // namespace oosc::testing
