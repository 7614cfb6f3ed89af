//===- World.h - Internals of the simulated cloud
//--------------------------===//
//
// Shared by the simulator's sources only: the world document and its time,
// request parameter parsing, error and paging helpers, the handler
// declarations of every simulated API and the table that maps API names to
// them. Nothing here is part of the runtime's public interface.
//
// The world is kept as one Value whose records are shaped like the API
// responses that describe them, so Describe* handlers hand records out as
// they are and a snapshot is the state file. Simulator-only bookkeeping of a
// record lives under its "Simulated" member, which responses never show.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Cloud.h"
#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Simulator.h"
#include "oosc/runtime/Value.h"

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::runtime::sim {

/// World time: milliseconds since the Unix epoch.
using Millis = std::int64_t;
/// The largest id counter a world may hold (15 digits): far beyond any
/// run, and far enough below INT64_MAX that counting on cannot overflow.
constexpr std::int64_t MaxIdCounter = 999'999'999'999'999;
using Result = Outcome<Value, ApiError>;
class World;
class ScriptSandbox;

/// How long simulated things take, in world time. Short enough that
/// templates polling with their default retries see them finish, long
/// enough that a poll sees the intermediate states.
namespace delay {
constexpr Millis PendingToStarting = 1000;
constexpr Millis StartingToRunning = 4000;
constexpr Millis Stopping = 3000;
constexpr Millis ForceStopping = 1000;
constexpr Millis RebootStopping = 2000;
constexpr Millis ImageHalfway = 15000;
constexpr Millis ImageSnapshot = 30000;
constexpr Millis InvocationScheduling = 1000;
constexpr Millis CommandRun = 2000;
constexpr Millis AgentInstall = 5000;
} // namespace delay

/// Names of the world's list sections.
namespace section {
constexpr std::string_view Regions = "Regions";
constexpr std::string_view Vpcs = "Vpcs";
constexpr std::string_view VSwitches = "VSwitches";
constexpr std::string_view SecurityGroups = "SecurityGroups";
constexpr std::string_view Images = "Images";
constexpr std::string_view Instances = "Instances";
constexpr std::string_view Commands = "Commands";
constexpr std::string_view Invocations = "Invocations";
constexpr std::string_view ScalingGroups = "ScalingGroups";
constexpr std::string_view ScalingConfigurations = "ScalingConfigurations";
constexpr std::string_view ScalingInstances = "ScalingInstances";
constexpr std::string_view ScalingActivities = "ScalingActivities";
constexpr std::string_view Notifications = "Notifications";
constexpr std::string_view ClientTokens = "ClientTokens";
/// The generic engine's resources (generic/GenericEngine.h), each with its
/// kind and id under Simulated.
constexpr std::string_view Resources = "Resources";
/// OSS buckets (oss/Oss.cpp), by Name.
constexpr std::string_view Buckets = "Buckets";
/// CloudMonitor's system events the hand-written models raise (Cms.cpp).
constexpr std::string_view SystemEvents = "SystemEvents";
/// ROS stacks (ros/Stacks.cpp), shaped as GetStack answers them.
constexpr std::string_view Stacks = "Stacks";
} // namespace section

//===-- Value helpers
//------------------------------------------------------===//

Value object();
Value list(Value::List items = {});
Value stringList(const std::vector<std::string> &items);
/// Whether \p value is in \p wanted, or \p wanted is empty (no filter).
bool listedOrAll(const std::vector<std::string> &wanted,
                 std::string_view value);
/// Names compare as OOS compares them: without ASCII case.
inline bool equalsIgnoreCase(std::string_view lhs, std::string_view rhs) {
  return equalsIgnoringAsciiCase(lhs, rhs);
}
/// The string member \p key of \p record, or "" (also for other kinds):
/// world files are user input, so a wrong kind must not throw.
std::string_view textOf(const Value &record, std::string_view key);
std::int64_t integerOf(const Value &record, std::string_view key,
                       std::int64_t fallback = 0);
bool boolOf(const Value &record, std::string_view key, bool fallback = false);
/// A scalar as request text ("1" for 1, "true" for true); JSON otherwise.
std::string scalarText(const Value &value);
/// The account the simulated cloud's resources belong to (ARNs, owners).
constexpr std::string_view kAccountId = "1234567890123456";
/// The record without its "Simulated" bookkeeping.
Value publicView(const Value &record);
/// The record's "Simulated" map, created if needed.
Value &simulated(Value &record);
const Value *simulatedMember(const Value &record, std::string_view key);
/// The region a record belongs to: its RegionId, or Simulated.RegionId for
/// records whose API shape has none.
std::string_view regionOfRecord(const Value &record);
/// Merges map \p changes into map \p target, recursing into nested maps.
void mergeInto(Value &target, const Value &changes);
std::string formatTime(Millis time, bool withSeconds = true);
/// Base64 for Cloud Assistant content and output (EcsInvocations.cpp).
std::string base64Encode(std::string_view bytes);
std::optional<std::string> base64Decode(std::string_view text);

//===-- Errors
//-------------------------------------------------------------===//

// Errors carry the HTTP status the real APIs use for their kind: 400 for a
// bad request, 403 for an operation the resource's state forbids, 404 for
// a resource that does not exist.
ApiError makeError(int httpStatus, std::string code, std::string message);
/// 400 MissingParameter, naming the parameter.
ApiError missingParameter(std::string_view name);
/// 400 InvalidParameter, naming the parameter and what is wrong with it.
ApiError invalidParameter(std::string_view name, std::string_view detail);
ApiError notFound(std::string code, std::string message);
ApiError forbidden(std::string code, std::string message);

//===-- Requests
//-----------------------------------------------------------===//

struct Tag {
  std::string key;
  /// Absent in filters that match any value of the key.
  std::optional<std::string> value;
};

/// Read access to request parameters in every form templates and SDKs
/// send them: exact or case-insensitive names, numbers as strings, lists as
/// YAML lists, JSON-array strings or numbered keys (InstanceId.1,
/// InstanceId1). Empty strings and nulls count as absent, as OOS templates
/// pass '' for unset optional parameters.
class Request {
public:
  explicit Request(const Value &parameters) : params(parameters) {}

  const Value *find(std::string_view name) const;
  bool has(std::string_view name) const { return find(name) != nullptr; }
  std::optional<std::string> text(std::string_view name) const;
  std::string textOr(std::string_view name, std::string_view fallback) const;
  Outcome<std::string, ApiError> required(std::string_view name) const;
  Outcome<std::int64_t, ApiError> integer(std::string_view name,
                                          std::int64_t fallback,
                                          std::int64_t min,
                                          std::int64_t max) const;
  Outcome<bool, ApiError> boolean(std::string_view name, bool fallback) const;
  /// The union of every form of every name in \p names, in order. With
  /// \p splitCommas, plain strings are comma-separated lists (ImageId of
  /// DescribeImages, Status).
  Outcome<std::vector<std::string>, ApiError>
  list(std::initializer_list<std::string_view> names,
       bool splitCommas = false) const;
  /// Tags from Tag.N.Key/Tag.N.Value, or Tag/Tags as a list of {Key, Value}
  /// maps, a JSON string of one, or a {key: value} map.
  Outcome<std::vector<Tag>, ApiError> tags() const;

  /// Every parameter as the call gave it (flattened lists such as
  /// Parameters.1.ParameterKey are read from here).
  const Value &all() const { return params; }

private:
  const Value &params;
};

/// The region a request addresses: RegionId, or the world's default region.
Outcome<std::string, ApiError> regionOf(const World &world,
                                        const Request &request);

//===-- Creation-time windows
//---------------------------------------------------------===//

/// ECS's Filter.N.Key/Filter.N.Value pairs (also written FilterNKey,
/// FilterNValue): a window of creation times, CreationStartTime and
/// CreationEndTime, in yyyy-MM-ddTHH:mmZ.
struct CreationWindow {
  std::optional<std::string> from, to;
};

/// The window the request's filters give; InvalidParameter for a key ECS
/// does not take.
Outcome<CreationWindow, ApiError> creationWindow(const Request &request);
/// Whether a parameter is one of the Filter.N pairs creationWindow reads.
bool isWindowParameter(std::string_view name);
/// Whether \p creationTime (a record's CreationTime) is in the window,
/// compared to the minute, as the filter's values are written; a record
/// without one is in no window.
bool inWindow(std::string_view creationTime, const CreationWindow &window);

//===-- Paging
//-------------------------------------------------------------===//

struct PageSpec {
  std::size_t offset = 0;
  std::size_t size = 10;
  std::int64_t pageNumber = 1;
  /// NextToken/MaxResults paging instead of PageNumber/PageSize.
  bool tokens = false;
};

Outcome<PageSpec, ApiError> readPaging(const Request &request,
                                       std::int64_t defaultSize,
                                       std::int64_t maxSize);
/// Puts the requested page of \p items at response[outer][inner] and adds
/// TotalCount plus PageNumber/PageSize or NextToken/MaxResults.
/// The items of the requested page (for answers with their own paging
/// fields, or none but TotalCount).
Value::List pageOf(Value::List items, const PageSpec &page);
void putPage(Value &response, std::string_view outer, std::string_view inner,
             Value::List items, const PageSpec &page);

//===-- The world
//----------------------------------------------------------===//

class World {
public:
  /// Takes a validated document (see parseWorld); adds missing sections.
  explicit World(Value document);

  const Value &document() const { return root; }

  Value::List &records(std::string_view name);
  const Value::List &records(std::string_view name) const;
  Value *find(std::string_view name, std::string_view idKey,
              std::string_view id);
  const Value *find(std::string_view name, std::string_view idKey,
                    std::string_view id) const;
  bool erase(std::string_view name, std::string_view idKey,
             std::string_view id);

  Millis now() const;
  /// Moves world time forward (never back) and applies every timeline step
  /// that has come due.
  void advanceTo(Millis time);

  /// A fresh id such as "i-sim000000000007" from the counter of \p prefix,
  /// numbered \p atLeast or more.
  std::string nextId(std::string_view prefix, std::int64_t atLeast = 0);
  const Value *region(std::string_view regionId) const;
  std::string defaultRegion() const;

  /// At now() + \p after, \p changes will be merged into \p record.
  void schedule(Value &record, Millis after, Value changes);
  /// Forgets the record's pending steps: a new operation supersedes them.
  void cancelTimeline(Value &record);

  /// Where RunShellScript commands run for real (sandbox/ScriptSandbox.h);
  /// null when they are read instead, \p whyNot saying why. Not part of
  /// the world's state: the cloud that holds the world sets it.
  void useSandbox(const ScriptSandbox *sandbox, std::string whyNot) {
    sandbox_ = sandbox;
    noSandbox_ = std::move(whyNot);
  }
  const ScriptSandbox *sandbox() const { return sandbox_; }
  const std::string &whyNoSandbox() const { return noSandbox_; }

  /// How a model calls another API of the same cloud (ROS making a
  /// stack's resources): a hand-written model's or the generic engine's,
  /// on this world, within the call that made it. Set by the cloud that
  /// holds the world, as the sandbox is.
  using InnerCall =
      std::function<Result(World &, std::string_view service, std::string_view api, const Value &parameters)>;
  void useInnerCalls(InnerCall call) { innerCall_ = std::move(call); }
  /// \p api of \p service with \p parameters, answered as a template's
  /// call would be, without latency, faults or client tokens.
  Result call(std::string_view service, std::string_view api, const Value &parameters);

private:
  Value root;
  const ScriptSandbox *sandbox_ = nullptr;
  std::string noSandbox_;
  InnerCall innerCall_;
};

/// The generic engine's record of \p kind (`Ecs::Disk`) whose \p field is
/// \p value, in the Resources section, of \p region when one is given;
/// null when there is none.
Value *findResource(World &world, std::string_view kind, std::string_view field, std::string_view value,
                    std::string_view region = {});
const Value *findResource(const World &world, std::string_view kind, std::string_view field,
                          std::string_view value, std::string_view region = {});
/// Adds \p record to the generic engine's resources as one of \p kind,
/// known by \p id (Simulated.Kind and Simulated.Id), for hand-written models
/// that make what generic APIs then describe (ReplaceSystemDisk's disk).
Value &addResource(World &world, std::string_view kind, std::string id, Value record);

/// The built-in world at time \p now (Seed.cpp).
Value seedWorld(Millis now);
/// Stand-ins of Alibaba's public commands and OOS public parameters
/// (PublicContent.def), made at \p created.
void seedPublicContent(World &world, const std::string &created);
/// Parses and checks a world document; \p origin names it in messages.
Outcome<Value> parseWorld(std::string_view text, std::string_view origin);
/// Top-level sections of \p overlay replace those of \p base.
Value overlayWorld(Value base, const Value &overlay);
std::string prettyJson(const Value &value);

//===-- Shared ECS pieces
//--------------------------------------------------===//

struct InstanceSpec {
  /// "" takes the next "i-sim<N>" id; seeded fleets name theirs so that the
  /// ids of instances created later stay as they were.
  std::string instanceId;
  std::string regionId, zoneId, vSwitchId, securityGroupId, imageId;
  std::string instanceType = "ecs.g6.large";
  std::string name, hostName, description, keyPairName, ramRoleName;
  std::string chargeType = "PostPaid";
  std::string internetChargeType = "PayByTraffic";
  std::string resourceGroupId;
  std::string systemDiskCategory = "cloud_essd";
  std::int64_t systemDiskSize = 40;
  std::int64_t bandwidthOut = 0;
  std::int64_t bandwidthIn = 100;
  std::vector<Tag> tags;
};

namespace ecs {
/// Adds an instance (Pending, or Running when \p running) and returns its
/// id. The spec's image, vSwitch and security group must exist.
std::string createInstance(World &world, const InstanceSpec &spec,
                           bool running);
/// The image \p imageId if \p regionId can use it: public images are
/// everywhere, custom ones in their own region.
/// The instance named by the request's InstanceId, in the request's region
/// (InvalidInstanceId.NotFound otherwise).
Outcome<Value *, ApiError> instanceFor(World &world, const Request &request);
const Value *findImage(const World &world, std::string_view imageId,
                       std::string_view regionId);
/// The image, if it exists and is Available: otherwise the error RunInstances
/// and ReplaceSystemDisk answer.
Outcome<const Value *, ApiError> availableImage(const World &world, std::string_view imageId,
                                                std::string_view regionId);
/// A custom image record (Available) whose OS fields come from \p source,
/// an image or an instance.
Value customImage(const Value &source, const std::string &imageId,
                  const std::string &name, const std::string &regionId,
                  Millis now);
/// Whether Cloud Assistant answers on the instance right now.
bool cloudAssistantOnline(const Value &instance);
/// Removes instance \p id from the world, and from its scaling group: a
/// released instance leaves both.
void releaseInstance(World &world, const std::string &id);
void setTags(Value &record, const std::vector<Tag> &tags);
/// Tags of \p record as {Key, Value} pairs.
std::vector<Tag> tagsOf(const Value &record);
/// Takes the tags of \p keys (or, with \p all, every tag) off \p record.
void removeTags(Value &record, const std::vector<std::string> &keys, bool all = false);

/// The content and settings of one Cloud Assistant invocation.
struct InvocationSpec {
  std::string regionId, commandId, commandName, commandType, description;
  /// Plain text, before parameter substitution.
  std::string content, username, workingDir;
  Value parameters = Value(Value::Map{});
  bool enableParameter = false;
  std::int64_t timeoutSeconds = 60;
  /// Existing, Running instances of the region.
  std::vector<std::string> instanceIds;
};
/// Records an invocation that runs \p spec on its instances and finishes
/// later in world time; returns its InvokeId (EcsInvocations.cpp).
std::string startInvocation(World &world, const InvocationSpec &spec);
bool matchesTags(const Value &record, const std::vector<Tag> &filter);
} // namespace ecs

//===-- Handlers
//-----------------------------------------------------------===//

using Handler = std::function<Result(World &, const Request &)>;

namespace ecs {
Result describeRegions(World &, const Request &);
Result describeZones(World &, const Request &);
Result describeAvailableResource(World &, const Request &);
Result describeSecurityGroups(World &, const Request &);
Result describeVSwitches(World &, const Request &);
Result describeVpcs(World &, const Request &);
Result runInstances(World &, const Request &);
Result describeInstances(World &, const Request &);
Result describeInstanceStatus(World &, const Request &);
Result describeInstancesFullStatus(World &, const Request &);
Result describeSavingsPlanEstimation(World &, const Request &);
Result describeSavingsPlanPrice(World &, const Request &);
Result createSavingsPlan(World &, const Request &);
Result startInstance(World &, const Request &);
Result stopInstance(World &, const Request &);
Result rebootInstance(World &, const Request &);
Result deleteInstance(World &, const Request &);
Result modifyInstanceAttribute(World &, const Request &);
Result createImage(World &, const Request &);
/// CopyImage: an account's image into another region (DestinationRegionId),
/// Creating there until the copy is done.
Result copyImage(World &, const Request &);
/// Needs a Stopped instance; the instance gets the image's OS and a new
/// system disk id (EcsSystemDisk.cpp).
Result replaceSystemDisk(World &, const Request &);
Result describeImages(World &, const Request &);
Result deleteImage(World &, const Request &);
Result installCloudAssistant(World &, const Request &);
Result describeCloudAssistantStatus(World &, const Request &);
Result createCommand(World &, const Request &);
Result describeCommands(World &, const Request &);
Result deleteCommand(World &, const Request &);
Result runCommand(World &, const Request &);
Result invokeCommand(World &, const Request &);
Result describeInvocations(World &, const Request &);
Result describeInvocationResults(World &, const Request &);
Result tagResources(World &, const Request &);
Result describeInstanceRamRole(World &, const Request &);
Result attachInstanceRamRole(World &, const Request &);
Result detachInstanceRamRole(World &, const Request &);
Result untagResources(World &, const Request &);
Result listTagResources(World &, const Request &);
} // namespace ecs

/// A system event as CloudMonitor keeps it: an instance's state changed,
/// a resource's tags changed.
struct SystemEvent {
  std::string product, name, level = "INFO", regionId, resourceId, instanceName;
  Millis time = 0; ///< when it happens (a stop that takes a while: its end)
  Value content = Value(Value::Map{});
};
/// Records \p event for DescribeSystemEventAttribute (Cms.cpp).
void raiseSystemEvent(World &world, const SystemEvent &event);

namespace cms {
Result describeSystemEventAttribute(World &, const Request &);
Result describeMetricLast(World &, const Request &);
} // namespace cms

struct ApiSpec;

namespace oss {
/// OSS's APIs (oss/Oss.cpp), added to the simulator's table.
void addApis(std::vector<ApiSpec> &table);
/// A bucket in each region of the built-in world, made at \p created.
void seedBuckets(World &world, const std::string &created);
} // namespace oss

namespace ram {
/// RAM's policy attachments (Ram.cpp), added to the simulator's table.
void addApis(std::vector<ApiSpec> &table);
} // namespace ram

namespace messaging {
/// The data planes of MNS and EventBridge (messaging/), added to the
/// simulator's table: their publish APIs are outside the OpenAPI metadata.
void addMnsApis(std::vector<ApiSpec> &table);
void addEventBridgeApis(std::vector<ApiSpec> &table);
} // namespace messaging

namespace oos {
/// The webhooks ACS::Notify posts: recorded in the world instead of sent.
Result notifyWebhook(World &, const Request &);
} // namespace oos

namespace ess {
/// Adds the seeded scaling group: two configurations (the active one uses
/// \p imageId) and two InService instances.
void seedScalingGroup(World &world, const std::string &imageId);
/// Adds the mixed fleet of cn-shanghai (SeedFleet.cpp): scaling group
/// asg-simfleet with Linux x86_64, Linux arm64 and Windows instances.
void seedFleet(World &world);
/// Where a seeded scaling group lives: its region's network.
struct SeedPlace {
  std::string_view region, vpc, securityGroup;
  std::vector<std::string_view> vSwitches;
};
/// A seeded group's configuration: \p imageId and \p type in \p place.
Value seededConfiguration(World &world, const SeedPlace &place, const std::string &id,
                          const std::string &groupId, bool active, std::string_view imageId,
                          std::string_view type, std::string_view name);
/// A seeded scaling group record across \p place's vSwitches.
Value seededGroup(const World &world, const SeedPlace &place, const std::string &groupId,
                  std::string_view name, const std::string &activeId, std::int64_t desired);
/// A scaling configuration record with no image or instance type yet.
Value newConfiguration(const std::string &id, const std::string &groupId, bool active, Millis now);
/// Sets \p image (and its OS) on a configuration record.
void useImage(Value &configuration, const Value &image);
/// Records a Successful scaling activity of \p groupId; returns its id.
std::string addActivity(World &world, std::string_view groupId, const std::string &description);
/// Puts the running instance \p instanceId into the group, InService.
void addInServiceInstance(World &world, const std::string &instanceId, const std::string &groupId,
                          const std::string &configurationId);
/// The group named by the request's ScalingGroupId (and RegionId, if any).
Outcome<Value *, ApiError> groupFor(World &world, const Request &request);
/// RegionId of a scaling group, "" if there is no such group.
std::string groupRegion(const World &world, std::string_view groupId);

Result describeScalingGroups(World &, const Request &);
Result describeScalingConfigurations(World &, const Request &);
Result createScalingConfiguration(World &, const Request &);
Result modifyScalingConfiguration(World &, const Request &);
Result describeScalingInstances(World &, const Request &);
Result suspendProcesses(World &, const Request &);
Result resumeProcesses(World &, const Request &);
Result enterStandby(World &, const Request &);
Result exitStandby(World &, const Request &);
Result setInstancesProtection(World &, const Request &);
Result completeLifecycleAction(World &, const Request &);
Result describeScalingActivities(World &, const Request &);
Result executeScalingRule(World &, const Request &);
} // namespace ess

namespace cs {
Result describeClusterAttachScripts(World &, const Request &);
Result describeClusterUserKubeconfig(World &, const Request &);
Result describeClusterV2UserKubeconfig(World &, const Request &);
Result deleteClusterNodes(World &, const Request &);
} // namespace cs

namespace rc {
Result searchResources(World &, const Request &);
} // namespace rc

namespace tag {
Result tagResources(World &, const Request &);
Result untagResources(World &, const Request &);
Result listTagResources(World &, const Request &);
Result listTagKeys(World &, const Request &);
Result listTagValues(World &, const Request &);
} // namespace tag

namespace sas {
Result describeCloudCenterInstances(World &, const Request &);
Result operateAgentClientInstall(World &, const Request &);
Result describeAgentInstallStatus(World &, const Request &);
} // namespace sas

namespace ros {
/// ROS stacks and the resources they make (ros/Stacks.cpp).
Result createStack(World &, const Request &);
Result getStack(World &, const Request &);
Result deleteStack(World &, const Request &);
Result listStacks(World &, const Request &);
Result listStackResources(World &, const Request &);
} // namespace ros

/// One row of the API table.
struct ApiSpec {
  std::string_view service;
  std::string_view api;
  Handler handler;
  /// Changes resources, so the world is saved after it succeeds.
  bool mutates;
};

/// ClientToken, as ECS documents it: a repeat of a call with the same token
/// and parameters answers what the first call answered and changes nothing;
/// the same token with other parameters is IdempotentParameterMismatch.
/// Nothing when the call carries no token or the token is new.
std::optional<Outcome<Value, ApiError>> replayClientToken(const World &world, const ApiSpec &spec,
                                                          const Value &parameters);
/// Keeps a successful call's answer under its token.
void rememberClientToken(World &world, const ApiSpec &spec, const Value &parameters,
                         const Value &response);

/// The row for \p service / \p api, ignoring case; nullptr if unknown.
const ApiSpec *findApi(std::string_view service, std::string_view api);
const std::vector<ApiSpec> &apiTable();

//===-- Faults
//-------------------------------------------------------------===//

/// Applies FaultRules: counts calls per API and decides which fail.
class FaultInjector {
public:
  FaultInjector(std::vector<FaultRule> rules, std::uint64_t seed);
  /// Counts this call; returns the error to answer instead, if any.
  std::optional<ApiError> check(std::string_view service, std::string_view api);

private:
  double nextUnit();

  std::vector<FaultRule> rules;
  std::map<std::string, unsigned> callCounts;
  std::uint64_t rngState;
};

/// A deterministic UUID-shaped request id.
std::string makeRequestId(std::uint64_t seed, std::uint64_t callNumber,
                          Millis time);

} // namespace oosc::runtime::sim
