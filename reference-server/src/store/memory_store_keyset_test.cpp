// InMemoryStore keyset pages (RFC 9865 cursors): forward and backward from a creation sequence,
// filtered and unfiltered, and stability while the collection changes between pages.
#include <gtest/gtest.h>

#include <set>

#include "scim/server/store/memory_store.hpp"
#include "scim/server/testing/store_test_support.hpp"

namespace scim::store {
namespace {

using testing::user;

std::vector<std::string> ids(const QueryResult& r) {
  std::vector<std::string> out;
  for (const auto& p : r.page) out.push_back(p["id"].get<std::string>());
  return out;
}

class StoreKeysetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 10; ++i) add(i);
  }
  void add(int i) {
    auto u = user("u" + std::to_string(i), "user" + std::to_string(i));
    u["externalId"] = i % 2 ? "odd" : "even";
    ASSERT_TRUE(store.create("User", u).ok());
  }
  QueryResult page(bool backward, std::uint64_t bound, std::size_t limit, bool odd_only = false) {
    Query q;
    q.keyset = Keyset{backward, bound};
    q.limit = limit;
    if (odd_only) {
      q.predicate = [](const nlohmann::json& r) { return r.value("externalId", "") == "odd"; };
    }
    auto r = store.query("User", q);
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : QueryResult{};
  }
  InMemoryStore store{testing::user_and_group_specs(), testing::fixed_clock()};
};

TEST_F(StoreKeysetTest, ForwardFromTheStartTakesTheFirstPage) {
  auto r = page(false, 0, 3);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"u0", "u1", "u2"}));
  EXPECT_EQ(r.seqs.size(), 3u);
  EXPECT_EQ(r.total, 10u);
  EXPECT_TRUE(r.more_ahead);
  EXPECT_FALSE(r.more_behind);
}

TEST_F(StoreKeysetTest, ForwardAfterABoundContinuesThere) {
  auto first = page(false, 0, 3);
  auto second = page(false, first.seqs.back(), 3);
  EXPECT_EQ(ids(second), (std::vector<std::string>{"u3", "u4", "u5"}));
  EXPECT_TRUE(second.more_behind);
  auto last = page(false, page(false, second.seqs.back(), 3).seqs.back(), 3);
  EXPECT_EQ(ids(last), (std::vector<std::string>{"u9"}));
  EXPECT_FALSE(last.more_ahead);
}

TEST_F(StoreKeysetTest, BackwardTakesTheLastMatchesBeforeTheBound) {
  auto all = page(false, 0, 10);
  auto r = page(true, all.seqs[6], 3);  // before u6
  EXPECT_EQ(ids(r), (std::vector<std::string>{"u3", "u4", "u5"}));
  EXPECT_TRUE(r.more_ahead);   // u0..u2 are before the page
  EXPECT_TRUE(r.more_behind);  // u6.. are after the bound
  auto head = page(true, all.seqs[2], 3);
  EXPECT_EQ(ids(head), (std::vector<std::string>{"u0", "u1"}));
  EXPECT_FALSE(head.more_ahead);
}

TEST_F(StoreKeysetTest, FilteredPagesCountEveryMatchAndKeepTheOrder) {
  auto r = page(false, 0, 2, true);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"u1", "u3"}));
  EXPECT_EQ(r.total, 5u);
  EXPECT_TRUE(r.more_ahead);
  auto next = page(false, r.seqs.back(), 2, true);
  EXPECT_EQ(ids(next), (std::vector<std::string>{"u5", "u7"}));
  EXPECT_TRUE(next.more_behind);
  auto back = page(true, next.seqs.front(), 2, true);
  EXPECT_EQ(ids(back), (std::vector<std::string>{"u1", "u3"}));
  EXPECT_FALSE(back.more_ahead);
  EXPECT_TRUE(back.more_behind);
}

TEST_F(StoreKeysetTest, ZeroLimitOnlyCountsAndReportsWhatLiesAhead) {
  auto r = page(false, 0, 0);
  EXPECT_TRUE(r.page.empty());
  EXPECT_EQ(r.total, 10u);
  EXPECT_TRUE(r.more_ahead);
}

// The point of keyset paging: creations and deletions between pages neither skip nor repeat a
// resource that exists throughout (RFC 9865 §2 cursors; an offset would shift by the deletions).
TEST_F(StoreKeysetTest, ChangesBetweenPagesNeitherSkipNorRepeat) {
  std::vector<std::string> seen;
  auto r = page(false, 0, 3);
  for (auto& id : ids(r)) seen.push_back(id);
  ASSERT_TRUE(store.remove("User", "u0", std::nullopt).ok());  // already seen
  ASSERT_TRUE(store.remove("User", "u4", std::nullopt).ok());  // not yet seen: may vanish
  add(10);                                                     // new: may appear
  while (r.more_ahead) {
    r = page(false, r.seqs.back(), 3);
    for (auto& id : ids(r)) seen.push_back(id);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"u0", "u1", "u2", "u3", "u5", "u6", "u7", "u8", "u9",
                                            "u10"}));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
}

TEST_F(StoreKeysetTest, ReplacingAResourceKeepsItsPlace) {
  auto first = page(false, 0, 3);
  auto u1 = user("u1", "renamed");
  ASSERT_TRUE(store.replace("User", "u1", u1, std::nullopt).ok());
  auto all = page(false, 0, 10);
  EXPECT_EQ(ids(all)[1], "u1");
  EXPECT_EQ(all.seqs[1], first.seqs[1]);
}

}  // namespace
}  // namespace scim::store
