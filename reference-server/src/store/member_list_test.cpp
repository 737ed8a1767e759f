// MemberList: a group's members beside its record (RFC 7643 §4.2), in order, found by value.
#include "scim/server/store/member_list.hpp"

#include <gtest/gtest.h>

namespace scim::store {
namespace {

using nlohmann::json;

TEST(MemberList, KeepsTheStoredArrayAsItWas) {
  const json members = json::parse(R"([
    {"value": "u1", "type": "User"},
    {"value": "g2", "type": "Group", "display": "Admins"},
    {"value": "u3", "type": "User"}])");
  MemberList list(members);
  EXPECT_EQ(list.size(), 3u);
  EXPECT_EQ(list.to_json(), members);
  EXPECT_EQ(MemberList(json::array()).to_json(), json::array());
}

TEST(MemberList, FindsByValueExactlyOrFolded) {
  MemberList list(json::parse(R"([{"value": "Abc", "type": "User"}, {"value": "x", "type": "User"},
                                  {"value": "aBC", "type": "User"}])"));
  EXPECT_EQ(list.find("Abc", true), (std::vector<std::size_t>{0}));
  EXPECT_EQ(list.find("abc", true), std::vector<std::size_t>{});
  EXPECT_EQ(list.find("ABC", false), (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(list.find("y", false), std::vector<std::size_t>{});
}

TEST(MemberList, EraseKeepsTheOrderOfTheRestAndCompacts) {
  json members = json::array();
  for (int i = 0; i < 200; ++i) {
    members.push_back({{"value", "m" + std::to_string(i)}, {"type", "User"}});
  }
  MemberList list(members);
  json expected = json::array();
  for (int i = 0; i < 200; ++i) {
    if (i % 3 == 0) {
      list.erase(list.find("m" + std::to_string(i), true));
    } else {
      expected.push_back(members[static_cast<std::size_t>(i)]);
    }
  }
  list.append({"late", "Group", nullptr});
  expected.push_back({{"value", "late"}, {"type", "Group"}});
  EXPECT_EQ(list.size(), expected.size());
  EXPECT_EQ(list.to_json(), expected);
  // Erasing most of the list compacts it; lookups still find what is left.
  for (int i = 0; i < 200; ++i) {
    if (i % 3 != 0 && i != 199) list.erase(list.find("m" + std::to_string(i), true));
  }
  EXPECT_EQ(list.to_json(), json::parse(R"([{"value": "m199", "type": "User"},
                                           {"value": "late", "type": "Group"}])"));
  EXPECT_EQ(list.find("late", true).size(), 1u);
  EXPECT_EQ(list.at(list.find("m199", true).front()).value, "m199");
}

}  // namespace
}  // namespace scim::store
