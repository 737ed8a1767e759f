// Profile "entra", Group provisioning: create with empty members, reads with
// excludedAttributes=members, member Add and Remove (the Remove carries a value list rather than a
// filter), rename with "Replace", and DELETE.
#include "entra.hpp"
#include "index.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::profiles {
namespace entra_groups_local {

using rfc7644::apply_patch;

const Tags kTags = {tag::kEntra, tag::kGroups};
const Needs kCaps = {cap::kGroups, cap::kUsers, cap::kPatch};

void create(conf::Context& ctx) {
  json sent = entra_group(ctx);
  json body = expect_json(ctx, ctx.create_raw("/Groups", sent), 201, "POST /Groups (Entra shape)");
  ctx.expect(body.value("displayName", "") == sent.value("displayName", ""), "displayName stored",
             sent["displayName"].dump(), brief(body));
}

void get_without_members(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(user)}}}}});
  json body = expect_json(ctx, ctx.get(group_path(ctx, group) + "?excludedAttributes=members"), 200,
                          "GET /Groups/{id}?excludedAttributes=members");
  ctx.expect(!has_member(body, "members") && id_string(body) == id_string(group),
             "the group is returned without members", "no members", brief(body));
}

void query_without_members(conf::Context& ctx) {
  json group = ctx.create_group(entra_group(ctx));
  std::string f = "displayName eq " + literal(group.value("displayName", ""));
  json list = expect_list(
      ctx, ctx.get("/Groups?excludedAttributes=members&filter=" + conf::Context::encode(f)),
      "GET /Groups?excludedAttributes=members&filter=displayName eq");
  expect_ids(ctx, list, {id_string(group)}, "the group is found by displayName");
}

void add_member(conf::Context& ctx) {
  json user = ctx.create_user(entra_user(ctx));
  json group = ctx.create_group(entra_group(ctx));
  json after = apply_patch(
      ctx, group_path(ctx, group),
      {{{"op", "Add"}, {"path", "members"}, {"value", {{{"value", id_string(user)}}}}}});
  ctx.expect(rfc7644::values(after, "members").count(id_string(user)) == 1, "member added",
             id_string(user), brief(after.value("members", json())));
}

void remove_member(conf::Context& ctx) {
  json u1 = ctx.create_user(entra_user(ctx));
  json u2 = ctx.create_user(entra_user(ctx));
  json group =
      ctx.create_group({{"displayName", ctx.unique_name("entragrp")},
                        {"members", {{{"value", id_string(u1)}}, {{"value", id_string(u2)}}}}});
  json after = apply_patch(
      ctx, group_path(ctx, group),
      {{{"op", "Remove"}, {"path", "members"}, {"value", {{{"value", id_string(u1)}}}}}});
  ctx.expect(rfc7644::values(after, "members") == std::set<std::string>{id_string(u2)},
             "only the listed member is removed", id_string(u2),
             brief(after.value("members", json())));
}

void rename(conf::Context& ctx) {
  json group = ctx.create_group(entra_group(ctx));
  std::string name = ctx.unique_name("renamed");
  json after = apply_patch(ctx, group_path(ctx, group),
                           {{{"op", "Replace"}, {"path", "displayName"}, {"value", name}}});
  ctx.expect(after.value("displayName", "") == name, "the group is renamed", name, brief(after));
}

void delete_group(conf::Context& ctx) {
  json group = ctx.create_group(entra_group(ctx));
  std::string path = group_path(ctx, group);
  ctx.expect_status(ctx.del(path), 204, "DELETE /Groups/{id}");
  ctx.untrack(path);
}

}  // namespace entra_groups_local

void register_entra_groups(conf::Catalog& catalog) {
  using namespace entra_groups_local;
  auto& spec = catalog.spec("profile-entra", "Microsoft Entra ID provisioning", true);
  SectionBuilder s(catalog, spec, "2", "Group provisioning");
  s.add({.slug = "create-group",
         .title = "create: POST /Groups with empty members",
         .level = kMust,
         .requirement = "Entra creates groups with schemas, externalId, displayName, meta and an "
                        "empty members list.",
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = create});
  s.add({.slug = "get-group-excluding-members",
         .title = "read: GET /Groups/{id}?excludedAttributes=members",
         .level = kMust,
         .requirement = "Entra reads groups with excludedAttributes=members.",
         .tags = kTags,
         .needs = kCaps,
         .run = get_without_members});
  s.add({.slug = "query-group-excluding-members",
         .title = "match: displayName filter with excludedAttributes",
         .level = kMust,
         .requirement = "Entra matches groups on displayName with excludedAttributes=members.",
         .tags = kTags,
         .needs = {cap::kGroups, cap::kFilter},
         .run = query_without_members});
  s.add(
      {.slug = "add-member",
       .title = "membership: \"Add\" members with a value list",
       .level = kMust,
       .requirement = "Entra adds members with op Add, path members and a list of {\"value\": id}.",
       .tags = kTags,
       .needs = kCaps,
       .run = add_member});
  s.add({.slug = "remove-member-value-list",
         .title = "membership: \"Remove\" members with a value list",
         .level = kMust,
         .requirement =
             "Entra removes members with op Remove, path members and a list of {\"value\": id}.",
         .tags = kTags,
         .needs = kCaps,
         .run = remove_member});
  s.add({.slug = "rename-group",
         .title = "update: \"Replace\" displayName",
         .level = kMust,
         .requirement = "Entra renames groups with op Replace on displayName.",
         .tags = kTags,
         .needs = kCaps,
         .run = rename});
  s.add({.slug = "delete-group",
         .title = "deprovision: DELETE /Groups/{id}",
         .level = kMust,
         .requirement = "Entra deletes groups with DELETE and expects 204.",
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = delete_group});
}

}  // namespace scim::suites::profiles
