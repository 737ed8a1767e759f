// Entity tag formatting and matching (RFC 7644 §3.14, RFC 7232 §3.1-3.2).
#include "scim/server/endpoints/etag.hpp"

#include <gtest/gtest.h>

namespace scim::server {
namespace {

TEST(Etag, FormatsWeakTags) {
  EXPECT_EQ(format_etag(42), "W/\"42\"");
}

TEST(Etag, MatchesWeaklyInLists) {
  EXPECT_TRUE(etag_list_matches("W/\"42\"", 42));
  EXPECT_TRUE(etag_list_matches("\"42\"", 42));
  EXPECT_TRUE(etag_list_matches("W/\"1\", W/\"42\"", 42));
  EXPECT_TRUE(etag_list_matches(" * ", 7));
  EXPECT_FALSE(etag_list_matches("W/\"41\"", 42));
  EXPECT_FALSE(etag_list_matches("W/\"420\"", 42));
  EXPECT_FALSE(etag_list_matches("", 42));
}

}  // namespace
}  // namespace scim::server
