// RFC 7644 §3.5.2.2 Remove Operation: noTarget without a path, single-valued and multi-valued
// removal, value filters, the RFC's member examples and required attributes.
#include "index.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::rfc7644 {
namespace {

const Strings kCaps = {"users", "patch"};
const Strings kGroupCaps = {"groups", "users", "patch"};

void no_path(conf::Context& ctx) {
  json user = ctx.create_user({{"nickName", "x"}});
  ctx.expect_scim_error(send_patch(ctx, user_path(ctx, user), {{{"op", "remove"}}}), 400,
                        "noTarget");
}

void single_valued(conf::Context& ctx) {
  json user = ctx.create_user({{"nickName", "gone"}});
  json after = apply_patch(ctx, user_path(ctx, user), {{{"op", "remove"}, {"path", "nickName"}}});
  ctx.expect(!has_member(after, "nickName"), "nickName is unassigned", "absent", brief(after));
}

void all_members(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group =
      ctx.create_group({{"members", {{{"value", id_string(u1)}}, {{"value", id_string(u2)}}}}});
  json after = apply_patch(ctx, group_path(ctx, group), {{{"op", "remove"}, {"path", "members"}}});
  ctx.expect(values(after, "members").empty(), "no members remain", "[]",
             brief(after.value("members", json())));
}

void one_member(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group =
      ctx.create_group({{"members", {{{"value", id_string(u1)}}, {{"value", id_string(u2)}}}}});
  std::string path = "members[value eq " + literal(id_string(u1)) + "]";
  json after = apply_patch(ctx, group_path(ctx, group), {{{"op", "remove"}, {"path", path}}});
  ctx.expect(values(after, "members") == std::set<std::string>{id_string(u2)},
             "only the filtered member is removed", id_string(u2),
             brief(after.value("members", json())));
}

void complex_filter(conf::Context& ctx) {
  json user = ctx.create_user({{"emails",
                                {{{"value", "a@example.com"}, {"type", "work"}},
                                 {{"value", "b@example.org"}, {"type", "home"}}}}});
  json after = apply_patch(
      ctx, user_path(ctx, user),
      {{{"op", "remove"}, {"path", "emails[type eq \"work\" and value ew \"example.com\"]"}}});
  ctx.expect(values(after, "emails") == std::set<std::string>{"b@example.org"},
             "only the matching email is removed", "b@example.org",
             brief(after.value("emails", json())));
}

void remove_and_add(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json group = ctx.create_group({{"members", {{{"value", id_string(u1)}}}}});
  json after =
      apply_patch(ctx, group_path(ctx, group),
                  {{{"op", "remove"}, {"path", "members[value eq " + literal(id_string(u1)) + "]"}},
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

}  // namespace

void register_s3_5_2_2(conf::Catalog& catalog) {
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.5.2.2", "Remove Operation");
  s.add("remove-without-path-no-target", "remove without path answers 400 noTarget", kMust,
        "If \"path\" is unspecified, the operation fails with HTTP status code 400 and a "
        "\"scimType\" error code of \"noTarget\".",
        {"patch", "users", "errors"}, kCaps, no_path);
  s.add("remove-single-valued", "remove nickName unassigns it", kMust,
        "If the target location is a single-value attribute, the attribute and its associated "
        "value is removed, and the attribute SHALL be considered unassigned.",
        {"patch", "users"}, kCaps, single_valued);
  s.add("remove-all-members", "the RFC example: remove all members of a group", kMust,
        "If the target location is a multi-valued attribute and no filter is specified, the "
        "attribute and all values are removed, and the attribute SHALL be considered unassigned.",
        {"patch", "groups"}, kGroupCaps, all_members);
  s.add("remove-one-member-by-filter", "the RFC example: remove a single member", kMust,
        "If the target location is a multi-valued attribute and a complex filter is specified "
        "comparing a \"value\", the values matched by the filter are removed.",
        {"patch", "groups"}, kGroupCaps, one_member);
  s.add("remove-by-complex-filter", "the RFC example: remove the matching email only", kMust,
        "If the target location is a complex multi-valued attribute and a complex filter is "
        "specified based on the attribute's sub-attributes, the matching records are removed.",
        {"patch", "users"}, kCaps, complex_filter);
  s.add("remove-and-add-member", "the RFC example: remove one member and add another", kMust,
        "Operations are applied sequentially in the order they appear in the array.",
        {"patch", "groups"}, kGroupCaps, remove_and_add);
  s.add("remove-required-attribute-mutability", "removing userName answers 400 mutability", kMust,
        "If an attribute is removed or becomes unassigned and is defined as a required attribute "
        "or a read-only attribute, the server SHALL return an HTTP response status code and a JSON "
        "detail error response as defined in Section 3.12, with a \"scimType\" error code of "
        "\"mutability\".",
        {"patch", "users", "errors"}, kCaps, required_attribute);
}

}  // namespace scim::suites::rfc7644
