//===- WebhookTest.cpp - ACS::Notify posting to a real HTTP endpoint -------===//
//
// `--webhooks post` makes a runner post ACS::Notify's webhooks with libcurl.
// The endpoint here is a real socket on the loopback interface, served by a
// thread of the test that keeps the request it received.
//
//===----------------------------------------------------------------------===//
#include "build/RunnerTest.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <thread>

namespace oosc::testing {
namespace {

/// Accepts one connection, reads one HTTP request and answers \p status.
class OneRequestServer {
public:
  explicit OneRequestServer(int status) : status_(status) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listener_, reinterpret_cast<sockaddr *>(&address), sizeof address);
    listen(listener_, 1);
    socklen_t length = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr *>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~OneRequestServer() { received(); }

  std::string uri() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }

  /// The request received (empty if none came); stops the server.
  const std::string &received() {
    if (thread_.joinable()) {
      shutdown(listener_, SHUT_RDWR); // an accept still waiting gives up
      thread_.join();
      close(listener_);
    }
    return request_;
  }

private:
  void serve() {
    int connection = accept(listener_, nullptr, nullptr);
    if (connection < 0)
      return;
    char buffer[4096];
    while (!complete()) {
      ssize_t got = read(connection, buffer, sizeof buffer);
      if (got <= 0)
        break;
      request_.append(buffer, static_cast<size_t>(got));
    }
    std::string answer = "HTTP/1.1 " + std::to_string(status_) + " X\r\nContent-Length: 0\r\n" +
                         "Connection: close\r\n\r\n";
    (void)write(connection, answer.data(), answer.size());
    close(connection);
  }

  /// Headers ended and Content-Length bytes of body arrived.
  bool complete() const {
    size_t end = request_.find("\r\n\r\n");
    if (end == std::string::npos)
      return false;
    size_t length = request_.find("Content-Length: ");
    size_t expected = length == std::string::npos ? 0 : std::stoul(request_.substr(length + 16));
    return request_.size() >= end + 4 + expected;
  }

  int status_;
  int listener_ = -1;
  int port_ = 0;
  std::string request_;
  std::thread thread_;
};

class WebhookTest : public RunnerTest {};

TEST_F(WebhookTest, NotifyPostsTheRenderedContentWithItsHeaders) {
  std::string runner = build({"tests/build/webhook.yaml"});
  OneRequestServer server(200);
  RunResult result = run(runner, {"--webhooks", "post", "-p", "hookUri=" + server.uri(),
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
  RunResult answered = run(runner, {"--webhooks", "post", "-p", "hookUri=" + failing.uri()});
  EXPECT_EQ(answered.exitCode, 1);
  EXPECT_NE(answered.err.find("the webhook " + failing.uri() + " answered HTTP 500"),
            std::string::npos)
      << answered.err;
  std::string gone = failing.uri();
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
