// Writes become signed SETs in the right feeds (RFC 9967 §2.3-§2.4), delivered
// by poll and push from one publication.
#include "scim/server/events/event_hub.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/urns.hpp"

namespace scim::events {
namespace {

using namespace std::chrono_literals;

class CollectingTransport : public PushTransport {
 public:
  std::mutex mu;
  std::vector<std::string> sets;
  PushOutcome post(const PushTarget&, const std::string& jwt) override {
    std::lock_guard lock(mu);
    sets.push_back(jwt);
    return {202, "", ""};
  }
};

server::WriteEvent write(server::WriteEvent::Kind kind, const std::string& id) {
  server::WriteEvent e;
  e.kind = kind;
  e.tenant = "t1";
  e.resource_type = "User";
  e.id = id;
  e.location = "http://h/scim/v2/Users/" + id;
  e.version = "W/\"1\"";
  e.resource = {{"id", id}, {"userName", id}};
  return e;
}

std::vector<nlohmann::json> drain(Feed& feed, const JwsSigner& signer) {
  PollRequest req;
  req.return_immediately = true;
  std::vector<nlohmann::json> out;
  auto r = feed.queue().poll(req, 0ms);
  for (const auto& [jti, jwt] : r.sets) {
    auto d = signer.verify(jwt);
    EXPECT_TRUE(d.ok());
    if (d.ok()) out.push_back(d->claims);
    req.ack.push_back(jti);
  }
  (void)feed.queue().poll(req, 0ms);
  return out;
}

struct HubFixture : ::testing::Test {
  CollectingTransport transport;
  FeedRegistry registry{FeedRegistryLimits{}, transport};
  JwsSigner signer = *JwsSigner::hs256(std::string(32, 's'));
  EventHub hub{HubOptions{"https://iss", PayloadMode::Notice}, signer, registry};
};

TEST_F(HubFixture, DefaultFeedCarriesEveryWriteWithAudAndTxn) {
  hub.on_write(write(server::WriteEvent::Kind::Create, "u1"));
  auto feed = registry.find("t1", "default");
  ASSERT_TRUE(feed);
  auto sets = drain(*feed, signer);
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0]["aud"], nlohmann::json({"https://iss/Feeds/default"}));
  EXPECT_FALSE(sets[0]["txn"].get<std::string>().empty());
  EXPECT_TRUE(sets[0]["events"].contains(std::string(urn::event::kCreateNotice)));
}

TEST_F(HubFixture, TenantsAreIsolated) {
  hub.on_write(write(server::WriteEvent::Kind::Create, "u1"));
  EXPECT_EQ(registry.find("t2", "default")->queue().size(), 0u);
}

// The control plane's reset empties a tenant's queues but keeps its feeds; removing the tenant
// drops its feeds, and its next use starts with a fresh default feed. Other tenants keep theirs.
TEST_F(HubFixture, ResetEmptiesQueuesAndRemoveDropsFeeds) {
  ASSERT_TRUE(registry.add_feed({"crm", "t1", "", Membership::Explicit, {}}).ok());
  ASSERT_TRUE(hub.add_member("t1", "crm", {"/Users/u1", "u1", std::nullopt}, "http://h").ok());
  hub.on_write(write(server::WriteEvent::Kind::Create, "u1"));
  auto other = write(server::WriteEvent::Kind::Create, "u2");
  other.tenant = "t2";
  hub.on_write(other);
  ASSERT_EQ(registry.find("t1", "default")->queue().size(), 1u);

  registry.reset_tenant("t1");
  EXPECT_EQ(registry.find("t1", "default")->queue().size(), 0u);
  EXPECT_EQ(registry.find("t1", "default")->queue().counters().published, 0u);
  ASSERT_TRUE(registry.find("t1", "crm"));
  EXPECT_EQ(registry.find("t1", "crm")->member_count(), 0u);
  EXPECT_EQ(registry.find("t2", "default")->queue().size(), 1u);

  registry.remove_tenant("t1");
  EXPECT_FALSE(registry.find("t1", "crm"));
  EXPECT_EQ(registry.feeds("t1").size(), 1u);  // a fresh default feed
  EXPECT_EQ(registry.find("t2", "default")->queue().size(), 1u);
}

TEST_F(HubFixture, ExplicitFeedOnlyCarriesMembersAndSignalsMembership) {
  ASSERT_TRUE(registry.add_feed({"crm", "t1", "", Membership::Explicit, {"User"}}).ok());
  auto crm = registry.find("t1", "crm");
  hub.on_write(write(server::WriteEvent::Kind::Create, "u1"));
  EXPECT_TRUE(drain(*crm, signer).empty());
  auto added = hub.add_member("t1", "crm", {"/Users/u1", "u1", std::nullopt}, "http://h");
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(*added);
  EXPECT_FALSE(
      *hub.add_member("t1", "crm", {"/Users/u1", "u1", std::nullopt}, "http://h"));  // no-op
  auto sets = drain(*crm, signer);
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_TRUE(sets[0]["events"].contains(std::string(urn::event::kFeedAdd)));
  hub.on_write(write(server::WriteEvent::Kind::Put, "u1"));
  EXPECT_EQ(drain(*crm, signer).size(), 1u);
  ASSERT_TRUE(hub.remove_member("t1", "crm", {"/Users/u1", "u1", std::nullopt}, "http://h").ok());
  sets = drain(*crm, signer);
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_TRUE(sets[0]["events"].contains(std::string(urn::event::kFeedRemove)));
}

TEST_F(HubFixture, DeleteRemovesMembershipWithoutFeedRemove) {
  ASSERT_TRUE(registry.add_feed({"crm", "t1", "", Membership::Explicit, {}}).ok());
  ASSERT_TRUE(hub.add_member("t1", "crm", {"/Users/u1", "u1", std::nullopt}, "http://h").ok());
  auto crm = registry.find("t1", "crm");
  (void)drain(*crm, signer);
  hub.on_write(write(server::WriteEvent::Kind::Delete, "u1"));
  auto sets = drain(*crm, signer);
  ASSERT_EQ(sets.size(), 1u);  // §2.4.4: delete, and no feed:remove
  EXPECT_TRUE(sets[0]["events"].contains(std::string(urn::event::kDelete)));
  EXPECT_FALSE(crm->is_member("/Users/u1"));
}

TEST_F(HubFixture, MembershipErrorsAreSpecific) {
  auto missing = hub.add_member("t1", "nope", {"/Users/u1", "u1", std::nullopt}, "http://h");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().status, 404);
  auto implicit = hub.add_member("t1", "default", {"/Users/u1", "u1", std::nullopt}, "http://h");
  ASSERT_FALSE(implicit.ok());
  EXPECT_EQ(implicit.error().status, 400);
  EXPECT_EQ(implicit.error().scim_type, ScimType::InvalidValue);
}

TEST_F(HubFixture, PushReceiverGetsTheSameSetAsThePollQueue) {
  auto id = registry.add_receiver("t1", "default", {"http://127.0.0.1:9/x", "tok"});
  ASSERT_TRUE(id.ok());
  auto bad = registry.add_receiver("t1", "default", {"ftp://x", ""});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
  auto sets = hub.publish_async_response("t1", {{"method", "POST"}, {"status", "201"}},
                                         {"/Users/u1", "u1", std::nullopt}, "txn-9", "http://h");
  auto feed = registry.find("t1", "default");
  ASSERT_EQ(feed->queue().size(), 1u);
  for (int i = 0; i < 500; ++i) {
    {
      std::lock_guard lock(transport.mu);
      if (!transport.sets.empty()) break;
    }
    std::this_thread::sleep_for(2ms);
  }
  std::lock_guard lock(transport.mu);
  ASSERT_EQ(transport.sets.size(), 1u);
  EXPECT_EQ(transport.sets[0], sets.jwt);
  EXPECT_EQ(signer.verify(sets.jwt)->claims["txn"], "txn-9");
}

TEST_F(HubFixture, DuplicateFeedIsUniquenessConflict) {
  auto dup = registry.add_feed({"DEFAULT", "t1", "", Membership::All, {}});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().status, 409);
  EXPECT_EQ(dup.error().scim_type, ScimType::Uniqueness);
  auto bad = registry.add_feed({"a b", "t1", "", Membership::All, {}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
}

}  // namespace
}  // namespace scim::events
