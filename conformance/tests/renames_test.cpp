// Former check IDs keep selecting the moved checks (renames.hpp).
#include "scim/conformance/core/renames.hpp"

#include <gtest/gtest.h>

namespace scim::conf {
namespace {

const std::vector<Renamed> kRenamed = {
    {"rfc7643/7/user-username-required", "rfc7643/4.1.1/user-username-required"},
    {"rfc7643/7/user-groups-read-only", "rfc7643/4.1.2/user-groups-read-only"},
    {"rfc7644/3.4.1/unknown-user-404", "rfc7644/3.12/unknown-user-404"}};

TEST(FollowRenames, AnExactFormerIdSelectsTheCurrentOneAndSaysSo) {
  Selection s;
  s.only = {"rfc7643/7/user-username-required"};
  const auto notes = follow_renames(s, kRenamed);
  EXPECT_EQ(s.only, (std::vector<std::string>{"rfc7643/7/user-username-required",
                                              "rfc7643/4.1.1/user-username-required"}));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0],
            "--only 'rfc7643/7/user-username-required' matches the former ID "
            "rfc7643/7/user-username-required: it now applies to "
            "rfc7643/4.1.1/user-username-required");
}

TEST(FollowRenames, AGlobOverFormerIdsFollowsEveryMovedCheck) {
  Selection s;
  s.exclude = {"rfc7643/7/*"};
  const auto notes = follow_renames(s, kRenamed);
  EXPECT_EQ(s.exclude,
            (std::vector<std::string>{"rfc7643/7/*", "rfc7643/4.1.1/user-username-required",
                                      "rfc7643/4.1.2/user-groups-read-only"}));
  EXPECT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].rfind("--exclude 'rfc7643/7/*'", 0), 0u);
}

TEST(FollowRenames, PatternsThatAlreadyMatchTheCurrentIdOrNoFormerOneChangeNothing) {
  Selection s;
  s.only = {"rfc7644/*", "rfc7643/4.1.1/*", "events/*"};
  EXPECT_TRUE(follow_renames(s, kRenamed).empty());
  EXPECT_EQ(s.only.size(), 3u);
  Selection none;
  EXPECT_TRUE(follow_renames(none, kRenamed).empty());
  EXPECT_TRUE(none.only.empty()) << "an empty --only still means everything";
}

}  // namespace
}  // namespace scim::conf
