// Profile "interop" (draft-zollner-scim-interop-profile-01), the data rules: §5.2 one case rule
// for filters and uniqueness, §5.3 undefined attributes and schema URIs refused with
// invalidSyntax, §6.3 eq/and and invalidFilter for undefined attributes, §6.4 page sizes and
// paging, §6.9.1 409 uniqueness. None is gated by /ServiceProviderConfig: the profile makes
// filtering and PATCH mandatory.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"
#include "standard_support.hpp"

namespace scim::suites::profiles {
namespace interop_data_local {

const Tags kTags = {tag::kInterop, tag::kUsers};
const Needs kCaps = {cap::kUsers};
constexpr const char* kUndefined = "scimconfUndefinedAttribute";

// A user whose userName mixes cases (and starts with the run prefix the final sweep looks for).
json mixed_case_user(conf::Context& ctx) {
  return ctx.create_user({{"userName", ctx.unique_name("case") + "-MiXed"}});
}

json user_body(conf::Context& ctx, const std::string& user_name) {
  return ctx.with_required("User",
                           {{"schemas", {std::string(urn::kUser)}}, {"userName", user_name}});
}

void username_filter_ignores_case(conf::Context& ctx) {
  json user = mixed_case_user(ctx);
  const std::string other = swap_case(user.value("userName", ""));
  json list = query(ctx, "/Users", "userName eq " + literal(other));
  expect_ids(ctx, list, {id_string(user)}, "userName eq with the case swapped finds the user");
}

void username_uniqueness_ignores_case(conf::Context& ctx) {
  json user = mixed_case_user(ctx);
  auto r = ctx.create_raw("/Users", user_body(ctx, swap_case(user.value("userName", ""))));
  ctx.expect_scim_error(r, 409, "uniqueness");
}

void case_rules_agree(conf::Context& ctx) {
  json user = mixed_case_user(ctx);
  const std::string other = swap_case(user.value("userName", ""));
  const bool found = !resources_of(query(ctx, "/Users", "userName eq " + literal(other))).empty();
  auto r = ctx.create_raw("/Users", user_body(ctx, other));
  const bool conflict = r.status == 409;
  ctx.expect(found == conflict,
             "the filter and the uniqueness rule treat a case variant of userName alike",
             "both equivalent or both distinct",
             std::string("filter ") + (found ? "matches" : "does not match") + ", POST answers " +
                 std::to_string(r.status));
}

void id_case_exact(conf::Context& ctx) {
  json user = ctx.create_user();
  const std::string id = id_string(user);
  const std::string other = swap_case(id);
  if (other == id) ctx.skip("the target's id " + id + " has no letters to swap");
  ctx.expect_scim_error(ctx.get("/Users/" + conf::Context::encode(other)), 404);
}

void external_id_case_exact(conf::Context& ctx) {
  require_defined(ctx, "User", {"externalId"});
  const std::string external = "Ext-" + ctx.unique_name("Case");
  json user = create_user_with(ctx, {{"externalId", external}});
  expect_ids(ctx, query(ctx, "/Users", "externalId eq " + literal(external)), {id_string(user)},
             "externalId eq with the stored case finds the user");
  expect_ids(ctx, query(ctx, "/Users", "externalId eq " + literal(swap_case(external))), {},
             "externalId eq with the case swapped finds nothing");
}

void unknown_attribute(conf::Context& ctx) {
  json body = user_body(ctx, ctx.unique_name("undef"));
  body[kUndefined] = "x";
  ctx.expect_scim_error(ctx.create_raw("/Users", body), 400, "invalidSyntax");
}

void unknown_schema(conf::Context& ctx) {
  json body = user_body(ctx, ctx.unique_name("undef"));
  const std::string urn = "urn:example:scimconf:undefined:2.0:User";
  body["schemas"].push_back(urn);
  body[urn] = {{"flavour", "x"}};
  ctx.expect_scim_error(ctx.create_raw("/Users", body), 400, "invalidSyntax");
}

void patch_unknown_attribute(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = rfc7644::send_patch(ctx, user_path(ctx, user),
                               {{{"op", "add"}, {"path", kUndefined}, {"value", "x"}}});
  ctx.expect_scim_error(r, 400, "invalidSyntax");
}

void filter_supported(conf::Context& ctx) {
  json user = ctx.create_user();
  expect_ids(ctx, query(ctx, "/Users", "userName eq " + literal(user.value("userName", ""))),
             {id_string(user)}, "userName eq finds the user");
}

void eq_and(conf::Context& ctx) {
  json user = ctx.create_user();
  const std::string name = "userName eq " + literal(user.value("userName", ""));
  expect_ids(ctx, query(ctx, "/Users", name + " and id eq " + literal(id_string(user))),
             {id_string(user)}, "both operands match: the user is found");
  expect_ids(ctx, query(ctx, "/Users", name + " and id eq " + literal(ctx.unique_name("no"))), {},
             "one operand fails: nothing is found");
}

void undefined_filter(conf::Context& ctx) {
  const std::string filter = std::string(kUndefined) + " eq \"x\"";
  ctx.expect_scim_error(ctx.get("/Users?filter=" + conf::Context::encode(filter)), 400,
                        "invalidFilter");
  if (ctx.caps().has(conf::Capability::Groups))
    ctx.expect_scim_error(ctx.get("/Groups?filter=" + conf::Context::encode(filter)), 400,
                          "invalidFilter");
}

// 100 fixtures make sure a page of 100 can be full whatever else the target holds.
void default_page(conf::Context& ctx) {
  create_users(ctx, 100);
  json list = expect_list(ctx, ctx.get("/Users"), "GET /Users without count");
  ctx.expect(resources_of(list).size() >= 100, "a page without count holds at least 100 users",
             ">= 100 of >= 100 users", std::to_string(resources_of(list).size()));
}

void count_100(conf::Context& ctx) {
  create_users(ctx, 100);
  json list = expect_list(ctx, ctx.get("/Users?count=100"), "GET /Users?count=100");
  ctx.expect(resources_of(list).size() == 100, "count=100 returns 100 of >= 100 users", "100",
             std::to_string(resources_of(list).size()));
}

void paginated(conf::Context& ctx) {
  expect_paginated(ctx, "/Users", [](conf::Context& c) { return c.create_user(); });
}

void post_conflict(conf::Context& ctx) {
  json user = ctx.create_user();
  auto r = ctx.create_raw("/Users", user_body(ctx, user.value("userName", "")));
  ctx.expect_scim_error(r, 409, "uniqueness");
}

void patch_conflict(conf::Context& ctx) {
  json first = ctx.create_user();
  json second = ctx.create_user();
  auto r = rfc7644::send_patch(
      ctx, user_path(ctx, second),
      {{{"op", "replace"}, {"path", "userName"}, {"value", first.value("userName", "")}}});
  ctx.expect_scim_error(r, 409, "uniqueness");
}

constexpr const char* kConflict =
    "When a POST or PATCH request attempts to create or modify a resource in a way that violates "
    "a uniqueness constraint (e.g., for attributes like userName or emails), the Service Provider "
    "*MUST* return an HTTP 409 Conflict response. The response body *MUST* also include a SCIM "
    "error detail with the scimType set to uniqueness, as defined in [RFC7644], Section 3.12.";

void register_case(conf::Catalog& catalog) {
  SectionBuilder s(catalog, interop_spec(catalog), "5.2", "Case Sensitivity");
  s.add({.slug = "username-filter-ignores-case",
         .title = "userName eq matches a case variant of the stored userName",
         .level = kMust,
         .requirement = "Service Providers *MUST* treat JSmith and jsmith as equivalent.",
         .tags = {tag::kInterop, tag::kUsers, tag::kFilter},
         .needs = kCaps,
         .run = username_filter_ignores_case});
  s.add({.slug = "username-uniqueness-ignores-case",
         .title = "A case variant of a taken userName is a 409 uniqueness conflict",
         .level = kMust,
         .requirement = "Service Providers *MUST* treat JSmith and jsmith as equivalent.",
         .tags = kTags,
         .needs = kCaps,
         .run = username_uniqueness_ignores_case});
  s.add({.slug = "filter-and-uniqueness-agree",
         .title = "Filtering and uniqueness apply the same case rule to userName",
         .level = kMust,
         .requirement = "For any given attribute, the case sensitivity rules applied during a "
                        "filter query (e.g., userName eq \"User.A\") *MUST* be identical to the "
                        "rules used to detect a uniqueness conflict during a POST or PATCH "
                        "operation.",
         .tags = kTags,
         .needs = kCaps,
         .run = case_rules_agree});
  s.add({.slug = "id-case-exact",
         .title = "An id with its case swapped names no resource",
         .level = kMust,
         .requirement = "Service Providers *MUST* treat abc-123 and ABC-123 as distinct values.",
         .tags = kTags,
         .needs = kCaps,
         .run = id_case_exact});
  s.add({.slug = "external-id-case-exact",
         .title = "externalId eq distinguishes case",
         .level = kMust,
         .requirement = "Service Providers *MUST* treat ABC-123 and abc-123 as distinct values, "
                        "if externalId is supported.",
         .tags = {tag::kInterop, tag::kUsers, tag::kFilter},
         .needs = kCaps,
         .run = external_id_case_exact});
}

void register_attributes(conf::Catalog& catalog) {
  SectionBuilder s(catalog, interop_spec(catalog), "5.3", "Attribute and Schema Handling");
  const char* quote =
      "The Service Provider *MUST* return an HTTP 400 Bad Request with a scimType error of "
      "invalidSyntax for such requests.";
  s.add({.slug = "unknown-attribute-invalid-syntax",
         .title = "POST with an undefined attribute answers 400 invalidSyntax",
         .level = kMust,
         .requirement = quote,
         .tags = {tag::kInterop, tag::kUsers, tag::kErrors},
         .needs = kCaps,
         .run = unknown_attribute});
  s.add({.slug = "unknown-schema-invalid-syntax",
         .title = "POST with an undefined schema URI answers 400 invalidSyntax",
         .level = kMust,
         .requirement = quote,
         .tags = {tag::kInterop, tag::kUsers, tag::kErrors},
         .needs = kCaps,
         .run = unknown_schema});
  s.add({.slug = "patch-unknown-attribute-invalid-syntax",
         .title = "PATCH naming an undefined attribute answers 400 invalidSyntax",
         .level = kMust,
         .requirement = quote,
         .tags = {tag::kInterop, tag::kPatch, tag::kErrors},
         .needs = kCaps,
         .run = patch_unknown_attribute});
}

void register_filtering(conf::Catalog& catalog) {
  SectionBuilder s(catalog, interop_spec(catalog), "6.3", "Filtering");
  const Tags tags = {tag::kInterop, tag::kFilter, tag::kUsers};
  s.add({.slug = "filter-supported",
         .title = "The filter parameter is supported (userName eq)",
         .level = kMust,
         .requirement = "The filter query parameter MUST be supported.",
         .tags = tags,
         .needs = kCaps,
         .run = filter_supported});
  s.add({.slug = "eq-and-supported",
         .title = "eq joined by and narrows the result",
         .level = kMust,
         .requirement = "Service Providers MUST support the eq and and operators.",
         .tags = tags,
         .needs = kCaps,
         .run = eq_and});
  s.add({.slug = "undefined-attribute-invalid-filter",
         .title = "A filter on an undefined attribute answers 400 invalidFilter",
         .level = kMust,
         .requirement = "When a filter expression is applied to a resource-type endpoint (e.g., "
                        "/Users, /Groups) and references an attribute not defined in any of that "
                        "resource type's schemas, Service Providers MUST return an HTTP 400 error "
                        "with a scimType of invalidFilter, as defined in [RFC7644], Section 3.12.",
         .tags = {tag::kInterop, tag::kFilter, tag::kErrors},
         .needs = kCaps,
         .run = undefined_filter});
}

void register_paging(conf::Catalog& catalog) {
  SectionBuilder s(catalog, interop_spec(catalog), "6.4", "Pagination");
  const Tags tags = {tag::kInterop, tag::kPaging, tag::kUsers};
  s.add({.slug = "index-or-cursor-paging",
         .title = "GET /Users pages by index or by cursor",
         .level = kMust,
         .requirement = "To ensure the reliable handling of large data sets, Service Providers "
                        "MUST implement at least one of the following pagination methods for all "
                        "list operations:",
         .tags = tags,
         .needs = kCaps,
         .run = paginated});
  s.add({.slug = "default-page-at-least-100",
         .title = "Without count, a page holds at least 100 results",
         .level = kShould,
         .requirement = "If the count parameter is omitted from a request, Service Providers "
                        "SHOULD return at least 100 results by default.",
         .tags = tags,
         .needs = kCaps,
         .run = default_page});
  s.add({.slug = "count-100-supported",
         .title = "count=100 returns 100 results",
         .level = kMust,
         .requirement = "Service Providers MUST support a client-requested count value of at "
                        "least 100.",
         .tags = tags,
         .needs = kCaps,
         .run = count_100});
}

void register_conflicts(conf::Catalog& catalog) {
  SectionBuilder s(catalog, interop_spec(catalog), "6.9.1", "Uniqueness Conflicts");
  s.add({.slug = "post-duplicate-409-uniqueness",
         .title = "POST of a taken userName answers 409 uniqueness",
         .level = kMust,
         .requirement = kConflict,
         .tags = {tag::kInterop, tag::kUsers, tag::kErrors},
         .needs = kCaps,
         .run = post_conflict});
  s.add({.slug = "patch-duplicate-409-uniqueness",
         .title = "PATCH to a taken userName answers 409 uniqueness",
         .level = kMust,
         .requirement = kConflict,
         .tags = {tag::kInterop, tag::kPatch, tag::kErrors},
         .needs = kCaps,
         .run = patch_conflict});
}

}  // namespace interop_data_local

void register_interop_data(conf::Catalog& catalog) {
  using namespace interop_data_local;
  register_case(catalog);
  register_attributes(catalog);
  register_filtering(catalog);
  register_paging(catalog);
  register_conflicts(catalog);
}

}  // namespace scim::suites::profiles
