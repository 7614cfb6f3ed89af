//===- ActionsPullTest.cpp - `oosc actions pull` against OOS on loopback ---===//
//
// The real oosc, as a subprocess, fetches product-action definitions with
// OOS GetTemplate through the OpenAPI client (signed, over libcurl) from
// the simulated cloud the test serves on 127.0.0.1 (oosc_simserve, the
// code behind `oosc sim serve --templates DIR`); a runner built with the
// pulled folder runs the action.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/simserve/SimServe.h"

#include <cstdlib>

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;

class ActionsPullTest : public RunnerTest {
protected:
  void SetUp() override {
    RunnerTest::SetUp();
    setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", simserve::kTestKeyId, 1);
    setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", simserve::kTestKeySecret, 1);
  }
  void TearDown() override {
    unsetenv("ALIBABA_CLOUD_ACCESS_KEY_ID");
    unsetenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    server_.reset();
    RunnerTest::TearDown();
  }

  /// Serves the simulated cloud with OOS's public templates from \p folders.
  void serve(std::vector<std::string> folders) {
    simserve::SimServeOptions options;
    options.templateFolders = std::move(folders);
    auto served = simserve::SimServe::start(options, apis::cloudApis());
    ASSERT_TRUE(served.ok()) << served.error().message;
    server_ = std::move(served.value());
  }

  RunResult pull(const std::vector<std::string> &templates) {
    std::vector<std::string> arguments{"actions", "pull"};
    arguments.insert(arguments.end(), templates.begin(), templates.end());
    arguments.insert(arguments.end(), {"--into", pulled().string(), "--endpoint", server_->url()});
    return runProgram(kOosc, arguments);
  }

  fs::path pulled() const { return dir_ / "pulled"; }
  static std::string source(const std::string &path) { return kSource + "/tests/build/actions-pull/" + path; }

  std::unique_ptr<simserve::SimServe> server_;
};

TEST_F(ActionsPullTest, PullsWhatATemplateNeedsAndWhatThatNeedsAndTheRunnerRunsIt) {
  fs::path served = dir_ / "served";
  fs::copy(source("served"), served);
  serve({served.string()});

  RunResult first = pull({source("greet.yaml")});
  ASSERT_EQ(first.exitCode, 0) << first.out << first.err;
  EXPECT_EQ(first.out, "pulled     ACS::Demo::Greet\npulled     ACS::Demo::Inner\n"
                       "2 pulled, 0 updated, 0 unchanged, 0 failed, in " + pulled().string() + "\n");
  // As OOS holds them, each in its own format.
  EXPECT_EQ(slurp(pulled() / "ACS::Demo::Greet.yml"), slurp(served / "ACS::Demo::Greet.yml"));
  EXPECT_EQ(slurp(pulled() / "ACS::Demo::Inner.json"), slurp(served / "ACS::Demo::Inner.json"));

  // The pulled folder is an actions folder: the action runs.
  std::string runner = (dir_ / "runner").string();
  RunResult built = runProgram(kOosc, {"build", source("greet.yaml"), "--actions", pulled().string(), "-o", runner});
  ASSERT_EQ(built.exitCode, 0) << built.out << built.err;
  RunResult ran = run(runner, {"--no-journal"});
  ASSERT_EQ(ran.exitCode, 0) << ran.err;
  EXPECT_EQ(parse(ran.out).find("greeting")->toJson(), R"("hello oosc")");

  // A stale copy in the other format goes once the new one is in place
  // (YAML would shadow JSON).
  std::ofstream(pulled() / "ACS::Demo::Inner.yml") << "FormatVersion: OOS-2019-06-01\nTasks: []\n";
  RunResult replaced = pull({source("greet.yaml")});
  EXPECT_NE(replaced.out.find("updated    ACS::Demo::Inner"), std::string::npos) << replaced.out;
  EXPECT_FALSE(fs::exists(pulled() / "ACS::Demo::Inner.yml"));

  // Again: nothing changed. Then OOS's copy changes: it is updated.
  RunResult again = pull({source("greet.yaml")});
  EXPECT_EQ(again.exitCode, 0) << again.err;
  EXPECT_NE(again.out.find("0 pulled, 0 updated, 2 unchanged, 0 failed"), std::string::npos) << again.out;
  std::ofstream(served / "ACS::Demo::Inner.json", std::ios::app) << "\n";
  RunResult changed = pull({source("greet.yaml")});
  EXPECT_NE(changed.out.find("updated    ACS::Demo::Inner"), std::string::npos) << changed.out;
  EXPECT_EQ(slurp(pulled() / "ACS::Demo::Inner.json"), slurp(served / "ACS::Demo::Inner.json"));
}

TEST_F(ActionsPullTest, AnActionOosDoesNotHoldIsNamedAndTheOthersArePulled) {
  serve({source("served")});
  RunResult result = pull({source("needs-missing.yaml")});
  EXPECT_EQ(result.exitCode, 1) << result.out << result.err;
  EXPECT_NE(result.err.find("oosc actions pull: error: ACS::Demo::Missing: OOS GetTemplate failed: "
                            "EntityNotExists.Template: The specified template ACS::Demo::Missing does not exist."),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.out.find("1 pulled, 0 updated, 0 unchanged, 1 failed"), std::string::npos) << result.out;
  EXPECT_TRUE(fs::exists(pulled() / "ACS::Demo::Inner.json"));
  // No secret in what it says.
  EXPECT_EQ((result.out + result.err).find(simserve::kTestKeySecret), std::string::npos);
}

TEST_F(ActionsPullTest, ANameThatWouldLeadOutOfTheFolderIsRefused) {
  serve({source("odd")});
  RunResult result = pull({source("needs-odd.yaml")});
  EXPECT_EQ(result.exitCode, 1) << result.out << result.err;
  EXPECT_NE(result.err.find("'ACS::Demo::../../escaped' is not a template name OOS could hold; not pulled"),
            std::string::npos)
      << result.err;
  EXPECT_TRUE(fs::exists(pulled() / "ACS::Demo::Odd.yml"));
  EXPECT_FALSE(fs::exists(dir_ / "escaped.yml"));
}

TEST_F(ActionsPullTest, UsageErrorsSayWhatIsWrong) {
  RunResult none = runProgram(kOosc, {"actions", "pull"});
  EXPECT_EQ(none.exitCode, 2);
  EXPECT_NE(none.err.find("name the templates whose definitions to pull"), std::string::npos) << none.err;
  RunResult unknown = runProgram(kOosc, {"actions", "fetch"});
  EXPECT_EQ(unknown.exitCode, 2);
  EXPECT_NE(unknown.err.find("unknown subcommand 'fetch'"), std::string::npos) << unknown.err;
  RunResult help = runProgram(kOosc, {"help", "actions"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("usage: oosc actions pull TEMPLATE..."), std::string::npos) << help.out;
}

TEST_F(ActionsPullTest, AlibabasProductActionsArePulledAsOosHoldsThem) {
  const char *corpus = std::getenv("OOSC_CORPUS_DIR");
  fs::path root = corpus ? fs::path(corpus) : fs::path(OOSC_CORPUS_DIR_DEFAULT);
  fs::path actions = root / "oos-templates" / "CloudProductActions";
  if (!fs::is_directory(actions))
    GTEST_SKIP() << "the corpus's CloudProductActions is not at " << actions.string()
                 << " (set OOSC_CORPUS_DIR to the corpus folder)";
  serve({actions.string()});
  fs::path publicTemplate = root / "oos-templates" / "PublicTemplates" / "YAML" / "ACS-CS-RunCommand.yml";
  RunResult result = pull({publicTemplate.string()});
  ASSERT_EQ(result.exitCode, 0) << result.out << result.err;
  // ACS::CS::RunCommand, and the ECS and Function Compute ways it runs a
  // command, which it calls.
  EXPECT_NE(result.out.find("3 pulled, 0 updated, 0 unchanged, 0 failed"), std::string::npos) << result.out;
  for (const char *name : {"CS/YAML/ACS::CS::RunCommand.yml", "CS/YAML/ACS::CS::FCRunCommand.yml",
                           "ECS/YAML/ACS::ECS::RunCommand.yml"})
    EXPECT_EQ(slurp(pulled() / fs::path(name).filename()), slurp(actions / name)) << name;
}

} // namespace
} // namespace oosc::testing
