#include "scim/bench/directory_generator.hpp"

#include <gtest/gtest.h>

#include <set>

namespace scim::bench {
namespace {

constexpr const char* kEnterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

TEST(DirectoryGenerator, UserIsAboutOnePointOneKilobyteWithTheEnterpriseExtension) {
  for (std::size_t i : {0u, 1u, 999u, 123456u, 999999u}) {
    const auto user = make_user(i);
    const auto size = user.dump().size();
    EXPECT_GE(size, 1000u) << i;
    EXPECT_LE(size, 1250u) << i;
    EXPECT_EQ(user["schemas"][1], kEnterprise);
    EXPECT_EQ(user[kEnterprise]["employeeNumber"], std::to_string(i));
    EXPECT_EQ(user["emails"][0]["value"], user["userName"]);
  }
}

TEST(DirectoryGenerator, SameIndexSameUser) {
  EXPECT_EQ(make_user(42).dump(), make_user(42).dump());
  EXPECT_NE(make_user(42).dump(), make_user(43).dump());
}

TEST(DirectoryGenerator, UserNamesAreUniqueAndMatchTheUser) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < 20'000; ++i) names.insert(user_name(i));
  EXPECT_EQ(names.size(), 20'000u);
  EXPECT_EQ(user_name(5), make_user(5)["userName"].get<std::string>());
}

TEST(DirectoryGenerator, TemplateStampedWithSevenIsUserSeven) {
  std::string text = user_template("BENCHSEQ");
  ASSERT_NE(text.find("BENCHSEQ"), std::string::npos);
  for (auto at = text.find("BENCHSEQ"); at != std::string::npos; at = text.find("BENCHSEQ")) {
    text.replace(at, 8, "7");
  }
  EXPECT_EQ(text, make_user(7).dump());
}

TEST(DirectoryGenerator, GroupListsItsMembersAsUsers) {
  const auto group = make_group(3, {"a", "b"});
  EXPECT_EQ(group["displayName"], "Contoso group 3");
  ASSERT_EQ(group["members"].size(), 2u);
  EXPECT_EQ(group["members"][1]["value"], "b");
  EXPECT_EQ(group["members"][1]["type"], "User");
}

}  // namespace
}  // namespace scim::bench
