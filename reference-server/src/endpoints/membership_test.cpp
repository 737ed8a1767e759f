// Group membership consistency (RFC 7643 §4.1.2 "groups", §4.2 "members"): the User's read-only
// groups follow the groups' members, directly and through nested groups; deletes clean up.
#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::body_of;
using testing::Harness;
using testing::IsScimError;
using json = nlohmann::json;

json groups_of(Harness& h, const std::string& user_id) {
  return body_of(h.call("GET", "/Users/" + user_id)).value("groups", json::array());
}

TEST(Membership, UserSeesDirectAndIndirectGroupsWithRefs) {
  Harness h;
  const auto alice = h.create_user("alice");
  const auto eng = h.create_group("Engineering", {alice});
  const auto all = h.create_group("Everyone", {eng});
  auto groups = groups_of(h, alice);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0]["value"], eng);
  EXPECT_EQ(groups[0]["type"], "direct");
  EXPECT_EQ(groups[0]["display"], "Engineering");
  EXPECT_EQ(groups[0]["$ref"], std::string(testing::kBase) + "/Groups/" + eng);
  EXPECT_EQ(groups[1]["value"], all);
  EXPECT_EQ(groups[1]["type"], "indirect");
}

TEST(Membership, GroupMembersCarryTypeAndRef) {
  Harness h;
  const auto alice = h.create_user("alice");
  const auto eng = h.create_group("Engineering", {alice});
  auto members = body_of(h.call("GET", "/Groups/" + eng))["members"];
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0]["type"], "User");
  EXPECT_EQ(members[0]["$ref"], std::string(testing::kBase) + "/Users/" + alice);
}

TEST(Membership, UnknownMemberIsInvalidValueNamingTheId) {
  Harness h;
  json g{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:Group"}},
         {"displayName", "Ghosts"},
         {"members", {{{"value", "no-such-user"}}}}};
  auto r = h.call_json("POST", "/Groups", g);
  EXPECT_THAT(r, IsScimError(400, "invalidValue"));
  EXPECT_NE(r.body.find("no-such-user"), std::string::npos);
}

TEST(Membership, PatchAddAndRemoveMembersUpdateUserGroups) {
  Harness h;
  const auto alice = h.create_user("alice");
  const auto eng = h.create_group("Engineering", {});
  json add{{"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
           {"Operations", {{{"op", "add"}, {"path", "members"}, {"value", {{{"value", alice}}}}}}}};
  ASSERT_EQ(h.call_json("PATCH", "/Groups/" + eng, add).status, 200);
  EXPECT_EQ(groups_of(h, alice).size(), 1u);
  json remove{
      {"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
      {"Operations", {{{"op", "remove"}, {"path", "members[value eq \"" + alice + "\"]"}}}}};
  auto r = h.call_json("PATCH", "/Groups/" + eng, remove);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(groups_of(h, alice).empty());
}

TEST(Membership, PatchAddingAnUnknownMemberIsRejected) {
  Harness h;
  const auto eng = h.create_group("Engineering", {});
  json add{
      {"schemas", {"urn:ietf:params:scim:api:messages:2.0:PatchOp"}},
      {"Operations", {{{"op", "add"}, {"path", "members"}, {"value", {{{"value", "ghost"}}}}}}}};
  EXPECT_THAT(h.call_json("PATCH", "/Groups/" + eng, add), IsScimError(400, "invalidValue"));
}

TEST(Membership, DeletingAUserRemovesItFromGroups) {
  Harness h;
  const auto alice = h.create_user("alice");
  const auto bob = h.create_user("bob");
  const auto eng = h.create_group("Engineering", {alice, bob});
  const auto before = body_of(h.call("GET", "/Groups/" + eng))["meta"]["version"];
  ASSERT_EQ(h.call("DELETE", "/Users/" + alice).status, 204);
  auto group = body_of(h.call("GET", "/Groups/" + eng));
  ASSERT_EQ(group["members"].size(), 1u);
  EXPECT_EQ(group["members"][0]["value"], bob);
  EXPECT_NE(group["meta"]["version"], before);
  // The group change is reported as a PATCH event besides the delete.
  ASSERT_GE(h.sink.events.size(), 2u);
  EXPECT_EQ(h.sink.events.back().kind, WriteEvent::Kind::Patch);
  EXPECT_EQ(h.sink.events.back().id, eng);
}

TEST(Membership, DeletingANestedGroupDropsIndirectMembership) {
  Harness h;
  const auto alice = h.create_user("alice");
  const auto eng = h.create_group("Engineering", {alice});
  const auto all = h.create_group("Everyone", {eng});
  ASSERT_EQ(h.call("DELETE", "/Groups/" + eng).status, 204);
  EXPECT_TRUE(groups_of(h, alice).empty());
  EXPECT_FALSE(body_of(h.call("GET", "/Groups/" + all)).contains("members"));
}

TEST(Membership, GroupsIsReadOnlyOnUsers) {
  Harness h;
  const auto eng = h.create_group("Engineering", {});
  json u{{"schemas", {"urn:ietf:params:scim:schemas:core:2.0:User"}},
         {"userName", "mallory"},
         {"groups", {{{"value", eng}}}}};
  auto r = h.call_json("POST", "/Users", u);
  ASSERT_EQ(r.status, 201) << r.body;  // readOnly input is ignored (RFC 7643 §2.2)
  EXPECT_FALSE(body_of(r).contains("groups"));
}

TEST(Membership, FilterOnGroupsValueFindsMembers) {
  Harness h;
  const auto alice = h.create_user("alice");
  h.create_user("bob");
  const auto eng = h.create_group("Engineering", {alice});
  auto body =
      body_of(h.call("GET", "/Users", "", {}, {{"filter", "groups.value eq \"" + eng + "\""}}));
  ASSERT_EQ(body["totalResults"], 1) << body;
  EXPECT_EQ(body["Resources"][0]["id"], alice);
}

}  // namespace
}  // namespace scim::server

namespace scim::server::testing {
namespace {

// RFC 9967 §2.5.1: a write done for an async request reports the request's
// transaction id, so its SETs share the Set-Txn; other writes get a fresh one each.
TEST(WriteEvents, CarryTheRequestTxnWhenOneIsSet) {
  Harness h;
  Request r;
  r.method = "POST";
  r.path = "/Users";
  r.body = R"({"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"txn-user"})";
  r.headers["content-type"] = "application/scim+json";
  r.principal.tenant = h.tenant;
  r.base_url = kBase;
  r.txn = "async-txn-1";
  ASSERT_EQ(h.routes.handle(r).status, 201);
  h.create_user("plain-user");
  ASSERT_EQ(h.sink.events.size(), 2u);
  EXPECT_EQ(h.sink.events[0].txn, "async-txn-1");
  EXPECT_FALSE(h.sink.events[1].txn.empty());
  EXPECT_NE(h.sink.events[1].txn, "async-txn-1");
}

}  // namespace
}  // namespace scim::server::testing
