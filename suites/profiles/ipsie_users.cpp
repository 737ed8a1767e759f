// Profile "ipsie-al1" (IPSIE AL1 SCIM 2.0 Profile), authentication and users: §3.1 OAuth 2.0,
// §3.2.1 every operation authenticated, §3.2.2 the user operations (externalId and a primary
// email, deactivation and reactivation by PATCH, userName reuse after DELETE, paging and rate
// limits of GET /Users, the three required filters). Sections are numbered by the draft's
// headings (its markdown source).
#include "index.hpp"
#include "scim/protocol/encoding.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"
#include "standard_support.hpp"

namespace scim::suites::profiles {
namespace ipsie_users_local {

using rfc7644::apply_patch;

const Tags kTags = {tag::kIpsie, tag::kUsers};
const Needs kCaps = {cap::kUsers};
constexpr const char* kUserOps =
    "The Application MUST provide support all User provisioning operations defined in this "
    "section.";

void oauth_advertised(conf::Context& ctx) {
  const auto& schemes = ctx.caps().authentication_schemes;
  const bool oauth = std::any_of(schemes.begin(), schemes.end(), [](const std::string& s) {
    return lower(s) == "oauthbearertoken";
  });
  std::string listed;
  for (const auto& s : schemes) listed += (listed.empty() ? "" : ", ") + s;
  ctx.expect(oauth, "authenticationSchemes lists oauthbearertoken (RFC 7643 §5)",
             "type oauthbearertoken", listed.empty() ? "none" : listed);
}

void unauthenticated(conf::Context& ctx) {
  auto anonymous = ctx.send("GET", "/Users?count=1", std::nullopt, {}, /*authenticate=*/false);
  ctx.expect_status(anonymous, 401, "GET /Users without credentials");
  auto forged =
      ctx.send("GET", "/Users?count=1", std::nullopt,
               {{"Authorization", "Bearer scimconf-not-a-token"}}, /*authenticate=*/false);
  ctx.expect_status(forged, 401, "GET /Users with an unknown bearer token");
  // RFC 8725 §2.1: an unsigned JWT ("alg": "none") never authenticates, whatever it claims.
  const std::string unsigned_jwt = base64url_encode(R"({"alg":"none","typ":"at+jwt"})") + "." +
                                   base64url_encode(R"({"scope":"scim","exp":4102444800})") + ".";
  auto none = ctx.send("GET", "/Users?count=1", std::nullopt,
                       {{"Authorization", "Bearer " + unsigned_jwt}}, /*authenticate=*/false);
  ctx.expect_status(none, 401, "GET /Users with an unsigned JWT (alg none)");
}

json ipsie_user(conf::Context& ctx) {
  const std::string mail = ctx.unique_name("mail") + "@example.com";
  return create_user_with(ctx,
                          {{"externalId", ctx.unique_name("ext")},
                           {"emails", {{{"value", mail}, {"type", "work"}, {"primary", true}}}}});
}

void external_id_kept(conf::Context& ctx) {
  const std::string external = ctx.unique_name("ext");
  json user = ctx.create_user({{"externalId", external}});
  json read = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET /Users/{id}");
  ctx.expect(read.value("externalId", "") == external, "externalId is stored", external,
             brief(read.value("externalId", json())));
}

void primary_email_kept(conf::Context& ctx) {
  require_defined(ctx, "User", {"emails.value", "emails.primary"});
  json user = ipsie_user(ctx);
  json read = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET /Users/{id}");
  bool primary = false;
  for (const auto& e : read.value("emails", json::array()))
    primary = primary || e.value("primary", false);
  ctx.expect(primary, "the user's email is stored as primary", "an email with primary: true",
             brief(read.value("emails", json())));
}

json set_active(conf::Context& ctx, const json& user, bool active) {
  return apply_patch(ctx, user_path(ctx, user),
                     {{{"op", "replace"}, {"path", "active"}, {"value", active}}});
}

void update_by_patch(conf::Context& ctx) {
  const auto w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"}, {"path", w.name}, {"value", w.after}}});
  ctx.expect(after.value(w.name, json()) == w.after, "PATCH /Users/{id} updates the user",
             brief(w.after), brief(after.value(w.name, json())));
}

void deactivate(conf::Context& ctx) {
  require_defined(ctx, "User", {"active"});
  json user = create_user_with(ctx, {{"active", true}});
  json after = set_active(ctx, user, false);
  ctx.expect(after.value("active", true) == false, "PATCH active false deactivates", "false",
             brief(after.value("active", json())));
}

void reactivate(conf::Context& ctx) {
  require_defined(ctx, "User", {"active"});
  json user = create_user_with(ctx, {{"active", true}});
  set_active(ctx, user, false);
  json after = set_active(ctx, user, true);
  ctx.expect(after.value("active", false) == true, "PATCH active true reactivates", "true",
             brief(after.value("active", json())));
}

void username_reuse(conf::Context& ctx) {
  json user = ctx.create_user();
  const std::string path = user_path(ctx, user);
  auto r = ctx.del(path);
  ctx.expect(r.status == 204 || r.status == 200, "DELETE /Users/{id} succeeds", "204", brief(r));
  ctx.untrack(path);
  json body = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", user["userName"]}});
  ctx.expect_status(ctx.create_raw("/Users", body), 201, "POST with the deleted user's userName");
}

void users_paged(conf::Context& ctx) {
  expect_paginated(ctx, "/Users", [](conf::Context& c) { return c.create_user(); });
}

void users_rate_limited(conf::Context& ctx) {
  expect_rate_limited(ctx, "/Users");
}

void filter_user_name(conf::Context& ctx) {
  json user = ctx.create_user();
  // The draft spells the attribute "username"; attribute names are case-insensitive (RFC 7643
  // §2.1), so the filter is sent as the draft writes it.
  expect_ids(ctx, query(ctx, "/Users", "username eq " + literal(user.value("userName", ""))),
             {id_string(user)}, "username eq finds the user");
}

void filter_external_id(conf::Context& ctx) {
  const std::string external = ctx.unique_name("ext");
  json user = ctx.create_user({{"externalId", external}});
  expect_ids(ctx, query(ctx, "/Users", "externalId eq " + literal(external)), {id_string(user)},
             "externalId eq finds the user");
}

void filter_email(conf::Context& ctx) {
  require_defined(ctx, "User", {"emails.value"});
  const std::string mail = ctx.unique_name("mail") + "@example.com";
  json user = create_user_with(ctx, {{"emails", {{{"value", mail}, {"type", "work"}}}}});
  expect_ids(ctx, query(ctx, "/Users", "emails[value eq " + literal(mail) + "]"), {id_string(user)},
             "emails[value eq ...] finds the user");
}

void add(SectionBuilder& s, std::string slug, std::string title, std::string quote,
         conf::CheckFn run, Tags tags = kTags) {
  s.add({.slug = std::move(slug),
         .title = std::move(title),
         .level = kMust,
         .requirement = std::move(quote),
         .tags = std::move(tags),
         .needs = kCaps,
         .run = std::move(run)});
}

void register_auth(conf::Catalog& catalog) {
  auto& spec = ipsie_al1_spec(catalog);
  SectionBuilder s31(catalog, spec, "3.1", "Authentication and Authorization");
  s31.add({.slug = "oauth-advertised",
           .title = "ServiceProviderConfig lists the OAuth bearer token scheme",
           .level = kMust,
           .requirement = "The Identity Service and Application MUST use OAuth 2.0 {{RFC6749}} "
                          "for authentication and authorization of SCIM protocol.",
           .tags = {tag::kIpsie, tag::kAuth},
           .run = oauth_advertised});
  SectionBuilder s321(catalog, spec, "3.2.1", "General Requirements");
  add(s321, "unauthenticated-401", "GET /Users without or with a forged token answers 401",
      "All SCIM operations SHALL be authenticated and authorized via OAuth 2.0 as specified in "
      "{{authn-authz}}.",
      unauthenticated, {tag::kIpsie, tag::kAuth});
}

void register_operations(conf::Catalog& catalog) {
  auto& spec = ipsie_al1_spec(catalog);
  SectionBuilder s322(catalog, spec, "3.2.2", "User Provisioning Operations");
  add(s322, "update-user-patch", "PATCH /Users/{id} updates a user", kUserOps, update_by_patch);
  add(s322, "deactivate-user-patch", "PATCH active false deactivates a user", kUserOps, deactivate);
  SectionBuilder s3221(catalog, spec, "3.2.2.1", "Create User (POST /Users)");
  const char* attrs =
      "In addition to the user attributes required by {{RFC7643}}, the following attributes are "
      "required to be part of the User schema:";
  add(s3221, "external-id-stored", "A created user keeps its externalId", attrs, external_id_kept);
  add(s3221, "primary-email-stored", "A created user keeps its primary email", attrs,
      primary_email_kept);
  SectionBuilder s3223(catalog, spec, "3.2.2.3", "Deactivate or Reactivate User");
  add(s3223, "reactivate-user", "A deactivated user can be reactivated",
      "The Application MUST allow reactivation of a deactivated user.", reactivate);
  SectionBuilder s3224(catalog, spec, "3.2.2.4", "Delete User");
  add(s3224, "username-reusable-after-delete", "A deleted user's userName can be created again",
      "After a user is deleted, the Application MUST allow the creation of a new user with the "
      "same username.",
      username_reuse);
  SectionBuilder s3225(catalog, spec, "3.2.2.5", "Get All Users (GET /Users)");
  add(s3225, "users-paginated", "GET /Users pages by index or by cursor",
      "To ensure that large amounts of data can be read from the Application, the application "
      "must support with index-based or cursor-based pagination for the GET /Users request.",
      users_paged, {tag::kIpsie, tag::kUsers, tag::kPaging});
  add(s3225, "users-rate-limited-429", "GET /Users answers 429 with Retry-After under load",
      "To ensure system stability and prevent abuse, the Application SHALL enforce rate limits on "
      "this endpoint and must respond with appropriate headers, such as \"429 Too Many "
      "Requests\" and \"Retry-After,\" when limits are exceeded.",
      users_rate_limited, {tag::kIpsie, tag::kUsers, tag::kRateLimit});
  SectionBuilder s3227(catalog, spec, "3.2.2.7", "List Users By Alternate Identifier");
  const char* filters = "Application Providers MUST support the following filter expressions:";
  const Tags ftags = {tag::kIpsie, tag::kUsers, tag::kFilter};
  add(s3227, "filter-username-eq", "username eq finds a user", filters, filter_user_name, ftags);
  add(s3227, "filter-external-id-eq", "externalId eq finds a user", filters, filter_external_id,
      ftags);
  add(s3227, "filter-emails-value-eq", "emails[value eq ...] finds a user", filters, filter_email,
      ftags);
}

}  // namespace ipsie_users_local

void register_ipsie_users(conf::Catalog& catalog) {
  using namespace ipsie_users_local;
  register_auth(catalog);
  register_operations(catalog);
}

}  // namespace scim::suites::profiles
