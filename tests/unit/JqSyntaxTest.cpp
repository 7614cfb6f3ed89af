// JqSyntaxTest.cpp - The jq checker (frontend/JqSyntax.h) against libjq.
//
// Every script of the table is checked by both the ANTLR-based checker and
// libjq 1.6 (runtime::JqEngine::compileError); their verdicts must agree.
// The table covers precedence and associativity, keywords as field names,
// strings and their escapes, formats, definitions and their scoping,
// reduce/foreach, destructuring, labels, comments and non-ASCII text.
#include "frontend/JqSyntax.h"
#include "oosc/runtime/Jq.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

using oosc::frontend::checkJqSyntax;
using oosc::frontend::JqSyntaxError;
using oosc::frontend::standInTemplateReferences;

namespace {

// clang-format off
const std::vector<std::string> Scripts = {
    // Paths, iteration, optional access, slices.
    ".", "..", ".a", ".a.b.c", ".a?", ".a?.b", ".a.b?.c[]?", ".[]", ".[]?", ".[]?[]",
    ".[0]", ".[-1]", ".[1:]", ".[:2]", ".[1:2]", ".[1:2]?", ".[:]", ".[]?.a", ".a[]",
    ".[\"a\"]", ".[\"a\"]?", ".\"a\"", ".\"a\"?", ". \"a\"", ".a.\"b\"", ".a.[0]",
    "..a", "..?", ".. .a", "..[0]", ".a..", ". foo", ".a?b", ".a ? ", "..|.a",
    "Instances.Instance[].InstanceId", ".Instances.Instance[].InstanceId",
    // Keywords as field names and object keys.
    ".and", ".or", ".if", ".then", ".end", ".reduce", ".break", ".__loc__", ".not",
    ".a.and.or", "{if: 1}", "{and: 1, or: 2}", "{break: 1}", "{if}", "{__loc__}",
    "{__loc__: 1}", ". as {__loc__: $x} | $x", ". as {$__loc__} | 1", "__loc__", "$if", "not",
    "not not", "true(1)", ".a\r", ".a\f",
    // Operators: precedence, associativity, non-associative levels.
    "1 + 2 * 3", "1 - -1", "--1", "-(1)", "-.a", ".a-1", ".a -1", "1,2|3",
    "1 == 2 == 3", "1 < 2 == true", "1 < 2 and 2 < 3", "1 == 1 and 2 == 2 or false",
    ".a = 1 = 2", ".a = .b |= 3", ".a |= .b = 3", ".a |= . + 1", ".a += 1", ".a -= 1",
    ".a *= 2", ".a /= 2", ".a %= 2", ".a //= 1 // 2", ".a // .b // .c", "1 // 2 = 3",
    "1 + 2?", "1??", ".a = 1 | .b", "1 + . as $x | $x", "1 * -2 + 3", "1 == -2 == 3",
    "1 +", "* 2", "1 2", ".a .b", "(1", "1)", "[1,]", "[,1]", "{a: 1,}", "{,}",
    "{a: 1,,}", "((1))", "[]", "{}", "[.[] | .a]",
    // Conditionals, try/catch, labels.
    "if . then 1 else 2 end", "if . then 1 end", "if 1 then 2 elif 3 then 4 else 5 end",
    "if 1 then 2 elif 3 then 4 end", "if . then 1 else 2 end | .", "if . then 1 else 2 end[0]",
    "if . then 1 else 2 end?", "if . then", "try error(\"x\") catch .", "try .a",
    "try .a catch .b | 1", "1 + try 2", "try 1 catch 2?", "try (1) catch",
    "try -1 * 2", "label $out | 1, break $out", "break $f", "label $f | 1 | break $f",
    "label $a | def f: break $a; f", "def f: label $a | 1; break $a",
    // Bindings and destructuring.
    "1 as $x | 2", ". as $x | $x", "$x", "$ENV", "$ENV.PATH", "$__loc__", "$ __loc__",
    "$__loc__.file", "$__prog_args", ". as $ENV | $ENV", ". as $__loc__ | 1",
    ".a as $x | 2 as $y | $x + $y", ". as [$a, $b] | $a", ". as {a: $x, $y, \"b\": [$z]} | $z",
    ". as {a} | 1", ". as {(1): $x} | $x", ". as {(\"k\"): $x} | $x", ". as {$a: [$b]} | $a, $b",
    ". as {if: $x} | $x", ". as [$a, $a] | $a", ".a as [$x, $y] ?// $x | $y",
    ". as [$a] ?// $b | $a", ". as {a: $x} ?// [$x] | $x", "reduce .[] as $x (0; . + $x)",
    "reduce .[] as [$a, $b] (0; $a + $b)", "reduce .[] as $x ($x; .)", "reduce .[] as $x (0; $x) | $x",
    "reduce .[] as $x (0;1)[0]", "reduce .[] as $x (0; .) as $y | $y",
    "foreach .[] as $x (0; . + $x)", "foreach .[] as $x (0; . + $x; [$x, .])",
    "foreach .[] as $x (0; $x; $x) | $x", "[.[] as $x | $x]", "1 as $x | $x as $x | $x",
    "-1 as $x | $x", "@base64 \"\\(.)\" as $x | $x", "$x as $y | 1",
    // Definitions.
    "def f: 1; f", "def f: 1;", "def f: 1; def g: 2;", "def f(g): g; f(.)", "def f(a): a; f",
    "def f($a; b): $a, b; f(1; 2)", "def f($a): a; f(1)", "def f($x): $x; $x", "def f(x): x; x",
    "def f: def g: 3; g; f", "def f: g; def g: 1; f", "1 as $x | def f: $x; f",
    "def f: $x; 1 as $x | f", "def f: f; f", "def f: 1; def f(a): 2; f, f(1)",
    "def map(f): 1; map(.)", "def f: 1", "def f 1; f", "def: 1; f", "def f(): 1; f",
    // jq resolves names only in definitions something calls; syntax everywhere.
    "def f: nosuch; 1", "def f: $nosuch; 1", "def f: break $nosuch; 1", "def f: nosuch;",
    "def f: nosuch; f", "def f: g; def h: f; 1", "def f: g; def h: f; h",
    "def f: def g: nosuch; 1; f", "def f(g): 1; f(nosuch)", "def f($a): 1; f($nosuch)",
    "def f: 1; def f: nosuch; 1", "def f: nosuch; def f: 1; f", "def f: {(1): 2}; 1",
    "def f: \"\\q\"; 1", "def f: 1 == 2 == 3; 1", "def f(x): x; def g: f(nosuch); g",
    // Builtins by name and arity.
    "map(.)", "map", "map(.; .)", "mapp(.)", "select(.a)", "length", "keys | length",
    "to_entries", "from_entries", "with_entries(.)", "tostring", "tonumber", "fromjson",
    "tojson", "test(\"a\")", "test(\"a\"; \"g\")", "match(\"a\")", "capture(\"a\")",
    "scan(\"a\")", "sub(\"a\"; \"b\")", "gsub(\"a\"; \"b\"; \"g\")", "split(\",\")",
    "split(\",\"; null)", "join(\",\")", "ascii_downcase", "ascii", "splits", "getpath",
    "getpath([\"a\"])", "limit(1; .[])", "first(.[])", "first", "last", "nth(0)", "range(5)",
    "range(1; 5; 2)", "any", "all(. > 1)", "in({})", "inside(\"a\")", "index(\"a\")",
    "env.PATH", "builtins", "input", "inputs", "debug", "now | todate", "strftime(\"%Y\")",
    "IN(1, 2)", "INDEX(.a)", "isempty(empty)", "walk(.)", "transpose", "_plus(1; 2)",
    "_modify(.a; 1)", "error", "error(\"x\")", "halt_error", "splits(\"a\")", "utf8bytelength",
    "tostream", "fromstream(tostream)", "getpath([\"a\"]; 1)", "add(1)", "ltrimstr",
    "mod::f", "f", "Length", "lenght",
    // Strings, escapes, interpolation, formats.
    "\"a\"", "\"\"", "\"\\(1 + 2)\"", "\"\\(1; 2)\"", "\"a\\(\"b\\(\"c\")\")\"", "\"\\q\"",
    "\"\\u12\"", "\"\\uZZZZ\"", "\"\\u00e9\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\ude00\"",
    "\"\\ud83dx\"", "\"\\/\"", "\"\\\"\"", "\"\\\\\"", "\"\\b\\f\\n\\r\\t\"", "\"a\nb\"",
    "\"\\\n\"", "\"unterminated", "\"\\", "@base64", "@base64d", "@text", "@json", "@csv",
    "@tsv", "@sh", "@uri", "@html", "@base32", "@foo", "@base64 \"x\\(.)\"",
    "@sh \"echo \\(.)\"", "@base64 \"x\" | .", "\"x\" as $x | \"\\($x)\"",
    // Object construction.
    "{a: 1}", "{a}", "{\"a\"}", "{\"a\\(1)\"}", "{\"a\": 1}", "{(.a): 1}", "{(.a, .b): 1}",
    "{(1): 2}", "{(1+1): 2}", "{(true): 1}", "{(null): 1}", "{(-1): 1}", "{(\"a\"): 1}",
    "{(\"a\"+\"b\"): 1}", "{$x}", "1 as $x | {$x}", "{$x: 1}", "{$__loc__}", "{@base64 \"x\": 1}",
    "{@base64: 1}", "{a: 1 + 2}", "{a: -1}", "{a: .b | .c}", "{a: 1, b}", "{a: .b, c: .d}",
    "{\"InstanceId\": .a, \"Result\": .b}", "{a: reduce .[] as $x (0; .)}", "{a: (1 + 2)}",
    "{a: if . then 1 else 2 end}", "{a: .b?}", "{a: .b[]}", "{a: 1}.a", "[1][0]", "\"a\"[0:1]",
    // Numbers and literals.
    "1", "1.5", ".5", "5.", "1e5", "1.5e-3", "1e", "00", "0x10", "1.foo", "1 .foo", "nan",
    "infinite", "-nan", "true", "false", "null", "null | not",
    // Modules.
    "import \"a\" as b; 1", "include \"a\"; 1", "import \"a\" as $b; 1", "module {}; 1",
    // Comments, whitespace, unusual characters.
    "", "  ", "# only a comment", ".a # trailing", ".a # c\n| .b", "#c\n.a", "\t.a\r\n",
    "\"é\"", "é", ".é", "\"日本\" | length", "\xc3", "1 ! 2", ".a != 1", "`x`", "~", "&", "\\",
    "'a'", ".a;", ";", "|", ".a |", "| .a",
    // Real-world selector shapes (written for this test).
    ".Items.Item[] | select(.Status == \"Running\") | .Id",
    "[.Disks.Disk[] | {id: .DiskId, size: .Size}] | map(select(.size > 40))",
    ".Rules | map(.Name) | join(\",\")", ".Count | tostring", "(.TotalCount // 0) > 0",
    ".Regions.Region[] | .RegionId | select(test(\"^cn-\"))", ".a | length > 0 and .b",
    "[.x[] | select(.y as $v | [\"a\", \"b\"] | index($v) >= 0)]", "if .n > 1 then \"many\" else \"one\" end",
};
// clang-format on

TEST(JqSyntaxTest, AgreesWithLibjqOnEveryScriptOfTheTable) {
  oosc::runtime::JqEngine engine;
  size_t valid = 0, invalid = 0;
  for (const std::string &script : Scripts) {
    bool libjqAccepts = !engine.compileError(script).has_value();
    std::optional<JqSyntaxError> ours = checkJqSyntax(script);
    EXPECT_EQ(libjqAccepts, !ours.has_value())
        << "script: " << script << "\n  ours: " << (ours ? ours->message : "valid")
        << "\n  libjq: " << (libjqAccepts ? "valid" : engine.compileError(script)->message);
    (libjqAccepts ? valid : invalid)++;
  }
  EXPECT_GE(Scripts.size(), 150u);
  // A table of only one verdict would prove little.
  EXPECT_GE(valid, 60u);
  EXPECT_GE(invalid, 60u);
}

struct Located {
  std::string script;
  uint32_t offset;
  std::string_view messagePart;
};

TEST(JqSyntaxTest, PointsAtTheOffendingText) {
  const Located cases[] = {
      {".a | mapp(.b)", 5, "'mapp/1' is not defined; did you mean 'map'?"},
      {".a | map", 5, "'map' takes 1 argument"},
      {". as $item | $itme", 13, "'$itme' is not defined; did you mean '$item'?"},
      {".a == 1 == 2", 8, "unexpected '=='"},
      {"select(.a", 9, "unexpected end of the script"},
      {"\"ab\\qc\"", 3, "invalid escape '\\q'"},
      {"{(1): 2}", 2, "object keys are strings"},
      {"break $out", 0, "no enclosing 'label $out"},
      {".a | é", 5, "not valid outside a string"},
  };
  for (const Located &located : cases) {
    std::optional<JqSyntaxError> error = checkJqSyntax(located.script);
    ASSERT_TRUE(error.has_value()) << located.script;
    EXPECT_EQ(error->offset, located.offset) << located.script;
    EXPECT_NE(error->message.find(located.messagePart), std::string::npos)
        << located.script << ": " << error->message;
  }
}

TEST(JqSyntaxTest, SuggestsTheBuiltinThatWasMeant) {
  std::optional<JqSyntaxError> error = checkJqSyntax(".Tags | lenght");
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->suggestion, std::optional<std::string>("length"));
  EXPECT_EQ(error->offset, 8u);
  EXPECT_EQ(error->length, 6u);
}

TEST(JqSyntaxTest, StandsInForReferencesWhereTheyAppear) {
  // Same length, so offsets keep pointing into the template.
  EXPECT_EQ(standInTemplateReferences("map({{ item }})"), "map((.)       )");
  EXPECT_EQ(standInTemplateReferences("test(\"{{ name }}\")"), "test(\"xxxxxxxxxx\")");
  EXPECT_EQ(standInTemplateReferences(".{{key}} == 1"), ".xxxxxxx == 1");
  EXPECT_EQ(standInTemplateReferences("\"\\({{ a }})\""), "\"\\((.)    )\"");
  EXPECT_EQ(standInTemplateReferences(".a # {{ b }}"), ".a # xxxxxxx");
  EXPECT_EQ(standInTemplateReferences("{{ unclosed"), "{{ unclosed");
  for (std::string script : {"map({{ item }})", ".x >= {{ limit }}", "{{ list }} | index($x)",
                             "{\"a\": \"{{ v }}\"}", ".{{key}}==\"{{value}}\"|tostring",
                             ".|{{ regions }}|sort|.[0]", ".Referer-{{ refs }}"}) {
    std::string prepared = standInTemplateReferences(script);
    std::optional<JqSyntaxError> error = checkJqSyntax(prepared);
    // `$x` is unbound in one of them; nothing else may be reported.
    if (error) {
      EXPECT_NE(error->message.find("'$x'"), std::string::npos) << script << ": " << error->message;
    }
  }
}

TEST(JqSyntaxTest, LeavesScriptsTooDeepToParseSafelyUnchecked) {
  // Valid and invalid alike: the parser's recursion is bounded, not the stack.
  std::string deep = std::string(5000, '(') + "1" + std::string(5000, ')');
  EXPECT_FALSE(checkJqSyntax(deep).has_value());
  EXPECT_FALSE(checkJqSyntax(std::string(5000, '[')).has_value());
  std::string moderate = std::string(200, '(') + "1" + std::string(200, ')');
  EXPECT_FALSE(checkJqSyntax(moderate).has_value());
  EXPECT_TRUE(checkJqSyntax(moderate + ")").has_value());
}

TEST(JqSyntaxTest, TakesMicrosecondsPerScript) {
  std::vector<std::string> scripts(Scripts.begin(), Scripts.end());
  auto start = std::chrono::steady_clock::now();
  size_t runs = 0;
  for (int round = 0; round < 20; ++round)
    for (const std::string &script : scripts) {
      (void)checkJqSyntax(script);
      ++runs;
    }
  double micros =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / runs;
  std::printf("checkJqSyntax: %.1f microseconds per script (%zu runs)\n", micros, runs);
  // libjq needs 15,000 and more; a generous bound for slow test machines.
  EXPECT_LT(micros, 500.0);
}

} // namespace
