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
  // Push delivery runs on the registry's worker: waits up to a second for its first SET.
  void wait_for_first() {
    for (int i = 0; i < 500; ++i) {
      {
        std::lock_guard lock(mu);
        if (!sets.empty()) return;
      }
      std::this_thread::sleep_for(2ms);
    }
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
  transport.wait_for_first();
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

// A write's SETs share one context (iss, aud) with the writes before it while it stays the same;
// each SET still names the issuer of its own request's base URL and every feed that carries it,
// in the feeds' order, as it changes from one write to the next (RFC 8417 §2.2, RFC 9967 §2.3).
TEST(HubContext, EachWriteNamesItsOwnIssuerAndFeeds) {
  CollectingTransport transport;
  FeedRegistry registry{FeedRegistryLimits{}, transport};
  const JwsSigner signer = *JwsSigner::hs256(std::string(32, 's'));
  EventHub hub{HubOptions{"", PayloadMode::Notice}, signer, registry};  // iss: the base URL
  auto at = [](const std::string& base, const std::string& id, const std::string& tenant) {
    auto e = write(server::WriteEvent::Kind::Create, id);
    e.location = base + "/Users/" + id;
    e.tenant = tenant;
    e.txn = "txn-" + id;
    return e;
  };
  auto last_of = [&](const std::string& tenant, const std::string& feed) {
    auto sets = drain(*registry.find(tenant, feed), signer);
    EXPECT_EQ(sets.size(), 1u) << tenant << "/" << feed;
    return sets.empty() ? nlohmann::json() : sets.back();
  };
  using nlohmann::json;
  hub.on_write(at("http://a/scim/v2", "u1", "t1"));
  hub.on_write(at("http://a/scim/v2", "u2", "t1"));  // the same context
  auto sets = drain(*registry.find("t1", "default"), signer);
  ASSERT_EQ(sets.size(), 2u);
  for (const auto& set : sets) {
    EXPECT_EQ(set["iss"], "http://a/scim/v2");
    EXPECT_EQ(set["aud"], json({"http://a/scim/v2/Feeds/default"}));
  }
  EXPECT_EQ(sets[1]["sub_id"]["id"], "u2");

  hub.on_write(at("http://b/scim/v2", "u3", "t1"));  // another base URL: another issuer
  auto set = last_of("t1", "default");
  EXPECT_EQ(set["iss"], "http://b/scim/v2");
  EXPECT_EQ(set["aud"], json({"http://b/scim/v2/Feeds/default"}));

  // A second feed carrying the write: both in "aud", in the feeds' order, one SET in each.
  ASSERT_TRUE(registry.add_feed({"crm", "t1", "", Membership::All, {"User"}}).ok());
  hub.on_write(at("http://b/scim/v2", "u4", "t1"));
  const json both = {"http://b/scim/v2/Feeds/default", "http://b/scim/v2/Feeds/crm"};
  EXPECT_EQ(last_of("t1", "default")["aud"], both);
  set = last_of("t1", "crm");
  EXPECT_EQ(set["aud"], both);
  EXPECT_EQ(set["sub_id"]["id"], "u4");

  // A feed of the same length but another id, in another tenant: its own "aud".
  ASSERT_TRUE(registry.add_feed({"erp", "t2", "", Membership::All, {"User"}}).ok());
  hub.on_write(at("http://b/scim/v2", "u5", "t2"));
  EXPECT_EQ(last_of("t2", "erp")["aud"],
            json({"http://b/scim/v2/Feeds/default", "http://b/scim/v2/Feeds/erp"}));
  hub.on_write(at("http://b/scim/v2", "u6", "t1"));
  EXPECT_EQ(last_of("t1", "crm")["aud"], both);
  EXPECT_EQ(registry.find("t1", "default")->queue().size(), 1u);

  // A configured issuer is every SET's, whatever the base URL.
  EventHub fixed{HubOptions{"https://iss", PayloadMode::Notice}, signer, registry};
  fixed.on_write(at("http://c/scim/v2", "u7", "t2"));
  set = last_of("t2", "erp");
  EXPECT_EQ(set["iss"], "https://iss");
  EXPECT_EQ(set["aud"], json({"https://iss/Feeds/default", "https://iss/Feeds/erp"}));
}

// SETs of writes are signed when a consumer first needs them (pending_set.hpp), with the claims
// of the write: the bytes a poll hands out are those the hub signed at the write before.
struct LazyHubFixture : ::testing::Test {
  std::chrono::system_clock::time_point now{std::chrono::seconds{1458496404}};
  int jtis = 0;
  CollectingTransport transport;
  FeedRegistry registry{FeedRegistryLimits{}, transport};
  JwsSigner signer = *JwsSigner::hs256(std::string(32, 's'));
  SetBuilder builder() {
    return SetBuilder([this] { return now; }, [this] { return "jti-" + std::to_string(++jtis); });
  }
  EventHub hub{HubOptions{"https://iss", PayloadMode::Notice}, signer, registry, builder()};
};

TEST_F(LazyHubFixture, APolledSetIsTheOneSignedAtTheWrite) {
  auto e = write(server::WriteEvent::Kind::Patch, "u1");
  e.txn = "txn-1";
  e.patch_ops = {{{"op", "replace"}, {"path", "active"}, {"value", false}}};
  e.active_before = true;
  e.active_after = false;
  // What signing at the write made: the same builder state, the same context.
  int eager_jtis = 0;
  const SetBuilder eager([this] { return now; },
                         [&] { return "jti-" + std::to_string(++eager_jtis); });
  const SetContext context{"https://iss", {"https://iss/Feeds/default"}, PayloadMode::Notice};
  std::vector<std::string> expected;
  for (const auto& claims : eager.for_write(e, context)) expected.push_back(signer.sign(claims));

  hub.on_write(e);
  now += std::chrono::hours{1};  // a later poll does not move "iat"
  PollRequest req;
  req.return_immediately = true;
  auto polled = registry.find("t1", "default")->queue().poll(req, 0ms);
  ASSERT_EQ(polled.sets.size(), 2u);  // prov:patch, then prov:deactivate, in order
  EXPECT_EQ(polled.sets[0].first, "jti-1");
  EXPECT_EQ(polled.sets[0].second, expected[0]);
  EXPECT_EQ(polled.sets[1].first, "jti-2");
  EXPECT_EQ(polled.sets[1].second, expected[1]);
  EXPECT_EQ(hub.issued(), 2u);
  // Handed out, so not offered again before the redelivery delay.
  auto again = registry.find("t1", "default")->queue().poll(req, 0ms);
  EXPECT_TRUE(again.sets.empty());  // not yet eligible for redelivery
}

TEST_F(LazyHubFixture, PushAndPollHandOutTheSameBytes) {
  ASSERT_TRUE(registry.add_receiver("t1", "default", {"http://127.0.0.1:9/x", "tok"}).ok());
  auto e = write(server::WriteEvent::Kind::Create, "u1");
  e.txn = "txn-1";
  hub.on_write(e);
  PollRequest req;
  req.return_immediately = true;
  auto polled = registry.find("t1", "default")->queue().poll(req, 0ms);
  ASSERT_EQ(polled.sets.size(), 1u);
  transport.wait_for_first();
  std::lock_guard lock(transport.mu);
  ASSERT_EQ(transport.sets.size(), 1u);
  EXPECT_EQ(transport.sets[0], polled.sets[0].second);
  auto claims = signer.verify(transport.sets[0]);
  ASSERT_TRUE(claims.ok());
  EXPECT_EQ(claims->claims["jti"], "jti-1");
  EXPECT_EQ(claims->claims["events"][std::string(urn::event::kCreateNotice)]["attributes"],
            nlohmann::json({"id", "userName"}));
}

// Only "full" SETs carry the resource, so only then does a write present a copy for the hub.
TEST_F(LazyHubFixture, OnlyFullModeWantsThePresentedResource) {
  EXPECT_FALSE(hub.wants_resource());
  EventHub full{HubOptions{"https://iss", PayloadMode::Full}, signer, registry, builder()};
  EXPECT_TRUE(full.wants_resource());
}

// Retention is bounded by count as before: the oldest SET makes room, counted as dropped, and the
// ones kept are handed out in publication order.
TEST_F(LazyHubFixture, RetentionStaysBoundedByCount) {
  FeedRegistryLimits limits;
  limits.poll.max_entries = 2;
  FeedRegistry small{limits, transport};
  EventHub bounded{HubOptions{"https://iss", PayloadMode::Notice}, signer, small, builder()};
  for (int i = 1; i <= 3; ++i) {
    bounded.on_write(write(server::WriteEvent::Kind::Create, "u" + std::to_string(i)));
  }
  auto& queue = small.find("t1", "default")->queue();
  EXPECT_EQ(queue.size(), 2u);
  EXPECT_EQ(queue.counters().dropped_full, 1u);
  PollRequest req;
  req.return_immediately = true;
  auto polled = queue.poll(req, 0ms);
  ASSERT_EQ(polled.sets.size(), 2u);
  EXPECT_EQ(polled.sets[0].first, "jti-2");
  EXPECT_EQ(polled.sets[1].first, "jti-3");
  EXPECT_EQ(signer.verify(polled.sets[1].second)->claims["sub_id"]["id"], "u3");
}

}  // namespace
}  // namespace scim::events
