// Profile "okta": the documented Okta SCIM 2.0 sequence for Users — test connection
// (GET /Users?startIndex=1&count=2), lookup by userName eq with paging parameters, create with
// password and an empty groups list, GET by id, full PUT updates (also carrying a password),
// path-less deactivate/reactivate (op replace, value {"active": false}).
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::profiles {
namespace {

using rfc7644::apply_patch;

const Strings kTags = {"okta", "users"};
const Strings kCaps = {"users"};

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

}  // namespace

void register_okta_users(conf::Catalog& catalog) {
  auto& spec = catalog.spec("profile-okta", "Okta provisioning", true);
  SectionBuilder s(catalog, spec, "1", "User provisioning");
  s.add("test-connection-first-page", "test connection: GET /Users?startIndex=1&count=2", kMust,
        "Okta tests the connection with GET /Users?startIndex=1&count=2.", kTags, kCaps,
        test_connection);
  s.add("lookup-absent-user", "lookup: userName eq for a user that does not exist", kMust,
        "Okta checks whether the user exists with a userName eq filter and startIndex=1&count=100.",
        kTags, {"users", "filter"}, lookup_absent);
  s.add("lookup-existing-user", "lookup: userName eq finds the user", kMust,
        "Okta checks whether the user exists with a userName eq filter and startIndex=1&count=100.",
        kTags, {"users", "filter"}, lookup_present);
  s.add("create-with-password-and-groups", "create: POST with password and empty groups", kMust,
        "Okta creates users with userName, name, emails, displayName, locale, externalId, an empty "
        "groups list, password and active.",
        kTags, kCaps, create);
  s.add("get-user-by-id", "read: GET /Users/{id}", kMust, "Okta reads users by id.", kTags, kCaps,
        get_by_id);
  s.add("put-full-update", "update: full PUT of the user", kMust,
        "Okta updates user profiles with a PUT of the whole user.", kTags, kCaps, put_update);
  s.add("deactivate-path-less", "deactivate: replace with value {\"active\": false}", kMust,
        "Okta deactivates with op replace and value {\"active\": false}, without a path.", kTags,
        {"users", "patch"}, [](conf::Context& ctx) { set_active(ctx, false); });
  s.add("reactivate-path-less", "reactivate: replace with value {\"active\": true}", kMust,
        "Okta reactivates with op replace and value {\"active\": true}, without a path.", kTags,
        {"users", "patch"}, [](conf::Context& ctx) { set_active(ctx, true); });
}

}  // namespace scim::suites::profiles
