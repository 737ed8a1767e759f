// Profile "okta", Group push: pages of 100 (GET /Groups?startIndex=1&count=100), create, lookup by
// displayName, rename with a path-less replace carrying "id" and "displayName", member add, a
// mixed remove/add in one PATCH, and DELETE.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::profiles {
namespace okta_groups_local {

using rfc7644::apply_patch;

const Tags kTags = {tag::kOkta, tag::kGroups};
const Needs kCaps = {cap::kGroups, cap::kUsers, cap::kPatch};
constexpr int kMaxPages = 50;  // bound on the page walk against a populated server

json okta_group(conf::Context& ctx) {
  return {{"schemas", {std::string(urn::kGroup)}},
          {"displayName", ctx.unique_name("oktagrp")},
          {"members", json::array()}};
}

void pages_of_100(conf::Context& ctx) {
  json group = ctx.create_group(okta_group(ctx));
  bool found = false;
  int start = 1;
  for (int page = 0; page < kMaxPages && !found; ++page) {
    json list =
        expect_list(ctx, ctx.get("/Groups?startIndex=" + std::to_string(start) + "&count=100"),
                    "GET /Groups?startIndex=" + std::to_string(start) + "&count=100");
    auto res = resources_of(list);
    ctx.expect(res.size() <= 100, "a page holds at most 100 groups", "<= 100",
               std::to_string(res.size()));
    found = ids_of(list).count(id_string(group)) == 1;
    if (res.empty() || start + static_cast<int>(res.size()) > list.value("totalResults", 0)) break;
    start += static_cast<int>(res.size());
  }
  ctx.expect(found, "walking the pages reaches the new group", id_string(group), "not found");
}

void create(conf::Context& ctx) {
  expect_json(ctx, ctx.create_raw("/Groups", okta_group(ctx)), 201, "POST /Groups (Okta shape)");
}

void lookup(conf::Context& ctx) {
  json group = ctx.create_group(okta_group(ctx));
  json list = query(ctx, "/Groups", "displayName eq " + literal(group.value("displayName", "")));
  expect_ids(ctx, list, {id_string(group)}, "the group is found by displayName");
}

void rename(conf::Context& ctx) {
  json group = ctx.create_group(okta_group(ctx));
  std::string name = ctx.unique_name("oktarenamed");
  json after = apply_patch(
      ctx, group_path(ctx, group),
      {{{"op", "replace"}, {"value", {{"id", id_string(group)}, {"displayName", name}}}}});
  ctx.expect(after.value("displayName", "") == name && id_string(after) == id_string(group),
             "renamed; the id carried in the value is accepted unchanged", name, brief(after));
}

void add_member(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group(okta_group(ctx));
  json after = apply_patch(
      ctx, group_path(ctx, group),
      {{{"op", "add"},
        {"path", "members"},
        {"value", {{{"value", id_string(user)}, {"display", user.value("userName", "")}}}}}});
  ctx.expect(rfc7644::values(after, "members").count(id_string(user)) == 1, "member added",
             id_string(user), brief(after.value("members", json())));
}

void mixed_remove_add(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(u1)}}}}});
  json after = apply_patch(
      ctx, group_path(ctx, group),
      {{{"op", "remove"}, {"path", "members[value eq " + literal(id_string(u1)) + "]"}},
       {{"op", "add"},
        {"path", "members"},
        {"value", {{{"value", id_string(u2)}, {"display", u2.value("userName", "")}}}}}});
  ctx.expect(rfc7644::values(after, "members") == std::set<std::string>{id_string(u2)},
             "u1 removed and u2 added in one PATCH", id_string(u2),
             brief(after.value("members", json())));
}

void delete_group(conf::Context& ctx) {
  json group = ctx.create_group(okta_group(ctx));
  std::string path = group_path(ctx, group);
  ctx.expect_status(ctx.del(path), 204, "DELETE /Groups/{id}");
  ctx.untrack(path);
}

}  // namespace okta_groups_local

void register_okta_groups(conf::Catalog& catalog) {
  using namespace okta_groups_local;
  auto& spec = catalog.spec("profile-okta", "Okta provisioning", true);
  SectionBuilder s(catalog, spec, "2", "Group push");
  s.add({.slug = "groups-pages-of-100",
         .title = "import: GET /Groups?startIndex=1&count=100 pages",
         .level = kMust,
         .requirement = "Okta reads groups in pages of GET /Groups?startIndex=N&count=100.",
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = pages_of_100});
  s.add({.slug = "create-group",
         .title = "push: POST /Groups",
         .level = kMust,
         .requirement = "Okta creates pushed groups with displayName and an empty members list.",
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = create});
  s.add({.slug = "lookup-group-by-display-name",
         .title = "push: displayName eq lookup",
         .level = kMust,
         .requirement = "Okta looks pushed groups up with a displayName eq filter.",
         .tags = kTags,
         .needs = {cap::kGroups, cap::kFilter},
         .run = lookup});
  s.add({.slug = "rename-carrying-id",
         .title = "rename: path-less replace with id and displayName",
         .level = kMust,
         .requirement =
             "Okta renames groups with op replace and value {\"id\": ..., \"displayName\": ...}.",
         .tags = kTags,
         .needs = kCaps,
         .run = rename});
  s.add({.slug = "add-member",
         .title = "membership: add members with value and display",
         .level = kMust,
         .requirement =
             "Okta adds members with op add, path members and {\"value\", \"display\"} items.",
         .tags = kTags,
         .needs = kCaps,
         .run = add_member});
  s.add({.slug = "mixed-remove-add",
         .title = "membership: remove by filter and add in one PATCH",
         .level = kMust,
         .requirement =
             "Okta sends member removals (members[value eq \"id\"]) and additions in one PATCH.",
         .tags = kTags,
         .needs = kCaps,
         .run = mixed_remove_add});
  s.add({.slug = "delete-group",
         .title = "unpush: DELETE /Groups/{id}",
         .level = kMust,
         .requirement = "Okta deletes pushed groups with DELETE /Groups/{id}.",
         .tags = kTags,
         .needs = {cap::kGroups},
         .run = delete_group});
}

}  // namespace scim::suites::profiles
