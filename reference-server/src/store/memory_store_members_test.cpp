// InMemoryStore::edit_members: a group's members changed on its member set (RFC 7643 §4.2) give
// the group, the users' computed "groups" (§4.1.2), versions and errors that the same change
// written as a whole "members" array through replace() gives.
#include <gtest/gtest.h>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/testing/store_test_support.hpp"

namespace scim::store {
namespace {

using nlohmann::json;
using testing::group;
using testing::user;

// A step that removes `remove` (exactly) and then adds `add`.
MemberEditStep edit_of(std::vector<std::string> remove, std::vector<std::string> add) {
  return [remove = std::move(remove), add = std::move(add)](MemberEdit& e) -> Status<> {
    for (const auto& v : remove) e.remove(v, true);
    for (const auto& v : add) e.add(v);
    return Ok{};
  };
}

class MemberEditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (auto* s : {&store, &twin}) {
      for (const char* u : {"u1", "u2", "u3", "u4"})
        ASSERT_TRUE(s->create("User", user(u, u)).ok());
      ASSERT_TRUE(s->create("Group", group("g", "G", {"u1", "u2", "u3"})).ok());
      ASSERT_TRUE(s->create("Group", group("empty", "E", {})).ok());
    }
  }
  // The same change on `twin` through replace() of the whole group, as the PATCH engine makes it.
  void replace_twin(const std::string& id, const std::vector<std::string>& members) {
    auto g = twin.get("Group", id);
    ASSERT_TRUE(g.ok());
    json next = g->resource;
    next.erase("members");
    for (const auto& m : members) next["members"].push_back({{"value", m}});
    ASSERT_TRUE(twin.replace("Group", id, next, std::nullopt).ok());
  }
  void expect_same(const std::string& type, const std::string& id) {
    auto a = store.get(type, id);
    auto b = twin.get(type, id);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(a->resource, b->resource) << type << " " << id;
    EXPECT_EQ(a->version, b->version);
  }

  InMemoryStore store{testing::user_and_group_specs(), testing::fixed_clock()};
  InMemoryStore twin{testing::user_and_group_specs(), testing::fixed_clock()};
};

TEST_F(MemberEditTest, AddAndRemoveAgreeWithAWholeReplace) {
  const auto before = store.get("Group", "g")->version;
  auto out = store.edit_members("Group", "g", edit_of({"u2"}, {"u4"}), false);
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->changed);
  EXPECT_GT(out->outcome.resource.version, before);
  EXPECT_FALSE(out->outcome.resource.resource.contains("members"));  // not asked for
  EXPECT_EQ(out->outcome.resource.resource["meta"]["version"], out->outcome.resource.etag());
  replace_twin("g", {"u1", "u3", "u4"});
  expect_same("Group", "g");
  for (const char* u : {"u1", "u2", "u3", "u4"}) expect_same("User", u);
  EXPECT_EQ(store.get("Group", "g")->resource["members"],
            json::parse(R"([{"value": "u1", "type": "User"}, {"value": "u3", "type": "User"},
                            {"value": "u4", "type": "User"}])"));
  EXPECT_EQ(store.get("User", "u4")->resource["groups"][0]["value"], "g");  // RFC 7643 §4.1.2
  EXPECT_FALSE(store.get("User", "u2")->resource.contains("groups"));
  EXPECT_EQ(store.membership_edges(), twin.membership_edges());
}

TEST_F(MemberEditTest, WithMembersAnswersTheWholeGroup) {
  auto out = store.edit_members("Group", "g", edit_of({}, {"u4"}), true);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->outcome.resource.resource, store.get("Group", "g")->resource);
}

TEST_F(MemberEditTest, RemovingTheLastMemberDropsTheAttribute) {
  ASSERT_TRUE(store.edit_members("Group", "g", edit_of({"u1", "u2", "u3"}, {}), false).ok());
  replace_twin("g", {});
  expect_same("Group", "g");
  EXPECT_FALSE(store.get("Group", "g")->resource.contains("members"));
  ASSERT_TRUE(store.edit_members("Group", "empty", edit_of({}, {"u1", "g"}), false).ok());
  replace_twin("empty", {"u1", "g"});
  expect_same("Group", "empty");
  expect_same("User", "u1");
}

TEST_F(MemberEditTest, NoChangeWritesNothing) {
  const auto before = store.get("Group", "g");
  auto out = store.edit_members("Group", "g", edit_of({}, {"u1"}), true);
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(out->changed);
  EXPECT_EQ(out->outcome.resource.version, before->version);
  EXPECT_EQ(store.get("Group", "g")->resource, before->resource);
  // Added and removed again in one edit: no change either.
  out = store.edit_members("Group", "g", edit_of({}, {"u4"}), true);
  ASSERT_TRUE(out.ok());
  out = store.edit_members(
      "Group", "g",
      [](MemberEdit& e) -> Status<> {
        e.add("u9");
        EXPECT_EQ(e.remove("U9", false), 1u);
        return Ok{};
      },
      false);
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(out->changed);
}

TEST_F(MemberEditTest, UnknownMemberIs400NamingItsPlaceAndChangesNothing) {
  const auto before = store.get("Group", "g");
  // RFC 7643 §4.2: u2 removed, so "nope" is the fourth member of the new list, members[3].
  auto out = store.edit_members("Group", "g", edit_of({"u2"}, {"u4", "nope"}), false);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().status, 400);
  EXPECT_EQ(out.error().scim_type, ScimType::InvalidValue);
  EXPECT_EQ(out.error().detail, "members[3].value \"nope\" does not name an existing resource");
  auto twin_out = twin.replace(
      "Group", "g", json::parse(R"({"id": "g", "displayName": "G", "members": [{"value": "u1"},
                      {"value": "u3"}, {"value": "u4"}, {"value": "nope"}]})"),
      std::nullopt);
  ASSERT_FALSE(twin_out.ok());
  EXPECT_EQ(twin_out.error().detail, out.error().detail);
  EXPECT_EQ(store.get("Group", "g")->resource, before->resource);
  EXPECT_EQ(store.get("Group", "g")->version, before->version);
  EXPECT_FALSE(store.get("User", "u4")->resource.contains("groups"));
}

TEST_F(MemberEditTest, AGroupCannotContainItselfAndTheStepsErrorsPassThrough) {
  auto self = store.edit_members("Group", "g", edit_of({}, {"g"}), false);
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().detail, "a group cannot contain itself");
  auto refused = store.edit_members(
      "Group", "g",
      [](MemberEdit& e) -> Status<> {
        e.remove("u1", true);
        return ScimError{412, ScimType::None, "stale"};
      },
      false);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().status, 412);
  expect_same("Group", "g");
  auto missing = store.edit_members("Group", "nope", edit_of({}, {"u1"}), false);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().status, 404);
  EXPECT_EQ(missing.error().detail, store.get("Group", "nope").error().detail);
  EXPECT_TRUE(store.holds_members("Group"));
  EXPECT_FALSE(store.holds_members("User"));
}

TEST_F(MemberEditTest, MaxMembersPerGroupHolds) {
  StoreOptions options = testing::fixed_clock();
  options.max_members_per_group = 3;
  InMemoryStore small{testing::user_and_group_specs(), options};
  for (const char* u : {"u1", "u2", "u3", "u4"}) ASSERT_TRUE(small.create("User", user(u, u)).ok());
  ASSERT_TRUE(small.create("Group", group("g", "G", {"u1", "u2", "u3"})).ok());
  auto out = small.edit_members("Group", "g", edit_of({}, {"u4"}), false);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().detail, "a group holds at most 3 members");
  EXPECT_TRUE(small.edit_members("Group", "g", edit_of({"u1"}, {"u4"}), false).ok());
}

TEST_F(MemberEditTest, QueriesExportAndDeletesSeeTheMemberSet) {
  ASSERT_TRUE(store.edit_members("Group", "g", edit_of({}, {"u4"}), false).ok());
  // A filter on members is decided on the members put back, and the bytes pre-check does not
  // rule a group out for a member that is not in its record's bytes.
  Query q;
  q.predicate = [](const json& r) {
    for (const auto& m : r.value("members", json::array())) {
      if (m["value"] == "u4") return true;
    }
    return false;
  };
  q.must_contain = {{"members", "u4"}};
  auto found = store.query("Group", q);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->total, 1u);
  EXPECT_EQ(found->page[0]["members"].size(), 4u);
  EXPECT_EQ(store.export_all()["Group"][0]["members"].size(), 4u);
  // Deleting a member user takes it out of the set (RFC 7644 §3.6).
  auto removed = store.remove("User", "u4", std::nullopt);
  ASSERT_TRUE(removed.ok());
  ASSERT_EQ(removed->side_effects.size(), 1u);
  EXPECT_EQ(removed->side_effects[0].resource["members"].size(), 3u);
  EXPECT_EQ(store.get("Group", "g")->resource["members"].size(), 3u);
  // A transaction's staged copy carries the sets; deleting the group drops its set.
  ASSERT_TRUE(store.transact(false, [](InMemoryStore&) -> Status<> { return Ok{}; }).ok());
  EXPECT_EQ(store.get("Group", "g")->resource["members"].size(), 3u);
  ASSERT_TRUE(store.remove("Group", "g", std::nullopt).ok());
  ASSERT_TRUE(store.create("Group", group("g", "G", {})).ok());
  EXPECT_FALSE(store.get("Group", "g")->resource.contains("members"));
  EXPECT_FALSE(store.get("User", "u1")->resource.contains("groups"));
}

}  // namespace
}  // namespace scim::store
