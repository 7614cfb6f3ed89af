//===- oss/Oss.cpp - Object Storage Service: buckets and their settings ---===//
//
// OSS speaks its own REST protocol, outside the OpenAPI metadata, so it is
// a hand-written model: OOS templates call it through ACS::ExecuteAPI with
// the HTTP parts OOS passes on (Method, URI, Headers, Body). Buckets have a
// region, an ACL (x-oss-acl) and settings documents (versioning,
// encryption, logging, referer whitelist, policy), each put and read as OSS
// does; GenerateUrl signs an object URL as the SDKs do, on the client side
// (no bucket is asked). Errors are OSS's: NoSuchBucket, InvalidBucketName,
// MalformedXML, InvalidArgument, AccessDenied for another region's bucket.
//
//===----------------------------------------------------------------------===//
#include "simulator/World.h"
#include "simulator/oss/OssXml.h"

#include <cctype>
#include <functional>

namespace oosc::runtime::sim::oss {
namespace {

/// The bucket owner: the simulated account.
constexpr std::string_view kOwnerId = kAccountId;

/// A settings document of a bucket: the API suffix (PutBucket<X>,
/// GetBucket<X>), the root element its XML body has (empty: a JSON body,
/// the policy), what a read answers before any put (empty: the error).
struct Document {
  std::string_view name, root, unsetAnswer, unsetCode, unsetMessage;
};

constexpr Document kDocuments[] = {
    {"Versioning", "VersioningConfiguration", R"({"VersioningConfiguration":""})", "", ""},
    {"Logging", "BucketLoggingStatus", R"({"BucketLoggingStatus":""})", "", ""},
    {"Referer", "RefererConfiguration",
     R"({"RefererConfiguration":{"AllowEmptyReferer":"true","RefererList":""}})", "", ""},
    {"Encryption", "ServerSideEncryptionRule", "", "NoSuchServerSideEncryptionRule",
     "The server side encryption configuration was not found."},
    {"Policy", "", "", "NoSuchBucketPolicy", "The bucket policy does not exist."},
};

/// A bucket's settings documents (Simulated.Documents), made when missing:
/// a world file is user input.
Value &documentsOf(Value &bucket) {
  Value &bookkeeping = simulated(bucket);
  if (!bookkeeping.find("Documents") || !bookkeeping.find("Documents")->isMap())
    bookkeeping.set("Documents", Value(Value::Map{}));
  return *bookkeeping.find("Documents");
}

bool isBucketName(std::string_view name) {
  if (name.size() < 3 || name.size() > 63 || name.front() == '-' || name.back() == '-')
    return false;
  for (char c : name)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      return false;
  return true;
}

/// BucketName, checked against OSS's naming rules.
Outcome<std::string, ApiError> bucketNameOf(const Request &request) {
  auto name = request.required("BucketName");
  if (!name)
    return name.error();
  if (!isBucketName(name.value()))
    return makeError(400, "InvalidBucketName", "The specified bucket \"" + name.value() + "\" is not valid.");
  return name.value();
}

/// A request header, its name compared without case as HTTP does.
std::optional<std::string> header(const Request &request, std::string_view name) {
  const Value *headers = request.find("Headers");
  if (!headers || !headers->isMap())
    return std::nullopt;
  const Value *value = headers->findCaseInsensitive(name);
  if (!value || value->isNull() || scalarText(*value).empty())
    return std::nullopt;
  return scalarText(*value);
}

Value owner() { return Value(Value::Map{{"ID", std::string(kOwnerId)}, {"DisplayName", std::string(kOwnerId)}}); }

Value bucketRecord(const std::string &name, const std::string &region, const std::string &created) {
  return Value(Value::Map{{"Name", name},
                          {"Location", "oss-" + region},
                          {"Region", region},
                          {"CreationDate", created},
                          {"StorageClass", "Standard"},
                          {"ExtranetEndpoint", "oss-" + region + ".aliyuncs.com"},
                          {"IntranetEndpoint", "oss-" + region + "-internal.aliyuncs.com"},
                          {"Simulated", Value(Value::Map{{"Acl", "private"}, {"Documents", Value(Value::Map{})}})}});
}

/// The bucket BucketName names, in the region the call addresses.
Outcome<Value *, ApiError> bucketOf(World &world, const Request &request) {
  auto name = bucketNameOf(request);
  if (!name)
    return name.error();
  Value *bucket = world.find(section::Buckets, "Name", name.value());
  if (!bucket)
    return notFound("NoSuchBucket", "The specified bucket \"" + name.value() + "\" does not exist.");
  std::optional<std::string> region = request.text("RegionId");
  if (region && *region != textOf(*bucket, "Region"))
    return forbidden("AccessDenied", "The bucket you are attempting to access must be addressed using the "
                                     "specified endpoint (oss-" + std::string(textOf(*bucket, "Region")) + ").");
  return bucket;
}

Result withBucket(World &world, const Request &request, const std::function<Result(Value &)> &then) {
  auto bucket = bucketOf(world, request);
  if (!bucket)
    return bucket.error();
  return then(*bucket.value());
}

ApiError malformed(const std::string &why) {
  return makeError(400, "MalformedXML", "The XML you provided was not well-formed or did not validate: " + why + ".");
}

/// The body of a put, read as its document says; an error as OSS gives it.
Outcome<Value, ApiError> bodyOf(const Request &request, const Document &document) {
  std::string body = request.textOr("Body", "");
  if (document.root.empty()) {
    std::optional<Value> json = parseJson(body);
    if (!json || !json->isMap())
      return makeError(400, "InvalidPolicyDocument", "The content of the policy is not a valid JSON object.");
    return std::move(*json);
  }
  auto read = readXml(body);
  if (auto *error = std::get_if<XmlError>(&read))
    return malformed(error->message + " at offset " + std::to_string(error->offset));
  Value &parsed = std::get<Value>(read);
  if (!parsed.find(document.root))
    return malformed("the root element is not " + std::string(document.root));
  return std::move(parsed);
}

Result listBuckets(World &world, const Request &request) {
  std::string prefix = request.textOr("prefix", ""); // or Prefix: parameter names ignore case
  Value::List buckets;
  for (const Value &bucket : world.records(section::Buckets))
    if (textOf(bucket, "Name").substr(0, prefix.size()) == prefix)
      buckets.push_back(publicView(bucket));
  return Value(Value::Map{{"ListAllMyBucketsResult",
                           Value(Value::Map{{"Owner", owner()}, {"Buckets", Value(Value::Map{{"Bucket", list(std::move(buckets))}})}})}});
}

Result putBucket(World &world, const Request &request) {
  auto name = bucketNameOf(request);
  if (!name)
    return name.error();
  if (world.find(section::Buckets, "Name", name.value()))
    return makeError(409, "BucketAlreadyExists", "The requested bucket name is not available.");
  auto region = regionOf(world, request);
  if (!region)
    return region.error();
  world.records(section::Buckets).push_back(bucketRecord(name.value(), region.value(), formatTime(world.now())));
  if (std::optional<std::string> acl = header(request, "x-oss-acl"))
    simulated(world.records(section::Buckets).back()).set("Acl", *acl);
  return object();
}

Result getBucketInfo(World &world, const Request &request) {
  return withBucket(world, request, [](Value &bucket) -> Result {
    Value info = publicView(bucket);
    info.set("Owner", owner());
    info.set("AccessControlList", Value(Value::Map{{"Grant", std::string(textOf(simulated(bucket), "Acl"))}}));
    return Value(Value::Map{{"BucketInfo", Value(Value::Map{{"Bucket", std::move(info)}})}});
  });
}

Result deleteBucket(World &world, const Request &request) {
  return withBucket(world, request, [&](Value &bucket) -> Result {
    world.erase(section::Buckets, "Name", std::string(textOf(bucket, "Name")));
    return object();
  });
}

Result putBucketAcl(World &world, const Request &request) {
  return withBucket(world, request, [&](Value &bucket) -> Result {
    std::string acl = header(request, "x-oss-acl").value_or("");
    if (acl != "private" && acl != "public-read" && acl != "public-read-write")
      return makeError(400, "InvalidArgument", "no such bucket access control exists: '" + acl +
                                                   "' (x-oss-acl takes private, public-read or public-read-write)");
    simulated(bucket).set("Acl", acl);
    return object();
  });
}

Result getBucketAcl(World &world, const Request &request) {
  return withBucket(world, request, [](Value &bucket) -> Result {
    return Value(Value::Map{
        {"AccessControlPolicy",
         Value(Value::Map{{"Owner", owner()},
                          {"AccessControlList", Value(Value::Map{{"Grant", std::string(textOf(simulated(bucket), "Acl"))}})}})}});
  });
}

Result putBucketDocument(World &world, const Request &request, const Document &document) {
  return withBucket(world, request, [&](Value &bucket) -> Result {
    auto body = bodyOf(request, document);
    if (!body)
      return body.error();
    documentsOf(bucket).set(std::string(document.name), std::move(body.value()));
    return object();
  });
}

Result getBucketDocument(World &world, const Request &request, const Document &document) {
  return withBucket(world, request, [&](Value &bucket) -> Result {
    if (const Value *stored = documentsOf(bucket).find(document.name))
      return *stored;
    if (!document.unsetCode.empty())
      return notFound(std::string(document.unsetCode), std::string(document.unsetMessage));
    return parseJson(document.unsetAnswer).value_or(object());
  });
}

Result deleteBucketDocument(World &world, const Request &request, const Document &document) {
  return withBucket(world, request, [&](Value &bucket) -> Result {
    Value &documents = documentsOf(bucket);
    Value kept(Value::Map{});
    for (auto &[name, value] : documents.getMap())
      if (name != document.name)
        kept.set(name, value);
    documents = std::move(kept);
    return object();
  });
}

Result generateUrl(World &world, const Request &request) {
  auto name = bucketNameOf(request);
  if (!name)
    return name.error();
  auto region = regionOf(world, request);
  if (!region)
    return region.error();
  auto expires = request.integer("Expires", 3600, 1, 64'800'000);
  if (!expires)
    return expires.error();
  auto internal = request.boolean("Internal", false);
  if (!internal)
    return internal.error();
  std::string object = request.textOr("URI", "");
  while (!object.empty() && object.front() == '/')
    object.erase(object.begin());
  if (object.empty())
    return missingParameter("URI");
  std::int64_t until = world.now() / 1000 + expires.value();
  // Signed as the SDKs sign a URL, with the simulator's key: a URL of the
  // simulated cloud, not one a real OSS would take.
  std::string url = "https://" + name.value() + ".oss-" + region.value() + (internal.value() ? "-internal" : "") +
                    ".aliyuncs.com/" + object + "?Expires=" + std::to_string(until) +
                    "&OSSAccessKeyId=oosc-simulator&Signature=simulated";
  return Value(Value::Map{{"Url", url}});
}

} // namespace

void addApis(std::vector<ApiSpec> &table) {
  table.push_back({"OSS", "ListBuckets", listBuckets, false});
  table.push_back({"OSS", "PutBucket", putBucket, true});
  table.push_back({"OSS", "GetBucketInfo", getBucketInfo, false});
  table.push_back({"OSS", "DeleteBucket", deleteBucket, true});
  table.push_back({"OSS", "PutBucketAcl", putBucketAcl, true});
  table.push_back({"OSS", "GetBucketAcl", getBucketAcl, false});
  table.push_back({"OSS", "GenerateUrl", generateUrl, false});
  // Each settings document is put, read and deleted alike.
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const Document &document : kDocuments)
      for (std::string_view verb : {"Put", "Get", "Delete"})
        all.push_back(std::string(verb) + "Bucket" + std::string(document.name));
    return all;
  }();
  for (size_t i = 0; i < names.size(); ++i) {
    const Document &document = kDocuments[i / 3];
    std::string_view api = names[i];
    if (api.substr(0, 3) == "Put")
      table.push_back({"OSS", api, [&document](World &w, const Request &r) { return putBucketDocument(w, r, document); }, true});
    else if (api.substr(0, 3) == "Get")
      table.push_back({"OSS", api, [&document](World &w, const Request &r) { return getBucketDocument(w, r, document); }, false});
    else
      table.push_back({"OSS", api, [&document](World &w, const Request &r) { return deleteBucketDocument(w, r, document); }, true});
  }
}

void seedBuckets(World &world, const std::string &created) {
  for (const Value &region : world.records(section::Regions)) {
    std::string regionId(textOf(region, "RegionId"));
    world.records(section::Buckets).push_back(bucketRecord("oosc-sim-" + regionId, regionId, created));
  }
}

} // namespace oosc::runtime::sim::oss
