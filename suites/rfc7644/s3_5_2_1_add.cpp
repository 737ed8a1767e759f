// RFC 7644 §3.5.2.1 Add Operation, walked through its bullet list and its two examples (add a
// member to a group; add emails and nickname without a path).
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::rfc7644 {
namespace s3_5_2_1_add_local {

const Tags kTags = {tag::kPatch, tag::kUsers};
const Needs kCaps = {cap::kUsers, cap::kPatch};

void add_member_example(conf::Context& ctx) {
  require_defined(ctx, "Group", {"members"});
  json user = ctx.create_user();
  json group = ctx.create_group();
  // The RFC's example also sends "display"; only where the target's schema defines it (a
  // provider may define members with "value" alone, RFC 7643 §8.7.1).
  json member = {{"value", id_string(user)}};
  if (ctx.caps().attribute("Group", "members.display") != nullptr)
    member["display"] = "Babs Jensen";
  json after = apply_patch(ctx, group_path(ctx, group),
                           {{{"op", "add"}, {"path", "members"}, {"value", {member}}}});
  ctx.expect(values(after, "members").count(id_string(user)) == 1, "the user is a member",
             id_string(user), brief(after.value("members", json())));
}

// The fixture already holds a nickName and one email, so both are known to be stored.
void add_without_path_example(conf::Context& ctx) {
  json user = create_user_with(
      ctx, {{"nickName", "Old"}, {"emails", {{{"value", "work@example.com"}, {"type", "work"}}}}});
  json after = apply_path_less_patch(
      ctx, user_path(ctx, user),
      {{{"op", "add"},
        {"value",
         {{"emails", {{{"value", "babs@jensen.org"}, {"type", "home"}}}}, {"nickname", "Babs"}}}}});
  auto emails = values(after, "emails");
  ctx.expect(emails.count("babs@jensen.org") == 1 && emails.count("work@example.com") == 1,
             "the email is added to the existing ones", "both emails", brief(emails));
  const json* nick = member(after, "nickName");
  ctx.expect(nick && *nick == "Babs", "nickname (any case) sets nickName", "Babs",
             nick ? brief(*nick) : "absent");
}

void add_single_replaces(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "add"}, {"path", w.name}, {"value", w.after}}});
  const json* v = member(after, w.name);
  ctx.expect(v && *v == w.after, "add on a single-valued attribute replaces it", w.after.dump(),
             brief(after));
}

// An optional attribute the target stores (confirmed on a first fixture) is added to a second
// fixture that lacks it.
void add_absent_attribute(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User", true);
  create_user_with(ctx, {{w.name, w.before}});
  json user = ctx.create_user();
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "add"}, {"path", w.name}, {"value", w.after}}});
  const json* v = member(after, w.name);
  ctx.expect(v && *v == w.after, "an absent attribute is added", w.after.dump(), brief(after));
}

void add_complex_sub_attributes(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"name", {{"givenName", "Ann"}, {"familyName", "Old"}}}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "add"}, {"path", "name"}, {"value", {{"familyName", "Lee"}}}}});
  const json* name = member(after, "name");
  ctx.expect(name && name->value("familyName", "") == "Lee", "the sub-attribute is set", "Lee",
             name ? brief(*name) : "absent");
}

void add_missing_value(conf::Context& ctx) {
  // Table 9 offers two fitting keywords for a missing "value" member: invalidValue ("A required
  // value was missing") and invalidSyntax (the PatchOp "did not conform to the request schema").
  // Either is accepted; the status must be 400 with a SCIM error body. The sentence binds the
  // client, so this is a robustness check (SHOULD).
  json user = ctx.create_user();
  auto r = send_patch(ctx, user_path(ctx, user), {{{"op", "add"}, {"path", "userName"}}});
  auto body = r.json();
  std::string type = body && body->is_object() ? body->value("scimType", "") : "";
  ctx.expect_scim_error(r, 400, type == "invalidSyntax" ? "invalidSyntax" : "invalidValue");
}

void add_existing_value_no_change(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = create_group_with(ctx, {{"members", {{{"value", id_string(user)}}}}});
  json after = apply_patch(
      ctx, group_path(ctx, group),
      {{{"op", "add"}, {"path", "members"}, {"value", {{{"value", id_string(user)}}}}}});
  auto members = after.value("members", json::array());
  ctx.expect(members.size() == 1, "the member is not duplicated", "1 member", brief(members));
}

void add_extension_attribute(conf::Context& ctx) {
  std::string path = std::string(urn::kEnterpriseUser) + ":employeeNumber";
  require_defined(ctx, "User", {path});
  json user = ctx.create_user();
  json after =
      apply_patch(ctx, user_path(ctx, user), {{{"op", "add"}, {"path", path}, {"value", "4242"}}});
  const json* ext = member(after, urn::kEnterpriseUser);
  ctx.expect(ext && ext->value("employeeNumber", "") == "4242",
             "the extension attribute is set under its URN", "4242", ext ? brief(*ext) : "absent");
  ctx.expect(has_schema(after, urn::kEnterpriseUser),
             "schemas gains the extension URN (§3.5.2: implicit schemas modification)",
             std::string(urn::kEnterpriseUser), brief(after.value("schemas", json())));
}

}  // namespace s3_5_2_1_add_local

void register_s3_5_2_1(conf::Catalog& catalog) {
  using namespace s3_5_2_1_add_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.5.2.1", "Add Operation");
  s.add({.slug = "add-member-to-group",
         .title = "the RFC example: add a member to a group",
         .level = kMust,
         .requirement = "If the target location specifies a multi-valued attribute, a new value is "
                        "added to the attribute.",
         .tags = {tag::kPatch, tag::kGroups},
         .needs = {cap::kGroups, cap::kUsers, cap::kPatch},
         .run = add_member_example});
  s.add({.slug = "add-without-path",
         .title = "the RFC example: add emails and nickname without a path",
         .level = kMust,
         .requirement =
             "If omitted, the target location is assumed to be the resource itself.  The \"value\" "
             "parameter contains a set of attributes to be added to the resource.",
         .tags = kTags,
         .needs = kCaps,
         .run = add_without_path_example});
  s.add({.slug = "add-single-valued-replaces",
         .title = "add on a single-valued attribute replaces it",
         .level = kMust,
         .requirement = "If the target location specifies a single-valued attribute, the existing "
                        "value is replaced.",
         .tags = kTags,
         .needs = kCaps,
         .run = add_single_replaces});
  s.add({.slug = "add-absent-attribute",
         .title = "add on an attribute without value sets it",
         .level = kMust,
         .requirement = "If the target location specifies an attribute that does not exist (has no "
                        "value), the attribute is added with the new value.",
         .tags = kTags,
         .needs = kCaps,
         .run = add_absent_attribute});
  s.add({.slug = "add-complex-sub-attributes",
         .title = "add on a complex attribute sets sub-attributes",
         .level = kMust,
         // (The SHALL beside it, "a set of sub-attributes SHALL be specified", binds the client.)
         .requirement = "If the target location exists, the value is replaced.",
         .tags = kTags,
         .needs = kCaps,
         .run = add_complex_sub_attributes});
  s.add({.slug = "add-missing-value-400",
         .title = "add without value answers 400 invalidValue",
         .level = kShould,
         .requirement = "The operation MUST contain a \"value\" member whose content specifies the "
                        "value to be added.",
         .tags = {tag::kPatch, tag::kUsers, tag::kErrors, tag::kRobustness},
         .needs = kCaps,
         .run = add_missing_value});
  s.add({.slug = "add-existing-value-no-change",
         .title = "adding an existing member changes nothing",
         .level = kShould,
         .requirement =
             "If the target location already contains the value specified, no changes "
             "SHOULD be made to the resource, and a success response SHOULD be returned.",
         .tags = {tag::kPatch, tag::kGroups},
         .needs = {cap::kGroups, cap::kUsers, cap::kPatch},
         .run = add_existing_value_no_change});
  // The implicit "schemas" modification is §3.5.2's rule, so the check is registered there.
  SectionBuilder general(catalog, rfc7644_spec(catalog), "3.5.2", "Modifying with PATCH");
  general.add({.slug = "add-extension-attribute-by-urn",
               .title = "add with a URN-qualified path sets an extension and its schema URN",
               .level = kMust,
               .requirement =
                   "For example, adding the attribute \"urn:ietf:params:scim: "
                   "schemas:extension:enterprise:2.0:User:employeeNumber\" automatically adds the "
                   "value \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\" to the "
                   "resource's \"schemas\" attribute.",
               .tags = kTags,
               .needs = {cap::kUsers, cap::kPatch, cap::kEnterpriseUser},
               .run = add_extension_attribute});
}

}  // namespace scim::suites::rfc7644
