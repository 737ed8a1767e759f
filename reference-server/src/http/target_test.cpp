// Request-target parsing: base path, path-addressed tenants (RFC 7644 §6.1), percent-decoding.
#include "scim/server/http/target.hpp"

#include <gtest/gtest.h>

namespace scim::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndPlusInQueries) {
  EXPECT_EQ(percent_decode("a%20b", false), "a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%2f%2F", false), "//");
  EXPECT_FALSE(percent_decode("%", false).has_value());
  EXPECT_FALSE(percent_decode("%4", false).has_value());
  EXPECT_FALSE(percent_decode("%zz", false).has_value());
  EXPECT_FALSE(percent_decode("%00", false).has_value());
}

TEST(ParseRoute, SplitsBaseRelativePathAndQuery) {
  // RFC 7644 §3.4.2: filter in the query string, percent-encoded by the client.
  auto r = parse_route("/scim/v2/Users?filter=userName%20eq%20%22bjensen%22&count=5", "/scim/v2");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, Route::Kind::Scim);
  EXPECT_EQ(r->relative, "/Users");
  EXPECT_EQ(r->prefix, "/scim/v2");
  EXPECT_FALSE(r->tenant.has_value());
  EXPECT_EQ(r->query.at("filter"), "userName eq \"bjensen\"");
  EXPECT_EQ(r->query.at("count"), "5");
}

TEST(ParseRoute, BaseItselfAndTrailingSlash) {
  EXPECT_EQ(parse_route("/scim/v2", "/scim/v2")->relative, "/");
  EXPECT_EQ(parse_route("/scim/v2/", "/scim/v2")->relative, "/");
  EXPECT_EQ(parse_route("/scim/v2/Users/", "/scim/v2")->relative, "/Users");
  EXPECT_EQ(parse_route("/scim/v2/Users/a%2Fb", "/scim/v2")->relative, "/Users/a/b");
}

TEST(ParseRoute, BaseMatchesWholeSegmentsOnly) {
  EXPECT_EQ(parse_route("/scim/v2x/Users", "/scim/v2")->kind, Route::Kind::Unknown);
  EXPECT_EQ(parse_route("/scim", "/scim/v2")->kind, Route::Kind::Unknown);
  EXPECT_EQ(parse_route("/other", "/scim/v2")->kind, Route::Kind::Unknown);
  // An encoded slash cannot fake a base path segment boundary.
  EXPECT_EQ(parse_route("/scim%2Fv2/Users", "/scim/v2")->kind, Route::Kind::Unknown);
}

TEST(ParseRoute, PathAddressedTenant) {
  auto r = parse_route("/tenants/acme/scim/v2/Groups?x=1", "/scim/v2");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->kind, Route::Kind::Scim);
  EXPECT_EQ(r->tenant, "acme");
  EXPECT_EQ(r->prefix, "/tenants/acme/scim/v2");
  EXPECT_EQ(r->relative, "/Groups");
  EXPECT_EQ(parse_route("/Tenants/acme/scim/v2", "/scim/v2")->tenant, "acme");
  EXPECT_EQ(parse_route("/tenants/acme/other", "/scim/v2")->kind, Route::Kind::Unknown);
}

TEST(ParseRoute, RootBasePath) {
  auto r = parse_route("/Users/1", "");
  EXPECT_EQ(r->kind, Route::Kind::Scim);
  EXPECT_EQ(r->relative, "/Users/1");
  EXPECT_EQ(parse_route("/health", "")->kind, Route::Kind::Health);
}

TEST(ParseRoute, HealthOutsideTheBase) {
  EXPECT_EQ(parse_route("/health", "/scim/v2")->kind, Route::Kind::Health);
  EXPECT_EQ(parse_route("/health?x", "/scim/v2")->kind, Route::Kind::Health);
}

TEST(ParseRoute, MalformedTargetsAreInvalidSyntax) {
  for (const char* t : {"/scim/v2/Users/%zz", "/scim/v2/Users?filter=%", "*", "http://x/"}) {
    auto r = parse_route(t, "/scim/v2");
    ASSERT_FALSE(r.ok()) << t;
    EXPECT_EQ(r.error().status, 400) << t;
    EXPECT_EQ(r.error().scim_type, ScimType::InvalidSyntax) << t;
  }
}

TEST(NormaliseBasePath, LeadingSlashNoTrailingSlash) {
  EXPECT_EQ(normalise_base_path("/scim/v2/"), "/scim/v2");
  EXPECT_EQ(normalise_base_path("scim"), "/scim");
  EXPECT_EQ(normalise_base_path("/"), "");
}

}  // namespace
}  // namespace scim::http
