// The control plane's whole-tenant store operations: reset, export, restore with meta kept, and
// the all-or-nothing import transaction.
#include <gtest/gtest.h>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/testing/store_test_support.hpp"

namespace scim::store {
namespace {

using testing::group;
using testing::user;

TEST(StoreEtag, ParseIsTheInverseOfFormat) {
  EXPECT_EQ(parse_etag(format_etag(42)), 42u);
  EXPECT_EQ(parse_etag("W/\"7\""), 7u);
  for (const char* bad : {"\"7\"", "W/\"\"", "W/\"7x\"", "W/\"0\"", "W/7", ""}) {
    EXPECT_FALSE(parse_etag(bad).has_value()) << bad;
  }
}

TEST(StoreAdmin, ClearEmptiesEveryTypeButNeverReusesAVersion) {
  InMemoryStore store(testing::user_and_group_specs());
  ASSERT_TRUE(store.create("User", user("1", "bjensen")).ok());
  ASSERT_TRUE(store.create("Group", group("g", "admins", {"1"})).ok());
  store.clear();
  EXPECT_EQ(store.size("User"), 0u);
  EXPECT_EQ(store.size("Group"), 0u);
  EXPECT_EQ(store.membership_edges(), 0u);
  auto again = store.create("User", user("1", "bjensen"));  // unique values are free again
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->resource.version, 3u);
}

TEST(StoreAdmin, ExportIsCreationOrderWithMetaAndWithoutComputedGroups) {
  InMemoryStore store(testing::user_and_group_specs(), testing::fixed_clock());
  ASSERT_TRUE(store.create("User", user("b", "second")).ok());
  ASSERT_TRUE(store.create("User", user("a", "first")).ok());
  ASSERT_TRUE(store.create("Group", group("g", "admins", {"a"})).ok());
  auto all = store.export_all();
  ASSERT_EQ(all.size(), 2u);
  const auto& users = all.at("User");
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0]["id"], "b");
  EXPECT_EQ(users[1]["meta"]["version"], "W/\"2\"");
  EXPECT_FALSE(users[1].contains("groups"));
  EXPECT_EQ(all.at("Group").size(), 1u);
}

TEST(StoreAdmin, RestoreKeepsValidMetaAndStampsTheRest) {
  InMemoryStore store(testing::user_and_group_specs(), testing::fixed_clock());
  auto kept = user("1", "bjensen");
  kept["meta"] = {{"created", "2011-08-01T18:29:49.793Z"},
                  {"lastModified", "2011-08-01T20:31:02.315Z"},
                  {"version", "W/\"41\""},
                  {"location", "https://elsewhere/Users/1"}};
  auto r = store.restore("User", kept);
  ASSERT_TRUE(r.ok());
  const auto& meta = r->resource.resource["meta"];
  EXPECT_EQ(meta["created"], "2011-08-01T18:29:49.793Z");
  EXPECT_EQ(meta["lastModified"], "2011-08-01T20:31:02.315Z");
  EXPECT_EQ(meta["version"], "W/\"41\"");
  EXPECT_FALSE(meta.contains("location"));  // the endpoints add it for the caller's base URL
  EXPECT_EQ(r->resource.version, 41u);
  // The counter moved past the kept version: the next write gets a newer one.
  EXPECT_EQ(store.create("User", user("2", "other"))->resource.version, 42u);

  auto foreign = user("3", "third");
  foreign["meta"] = {{"created", "yesterday"}, {"version", "\"abc\""}};
  auto f = store.restore("User", foreign);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->resource.version, 43u);
  EXPECT_EQ(f->resource.resource["meta"]["created"], "2023-11-14T22:13:20.000Z");
  // Restore checks what create checks.
  EXPECT_EQ(store.restore("User", user("4", "BJENSEN")).error().status, 409);
}

TEST(StoreAdmin, AFailedTransactionChangesNothing) {
  InMemoryStore store(testing::user_and_group_specs());
  ASSERT_TRUE(store.create("User", user("1", "bjensen")).ok());
  auto failed = store.transact(true, [](InMemoryStore& staged) -> Status<> {
    if (auto r = staged.restore("User", user("9", "new")); !r) return r.error();
    return staged.restore("User", user("10", "NEW")).error();  // 409: the whole import fails
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().status, 409);
  EXPECT_EQ(store.size("User"), 1u);
  EXPECT_TRUE(store.get("User", "1").ok());
  EXPECT_FALSE(store.get("User", "9").ok());
}

TEST(StoreAdmin, TransactionReplacesOrMergesAtomically) {
  InMemoryStore store(testing::user_and_group_specs());
  ASSERT_TRUE(store.create("User", user("1", "bjensen")).ok());
  auto merged = store.transact(false, [](InMemoryStore& staged) -> Status<> {
    EXPECT_EQ(staged.size("User"), 1u);  // a copy of the current contents
    if (auto r = staged.restore("User", user("2", "jsmith")); !r) return r.error();
    if (auto r = staged.restore("Group", group("g", "both", {"1", "2"})); !r) return r.error();
    return Ok{};
  });
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(store.size("User"), 2u);
  EXPECT_EQ(store.get("User", "1")->resource["groups"][0]["value"], "g");

  auto replaced = store.transact(true, [](InMemoryStore& staged) -> Status<> {
    EXPECT_EQ(staged.size("User"), 0u);
    auto r = staged.restore("User", user("3", "only"));
    return r ? Status<>(Ok{}) : Status<>(r.error());
  });
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(store.size("User"), 1u);
  EXPECT_EQ(store.size("Group"), 0u);
  EXPECT_EQ(store.membership_edges(), 0u);
  EXPECT_GT(store.create("User", user("4", "later"))->resource.version, 4u);
}

}  // namespace
}  // namespace scim::store
