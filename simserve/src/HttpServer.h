// HttpServer.h - A small HTTP/1.1 server for the simulated cloud's front.
//
// Enough HTTP for OpenAPI clients: requests with a Content-Length body (no
// chunked uploads: 411), keep-alive connections, a thread per open
// connection up to a limit (past it a client gets 503 and the connection is
// closed), headers up to 64 KB and bodies up to 16 MB. stop() closes the
// listener and every connection and waits for the threads.
#ifndef OOSC_SIMSERVE_HTTPSERVER_H
#define OOSC_SIMSERVE_HTTPSERVER_H

#include "oosc/openapi/Signing.h"
#include "oosc/runtime/Outcome.h"

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace oosc::simserve {

struct IncomingRequest {
  std::string method;
  std::string target; ///< path and query as sent
  openapi::Fields headers;
  std::string body;
  std::string header(std::string_view name) const; ///< any case; "" when absent
};

struct OutgoingResponse {
  int status = 200;
  std::string contentType = "application/json;charset=utf-8";
  std::string body;
};

using RequestHandler = std::function<OutgoingResponse(const IncomingRequest &)>;

class HttpServer {
public:
  /// Listens on \p host (an IPv4 address) and \p port (0: a free one).
  static runtime::Outcome<std::unique_ptr<HttpServer>> listen(const std::string &host, int port,
                                                               RequestHandler handler,
                                                               unsigned maxConnections = 256);
  ~HttpServer();
  HttpServer(const HttpServer &) = delete;
  HttpServer &operator=(const HttpServer &) = delete;

  int port() const { return port_; }
  /// Connections accepted so far (a measure of the clients' reuse).
  std::uint64_t connectionsAccepted() const { return accepted_.load(); }
  void stop();

private:
  HttpServer(int listener, int port, RequestHandler handler, unsigned maxConnections);
  struct Connection {
    int fd = -1;
    std::thread thread;
    std::atomic<bool> done{false};
  };

  void acceptLoop();
  void serveConnection(Connection &connection);
  /// Joins the threads of connections that ended and closes their sockets.
  void reapEnded();

  int listener_;
  int port_;
  RequestHandler handler_;
  unsigned maxConnections_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> accepted_{0};
  std::mutex mutex_;
  std::list<std::unique_ptr<Connection>> connections_;
  std::thread acceptor_;
};

} // namespace oosc::simserve

#endif
