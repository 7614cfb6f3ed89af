//===- MessagingTest.cpp - MNS and EventBridge data planes, simulated ------===//
//
// Publishing to an MNS topic and putting events on an EventBridge bus, as
// Alibaba's ACS-MNS-PublishMessage and ACS-EventBridge-PutEvents call them
// (ACS::ExecuteAPI with Method, URI and Body), on the simulated cloud with
// the whole API table (the bus list is the generic engine's).
//
//===----------------------------------------------------------------------===//
#include "oosc/apis/CloudApis.h"
#include "oosc/runtime/Simulator.h"
#include "simulator/messaging/Md5.h"

#include <gtest/gtest.h>

using namespace oosc::runtime;

namespace {

Value params(std::initializer_list<Value::Member> members) { return Value(Value::Map(members)); }

std::unique_ptr<SimulatedCloud> openCloud() {
  SimulatorOptions options;
  options.apis = &oosc::apis::cloudApis();
  auto cloud = SimulatedCloud::open(options);
  EXPECT_TRUE(cloud.ok());
  return std::move(cloud.value());
}

Value publish(std::string topic, std::string body) {
  return params({{"RegionId", "cn-hangzhou"}, {"Method", "POST"}, {"URI", "/topics/" + topic + "/messages"},
                 {"Headers", Value(Value::Map{})}, {"Body", std::move(body)}});
}

TEST(Md5, MatchesTheRfcsTestSuite) {
  // RFC 1321, appendix A.5.
  using oosc::runtime::sim::md5Hex;
  EXPECT_EQ(md5Hex(""), "D41D8CD98F00B204E9800998ECF8427E");
  EXPECT_EQ(md5Hex("a"), "0CC175B9C0F1B6A831C399E269772661");
  EXPECT_EQ(md5Hex("abc"), "900150983CD24FB0D6963F7D28E17F72");
  EXPECT_EQ(md5Hex("message digest"), "F96B697D7CB7938D525A2F31AAF161D0");
  EXPECT_EQ(md5Hex("abcdefghijklmnopqrstuvwxyz"), "C3FCD3D76192E4007DFB496CCA67E13B");
  EXPECT_EQ(md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
            "57EDF4A22BE3C955AC49DA2E2107B67A");
}

TEST(Mns, APublishToATopicAnswersTheMessageIdAndTheBodysMd5) {
  auto cloud = openCloud();
  auto sent = cloud->call("MNS", "PublishMessage",
                          publish("sim-alerts", R"(<?xml version="1.0" encoding="utf-8"?>)"
                                                R"(<Message xmlns="http://mns.aliyuncs.com/doc/v1/">)"
                                                R"(<MessageBody>abc</MessageBody></Message>)"));
  ASSERT_TRUE(sent.ok()) << sent.error().code << ": " << sent.error().message;
  const Value *message = sent.value().find("Message");
  ASSERT_TRUE(message && message->isMap()) << sent.value().toJson();
  EXPECT_EQ(message->find("MessageBodyMD5")->getString(), "900150983CD24FB0D6963F7D28E17F72");
  std::string first = message->find("MessageId")->getString();
  EXPECT_FALSE(first.empty());
  // Its own protocol: the request id is a header's, not in the document.
  EXPECT_FALSE(sent.value().find("RequestId"));

  auto again = cloud->call("MNS", "PublishMessage", publish("sim-alerts", "<Message><MessageBody>x</MessageBody></Message>"));
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again.value().find("Message")->find("MessageId")->getString(), first);
}

TEST(Mns, AnUnknownTopicOrABadBodyFailsAsMnsDoes) {
  auto cloud = openCloud();
  auto unknown = cloud->call("MNS", "PublishMessage", publish("no-such-topic", "<Message><MessageBody>x</MessageBody></Message>"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "TopicNotExist");
  EXPECT_EQ(unknown.error().httpStatus, 404);
  auto malformed = cloud->call("MNS", "PublishMessage", publish("sim-alerts", "<Message><MessageBody>x</Message>"));
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().code, "MalformedXML");
  auto empty = cloud->call("MNS", "PublishMessage", publish("sim-alerts", "<Message><MessageBody></MessageBody></Message>"));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "InvalidArgument");
  auto elsewhere = cloud->call("MNS", "PublishMessage",
                               params({{"RegionId", "cn-hangzhou"}, {"URI", "/queues/q/messages"},
                                       {"Body", "<Message><MessageBody>x</MessageBody></Message>"}}));
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, "InvalidArgument");
}

Value putEvents(std::string bus, std::string eventList) {
  return params({{"RegionId", "cn-hangzhou"}, {"Method", "POST"}, {"URI", "/openapi/putEvents"},
                 {"Body", R"({"EventBusName":")" + bus + R"(", "EventList":)" + eventList + "}"}});
}

TEST(EventBridge, EventsPutOnTheDefaultBusGetIdsAndTraceIds) {
  auto cloud = openCloud();
  auto put = cloud->call("EVENTBRIDGE", "PutEvents",
                         putEvents("default", R"([{"id":"e-1","source":"acs:test","type":"test:Event","specversion":"1.0"},
                                                  {"source":"acs:test","type":"test:Event","specversion":"1.0"}])"));
  ASSERT_TRUE(put.ok()) << put.error().code << ": " << put.error().message;
  EXPECT_EQ(put.value().find("FailedEntryCount")->toJson(), "0");
  EXPECT_EQ(put.value().find("ResourceOwnerAccountId")->getString(), "1234567890123456");
  EXPECT_FALSE(put.value().find("RequestId")->getString().empty());
  const Value *entries = put.value().find("EntryList");
  ASSERT_TRUE(entries && entries->isList() && entries->getList().size() == 2) << put.value().toJson();
  EXPECT_EQ(entries->getList()[0].find("EventId")->getString(), "e-1");
  EXPECT_FALSE(entries->getList()[1].find("EventId")->getString().empty());
  EXPECT_NE(entries->getList()[0].find("TraceId")->getString(), entries->getList()[1].find("TraceId")->getString());
}

TEST(EventBridge, AnUnknownBusOrNoEventsFail) {
  auto cloud = openCloud();
  auto unknown = cloud->call("EVENTBRIDGE", "PutEvents", putEvents("no-such-bus", R"([{"id":"e-1"}])"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "EventBusNotExist");
  auto none = cloud->call("EVENTBRIDGE", "PutEvents", putEvents("default", "[]"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, "InvalidParameter");
  auto notJson = cloud->call("EVENTBRIDGE", "PutEvents", params({{"Body", "EventBusName=default"}}));
  ASSERT_FALSE(notJson.ok());
  EXPECT_EQ(notJson.error().code, "InvalidArgument");
  // A bus made through the control plane takes events too.
  ASSERT_TRUE(cloud->call("EventBridge", "CreateEventBus", params({{"RegionId", "cn-hangzhou"}, {"EventBusName", "orders"}})).ok());
  EXPECT_TRUE(cloud->call("EVENTBRIDGE", "PutEvents", putEvents("orders", R"([{"id":"e-2"}])")).ok());
}

} // namespace
