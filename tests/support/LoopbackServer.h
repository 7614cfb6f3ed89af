//===- LoopbackServer.h - One HTTP request received on 127.0.0.1 -----------===//
//
// A real socket on the loopback interface, served by a thread of the test:
// it accepts one connection, keeps the request it reads (headers and a
// Content-Length body) and answers with a fixed status and body. Tests use
// it to see what a client really sends: a runner's webhook, Alibaba's SDK
// clients' OpenAPI calls.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <thread>

namespace oosc::testing {

class OneRequestServer {
public:
  /// Answers \p status with \p body (as application/json when not empty).
  explicit OneRequestServer(int status, std::string body = "");
  ~OneRequestServer();
  OneRequestServer(const OneRequestServer &) = delete;
  OneRequestServer &operator=(const OneRequestServer &) = delete;

  int port() const { return port_; }
  std::string uri(const std::string &path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  /// The request received (empty if none came); stops the server.
  const std::string &received();

private:
  void serve();
  bool complete() const;

  int status_;
  std::string body_;
  int listener_ = -1;
  int port_ = 0;
  std::string request_;
  std::thread thread_;
};

/// Parts of a raw HTTP/1.1 request.
struct HttpRequest {
  std::string method;
  std::string target; ///< path and query, as sent
  std::string body;
  /// The value of header \p name (any case), or empty.
  std::string header(const std::string &name) const;
  std::string headers; ///< the header lines, as sent
};

HttpRequest parseHttpRequest(const std::string &raw);

} // namespace oosc::testing
