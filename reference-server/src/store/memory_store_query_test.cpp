// InMemoryStore::query: index narrowing, predicates, paging and bounded sorting; and
// InMemoryStore::list_records, the same candidates in their stored form.
#include <gtest/gtest.h>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/store/record_codec.hpp"
#include "scim/server/testing/store_test_support.hpp"

namespace scim::store {
namespace {

using testing::user;

class StoreQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 10; ++i) {
      auto u = user("u" + std::to_string(i), "user" + std::to_string(i));
      u["externalId"] = i % 2 ? "odd" : "even";
      ASSERT_TRUE(store.create("User", u).ok());
    }
  }
  InMemoryStore store{testing::user_and_group_specs(), testing::fixed_clock()};
};

TEST_F(StoreQueryTest, NoFilterListsInCreationOrder) {
  auto r = store.query("User", Query{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 10u);
  ASSERT_EQ(r->page.size(), 10u);
  EXPECT_EQ(r->page.front()["id"], "u0");
  EXPECT_EQ(r->page.back()["id"], "u9");
  EXPECT_FALSE(r->used_index);
}

TEST_F(StoreQueryTest, PagingKeepsTheTotal) {
  Query q;
  q.offset = 8;
  q.limit = 5;
  auto r = store.query("User", q);
  EXPECT_EQ(r->total, 10u);
  ASSERT_EQ(r->page.size(), 2u);
  EXPECT_EQ(r->page[0]["id"], "u8");
}

TEST_F(StoreQueryTest, IndexLookupIsRecheckedByThePredicate) {
  Query q;
  q.lookup = IndexLookup{IndexLookup::Kind::Equals, "userName", "USER3"};
  int calls = 0;
  q.predicate = [&](const nlohmann::json& r) {
    ++calls;
    return r["userName"] == "user3";
  };
  auto r = store.query("User", q);
  EXPECT_TRUE(r->used_index);
  EXPECT_EQ(calls, 1);  // only the indexed candidate was evaluated
  ASSERT_EQ(r->total, 1u);
  EXPECT_EQ(r->page[0]["id"], "u3");
}

TEST_F(StoreQueryTest, NonUniqueIndexReturnsAllCandidates) {
  Query q;
  q.lookup = IndexLookup{IndexLookup::Kind::Equals, "externalId", "odd"};
  auto r = store.query("User", q);
  EXPECT_TRUE(r->used_index);
  EXPECT_EQ(r->total, 5u);
}

// An `or` of indexed terms (Query::lookup_any): the union of the candidates, each once and in
// creation order, each re-checked by the predicate.
TEST_F(StoreQueryTest, LookupAnyVisitsTheUnionOfTheCandidates) {
  Query q;
  q.lookup_any =
      std::vector<IndexLookup>{IndexLookup{IndexLookup::Kind::Equals, "userName", "USER7"},
                               IndexLookup{IndexLookup::Kind::Equals, "userName", "user2"},
                               IndexLookup{IndexLookup::Kind::Equals, "userName", "user7"},
                               IndexLookup{IndexLookup::Kind::Equals, "externalId", "nobody"}};
  int calls = 0;
  q.predicate = [&](const nlohmann::json& r) {
    ++calls;
    return r["userName"] == "user2" || r["userName"] == "user7";
  };
  auto r = store.query("User", q);
  EXPECT_TRUE(r->used_index);
  EXPECT_EQ(calls, 2);  // user7 is named twice and decided once; nothing else is decoded
  ASSERT_EQ(r->total, 2u);
  EXPECT_EQ(r->page[0]["id"], "u2");
  EXPECT_EQ(r->page[1]["id"], "u7");
}

// An empty union (a filter no resource can match): nothing is decoded, nothing matches.
TEST_F(StoreQueryTest, EmptyLookupAnyHasNoCandidates) {
  Query q;
  q.lookup_any.emplace();
  int calls = 0;
  q.predicate = [&](const nlohmann::json&) {
    ++calls;
    return true;
  };
  auto r = store.query("User", q);
  EXPECT_TRUE(r->used_index);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(r->total, 0u);
  q.keyset = Keyset{};  // the cursor path (RFC 9865) takes the same candidates
  r = store.query("User", q);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(r->total, 0u);
}

// A lookup on an attribute without an index, alone or in a union (Query::lookup_any), scans.
TEST_F(StoreQueryTest, UnindexedAttributeFallsBackToAScan) {
  const IndexLookup title{IndexLookup::Kind::Equals, "title", "x"};
  Query alone;
  alone.lookup = title;
  Query in_union;
  in_union.lookup_any =
      std::vector<IndexLookup>{IndexLookup{IndexLookup::Kind::Equals, "userName", "user1"}, title};
  for (Query* q : {&alone, &in_union}) {
    q->predicate = [](const nlohmann::json& r) { return r["externalId"] == "even"; };
    auto r = store.query("User", *q);
    EXPECT_FALSE(r->used_index);
    EXPECT_EQ(r->total, 5u);
  }
}

TEST_F(StoreQueryTest, SortOrdersBeforePaging) {
  Query q;
  q.sort = [](std::vector<const nlohmann::json*>& v) {
    std::stable_sort(v.begin(), v.end(), [](auto* a, auto* b) { return (*a)["id"] > (*b)["id"]; });
  };
  q.limit = 2;
  auto r = store.query("User", q);
  EXPECT_EQ(r->total, 10u);
  ASSERT_EQ(r->page.size(), 2u);
  EXPECT_EQ(r->page[0]["id"], "u9");
  EXPECT_EQ(r->page[1]["id"], "u8");
}

TEST_F(StoreQueryTest, SortingTooManyIsTooMany) {
  Query q;
  q.sort = [](std::vector<const nlohmann::json*>&) {};
  q.max_sorted = 3;
  auto r = store.query("User", q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, 400);
  EXPECT_EQ(r.error().scim_type, ScimType::TooMany);
}

TEST_F(StoreQueryTest, ComputedGroupsAreVisibleToPredicates) {
  ASSERT_TRUE(store.create("Group", testing::group("g", "G", {"u4"})).ok());
  Query q;
  q.predicate = [](const nlohmann::json& r) { return r.contains("groups"); };
  auto r = store.query("User", q);
  ASSERT_EQ(r->total, 1u);
  EXPECT_EQ(r->page[0]["id"], "u4");
}

TEST_F(StoreQueryTest, RecordListingPagesEveryRecordInCreationOrder) {
  RecordQuery q;
  q.offset = 8;
  q.limit = 5;
  auto r = store.list_records("User", q);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->total, 10u);
  ASSERT_EQ(r->page.size(), 2u);
  ASSERT_TRUE(r->page[0].record);
  EXPECT_EQ(r->page[0].record->id, "u8");
  // The stored form is the resource query() decodes.
  EXPECT_EQ(decode_record(r->page[1].record->bytes), store.query("User", Query{})->page[9]);
  q.offset = 0;
  q.limit = 0;
  r = store.list_records("User", q);
  EXPECT_EQ(r->total, 10u);
  EXPECT_TRUE(r->page.empty());
}

TEST_F(StoreQueryTest, RecordListingOfALookupIsItsCandidatesUndecided) {
  RecordQuery q;
  q.lookup = IndexLookup{IndexLookup::Kind::Equals, "externalId", "odd"};
  q.limit = 2;
  auto r = store.list_records("User", q);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->total, 5u);  // every candidate counted, two listed
  ASSERT_EQ(r->page.size(), 2u);
  EXPECT_EQ(r->page[0].record->id, "u1");
  EXPECT_EQ(r->page[1].record->id, "u3");
  q.lookup = IndexLookup{IndexLookup::Kind::Equals, "userName", "USER3"};  // folded, as query()
  r = store.list_records("User", q);
  ASSERT_EQ(r->total, 1u);
  EXPECT_EQ(r->page[0].record->id, "u3");
  // No index on the attribute, or no such type: query() answers those.
  q.lookup = IndexLookup{IndexLookup::Kind::Equals, "title", "x"};
  EXPECT_FALSE(store.list_records("User", q));
  EXPECT_FALSE(store.list_records("Nope", RecordQuery{}));
}

TEST_F(StoreQueryTest, RecordListingCarriesGroupsAndDecodesMemberLists) {
  ASSERT_TRUE(store.create("Group", testing::group("g", "G", {"u4"})).ok());
  ASSERT_TRUE(store.create("Group", testing::group("h", "H", {})).ok());
  RecordQuery q;
  q.lookup = IndexLookup{IndexLookup::Kind::Equals, "id", "u4"};
  auto users = store.list_records("User", q);
  ASSERT_EQ(users->page.size(), 1u);
  EXPECT_EQ(groups_json(users->page[0].record->groups),
            store.get("User", "u4")->resource["groups"]);
  // A group's members are kept beside its bytes: it is listed decoded, members and all.
  auto groups = store.list_records("Group", RecordQuery{});
  ASSERT_EQ(groups->page.size(), 2u);
  EXPECT_FALSE(groups->page[0].record);
  EXPECT_EQ(groups->page[0].resource, store.get("Group", "g")->resource);
}

}  // namespace
}  // namespace scim::store
