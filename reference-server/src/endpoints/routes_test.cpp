// The route table (endpoints/routes.cpp) as a client meets it: which routes exist, with which
// methods (405 + Allow, RFC 9110 §15.5.6), who may call them, and the answers that come from the
// table itself (404, 406, 401).
#include "scim/server/endpoints/routes.hpp"

#include <gtest/gtest.h>

#include "scim/server/testing/endpoints_test_support.hpp"

namespace scim::server {
namespace {

using testing::Harness;
using testing::IsScimError;

const Route* find(const Harness& h, std::string_view method, std::string_view path) {
  return h.routes.find(Scope::Scim, method, path);
}

TEST(Routes, EveryRowNamesItsDefiningSectionAndHasAHandler) {
  Harness h;
  ASSERT_FALSE(h.routes.routes().empty());
  for (const auto& route : h.routes.routes()) {
    EXPECT_FALSE(route.rfc.empty()) << route.method << " " << route.pattern;
    EXPECT_FALSE(route.summary.empty()) << route.method << " " << route.pattern;
    EXPECT_TRUE(route.handler) << route.method << " " << route.pattern;
  }
}

// RFC 7643 §5: discovery "SHOULD be publicly accessible"; nothing else at the base is.
TEST(Routes, OnlyDiscoveryIsPublicUnderTheBase) {
  Harness h;
  for (auto path : {"/ServiceProviderConfig", "/ResourceTypes", "/ResourceTypes/User", "/Schemas",
                    "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}) {
    const Route* r = find(h, "GET", path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->access, Access::Public) << path;
  }
  for (auto [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/Users"}, {"GET", "/Me"}, {"POST", "/.search"}, {"GET", "/health"}}) {
    const Route* r = find(h, method, path);
    ASSERT_TRUE(r) << method << " " << path;
    EXPECT_EQ(r->access, Access::Tenant) << method << " " << path;
  }
  EXPECT_FALSE(find(h, "POST", "/Schemas"));
  EXPECT_EQ(h.routes.find(Scope::Root, "GET", "/health")->access, Access::Public);
}

TEST(Routes, ResourceTypesComeFromTheRegistry) {
  Harness h;
  EXPECT_TRUE(find(h, "GET", "/Users/abc"));
  EXPECT_TRUE(find(h, "PATCH", "/groups/abc"));  // endpoint names are case-insensitive
  EXPECT_FALSE(find(h, "GET", "/Widgets"));
  EXPECT_FALSE(find(h, "GET", "/Users/a/b"));
}

TEST(Routes, WrongMethodIs405WithAllowFromTheTable) {
  Harness h;
  struct Case {
    std::string method, path, allow;
  };
  for (const auto& c : std::vector<Case>{{"DELETE", "/Users", "GET, POST"},
                                         {"POST", "/Users/x", "GET, PUT, PATCH, DELETE"},
                                         {"GET", "/Users/.search", "POST"},
                                         {"GET", "/.search", "POST"},
                                         {"PUT", "/Schemas", "GET"},
                                         {"POST", "/health", "GET"}}) {
    auto r = h.call(c.method, c.path);
    EXPECT_THAT(r, IsScimError(405, "")) << c.method << " " << c.path;
    ASSERT_TRUE(r.header("Allow")) << c.path;
    EXPECT_EQ(*r.header("Allow"), c.allow) << c.method << " " << c.path;
  }
}

TEST(Routes, UnknownPathsAre404) {
  Harness h;
  EXPECT_THAT(h.call("GET", "/"), IsScimError(404, ""));
  EXPECT_THAT(h.call("GET", "/Widgets"), IsScimError(404, ""));
  EXPECT_THAT(h.call("GET", "/Users/a/b"), IsScimError(404, ""));
  EXPECT_THAT(h.call("GET", "/ServiceProviderConfig/x"), IsScimError(404, ""));
  // Parts that are not configured leave their routes out.
  EXPECT_THAT(h.call("POST", "/Bulk", "{}"), IsScimError(404, ""));
}

// RFC 7644 §3.8: the Accept check comes before routing, for known and unknown paths alike.
TEST(Routes, AnAcceptWithoutJsonIs406EvenBefore404) {
  Harness h;
  EXPECT_THAT(h.call("GET", "/Users", "", {{"accept", "text/html"}}), IsScimError(406, ""));
  EXPECT_THAT(h.call("GET", "/Widgets", "", {{"accept", "text/html"}}), IsScimError(406, ""));
}

TEST(Routes, ATenantRouteWithoutATenantIs401) {
  Harness h;
  h.tenant = "";
  EXPECT_THAT(h.call("GET", "/Users"), IsScimError(401, ""));
}

// RFC 7644 §3.11 through the table: POST /Me is a route of its own, answered 501.
TEST(Routes, PostToMeIs501NotImplemented) {
  Harness h;
  h.subject = "someone";
  EXPECT_THAT(h.call("POST", "/Me", "{}"), IsScimError(501, ""));
}

}  // namespace
}  // namespace scim::server
