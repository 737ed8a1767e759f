// Profile "entra": the documented Microsoft Entra ID provisioning sequence for Users, replayed in
// order — test connection with a random-GUID userName filter, lookups by userName / externalId /
// work email, create, the default PATCH shapes (capitalised "Replace"/"Add", "False" strings), the
// aadOptscim062020 shapes (lower-case ops, path-less value maps, real booleans), manager add, and
// soft delete (active false) followed by DELETE. Grades what Entra needs to work.
#include "entra.hpp"
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/protocol/uuid.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::profiles {
namespace entra_users_local {

using rfc7644::apply_patch;

const Tags kTags = {tag::kEntra, tag::kUsers};
const Needs kCaps = {cap::kUsers, cap::kFilter};
const Needs kPatchCaps = {cap::kUsers, cap::kPatch};

void test_connection(conf::Context& ctx) {
  json list = query(ctx, "/Users", "userName eq " + literal(new_uuid_v4()));
  ctx.expect(list.value("totalResults", -1) == 0 && resources_of(list).empty(),
             "an unknown userName answers an empty ListResponse (never 404)", "totalResults 0",
             brief(list));
}

void query_by_username(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  json list = query(ctx, "/Users", "userName eq " + literal(user.value("userName", "")));
  expect_ids(ctx, list, {id_string(user)}, "the user is found by userName");
}

void query_by_external_id(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  json list = query(ctx, "/Users", "externalId eq " + literal(user.value("externalId", "")));
  expect_ids(ctx, list, {id_string(user)}, "the user is found by externalId");
}

void query_by_work_email(conf::Context& ctx) {
  json sent = entra_user(ctx);
  json user = ctx.create_user(sent);
  std::string email = sent["emails"][0]["value"];
  json list = query(ctx, "/Users", "emails[type eq \"work\"].value eq " + literal(email));
  expect_ids(ctx, list, {id_string(user)}, "the user is found by work email");
}

void create(conf::Context& ctx) {
  json sent = entra_user(ctx);
  auto r = ctx.create_raw("/Users", sent);
  json body = expect_json(ctx, r, 201, "POST /Users (Entra shape)");
  ctx.expect(
      !id_string(body).empty() && body.value("externalId", "") == sent.value("externalId", ""),
      "the created user has an id and keeps externalId", "id, externalId", brief(body));
}

void replace_capitalised(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  json after =
      apply_patch(ctx, user_path(ctx, user),
                  {{{"op", "Replace"},
                    {"path", "emails[type eq \"work\"].value"},
                    {"value", "updated@example.com"}},
                   {{"op", "Replace"}, {"path", "name.familyName"}, {"value", "Updated"}}});
  ctx.expect(rfc7644::values(after, "emails").count("updated@example.com") == 1 &&
                 after["name"].value("familyName", "") == "Updated",
             "both Replace operations are applied", "updated email and familyName", brief(after));
}

void active_false_string(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "Replace"}, {"path", "active"}, {"value", "False"}}});
  ctx.expect(after.value("active", true) == false, "\"False\" deactivates the user", "false",
             brief(after.value("active", json())));
}

void optscim_value_map(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"},
                             {"value",
                              {{"displayName", "Map Updated"},
                               {"emails[type eq \"work\"].value", "map@example.com"},
                               {"name.familyName", "Mapped"}}}}});
  ctx.expect(after.value("displayName", "") == "Map Updated" &&
                 rfc7644::values(after, "emails").count("map@example.com") == 1 &&
                 after["name"].value("familyName", "") == "Mapped",
             "every path-keyed value in the map is applied", "three updates", brief(after));
}

void optscim_active_boolean(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"}, {"path", "active"}, {"value", false}}});
  ctx.expect(after.value("active", true) == false, "active false is applied", "false",
             brief(after.value("active", json())));
}

void manager_add(conf::Context& ctx) {
  json boss = ctx.create_user(entra_user(ctx));
  json user = ctx.create_user(entra_user(ctx));
  std::string path = std::string(urn::kEnterpriseUser) + ":manager";
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "Add"}, {"path", path}, {"value", id_string(boss)}}});
  const json* ext = member(after, urn::kEnterpriseUser);
  const json* manager = ext ? member(*ext, "manager") : nullptr;
  ctx.expect(manager && manager->value("value", "") == id_string(boss),
             "the manager id is stored as manager.value", id_string(boss),
             manager ? brief(*manager) : "absent");
}

void soft_then_hard_delete(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  std::string path = user_path(ctx, user);
  apply_patch(ctx, path, {{{"op", "Replace"}, {"path", "active"}, {"value", "False"}}});
  ctx.expect_status(ctx.del(path), 204, "DELETE after soft delete");
  ctx.untrack(path);
  ctx.expect_scim_error(ctx.get(path), 404);
}

}  // namespace entra_users_local

void register_entra_users(conf::Catalog& catalog) {
  using namespace entra_users_local;
  auto& spec = catalog.spec("profile-entra", "Microsoft Entra ID provisioning", true);
  SectionBuilder s(catalog, spec, "1", "User provisioning");
  s.add({.slug = "test-connection-random-guid",
         .title = "test connection: random-GUID userName filter",
         .level = kMust,
         .requirement = "Entra tests the connection with GET /Users?filter=userName eq \"<random "
                        "GUID>\" and expects 200 with an empty ListResponse.",
         .tags = kTags,
         .needs = kCaps,
         .run = test_connection});
  s.add({.slug = "query-by-username",
         .title = "match: GET /Users?filter=userName eq",
         .level = kMust,
         .requirement = "Entra queries userName before creating a user.",
         .tags = kTags,
         .needs = kCaps,
         .run = query_by_username});
  s.add({.slug = "query-by-external-id",
         .title = "match: GET /Users?filter=externalId eq",
         .level = kMust,
         .requirement = "Entra may match users on externalId.",
         .tags = kTags,
         .needs = kCaps,
         .run = query_by_external_id});
  s.add({.slug = "query-by-work-email",
         .title = "match: emails[type eq \"work\"].value eq",
         .level = kShould,
         .requirement = "Entra may match users on emails[type eq \"work\"].value.",
         .tags = kTags,
         .needs = kCaps,
         .run = query_by_work_email});
  s.add({.slug = "create-user",
         .title = "create: POST /Users with the Entra body",
         .level = kMust,
         .requirement = "Entra creates users with schemas, externalId, userName, active, "
                        "displayName, emails, meta, name and roles.",
         .tags = kTags,
         .needs = {cap::kUsers, cap::kEnterpriseUser},
         .run = create});
  s.add({.slug = "patch-replace-capitalised",
         .title = "default PATCH: \"Replace\" with value paths",
         .level = kMust,
         .requirement = "By default Entra sends capitalised ops such as \"Replace\" with paths "
                        "like emails[type eq \"work\"].value.",
         .tags = kTags,
         .needs = kPatchCaps,
         .run = replace_capitalised});
  s.add({.slug = "patch-active-false-string",
         .title = "default PATCH: active \"False\" as a string",
         .level = kMust,
         .requirement = "By default Entra sends booleans as the strings \"True\"/\"False\".",
         .tags = kTags,
         .needs = kPatchCaps,
         .run = active_false_string});
  s.add({.slug = "optscim-replace-value-map",
         .title = "aadOptscim062020: path-less replace with a path-keyed map",
         .level = kMust,
         .requirement = "With aadOptscim062020 Entra sends one lower-case replace whose value maps "
                        "attribute paths to values.",
         .tags = kTags,
         .needs = kPatchCaps,
         .run = optscim_value_map});
  s.add({.slug = "optscim-active-boolean",
         .title = "aadOptscim062020: active false as a boolean",
         .level = kMust,
         .requirement = "With aadOptscim062020 Entra sends active as a JSON boolean.",
         .tags = kTags,
         .needs = kPatchCaps,
         .run = optscim_active_boolean});
  s.add({.slug = "manager-add",
         .title = "manager: Add with the manager id as a string value",
         .level = kMust,
         .requirement = "Entra sets the manager with op Add, path "
                        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager and "
                        "the id as value.",
         .tags = kTags,
         .needs = {cap::kUsers, cap::kPatch, cap::kEnterpriseUser},
         .run = manager_add});
  s.add({.slug = "soft-delete-then-delete",
         .title = "deprovision: active \"False\", then DELETE",
         .level = kMust,
         .requirement =
             "Entra soft-deletes with active false and later sends DELETE, expecting 204 then 404.",
         .tags = kTags,
         .needs = kPatchCaps,
         .run = soft_then_hard_delete});
}

}  // namespace scim::suites::profiles
