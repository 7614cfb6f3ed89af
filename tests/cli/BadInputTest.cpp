//===- BadInputTest.cpp - Hostile and broken input never crashes oosc ------===//
//
// Each case writes a file, runs the real binary on it and checks: a normal
// exit (0 or 1, never a signal), the expected diagnostic, and bounded memory.
//
//===----------------------------------------------------------------------===//
#include "cli/Subprocess.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace oosc::testing {
namespace {

namespace fs = std::filesystem;

/// AddressSanitizer's shadow memory, red zones and quarantine of freed
/// blocks roughly triple a process's peak memory: oosc on the 10 MB template
/// peaks at about 280 MB normally and 810 MB under ASan. A sanitized oosc
/// (scripts/sanitize.sh builds this test and oosc alike) gets a ceiling
/// scaled to match, so the test still catches a runaway there.
#if defined(__SANITIZE_ADDRESS__) // g++
constexpr long kSanitizerMemoryFactor = 3;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) // clang
constexpr long kSanitizerMemoryFactor = 3;
#else
constexpr long kSanitizerMemoryFactor = 1;
#endif
#else
constexpr long kSanitizerMemoryFactor = 1;
#endif

/// Far above what any real template needs (oosc lints the whole corpus in
/// about 15 MB), far below what a runaway would take.
constexpr long kMemoryCeilingKiB = 512 * 1024 * kSanitizerMemoryFactor;

struct BadInput {
  std::string name;
  std::string text;
  std::string expectedRule;    ///< "" when the input is acceptable
  std::string expectedMessage; ///< a substring of some diagnostic
};

std::string repeat(const std::string &piece, size_t count) {
  std::string text;
  text.reserve(piece.size() * count);
  for (size_t i = 0; i < count; ++i)
    text += piece;
  return text;
}

std::string tenMegabyteTemplate() {
  std::string text = "FormatVersion: OOS-2019-06-01\nParameters:\n  p:\n    Type: String\n"
                     "    Default: x\nTasks:\n";
  for (size_t i = 0; text.size() < 10 * 1024 * 1024; ++i)
    text += "  - Name: task" + std::to_string(i) +
            "\n    Action: ACS::ExecuteAPI\n    Properties:\n      Service: ECS\n"
            "      API: DescribeInstances\n      Parameters:\n        Name: '{{ p }}-" +
            std::to_string(i) + "'\n";
  return text;
}

std::string billionLaughs() {
  std::string text = "FormatVersion: OOS-2019-06-01\nMetadata:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level < 10; ++level) {
    std::string previous = "*l" + std::to_string(level - 1);
    text += "  l" + std::to_string(level) + ": &l" + std::to_string(level) + " [" +
            repeat(previous + ", ", 8) + previous + "]\n";
  }
  text += "Tasks:\n  - Name: t\n    Action: ACS::Sleep\n    Properties: {Duration: PT1M}\n";
  return text;
}

std::vector<BadInput> badInputs() {
  return {
      {"empty", "", "schema", "the template is empty"},
      {"only_comments", "# nothing here\n\n# at all\n", "schema", "the template is empty"},
      {"binary", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "yaml-syntax", "NUL byte"},
      {"latin1", "FormatVersion: OOS-2019-06-01\nDescription: caf\xe9\nTasks: []\n", "yaml-syntax",
       "invalid UTF-8 byte 0xE9"},
      {"truncated_utf8", "Description: \xe4\xb8", "yaml-syntax", "invalid UTF-8"},
      {"ten_megabytes", tenMegabyteTemplate(), "", ""},
      {"deep_flow_lists", repeat("[", 100000) + repeat("]", 100000), "yaml-syntax", "nesting deeper than"},
      {"deep_flow_maps", repeat("{a: ", 100000) + "1" + repeat("}", 100000), "yaml-syntax", "nesting deeper than"},
      {"deep_block_sequences", repeat("- ", 100000) + "x\n", "yaml-syntax", "nesting deeper than"},
      {"deep_json", repeat("{\"a\": ", 100000) + "1" + repeat("}", 100000), "yaml-syntax", "nesting deeper than"},
      {"billion_laughs", billionLaughs(), "", ""},
      {"merge_keys",
       "FormatVersion: OOS-2019-06-01\nTasks:\n  - &base\n    Name: a\n    Action: ACS::Sleep\n"
       "    Properties: {Duration: PT1M}\n  - <<: *base\n    Name: b\n",
       "", ""},
      {"recursive_alias", "a: &x [1, *x]\n", "yaml-syntax", "recursive alias"},
      {"unknown_alias", "a: *nothing\n", "yaml-syntax", ""},
      {"duplicate_keys", "FormatVersion: OOS-2019-06-01\nFormatVersion: OOS-2019-06-01\nTasks: []\n",
       "duplicate-name", "duplicate key 'FormatVersion'"},
      {"list_template", "- FormatVersion: OOS-2019-06-01\n", "schema", "not a list"},
      {"scalar_template", "just some text\n", "schema", "not a scalar"},
      {"unclosed_flow", "Tasks: [\n", "yaml-syntax", ""},
      {"tab_indentation", "Tasks:\n\t- Name: a\n", "yaml-syntax", ""},
      {"bom_json", "\xef\xbb\xbf{\"FormatVersion\": \"OOS-2019-06-01\", \"Tasks\": 3}", "schema",
       "'Tasks' must be a list"},
      {"crlf", "FormatVersion: OOS-2019-06-01\r\nTasks:\r\n  - Name: a\r\n    Action: ACS::Sleep\r\n"
               "    OnError: nowhere\r\n", "undefined-jump-target", "'nowhere'"},
  };
}

// Printed by name: the inputs themselves are megabytes of binary.
void PrintTo(const BadInput &input, std::ostream *out) { *out << input.name; }

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(BadInputTest, ReportedWithoutCrash) {
  const BadInput &input = GetParam();
  fs::path path = fs::temp_directory_path() /
                  ("oosc-bad-" + std::to_string(::getpid()) + "-" + input.name + ".yaml");
  std::ofstream(path, std::ios::binary) << input.text;
  RunResult result = runProgram(OOSC_BINARY, {"lint", "--format", "json", path.string()});
  fs::remove(path);

  EXPECT_EQ(result.signal, 0) << "oosc died with signal " << result.signal;
  EXPECT_TRUE(result.exitCode == 0 || result.exitCode == 1) << result.exitCode << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_LT(result.maxResidentKiB, kMemoryCeilingKiB);
  if (input.expectedRule.empty()) {
    EXPECT_EQ(result.exitCode, 0) << result.out.substr(0, 2000);
  } else {
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_NE(result.out.find("\"rule\":\"" + input.expectedRule + "\""), std::string::npos)
        << result.out.substr(0, 2000);
    EXPECT_NE(result.out.find(input.expectedMessage), std::string::npos) << result.out.substr(0, 2000);
  }
}

INSTANTIATE_TEST_SUITE_P(Inputs, BadInputTest, ::testing::ValuesIn(badInputs()),
                         [](const ::testing::TestParamInfo<BadInput> &info) { return info.param.name; });

} // namespace
} // namespace oosc::testing
