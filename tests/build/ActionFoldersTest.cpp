//===- ActionFoldersTest.cpp - Product actions from definitions; pickers ----===//
//
// `oosc build --actions DIR` and `oosc lint --actions DIR` take product
// actions from template files named after them (tests/build/actions-folder),
// as do a template named that way given with the others and a .oosc.yaml's
// `actions:`. Runners fill required parameters from the simulated cloud with
// --pick-defaults and --interactive, and select targets with
// ACS::SelectTargets. Real oosc, real compiler, real runners.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;
using runtime::Value;

class ActionFoldersTest : public RunnerTest {
protected:
  std::string folder() const { return kSource + "/tests/build/actions-folder"; }
  std::string source(const std::string &path) const { return kSource + "/" + path; }

  RunResult buildWith(std::vector<std::string> arguments, const std::string &runner) {
    arguments.insert(arguments.begin(), "build");
    arguments.insert(arguments.end(), {"-o", runner});
    return runProgram(kOosc, arguments);
  }
};

TEST_F(ActionFoldersTest, AnActionOnlyAFolderDefinesIsLintedBuiltAndRun) {
  std::string uses = source("tests/build/uses-folder-action.yaml");
  RunResult unknown = runProgram(kOosc, {"lint", uses});
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_NE(unknown.out.find("unknown action 'ACS::Test::Echo'"), std::string::npos) << unknown.out;
  RunResult known = runProgram(kOosc, {"lint", "--actions", folder(), uses});
  EXPECT_EQ(known.exitCode, 0) << known.out << known.err;

  std::string runner = (dir_ / "runner").string();
  RunResult built = buildWith({"--actions", folder(), uses}, runner);
  ASSERT_EQ(built.exitCode, 0) << built.out << built.err;
  RunResult result = run(runner, {"--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).toJson(), R"({"echoed":"hello-2"})");
  EXPECT_NE(result.err.find("Success  echo (ACS::Test::Echo)"), std::string::npos) << result.err;
}

TEST_F(ActionFoldersTest, AParameterPassedToAnActionIsPickedAsItsDefinitionUsesIt) {
  std::string runner = (dir_ / "runner").string();
  RunResult built = buildWith({"--actions", folder(), source("tests/build/keeps-instances.yaml")}, runner);
  ASSERT_EQ(built.exitCode, 0) << built.out << built.err;
  RunResult result = run(runner, {"--pick-defaults", "--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("picked sourceInstance = \"i-sim000000000001\""), std::string::npos) << result.err;
  // A String output of the action's List output stays a list: the items'
  // lists aggregated and flattened, the second item's empty.
  EXPECT_EQ(parse(result.out).find("kept")->toJson(), R"(["i-sim000000000001"])");
  // A List parameter given to the action's String one: its JSON text.
  EXPECT_EQ(parse(result.out).find("echoed")->toJson(), R"("[\"a.example.com\",\"b.example.com\"]-2")");
}

TEST_F(ActionFoldersTest, TheFolderDefinitionsPropertiesAreCheckedByTheLinter) {
  fs::path misused = dir_ / "misused.yaml";
  std::ofstream(misused) << "FormatVersion: OOS-2019-06-01\n"
                            "Tasks:\n"
                            "  - Name: echo\n"
                            "    Action: ACS::Test::Echo\n"
                            "    Properties:\n"
                            "      texts: hello\n"
                            "    Outputs:\n"
                            "      said:\n"
                            "        Type: String\n"
                            "        ValueSelector: echoes\n";
  RunResult lint = runProgram(kOosc, {"lint", "--actions", folder(), misused.string()});
  EXPECT_EQ(lint.exitCode, 1);
  EXPECT_NE(lint.out.find("has no property 'texts'"), std::string::npos) << lint.out;
  EXPECT_NE(lint.out.find("'text'"), std::string::npos) << lint.out;
  EXPECT_NE(lint.out.find("echoes"), std::string::npos) << lint.out;
  EXPECT_NE(lint.out.find("[action-outputs]"), std::string::npos) << lint.out;
}

TEST_F(ActionFoldersTest, ATemplateNamedAfterAnActionDefinesItForTheOthers) {
  std::string runner = (dir_ / "runner").string();
  RunResult built = buildWith({source("tests/build/uses-folder-action.yaml"),
                               folder() + "/Echo/ACS::Test::Echo.yml"},
                              runner);
  ASSERT_EQ(built.exitCode, 0) << built.out << built.err;
  RunResult result = run(runner, {"uses-folder-action", "--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).toJson(), R"({"echoed":"hello-2"})");
}

TEST_F(ActionFoldersTest, APublicTemplateAnACSTemplateNamesComesFromTheFolder) {
  std::string uses = source("tests/build/uses-public-template.yaml");
  std::string runner = (dir_ / "runner").string();
  RunResult built = buildWith({"--actions", folder(), uses}, runner);
  ASSERT_EQ(built.exitCode, 0) << built.out << built.err;
  RunResult result = run(runner, {"--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).toJson(), R"({"greeting":"hello oosc"})");
  EXPECT_NE(result.err.find("Success  greet (ACS::Template)"), std::string::npos) << result.err;

  // Without the folder the runner does not have it, and says how to add it.
  RunResult alone = buildWith({uses}, runner);
  ASSERT_EQ(alone.exitCode, 0) << alone.out << alone.err;
  RunResult missing = run(runner, {"--no-journal"});
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_NE(missing.err.find("template 'ACS-Test-Greet' is not compiled into this runner"), std::string::npos)
      << missing.err;
}

TEST_F(ActionFoldersTest, TheOoscYamlActionsFolderIsReadWithoutTheFlag) {
  fs::path project = dir_ / "project";
  fs::create_directories(project);
  fs::copy_file(source("tests/build/uses-folder-action.yaml"), project / "uses.yaml");
  std::ofstream(project / ".oosc.yaml") << "actions: " << folder() << "\n";
  std::string runner = (dir_ / "runner").string();
  RunResult built = buildWith({(project / "uses.yaml").string()}, runner);
  ASSERT_EQ(built.exitCode, 0) << built.out << built.err;
  RunResult result = run(runner, {"--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).toJson(), R"({"echoed":"hello-2"})");
}

TEST_F(ActionFoldersTest, AMissingFolderIsABadUsage) {
  RunResult built = buildWith({"--actions", (dir_ / "nowhere").string(), source("tests/build/flow.yaml")},
                              (dir_ / "runner").string());
  EXPECT_EQ(built.exitCode, 2);
  EXPECT_NE(built.err.find("--actions " + (dir_ / "nowhere").string() + ": no such folder"), std::string::npos)
      << built.err;
}

TEST_F(ActionFoldersTest, AParameterWithoutAssociationIsPickedByTheApiParameterItFeeds) {
  std::string runner = build({"tests/build/picks-by-use.yaml"});
  RunResult help = run(runner, {"--help"});
  EXPECT_NE(help.out.find("picked from Redis instances (R-KVSTORE.DescribeInstances)"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("picked from AnalyticDB clusters (adb.DescribeDBClusters)"), std::string::npos) << help.out;
  RunResult result = run(runner, {"--pick-defaults", "--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  // A bare instanceId names no product's instances; passed to R-kvstore it is Redis's.
  EXPECT_EQ(parse(result.out).find("picked")->toJson(), R"(["r-sim000000000001","am-sim000000000001"])");
  EXPECT_EQ(parse(result.out).find("images")->toJson(),
            R"(["ubuntu_22_04_x64_20G_alibase_20240710.vhd","centos_5_x64_20G_retired.vhd"])");
  EXPECT_EQ(parse(result.out).find("more")->toJson(), R"(["vsw-simcnhangzhouh","PostPaid","dds-sim000000000001","csim00000000000000000000000000001"])");
  EXPECT_EQ(parse(result.out).find("tags")->toJson(), R"([{"Key":"placeholder-tags","Value":"placeholder"}])");
}

TEST_F(ActionFoldersTest, APickerWithinAParentListsWhatTheParentPickedFirstHolds) {
  std::string runner = build({"tests/build/picks-within.yaml"});
  RunResult help = run(runner, {"--help"});
  EXPECT_NE(help.out.find("picked from Function Compute functions (FC-Open.ListFunctions)"), std::string::npos)
      << help.out;
  RunResult result = run(runner, {"--pick-defaults", "--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_EQ(parse(result.out).find("picked")->toJson(), R"(["sim-tools","sim-hello","python3.10"])");
  // A service that holds no function leaves the function picker nothing.
  RunResult empty = run(runner, {"--pick-defaults", "--no-journal", "-p", "serviceName=sim-empty"});
  EXPECT_EQ(empty.exitCode, 2) << empty.err;
  EXPECT_NE(empty.err.find("parameter 'functionName': no Function Compute functions in cn-hangzhou to pick"),
            std::string::npos)
      << empty.err;
}

TEST_F(ActionFoldersTest, SelectTargetsSelectsFromTheWorldWithAPickedTarget) {
  std::string runner = build({"tests/build/select-targets.yaml"});
  RunResult help = run(runner, {"--help"});
  EXPECT_NE(help.out.find("picked from ECS instances (ECS.DescribeInstances)"), std::string::npos) << help.out;

  RunResult result = run(runner, {"--pick-defaults", "--no-journal"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("note: picked targets = {\"Type\":\"ResourceIds\",\"ResourceIds\":[\"i-sim000000000001\"]"),
            std::string::npos)
      << result.err;
  Value outputs = parse(result.out);
  EXPECT_EQ(outputs.find("picked")->toJson(), R"(["i-sim000000000001"])");
  EXPECT_EQ(outputs.find("missing")->toJson(), "[]");
  // RDS instances come in the shape ECS instances do, as the corpus reads them.
  EXPECT_EQ(outputs.find("databases")->toJson(), R"(["rm-sim000000000001"])");
  size_t instances = 0;
  Value after = world(); // held: the loop reads into it
  for (const Value &instance : after.find("Instances")->getList())
    instances += instance.find("RegionId")->toDisplayString() == "cn-hangzhou";
  EXPECT_GT(instances, 1u);
  EXPECT_EQ(outputs.find("all")->toJson(), std::to_string(instances));
}

TEST_F(ActionFoldersTest, InteractiveOffersTheWorldsInstancesToChooseFrom) {
  std::string runner = build({"tests/build/select-targets.yaml"});
  fs::path answers = dir_ / "answers";
  std::ofstream(answers) << "2\n";
  RunResult result = runProgram("/bin/sh", {"-c", "\"$0\" --interactive --no-journal --state \"$1\" < \"$2\"",
                                            runner, state(), answers.string()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  EXPECT_NE(result.err.find("  1) i-sim000000000001"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("  2) i-sim000000000002"), std::string::npos) << result.err;
  EXPECT_EQ(parse(result.out).find("picked")->toJson(), R"(["i-sim000000000002"])");
}

TEST_F(ActionFoldersTest, AnUnknownTargetsTypeFailsTheTaskNamingTheKnownOnes) {
  std::string runner = build({"tests/build/select-targets.yaml"});
  RunResult result = run(runner, {"-p", R"(targets={"Type":"Everything"})", "--no-journal"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.err.find("Targets of Type 'Everything' are not ones ACS::SelectTargets knows (ResourceIds, "
                            "Tags, ResourceGroup, All)"),
            std::string::npos)
      << result.err;
}

} // namespace
} // namespace oosc::testing
