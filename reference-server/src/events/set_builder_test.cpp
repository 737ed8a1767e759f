// SET claims for every write kind (RFC 9967 §2.1-§2.4), walked against the
// draft's figures.
#include "scim/server/events/set_builder.hpp"

#include <gtest/gtest.h>

#include "scim/protocol/urns.hpp"

namespace scim::events {
namespace {

using Kind = server::WriteEvent::Kind;

SetBuilder fixed_builder() {
  int n = 0;
  return SetBuilder(
      [] { return std::chrono::system_clock::time_point{std::chrono::seconds{1458496404}}; },
      [n]() mutable { return "jti-" + std::to_string(++n); });
}

server::WriteEvent user_create() {
  server::WriteEvent e;
  e.kind = Kind::Create;
  e.tenant = "t1";
  e.resource_type = "User";
  e.id = "44f6142df96bd6ab61e7521d9";
  e.external_id = "jdoe";
  e.location = "https://scim.example.com/scim/v2/Users/44f6142df96bd6ab61e7521d9";
  e.version = "W/\"1\"";
  e.resource = {{"schemas", {urn::kUser}},
                {"id", e.id},
                {"userName", "jdoe"},
                {"name", {{"givenName", "John"}}},
                {"emails", {{{"value", "jdoe@example.com"}}}},
                {"meta", {{"resourceType", "User"}}}};
  e.txn = "txn-1";
  return e;
}

SetContext ctx(PayloadMode mode) {
  return {"https://scim.example.com", {"https://scim.example.com/Feeds/98d5"}, mode};
}

TEST(SetBuilder, Figure5CreateNoticeListsAttributes) {
  auto sets = fixed_builder().for_write(user_create(), ctx(PayloadMode::Notice));
  ASSERT_EQ(sets.size(), 1u);
  const auto& s = sets[0];
  EXPECT_EQ(s["iss"], "https://scim.example.com");
  EXPECT_EQ(s["iat"], 1458496404);
  EXPECT_EQ(s["jti"], "jti-1");
  EXPECT_EQ(s["txn"], "txn-1");
  EXPECT_EQ(s["aud"], nlohmann::json::array({"https://scim.example.com/Feeds/98d5"}));
  // §2.1: sub_id with format scim, the relative uri, externalId; never "sub".
  EXPECT_EQ(s["sub_id"]["format"], "scim");
  EXPECT_EQ(s["sub_id"]["uri"], "/Users/44f6142df96bd6ab61e7521d9");
  EXPECT_EQ(s["sub_id"]["externalId"], "jdoe");
  EXPECT_FALSE(s.contains("sub"));
  const auto& payload = s["events"][std::string(urn::event::kCreateNotice)];
  // nlohmann::json objects iterate in key order, so the list is sorted.
  EXPECT_EQ(payload["attributes"], nlohmann::json({"emails", "id", "name", "userName"}));
  EXPECT_FALSE(payload.contains("data"));  // §2.4: exactly one of data / attributes
  EXPECT_EQ(payload["version"], "W/\"1\"");
}

TEST(SetBuilder, Figure4CreateFullCarriesData) {
  auto e = user_create();
  auto sets = fixed_builder().for_write(e, ctx(PayloadMode::Full));
  const auto& payload = sets[0]["events"][std::string(urn::event::kCreateFull)];
  EXPECT_EQ(payload["data"], e.resource);
  EXPECT_FALSE(payload.contains("attributes"));
}

TEST(SetBuilder, Figures6And7PatchCarriesOperationsOrPaths) {
  auto e = user_create();
  e.kind = Kind::Patch;
  e.patch_ops = {{{"op", "add"}, {"path", "members"}, {"value", nlohmann::json::array()}},
                 {{"op", "replace"}, {"value", {{"displayName", "x"}, {"members", 1}}}}};
  auto full = fixed_builder().for_write(e, ctx(PayloadMode::Full));
  const auto& data = full[0]["events"][std::string(urn::event::kPatchFull)]["data"];
  EXPECT_EQ(data["schemas"], nlohmann::json({urn::kPatchOp}));
  EXPECT_EQ(data["Operations"], e.patch_ops);
  auto notice = fixed_builder().for_write(e, ctx(PayloadMode::Notice));
  EXPECT_EQ(notice[0]["events"][std::string(urn::event::kPatchNotice)]["attributes"],
            nlohmann::json({"members", "displayName"}));
}

TEST(SetBuilder, Figure9PutNoticeOmitsId) {
  auto e = user_create();
  e.kind = Kind::Put;
  auto sets = fixed_builder().for_write(e, ctx(PayloadMode::Notice));
  EXPECT_EQ(sets[0]["events"][std::string(urn::event::kPutNotice)]["attributes"],
            nlohmann::json({"emails", "name", "userName"}));
}

TEST(SetBuilder, Figure10DeleteHasEmptyPayloadAndNoQualifier) {
  auto e = user_create();
  e.kind = Kind::Delete;
  e.version.clear();
  e.resource = nullptr;
  auto sets = fixed_builder().for_write(e, ctx(PayloadMode::Full));
  ASSERT_EQ(sets.size(), 1u);
  EXPECT_EQ(sets[0]["events"],
            nlohmann::json({{std::string(urn::event::kDelete), nlohmann::json::object()}}));
}

// A PATCH that sets `active` from true to false: a patch notice and a deactivate SET.
server::WriteEvent user_deactivation() {
  auto e = user_create();
  e.kind = Kind::Patch;
  e.patch_ops = {{{"op", "replace"}, {"path", "active"}, {"value", false}}};
  e.active_before = true;
  e.active_after = false;
  return e;
}

TEST(SetBuilder, ActiveFlipAddsActivateOrDeactivateWithSameTxn) {
  auto e = user_deactivation();
  auto sets = fixed_builder().for_write(e, ctx(PayloadMode::Notice));
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_TRUE(sets[1]["events"].contains(std::string(urn::event::kDeactivate)));
  EXPECT_EQ(sets[1]["txn"], sets[0]["txn"]);
  EXPECT_NE(sets[1]["jti"], sets[0]["jti"]);
  // Both SETs are about the same subject (§2.1 sub_id), each with all of it.
  const nlohmann::json sub_id = {
      {"format", "scim"}, {"uri", "/Users/" + e.id}, {"id", e.id}, {"externalId", "jdoe"}};
  EXPECT_EQ(sets[0]["sub_id"], sub_id);
  EXPECT_EQ(sets[1]["sub_id"], sub_id);
  e.active_before = false;
  e.active_after = true;
  sets = fixed_builder().for_write(e, ctx(PayloadMode::Notice));
  EXPECT_TRUE(sets[1]["events"].contains(std::string(urn::event::kActivate)));
  e.active_before = true;  // unchanged: no extra SET
  EXPECT_EQ(fixed_builder().for_write(e, ctx(PayloadMode::Notice)).size(), 1u);
}

TEST(SetBuilder, Figure14AsyncResponseCarriesOperation) {
  const nlohmann::json op = {{"method", "PUT"}, {"version", "W/\"h\""}, {"status", "200"}};
  auto s = fixed_builder().async_response(op, {"/Users/2819c223", "2819c223", std::nullopt}, "734f",
                                          ctx(PayloadMode::Notice));
  EXPECT_EQ(s["txn"], "734f");
  EXPECT_EQ(s["events"][std::string(urn::event::kAsyncResponse)], op);
  EXPECT_EQ(s["sub_id"]["uri"], "/Users/2819c223");
}

TEST(SetBuilder, Figure2FeedAddHasEmptyPayload) {
  auto s = fixed_builder().feed_membership(true, {"/Users/2b2f", "2b2f", "jdoe"}, "t",
                                           ctx(PayloadMode::Notice));
  EXPECT_EQ(s["events"],
            nlohmann::json({{std::string(urn::event::kFeedAdd), nlohmann::json::object()}}));
}

// The SET bytes of a write, pinned: claims_of (used when a SET is signed on first use) must keep
// building the claims the builder made when every SET was signed at the write. nlohmann::json
// objects serialise their members in key order.
TEST(SetBuilder, ClaimsOfAWriteArePinned) {
  auto e = user_deactivation();
  auto sets = fixed_builder().for_write(e, ctx(PayloadMode::Notice));
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].dump(),
            R"({"aud":["https://scim.example.com/Feeds/98d5"],"events":{")"
            R"(urn:ietf:params:scim:event:prov:patch:notice":{"attributes":["active"],)"
            R"("version":"W/\"1\""}},"iat":1458496404,"iss":"https://scim.example.com",)"
            R"("jti":"jti-1","sub_id":{"externalId":"jdoe","format":"scim","id":)"
            R"("44f6142df96bd6ab61e7521d9","uri":"/Users/44f6142df96bd6ab61e7521d9"},)"
            R"("txn":"txn-1"})");
  EXPECT_EQ(sets[1].dump(),
            R"({"aud":["https://scim.example.com/Feeds/98d5"],"events":{")"
            R"(urn:ietf:params:scim:event:prov:deactivate":{}},"iat":1458496404,)"
            R"("iss":"https://scim.example.com","jti":"jti-2","sub_id":{"externalId":"jdoe",)"
            R"("format":"scim","id":"44f6142df96bd6ab61e7521d9","uri":)"
            R"("/Users/44f6142df96bd6ab61e7521d9"},"txn":"txn-1"})");
}

// plan_write draws the jti and reads the clock at the write; claims_of only assembles them.
TEST(SetBuilder, PlannedFactsFixJtiAndIatAtTheWrite) {
  auto now = std::chrono::system_clock::time_point{std::chrono::seconds{100}};
  int n = 0;
  SetBuilder builder([&] { return now; }, [&] { return "jti-" + std::to_string(++n); });
  auto facts = builder.plan_write(user_create(), ctx(PayloadMode::Full));
  now += std::chrono::seconds{50};
  ASSERT_EQ(facts.size(), 1u);
  const auto claims = claims_of(facts[0], ctx(PayloadMode::Full));
  EXPECT_EQ(claims["iat"], 100);
  EXPECT_EQ(claims["jti"], "jti-1");
  EXPECT_EQ(claims["events"][std::string(urn::event::kCreateFull)]["data"], user_create().resource);
  EXPECT_EQ(n, 1);  // building the claims drew no further jti
}

// A sink that does not take the presented copy (WriteEvent::resource) still lists the same names:
// the stored resource's, "meta" aside, which a notice never lists.
TEST(SetBuilder, NoticeOfAStoredResourceListsTheSameNames) {
  auto presented = user_create();
  const nlohmann::json stored = presented.resource;
  presented.resource["meta"]["location"] = presented.location;
  auto bare = user_create();
  bare.resource = nullptr;
  bare.stored = &stored;
  for (auto kind : {Kind::Create, Kind::Put}) {
    presented.kind = bare.kind = kind;
    EXPECT_EQ(notice_attributes(bare), notice_attributes(presented));
    EXPECT_FALSE(notice_attributes(bare).empty());
  }
}

}  // namespace
}  // namespace scim::events
