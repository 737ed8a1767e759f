// Reverse membership index: direct and indirect groups (RFC 7643 §4.1.2).
#include "scim/server/store/membership_index.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace scim::store
