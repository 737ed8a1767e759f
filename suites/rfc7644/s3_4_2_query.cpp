// RFC 7644 §3.4.2 Query Resources and §3.4.2.1 Query Endpoints: the ListResponse shape, empty
// results, unknown query parameters, every advertised resource type, root queries and tooMany.
#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_4_2_query_local {

constexpr const char* kUrn =
    "Responses MUST be identified using the following URI: "
    "\"urn:ietf:params:scim:api:messages:2.0:ListResponse\".";
constexpr const char* kEmpty =
    "A query that does not return any matches SHALL return success (HTTP status code 200) with "
    "\"totalResults\" set to a value of 0.";
constexpr const char* kIgnoreUnknown =
    "SCIM service providers MAY support additional query parameters not specified here and SHOULD "
    "ignore any query parameters they do not recognize instead of rejecting the query for "
    "versioning compatibility reasons.";
constexpr const char* kResourcesRequired =
    "This MAY be a subset of the full set of resources if pagination (Section 3.4.2.4) is "
    "requested.  REQUIRED if \"totalResults\" is non-zero.";
constexpr const char* kRoot =
    "A query against a server root indicates that all resources within the server SHALL be "
    "included, subject to filtering.";
constexpr const char* kUndefined =
    "For filtered attributes that are not part of a particular resource type, the service "
    "provider SHALL treat the attribute as if there is no attribute value.";

void list_shape(conf::Context& ctx) {
  json user = ctx.create_user();
  json list = query(ctx, "/Users", "userName eq " + literal(user.value("userName", "")));
  ctx.expect(list.value("totalResults", -1) == 1, "totalResults counts the single match", "1",
             brief(list));
  expect_ids(ctx, list, {id_string(user)}, "Resources holds the match");
}

void empty_result(conf::Context& ctx) {
  json list = query(ctx, "/Users", "userName eq " + literal(ctx.unique_name("nobody")));
  ctx.expect(list.value("totalResults", -1) == 0, "totalResults is 0", "0", brief(list));
  ctx.expect(resources_of(list).empty(), "no Resources", "[]", brief(list));
}

void unknown_parameter(conf::Context& ctx) {
  json user = ctx.create_user();
  std::string f = "userName eq " + literal(user.value("userName", ""));
  json list = expect_list(
      ctx, ctx.get("/Users?filter=" + conf::Context::encode(f) + "&scimconfUnknownParam=1"),
      "query with an unknown parameter");
  expect_ids(ctx, list, {id_string(user)}, "the unknown parameter is ignored");
}

void every_type_listable(conf::Context& ctx) {
  const auto& types = ctx.caps().resource_types;
  if (types.empty()) ctx.skip("no resource types advertised");
  for (const auto& type : types) {
    std::string path = type.endpoint + "?count=1";
    auto r = ctx.get(path);
    // §3.4.2.1: a provider that finds too many results "SHALL reject the request" with tooMany.
    auto body = r.json();
    if (r.status == 400 && body && body->is_object() && body->value("scimType", "") == "tooMany")
      continue;
    expect_list(ctx, r, "GET " + path + " (" + type.name + ")");
  }
}

// POST /.search with `filter`. Queries against the server root are a MAY (§3.4.2.1 "Queries MAY
// be performed against ... a SCIM server root"): a target that does not offer them (404, 405, 501,
// 403) or declines the filter (400 invalidFilter) gets a skip with that reason.
json root_search(conf::Context& ctx, const std::string& filter) {
  json body = {{"schemas", {std::string(urn::kSearchRequest)}}, {"filter", filter}};
  auto r = ctx.post("/.search", body);
  if (r.status == 404 || r.status == 405 || r.status == 501 || r.status == 403)
    ctx.skip("target does not offer queries against the server root (POST /.search answered " +
             std::to_string(r.status) + "; RFC 7644 §3.4.2.1 makes them a MAY)");
  auto parsed = r.json();
  if (r.status == 400 && parsed && parsed->is_object() &&
      parsed->value("scimType", "") == "invalidFilter")
    ctx.skip("target declines `" + filter + "` at the server root (400 invalidFilter)");
  return expect_list(ctx, r, "POST /.search");
}

void root_query(conf::Context& ctx) {
  json user = ctx.create_user();
  json group = ctx.create_group();
  std::string f = "userName eq " + literal(user.value("userName", "")) + " or displayName eq " +
                  literal(group.value("displayName", ""));
  expect_ids(ctx, root_search(ctx, f), {id_string(user), id_string(group)},
             "a root query includes resources of every type");
}

void root_undefined_attribute(conf::Context& ctx) {
  json group = ctx.create_group();
  // userName is not a Group attribute: "userName pr" is false for the group, so the negation
  // holds and the displayName comparison alone decides.
  std::string f =
      "displayName eq " + literal(group.value("displayName", "")) + " and not (userName pr)";
  expect_ids(ctx, root_search(ctx, f), {id_string(group)}, "userName pr is false for a Group");
}

}  // namespace s3_4_2_query_local

void register_s3_4_2(conf::Catalog& catalog) {
  using namespace s3_4_2_query_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.4.2", "Query Resources");
  s.add({.slug = "list-response-shape",
         .title = "a filtered list is a ListResponse with totalResults",
         .level = kMust,
         .requirement = kUrn,
         .tags = {tag::kQuery, tag::kUsers},
         .needs = {cap::kUsers, cap::kFilter},
         .run = list_shape});
  s.add({.slug = "no-match-200-total-zero",
         .title = "a query without matches answers 200, totalResults 0",
         .level = kMust,
         .requirement = kEmpty,
         .tags = {tag::kQuery, tag::kUsers},
         .needs = {cap::kUsers, cap::kFilter},
         .run = empty_result});
  s.add({.slug = "unknown-query-parameter-ignored",
         .title = "unrecognised query parameters are ignored",
         .level = kShould,
         .requirement = kIgnoreUnknown,
         .tags = {tag::kQuery, tag::kUsers},
         .needs = {cap::kUsers, cap::kFilter},
         .run = unknown_parameter});
  s.add({.slug = "every-resource-type-listable",
         .title = "each advertised endpoint answers a ListResponse",
         .level = kMust,
         .requirement = kResourcesRequired,
         .tags = {tag::kQuery, tag::kDiscovery},
         .run = every_type_listable});

  SectionBuilder r(catalog, rfc7644_spec(catalog), "3.4.2.1", "Query Endpoints");
  // MUST, but only where root queries are offered: root_search skips otherwise (§3.4.2.1 MAY).
  r.add({.slug = "root-query-spans-types",
         .title = "a root query, where offered, returns Users and Groups",
         .level = kMust,
         .requirement = kRoot,
         .tags = {tag::kQuery, tag::kSearch},
         .needs = {cap::kUsers, cap::kGroups, cap::kFilter},
         .run = root_query});
  r.add({.slug = "undefined-attribute-is-absent",
         .title = "an attribute foreign to a type has no value",
         .level = kMust,
         .requirement = kUndefined,
         .tags = {tag::kQuery, tag::kSearch, tag::kFilter},
         .needs = {cap::kGroups, cap::kFilter},
         .run = root_undefined_attribute});
}

}  // namespace scim::suites::rfc7644
