// InMemoryStore writes: meta stamping, versions and compare-and-set (RFC 7644 §3.14), uniqueness
// (RFC 7644 §3.3 409), membership consistency (RFC 7643 §4.1.2, §4.2).
#include "scim/server/store/memory_store.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "scim/server/testing/store_test_support.hpp"

namespace scim::store {
namespace {

using testing::group;
using testing::user;

class MemoryStoreTest : public ::testing::Test {
 protected:
  InMemoryStore store{testing::user_and_group_specs(), testing::fixed_clock()};
};

TEST_F(MemoryStoreTest, CreateStampsMetaAndVersion) {
  auto out = store.create("User", user("u1", "bjensen"));
  ASSERT_TRUE(out.ok());
  const auto& meta = out->resource.resource["meta"];
  EXPECT_EQ(meta["resourceType"], "User");
  EXPECT_EQ(meta["created"], "2023-11-14T22:13:20.000Z");
  EXPECT_EQ(meta["lastModified"], meta["created"]);
  EXPECT_EQ(meta["version"], out->resource.etag());
  auto got = store.get("User", "u1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->version, out->resource.version);
  EXPECT_EQ(got->resource["userName"], "bjensen");
}

TEST_F(MemoryStoreTest, GetUnknownIs404) {
  auto got = store.get("User", "nope");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().status, 404);
}

TEST_F(MemoryStoreTest, UserNameIsUniqueCaseInsensitively) {
  ASSERT_TRUE(store.create("User", user("u1", "bjensen")).ok());
  auto clash = store.create("User", user("u2", "BJensen"));
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().status, 409);
  EXPECT_EQ(clash.error().scim_type, ScimType::Uniqueness);
  auto other = store.create("User", user("u3", "other"));
  ASSERT_TRUE(other.ok());
  auto rename = store.replace("User", "u3", user("u3", "BJENSEN"), std::nullopt);
  ASSERT_FALSE(rename.ok());
  EXPECT_EQ(rename.error().scim_type, ScimType::Uniqueness);
}

TEST_F(MemoryStoreTest, IdsAreUniqueAcrossTypes) {
  ASSERT_TRUE(store.create("User", user("x", "a")).ok());
  auto clash = store.create("Group", group("x", "g", {}));
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().status, 409);
}

TEST_F(MemoryStoreTest, ReplaceIsCompareAndSet) {
  auto created = store.create("User", user("u1", "a"));
  ASSERT_TRUE(created.ok());
  const auto v1 = created->resource.version;
  auto ok = store.replace("User", "u1", user("u1", "b"), v1);
  ASSERT_TRUE(ok.ok());
  EXPECT_GT(ok->resource.version, v1);
  EXPECT_EQ(ok->resource.resource["meta"]["created"],
            created->resource.resource["meta"]["created"]);
  auto stale = store.replace("User", "u1", user("u1", "c"), v1);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().status, 412);
  EXPECT_EQ(store.get("User", "u1")->resource["userName"], "b");
  auto gone = store.remove("User", "u1", v1);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().status, 412);
}

TEST_F(MemoryStoreTest, VersionsNeverRepeatAfterDeleteAndRecreate) {
  auto first = store.create("User", user("u1", "a"));
  ASSERT_TRUE(store.remove("User", "u1", std::nullopt).ok());
  auto second = store.create("User", user("u1", "a"));
  EXPECT_NE(first->resource.etag(), second->resource.etag());
}

TEST_F(MemoryStoreTest, MembersMustExistAndAreNamedInTheError) {
  ASSERT_TRUE(store.create("User", user("u1", "a")).ok());
  auto bad = store.create("Group", group("g1", "eng", {"u1", "ghost"}));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().status, 400);
  EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
  EXPECT_NE(bad.error().detail.find("ghost"), std::string::npos);
  EXPECT_EQ(store.size("Group"), 0u);
}

TEST_F(MemoryStoreTest, MemberTypeIsCheckedAndFilledIn) {
  ASSERT_TRUE(store.create("User", user("u1", "a")).ok());
  auto g = group("g1", "eng", {"u1"});
  g["members"][0]["type"] = "Group";
  auto bad = store.create("Group", g);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
  auto ok = store.create("Group", group("g1", "eng", {"u1", "u1"}));
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->resource.resource["members"].size(), 1u);  // duplicates collapse
  EXPECT_EQ(ok->resource.resource["members"][0]["type"], "User");
}

TEST_F(MemoryStoreTest, UserGroupsAreDirectAndIndirect) {
  ASSERT_TRUE(store.create("User", user("u1", "a")).ok());
  ASSERT_TRUE(store.create("Group", group("eng", "Engineering", {"u1"})).ok());
  ASSERT_TRUE(store.create("Group", group("all", "Everyone", {"eng"})).ok());
  auto u = store.get("User", "u1");
  ASSERT_TRUE(u.ok());
  const auto& groups = u->resource["groups"];
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0],
            (nlohmann::json{{"value", "eng"}, {"type", "direct"}, {"display", "Engineering"}}));
  EXPECT_EQ(groups[1]["value"], "all");
  EXPECT_EQ(groups[1]["type"], "indirect");
}

TEST_F(MemoryStoreTest, ClientSentGroupsAreNeverStored) {
  auto u = user("u1", "a");
  u["groups"] = {{{"value", "forged"}}};
  ASSERT_TRUE(store.create("User", u).ok());
  EXPECT_FALSE(store.get("User", "u1")->resource.contains("groups"));
}

TEST_F(MemoryStoreTest, DeletingAUserRemovesItsMemberships) {
  ASSERT_TRUE(store.create("User", user("u1", "a")).ok());
  ASSERT_TRUE(store.create("User", user("u2", "b")).ok());
  auto g = store.create("Group", group("eng", "Engineering", {"u1", "u2"}));
  auto out = store.remove("User", "u1", std::nullopt);
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(out->side_effects.size(), 1u);
  EXPECT_GT(out->side_effects[0].version, g->resource.version);
  auto after = store.get("Group", "eng");
  ASSERT_EQ(after->resource["members"].size(), 1u);
  EXPECT_EQ(after->resource["members"][0]["value"], "u2");
  EXPECT_EQ(store.membership_edges(), 1u);
}

TEST_F(MemoryStoreTest, DeletingAGroupRemovesBothDirections) {
  ASSERT_TRUE(store.create("User", user("u1", "a")).ok());
  ASSERT_TRUE(store.create("Group", group("eng", "Engineering", {"u1"})).ok());
  ASSERT_TRUE(store.create("Group", group("all", "Everyone", {"eng"})).ok());
  ASSERT_TRUE(store.remove("Group", "eng", std::nullopt).ok());
  EXPECT_FALSE(store.get("User", "u1")->resource.contains("groups"));
  EXPECT_FALSE(store.get("Group", "all")->resource.contains("members"));
  EXPECT_EQ(store.membership_edges(), 0u);
}

TEST_F(MemoryStoreTest, ReplacingMembersRelinks) {
  ASSERT_TRUE(store.create("User", user("u1", "a")).ok());
  ASSERT_TRUE(store.create("User", user("u2", "b")).ok());
  ASSERT_TRUE(store.create("Group", group("eng", "Eng", {"u1"})).ok());
  ASSERT_TRUE(store.replace("Group", "eng", group("eng", "Eng", {"u2"}), std::nullopt).ok());
  EXPECT_FALSE(store.get("User", "u1")->resource.contains("groups"));
  EXPECT_EQ(store.get("User", "u2")->resource["groups"][0]["value"], "eng");
}

// A replace checks and relinks only the members that change (issue 19: one member more in a big
// group), with the same answers as checking every member: an existing member whose type the
// request contradicts is still refused, and the edges equal the members afterwards.
TEST_F(MemoryStoreTest, ReplacingAGroupChecksAndRelinksItsMembersAsAWhole) {
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) {
    ids.push_back("u" + std::to_string(i));
    ASSERT_TRUE(store.create("User", user(ids.back(), "n" + std::to_string(i))).ok());
  }
  ASSERT_TRUE(store.create("Group", group("big", "Big", ids)).ok());
  EXPECT_EQ(store.membership_edges(), 50u);
  auto g = group("big", "Big", ids);
  g["members"][7]["type"] = "Group";  // u7 is a User: refused though it is already a member
  auto bad = store.replace("Group", "big", g, std::nullopt);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
  EXPECT_NE(bad.error().detail.find("members[7].type"), std::string::npos);
  ASSERT_TRUE(store.create("User", user("new", "newcomer")).ok());
  auto more = ids;
  more.push_back("new");
  more.erase(more.begin() + 3);  // u3 leaves, "new" joins
  auto ok = store.replace("Group", "big", group("big", "Big", more), std::nullopt);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->resource.resource["members"].size(), 50u);
  EXPECT_EQ(ok->resource.resource["members"][49]["type"], "User");  // filled in for the newcomer
  EXPECT_EQ(store.membership_edges(), 50u);
  EXPECT_FALSE(store.get("User", "u3")->resource.contains("groups"));
  EXPECT_EQ(store.get("User", "new")->resource["groups"][0]["value"], "big");
  EXPECT_EQ(store.get("User", "u4")->resource["groups"][0]["value"], "big");
  auto ghost = more;
  ghost.push_back("ghost");
  EXPECT_EQ(store.replace("Group", "big", group("big", "Big", ghost), std::nullopt).error().status,
            400);
}

TEST_F(MemoryStoreTest, AGroupCannotContainItself) {
  auto bad = store.create("Group", group("g", "g", {"g"}));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().scim_type, ScimType::InvalidValue);
}

TEST(MemoryStoreLimits, MaxResourcesIsEnforced) {
  auto options = testing::fixed_clock();
  options.max_resources = 2;
  InMemoryStore store(testing::user_and_group_specs(), options);
  ASSERT_TRUE(store.create("User", user("1", "a")).ok());
  ASSERT_TRUE(store.create("User", user("2", "b")).ok());
  auto full = store.create("User", user("3", "c"));
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().status, 507);
}

// Concurrent compare-and-set: of N writers racing from one version exactly one wins.
TEST(MemoryStoreConcurrency, ExactlyOneCompareAndSetWins) {
  InMemoryStore store(testing::user_and_group_specs());
  auto created = store.create("User", user("u1", "a"));
  const auto v = created->resource.version;
  std::atomic<int> wins{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      auto r = store.replace("User", "u1", user("u1", "n" + std::to_string(i)), v);
      (r.ok() ? wins : conflicts)++;
      for (int k = 0; k < 100; ++k) (void)store.get("User", "u1");
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
}

}  // namespace
}  // namespace scim::store
