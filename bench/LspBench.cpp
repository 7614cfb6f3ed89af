//===- LspBench.cpp - oosc lsp latency and memory, through real pipes ------===//
//
// usage: lsp_bench OOSC
// Spawns `OOSC lsp` and measures:
//  1. spawn to the initialize response;
//  2. didChange to publishDiagnostics on a 1,000-line template, over 100
//     edits (median and 99th percentile);
//  3. the server's peak memory with 100 such documents open.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

class ServerProcess {
public:
  explicit ServerProcess(const std::string &oosc) {
    int toServer[2], fromServer[2];
    if (pipe(toServer) != 0 || pipe(fromServer) != 0)
      std::perror("pipe");
    pid_ = fork();
    if (pid_ == 0) {
      dup2(toServer[0], STDIN_FILENO);
      dup2(fromServer[1], STDOUT_FILENO);
      close(toServer[1]);
      close(fromServer[0]);
      execl(oosc.c_str(), oosc.c_str(), "lsp", nullptr);
      _exit(127);
    }
    close(toServer[0]);
    close(fromServer[1]);
    in_ = toServer[1];
    out_ = fromServer[0];
  }

  void send(const std::string &body) {
    std::string message = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    for (size_t written = 0; written < message.size();) {
      ssize_t n = write(in_, message.data() + written, message.size() - written);
      if (n <= 0)
        return;
      written += static_cast<size_t>(n);
    }
  }

  /// Reads messages until one contains `needle`.
  void waitFor(const std::string &needle) {
    for (;;) {
      std::string body = readMessage();
      if (body.empty() || body.find(needle) != std::string::npos)
        return;
    }
  }

  long finish() {
    send(R"({"jsonrpc":"2.0","id":999,"method":"shutdown"})");
    waitFor("\"id\":999");
    send(R"({"jsonrpc":"2.0","method":"exit"})");
    close(in_);
    int status = 0;
    struct rusage usage {};
    wait4(pid_, &status, 0, &usage);
    return usage.ru_maxrss;
  }

private:
  std::string readMessage() {
    std::string header;
    char c;
    while (header.find("\r\n\r\n") == std::string::npos) {
      if (read(out_, &c, 1) != 1)
        return "";
      header += c;
    }
    size_t length = std::stoul(header.substr(header.find(':') + 1));
    std::string body(length, '\0');
    for (size_t got = 0; got < length;) {
      ssize_t n = read(out_, body.data() + got, length - got);
      if (n <= 0)
        return "";
      got += static_cast<size_t>(n);
    }
    return body;
  }

  pid_t pid_;
  int in_, out_;
};

std::string escape(const std::string &text) {
  std::string out;
  for (char c : text)
    out += c == '\n' ? std::string("\\n") : c == '"' ? std::string("\\\"") : std::string(1, c);
  return out;
}

/// About 1,000 lines: parameters and tasks that reference each other.
std::string thousandLines() {
  std::string text = "FormatVersion: OOS-2019-06-01\nParameters:\n  regionId:\n    Type: String\n"
                     "    Default: cn-hangzhou\nTasks:\n";
  for (int i = 0; i < 90; ++i)
    text += "  - Name: task" + std::to_string(i) +
            "\n    Action: ACS::ExecuteAPI\n    Properties:\n      Service: ECS\n"
            "      API: DescribeInstances\n      Parameters:\n        RegionId: '{{ regionId }}'\n"
            "    Outputs:\n      ids:\n        Type: List\n        ValueSelector: Instances.Instance[].InstanceId\n";
  return text;
}

std::string didOpen(const std::string &uri, const std::string &text) {
  return R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":")" + uri +
         R"(","languageId":"yaml","version":1,"text":")" + escape(text) + R"("}}})";
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: lsp_bench OOSC\n");
    return 2;
  }
  std::string oosc = argv[1];
  std::string text = thousandLines();
  size_t lines = std::count(text.begin(), text.end(), '\n');

  std::vector<double> startups;
  for (int i = 0; i < 10; ++i) {
    auto start = Clock::now();
    ServerProcess server(oosc);
    server.send(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
    server.waitFor("\"id\":1");
    startups.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    server.finish();
  }
  std::sort(startups.begin(), startups.end());

  ServerProcess server(oosc);
  server.send(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");
  server.waitFor("\"id\":1");
  server.send(didOpen("file:///bench/doc0.yaml", text));
  server.waitFor("publishDiagnostics");
  std::vector<double> latencies;
  for (int edit = 0; edit < 100; ++edit) {
    // Type one character into a task name, as a person would.
    std::string change = R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":)"
                         R"({"uri":"file:///bench/doc0.yaml","version":)" + std::to_string(edit + 2) +
                         R"(},"contentChanges":[{"range":{"start":{"line":6,"character":16},)"
                         R"("end":{"line":6,"character":16}},"text":"x"}]}})";
    auto start = Clock::now();
    server.send(change);
    server.waitFor("publishDiagnostics");
    latencies.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(latencies.begin(), latencies.end());
  for (int i = 1; i < 100; ++i) {
    server.send(didOpen("file:///bench/doc" + std::to_string(i) + ".yaml", text));
    server.waitFor("publishDiagnostics");
  }
  long memoryKiB = server.finish();

  std::printf("%-56s %10s %12s\n", "measure", "figure", "target");
  std::printf("%-56s %8.1fms %12s\n", "spawn to initialize response (median of 10)", startups[5], "<= 50 ms");
  std::printf("%-56s %8.2fms %12s\n",
              ("didChange to publishDiagnostics, " + std::to_string(lines) + " lines, median").c_str(),
              latencies[50], "<= 5 ms");
  std::printf("%-56s %8.2fms %12s\n", "  99th percentile of 100 edits", latencies[98], "<= 20 ms");
  std::printf("%-56s %8.1fMB %12s\n", "peak memory with 100 such documents open", memoryKiB / 1024.0,
              "<= 30 MB");
  return 0;
}
