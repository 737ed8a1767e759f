// Profile "ipsie-al1" (IPSIE AL1 SCIM 2.0 Profile), groups, metadata and security: §3.2.3 the
// group operations with the exact member shapes of §3.2.3.5 (add with path "members", remove
// one by members[value eq "<id>"], remove all by "members"), §3.2.3.2 paging and rate limits of
// GET /Groups, §3.3 ResourceTypes and Schemas, §3.4 SCIM errors and TLS.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/section.hpp"
#include "scim/suites/rfc7644/patch_support.hpp"
#include "standard_support.hpp"

namespace scim::suites::profiles {
namespace ipsie_groups_local {

using rfc7644::apply_patch;

const Tags kTags = {tag::kIpsie, tag::kGroups};
const Needs kCaps = {cap::kUsers, cap::kGroups};
// §3.2.3.5's own sentences bind the client ("The op attribute MUST contain ..."); the provider's
// duty to accept those shapes is this sentence of §3.2.3.
constexpr const char* kGroupOps =
    "The Application MUST provide support all Group provisioning operations defined in this "
    "section.";

json member_of(const json& user) {
  return {{"value", id_string(user)}};
}

void get_excluding_members(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group({{"members", {member_of(user)}}});
  json read = expect_json(ctx, ctx.get(group_path(ctx, group) + "?excludedAttributes=members"), 200,
                          "GET /Groups/{id}?excludedAttributes=members");
  ctx.expect(id_string(read) == id_string(group) && member(read, "members") == nullptr,
             "the group comes back without members", "no \"members\"", brief(read));
}

void list_excluding_members(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group({{"members", {member_of(user)}}});
  json list = query(ctx, "/Groups", "displayName eq " + literal(group.value("displayName", "")),
                    "&excludedAttributes=members");
  expect_ids(ctx, list, {id_string(group)}, "displayName eq finds the group");
  ctx.expect(member(resources_of(list)[0], "members") == nullptr, "members are excluded",
             "no \"members\"", brief(resources_of(list)[0]));
}

void add_members(conf::Context& ctx) {
  json a = ctx.create_user(), b = ctx.create_user();
  json group = ctx.create_group();
  json after =
      apply_patch(ctx, group_path(ctx, group),
                  {{{"op", "add"}, {"path", "members"}, {"value", {member_of(a), member_of(b)}}}});
  ctx.expect(lists_member(after, id_string(a)) && lists_member(after, id_string(b)),
             "both users are members", id_string(a) + ", " + id_string(b),
             brief(after.value("members", json())));
}

void remove_one(conf::Context& ctx) {
  json a = ctx.create_user(), b = ctx.create_user();
  json group = ctx.create_group({{"members", {member_of(a), member_of(b)}}});
  const std::string path = "members[value eq " + literal(id_string(a)) + "]";
  json after = apply_patch(ctx, group_path(ctx, group), {{{"op", "remove"}, {"path", path}}});
  ctx.expect(!lists_member(after, id_string(a)) && lists_member(after, id_string(b)),
             "only the named member is removed", "members: " + id_string(b),
             brief(after.value("members", json())));
}

void remove_all(conf::Context& ctx) {
  json a = ctx.create_user(), b = ctx.create_user();
  json group = ctx.create_group({{"members", {member_of(a), member_of(b)}}});
  json after = apply_patch(ctx, group_path(ctx, group), {{{"op", "remove"}, {"path", "members"}}});
  const json* left = member(after, "members");
  ctx.expect(left == nullptr || (left->is_array() && left->empty()), "no member is left",
             "no members", brief(left ? *left : json()));
}

void groups_paged(conf::Context& ctx) {
  expect_paginated(ctx, "/Groups", [](conf::Context& c) { return c.create_group(); });
}

void groups_rate_limited(conf::Context& ctx) {
  expect_rate_limited(ctx, "/Groups");
}

void users_and_groups_types(conf::Context& ctx) {
  json types = expect_json(ctx, ctx.get("/ResourceTypes"), 200, "GET /ResourceTypes");
  std::set<std::string> names;
  for (const auto& rt : resources_of(types)) names.insert(rt.value("name", ""));
  ctx.expect(names.count("User") == 1 && names.count("Group") == 1,
             "/ResourceTypes lists User and Group", "User, Group", brief(types));
}

void users_and_groups_schemas(conf::Context& ctx) {
  json schemas = expect_json(ctx, ctx.get("/Schemas"), 200, "GET /Schemas");
  std::set<std::string> ids;
  for (const auto& s : resources_of(schemas)) ids.insert(id_string(s));
  ctx.expect(ids.count(std::string(urn::kUser)) == 1 && ids.count(std::string(urn::kGroup)) == 1,
             "/Schemas serves the User and Group schemas", "both core schema URNs",
             brief(json(ids)));
}

void error_format(conf::Context& ctx) {
  ctx.expect_scim_error(ctx.get("/Users/" + ctx.unique_name("absent")), 404);
}

// TLS 1.2 or later: curl's own floor is TLS 1.2 and it verifies certificates unless --insecure,
// so a successful https request is the evidence.
void tls(conf::Context& ctx) {
  ctx.expect(https_target(ctx), "the SCIM endpoint is served over TLS", "an https:// base URL",
             ctx.base_url());
  ctx.expect_status(ctx.get("/ServiceProviderConfig"), 200, "GET /ServiceProviderConfig");
}

void add(SectionBuilder& s, std::string slug, std::string title, std::string quote,
         conf::CheckFn run, Tags tags = kTags, Needs needs = kCaps) {
  s.add({.slug = std::move(slug),
         .title = std::move(title),
         .level = kMust,
         .requirement = std::move(quote),
         .tags = std::move(tags),
         .needs = std::move(needs),
         .run = std::move(run)});
}

void register_groups(conf::Catalog& catalog) {
  auto& spec = ipsie_al1_spec(catalog);
  SectionBuilder s323(catalog, spec, "3.2.3", "Group (Role) Provisioning Operations");
  add(s323, "get-group-excluding-members", "GET /Groups/{id}?excludedAttributes=members", kGroupOps,
      get_excluding_members);
  add(s323, "list-groups-excluding-members",
      "GET /Groups?filter=displayName eq ...&excludedAttributes=members", kGroupOps,
      list_excluding_members);
  add(s323, "add-members", "add with path \"members\" and a value list adds members", kGroupOps,
      add_members);
  add(s323, "remove-one-member", "remove with path members[value eq \"<id>\"] removes one",
      kGroupOps, remove_one);
  add(s323, "remove-all-members", "remove with path \"members\" removes all", kGroupOps,
      remove_all);
  SectionBuilder s3232(catalog, spec, "3.2.3.2", "Get All Groups (GET /Groups)");
  add(s3232, "groups-paginated", "GET /Groups pages by index or by cursor",
      "To ensure that large amounts of data can be read from the Application, the application "
      "MUST support with index-based or cursor-based pagination for the GET /Groups request.",
      groups_paged, {tag::kIpsie, tag::kGroups, tag::kPaging});
  add(s3232, "groups-rate-limited-429", "GET /Groups answers 429 with Retry-After under load",
      "To ensure system stability and prevent abuse, the Application SHALL enforce rate limits on "
      "this endpoint and MUST respond with appropriate headers, such as \"429 Too Many "
      "Requests\" and \"Retry-After,\" when limits are exceeded.",
      groups_rate_limited, {tag::kIpsie, tag::kGroups, tag::kRateLimit}, {cap::kGroups});
}

void register_metadata(conf::Catalog& catalog) {
  auto& spec = ipsie_al1_spec(catalog);
  SectionBuilder s331(catalog, spec, "3.3.1", "ResourceTypes");
  add(s331, "users-and-groups", "/ResourceTypes lists User and Group",
      "The supported ResourceTypes MUST include Users and Groups.", users_and_groups_types,
      {tag::kIpsie, tag::kDiscovery}, {});
  SectionBuilder s333(catalog, spec, "3.3.3", "Schemas");
  add(s333, "users-and-groups", "/Schemas serves the User and Group schemas",
      "There must be a schema for both Users and Groups.", users_and_groups_schemas,
      {tag::kIpsie, tag::kDiscovery}, {});
  SectionBuilder s34(catalog, spec, "3.4", "Security Considerations");
  add(s34, "scim-error-format", "An error answers in the SCIM error format",
      "**Error Handling**: Error responses SHALL use the SCIM error format and SHALL NOT leak "
      "internal details.",
      error_format, {tag::kIpsie, tag::kErrors}, {cap::kUsers});
  add(s34, "tls", "The endpoint is served over TLS (1.2 or later)",
      "**Transport Security**: All endpoints SHALL enforce TLS 1.2 or later with strong cipher "
      "suites and certificate validation.",
      tls, {tag::kIpsie, tag::kTls}, {});
}

}  // namespace ipsie_groups_local

void register_ipsie_groups(conf::Catalog& catalog) {
  using namespace ipsie_groups_local;
  register_groups(catalog);
  register_metadata(catalog);
}

}  // namespace scim::suites::profiles
