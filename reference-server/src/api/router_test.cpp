// The route table's machinery (api/router.hpp) on a small table of its own: pattern matching,
// specificity, 404/405/406/401 from the table, exceptions as 500, the Markdown rendering.
#include "scim/server/api/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace scim::server {
namespace {

Response echo(std::string what) {
  Response r;
  r.body = std::move(what);
  return r;
}

RouteTable small_table() {
  RouteTable t({.base_path = "/scim/v2",
                .is_type = [](std::string_view s) { return s == "Users" || s == "Groups"; }});
  t.add({.method = "GET",
         .pattern = "/Things",
         .handler = [](const Request&, const RouteMatch&) { return echo("things"); },
         .rfc = "test",
         .summary = "literal"});
  t.add({.method = "GET",
         .pattern = "/{type}",
         .handler = [](const Request&,
                       const RouteMatch& m) { return echo(std::string(m.params[0])); },
         .rfc = "test",
         .summary = "type"});
  t.add({.method = "POST",
         .pattern = "/{type}/.search",
         .handler = [](const Request&, const RouteMatch&) { return echo("search"); },
         .rfc = "test",
         .summary = "exact"});
  t.add({.method = "GET",
         .pattern = "/{type}/{id}",
         .handler = [](const Request&,
                       const RouteMatch& m) { return echo(std::string(m.params[1])); },
         .rfc = "test",
         .summary = "param"});
  t.add({.method = "DELETE",
         .pattern = "/{type}/{id}",
         .handler = [](const Request&, const RouteMatch&) -> Response {
           throw std::runtime_error("boom");
         },
         .rfc = "test",
         .summary = "bug"});
  t.add({.method = "GET",
         .pattern = "/open",
         .handler = [](const Request&, const RouteMatch&) { return echo("open"); },
         .rfc = "test",
         .summary = "public",
         .access = Access::Public,
         .accepts = Accepts::Any});
  return t;
}

Request request(std::string method, std::string path, std::string tenant = "t") {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.principal.tenant = std::move(tenant);
  return r;
}

TEST(RouteTable, MatchesLiteralsCaseInsensitivelyAndParameters) {
  auto t = small_table();
  EXPECT_EQ(t.handle(request("GET", "/things")).body, "things");
  EXPECT_EQ(t.handle(request("GET", "/Users")).body, "Users");
  EXPECT_EQ(t.handle(request("GET", "/Groups/42/")).body, "42");  // empty segments skipped
}

// A literal segment beats a parameter at the same position: GET /Users/.search is not a
// retrieval of the resource ".search" but a wrong method on the search route.
TEST(RouteTable, TheMostSpecificPatternDecidesTheMethods) {
  auto t = small_table();
  auto r = t.handle(request("GET", "/Users/.search"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(*r.header("Allow"), "POST");
  EXPECT_EQ(t.handle(request("POST", "/Users/.search")).body, "search");
  EXPECT_EQ(t.handle(request("GET", "/Users/.Search")).body, ".Search");  // '.' segments: exact
}

// Whatever order the routes were added in, {type} beats {name} at the same position, and the
// parameters are the most specific pattern's; is_type is asked once per segment of a lookup.
TEST(RouteTable, TypeBeatsParameterWhateverTheOrder) {
  int asked = 0;
  RouteTable t({.is_type = [&asked](std::string_view s) {
    ++asked;
    return s == "Users";
  }});
  auto add = [&t](std::string_view method, std::string_view pattern, std::string what) {
    t.add({.method = method,
           .pattern = pattern,
           .handler =
               [what](const Request&, const RouteMatch& m) {
                 std::string out = what;
                 for (auto p : m.params) out += ":" + std::string(p);
                 return echo(out);
               },
           .rfc = "test",
           .summary = "order"});
  };
  add("GET", "/{name}/{id}", "name");
  add("PUT", "/{type}/{id}", "type");
  add("POST", "/{type}/{id}", "type-post");
  EXPECT_EQ(t.handle(request("PUT", "/Users/7")).body, "type:Users:7");
  asked = 0;
  auto r = t.handle(request("GET", "/Users/7"));  // {type}/{id} decides: PUT and POST only
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(*r.header("Allow"), "PUT, POST");
  EXPECT_EQ(asked, 2);  // one match for the route, one for Allow: "Users" asked once in each
  EXPECT_EQ(t.handle(request("GET", "/Other/7")).body, "name:Other:7");
}

// A lookup keeps up to Few::kInline segments and routes in place; longer paths and patterns
// (none in the server's table) match the same way, and a path is only compared with patterns of
// its own length, in either scope.
TEST(RouteTable, MatchesPathsLongerThanTheInlineSegmentsAndKeepsScopesApart) {
  RouteTable t({});
  std::string pattern, path;
  for (int i = 0; i < 20; ++i) {
    pattern += i == 19 ? "/{last}" : "/s" + std::to_string(i);
    path += "/s" + std::to_string(i);
  }
  t.add({.method = "GET",
         .pattern = pattern,
         .handler = [](const Request&,
                       const RouteMatch& m) { return echo(std::string(m.params.at(0))); },
         .rfc = "test",
         .summary = "long"});
  t.add({.method = "GET",
         .pattern = "/a/{x}",
         .handler = [](const Request&, const RouteMatch&) { return echo("scim"); },
         .rfc = "test",
         .summary = "scim"});
  t.add({.method = "POST",
         .pattern = "/a/{x}",
         .handler = [](const Request&, const RouteMatch&) { return echo("root"); },
         .rfc = "test",
         .summary = "root",
         .scope = Scope::Root});
  EXPECT_EQ(t.handle(request("GET", path)).body, "s19");
  EXPECT_EQ(t.handle(request("GET", path + "/more")).status, 404);
  EXPECT_EQ(t.handle(request("GET", "/a/1")).body, "scim");
  auto root = request("POST", "/a/1");
  root.scope = Scope::Root;
  EXPECT_EQ(t.handle(root).body, "root");
  root.method = "GET";
  auto wrong = t.handle(root);  // the Scim route's GET is not the Root path's
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(*wrong.header("Allow"), "POST");
  EXPECT_EQ(t.handle(request("POST", "/a")).status, 404);  // no pattern of one segment
}

TEST(RouteTable, KnowsTheMethodsWithTheirOwnBodyLimitOrWaits) {
  RouteTable t({});
  t.add({.method = "POST",
         .pattern = "/Bulk",
         .handler = [](const Request&, const RouteMatch&) { return echo("bulk"); },
         .rfc = "test",
         .summary = "bulk",
         .body = BodyLimit::Bulk});
  t.add({.method = "GET",
         .pattern = "/Feeds/{id}/poll",
         .handler = [](const Request&, const RouteMatch&) { return echo("poll"); },
         .rfc = "test",
         .summary = "poll",
         .waits = Waits::May});
  EXPECT_TRUE(t.has_own_body_limit("POST"));
  EXPECT_FALSE(t.has_own_body_limit("GET"));
  EXPECT_FALSE(t.has_own_body_limit("post"));  // methods are exact (RFC 9110 §9.1)
  EXPECT_TRUE(t.has_waiting_route("GET"));
  EXPECT_FALSE(t.has_waiting_route("POST"));
}

TEST(RouteTable, AllowListsEveryMethodOfThePath) {
  auto t = small_table();
  auto r = t.handle(request("PUT", "/Users/1"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(*r.header("Allow"), "GET, DELETE");
  EXPECT_EQ(t.allowed_methods(Scope::Scim, "/Users/1"), "GET, DELETE");
  EXPECT_EQ(t.allowed_methods(Scope::Scim, "/nothing"), "");
}

TEST(RouteTable, NotFoundNamesThePathOrTheBasePath) {
  auto t = small_table();
  auto r = t.handle(request("GET", "/Widgets"));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("/Widgets"), std::string::npos);
  Request outside = request("GET", "/v1/x");
  outside.scope = Scope::Root;
  outside.target = "/v1/x?y=1";
  auto root = t.handle(outside);
  EXPECT_EQ(root.status, 404);
  EXPECT_NE(root.body.find("/scim/v2"), std::string::npos);
}

TEST(RouteTable, AcceptIsCheckedUnlessTheRouteNegotiates) {
  auto t = small_table();
  auto html = request("GET", "/Users");
  html.headers["accept"] = "text/html";
  EXPECT_EQ(t.handle(html).status, 406);
  auto open = request("GET", "/open");
  open.headers["accept"] = "text/html";
  EXPECT_EQ(t.handle(open).status, 200);
}

TEST(RouteTable, TenantRoutesNeedATenantPublicOnesDoNot) {
  auto t = small_table();
  EXPECT_EQ(t.handle(request("GET", "/Users", "")).status, 401);
  EXPECT_EQ(t.handle(request("GET", "/open", "")).status, 200);
}

TEST(RouteTable, HandlerExceptionIs500ScimError) {
  auto t = small_table();
  auto r = t.handle(request("DELETE", "/Users/1"));
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("boom"), std::string::npos);
  EXPECT_NE(r.body.find("urn:ietf:params:scim:api:messages:2.0:Error"), std::string::npos);
}

TEST(RouteTable, MarkdownHasOneRowPerRoute) {
  auto t = small_table();
  auto md = t.to_markdown();
  EXPECT_NE(md.find("| GET | `{base}/{type}/{id}` | tenant credentials | test | param |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| GET | `{base}/open` | public |"), std::string::npos) << md;
}

}  // namespace
}  // namespace scim::server
