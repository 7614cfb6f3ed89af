// Cs.cpp - Container Service for Kubernetes (ACK) on the simulated cloud,
// beside the generic engine's clusters and nodes: DescribeClusterAttachScripts,
// whose answer is not JSON but the command that joins an ECS instance to the
// cluster, handed to templates as `data` (as the real-cloud client does).
#include "World.h"

namespace oosc::runtime::sim::cs {

Result describeClusterAttachScripts(World &world, const Request &request) {
  auto clusterId = request.required("ClusterId");
  if (!clusterId)
    return clusterId.error();
  const Value *cluster = findResource(world, "CS::Cluster", "cluster_id", clusterId.value());
  if (!cluster)
    return notFound("ErrorClusterNotFound", "The cluster " + clusterId.value() + " does not exist.");
  // The shape of ACK's script: download the attach program, run it with a
  // token bound to the cluster. In a simulated instance the download is a
  // stand-in and the pipe runs nothing.
  std::string region(textOf(*cluster, "region_id"));
  std::string script = "curl -s https://aliacs-k8s-" + region + ".oss-" + region +
                       "-internal.aliyuncs.com/public/pkg/run/attach/1.30.1-aliyun.1/attach_node.sh | bash -s -- "
                       "--openapi-token " + world.nextId("token") + " --ess true --cluster-id " + clusterId.value();
  Value answer = object();
  answer.set("data", script);
  return answer;
}

} // namespace oosc::runtime::sim::cs
