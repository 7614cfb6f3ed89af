#include "support/LoopbackServer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>

namespace oosc::testing {

namespace {

std::string lowerCase(std::string text) {
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

/// The `Name: value` lines of \p headerLines (CRLF separated), values
/// without their leading blanks.
std::vector<std::pair<std::string, std::string>> headerList(const std::string &headerLines) {
  std::vector<std::pair<std::string, std::string>> list;
  std::size_t at = 0;
  while (at < headerLines.size()) {
    std::size_t end = headerLines.find("\r\n", at);
    if (end == std::string::npos)
      end = headerLines.size();
    std::string line = headerLines.substr(at, end - at);
    std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::size_t first = line.find_first_not_of(" \t", colon + 1);
      list.emplace_back(line.substr(0, colon), first == std::string::npos ? "" : line.substr(first));
    }
    at = end + 2;
  }
  return list;
}

/// The value of a header in \p headerLines, any case.
std::string headerValue(const std::string &headerLines, const std::string &name) {
  for (const auto &[headerName, value] : headerList(headerLines))
    if (lowerCase(headerName) == lowerCase(name))
      return value;
  return "";
}

int listenOnLoopback(int &port) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
  listen(listener, 64);
  socklen_t length = sizeof address;
  getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
  port = ntohs(address.sin_port);
  return listener;
}

} // namespace

OneRequestServer::OneRequestServer(int status, std::string body) : status_(status), body_(std::move(body)) {
  listener_ = listenOnLoopback(port_);
  thread_ = std::thread([this] { serve(); });
}

OneRequestServer::~OneRequestServer() { received(); }

const std::string &OneRequestServer::received() {
  if (thread_.joinable()) {
    shutdown(listener_, SHUT_RDWR); // an accept still waiting gives up
    thread_.join();
    close(listener_);
  }
  return request_;
}

void OneRequestServer::serve() {
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
  std::string answer = "HTTP/1.1 " + std::to_string(status_) + " X\r\nContent-Length: " +
                       std::to_string(body_.size()) + "\r\n" +
                       (body_.empty() ? "" : "Content-Type: application/json\r\n") + "Connection: close\r\n\r\n" +
                       body_;
  (void)write(connection, answer.data(), answer.size());
  close(connection);
}

/// Headers ended and Content-Length bytes of body arrived.
bool OneRequestServer::complete() const {
  size_t end = request_.find("\r\n\r\n");
  if (end == std::string::npos)
    return false;
  std::string length = headerValue(request_.substr(0, end + 2), "Content-Length");
  size_t expected = length.empty() ? 0 : std::strtoul(length.c_str(), nullptr, 10);
  return request_.size() >= end + 4 + expected;
}

std::string HttpRequest::header(const std::string &name) const { return headerValue(headers, name); }

std::vector<std::pair<std::string, std::string>> HttpRequest::headerFields() const { return headerList(headers); }

HttpRequest parseHttpRequest(const std::string &raw) {
  HttpRequest request;
  std::size_t lineEnd = raw.find("\r\n");
  std::size_t headersEnd = raw.find("\r\n\r\n");
  if (lineEnd == std::string::npos || headersEnd == std::string::npos)
    return request;
  std::string line = raw.substr(0, lineEnd);
  std::size_t space = line.find(' ');
  std::size_t secondSpace = line.find(' ', space + 1);
  request.method = line.substr(0, space);
  request.target = line.substr(space + 1, secondSpace - space - 1);
  request.headers = raw.substr(lineEnd + 2, headersEnd - lineEnd);
  request.body = raw.substr(headersEnd + 4);
  return request;
}

} // namespace oosc::testing

namespace oosc::testing {

namespace {

/// Bytes of the first complete request in \p buffer, or 0 when incomplete.
std::size_t completeRequestLength(const std::string &buffer) {
  size_t end = buffer.find("\r\n\r\n");
  if (end == std::string::npos)
    return 0;
  std::string length = headerValue(buffer.substr(0, end + 2), "Content-Length");
  size_t total = end + 4 + (length.empty() ? 0 : std::strtoul(length.c_str(), nullptr, 10));
  return buffer.size() >= total ? total : 0;
}

} // namespace

KeepAliveServer::KeepAliveServer(int status, std::string body)
    : KeepAliveServer([status, body = std::move(body)](const HttpRequest &) { return Answer{status, body}; }) {}

KeepAliveServer::KeepAliveServer(Handler handler) : handler_(std::move(handler)) {
  listener_ = listenOnLoopback(port_);
  acceptor_ = std::thread([this] { acceptLoop(); });
}

KeepAliveServer::~KeepAliveServer() {
  stopping_ = true;
  shutdown(listener_, SHUT_RDWR);
  acceptor_.join();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int connection : open_)
      shutdown(connection, SHUT_RDWR);
  }
  for (std::thread &worker : workers_)
    worker.join();
  for (int connection : open_)
    close(connection);
  close(listener_);
}

void KeepAliveServer::acceptLoop() {
  while (!stopping_) {
    int connection = accept(listener_, nullptr, nullptr);
    if (connection < 0)
      return;
    ++connections_;
    std::lock_guard<std::mutex> lock(mutex_);
    open_.push_back(connection);
    workers_.emplace_back([this, connection] { serveConnection(connection); });
  }
}

void KeepAliveServer::serveConnection(int connection) {
  std::string buffer;
  char chunk[4096];
  for (;;) {
    std::size_t length;
    while ((length = completeRequestLength(buffer)) == 0) {
      ssize_t got = read(connection, chunk, sizeof chunk);
      if (got <= 0)
        return; // closed by the destructor, with the others
      buffer.append(chunk, static_cast<size_t>(got));
    }
    HttpRequest request = parseHttpRequest(buffer.substr(0, length));
    buffer.erase(0, length);
    ++requests_;
    Answer reply;
    {
      std::lock_guard<std::mutex> lock(handlerMutex_);
      reply = handler_(request);
    }
    std::string answer = "HTTP/1.1 " + std::to_string(reply.status) + " X\r\nContent-Length: " +
                         std::to_string(reply.body.size()) + "\r\nContent-Type: application/json\r\n\r\n" +
                         reply.body;
    if (write(connection, answer.data(), answer.size()) < 0)
      return;
  }
}

} // namespace oosc::testing
