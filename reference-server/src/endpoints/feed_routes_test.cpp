// The /Feeds surface and RFC 8936 poll endpoint over plain Request/Response values, through the
// route table (events/feed_endpoints.hpp handlers, endpoints/routes.cpp rows).
#include <gtest/gtest.h>

#include "scim/protocol/urns.hpp"
#include "scim/server/events/feed_endpoints.hpp"
#include "scim/server/events/poll_endpoint.hpp"
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using namespace std::chrono_literals;

class NullTransport : public events::PushTransport {
 public:
  events::PushOutcome post(const events::PushTarget&, const std::string&) override {
    return {202, "", ""};
  }
};

struct FeedsFixture : ::testing::Test {
  NullTransport transport;
  events::FeedRegistry registry{events::FeedRegistryLimits{}, transport};
  events::JwsSigner signer = events::JwsSigner::unsecured();
  events::EventHub hub{events::HubOptions{}, signer, registry};
  events::FeedEndpointsContext ctx{hub, {50ms}};
  testing::Harness harness{ServiceConfig{}, RouteParts{.feeds = &ctx}};

  Response call(std::string method, std::string path, const nlohmann::json& body = nullptr,
                std::string tenant = "t1") {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    if (!body.is_null()) r.body = body.dump();
    r.principal.tenant = std::move(tenant);
    r.base_url = "http://h/v2";
    return harness.routes.handle(r);
  }
  static nlohmann::json json(const Response& r) { return nlohmann::json::parse(r.body); }
};

TEST_F(FeedsFixture, ListsTheDefaultFeed) {
  auto r = call("GET", "/Feeds");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = json(r);
  EXPECT_EQ(body["totalResults"], 1);
  EXPECT_EQ(body["Resources"][0]["id"], "default");
  EXPECT_EQ(body["Resources"][0]["uri"], "http://h/v2/Feeds/default");
  EXPECT_EQ(body["Resources"][0]["pollEndpoint"], "http://h/v2/Feeds/default/poll");
}

TEST_F(FeedsFixture, ExplicitFeedMembershipEmitsFeedAddThroughPoll) {
  ASSERT_EQ(call("POST", "/Feeds", {{"id", "crm"}, {"membership", "explicit"}}).status, 201);
  auto added = call("POST", "/Feeds/crm/members", {{"uri", "/Users/u1"}, {"externalId", "jdoe"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(call("POST", "/Feeds/crm/members", {{"uri", "/Users/u1"}}).status, 200);
  auto polled = call("POST", "/Feeds/crm/poll", {{"returnImmediately", true}});
  ASSERT_EQ(polled.status, 200);
  EXPECT_EQ(*polled.header("Content-Type"), "application/json");  // RFC 8936 §2.3
  auto sets = json(polled)["sets"];
  ASSERT_EQ(sets.size(), 1u);
  const auto claims = signer.verify(sets.begin().value().get<std::string>())->claims;
  EXPECT_TRUE(claims["events"].contains(std::string(urn::event::kFeedAdd)));
  EXPECT_EQ(claims["sub_id"]["externalId"], "jdoe");
  // Acknowledge, then nothing is left.
  auto ack =
      call("POST", "/Feeds/crm/poll", {{"ack", {sets.begin().key()}}, {"returnImmediately", true}});
  EXPECT_TRUE(json(ack)["sets"].empty());
  EXPECT_EQ(call("DELETE", "/Feeds/crm/members/Users/u1").status, 204);
  EXPECT_EQ(call("DELETE", "/Feeds/crm/members/Users/u1").status, 404);
}

TEST_F(FeedsFixture, ReceiversCanBeRegisteredAndRemovedAtRuntime) {
  auto r = call("POST", "/Feeds/default/receivers",
                {{"url", "http://127.0.0.1:9/events"}, {"token", "t"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = json(r)["id"];
  auto list = json(call("GET", "/Feeds/default/receivers"));
  ASSERT_EQ(list["receivers"].size(), 1u);
  EXPECT_FALSE(list["receivers"][0].contains("token"));  // secrets never echoed
  EXPECT_EQ(call("DELETE", "/Feeds/default/receivers/" + id).status, 204);
  auto bad = call("POST", "/Feeds/default/receivers", {{"url", "file:///etc/passwd"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json(bad)["scimType"], "invalidValue");
}

TEST_F(FeedsFixture, ErrorsAreSpecific) {
  EXPECT_EQ(call("GET", "/Feeds/nope").status, 404);
  EXPECT_EQ(call("DELETE", "/Feeds").status, 405);
  EXPECT_EQ(call("GET", "/Feeds", nullptr, "").status, 401);
  auto dup = call("POST", "/Feeds", {{"id", "default"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(json(dup)["scimType"], "uniqueness");
  auto implicit = call("POST", "/Feeds/default/members", {{"uri", "/Users/u1"}});
  EXPECT_EQ(implicit.status, 400);
  EXPECT_EQ(call("GET", "/Feeds/default/poll").status, 405);
}

TEST_F(FeedsFixture, LongPollIsBoundedByTheConfiguredWait) {
  const auto start = std::chrono::steady_clock::now();
  auto r = call("POST", "/Feeds/default/poll", nlohmann::json::object());
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(json(r)["sets"].empty());
  EXPECT_GE(std::chrono::steady_clock::now() - start, 40ms);
}

TEST(PollRequest, Rfc8936Section2_2MembersAreTypeChecked) {
  auto ok = events::parse_poll_request(
      R"({"ack":["a"],"setErrs":{"b":{"err":"invalid_key","description":"d"}},"maxEvents":0,"returnImmediately":true})");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->ack, std::vector<std::string>{"a"});
  EXPECT_EQ(ok->set_errs.at("b").first, "invalid_key");
  EXPECT_EQ(ok->max_events, 0u);
  EXPECT_TRUE(events::parse_poll_request("").ok());  // §2.4.1: defaults
  EXPECT_EQ(events::parse_poll_request("[]").error().scim_type, ScimType::InvalidSyntax);
  EXPECT_EQ(events::parse_poll_request(R"({"ack":"a"})").error().scim_type, ScimType::InvalidValue);
  EXPECT_EQ(events::parse_poll_request(R"({"ack":[1]})").error().scim_type, ScimType::InvalidValue);
  EXPECT_EQ(events::parse_poll_request(R"({"maxEvents":-1})").error().scim_type,
            ScimType::InvalidValue);
  EXPECT_EQ(events::parse_poll_request(R"({"returnImmediately":"yes"})").error().status, 400);
  EXPECT_EQ(events::parse_poll_request(R"({"setErrs":[]})").error().scim_type,
            ScimType::InvalidValue);
}

}  // namespace
}  // namespace scim::server
