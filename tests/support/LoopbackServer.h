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

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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
  /// Every header, name as sent and value.
  std::vector<std::pair<std::string, std::string>> headerFields() const;
  std::string headers; ///< the header lines, as sent
};

HttpRequest parseHttpRequest(const std::string &raw);

} // namespace oosc::testing

namespace oosc::testing {

/// An HTTP/1.1 server on 127.0.0.1 that keeps connections open: a thread per
/// connection answers every request on it with \p status and \p body, or
/// with what a handler says. It counts the connections it accepted and the
/// requests it answered.
class KeepAliveServer {
public:
  struct Answer {
    int status = 200;
    std::string body;
  };
  /// Called from the connection's thread, one request at a time per server.
  using Handler = std::function<Answer(const HttpRequest &)>;

  KeepAliveServer(int status, std::string body);
  explicit KeepAliveServer(Handler handler);
  ~KeepAliveServer();
  KeepAliveServer(const KeepAliveServer &) = delete;
  KeepAliveServer &operator=(const KeepAliveServer &) = delete;

  int port() const { return port_; }
  std::string uri(const std::string &path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  int connections() const { return connections_.load(); }
  int requests() const { return requests_.load(); }

private:
  void acceptLoop();
  void serveConnection(int connection);

  Handler handler_;
  std::mutex handlerMutex_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> connections_{0};
  std::atomic<int> requests_{0};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<int> open_;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

} // namespace oosc::testing
