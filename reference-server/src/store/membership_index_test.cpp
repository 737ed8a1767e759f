// Reverse membership index: direct and indirect groups (RFC 7643 §4.1.2).
#include "scim/server/store/membership_index.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace scim::store {
namespace {

TEST(MembershipIndex, DirectGroupsComeFirstThenIndirect) {
  MembershipIndex index;
  index.add("eng", "alice");
  index.add("staff", "eng");
  index.add("all", "staff");
  auto groups = index.groups_of("alice", 100);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].group_id, "eng");
  EXPECT_TRUE(groups[0].direct);
  EXPECT_EQ(groups[1].group_id, "staff");
  EXPECT_FALSE(groups[1].direct);
  EXPECT_EQ(groups[2].group_id, "all");
  EXPECT_FALSE(groups[2].direct);
}

TEST(MembershipIndex, DirectWinsOverIndirectForTheSameGroup) {
  MembershipIndex index;
  index.add("eng", "alice");
  index.add("staff", "eng");
  index.add("staff", "alice");
  auto groups = index.groups_of("alice", 100);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_TRUE(groups[0].direct);
  EXPECT_TRUE(groups[1].direct);
}

TEST(MembershipIndex, CyclesTerminate) {
  MembershipIndex index;
  index.add("a", "b");
  index.add("b", "a");
  index.add("a", "alice");
  auto groups = index.groups_of("alice", 100);
  EXPECT_EQ(groups.size(), 2u);
}

TEST(MembershipIndex, LimitCapsTheAnswer) {
  MembershipIndex index;
  for (int i = 0; i < 50; ++i) index.add("g" + std::to_string(i), "alice");
  EXPECT_EQ(index.groups_of("alice", 10).size(), 10u);
}

// Past the short list of groups met (a hash set then): each group once, direct ones first and
// marked so, the shared parents once, the member itself never (a cycle back to it).
TEST(MembershipIndex, ManyNestedGroupsAreEachListedOnce) {
  MembershipIndex index;
  for (int i = 0; i < 30; ++i) {
    const std::string g = "g" + std::to_string(i);
    index.add(g, "alice");
    index.add("p" + std::to_string(i % 5), g);
    index.add("alice", "p" + std::to_string(i % 5));  // alice is also a group here: a cycle
  }
  index.add("g3", "p4");  // a direct group reached again indirectly
  auto groups = index.groups_of("alice", 100);
  ASSERT_EQ(groups.size(), 35u);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    EXPECT_EQ(groups[i].direct, i < 30) << i;
    EXPECT_EQ(groups[i].group_id, i < 30 ? "g" + std::to_string(i) : "p" + std::to_string(i - 30));
  }
  EXPECT_EQ(index.groups_of("alice", 31).size(), 31u);
  EXPECT_TRUE(index.groups_of("bob", 100).empty());
}

TEST(MembershipIndex, RemoveDropsEdgesAndIsIdempotent) {
  MembershipIndex index;
  index.add("eng", "alice");
  index.add("eng", "alice");
  EXPECT_EQ(index.edge_count(), 1u);
  index.remove("eng", "alice");
  index.remove("eng", "alice");
  EXPECT_EQ(index.edge_count(), 0u);
  EXPECT_TRUE(index.parents("alice").empty());
}

// The filter in front of the index (a member in no group is answered without a probe): never a
// false "no", whatever was added and removed, across growths and saturated counts.
TEST(CountingFilter, NeverForgetsAHashItHolds) {
  CountingFilter filter;
  EXPECT_FALSE(filter.may_hold(42));
  std::multiset<std::uint64_t> held;
  auto add = [&](std::uint64_t h) {
    held.insert(h);
    filter.add(h, held.size(), [&](auto count) {
      for (auto each : held) count(each);
    });
  };
  std::mt19937_64 random(7);
  std::vector<std::uint64_t> hashes;
  for (int i = 0; i < 3000; ++i) {
    hashes.push_back(random());
    add(hashes.back());
  }
  for (int i = 0; i < 300; ++i) add(99);  // one slot's count saturates: it stays "maybe"
  EXPECT_GE(filter.capacity(), 4 * held.size());
  EXPECT_LE(filter.capacity(), 8 * held.size());
  for (auto h : hashes) EXPECT_TRUE(filter.may_hold(h)) << h;
  EXPECT_TRUE(filter.may_hold(99));
  for (int i = 0; i < 300; ++i) filter.remove(99);
  EXPECT_TRUE(filter.may_hold(99));  // saturated: never lowered again
  std::size_t maybe = 0;
  for (int i = 0; i < 10000; ++i) maybe += filter.may_hold(random()) ? 1 : 0;
  EXPECT_LT(maybe, 3000u);  // at most about a fifth of the slots are taken
  // Removing half leaves the other half held.
  for (std::size_t i = 0; i < hashes.size(); i += 2) filter.remove(hashes[i]);
  for (std::size_t i = 1; i < hashes.size(); i += 2) EXPECT_TRUE(filter.may_hold(hashes[i]));
}

// Members in no group, in one and in many, after groups are dropped and members removed: the
// answers of an index that has seen thousands of members, against a plain map of the edges.
TEST(MembershipIndex, AnswersAsAPlainMapThroughAddsAndRemoves) {
  MembershipIndex index;
  std::map<std::string, std::set<std::string>> edges;  // member -> groups (direct only)
  std::mt19937 random(11);
  auto member = [](int i) { return "user-" + std::to_string(i); };
  auto group = [](int i) { return "group-" + std::to_string(i); };
  for (int round = 0; round < 6; ++round) {
    for (int i = 0; i < 2000; ++i) {
      const std::string m = member(int(random() % 5000)), g = group(int(random() % 40));
      if (random() % 3 == 0) {
        index.remove(g, m);
        edges[m].erase(g);
      } else {
        index.add(g, m);
        edges[m].insert(g);
      }
    }
    std::size_t edge_count = 0;
    for (int i = 0; i < 5000; ++i) {
      const auto& expected = edges[member(i)];
      edge_count += expected.size();
      std::set<std::string> got;
      for (const auto& m : index.groups_of(member(i), 1000)) {
        EXPECT_TRUE(m.direct);  // no group is a member here
        got.insert(m.group_id);
      }
      EXPECT_EQ(got, expected) << member(i);
      const auto parents = index.parents(member(i));
      EXPECT_EQ(std::set<std::string>(parents.begin(), parents.end()), expected);
    }
    EXPECT_EQ(index.edge_count(), edge_count);
  }
  // Every edge removed: nobody is in a group, and a member added again is found again.
  for (const auto& [m, groups] : edges) {
    for (const auto& g : groups) index.remove(g, m);
  }
  EXPECT_EQ(index.edge_count(), 0u);
  for (int i = 0; i < 5000; ++i) EXPECT_TRUE(index.groups_of(member(i), 10).empty());
  index.add("again", member(3));
  ASSERT_EQ(index.groups_of(member(3), 10).size(), 1u);
  EXPECT_EQ(index.groups_of(member(3), 10)[0].group_id, "again");
}

}  // namespace
}  // namespace scim::store
