//===- WireBench.cpp - Runners and the simulated cloud over loopback HTTP --===//
//
// usage: wire_bench OOSC
// Measures, on 127.0.0.1:
//  1. the OpenAPI client's round trip to the served simulator (signing v3,
//     libcurl on a kept connection, the simulator's answer), median of 5,000
//     DescribeRegions at zero latency; and a runner's cost per call over
//     HTTP: a 1,000-task template against a 1-task one, as runner_bench
//     does on the built-in simulator;
//  2. a runner's Loop of 1,000 items at Concurrency 50 over HTTP, the
//     served simulator answering after 100 ms of real latency: its time
//     against the ideal ceil(1000/50) x 100 ms, and the connections it
//     opened;
//  3. the served simulator's throughput on one core: `oosc sim serve` pinned
//     to CPU 0, this process's clients on CPU 1, DescribeInstances for 5 s.
//
//===----------------------------------------------------------------------===//
#include "BenchSupport.h"
#include "support/SimServeClient.h"

#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/AliyunCloud.h"
#include "oosc/simserve/SimServe.h"

#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using oosc::runtime::Value;
using oosc::bench::loopTemplate;
using oosc::bench::tasksTemplate;
using oosc::bench::timed;
using oosc::bench::write;

oosc::openapi::AliyunCloud clientOf(const std::string &url) {
  oosc::openapi::AliyunCloudOptions options = oosc::testing::simServeClientOptions(url);
  options.retry.maxAttempts = 1;
  return oosc::openapi::AliyunCloud(std::move(options));
}

/// The seconds the runner's JSON progress log gives task \p task, or -1.
double taskSeconds(const std::string &logFile, const std::string &task) {
  std::ifstream log(logFile);
  for (std::string line; std::getline(log, line);) {
    std::optional<Value> event = oosc::runtime::parseJson(line);
    const Value *kind = event ? event->find("event") : nullptr;
    const Value *name = event ? event->find("task") : nullptr;
    const Value *seconds = event ? event->find("seconds") : nullptr;
    if (kind && name && seconds && kind->toDisplayString() == "task" && name->toDisplayString() == task &&
        seconds->isNumber())
      return seconds->isReal() ? seconds->getReal() : static_cast<double>(seconds->getInteger());
  }
  return -1;
}

std::unique_ptr<oosc::simserve::SimServe> serve(std::chrono::milliseconds latency) {
  oosc::simserve::SimServeOptions options;
  options.simulator.latency = latency;
  auto served = oosc::simserve::SimServe::start(options, oosc::apis::cloudApis());
  if (!served) {
    std::fprintf(stderr, "wire_bench: %s\n", served.error().message.c_str());
    std::exit(1);
  }
  return std::move(served.value());
}

double medianRoundTripMicros(const std::string &url) {
  auto client = clientOf(url);
  std::vector<double> micros;
  for (int i = 0; i < 5200; ++i) {
    auto start = Clock::now();
    auto answer = client.call("ECS", "DescribeRegions", Value(Value::Map{}));
    double took = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
    if (!answer) {
      std::fprintf(stderr, "wire_bench: %s\n", answer.error().message.c_str());
      return -1;
    }
    if (i >= 200) // the first calls open the connection and warm the caches
      micros.push_back(took);
  }
  std::sort(micros.begin(), micros.end());
  return micros[micros.size() / 2];
}

/// `oosc sim serve` pinned to CPU 0; its URL from its first line.
pid_t startServerOnOneCore(const std::string &oosc, std::string &url) {
  int pipeFds[2];
  if (pipe(pipeFds) != 0)
    return -1;
  pid_t pid = fork();
  if (pid == 0) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    sched_setaffinity(0, sizeof set, &set);
    dup2(pipeFds[1], STDOUT_FILENO);
    freopen("/dev/null", "w", stderr);
    close(pipeFds[0]);
    execl(oosc.c_str(), oosc.c_str(), "sim", "serve", "--listen", "127.0.0.1:0", static_cast<char *>(nullptr));
    _exit(127);
  }
  close(pipeFds[1]);
  std::string line;
  char c;
  while (read(pipeFds[0], &c, 1) == 1 && c != '\n')
    line += c;
  close(pipeFds[0]);
  std::string prefix = "listening on ";
  url = line.rfind(prefix, 0) == 0 ? line.substr(prefix.size()) : "";
  return pid;
}

double describeInstancesPerSecond(const std::string &url, int threads, double seconds) {
  std::atomic<long> answered{0}, failed{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int t = 0; t < threads; ++t)
    clients.emplace_back([&] {
      auto client = clientOf(url);
      while (!stop)
        (client.call("ECS", "DescribeInstances", Value(Value::Map{{"RegionId", "cn-hangzhou"}})) ? answered
                                                                                                  : failed)++;
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(500)); // warm up
  long before = answered.load();
  auto start = Clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  long during = answered.load() - before;
  double took = std::chrono::duration<double>(Clock::now() - start).count();
  stop = true;
  for (std::thread &client : clients)
    client.join();
  if (failed.load() > 0)
    std::fprintf(stderr, "wire_bench: %ld DescribeInstances failed\n", failed.load());
  return during / took;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: wire_bench OOSC\n");
    return 2;
  }
  std::string oosc = argv[1];
  fs::path dir = fs::temp_directory_path() / ("oosc-wire-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  setenv("ALIBABA_CLOUD_ACCESS_KEY_ID", oosc::simserve::kTestKeyId, 1);
  setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", oosc::simserve::kTestKeySecret, 1);

  auto quick = serve(std::chrono::milliseconds(0));
  double roundTrip = medianRoundTripMicros(quick->url());
  std::string one = (dir / "one").string(), many = (dir / "many").string();
  timed({oosc, "build", write(dir / "one.yaml", tasksTemplate(1)), "-o", one});
  timed({oosc, "build", write(dir / "many.yaml", tasksTemplate(1000)), "-o", many});
  std::vector<std::string> overHttp = {"--cloud", "aliyun", "--endpoint", quick->url(), "--no-journal"};
  auto runOver = [&](const std::string &runner) {
    std::vector<std::string> command = {runner};
    command.insert(command.end(), overHttp.begin(), overHttp.end());
    double best = 1e9;
    for (int i = 0; i < 3; ++i)
      best = std::min(best, timed(command));
    return best;
  };
  double perCall = (runOver(many) - runOver(one)) / 999;
  quick.reset();

  auto slow = serve(std::chrono::milliseconds(100));
  std::string loop = (dir / "loop").string();
  timed({oosc, "build", write(dir / "loop.yaml", loopTemplate(1000, 50)), "-o", loop});
  std::uint64_t connectionsBefore = slow->connectionsAccepted();
  std::string log = (dir / "loop.log").string();
  double loopProcess =
      timed({loop, "--cloud", "aliyun", "--endpoint", slow->url(), "--no-journal", "--log", "json"}, log);
  // The loop's own time, from the runner's progress log: the process also
  // starts, and asks STS who it is (one more call of 100 ms) before it.
  double loopRun = loopProcess < 0 ? -1 : taskSeconds(log, "callEach");
  std::uint64_t connections = slow->connectionsAccepted() - connectionsBefore;
  slow.reset();
  double ideal = 20 * 0.1;

  std::string url;
  pid_t server = startServerOnOneCore(oosc, url);
  double perSecond = -1;
  if (server > 0 && !url.empty()) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(1, &set);
    sched_setaffinity(0, sizeof set, &set);
    perSecond = describeInstancesPerSecond(url, 8, 5);
    kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
  }

  std::printf("%-58s %10s %12s\n", "measure", "figure", "target");
  std::printf("%-58s %8.1fus %12s\n", "client round trip to the served simulator (median)", roundTrip, "");
  std::printf("%-58s %8.1fus %12s\n", "runner cost per call over HTTP (1,000 tasks, 0 latency)", perCall * 1e6,
              "<= 150 us");
  std::printf("%-58s %9.2fs %12s\n", "Loop 1,000 items, Concurrency 50, 100 ms, over HTTP", loopRun,
              "<= 2.10 s");
  std::printf("%-58s %9.1f%% %12s\n", "  over the ideal ceil(1000/50) x 100 ms = 2.00 s",
              (loopRun / ideal - 1) * 100, "<= 5 %");
  std::printf("%-58s %9.2fs %12s\n", "  the runner's whole process (start, STS, loop)", loopProcess, "");
  std::printf("%-58s %10llu %12s\n", "  connections it opened", static_cast<unsigned long long>(connections),
              "<= 60");
  std::printf("%-58s %10.0f %12s\n", "served DescribeInstances a second, server on one core", perSecond,
              ">= 5,000");
  fs::remove_all(dir);
  return roundTrip < 0 || perCall < 0 || loopRun < 0 || perSecond < 0 ? 1 : 0;
}
