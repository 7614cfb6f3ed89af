//===- CliTest.cpp - `oosc lint` as users run it: arguments, formats, exits -===//
#include "cli/Subprocess.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;

const std::string kOosc = OOSC_BINARY;
const std::string kSamples = OOSC_SAMPLES_DIR;

/// A scratch directory removed after each test.
class CliTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("oosc-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string &name, const std::string &text) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }
  RunResult lint(std::vector<std::string> arguments) {
    arguments.insert(arguments.begin(), "lint");
    return runProgram(kOosc, arguments);
  }

  fs::path dir_;
};

const char *kClean = R"(FormatVersion: OOS-2019-06-01
Parameters:
  name:
    Type: String
    Default: demo
Tasks:
  - Name: wait
    Action: ACS::Sleep
    Properties:
      Duration: PT1M
Outputs:
  name:
    Type: String
    Value: '{{ name }}'
)";

const char *kOneError = R"(FormatVersion: OOS-2019-06-01
Tasks:
  - Name: wait
    Action: ACS::Sleep
    Properties:
      Duration: '{{ missing }}'
)";

TEST_F(CliTest, HelpAndVersion) {
  RunResult help = runProgram(kOosc, {"--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("usage: oosc <command>"), std::string::npos);
  RunResult lintHelp = lint({"--help"});
  EXPECT_EQ(lintHelp.exitCode, 0);
  EXPECT_NE(lintHelp.out.find("--format FORMAT"), std::string::npos);
  RunResult version = runProgram(kOosc, {"--version"});
  EXPECT_EQ(version.exitCode, 0);
  EXPECT_EQ(version.out.rfind("oosc ", 0), 0u);
}

TEST_F(CliTest, EveryRuleHasAnExplanation) {
  RunResult rules = lint({"--list-rules"});
  ASSERT_EQ(rules.exitCode, 0);
  std::istringstream lines(rules.out);
  std::string line;
  size_t explained = 0;
  while (std::getline(lines, line)) {
    std::string rule = line.substr(0, line.find(' '));
    RunResult explanation = lint({"--explain", rule});
    EXPECT_EQ(explanation.exitCode, 0) << rule;
    EXPECT_EQ(explanation.out.rfind(rule + " (", 0), 0u) << explanation.out;
    EXPECT_NE(explanation.out.find("What it checks: "), std::string::npos) << rule;
    EXPECT_NE(explanation.out.find("Example:"), std::string::npos) << rule;
    ++explained;
  }
  // Every entry of the rule table, so a new rule cannot go unlisted.
  constexpr size_t kRuleCount = 0
#define OOSC_RULE(...) +1
#include "support/Rules.def"
      ;
  EXPECT_EQ(explained, kRuleCount);
  EXPECT_EQ(lint({"--explain", "no-such-rule"}).exitCode, 2);
}

TEST_F(CliTest, FixAppliesDidYouMeanAndCaseFixesKeepingComments) {
  std::string text = std::string("# keep this comment\n") + kClean;
  text.replace(text.find("'{{ name }}'"), 12, "'{{ NAME }}'   # and this one");
  text.replace(text.find("Properties:"), 11, "Propertes:");
  std::string path = write("fix.yaml", text);
  RunResult preview = lint({"--fix", "--dry-run", path});
  EXPECT_EQ(preview.exitCode, 0);
  EXPECT_NE(preview.out.find("-    Propertes:\n+    Properties:\n"), std::string::npos) << preview.out;
  EXPECT_NE(preview.out.find("+    Value: '{{ name }}'   # and this one\n"), std::string::npos) << preview.out;
  std::ifstream unchanged(path);
  std::string before((std::istreambuf_iterator<char>(unchanged)), std::istreambuf_iterator<char>());
  EXPECT_EQ(before, text) << "--dry-run writes nothing";

  RunResult fixed = lint({"--fix", path});
  EXPECT_EQ(fixed.exitCode, 0) << fixed.out;
  EXPECT_EQ(fixed.out, "") << "nothing left to report";
  EXPECT_NE(fixed.err.find("fixed 2 problems"), std::string::npos) << fixed.err;
  std::ifstream after(path);
  std::string now((std::istreambuf_iterator<char>(after)), std::istreambuf_iterator<char>());
  EXPECT_NE(now.find("# keep this comment\n"), std::string::npos);
  EXPECT_NE(now.find("'{{ name }}'   # and this one"), std::string::npos);
  EXPECT_EQ(lint({"--dry-run", path}).exitCode, 2) << "--dry-run needs --fix";
}

TEST_F(CliTest, FixQuotesAShellSpliceForEachScalarStyle) {
  // Plain, single-quoted and block scalars take a bare '"'; a double-quoted
  // scalar needs it escaped. Options meant as several words get no fix.
  std::string path = write("shell.yaml", R"(FormatVersion: OOS-2019-06-01
Parameters:
  dir:
    Type: String
  tarOptions:
    Type: String
Tasks:
  - Name: run
    Action: ACS::ECS::RunCommand
    Properties:
      instanceId: i-1
      commandType: RunShellScript
      commandContent: "ls {{ dir }} && du '{{ dir }}'"
  - Name: again
    Action: ACS::ECS::RunCommand
    Properties:
      instanceId: i-1
      commandType: RunShellScript
      commandContent: |
        mkdir -p {{dir}}/logs
        tar {{ tarOptions }} -cf /tmp/logs.tar "{{dir}}"
)");
  RunResult fixed = lint({"--fix", path});
  EXPECT_EQ(fixed.exitCode, 0) << fixed.out << fixed.err;
  EXPECT_NE(fixed.out.find("parameter 'tarOptions' is spliced"), std::string::npos) << fixed.out;
  EXPECT_EQ(fixed.out.find("parameter 'dir'"), std::string::npos) << "quoted: " << fixed.out;
  std::ifstream after(path);
  std::string now((std::istreambuf_iterator<char>(after)), std::istreambuf_iterator<char>());
  EXPECT_NE(now.find(R"(commandContent: "ls \"{{ dir }}\" && du '{{ dir }}'")"), std::string::npos)
      << now;
  EXPECT_NE(now.find(R"(        mkdir -p "{{dir}}"/logs)"), std::string::npos) << now;
  EXPECT_NE(now.find(R"(        tar {{ tarOptions }} -cf)"), std::string::npos) << now;
}

TEST_F(CliTest, BaselineHidesKnownDiagnosticsEvenWhenLinesMove) {
  std::string path = write("legacy.yaml", kOneError);
  std::string baseline = (dir_ / "baseline.json").string();
  RunResult record = lint({"--write-baseline", baseline, path});
  EXPECT_EQ(record.exitCode, 0) << record.err;
  EXPECT_NE(record.err.find("recorded 1 diagnostics"), std::string::npos) << record.err;
  // Unrelated edit: every line moves down; the old error stays known.
  write("legacy.yaml", std::string("# moved\n") + kOneError);
  RunResult known = lint({"--baseline", baseline, path});
  EXPECT_EQ(known.exitCode, 0) << known.out;
  EXPECT_EQ(known.out, "");
  // A new error is reported; the known one is not.
  std::string text = std::string("# moved\n") + kOneError + "    OnError: nowhere\n";
  write("legacy.yaml", text);
  RunResult fresh = lint({"--baseline", baseline, "--format", "json", path});
  EXPECT_EQ(fresh.exitCode, 1);
  EXPECT_NE(fresh.out.find("undefined-jump-target"), std::string::npos) << fresh.out;
  EXPECT_EQ(fresh.out.find("undefined-reference"), std::string::npos) << fresh.out;
  EXPECT_EQ(lint({"--baseline", (dir_ / "missing.json").string(), path}).exitCode, 2);
}

TEST_F(CliTest, NearestConfigSetsSeveritiesTurnsRulesOffAndIgnoresPaths) {
  std::string warn = std::string(kClean);
  warn.replace(warn.find("'{{ name }}'"), 12, "'{{ NAME }}'");
  write("project/.oosc.yaml", "rules:\n  reference-case: error\n  undefined-reference: off\n"
                              "  no-such-rule: warning\nignore:\n  - generated/**\n");
  write("project/templates/warn.yaml", warn);
  write("project/templates/undefined.yaml", kOneError);
  write("project/templates/generated/skipped.yaml", "::: not even yaml");
  // A nearer config wins for the folder below it.
  write("project/templates/strict/.oosc.yaml", "rules:\n  reference-case: warning\n");
  write("project/templates/strict/warn.yaml", warn);
  RunResult result = lint({"--format", "json", (dir_ / "project").string()});
  EXPECT_EQ(result.exitCode, 1) << result.out;
  EXPECT_NE(result.out.find("\"files\":3"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("templates/warn.yaml\",\"line\":14,\"column\":16,\"endLine\":14,"
                            "\"endColumn\":20,\"severity\":\"error\",\"rule\":\"reference-case\""),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("\"severity\":\"warning\",\"rule\":\"reference-case\""), std::string::npos)
      << result.out;
  EXPECT_EQ(result.out.find("undefined-reference"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find(".oosc.yaml:4: unknown rule 'no-such-rule'"), std::string::npos) << result.err;
}

TEST_F(CliTest, BadUsageExitsTwo) {
  EXPECT_EQ(runProgram(kOosc, {}).exitCode, 2);
  EXPECT_EQ(runProgram(kOosc, {"frobnicate"}).exitCode, 2);
  RunResult noPath = lint({});
  EXPECT_EQ(noPath.exitCode, 2);
  EXPECT_NE(noPath.err.find("no PATH given"), std::string::npos);
  RunResult badFormat = lint({"--format", "xml", write("a.yaml", kClean)});
  EXPECT_EQ(badFormat.exitCode, 2);
  EXPECT_NE(badFormat.err.find("unknown format 'xml'"), std::string::npos);
  RunResult badJobs = lint({"-j", "zero", write("b.yaml", kClean)});
  EXPECT_EQ(badJobs.exitCode, 2);
  EXPECT_EQ(lint({"--bogus", write("c.yaml", kClean)}).exitCode, 2);
}

TEST_F(CliTest, UnreadablePathExitsTwoNamingIt) {
  std::string missing = (dir_ / "nope.yaml").string();
  RunResult result = lint({missing});
  EXPECT_EQ(result.exitCode, 2);
  EXPECT_NE(result.err.find("cannot read '" + missing + "'"), std::string::npos) << result.err;
}

TEST_F(CliTest, CleanTemplateExitsZeroSilently) {
  RunResult result = lint({write("clean.yaml", kClean)});
  EXPECT_EQ(result.exitCode, 0) << result.out << result.err;
  EXPECT_EQ(result.out, "");
}

TEST_F(CliTest, ErrorsExitOneWithCaretSnippet) {
  std::string path = write("bad.yaml", kOneError);
  RunResult result = lint({"--color=never", path});
  EXPECT_EQ(result.exitCode, 1);
  std::string expected = path + ":6:21: error: undefined parameter 'missing' [undefined-reference]\n"
                         "      Duration: '{{ missing }}'\n"
                         "                    ^~~~~~~\n";
  EXPECT_EQ(result.out, expected);
}

TEST_F(CliTest, WarningsAloneExitZero) {
  std::string text = kClean;
  text.replace(text.find("'{{ name }}'"), 12, "'{{ NAME }}'");
  RunResult result = lint({write("warn.yaml", text)});
  EXPECT_EQ(result.exitCode, 0);
  EXPECT_NE(result.out.find("warning: 'NAME' matches parameter 'name'"), std::string::npos) << result.out;
}

TEST_F(CliTest, JsonFormatIsExactlyTheDocumentedShape) {
  std::string path = write("bad.yaml", kOneError);
  RunResult result = lint({"--format", "json", path});
  EXPECT_EQ(result.exitCode, 1);
  std::string expected = R"({"version":1,"files":1,"diagnostics":[{"file":")" + path +
                         R"(","line":6,"column":21,"endLine":6,"endColumn":28,"severity":"error",)"
                         R"("rule":"undefined-reference","message":"undefined parameter 'missing'","notes":[]}]})"
                         "\n";
  EXPECT_EQ(result.out, expected);
}

TEST_F(CliTest, JsonFormatKeepsNotesWithTheirPlaces) {
  RunResult result = lint({"--format", "json", std::string(OOSC_SAMPLES_DIR) + "/broken/broken.yaml"});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.out.find(R"("message":"task 'stopInstance' has no output 'duration'","notes":[)"
                            R"({"line":15,"column":11,"endLine":15,"endColumn":23,)"
                            R"("message":"task 'stopInstance' is declared here"}]})"),
            std::string::npos)
      << result.out;
}

TEST_F(CliTest, GithubFormatAnnotates) {
  std::string path = write("bad.yaml", kOneError);
  RunResult result = lint({"--format=github", path});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_EQ(result.out, "::error file=" + path +
                            ",line=6,col=21,endLine=6,endColumn=28,title=undefined-reference::"
                            "undefined parameter 'missing' [undefined-reference]\n");
}

TEST_F(CliTest, SarifHasRulesAndResults) {
  std::string path = write("bad.yaml", kOneError);
  RunResult result = lint({"--format", "sarif", path});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.out.find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(result.out.find("\"id\": \"undefined-jump-target\""), std::string::npos);
  EXPECT_NE(result.out.find("\"ruleId\": \"undefined-reference\""), std::string::npos);
  EXPECT_NE(result.out.find("\"startColumn\": 21"), std::string::npos);
}

TEST_F(CliTest, ColorOnlyWhenAsked) {
  std::string path = write("bad.yaml", kOneError);
  EXPECT_NE(lint({"--color=always", path}).out.find("\x1b["), std::string::npos);
  EXPECT_EQ(lint({"--color=never", path}).out.find("\x1b["), std::string::npos);
  // Not a terminal: auto means no colour.
  EXPECT_EQ(lint({path}).out.find("\x1b["), std::string::npos);
}

TEST_F(CliTest, DirectoriesAreWalkedForTemplatesOnly) {
  write("tree/a.yaml", kClean);
  write("tree/sub/b.json", R"({"FormatVersion": "OOS-2019-06-01", "Tasks": [{"Name": "t", "Action": "ACS::Sleep", "Properties": {"Duration": "PT1M"}}]})");
  write("tree/sub/notes.txt", "not a template");
  write("tree/.git/c.yaml", "::: broken");
  write("tree/d.yml", kOneError);
  RunResult result = lint({"--format", "json", (dir_ / "tree").string()});
  EXPECT_EQ(result.exitCode, 1);
  EXPECT_NE(result.out.find("\"files\":3"), std::string::npos) << result.out;
}

TEST_F(CliTest, OutputIsSortedAndIndependentOfThreads) {
  for (int i = 0; i < 12; ++i)
    write("many/t" + std::to_string(i) + ".yaml", i % 2 ? kOneError : kClean);
  std::string tree = (dir_ / "many").string();
  RunResult one = lint({"-j1", "--format", "json", tree});
  RunResult four = lint({"-j", "4", "--format", "json", tree});
  EXPECT_EQ(one.exitCode, 1);
  EXPECT_EQ(one.out, four.out);
  EXPECT_LT(one.out.find("t1.yaml"), one.out.find("t11.yaml"));
  EXPECT_LT(one.out.find("t11.yaml"), one.out.find("t3.yaml"));
}

TEST_F(CliTest, SamplesLintAsDocumented) {
  EXPECT_EQ(lint({kSamples + "/update-image", kSamples + "/scaling-image-update"}).exitCode, 0);
  // The product-action library is templates too, and must be clean.
  RunResult actions = lint({kSamples + "/../runtime/actions"});
  EXPECT_EQ(actions.exitCode, 0) << actions.out;
  EXPECT_EQ(actions.out, "");
  RunResult broken = lint({kSamples + "/broken"});
  EXPECT_EQ(broken.exitCode, 1);
  for (const char *rule : {"[parameter-constraint]", "[undefined-jump-target]", "[reference-case]",
                           "[undefined-reference]", "[unreachable-task]", "[schema]",
                           "[unused-parameter]"})
    EXPECT_NE(broken.out.find(rule), std::string::npos) << rule;
}

TEST_F(CliTest, SimCoverageListsEveryApiWithHowTheSimulatorAnswersIt) {
  // Written into the build folder, beside corpus-run.md, for people to read.
  std::string file = OOSC_SIM_COVERAGE_FILE;
  RunResult written = runProgram(kOosc, {"sim", "coverage", "-o", file});
  ASSERT_EQ(written.exitCode, 0) << written.err;
  std::ifstream in(file);
  std::string line, header;
  std::map<std::string, size_t> counts;
  std::set<std::string> rows;
  while (std::getline(in, line)) {
    if (line.find(" APIs: ") != std::string::npos)
      header = line;
    if (line.rfind("| ", 0) != 0 || line.rfind("| Product", 0) == 0)
      continue;
    rows.insert(line);
    for (const char *how : {"hand-written", "generic engine", "not implemented"})
      counts[how] += line.find(std::string("| ") + how) != std::string::npos;
  }
  EXPECT_GT(rows.size(), 16000u);
  auto withCommas = [](size_t number) {
    std::string digits = std::to_string(number);
    for (size_t at = digits.size(); at > 3; at -= 3)
      digits.insert(at - 3, ",");
    return digits;
  };
  // The counts said are the rows'.
  EXPECT_NE(header.find(withCommas(rows.size()) + " APIs: " + withCommas(counts["hand-written"]) +
                        " hand-written, " + withCommas(counts["generic engine"]) + " by the generic engine, " +
                        withCommas(counts["not implemented"]) + " not implemented"),
            std::string::npos)
      << header;
  EXPECT_TRUE(rows.count("| Ecs | RunInstances | hand-written |"));
  EXPECT_TRUE(rows.count("| Rds | CreateDBInstance | generic engine |"));
  EXPECT_TRUE(rows.count("| Oss | PutBucketAcl | hand-written (outside the API table) |"));
  EXPECT_TRUE(rows.count("| Actiontrail | LookupEvents | not implemented: lacks what the verb Lookup does |"));

  RunResult unwritable = runProgram(kOosc, {"sim", "coverage", "-o", (dir_ / "no/such/dir/x.md").string()});
  EXPECT_EQ(unwritable.exitCode, 1);
  EXPECT_NE(unwritable.err.find("cannot write"), std::string::npos) << unwritable.err;
  RunResult wrong = runProgram(kOosc, {"sim", "coverage", "--bogus"});
  EXPECT_EQ(wrong.exitCode, 2);
  EXPECT_NE(wrong.err.find("unexpected argument '--bogus'"), std::string::npos) << wrong.err;
}

} // namespace
} // namespace oosc::testing
