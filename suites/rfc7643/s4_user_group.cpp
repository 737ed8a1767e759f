// RFC 7643 §4 Resource Schemas: User (§4.1: userName required and unique without case, groups
// read-only and derived from Group membership), Group (§4.2: displayName, members, nesting) and
// Enterprise User (§4.3: manager reference).
#include <cctype>

#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7643 {
namespace {

constexpr const char* kUserName =
    "Each User MUST include a non-empty userName value.  This identifier MUST be unique across the "
    "service provider's entire set of Users.  This attribute is REQUIRED and is case insensitive.";
constexpr const char* kGroups =
    "Since this attribute has a mutability of \"readOnly\", group membership changes MUST be "
    "applied via the \"Group\" Resource (Section 4.2).";
constexpr const char* kMembers =
    "The \"value\" sub-attribute contains the value of an \"id\" attribute of a SCIM resource, and "
    "the \"$ref\" sub-attribute must be the URI of a SCIM resource such as a \"User\", or a "
    "\"Group\".";

void empty_username(conf::Context& ctx) {
  json body = {{"schemas", {std::string(urn::kUser)}}, {"userName", ""}};
  auto r = ctx.create_raw("/Users", body);
  ctx.expect_scim_error(r, 400, "invalidValue");
}

void username_case_insensitive_unique(conf::Context& ctx) {
  std::string name = ctx.unique_name("Case");
  ctx.create_user({{"userName", name + "-abc"}});
  std::string upper = name + "-ABC";
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  json body = {{"schemas", {std::string(urn::kUser)}}, {"userName", upper}};
  ctx.expect_scim_error(ctx.create_raw("/Users", body), 409, "uniqueness");
}

bool lists_group(const json& user, const std::string& group_id) {
  for (const auto& g : user.value("groups", json::array()))
    if (g.value("value", "") == group_id) return true;
  return false;
}

void groups_reflect_membership(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(user)}}}}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET member user");
  ctx.expect(lists_group(body, id_string(group)), "User.groups lists the group it belongs to",
             id_string(group), brief(body.value("groups", json())));
}

void groups_direct_type(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(user)}}}}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET member user");
  for (const auto& g : body.value("groups", json::array()))
    if (g.value("value", "") == id_string(group))
      return ctx.expect(g.value("type", "direct") == "direct", "a direct membership is \"direct\"",
                        "direct", brief(g));
  ctx.fail("User.groups lists the group", id_string(group), brief(body.value("groups", json())));
}

void groups_indirect(conf::Context& ctx) {
  json user = ctx.create_user();
  json inner = ctx.create_group({{"members", {{{"value", id_string(user)}}}}});
  json outer = ctx.create_group({{"members", {{{"value", id_string(inner)}, {"type", "Group"}}}}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET member user");
  ctx.expect(lists_group(body, id_string(outer)),
             "membership through a nested group is listed (type \"indirect\")", id_string(outer),
             brief(body.value("groups", json())));
}

void groups_patch_refused(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group();
  auto r = ctx.patch(
      user_path(ctx, user),
      patch_body(
          {{{"op", "add"}, {"path", "groups"}, {"value", {{{"value", id_string(group)}}}}}}));
  ctx.expect_scim_error(r, 400, "mutability");
}

void group_round_trip(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(user)}, {"type", "User"}}}}});
  json body = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET group");
  ctx.expect(body.value("displayName", "") == group.value("displayName", "?"),
             "displayName is stored", group.value("displayName", ""), brief(body));
  auto members = body.value("members", json::array());
  ctx.expect(members.size() == 1 && members[0].value("value", "") == id_string(user),
             "members[].value holds the user's id", id_string(user), brief(members));
}

void nested_group(conf::Context& ctx) {
  json inner = ctx.create_group();
  json sent = {{"schemas", {std::string(urn::kGroup)}},
               {"displayName", ctx.unique_name("outer")},
               {"members", {{{"value", id_string(inner)}, {"type", "Group"}}}}};
  ctx.expect_status(ctx.create_raw("/Groups", sent), 201, "POST a group whose member is a group");
}

void manager_reference(conf::Context& ctx) {
  std::string ext(urn::kEnterpriseUser);
  json boss = ctx.create_user();
  json user = ctx.create_user({{"schemas", {std::string(urn::kUser), ext}},
                               {ext, {{"manager", {{"value", id_string(boss)}}}}}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  const json* e = member(body, ext);
  const json* manager = e ? member(*e, "manager") : nullptr;
  ctx.expect(manager && manager->value("value", "") == id_string(boss),
             "manager.value references the manager's id", id_string(boss),
             manager ? brief(*manager) : "absent");
}

}  // namespace

void register_s4_user_group(conf::Catalog& catalog) {
  auto& spec = rfc7643_spec(catalog);
  SectionBuilder u(catalog, spec, "4.1", "\"User\" Resource Schema");
  u.add({.slug = "username-non-empty",
         .title = "an empty userName answers 400 invalidValue",
         .level = kMust,
         .requirement = kUserName,
         .tags = {tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = empty_username});
  u.add({.slug = "username-unique-case-insensitive",
         .title = "userName differing only in case conflicts",
         .level = kMust,
         .requirement = kUserName,
         .tags = {tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = username_case_insensitive_unique});
  SectionBuilder m(catalog, spec, "4.1.2", "Multi-Valued Attributes");
  m.add({.slug = "groups-reflect-membership",
         .title = "User.groups lists a group the user is a member of",
         .level = kMust,
         .requirement = kGroups,
         .tags = {tag::kUsers, tag::kGroups},
         .needs = {cap::kUsers, cap::kGroups},
         .run = groups_reflect_membership});
  m.add({.slug = "groups-direct-type",
         .title = "a direct membership has type \"direct\"",
         .level = kShould,
         .requirement = "The canonical types \"direct\" and \"indirect\" are defined to describe "
                        "how the group membership was derived.",
         .tags = {tag::kUsers, tag::kGroups},
         .needs = {cap::kUsers, cap::kGroups},
         .run = groups_direct_type});
  m.add({.slug = "groups-indirect-through-nesting",
         .title = "membership through a nested group is listed",
         .level = kMay,
         .requirement = "A list of groups to which the user belongs, either through direct "
                        "membership, through nested groups, or dynamically calculated.",
         .tags = {tag::kUsers, tag::kGroups},
         .needs = {cap::kUsers, cap::kGroups},
         .run = groups_indirect});
  m.add({.slug = "groups-not-writable-on-user",
         .title = "PATCH add to User.groups answers 400 mutability",
         .level = kMust,
         .requirement = kGroups,
         .tags = {tag::kUsers, tag::kGroups, tag::kMutability},
         .needs = {cap::kUsers, cap::kGroups, cap::kPatch},
         .run = groups_patch_refused});
  SectionBuilder g(catalog, spec, "4.2", "\"Group\" Resource Schema");
  g.add({.slug = "group-round-trip",
         .title = "displayName and members are stored",
         .level = kMust,
         .requirement = kMembers,
         .tags = {tag::kGroups},
         .needs = {cap::kGroups, cap::kUsers},
         .run = group_round_trip});
  g.add({.slug = "nested-group-member",
         .title = "a group may have a group as a member",
         .level = kMay,
         .requirement = "The intention of the \"Group\" type is to allow the service provider to "
                        "support nested groups.",
         .tags = {tag::kGroups},
         .needs = {cap::kGroups},
         .run = nested_group});
  SectionBuilder e(catalog, spec, "4.3", "Enterprise User Schema Extension");
  e.add(
      {.slug = "manager-references-user-id",
       .title = "manager.value keeps the manager's id",
       .level = kMust,
       .requirement =
           "value  The \"id\" of the SCIM resource representing the user's manager.  RECOMMENDED.",
       .tags = {tag::kUsers, tag::kExtensions},
       .needs = {cap::kUsers, cap::kEnterpriseUser},
       .run = manager_reference});
}

}  // namespace scim::suites::rfc7643
