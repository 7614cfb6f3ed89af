// The libcurl transport against real sockets on 127.0.0.1: what it sends,
// what it reads back, its errors, and that it keeps connections open.
#include "oosc/openapi/Transport.h"

#include "support/LoopbackServer.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>
#include <vector>

namespace {

using oosc::openapi::HttpRequest;
using oosc::openapi::Transport;

std::unique_ptr<Transport> transport(long timeoutMs = 10000) {
  oosc::openapi::TransportOptions options;
  options.connectTimeoutMs = timeoutMs;
  options.readTimeoutMs = timeoutMs;
  auto made = oosc::openapi::makeCurlTransport(options);
  EXPECT_TRUE(made.ok()) << (made.ok() ? "" : made.error().message);
  return made.ok() ? std::move(made.value()) : nullptr;
}

TEST(CurlTransport, SendsMethodPathHeadersAndBodyAndReadsTheAnswer) {
  oosc::testing::OneRequestServer server(400, R"({"Code":"InvalidParameter"})");
  auto http = transport();
  ASSERT_TRUE(http);
  HttpRequest request;
  request.method = "POST";
  request.url = server.uri("/?Action=DescribeRegions");
  request.headers = {{"x-acs-action", "DescribeRegions"}, {"content-type", "application/x-www-form-urlencoded"}};
  request.body = "RegionId=cn-hangzhou";
  auto answer = http->send(request);
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ(answer.value().status, 400);
  EXPECT_EQ(answer.value().body, R"({"Code":"InvalidParameter"})");
  EXPECT_EQ(answer.value().header("CONTENT-TYPE"), "application/json");

  oosc::testing::HttpRequest sent = oosc::testing::parseHttpRequest(server.received());
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.target, "/?Action=DescribeRegions");
  EXPECT_EQ(sent.header("x-acs-action"), "DescribeRegions");
  EXPECT_EQ(sent.header("User-Agent"), "oosc/0.1.0");
  EXPECT_EQ(sent.header("Expect"), "");
  EXPECT_EQ(sent.body, "RegionId=cn-hangzhou");
}

TEST(CurlTransport, GetHasNoBody) {
  oosc::testing::OneRequestServer server(200, "{}");
  auto http = transport();
  ASSERT_TRUE(http);
  HttpRequest request;
  request.method = "GET";
  request.url = server.uri("/clusters/c-1");
  ASSERT_TRUE(http->send(request).ok());
  oosc::testing::HttpRequest sent = oosc::testing::parseHttpRequest(server.received());
  EXPECT_EQ(sent.method, "GET");
  EXPECT_EQ(sent.target, "/clusters/c-1");
  EXPECT_EQ(sent.body, "");
}

TEST(CurlTransport, ARefusedConnectionIsAnErrorBeforeSending) {
  int port;
  {
    oosc::testing::KeepAliveServer closed(200, "{}");
    port = closed.port();
  }
  auto http = transport();
  ASSERT_TRUE(http);
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  auto answer = http->send(request);
  ASSERT_FALSE(answer.ok());
  EXPECT_TRUE(answer.error().beforeSending);
  EXPECT_NE(answer.error().message.find("127.0.0.1:" + std::to_string(port)), std::string::npos)
      << answer.error().message;
}

TEST(CurlTransport, ASilentServerTimesOut) {
  // Listening but never accepting: the connection completes in the kernel's
  // backlog and no answer ever comes.
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 4), 0);
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
  auto http = transport(300);
  ASSERT_TRUE(http);
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/";
  auto answer = http->send(request);
  close(listener);
  ASSERT_FALSE(answer.ok());
  EXPECT_TRUE(answer.error().timedOut) << answer.error().message;
  EXPECT_FALSE(answer.error().beforeSending);
}

TEST(CurlTransport, SequentialCallsShareOneConnection) {
  oosc::testing::KeepAliveServer server(200, R"({"RequestId":"r"})");
  auto http = transport();
  ASSERT_TRUE(http);
  HttpRequest request;
  request.url = server.uri("/");
  for (int i = 0; i < 100; ++i)
    ASSERT_TRUE(http->send(request).ok());
  EXPECT_EQ(server.requests(), 100);
  EXPECT_EQ(server.connections(), 1);
  EXPECT_EQ(http->connectionsOpened(), 1);
}

TEST(CurlTransport, ConcurrentCallsOpenAboutOneConnectionEach) {
  oosc::testing::KeepAliveServer server(200, R"({"RequestId":"r"})");
  auto http = transport();
  ASSERT_TRUE(http);
  constexpr int kThreads = 8, kCallsEach = 40;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      HttpRequest request;
      request.url = server.uri("/");
      for (int i = 0; i < kCallsEach; ++i)
        if (!http->send(request).ok())
          ++failures;
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(server.requests(), kThreads * kCallsEach);
  EXPECT_LE(server.connections(), kThreads);
  EXPECT_EQ(http->connectionsOpened(), server.connections());
}

} // namespace
