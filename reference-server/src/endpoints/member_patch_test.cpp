// The member PATCH on the store's member set (member_patch.hpp; RFC 7644 §3.5.2.1, §3.5.2.2,
// §3.14; RFC 7643 §4.2): each request is sent to a server that takes that path and to one that
// cannot (nested groups off, which changes nothing for user members), from the same seeded state,
// and every answer, the group and users afterwards, and the SETs must be the same.
#include "scim/server/endpoints/member_patch.hpp"

#include "scim/protocol/urns.hpp"
#include "scim/server/endpoints/seed.hpp"
#include "scim/server/events/set_builder.hpp"
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

const json kSeed = json::parse(R"({
  "Users": [
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u1", "userName": "alice"},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u2", "userName": "bob"},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "u3", "userName": "carol"},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "id": "U4", "userName": "dave"}],
  "Groups": [
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "g",
     "displayName": "Engineering", "externalId": "eng",
     "members": [{"value": "u1"}, {"value": "u2"}]},
    {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "id": "solo",
     "displayName": "Solo", "members": [{"value": "u3"}]}]})");

json patch_of(json ops) {
  return {{"schemas", json::array({urn::kPatchOp})}, {"Operations", std::move(ops)}};
}
json add_members(std::vector<std::string> ids) {
  json values = json::array();
  for (const auto& id : ids) values.push_back({{"value", id}});
  return {{"op", "add"}, {"path", "members"}, {"value", values}};
}
json remove_member(const std::string& id) {
  return {{"op", "remove"}, {"path", "members[value eq \"" + id + "\"]"}};
}

// Timestamps differ between the two servers' clocks; everything else must not.
json without_times(json j) {
  if (j.is_object() && j.contains("meta")) {
    j["meta"].erase("created");
    j["meta"].erase("lastModified");
  }
  return j;
}

ServiceConfig general_path_only() {
  ServiceConfig c;
  c.features.nested_groups = false;  // every member's type is then checked: the general path
  return c;
}

class MemberPatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto* h : {&direct, &general}) {
      auto loaded = load_seed(h->service, kSeed, "acme");
      ASSERT_TRUE(loaded.ok()) << loaded.error();
      h->sink.events.clear();  // the seed's creates
    }
  }

  // Sends the same PATCH to both servers; returns the direct server's answer after comparing.
  Response both(const std::string& path, const json& body,
                std::map<std::string, std::string> headers = {},
                std::map<std::string, std::string> query = {}) {
    auto a = direct.call("PATCH", path, body.dump(), headers, query);
    auto b = general.call("PATCH", path, body.dump(), headers, query);
    EXPECT_EQ(a.status, b.status) << a.body << "\n" << b.body;
    EXPECT_EQ(without_times(body_of(a)), without_times(body_of(b)));
    const std::string* ea = a.header("ETag");
    const std::string* eb = b.header("ETag");
    EXPECT_EQ(ea ? *ea : "", eb ? *eb : "");
    expect_same_state();
    return a;
  }

  void expect_same_state() {
    for (const char* path :
         {"/Groups/g", "/Groups/solo", "/Users/u1", "/Users/u2", "/Users/u3", "/Users/U4"}) {
      EXPECT_EQ(without_times(body_of(direct.call("GET", path))),
                without_times(body_of(general.call("GET", path))))
          << path;
    }
    ASSERT_EQ(direct.sink.events.size(), general.sink.events.size());
    // RFC 9967 §2.4.2: a PATCH's SET carries the operations (full) or the attribute names
    // (notice), in both modes the same.
    events::SetBuilder sets([] { return std::chrono::system_clock::time_point{}; },
                            [] { return std::string("jti"); });
    for (std::size_t i = 0; i < direct.sink.events.size(); ++i) {
      for (auto mode : {events::PayloadMode::Notice, events::PayloadMode::Full}) {
        events::SetContext ctx{"https://example.com/v2", {"feed"}, mode};
        auto a = direct.sink.events[i];
        auto b = general.sink.events[i];
        a.txn = b.txn = "txn";
        EXPECT_EQ(sets.for_write(a, ctx), sets.for_write(b, ctx)) << "event " << i;
      }
    }
  }

  std::string version_of(const std::string& path) {
    return body_of(direct.call("GET", path))["meta"]["version"].get<std::string>();
  }

  Harness direct;
  Harness general{general_path_only()};
};

TEST_F(MemberPatchTest, AddOneMemberExcludingMembers) {
  const auto before = version_of("/Groups/g");
  auto r = both("/Groups/g", patch_of(json::array({add_members({"u3"})})), {},
                {{"excludedAttributes", "members"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(body_of(r).contains("members"));
  EXPECT_NE(body_of(r)["meta"]["version"], before);  // RFC 7644 §3.14: a new version
  EXPECT_EQ(*r.header("ETag"), body_of(r)["meta"]["version"].get<std::string>());
  EXPECT_EQ(body_of(direct.call("GET", "/Users/u3"))["groups"].size(), 2u);  // RFC 7643 §4.1.2
  ASSERT_EQ(direct.sink.events.size(), 1u);  // one SET for the write
  EXPECT_EQ(direct.sink.events[0].kind, WriteEvent::Kind::Patch);
  EXPECT_EQ(direct.sink.events[0].version, body_of(r)["meta"]["version"].get<std::string>());
}

TEST_F(MemberPatchTest, AddAndRemoveShowingMembers) {
  auto r = both("/Groups/g", patch_of(json::array({add_members({"u3", "U4"})})));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r)["members"].size(), 4u);
  EXPECT_EQ(body_of(r)["members"][3]["$ref"], std::string(testing::kBase) + "/Users/U4");
  r = both("/Groups/g", patch_of(json::array({remove_member("u1")})), {},
           {{"attributes", "members.value"}});
  ASSERT_EQ(r.status, 200);
  r = both("/Groups/g", patch_of(json::array({remove_member("u2")})), {},
           {{"attributes", "displayName"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(body_of(r).contains("members"));
  EXPECT_EQ(body_of(direct.call("GET", "/Groups/g"))["members"].size(), 2u);
}

TEST_F(MemberPatchTest, RemoveByFilterFoldsCaseAsTheFilterEngine) {
  ASSERT_EQ(both("/Groups/g", patch_of(json::array({add_members({"U4"})}))).status, 200);
  // members.value is compared as the schema says (caseExact or not): both paths agree.
  both("/Groups/g", patch_of(json::array({remove_member("u4")})));
  both("/Groups/g", patch_of(json::array({remove_member("U1")})));
}

TEST_F(MemberPatchTest, RemovingAnAbsentMemberIsNoTargetAndChangesNothing) {
  const auto before = version_of("/Groups/g");
  auto r = both("/Groups/g", patch_of(json::array({remove_member("u3")})));
  EXPECT_THAT(r, IsScimError(400, "noTarget"));
  EXPECT_EQ(version_of("/Groups/g"), before);
  EXPECT_TRUE(direct.sink.events.empty());
}

TEST_F(MemberPatchTest, AddingAnUnknownIdIsInvalidValueAndChangesNothing) {
  const auto before = version_of("/Groups/g");
  // RFC 7643 §4.2: the first operation's member is fine, the second's does not exist.
  auto r = both("/Groups/g", patch_of(json::array({add_members({"u3"}), add_members({"ghost"})})));
  EXPECT_THAT(r, IsScimError(400, "invalidValue"));
  EXPECT_NE(r.body.find("ghost"), std::string::npos);
  EXPECT_EQ(version_of("/Groups/g"), before);
  EXPECT_FALSE(body_of(direct.call("GET", "/Users/u3"))["groups"].size() > 1);
  EXPECT_TRUE(direct.sink.events.empty());
}

TEST_F(MemberPatchTest, AddingAMemberAlreadyThereWritesNothing) {
  const auto before = version_of("/Groups/g");
  auto r = both("/Groups/g", patch_of(json::array({add_members({"u1"})})));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r)["meta"]["version"], before);
  EXPECT_TRUE(direct.sink.events.empty());
  // Added and removed in one request: nothing either.
  r = both("/Groups/g", patch_of(json::array({add_members({"u3"}), remove_member("u3")})));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(version_of("/Groups/g"), before);
}

TEST_F(MemberPatchTest, RemovingTheLastMemberRemovesTheAttribute) {
  auto r = both("/Groups/solo", patch_of(json::array({remove_member("u3")})));
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(body_of(r).contains("members"));
  r = both("/Groups/solo", patch_of(json::array({add_members({"u1", "u1", "u2"})})));
  EXPECT_EQ(body_of(r)["members"].size(), 2u);
}

TEST_F(MemberPatchTest, MixedOperationListsTakeTheGeneralPathWithTheSameAnswers) {
  auto r =
      both("/Groups/g",
           patch_of(json::array({add_members({"u3"}),
                                 {{"op", "replace"}, {"path", "displayName"}, {"value", "Eng"}}})));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(body_of(r)["displayName"], "Eng");
  EXPECT_EQ(body_of(r)["members"].size(), 3u);
  // Member shapes the direct path leaves alone: a type sent along, a path-less add, a remove of
  // every member, a filter on something else.
  both("/Groups/g", patch_of(json::array({{{"op", "add"},
                                           {"path", "members"},
                                           {"value", {{{"value", "U4"}, {"type", "User"}}}}}})));
  both("/Groups/g",
       patch_of(json::array({{{"op", "add"}, {"value", {{"members", {{{"value", "u2"}}}}}}}})));
  both("/Groups/g",
       patch_of(json::array({{{"op", "remove"}, {"path", "members[type eq \"User\"]"}}})));
  both("/Groups/solo", patch_of(json::array({{{"op", "remove"}, {"path", "members"}}})));
}

TEST_F(MemberPatchTest, IfMatchIsChecked) {
  const auto current = version_of("/Groups/g");
  auto r =
      both("/Groups/g", patch_of(json::array({add_members({"u3"})})), {{"If-Match", "W/\"1\""}});
  EXPECT_THAT(r, IsScimError(412, ""));
  EXPECT_EQ(version_of("/Groups/g"), current);
  r = both("/Groups/g", patch_of(json::array({add_members({"u3"})})), {{"If-Match", current}});
  EXPECT_EQ(r.status, 200);
  r = both("/Groups/g", patch_of(json::array({remove_member("u3")})), {{"If-Match", "*"}});
  EXPECT_EQ(r.status, 200);
}

TEST_F(MemberPatchTest, UnknownGroupIs404) {
  EXPECT_THAT(both("/Groups/nope", patch_of(json::array({add_members({"u3"})}))),
              IsScimError(404, ""));
}

TEST_F(MemberPatchTest, AGroupCannotContainItself) {
  auto r = direct.call_json("PATCH", "/Groups/g", patch_of(json::array({add_members({"g"})})));
  EXPECT_THAT(r, IsScimError(400, "invalidValue"));
  EXPECT_NE(r.body.find("a group cannot contain itself"), std::string::npos);
  // Nested groups are members like users (RFC 7643 §4.2).
  r = direct.call_json("PATCH", "/Groups/g", patch_of(json::array({add_members({"solo"})})));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body_of(direct.call("GET", "/Users/u3"))["groups"][1]["type"], "indirect");
}

// The direct path is taken for the shapes identity providers send, and only for them.
TEST(MemberPatchRecognition, TakesMemberOperationsOnly) {
  Harness h;
  auto loaded = load_seed(h.service, kSeed, "acme");
  ASSERT_TRUE(loaded.ok()) << loaded.error();
  auto store = h.tenants.find("acme");
  ASSERT_TRUE(store);
  const ResourceType* groups = h.registry.find_resource_type("Group");
  ServiceConfig config;
  Request request;
  request.base_url = testing::kBase;
  Context ctx{h.registry, config, *store, nullptr, request};
  auto taken = [&](const json& ops) {
    return patch_members_directly(ctx, *groups, "g", patch_of(ops), false).has_value();
  };
  EXPECT_TRUE(taken(json::array({add_members({"u3"})})));
  EXPECT_TRUE(taken(json::array({remove_member("u1")})));
  EXPECT_TRUE(taken(json::array({add_members({"u1"}), remove_member("u1")})));
  EXPECT_FALSE(taken(json::array(
      {add_members({"u3"}), {{"op", "replace"}, {"path", "displayName"}, {"value", "x"}}})));
  EXPECT_FALSE(taken(json::array({{{"op", "remove"}, {"path", "members"}}})));
  EXPECT_FALSE(
      taken(json::array({{{"op", "Add"}, {"path", "members"}, {"value", {{{"value", "u3"}}}}}})));
  config.lenient = true;
  EXPECT_FALSE(taken(json::array({add_members({"u3"})})));
  config.lenient = false;
  config.features.nested_groups = false;
  EXPECT_FALSE(taken(json::array({add_members({"u3"})})));
  const ResourceType* users = h.registry.find_resource_type("User");
  EXPECT_FALSE(
      patch_members_directly(ctx, *users, "u1", patch_of(json::array({add_members({"u3"})})), false)
          .has_value());
}

TEST(MemberPatchRecognition, ProjectionShowsMembers) {
  const Registry registry = Registry::with_builtin();
  const ResourceType* groups = registry.find_resource_type("Group");
  auto shows = [&](std::optional<std::string> attributes, std::optional<std::string> excluded) {
    auto p = engine::parse_projection(attributes, excluded, registry, *groups);
    EXPECT_TRUE(p.ok());
    return projection_shows_members(*p);
  };
  EXPECT_TRUE(shows(std::nullopt, std::nullopt));
  EXPECT_FALSE(shows(std::nullopt, "members"));
  EXPECT_FALSE(shows(std::nullopt, "displayName,MEMBERS"));
  EXPECT_TRUE(shows(std::nullopt, "members.display"));
  EXPECT_TRUE(shows(std::nullopt, "displayName"));
  EXPECT_FALSE(shows("displayName", std::nullopt));
  EXPECT_TRUE(shows("members.value", std::nullopt));
  EXPECT_TRUE(shows("urn:ietf:params:scim:schemas:core:2.0:Group:members", std::nullopt));
}

}  // namespace
}  // namespace scim::server
