// RFC 7644 §2 Authentication and Authorization: unauthenticated and wrongly authenticated
// requests are refused (401, RFC 7235 §3.1) with a WWW-Authenticate header (RFC 7235 §4.1). That
// the 401 is a SCIM error body is judged in section 3.12 (rfc7644/3.12/401-is-scim-error).
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s2_authentication_local {

constexpr const char* kWwwAuthenticate =
    "As per Section 4.1 of [RFC7235], a SCIM service provider SHALL indicate supported HTTP "
    "authentication schemes via the \"WWW-Authenticate\" header.";
// The provider's own obligation; how it refuses is HTTP's (RFC 7235 §3.1: 401 for missing or
// invalid credentials), so 401 and 403 both pass and anything else fails.
constexpr const char* kAccessControl =
    "Regardless of methodology, the SCIM service provider MUST be able to map the authenticated "
    "client to an access control policy in order to determine the client's authorization to "
    "retrieve and update SCIM resources.";

const Tags kTags = {tag::kAuth};

void no_credentials(conf::Context& ctx, const std::string& method, const std::string& path) {
  std::optional<std::string> body;
  conf::Headers headers;
  if (method == "POST") {
    body = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}},
                                      {"userName", ctx.unique_name("anon")}})
               .dump();
    headers.push_back({"Content-Type", "application/scim+json"});
  }
  auto r = ctx.send(method, path, body, headers, false);
  if (r.status == 201) {
    ctx.track(path_of(ctx, "/Users", ctx.json_body(r)));
    // RFC 7644 §2.2: "it MAY be acceptable to permit unauthenticated (anonymous) requests -- for
    // example, a user self-registration request where the service provider chooses to accept a
    // SCIM Create request (see Section 3.3) from an anonymous client."
    ctx.skip("target accepts an anonymous create (self-registration, RFC 7644 §2.2 MAY)");
  }
  ctx.expect(r.status == 401 || r.status == 403,
             method + " " + path + " without credentials is refused", "401 (or 403)", brief(r));
}

void www_authenticate(conf::Context& ctx) {
  auto r = ctx.send("GET", "/Users", std::nullopt, {}, false);
  ctx.expect_status(r, 401, "GET /Users without credentials");
  expect_header(ctx, r, "WWW-Authenticate");
}

void bad_token(conf::Context& ctx) {
  auto r = ctx.send("GET", "/Users", std::nullopt,
                    {{"Authorization", "Bearer scimconf-definitely-not-a-valid-token"}}, false);
  ctx.expect(r.status == 401 || r.status == 403,
             "GET /Users with an invalid bearer token is refused", "401 (or 403)", brief(r));
}

}  // namespace s2_authentication_local

void register_s2(conf::Catalog& catalog) {
  using namespace s2_authentication_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "2", "Authentication and Authorization");
  s.add({.slug = "get-users-without-credentials-401",
         .title = "GET /Users without credentials is refused (401)",
         .level = kMust,
         .requirement = kAccessControl,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = [](conf::Context& ctx) { no_credentials(ctx, "GET", "/Users"); }});
  s.add({.slug = "post-users-without-credentials-401",
         .title = "POST /Users without credentials is refused (401)",
         .level = kMust,
         .requirement = kAccessControl,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = [](conf::Context& ctx) { no_credentials(ctx, "POST", "/Users"); }});
  s.add({.slug = "get-groups-without-credentials-401",
         .title = "GET /Groups without credentials is refused (401)",
         .level = kMust,
         .requirement = kAccessControl,
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = [](conf::Context& ctx) { no_credentials(ctx, "GET", "/Groups"); }});
  s.add({.slug = "invalid-token-401",
         .title = "an invalid bearer token is refused (401)",
         .level = kMust,
         .requirement = kAccessControl,
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
}

}  // namespace scim::suites::rfc7644
