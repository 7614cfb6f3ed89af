//===- messaging/Mns.cpp - MNS topics: publishing a message ---------------===//
//
// MNS speaks its own REST protocol (XML bodies, outside the OpenAPI
// metadata), so publishing is a hand-written model, like OSS: OOS templates
// call it through ACS::ExecuteAPI with the HTTP parts (POST
// /topics/NAME/messages, a <Message> body). A topic of the region must
// exist (the built-in world has one per seeded region, Resources.def); the
// answer is the root element OOS shows, with the message's id and the MD5
// of its body; the topic keeps what was published.
//
//===----------------------------------------------------------------------===//
#include "simulator/World.h"
#include "simulator/messaging/Md5.h"
#include "simulator/oss/OssXml.h"

namespace oosc::runtime::sim::messaging {
namespace {

constexpr std::string_view kTopicKind = "Mns::Topic";

/// NAME of `/topics/NAME/messages`, or nothing.
std::optional<std::string> topicOfUri(std::string_view uri) {
  uri = uri.substr(0, uri.find('?'));
  constexpr std::string_view prefix = "/topics/", suffix = "/messages";
  if (uri.size() <= prefix.size() + suffix.size() || uri.substr(0, prefix.size()) != prefix ||
      uri.substr(uri.size() - suffix.size()) != suffix)
    return std::nullopt;
  std::string_view name = uri.substr(prefix.size(), uri.size() - prefix.size() - suffix.size());
  if (name.empty() || name.find('/') != std::string_view::npos)
    return std::nullopt;
  return std::string(name);
}

/// The <MessageBody> of a publish request's XML body.
Outcome<std::string, ApiError> messageBodyOf(const Request &request) {
  auto body = request.required("Body");
  if (!body)
    return body.error();
  std::variant<Value, oss::XmlError> document = oss::readXml(body.value());
  if (const auto *error = std::get_if<oss::XmlError>(&document))
    return makeError(400, "MalformedXML", "The XML you provided was not well-formed: " + error->message + ".");
  const Value *message = std::get<Value>(document).find("Message");
  const Value *text = message && message->isMap() ? message->find("MessageBody") : nullptr;
  if (!text || !text->isString() || text->getString().empty())
    return makeError(400, "InvalidArgument", "The Message has no MessageBody, which a publish needs.");
  return text->getString();
}

Result publishMessage(World &world, const Request &request) {
  auto uri = request.required("URI");
  if (!uri)
    return uri.error();
  std::optional<std::string> name = topicOfUri(uri.value());
  if (!name)
    return makeError(400, "InvalidArgument", "PublishMessage is a POST to /topics/NAME/messages, not " + uri.value() + ".");
  auto region = regionOf(world, request);
  if (!region)
    return region.error();
  Value *topic = findResource(world, kTopicKind, "TopicName", *name, region.value());
  if (!topic)
    return notFound("TopicNotExist", "The topic you provided does not exist: " + *name + " in " + region.value() + ".");
  auto body = messageBodyOf(request);
  if (!body)
    return body.error();
  std::string id = world.nextId("msg");
  std::string digest = md5Hex(body.value());
  Value &bookkeeping = simulated(*topic);
  if (!bookkeeping.find("Messages") || !bookkeeping.find("Messages")->isList())
    bookkeeping.set("Messages", Value(Value::List{}));
  bookkeeping.find("Messages")->getList().push_back(Value(Value::Map{
      {"MessageId", Value(id)}, {"MessageBody", Value(body.value())}, {"PublishTime", Value(formatTime(world.now()))}}));
  return Value(Value::Map{
      {"Message", Value(Value::Map{{"MessageId", Value(id)}, {"MessageBodyMD5", Value(digest)}})}});
}

} // namespace

void addMnsApis(std::vector<ApiSpec> &table) { table.push_back({"MNS", "PublishMessage", publishMessage, true}); }

} // namespace oosc::runtime::sim::messaging
