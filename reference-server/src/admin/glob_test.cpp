// Path globs of the journal filter and the fault patterns.
#include "scim/server/admin/glob.hpp"

#include <gtest/gtest.h>

#include <string>

namespace scim::admin {
namespace {

TEST(Glob, StarStaysInsideOneSegment) {
  EXPECT_TRUE(glob_match("/Users/*", "/Users/2819c223"));
  EXPECT_FALSE(glob_match("/Users/*", "/Users/2819c223/extra"));
  EXPECT_FALSE(glob_match("/Users/*", "/Users"));
  EXPECT_TRUE(glob_match("/Users*", "/Users"));
  EXPECT_TRUE(glob_match("/*/.search", "/Groups/.search"));
}

TEST(Glob, DoubleStarCrossesSegments) {
  EXPECT_TRUE(glob_match("/**", "/Users/1/x"));
  EXPECT_TRUE(glob_match("**", ""));
  EXPECT_TRUE(glob_match("/Feeds/**/poll", "/Feeds/default/poll"));
  EXPECT_FALSE(glob_match("/Feeds/**/poll", "/Feeds/default/members"));
}

TEST(Glob, QuestionMarkIsOneCharacterOtherThanSlash) {
  EXPECT_TRUE(glob_match("/Users/?", "/Users/7"));
  EXPECT_FALSE(glob_match("/Users/?", "/Users/77"));
  EXPECT_FALSE(glob_match("/Users?1", "/Users/1"));
}

// SCIM endpoint names are matched case-insensitively by the route table too.
TEST(Glob, LiteralsAreCaseInsensitive) {
  EXPECT_TRUE(glob_match("/users/*", "/Users/abc"));
  EXPECT_FALSE(glob_match("/Groups/*", "/Users/abc"));
  EXPECT_TRUE(glob_match("", ""));
  EXPECT_FALSE(glob_match("", "/x"));
}

// Dynamic programming: a pattern built to make backtracking matchers explode answers at once.
TEST(Glob, HostilePatternsStayLinear) {
  const std::string text(4000, 'a');
  EXPECT_FALSE(glob_match("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", text));
  EXPECT_TRUE(glob_match("**a**a**a", text));
  EXPECT_FALSE(glob_match(std::string(kMaxGlobLength + 1, '*'), "x"));
}

}  // namespace
}  // namespace scim::admin
