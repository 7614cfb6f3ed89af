//===- MemoryTest.cpp - The language server's memory levels off -----------===//
//
// A server runs for days and checks a new jq script, {{ }} expression or
// AllowedPattern at nearly every keystroke. Issue 11 found it growing with
// each: ANTLR's DFA and prediction-context caches of the jq and expression
// grammars were static and never cleared (1-4 KB per script of a new
// shape), every pattern stayed compiled, and libjq 1.6 leaked 21 bytes per
// rejected script that stops inside a string.
//
// These tests feed the real protocol path (Server::handle, JSON-RPC bodies)
// thousands of edits and compare the heap in use (allocated and not freed:
// glibc's mallinfo2, or AddressSanitizer's own count, which leaves out its
// quarantine of freed blocks) early and late. Nothing is timed.
//
//===----------------------------------------------------------------------===//
#include "lsp/Server.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <sstream>
#include <string>

#include <malloc.h>

#if defined(__SANITIZE_ADDRESS__)
#define OOSC_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OOSC_ASAN 1
#endif
#endif
#ifdef OOSC_ASAN
// Part of the sanitizer runtime of both gcc and clang; declared here since
// gcc 12 does not ship clang's <sanitizer/allocator_interface.h>.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

namespace oosc::lsp {
namespace {

using llvm::json::Array;
using llvm::json::Object;

/// Bytes allocated and not yet freed by the whole process.
size_t heapInUse() {
#ifdef OOSC_ASAN
  return __sanitizer_get_current_allocated_bytes();
#else
  return mallinfo2().uordblks;
#endif
}

/// A template reading one selector and one expression, its parameter
/// constrained by \p pattern.
std::string templateWith(const std::string &selector, const std::string &expression,
                         const std::string &pattern = "^[a-z0-9-]+$") {
  return "FormatVersion: OOS-2019-06-01\n"
         "Parameters:\n"
         "  regionId:\n"
         "    Type: String\n"
         "    Default: cn-hangzhou\n"
         "    AllowedPattern: '" + pattern + "'\n"
         "Tasks:\n"
         "  - Name: describe\n"
         "    Action: ACS::ExecuteAPI\n"
         "    Properties:\n"
         "      Service: ECS\n"
         "      API: DescribeInstances\n"
         "      Parameters:\n"
         "        RegionId: '{{ regionId }}'\n"
         "    Outputs:\n"
         "      ids:\n"
         "        Type: List\n"
         "        ValueSelector: '" + selector + "'\n"
         "Outputs:\n"
         "  out:\n"
         "    Type: String\n"
         "    Value: '" + expression + "'\n";
}

/// A jq script of a shape drawn from \p seed (pipes, arrays, objects,
/// select, arithmetic, if, optional iteration, map, nested up to five
/// deep): new shapes are what grew ANTLR's caches. `.f<edit>` at the end
/// makes every script distinct.
std::string jqScript(unsigned edit) {
  unsigned seed = edit * 2654435761u;
  auto draw = [&](unsigned choices) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % choices;
  };
  std::function<std::string(int)> part = [&](int depth) -> std::string {
    if (depth > 4)
      return ".f" + std::to_string(draw(5));
    switch (draw(9)) {
    case 0:
      return part(depth + 1) + " | " + part(depth + 1);
    case 1:
      return "[" + part(depth + 1) + "]";
    case 2:
      return "{a: " + part(depth + 1) + ", b: " + part(depth + 1) + "}";
    case 3:
      return "select(" + part(depth + 1) + " == " + std::to_string(draw(100)) + ")";
    case 4:
      return "(" + part(depth + 1) + " + " + part(depth + 1) + ")";
    case 5:
      return "if " + part(depth + 1) + " then " + part(depth + 1) + " else " + part(depth + 1) + " end";
    case 6:
      return part(depth + 1) + "[]?";
    case 7:
      return "map(" + part(depth + 1) + ")";
    default:
      return ".x" + std::to_string(draw(3)) + ".y";
    }
  };
  return part(0) + " | .f" + std::to_string(edit);
}

/// A server fed one document, edited with full-text changes.
class EditedDocument {
public:
  EditedDocument() {
    send(Object{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", Object{}}});
    send(Object{{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Object{}}});
  }

  void open(const std::string &text) {
    send(Object{{"jsonrpc", "2.0"},
                {"method", "textDocument/didOpen"},
                {"params", Object{{"textDocument", Object{{"uri", kUri},
                                                          {"languageId", "yaml"},
                                                          {"version", version_},
                                                          {"text", text}}}}}});
  }

  void change(const std::string &text) {
    ++version_;
    send(Object{{"jsonrpc", "2.0"},
                {"method", "textDocument/didChange"},
                {"params", Object{{"textDocument", Object{{"uri", kUri}, {"version", version_}}},
                                  {"contentChanges", Array{Object{{"text", text}}}}}}});
  }

  /// What the server last wrote (its publishDiagnostics).
  const std::string &lastReply() const { return lastReply_; }

private:
  static constexpr const char *kUri = "file:///memory/template.yaml";

  void send(Object message) {
    server_.handle(llvm::formatv("{0}", llvm::json::Value(std::move(message))).str());
    // Kept only until the next message: the test measures the server.
    lastReply_ = out_.str();
    out_.str("");
  }

  std::ostringstream out_;
  Server server_{out_};
  int64_t version_ = 1;
  std::string lastReply_;
};

TEST(ServerMemory, LevelsOffOverEditsOfNewJqScriptsAndExpressions) {
  constexpr unsigned kEdits = 100000, kEarly = 20000, kSampleEvery = 1000;
  EditedDocument document;
  document.open(templateWith(".Regions", "{{ regionId }}"));
  size_t peakEarly = 0, peakLate = 0;
  for (unsigned edit = 1; edit <= kEdits; ++edit) {
    // A new script, a new expression, and a new AllowedPattern (each was
    // compiled and kept: PCRE2 patterns are cached per thread).
    std::string number = std::to_string(edit);
    document.change(templateWith(jqScript(edit),
                                 "{{ regionId }}-{{ ACS::RegionId }}-" + number + "{{ describe.ids" +
                                     std::to_string(edit % 7) + " }}",
                                 "^[a-z0-9-]{1," + number + "}$"));
    if (edit % kSampleEvery != 0)
      continue;
    size_t heap = heapInUse();
    (edit <= kEarly ? peakEarly : peakLate) = std::max(edit <= kEarly ? peakEarly : peakLate, heap);
  }
  std::printf("heap peak over edits 1-%u: %zu KB; over edits %u-%u: %zu KB\n", kEarly, peakEarly / 1024,
              kEarly + 1, kEdits, peakLate / 1024);
  // The edits were analysed: the last one's misspelt output is reported.
  EXPECT_NE(document.lastReply().find("has no output"), std::string::npos) << document.lastReply();
  // Caches are dropped and rebuilt as they fill, so the heap saws up and
  // down; its peaks must not climb. Before the fix the late peak was
  // tens of megabytes above the early one (about 1 KB more per edit).
  EXPECT_LT(peakLate, peakEarly + (2u << 20))
      << "heap peak over edits 1-" << kEarly << ": " << peakEarly / 1024 << " KB; over edits "
      << kEarly + 1 << "-" << kEdits << ": " << peakLate / 1024 << " KB";
}

TEST(ServerMemory, RejectedScriptsEndingInsideAStringLeakNothing) {
  constexpr unsigned kEdits = 20000, kFirstSample = 2000;
  EditedDocument document;
  document.open(templateWith(".Regions", "{{ regionId }}"));
  size_t first = 0;
  for (unsigned edit = 1; edit <= kEdits; ++edit) {
    // Scripts libjq 1.6 leaks 21 bytes on, each time it compiles one.
    std::string number = std::to_string(edit);
    document.change(templateWith(edit % 2 ? "\"unterminated" + number : "\"\\(" + number + "; 2)\"",
                                 "{{ regionId }}"));
    if (edit == kFirstSample)
      first = heapInUse();
  }
  EXPECT_NE(document.lastReply().find("jq-syntax"), std::string::npos) << document.lastReply();
  size_t last = heapInUse();
  std::printf("heap after %u edits: %zu KB; after %u: %zu KB\n", kFirstSample, first / 1024, kEdits, last / 1024);
  // 18,000 leaks of 21 bytes would add about 560 KB (with malloc's
  // overhead); allow for noise far below that.
  EXPECT_LT(last, first + (64u << 10)) << "heap after " << kFirstSample << " edits: " << first / 1024
                                       << " KB; after " << kEdits << ": " << last / 1024 << " KB";
}

} // namespace
} // namespace oosc::lsp
