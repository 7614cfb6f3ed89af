//===- WebhookTest.cpp - ACS::Notify posting to a real HTTP endpoint -------===//
//
// `--webhooks post` makes a runner post ACS::Notify's webhooks with libcurl.
// The endpoint here is a real socket on the loopback interface, served by a
// thread of the test that keeps the request it received.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

#include "support/LoopbackServer.h"

namespace oosc::testing {
namespace {

class WebhookTest : public RunnerTest {};

TEST_F(WebhookTest, NotifyPostsTheRenderedContentWithItsHeaders) {
  std::string runner = build({"tests/build/webhook.yaml"});
  OneRequestServer server(200);
  RunResult result = run(runner, {"--webhooks", "post", "-p", "hookUri=" + server.uri("/hook"),
                                  "--journal", journal()});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  const std::string &request = server.received();
  EXPECT_EQ(request.rfind("POST /hook HTTP/1.1\r\n", 0), 0u) << request;
  EXPECT_NE(request.find("X-Oos-Test: webhook\r\n"), std::string::npos) << request;
  EXPECT_NE(request.find("Content-Type: application/json\r\n"), std::string::npos) << request;
  std::string body = request.substr(request.find("\r\n\r\n") + 4);
  runtime::Value content = parse(body);
  ASSERT_TRUE(content.find("text")) << body;
  EXPECT_EQ(content.find("text")->find("content")->toDisplayString(),
            "execution exec-sim000000000001: "
            "[\"cn-hangzhou\",\"cn-shanghai\",\"cn-beijing\",\"ap-southeast-1\"]")
      << body;
  RunResult show = runProgram(runner, {"executions", "show", "exec-sim000000000001", "--journal",
                                       journal()});
  EXPECT_NE(show.out.find("HTTP.POST"), std::string::npos) << show.out;
  runtime::Value after = world();
  const runtime::Value *recorded = after.find("Notifications");
  EXPECT_TRUE(!recorded || recorded->size() == 0) << "posted, so not recorded in the world";
}

TEST_F(WebhookTest, AnEndpointThatFailsOrIsNotThereFailsTheTask) {
  std::string runner = build({"tests/build/webhook.yaml"});
  OneRequestServer failing(500);
  RunResult answered = run(runner, {"--webhooks", "post", "-p", "hookUri=" + failing.uri("/hook")});
  EXPECT_EQ(answered.exitCode, 1);
  EXPECT_NE(answered.err.find("the webhook " + failing.uri("/hook") + " answered HTTP 500"),
            std::string::npos)
      << answered.err;
  std::string gone = failing.uri("/hook");
  failing.received(); // the port is closed now
  RunResult unreachable = run(runner, {"--webhooks", "post", "-p", "hookUri=" + gone});
  EXPECT_EQ(unreachable.exitCode, 1);
  EXPECT_NE(unreachable.err.find("ACS::Notify: webhook " + gone), std::string::npos)
      << unreachable.err;
  RunResult wrong = run(runner, {"--webhooks", "shout", "-p", "hookUri=" + gone});
  EXPECT_EQ(wrong.exitCode, 2);
  EXPECT_NE(wrong.err.find("--webhooks takes record or post, not 'shout'"), std::string::npos)
      << wrong.err;
}

TEST_F(WebhookTest, OnTheSimulatorWebhooksAreRecordedByDefault) {
  std::string runner = build({"tests/build/webhook.yaml"});
  RunResult result = run(runner, {"-p", "hookUri=https://hooks.example.com/oos"});
  ASSERT_EQ(result.exitCode, 0) << result.err;
  runtime::Value after = world();
  const runtime::Value *posts = after.find("Notifications");
  ASSERT_NE(posts, nullptr);
  EXPECT_NE(posts->toJson().find("hooks.example.com"), std::string::npos) << posts->toJson();
}

} // namespace
} // namespace oosc::testing
