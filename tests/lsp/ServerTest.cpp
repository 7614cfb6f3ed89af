//===- ServerTest.cpp - The protocol layer with an in-process client ------===//
#include "lsp/Server.h"
#include "lsp/Transport.h"

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace oosc::lsp {
namespace {

using llvm::json::Array;
using llvm::json::Object;
using llvm::json::Value;

// llvm::Optional (LLVM 14) does not compare with plain values: unwrap first.
int64_t integer(const Object *object, llvm::StringRef key) {
  return object ? object->getInteger(key).getValueOr(-1) : -1;
}
std::string text(const Object *object, llvm::StringRef key) {
  return object ? object->getString(key).getValueOr("").str() : std::string();
}

/// Frames messages for the server and parses what it writes back.
class Client {
public:
  void send(Value message) { body_ += frame(llvm::formatv("{0}", message).str()); }
  void sendRaw(const std::string &text) { body_ += text; }
  static std::string frame(const std::string &body) {
    return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  void request(int id, const std::string &method, Object params) {
    send(Object{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
  }
  void notification(const std::string &method, Object params) {
    send(Object{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  /// Runs a server over everything sent; returns its exit status.
  int run() {
    std::istringstream in(body_);
    std::ostringstream out;
    int status = Server(out).run(in);
    std::istringstream replies(out.str());
    std::string error;
    while (auto body = readMessage(replies, error)) {
      auto parsed = llvm::json::parse(*body);
      EXPECT_TRUE(static_cast<bool>(parsed)) << *body;
      if (parsed)
        messages.push_back(std::move(*parsed));
      else
        llvm::consumeError(parsed.takeError());
    }
    return status;
  }

  const Object *response(int id) const {
    for (const Value &message : messages)
      if (const Object *object = message.getAsObject())
        if (integer(object, "id") == id)
          return object;
    return nullptr;
  }

  std::vector<const Object *> notifications(const std::string &method) const {
    std::vector<const Object *> found;
    for (const Value &message : messages)
      if (const Object *object = message.getAsObject())
        if (auto name = object->getString("method"); name && *name == method)
          found.push_back(object->getObject("params"));
    return found;
  }

  std::vector<Value> messages;

private:
  std::string body_;
};

const char *kUri = "file:///work/t%20emplate.yaml";


Object openParams(const std::string &text, int version = 1) {
  return Object{{"textDocument", Object{{"uri", kUri}, {"languageId", "yaml"}, {"version", version}, {"text", text}}}};
}

Object position(int line, int character) { return Object{{"line", line}, {"character", character}}; }

const char *kTemplate = "FormatVersion: OOS-2019-06-01\n"
                        "Parameters:\n"
                        "  regionId:\n"
                        "    Type: String\n"
                        "    Default: cn-hangzhou\n"
                        "Tasks:\n"
                        "  - Name: describe\n"
                        "    Action: ACS::ExecuteAPI\n"
                        "    Properties:\n"
                        "      Service: ECS\n"
                        "      API: DescribeInstances\n"
                        "      Parameters:\n"
                        "        RegionId: '{{ regoinId }}'\n"
                        // Read here too, so the typo above is the only finding.
                        "Outputs:\n"
                        "  region:\n"
                        "    Type: String\n"
                        "    Value: '{{ regionId }}'\n";

TEST(Server, LifecycleAndCapabilities) {
  Client client;
  client.request(1, "initialize", Object{{"capabilities", Object{}}});
  client.notification("initialized", Object{});
  client.request(2, "shutdown", Object{});
  client.notification("exit", Object{});
  EXPECT_EQ(client.run(), 0);
  const Object *initialize = client.response(1);
  ASSERT_NE(initialize, nullptr);
  const Object *capabilities = initialize->getObject("result")->getObject("capabilities");
  ASSERT_NE(capabilities, nullptr);
  EXPECT_EQ(integer(capabilities->getObject("textDocumentSync"), "change"), 2);
  EXPECT_TRUE(capabilities->getBoolean("hoverProvider").getValueOr(false));
  ASSERT_NE(client.response(2), nullptr);
}

TEST(Server, ExitWithoutShutdownAndClosedInputExitOne) {
  Client exitEarly;
  exitEarly.notification("exit", Object{});
  EXPECT_EQ(exitEarly.run(), 1);
  Client closed;
  closed.request(1, "initialize", Object{});
  EXPECT_EQ(closed.run(), 1);
}

TEST(Server, DiagnosticsOnOpenWithRuleAndRange) {
  Client client;
  client.notification("textDocument/didOpen", openParams(kTemplate));
  client.run();
  auto published = client.notifications("textDocument/publishDiagnostics");
  ASSERT_EQ(published.size(), 1u);
  const Array *diagnostics = published[0]->getArray("diagnostics");
  ASSERT_EQ(diagnostics->size(), 1u);
  const Object *diagnostic = (*diagnostics)[0].getAsObject();
  EXPECT_EQ(text(diagnostic, "code"), "undefined-reference");
  EXPECT_EQ(integer(diagnostic, "severity"), 1);
  const Object *start = diagnostic->getObject("range")->getObject("start");
  EXPECT_EQ(integer(start, "line"), 12);
  EXPECT_EQ(integer(start, "character"), 22);
}

TEST(Server, IncrementalChangesSupersedeEarlierDiagnostics) {
  Client client;
  client.notification("textDocument/didOpen", openParams(kTemplate));
  // Fix the typo: replace "regoin" (line 12, characters 22-28) with "region".
  client.notification("textDocument/didChange",
                      Object{{"textDocument", Object{{"uri", kUri}, {"version", 2}}},
                             {"contentChanges", Array{Object{{"range", Object{{"start", position(12, 22)},
                                                                              {"end", position(12, 28)}}},
                                                             {"text", "region"}}}}});
  client.run();
  auto published = client.notifications("textDocument/publishDiagnostics");
  ASSERT_EQ(published.size(), 2u);
  EXPECT_EQ(integer(published[1], "version"), 2);
  EXPECT_EQ(published[1]->getArray("diagnostics")->size(), 0u);
}

TEST(Server, PositionsAreUtf16CodeUnits) {
  // "中" is 3 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
  std::string text = std::string(kTemplate);
  text.replace(text.find("'{{ regoinId }}'"), 16, "'中😀 {{ regoinId }}'");
  Client client;
  client.notification("textDocument/didOpen", openParams(text));
  client.run();
  const Object *diagnostic = (*client.notifications("textDocument/publishDiagnostics")[0]->getArray("diagnostics"))[0].getAsObject();
  const Object *start = diagnostic->getObject("range")->getObject("start");
  // 8 spaces + "RegionId: '" = 19, then 中 (1) + 😀 (2) + space (1) + "{{ " (3).
  EXPECT_EQ(integer(start, "character"), 26);
}

TEST(Server, MalformedMessagesUnknownMethodsAndUnopenedDocuments) {
  Client client;
  client.sendRaw(Client::frame("{not json"));
  client.sendRaw("Content-Type: nothing\r\n\r\n");
  client.request(1, "textDocument/unknownThing", Object{});
  client.request(2, "textDocument/hover",
                 Object{{"textDocument", Object{{"uri", "file:///never/opened.yaml"}}}, {"position", position(0, 0)}});
  client.request(3, "textDocument/definition",
                 Object{{"textDocument", Object{{"uri", kUri}}}, {"position", position(999, 999)}});
  client.request(4, "shutdown", Object{});
  client.notification("exit", Object{});
  EXPECT_EQ(client.run(), 0);
  size_t parseErrors = 0;
  for (const Value &message : client.messages)
    if (const Object *error = message.getAsObject()->getObject("error"))
      parseErrors += error->getInteger("code").getValueOr(0) == -32700;
  EXPECT_EQ(parseErrors, 2u);
  EXPECT_EQ(integer(client.response(1)->getObject("error"), "code"), -32601);
  EXPECT_TRUE(client.response(2)->get("result")->getAsNull().hasValue());
  EXPECT_TRUE(client.response(3)->get("result")->getAsNull().hasValue());
}

TEST(Server, NestedTemplatesInTheSameFolderResolve) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("oosc-lsp-nested-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "child.yaml") << "FormatVersion: OOS-2019-06-01\nParameters:\n  greeting:\n"
                                       "    Type: String\nTasks:\n  - Name: wait\n    Action: ACS::Sleep\n"
                                       "    Properties:\n      Duration: PT1S\nOutputs:\n  message:\n"
                                       "    Type: String\n    Value: '{{ greeting }}'\n";
  std::string parent = "FormatVersion: OOS-2019-06-01\nTasks:\n  - Name: callChild\n    Action: ACS::Template\n"
                       "    Properties:\n      TemplateName: child\n";
  std::string uri = "file://" + (dir / "parent.yaml").string();
  Client client;
  client.notification("textDocument/didOpen",
                      Object{{"textDocument", Object{{"uri", uri}, {"languageId", "yaml"}, {"version", 1}, {"text", parent}}}});
  Object at{{"textDocument", Object{{"uri", uri}}}, {"position", position(5, 22)}};
  client.request(1, "textDocument/definition", at);
  client.request(2, "textDocument/hover", at);
  client.run();
  fs::remove_all(dir);
  const Array *locations = client.response(1)->getArray("result");
  ASSERT_NE(locations, nullptr);
  ASSERT_EQ(locations->size(), 1u);
  EXPECT_EQ(text((*locations)[0].getAsObject(), "uri"), "file://" + (dir / "child.yaml").string());
  const Object *hover = client.response(2)->getObject("result");
  ASSERT_NE(hover, nullptr);
  std::string markdown = text(hover->getObject("contents"), "value");
  EXPECT_NE(markdown.find("`greeting` (String, required)"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("`message` (String)"), std::string::npos) << markdown;
  // The sibling is also the child the task's Parameters are checked against.
  auto published = client.notifications("textDocument/publishDiagnostics");
  ASSERT_FALSE(published.empty());
  std::vector<std::string> messages;
  for (const llvm::json::Value &diagnostic : *published.back()->getArray("diagnostics"))
    if (text(diagnostic.getAsObject(), "code") == "action-properties")
      messages.push_back(text(diagnostic.getAsObject(), "message"));
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], "template 'child' needs parameter 'greeting'");
}

TEST(Server, LargeDocumentDoesNotBreakTheServer) {
  std::string text = "FormatVersion: OOS-2019-06-01\nTasks:\n";
  for (int i = 0; text.size() < 5 * 1024 * 1024; ++i)
    text += "  - Name: task" + std::to_string(i) + "\n    Action: ACS::Sleep\n    Properties:\n      Duration: PT1S\n";
  Client client;
  client.notification("textDocument/didOpen", openParams(text));
  client.request(1, "textDocument/hover",
                 Object{{"textDocument", Object{{"uri", kUri}}}, {"position", position(100000, 3)}});
  client.request(2, "shutdown", Object{});
  client.notification("exit", Object{});
  EXPECT_EQ(client.run(), 0);
  EXPECT_EQ(client.notifications("textDocument/publishDiagnostics").size(), 1u);
  EXPECT_NE(client.response(1), nullptr);
}

TEST(Server, CompletionOnAHugeLineDoesNotOverflowTheStack) {
  // std::regex recursed once per character of the line: 300,000 spaces
  // before the cursor (or on a `- Name:` line) crashed the server.
  std::string spaces(300000, ' ');
  std::string text = "FormatVersion: OOS-2019-06-01\nTasks:\n  - " + spaces + "Name: a\n"
                     "    Action: ACS::Sleep\n    Properties:\n      Duration: PT1S\n" + spaces + "x\n";
  Client client;
  client.notification("textDocument/didOpen", openParams(text));
  client.request(1, "textDocument/completion",
                 Object{{"textDocument", Object{{"uri", kUri}}}, {"position", position(6, 300000)}});
  client.request(2, "textDocument/completion",
                 Object{{"textDocument", Object{{"uri", kUri}}}, {"position", position(2, 300004)}});
  // A parse cut short (an unclosed quote) makes completion scan the raw
  // lines for task names, the huge `- Name:` line among them.
  const char *broken = "file:///work/broken.yaml";
  std::string cut = "FormatVersion: OOS-2019-06-01\nTasks:\n  - " + spaces + "Name: a\n"
                    "    Action: ACS::Sleep\n    Properties:\n      Duration: '{{ ";
  client.notification("textDocument/didOpen",
                      Object{{"textDocument", Object{{"uri", broken}, {"languageId", "yaml"}, {"version", 1},
                                                     {"text", cut}}}});
  client.request(3, "textDocument/completion",
                 Object{{"textDocument", Object{{"uri", broken}}}, {"position", position(5, 19)}});
  client.request(4, "shutdown", Object{});
  client.notification("exit", Object{});
  EXPECT_EQ(client.run(), 0);
  EXPECT_NE(client.response(1), nullptr);
  EXPECT_NE(client.response(2), nullptr);
  EXPECT_NE(client.response(3), nullptr);
}

} // namespace
} // namespace oosc::lsp
