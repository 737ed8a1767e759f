// Profile "okta": the documented Okta SCIM 2.0 sequence for Users — test connection
// (GET /Users?startIndex=1&count=2), lookup by userName eq with paging parameters, create with
// password and an empty groups list, GET by id, full PUT updates (also carrying a password),
// path-less deactivate/reactivate (op replace, value {"active": false}).
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::profiles {
namespace okta_users_local {

using rfc7644::apply_patch;

const Tags kTags = {tag::kOkta, tag::kUsers};
const Needs kCaps = {cap::kUsers};

json okta_user(conf::Context& ctx) {
  std::string name = ctx.unique_name("okta") + "@example.com";
  return {{"schemas", {std::string(urn::kUser)}},
          {"userName", name},
          {"name", {{"givenName", "Okta"}, {"familyName", "Tester"}}},
          {"emails", {{{"primary", true}, {"value", name}, {"type", "work"}}}},
          {"displayName", "Okta Tester"},
          {"locale", "en-US"},
          {"externalId", "00u" + ctx.unique_name("ext")},
          {"groups", json::array()},
          {"password", "1mP0ssible-Okta!"},
          {"active", true}};
}

void test_connection(conf::Context& ctx) {
  json list =
      expect_list(ctx, ctx.get("/Users?startIndex=1&count=2"), "GET /Users?startIndex=1&count=2");
  ctx.expect(resources_of(list).size() <= 2, "at most 2 users returned", "<= 2",
             std::to_string(resources_of(list).size()));
}

void lookup_absent(conf::Context& ctx) {
  std::string f = "userName eq " + literal(ctx.unique_name("absent") + "@example.com");
  json list = expect_list(
      ctx, ctx.get("/Users?filter=" + conf::Context::encode(f) + "&startIndex=1&count=100"),
      "GET /Users?filter=userName eq ...&startIndex=1&count=100");
  ctx.expect(list.value("totalResults", -1) == 0, "an unknown user answers an empty list", "0",
             brief(list));
}

void lookup_present(conf::Context& ctx) {
  json user = ctx.create_user(okta_user(ctx));
  std::string f = "userName eq " + literal(user.value("userName", ""));
  json list = expect_list(
      ctx, ctx.get("/Users?filter=" + conf::Context::encode(f) + "&startIndex=1&count=100"),
      "lookup by userName");
  expect_ids(ctx, list, {id_string(user)}, "the user is found by userName");
}

void create(conf::Context& ctx) {
  auto r = ctx.create_raw("/Users", okta_user(ctx));
  json body = expect_json(ctx, r, 201, "POST /Users (Okta shape)");
  ctx.expect(!id_string(body).empty() && !has_member(body, "password"),
             "created with an id; the password is not echoed", "id, no password", brief(body));
}

void get_by_id(conf::Context& ctx) {
  json user = ctx.create_user(okta_user(ctx));
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET /Users/{id}");
  ctx.expect(id_string(body) == id_string(user), "the user is returned", id_string(user),
             id_string(body));
}

void put_update(conf::Context& ctx) {
  json sent = okta_user(ctx);
  json user = ctx.create_user(sent);
  sent["id"] = id_string(user);
  sent["name"]["givenName"] = "Renamed";
  sent.erase("groups");
  json body = expect_json(ctx, ctx.put(user_path(ctx, user), sent), 200, "PUT /Users/{id}");
  ctx.expect(body["name"].value("givenName", "") == "Renamed" && !has_member(body, "password"),
             "the full PUT is applied and the password not echoed", "givenName Renamed",
             brief(body));
}

void set_active(conf::Context& ctx, bool active) {
  json user = ctx.create_user(okta_user(ctx));
  std::string path = user_path(ctx, user);
  if (active) apply_patch(ctx, path, {{{"op", "replace"}, {"value", {{"active", false}}}}});
  json after = apply_patch(ctx, path, {{{"op", "replace"}, {"value", {{"active", active}}}}});
  ctx.expect(after.value("active", !active) == active, "active is set by a path-less replace",
             active ? "true" : "false", brief(after.value("active", json())));
}

}  // namespace okta_users_local

void register_okta_users(conf::Catalog& catalog) {
  using namespace okta_users_local;
  auto& spec = catalog.spec("profile-okta", "Okta provisioning", true);
  SectionBuilder s(catalog, spec, "1", "User provisioning");
  s.add({.slug = "test-connection-first-page",
         .title = "test connection: GET /Users?startIndex=1&count=2",
         .level = kMust,
         .requirement = "Okta tests the connection with GET /Users?startIndex=1&count=2.",
         .tags = kTags,
         .needs = kCaps,
         .run = test_connection});
  s.add({.slug = "lookup-absent-user",
         .title = "lookup: userName eq for a user that does not exist",
         .level = kMust,
         .requirement = "Okta checks whether the user exists with a userName eq filter and "
                        "startIndex=1&count=100.",
         .tags = kTags,
         .needs = {cap::kUsers, cap::kFilter},
         .run = lookup_absent});
  s.add({.slug = "lookup-existing-user",
         .title = "lookup: userName eq finds the user",
         .level = kMust,
         .requirement = "Okta checks whether the user exists with a userName eq filter and "
                        "startIndex=1&count=100.",
         .tags = kTags,
         .needs = {cap::kUsers, cap::kFilter},
         .run = lookup_present});
  s.add({.slug = "create-with-password-and-groups",
         .title = "create: POST with password and empty groups",
         .level = kMust,
         .requirement = "Okta creates users with userName, name, emails, displayName, locale, "
                        "externalId, an empty groups list, password and active.",
         .tags = kTags,
         .needs = kCaps,
         .run = create});
  s.add({.slug = "get-user-by-id",
         .title = "read: GET /Users/{id}",
         .level = kMust,
         .requirement = "Okta reads users by id.",
         .tags = kTags,
         .needs = kCaps,
         .run = get_by_id});
  s.add({.slug = "put-full-update",
         .title = "update: full PUT of the user",
         .level = kMust,
         .requirement = "Okta updates user profiles with a PUT of the whole user.",
         .tags = kTags,
         .needs = kCaps,
         .run = put_update});
  s.add({.slug = "deactivate-path-less",
         .title = "deactivate: replace with value {\"active\": false}",
         .level = kMust,
         .requirement =
             "Okta deactivates with op replace and value {\"active\": false}, without a path.",
         .tags = kTags,
         .needs = {cap::kUsers, cap::kPatch},
         .run = [](conf::Context& ctx) { set_active(ctx, false); }});
  s.add({.slug = "reactivate-path-less",
         .title = "reactivate: replace with value {\"active\": true}",
         .level = kMust,
         .requirement =
             "Okta reactivates with op replace and value {\"active\": true}, without a path.",
         .tags = kTags,
         .needs = {cap::kUsers, cap::kPatch},
         .run = [](conf::Context& ctx) { set_active(ctx, true); }});
}

}  // namespace scim::suites::profiles
