// RFC 7643 §4 Resource Schemas: User (§4.1.1: userName required and unique without case; §4.1.2:
// groups read-only and derived from Group membership), Group (§4.2: displayName, members,
// nesting) and Enterprise User (§4.3: manager reference). Optional attributes (User.groups,
// Group.members, nesting) are judged only where the target defines and supports them.
#include <cctype>

#include "index.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "user_quotes.hpp"

namespace scim::suites::rfc7643 {
namespace s4_user_group_local {

constexpr const char* kGroupsList =
    "A list of groups to which the user belongs, either through direct membership, through nested "
    "groups, or dynamically calculated.";
constexpr const char* kMembers =
    "The \"value\" sub-attribute contains the value of an \"id\" attribute of a SCIM resource, and "
    "the \"$ref\" sub-attribute must be the URI of a SCIM resource such as a \"User\", or a "
    "\"Group\".";
constexpr const char* kNesting =
    "The intention of the \"Group\" type is to allow the service provider to support nested "
    "groups.";

// The provider's own obligation (§4.1.1 "Each User MUST include a non-empty userName value"): a
// request that would leave a User without one is refused, or the stored User still has one. How
// it is refused (400 invalidValue) is a SHOULD, judged by
// rfc7644/3.12/missing-required-invalid-value.
void empty_username(conf::Context& ctx) {
  json body = ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}}, {"userName", ""}},
                                {"userName"});
  auto r = ctx.create_raw("/Users", body);
  if (r.status >= 400 && r.status < 500) return;
  json created = expect_json(ctx, r, 201, "POST a User with userName \"\"");
  json stored = expect_json(ctx, ctx.get(user_path(ctx, created)), 200, "GET the created User");
  const json* name = member(stored, "userName");
  ctx.expect(name && name->is_string() && !name->get<std::string>().empty(),
             "no User is stored without a non-empty userName",
             "a refusal (4xx) or a non-empty "
             "userName",
             brief(stored));
}

void username_case_insensitive_unique(conf::Context& ctx) {
  std::string name = ctx.unique_name("Case");
  ctx.create_user({{"userName", name + "-abc"}});
  std::string upper = name + "-ABC";
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  json body =
      ctx.with_required("User", {{"schemas", {std::string(urn::kUser)}}, {"userName", upper}});
  ctx.expect_scim_error(ctx.create_raw("/Users", body), 409, "uniqueness");
}

// The same uniqueness through PUT (formerly rfc7644/3.5.1/put-duplicate-username-409, whose Table 9
// quote belongs to RFC 7644 §3.12): no two Users end up with one userName. How the PUT is refused
// is not fixed for PUT (Table 9 lists uniqueness under 400, RFC 7644 §3.3 uses 409 for POST), so
// any 4xx refusal passes.
void username_unique_on_put(conf::Context& ctx) {
  json a = ctx.create_user();
  json b = ctx.create_user();
  json doc = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", a["userName"]}});
  auto r = ctx.put(user_path(ctx, b), doc);
  if (r.status >= 400 && r.status < 500) return ctx.expect_scim_error(r, r.status);
  json read = expect_json(ctx, ctx.get(user_path(ctx, b)), 200, "GET the second user after PUT");
  ctx.expect(to_lower(read.value("userName", "")) != to_lower(a.value("userName", "?")),
             "two Users never share a userName", "the PUT refused (409 uniqueness)", brief(read));
}

bool lists_group(const json& user, const std::string& group_id) {
  const json* groups = member(user, "groups");
  if (!groups || !groups->is_array()) return false;
  for (const auto& g : *groups)
    if (g.value("value", "") == group_id) return true;
  return false;
}

// A user fixture that is a member of a fresh group, read back with "groups" (requested when the
// target returns it only on request).
struct Membership {
  json user;
  json group;
  json read;
};

Membership member_of_group(conf::Context& ctx) {
  require_defined(ctx, "User", {"groups"});
  Membership m;
  m.user = ctx.create_user();
  m.group = create_group_with(ctx, {{"members", {{{"value", id_string(m.user)}}}}});
  const auto* groups = ctx.caps().attribute("User", "groups");
  const bool on_request = groups->returned == Returned::Request;
  m.read =
      expect_json(ctx, ctx.get(user_path(ctx, m.user) + (on_request ? "?attributes=groups" : "")),
                  200, "GET member user");
  return m;
}

void groups_reflect_membership(conf::Context& ctx) {
  auto m = member_of_group(ctx);
  ctx.expect(lists_group(m.read, id_string(m.group)), "User.groups lists the group it belongs to",
             id_string(m.group), brief(m.read.value("groups", json())));
}

void groups_direct_type(conf::Context& ctx) {
  auto m = member_of_group(ctx);
  for (const auto& g : m.read.value("groups", json::array()))
    if (g.value("value", "") == id_string(m.group))
      return ctx.expect(g.value("type", "direct") == "direct", "a direct membership is \"direct\"",
                        "direct", brief(g));
  ctx.blocked_by("rfc7643/4.1.2/groups-reflect-membership",
                 "User.groups does not list the group the user belongs to");
}

// Creates a group whose member is another group; skips when the target refuses nesting (§4.2 only
// states the intention to allow it) or drops the nested member.
json nested_group(conf::Context& ctx, const json& inner) {
  json sent =
      ctx.with_required("Group", {{"schemas", {std::string(urn::kGroup)}},
                                  {"displayName", ctx.unique_name("outer")},
                                  {"members", {{{"value", id_string(inner)}, {"type", "Group"}}}}});
  auto r = ctx.create_raw("/Groups", sent);
  if (r.status >= 400 && r.status < 500)
    ctx.skip("target does not support nested groups (POST answered " + std::to_string(r.status) +
             "; RFC 7643 §4.2 makes them a possibility, not a requirement)");
  json outer = expect_json(ctx, r, 201, "POST a group whose member is a group");
  if (!lists_member(outer, id_string(inner)))
    ctx.skip(
        "target does not store a group as a member (RFC 7644 §3.3: the server is free to "
        "ignore POSTed content)");
  return outer;
}

void groups_indirect(conf::Context& ctx) {
  require_defined(ctx, "User", {"groups"});
  json user = ctx.create_user();
  json inner = create_group_with(ctx, {{"members", {{{"value", id_string(user)}}}}});
  json outer = nested_group(ctx, inner);
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET member user");
  ctx.expect(lists_group(body, id_string(outer)),
             "membership through a nested group is listed (type \"indirect\")", id_string(outer),
             brief(body.value("groups", json())));
}

void groups_patch_refused(conf::Context& ctx) {
  require_defined(ctx, "User", {"groups"});
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
  json group = create_group_with(ctx, {{"members", {{{"value", id_string(user)}}}}});
  json body = expect_json(ctx, ctx.get(group_path(ctx, group)), 200, "GET group");
  ctx.expect(body.value("displayName", "") == group.value("displayName", "?"),
             "displayName is stored", group.value("displayName", ""), brief(body));
  auto members = body.value("members", json::array());
  ctx.expect(members.size() == 1 && members[0].value("value", "") == id_string(user),
             "members[].value holds the user's id", id_string(user), brief(members));
}

void nested_group_member(conf::Context& ctx) {
  require_defined(ctx, "Group", {"members"});
  json inner = ctx.create_group();
  json outer = nested_group(ctx, inner);
  json read = expect_json(ctx, ctx.get(group_path(ctx, outer)), 200, "GET the outer group");
  ctx.expect(lists_member(read, id_string(inner)), "the nested group is kept as a member",
             id_string(inner), brief(read.value("members", json())));
}

void manager_reference(conf::Context& ctx) {
  std::string ext(urn::kEnterpriseUser);
  json boss = ctx.create_user();
  json user = create_user_with(ctx, {{"schemas", {std::string(urn::kUser), ext}},
                                     {ext, {{"manager", {{"value", id_string(boss)}}}}}});
  json body = expect_json(ctx, ctx.get(user_path(ctx, user)), 200, "GET");
  const json* e = member(body, ext);
  const json* manager = e ? member(*e, "manager") : nullptr;
  ctx.expect(manager && manager->value("value", "") == id_string(boss),
             "manager.value references the manager's id", id_string(boss),
             manager ? brief(*manager) : "absent");
}

}  // namespace s4_user_group_local

void register_s4_user_group(conf::Catalog& catalog) {
  using namespace s4_user_group_local;
  auto& spec = rfc7643_spec(catalog);
  SectionBuilder u(catalog, spec, "4.1.1", "Singular Attributes");
  u.add({.slug = "username-non-empty",
         .title = "no User is stored with an empty userName",
         .level = kMust,
         .requirement = kUserNameRule,
         .tags = {tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = empty_username});
  u.add({.slug = "username-unique-case-insensitive",
         .title = "userName differing only in case conflicts",
         .level = kMust,
         .requirement = kUserNameRule,
         .tags = {tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = username_case_insensitive_unique});
  u.add({.slug = "username-unique-on-put",
         .title = "PUT giving a user another user's userName is refused",
         .level = kMust,
         .requirement = kUserNameRule,
         .tags = {tag::kPut, tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = username_unique_on_put});
  SectionBuilder m(catalog, spec, "4.1.2", "Multi-Valued Attributes");
  m.add({.slug = "groups-reflect-membership",
         .title = "User.groups lists a group the user is a member of",
         .level = kShould,
         .requirement = kGroupsList,
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
         .depends_on = {"rfc7643/4.1.2/groups-reflect-membership"},
         .run = groups_direct_type});
  m.add({.slug = "groups-indirect-through-nesting",
         .title = "membership through a nested group is listed",
         .level = kMay,
         .requirement = kGroupsList,
         .tags = {tag::kUsers, tag::kGroups},
         .needs = {cap::kUsers, cap::kGroups},
         .depends_on = {"rfc7643/4.1.2/groups-reflect-membership"},
         .run = groups_indirect});
  m.add({.slug = "groups-not-writable-on-user",
         .title = "PATCH add to User.groups answers 400 mutability",
         .level = kShould,
         .requirement = kGroupsReadOnlyRule,
         .tags = {tag::kUsers, tag::kGroups, tag::kMutability, tag::kRobustness},
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
         .requirement = kNesting,
         .tags = {tag::kGroups},
         .needs = {cap::kGroups},
         .run = nested_group_member});
  SectionBuilder e(catalog, spec, "4.3", "Enterprise User Schema Extension");
  e.add(
      {.slug = "manager-references-user-id",
       .title = "manager.value keeps the manager's id",
       .level = kShould,
       .requirement =
           "value  The \"id\" of the SCIM resource representing the user's manager.  RECOMMENDED.",
       .tags = {tag::kUsers, tag::kExtensions},
       .needs = {cap::kUsers, cap::kEnterpriseUser},
       .run = manager_reference});
}

}  // namespace scim::suites::rfc7643
