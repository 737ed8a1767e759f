// RFC 7644 §3.5.2.3 Replace Operation: without a path, single- and multi-valued targets, value
// paths with sub-attributes, replace-as-add, noTarget, and the members example.
#include "index.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"

namespace scim::suites::rfc7644 {
namespace s3_5_2_3_replace_local {

const Tags kTags = {tag::kPatch, tag::kUsers};
const Needs kCaps = {cap::kUsers, cap::kPatch};

void no_path(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  json after = apply_path_less_patch(ctx, user_path(ctx, user),
                                     {{{"op", "replace"}, {"value", {{w.name, w.after}}}}});
  const json* v = member(after, w.name);
  ctx.expect(v && *v == w.after, "the listed attribute is replaced", w.after.dump(), brief(after));
}

void single_valued(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User");
  json user = create_user_with(ctx, {{w.name, w.before}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"}, {"path", w.name}, {"value", w.after}}});
  const json* v = member(after, w.name);
  ctx.expect(v && *v == w.after, w.name + " replaced", w.after.dump(), brief(after));
}

void multi_valued_all(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"emails",
                                      {{{"value", "a@example.com"}, {"type", "work"}},
                                       {{"value", "b@example.com"}, {"type", "home"}}}}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"},
                             {"path", "emails"},
                             {"value", {{{"value", "c@example.com"}, {"type", "work"}}}}}});
  ctx.expect(values(after, "emails") == std::set<std::string>{"c@example.com"},
             "all emails are replaced", "c@example.com", brief(after.value("emails", json())));
}

// An optional attribute the target stores (confirmed on a first fixture) is replaced on a second
// fixture that lacks it.
void absent_is_add(conf::Context& ctx) {
  const Writable w = pick_writable(ctx, "User", true);
  create_user_with(ctx, {{w.name, w.before}});
  json user = ctx.create_user();
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"}, {"path", w.name}, {"value", w.after}}});
  const json* v = member(after, w.name);
  ctx.expect(v && *v == w.after, "replace on an absent attribute adds it", w.after.dump(),
             brief(after));
}

void complex_keeps_others(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"name", {{"givenName", "Ann"}, {"familyName", "Lee"}}}});
  json after =
      apply_patch(ctx, user_path(ctx, user),
                  {{{"op", "replace"}, {"path", "name"}, {"value", {{"givenName", "Anne"}}}}});
  const json* name = member(after, "name");
  if (ctx.profile() == "interop" && name && *name == json{{"givenName", "Anne"}}) {
    ctx.skip(
        "replaced whole, as the SCIM 2.0 Interoperability Profile §6.5.2.1 requires (judged by "
        "interop/6.5.2.1/replace-complex-whole)");
  }
  ctx.expect(
      name && name->value("givenName", "") == "Anne" && name->value("familyName", "") == "Lee",
      "givenName replaced, familyName left unchanged", R"({"givenName":"Anne","familyName":"Lee"})",
      name ? brief(*name) : "absent");
}

void value_path_sub_attribute(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"emails",
                                      {{{"value", "w@example.com"}, {"type", "work"}},
                                       {{"value", "h@example.com"}, {"type", "home"}}}}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"},
                             {"path", "emails[type eq \"work\"].value"},
                             {"value", "w2@example.com"}}});
  ctx.expect(values(after, "emails") == std::set<std::string>{"w2@example.com", "h@example.com"},
             "only the work email's value is replaced", "w2@example.com, h@example.com",
             brief(after.value("emails", json())));
}

void value_path_no_match(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"emails", {{{"value", "w@example.com"}, {"type", "work"}}}}});
  auto r = send_patch(ctx, user_path(ctx, user),
                      {{{"op", "replace"},
                        {"path", "emails[type eq \"other\"].value"},
                        {"value", "x@example.com"}}});
  ctx.expect_scim_error(r, 400, "noTarget");
}

void members_example(conf::Context& ctx) {
  json u1 = ctx.create_user();
  json u2 = ctx.create_user();
  json u3 = ctx.create_user();
  json group = create_group_with(ctx, {{"members", {{{"value", id_string(u1)}}}}});
  json after = apply_patch(ctx, group_path(ctx, group),
                           {{{"op", "replace"},
                             {"path", "members"},
                             {"value", {{{"value", id_string(u2)}}, {{"value", id_string(u3)}}}}}});
  ctx.expect(values(after, "members") == std::set<std::string>{id_string(u2), id_string(u3)},
             "the member list is replaced", "u2, u3", brief(after.value("members", json())));
}

void deactivate(conf::Context& ctx) {
  json user = create_user_with(ctx, {{"active", true}});
  json after = apply_patch(ctx, user_path(ctx, user),
                           {{{"op", "replace"}, {"path", "active"}, {"value", false}}});
  ctx.expect(after.value("active", true) == false, "active is now false", "false", brief(after));
}

}  // namespace s3_5_2_3_replace_local

void register_s3_5_2_3(conf::Catalog& catalog) {
  using namespace s3_5_2_3_replace_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.5.2.3", "Replace Operation");
  s.add({.slug = "replace-without-path",
         .title = "replace without a path replaces the listed attributes",
         .level = kMust,
         .requirement = "If the \"path\" parameter is omitted, the target is assumed to be the "
                        "resource itself.  In this case, the \"value\" attribute SHALL contain a "
                        "list of one or more attributes that are to be replaced.",
         .tags = kTags,
         .needs = kCaps,
         .run = no_path});
  s.add(
      {.slug = "replace-single-valued",
       .title = "replace on a single-valued attribute",
       .level = kMust,
       .requirement =
           "If the target location is a single-value attribute, the attributes value is replaced.",
       .tags = kTags,
       .needs = kCaps,
       .run = single_valued});
  s.add({.slug = "replace-multi-valued-all",
         .title = "replace on emails replaces every value",
         .level = kMust,
         .requirement = "If the target location is a multi-valued attribute and no filter is "
                        "specified, the attribute and all values are replaced.",
         .tags = kTags,
         .needs = kCaps,
         .run = multi_valued_all});
  s.add({.slug = "replace-absent-acts-as-add",
         .title = "replace on an absent attribute adds it",
         .level = kMust,
         .requirement = "If the target location path specifies an attribute that does not exist, "
                        "the service provider SHALL treat the operation as an \"add\".",
         .tags = kTags,
         .needs = kCaps,
         .run = absent_is_add});
  s.add({.slug = "replace-complex-keeps-unspecified",
         .title = "replace on name keeps unspecified sub-attributes",
         .level = kMust,
         .requirement =
             "Sub-attributes that are not specified in the \"value\" parameter are left unchanged.",
         .tags = kTags,
         .needs = kCaps,
         .run = complex_keeps_others});
  s.add({.slug = "replace-value-path-sub-attribute",
         .title = "replace emails[type eq \"work\"].value",
         .level = kMust,
         .requirement = "If the target location is a complex multi-valued attribute with a value "
                        "selection filter (\"valuePath\") and a specific sub-attribute (e.g., "
                        "\"addresses[type eq \"work\"].streetAddress\"), the matching "
                        "sub-attribute of all matching records is replaced.",
         .tags = kTags,
         .needs = kCaps,
         .run = value_path_sub_attribute});
  s.add({.slug = "replace-value-path-no-match-no-target",
         .title = "an unmatched value path answers noTarget",
         .level = kMust,
         .requirement = "If the target location is a multi-valued attribute for which a value "
                        "selection filter (\"valuePath\") has been supplied and no record match "
                        "was made, the service provider SHALL indicate failure by returning HTTP "
                        "status code 400 and a \"scimType\" error code of \"noTarget\".",
         .tags = {tag::kPatch, tag::kUsers, tag::kErrors},
         .needs = kCaps,
         .run = value_path_no_match});
  s.add({.slug = "replace-members",
         .title = "the RFC example: replace all members",
         .level = kMust,
         .requirement = "If the target location is a multi-valued attribute and no filter is "
                        "specified, the attribute and all values are replaced.",
         .tags = {tag::kPatch, tag::kGroups},
         .needs = {cap::kGroups, cap::kUsers, cap::kPatch},
         .run = members_example});
  s.add(
      {.slug = "replace-active-false",
       .title = "replace active with false deactivates",
       .level = kMust,
       .requirement =
           "If the target location is a single-value attribute, the attributes value is replaced.",
       .tags = kTags,
       .needs = kCaps,
       .run = deactivate});
}

}  // namespace scim::suites::rfc7644
