#include "oosc/simserve/SimServe.h"

#include "HttpServer.h"
#include "OpenApiFront.h"

namespace oosc::simserve {

struct SimServe::Parts {
  std::string host;
  std::unique_ptr<runtime::Clock> clock;
  std::unique_ptr<runtime::SimulatedCloud> cloud;
  std::unique_ptr<OpenApiFront> front;
  std::unique_ptr<HttpServer> server;
  bool stopped = false;
};

runtime::Outcome<std::unique_ptr<SimServe>> SimServe::start(SimServeOptions options, const apis::ApiTable &table) {
  auto parts = std::make_unique<Parts>();
  parts->host = options.host;
  // A served world keeps the wall clock's time (or a multiple of it): its
  // clients wait in real time, so must its resources.
  parts->clock = std::make_unique<runtime::ScaledClock>(options.timeScale);
  options.simulator.clock = parts->clock.get();
  options.simulator.realLatency = true;
  options.simulator.apis = &table; // every API of the table answers
  auto cloud = runtime::SimulatedCloud::open(options.simulator);
  if (!cloud)
    return cloud.error();
  parts->cloud = std::move(cloud.value());
  FrontOptions front;
  front.table = &table;
  if (options.accessKeys.empty())
    front.keys.push_back({kTestKeyId, kTestKeySecret});
  for (auto &[id, secret] : options.accessKeys)
    front.keys.push_back({id, secret});
  front.deniedActions = options.deniedActions;
  front.templateFolders = options.templateFolders;
  parts->front = std::make_unique<OpenApiFront>(*parts->cloud, std::move(front));
  OpenApiFront *handler = parts->front.get();
  auto server = HttpServer::listen(
      options.host, options.port, [handler](const IncomingRequest &request) { return handler->handle(request); },
      options.maxConnections);
  if (!server)
    return server.error();
  parts->server = std::move(server.value());
  return std::unique_ptr<SimServe>(new SimServe(std::move(parts)));
}

SimServe::SimServe(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

SimServe::~SimServe() { stop(); }

int SimServe::port() const { return parts_->server->port(); }

std::string SimServe::url() const { return "http://" + parts_->host + ":" + std::to_string(port()); }

runtime::SimulatedCloud &SimServe::cloud() { return *parts_->cloud; }

std::uint64_t SimServe::requestsServed() const { return parts_->front->requestsHandled(); }

std::uint64_t SimServe::connectionsAccepted() const { return parts_->server->connectionsAccepted(); }

runtime::Outcome<bool> SimServe::stop() {
  if (parts_->stopped)
    return false;
  parts_->stopped = true;
  parts_->server->stop();
  return parts_->cloud->save();
}

} // namespace oosc::simserve
