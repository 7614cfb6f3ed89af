// Cs.cpp - Container Service for Kubernetes (ACK) on the simulated cloud,
// beside the generic engine's clusters and nodes: DescribeClusterAttachScripts,
// whose answer is not JSON but the command that joins an ECS instance to the
// cluster, handed to templates as `data` (as the real-cloud client does); the
// kubeconfig a user reaches the cluster's API server with; nodes removed
// from a cluster (DeleteClusterNodes), their ECS instances released when
// asked.
#include "World.h"
#include "generic/GenericEngine.h"

#include <algorithm>
#include <set>

namespace oosc::runtime::sim::cs {
namespace {

/// The cluster the call's ClusterId names, or ACK's error for one that
/// does not exist.
Outcome<Value *, ApiError> clusterOf(World &world, const Request &request) {
  auto clusterId = request.required("ClusterId");
  if (!clusterId)
    return clusterId.error();
  Value *cluster = findResource(world, "CS::Cluster", "cluster_id", clusterId.value());
  if (!cluster)
    return notFound("ErrorClusterNotFound", "The cluster " + clusterId.value() + " does not exist.");
  return cluster;
}

/// A kubeconfig of the cluster's API server for the account's user; the
/// credentials are the simulator's own, good for nothing outside it.
std::string kubeconfigOf(World &world, const Value &cluster, bool privateAddress) {
  std::string id(textOf(cluster, "cluster_id")), region(textOf(cluster, "region_id"));
  std::string server = privateAddress ? "https://192.168.0.1:6443" : "https://" + id + "." + region + ".cs.aliyuncs.com:6443";
  std::string user = "sim-user-" + id;
  return "apiVersion: v1\nclusters:\n- cluster:\n    server: " + server +
         "\n    certificate-authority-data: c2ltdWxhdGVk\n  name: kubernetes\ncontexts:\n- context:\n"
         "    cluster: kubernetes\n    user: \"" + user + "\"\n  name: " + user + "\ncurrent-context: " + user +
         "\nkind: Config\npreferences: {}\nusers:\n- name: \"" + user + "\"\n  user:\n    token: " +
         world.nextId("kubetoken") + "\n";
}

/// The kubeconfig answer; ACK's older API (\p withExpiration) also says
/// when the credentials lapse: three years on, or TemporaryDurationMinutes.
Result kubeconfigAnswer(World &world, const Request &request, bool withExpiration) {
  auto cluster = clusterOf(world, request);
  if (!cluster)
    return cluster.error();
  auto privateAddress = request.boolean("PrivateIpAddress", false);
  if (!privateAddress)
    return privateAddress.error();
  auto minutes = request.integer("TemporaryDurationMinutes", 3 * 365 * 24 * 60, 15, 3 * 365 * 24 * 60);
  if (!minutes)
    return minutes.error();
  Value answer = object();
  answer.set("config", kubeconfigOf(world, *cluster.value(), privateAddress.value()));
  if (withExpiration)
    answer.set("expiration", formatTime(world.now() + minutes.value() * 60 * 1000));
  return answer;
}

} // namespace

Result describeClusterUserKubeconfig(World &world, const Request &request) {
  return kubeconfigAnswer(world, request, true);
}

Result describeClusterV2UserKubeconfig(World &world, const Request &request) {
  return kubeconfigAnswer(world, request, false);
}

Result describeClusterAttachScripts(World &world, const Request &request) {
  auto found = clusterOf(world, request);
  if (!found)
    return found.error();
  const Value *cluster = found.value();
  // The shape of ACK's script: download the attach program, run it with a
  // token bound to the cluster. In a simulated instance the download is a
  // stand-in and the pipe runs nothing.
  std::string region(textOf(*cluster, "region_id"));
  std::string script = "curl -s https://aliacs-k8s-" + region + ".oss-" + region +
                       "-internal.aliyuncs.com/public/pkg/run/attach/1.30.1-aliyun.1/attach_node.sh | bash -s -- "
                       "--openapi-token " + world.nextId("token") + " --ess true --cluster-id " +
                       std::string(textOf(*cluster, "cluster_id"));
  Value answer = object();
  answer.set("data", script);
  return answer;
}

namespace {

/// A restful call's JSON body, given as a map or as its text.
std::optional<Value> bodyOf(const Request &request) {
  const Value *body = request.find("body");
  if (body && body->isString())
    return parseJson(body->getString());
  return body && body->isMap() ? std::optional<Value>(*body) : std::nullopt;
}

bool flagOf(const Value &body, std::string_view name) {
  const Value *flag = body.find(name);
  return flag && ((flag->isBool() && flag->getBool()) || (flag->isString() && flag->getString() == "true"));
}

} // namespace

Result deleteClusterNodes(World &world, const Request &request) {
  auto found = clusterOf(world, request);
  if (!found)
    return found.error();
  Value &cluster = *found.value();
  std::string clusterId(textOf(cluster, "cluster_id")), region(textOf(cluster, "region_id"));
  std::optional<Value> body = bodyOf(request);
  const Value *nodes = body ? body->find("nodes") : nullptr;
  if (!nodes || !nodes->isList() || nodes->getList().empty())
    return missingParameter("nodes");
  // Every node named must be the cluster's before any is removed.
  std::set<std::string> instances;
  for (const Value &node : nodes->getList()) {
    std::string name = node.isString() ? node.getString() : node.toJson();
    const Value *record = findResource(world, "CS::ClusterNode", "node_name", name);
    if (!record || textOf(*record, "cluster_id") != clusterId)
      return invalidParameter("nodes", name + " is not a node of cluster " + clusterId);
    instances.emplace(textOf(*record, "instance_id"));
  }
  // Before the nodes go: removing records moves the ones after them.
  std::int64_t size = integerOf(cluster, "size", 0) - static_cast<std::int64_t>(instances.size());
  cluster.set("size", Value(std::max<std::int64_t>(0, size)));
  Value::List &resources = world.records(section::Resources);
  resources.erase(std::remove_if(resources.begin(), resources.end(),
                                 [&](const Value &record) {
                                   const Value *kind = simulatedMember(record, "Kind");
                                   return kind && *kind == Value("CS::ClusterNode") &&
                                          instances.count(std::string(textOf(record, "instance_id")));
                                 }),
                  resources.end());
  // release_node: ACK releases the nodes' pay-as-you-go instances too.
  if (flagOf(*body, "release_node"))
    for (const std::string &instanceId : instances)
      ecs::releaseInstance(world, instanceId);
  Value answer = object();
  answer.set("cluster_id", clusterId);
  answer.set("task_id", generic::addDoneTask(world, "CS::Task", region, clusterId));
  return answer;
}

} // namespace oosc::runtime::sim::cs
