// RFC 7644 §3.5.2.2 Remove Operation: noTarget without a path, single-valued and multi-valued
// removal, value filters, the RFC's member examples and required attributes.
#include "index.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::rfc7644 {
namespace s3_5_2_2_remove_local {

const Needs kCaps = {cap::kUsers, cap::kPatch};
const Needs kGroupCaps = {cap::kGroups, cap::kUsers, cap::kPatch};

void no_path(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = send_patch(ctx, user_path(ctx, user), {{{"op", "remove"}}});
  skip_if_interop_refused(ctx, r);
  ctx.expect_scim_error(r, 400, "noTarget");
}

void single_valued(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User", true);
  json user = create_user_with(ctx, {{w.name, w.before}});
  json after = apply_patch(ctx, user_path(ctx, user), {{{"op", "remove"}, {"path", w.name}}});
  ctx.expect(!has_member(after, w.name), w.name + " is unassigned", "absent", brief(after));
}

void all_members(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group = create_group_with(
      ctx, {{"members", {{{"value", id_string(u1)}}, {{"value", id_string(u2)}}}}});
  json after = apply_patch(ctx, group_path(ctx, group), {{{"op", "remove"}, {"path", "members"}}});
  ctx.expect(values(after, "members").empty(), "no members remain", "[]",
             brief(after.value("members", json())));
}

void one_member(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group = create_group_with(
      ctx, {{"members", {{{"value", id_string(u1)}}, {{"value", id_string(u2)}}}}});
  std::string path = "members[value eq " + literal(id_string(u1)) + "]";
  json after = apply_patch(ctx, group_path(ctx, group), {{{"op", "remove"}, {"path", path}}});
  ctx.expect(values(after, "members") == std::set<std::string>{id_string(u2)},
             "only the filtered member is removed", id_string(u2),
             brief(after.value("members", json())));
}

void complex_filter(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"emails",
                                      {{{"value", "a@example.com"}, {"type", "work"}},
                                       {{"value", "b@example.org"}, {"type", "home"}}}}});
  json after = apply_patch(
      ctx, user_path(ctx, user),
      {{{"op", "remove"}, {"path", "emails[type eq \"work\" and value ew \"example.com\"]"}}});
  ctx.expect(values(after, "emails") == std::set<std::string>{"b@example.org"},
             "only the matching email is removed", "b@example.org",
             brief(after.value("emails", json())));
}

// The RFC's example: remove all members, then add the new list, in one request.
void remove_and_add(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group = create_group_with(ctx, {{"members", {{{"value", id_string(u1)}}}}});
  json after =
      apply_patch(ctx, group_path(ctx, group),
                  {{{"op", "remove"}, {"path", "members"}},
                   {{"op", "add"}, {"path", "members"}, {"value", {{{"value", id_string(u2)}}}}}});
  ctx.expect(values(after, "members") == std::set<std::string>{id_string(u2)},
             "the first member is replaced by the second", id_string(u2),
             brief(after.value("members", json())));
}

void required_attribute(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = send_patch(ctx, user_path(ctx, user), {{{"op", "remove"}, {"path", "userName"}}});
  ctx.expect_scim_error(r, 400, "mutability");
}

}  // namespace s3_5_2_2_remove_local

void register_s3_5_2_2(conf::Catalog& catalog) {
  using namespace s3_5_2_2_remove_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.5.2.2", "Remove Operation");
  s.add({.slug = "remove-without-path-no-target",
         .title = "remove without path answers 400 noTarget",
         .level = kMust,
         .requirement = "If \"path\" is unspecified, the operation fails with HTTP status code 400 "
                        "and a \"scimType\" error code of \"noTarget\".",
         .tags = {tag::kPatch, tag::kUsers, tag::kErrors},
         .needs = kCaps,
         .run = no_path});
  s.add({.slug = "remove-single-valued",
         .title = "remove on a single-valued attribute unassigns it",
         .level = kMust,
         .requirement =
             "If the target location is a single-value attribute, the attribute and its associated "
             "value is removed, and the attribute SHALL be considered unassigned.",
         .tags = {tag::kPatch, tag::kUsers},
         .needs = kCaps,
         .run = single_valued});
  s.add({.slug = "remove-all-members",
         .title = "the RFC example: remove all members of a group",
         .level = kMust,
         .requirement = "If the target location is a multi-valued attribute and no filter is "
                        "specified, the attribute and all values are removed, and the attribute "
                        "SHALL be considered unassigned.",
         .tags = {tag::kPatch, tag::kGroups},
         .needs = kGroupCaps,
         .run = all_members});
  s.add({.slug = "remove-one-member-by-filter",
         .title = "the RFC example: remove a single member",
         .level = kMust,
         .requirement =
             "If the target location is a multi-valued attribute and a complex filter is specified "
             "comparing a \"value\", the values matched by the filter are removed.",
         .tags = {tag::kPatch, tag::kGroups},
         .needs = kGroupCaps,
         .run = one_member});
  s.add({.slug = "remove-by-complex-filter",
         .title = "the RFC example: remove the matching email only",
         .level = kMust,
         .requirement =
             "If the target location is a complex multi-valued attribute and a complex filter is "
             "specified based on the attribute's sub-attributes, the matching records are removed.",
         .tags = {tag::kPatch, tag::kUsers},
         .needs = kCaps,
         .run = complex_filter});
  s.add({.slug = "remove-and-add-member",
         .title = "the RFC example: replace the members by removing all, then adding",
         .level = kMust,
         .requirement = "The following example shows how to replace all of the members of a group "
                        "with a different members list.",
         .tags = {tag::kPatch, tag::kGroups},
         .needs = kGroupCaps,
         .run = remove_and_add});
  s.add({.slug = "remove-required-attribute-mutability",
         .title = "removing userName answers 400 mutability",
         .level = kMust,
         .requirement = "If an attribute is removed or becomes unassigned and is defined as a "
                        "required attribute or a read-only attribute, the server SHALL return an "
                        "HTTP response status code and a JSON detail error response as defined in "
                        "Section 3.12, with a \"scimType\" error code of \"mutability\".",
         .tags = {tag::kPatch, tag::kUsers, tag::kErrors},
         .needs = kCaps,
         .run = required_attribute});
}

}  // namespace scim::suites::rfc7644
