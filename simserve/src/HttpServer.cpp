#include "HttpServer.h"

#include "oosc/openapi/HttpText.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>

namespace oosc::simserve {

namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
constexpr std::size_t kMaxBodyBytes = 16 * 1024 * 1024;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

const char *reasonOf(int status) {
  switch (status) {
  case 200: return "OK";
  case 400: return "Bad Request";
  case 403: return "Forbidden";
  case 404: return "Not Found";
  case 411: return "Length Required";
  case 413: return "Payload Too Large";
  case 431: return "Request Header Fields Too Large";
  case 500: return "Internal Server Error";
  case 501: return "Not Implemented";
  case 503: return "Service Unavailable";
  default: return "Status";
  }
}

bool writeAll(int connection, const std::string &bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t wrote = ::send(connection, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (wrote < 0 && errno == EINTR)
      continue;
    if (wrote <= 0)
      return false;
    sent += static_cast<std::size_t>(wrote);
  }
  return true;
}

bool writeResponse(int connection, const OutgoingResponse &response, bool keepAlive) {
  std::string head = "HTTP/1.1 " + std::to_string(response.status) + " " + reasonOf(response.status) + "\r\n";
  head += "Content-Type: " + response.contentType + "\r\n";
  head += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
  return writeAll(connection, head + response.body);
}

OutgoingResponse plainError(int status, const std::string &message) {
  return {status, "text/plain;charset=utf-8", message + "\n"};
}

/// Appends what the connection has next to \p buffer; false when it ended.
bool receiveMore(int connection, std::string &buffer) {
  char chunk[16384];
  for (;;) {
    ssize_t got = ::recv(connection, chunk, sizeof chunk, 0);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      return false;
    buffer.append(chunk, static_cast<std::size_t>(got));
    return true;
  }
}

/// Reads one request from \p buffer (filled from the connection as needed).
/// Returns nothing when the connection ended or broke; \p refusal is set
/// when the request cannot be served (too large, chunked).
std::optional<IncomingRequest> readRequest(int connection, std::string &buffer,
                                           std::optional<OutgoingResponse> &refusal) {
  std::size_t headerEnd;
  while ((headerEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
    if (buffer.size() > kMaxHeaderBytes) {
      refusal = plainError(431, "request headers larger than 64 KB");
      return std::nullopt;
    }
    if (!receiveMore(connection, buffer))
      return std::nullopt;
  }
  IncomingRequest request;
  std::string_view head(buffer.data(), headerEnd);
  std::size_t lineEnd = head.find("\r\n");
  std::string_view line = head.substr(0, lineEnd);
  std::size_t space = line.find(' '), second = line.find(' ', space + 1);
  if (space == std::string_view::npos || second == std::string_view::npos) {
    refusal = plainError(400, "malformed request line");
    return std::nullopt;
  }
  request.method = line.substr(0, space);
  request.target = line.substr(space + 1, second - space - 1);
  std::size_t contentLength = 0;
  for (std::size_t at = lineEnd == std::string_view::npos ? head.size() : lineEnd + 2; at < head.size();) {
    std::size_t end = std::min(head.find("\r\n", at), head.size());
    std::string_view headerLine = head.substr(at, end - at);
    std::size_t colon = headerLine.find(':');
    if (colon != std::string_view::npos) {
      std::string name(trimmed(headerLine.substr(0, colon)));
      std::string value(trimmed(headerLine.substr(colon + 1)));
      if (openapi::equalsIgnoringCase(name, "Content-Length"))
        contentLength = std::strtoull(value.c_str(), nullptr, 10);
      if (openapi::equalsIgnoringCase(name, "Transfer-Encoding") && !openapi::equalsIgnoringCase(value, "identity")) {
        refusal = plainError(411, "chunked bodies are not accepted: send a Content-Length");
        return std::nullopt;
      }
      request.headers.push_back({std::move(name), std::move(value)});
    }
    at = end + 2;
  }
  if (contentLength > kMaxBodyBytes) {
    refusal = plainError(413, "request body larger than 16 MB");
    return std::nullopt;
  }
  std::size_t total = headerEnd + 4 + contentLength;
  while (buffer.size() < total)
    if (!receiveMore(connection, buffer))
      return std::nullopt;
  request.body = buffer.substr(headerEnd + 4, contentLength);
  buffer.erase(0, total);
  return request;
}

} // namespace

std::string IncomingRequest::header(std::string_view name) const {
  for (const openapi::Field &field : headers)
    if (openapi::equalsIgnoringCase(field.name, name))
      return field.value;
  return "";
}

runtime::Outcome<std::unique_ptr<HttpServer>> HttpServer::listen(const std::string &host, int port,
                                                                  RequestHandler handler,
                                                                  unsigned maxConnections) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1)
    return runtime::fail("'" + host + "' is not an IPv4 address to listen on");
  int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener < 0)
    return runtime::fail(std::string("cannot open a socket: ") + std::strerror(errno));
  int yes = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  if (::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
      ::listen(listener, 512) != 0) {
    std::string why = std::strerror(errno);
    ::close(listener);
    return runtime::fail("cannot listen on " + host + ":" + std::to_string(port) + ": " + why);
  }
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
  return std::unique_ptr<HttpServer>(
      new HttpServer(listener, ntohs(address.sin_port), std::move(handler), maxConnections));
}

HttpServer::HttpServer(int listener, int port, RequestHandler handler, unsigned maxConnections)
    : listener_(listener), port_(port), handler_(std::move(handler)), maxConnections_(maxConnections) {
  acceptor_ = std::thread([this] { acceptLoop(); });
}

HttpServer::~HttpServer() { stop(); }

void HttpServer::stop() {
  if (stopping_.exchange(true))
    return;
  ::shutdown(listener_, SHUT_RDWR);
  acceptor_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto &connection : connections_)
    ::shutdown(connection->fd, SHUT_RDWR);
  for (auto &connection : connections_) {
    connection->thread.join();
    ::close(connection->fd);
  }
  connections_.clear();
  ::close(listener_);
}

void HttpServer::reapEnded() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = connections_.begin(); it != connections_.end();) {
    if (!(*it)->done) {
      ++it;
      continue;
    }
    (*it)->thread.join();
    ::close((*it)->fd);
    it = connections_.erase(it);
  }
}

void HttpServer::acceptLoop() {
  while (!stopping_) {
    int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED)
        continue;
      return;
    }
    ++accepted_;
    reapEnded();
    int yes = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    std::lock_guard<std::mutex> lock(mutex_);
    if (connections_.size() >= maxConnections_) {
      writeResponse(fd, plainError(503, "too many connections"), false);
      ::close(fd);
      continue;
    }
    auto connection = std::make_unique<Connection>();
    connection->fd = fd;
    Connection &served = *connection;
    connections_.push_back(std::move(connection));
    served.thread = std::thread([this, &served] { serveConnection(served); });
  }
}

void HttpServer::serveConnection(Connection &connection) {
  std::string buffer;
  while (!stopping_) {
    std::optional<OutgoingResponse> refusal;
    std::optional<IncomingRequest> request = readRequest(connection.fd, buffer, refusal);
    if (!request) {
      if (refusal)
        writeResponse(connection.fd, *refusal, false);
      break;
    }
    bool keepAlive = !openapi::equalsIgnoringCase(request->header("Connection"), "close");
    OutgoingResponse response = handler_(*request);
    if (!writeResponse(connection.fd, response, keepAlive) || !keepAlive)
      break;
  }
  // The socket is closed by reapEnded() or stop(), which join this thread
  // first: closing it here could let its number be reused while stop()
  // still shuts connections down by number.
  ::shutdown(connection.fd, SHUT_RDWR);
  connection.done = true;
}

} // namespace oosc::simserve
