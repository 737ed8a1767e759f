// RFC 7644 §2 Authentication and Authorization: unauthenticated and wrongly authenticated
// requests are refused with 401 and a WWW-Authenticate header (RFC 7235 §4.1), as SCIM errors.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace {

constexpr const char* kWwwAuthenticate =
    "As per Section 4.1 of [RFC7235], a SCIM service provider SHALL indicate supported HTTP "
    "authentication schemes via the \"WWW-Authenticate\" header.";
constexpr const char* k401 =
    "Table 8, 401 (Unauthorized): Authorization failure.  The authorization header is invalid or "
    "missing.";

const Tags kTags = {tag::kAuth};

void no_credentials(conf::Context& ctx, const std::string& method, const std::string& path) {
  std::optional<std::string> body;
  conf::Headers headers;
  if (method == "POST") {
    body =
        json{{"schemas", {std::string(urn::kUser)}}, {"userName", ctx.unique_name("anon")}}.dump();
    headers.push_back({"Content-Type", "application/scim+json"});
  }
  auto r = ctx.send(method, path, body, headers, false);
  if (r.status == 201) ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
  ctx.expect_status(r, 401, method + " " + path + " without credentials");
}

void www_authenticate(conf::Context& ctx) {
  auto r = ctx.send("GET", "/Users", std::nullopt, {}, false);
  ctx.expect_status(r, 401, "GET /Users without credentials");
  expect_header(ctx, r, "WWW-Authenticate");
}

void bad_token(conf::Context& ctx) {
  auto r = ctx.send("GET", "/Users", std::nullopt,
                    {{"Authorization", "Bearer scimconf-definitely-not-a-valid-token"}}, false);
  ctx.expect_status(r, 401, "GET /Users with an invalid bearer token");
}

void error_body(conf::Context& ctx) {
  auto r = ctx.send("GET", "/Users", std::nullopt, {}, false);
  ctx.expect_scim_error(r, 401);
}

}  // namespace

void register_s2(conf::Catalog& catalog) {
  SectionBuilder s(catalog, rfc7644_spec(catalog), "2", "Authentication and Authorization");
  s.add({.slug = "get-users-without-credentials-401",
         .title = "GET /Users without credentials answers 401",
         .level = kMust,
         .requirement = k401,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = [](conf::Context& ctx) { no_credentials(ctx, "GET", "/Users"); }});
  s.add({.slug = "post-users-without-credentials-401",
         .title = "POST /Users without credentials answers 401",
         .level = kMust,
         .requirement = k401,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = [](conf::Context& ctx) { no_credentials(ctx, "POST", "/Users"); }});
  s.add({.slug = "get-groups-without-credentials-401",
         .title = "GET /Groups without credentials answers 401",
         .level = kMust,
         .requirement = k401,
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = [](conf::Context& ctx) { no_credentials(ctx, "GET", "/Groups"); }});
  s.add({.slug = "invalid-token-401",
         .title = "an invalid bearer token answers 401",
         .level = kMust,
         .requirement = k401,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = bad_token});
  s.add({.slug = "www-authenticate-on-401",
         .title = "a 401 carries WWW-Authenticate",
         .level = kMust,
         .requirement = kWwwAuthenticate,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = www_authenticate});
  s.add({.slug = "401-is-scim-error",
         .title = "a 401 carries a SCIM error body",
         .level = kShould,
         .requirement =
             "Implementers SHOULD handle the identified HTTP status codes as described below.",
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = error_body});
}

}  // namespace scim::suites::rfc7644
