// RFC 7644 §3.3 Creating Resources and §3.3.1 Resource Types: 201, the returned representation,
// Location equal to meta.location, readOnly input ignored, uniqueness conflicts, resourceType.
#include <algorithm>

#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/attributes.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s3_3_creating_local {

constexpr const char* k201 =
    "When the service provider successfully creates the new resource, an HTTP response SHALL be "
    "returned with HTTP status code 201 (Created).";
constexpr const char* kLocation =
    "The URI of the created resource SHALL include, in the HTTP \"Location\" header and the HTTP "
    "body, a JSON representation [RFC7159] with the attribute \"meta.location\".";
constexpr const char* kReadOnly =
    "In the request body, attributes whose mutability is \"readOnly\" (see Sections 2.2 and 7 of "
    "[RFC7643]) SHALL be ignored.";
constexpr const char* kConflict =
    "If the service provider determines that the creation of the requested resource conflicts "
    "with existing resources (e.g., a \"User\" resource with a duplicate \"userName\"), the "
    "service "
    "provider MUST return HTTP status code 409 (Conflict) with a \"scimType\" error code of "
    "\"uniqueness\", as per Section 3.12.";
constexpr const char* kResourceType =
    "When adding a resource to a specific endpoint, the meta attribute \"resourceType\" SHALL be "
    "set by the HTTP service provider to the corresponding resource type for the endpoint.";

json user_body(conf::Context& ctx) {
  return ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", ctx.unique_name("new")}});
}

void user_201(conf::Context& ctx) {
  auto r = ctx.create_raw("/Users", user_body(ctx));
  ctx.expect_status(r, 201, "POST /Users");
}

void group_201(conf::Context& ctx) {
  json body = ctx.with_required(
      "Group", {{"schemas", {std::string(urn::kGroup)}}, {"displayName", ctx.unique_name("grp")}});
  ctx.expect_status(ctx.create_raw("/Groups", body), 201, "POST /Groups");
}

void returns_representation(conf::Context& ctx) {
  json sent = user_body(ctx);
  json body = expect_json(ctx, ctx.create_raw("/Users", sent), 201, "POST /Users");
  ctx.expect(!id_string(body).empty(), "the representation carries the assigned id", "id",
             brief(body));
  ctx.expect(body.value("userName", "") == sent.value("userName", ""), "userName echoed",
             sent["userName"].dump(), brief(body));
}

void location_matches_meta(conf::Context& ctx) {
  auto r = ctx.create_raw("/Users", user_body(ctx));
  json body = expect_json(ctx, r, 201, "POST /Users");
  std::string location = expect_header(ctx, r, "Location");
  const json* meta = member(body, "meta");
  std::string meta_location = meta ? meta->value("location", "") : "";
  ctx.expect(location == meta_location, "Location header equals meta.location", location,
             meta_location);
  auto fetched = expect_json(ctx, ctx.get(location), 200, "GET <Location>");
  ctx.expect(id_string(fetched) == id_string(body), "Location resolves to the created resource",
             id_string(body), id_string(fetched));
}

void readonly_id_ignored(conf::Context& ctx) {
  json sent = user_body(ctx);
  sent["id"] = "client-chosen-id-must-be-ignored";
  sent["meta"] = {{"created", "1999-01-01T00:00:00Z"}, {"resourceType", "Bogus"}};
  auto r = ctx.create_raw("/Users", sent);
  json body = expect_json(ctx, r, 201, "POST /Users with readOnly id and meta");
  ctx.expect(id_string(body) != "client-chosen-id-must-be-ignored",
             "the client-supplied id (readOnly) is ignored", "a server-assigned id",
             id_string(body));
  const json* meta = member(body, "meta");
  ctx.expect(meta && meta->value("created", "") != "1999-01-01T00:00:00Z",
             "the client-supplied meta.created (readOnly) is ignored", "server time",
             meta ? brief(*meta) : "no meta");
}

void readonly_groups_ignored(conf::Context& ctx) {
  require_defined(ctx, "User", {"groups"});
  json sent = user_body(ctx);
  sent["groups"] = {{{"value", "no-such-group-id"}, {"display", "Ghost"}}};
  json body = expect_json(ctx, ctx.create_raw("/Users", sent), 201, "POST /Users with groups");
  const json* groups = member(body, "groups");
  bool ghost = groups && groups->is_array() &&
               std::any_of(groups->begin(), groups->end(), [](const json& g) {
                 return g.value("value", "") == "no-such-group-id";
               });
  ctx.expect(!ghost, "User.groups (readOnly) sent by the client is ignored", "no such membership",
             groups ? brief(*groups) : "absent");
}

void duplicate_conflict(conf::Context& ctx) {
  json first = ctx.create_user();
  json sent = ctx.with_required(
      "User", {{"schemas", {std::string(urn::kUser)}}, {"userName", first["userName"]}});
  ctx.expect_scim_error(ctx.create_raw("/Users", sent), 409, "uniqueness");
}

void resource_type_set(conf::Context& ctx, std::string_view endpoint, std::string_view type) {
  json body = endpoint == "/Users" ? ctx.create_user() : ctx.create_group();
  const json* meta = member(body, "meta");
  std::string actual = meta ? meta->value("resourceType", "") : "";
  ctx.expect(actual == type, "meta.resourceType of a resource created at " + std::string(endpoint),
             std::string(type), actual);
}

}  // namespace s3_3_creating_local

void register_s3_3(conf::Catalog& catalog) {
  using namespace s3_3_creating_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "3.3", "Creating Resources");
  s.add({.slug = "create-user-returns-201",
         .title = "POST /Users answers 201 Created",
         .level = kMust,
         .requirement = k201,
         .tags = {tag::kCreate, tag::kUsers},
         .needs = {cap::kUsers},
         .run = user_201});
  s.add({.slug = "create-group-returns-201",
         .title = "POST /Groups answers 201 Created",
         .level = kMust,
         .requirement = k201,
         .tags = {tag::kCreate, tag::kGroups},
         .needs = {cap::kGroups},
         .run = group_201});
  s.add({.slug = "create-returns-representation",
         .title = "the 201 body is the created resource",
         .level = kShould,
         .requirement = "The response body SHOULD contain the service provider's representation of "
                        "the newly created resource.",
         .tags = {tag::kCreate, tag::kUsers},
         .needs = {cap::kUsers},
         .run = returns_representation});
  s.add({.slug = "location-equals-meta-location",
         .title = "Location header equals meta.location and resolves",
         .level = kMust,
         .requirement = kLocation,
         .tags = {tag::kCreate, tag::kUsers, tag::kMeta},
         .needs = {cap::kUsers},
         .run = location_matches_meta});
  s.add({.slug = "readonly-id-and-meta-ignored",
         .title = "client-supplied id and meta are ignored",
         .level = kMust,
         .requirement = kReadOnly,
         .tags = {tag::kCreate, tag::kUsers, tag::kMutability},
         .needs = {cap::kUsers},
         .run = readonly_id_ignored});
  s.add({.slug = "readonly-groups-ignored",
         .title = "client-supplied User.groups is ignored",
         .level = kMust,
         .requirement = kReadOnly,
         .tags = {tag::kCreate, tag::kUsers, tag::kMutability},
         .needs = {cap::kUsers},
         .run = readonly_groups_ignored});
  s.add({.slug = "duplicate-username-409-uniqueness",
         .title = "a duplicate userName answers 409 uniqueness",
         .level = kMust,
         .requirement = kConflict,
         .tags = {tag::kCreate, tag::kUsers, tag::kErrors},
         .needs = {cap::kUsers},
         .run = duplicate_conflict});

  SectionBuilder t(catalog, rfc7644_spec(catalog), "3.3.1", "Resource Types");
  t.add({.slug = "users-resource-type-is-user",
         .title = "POST /Users sets meta.resourceType User",
         .level = kMust,
         .requirement = kResourceType,
         .tags = {tag::kCreate, tag::kUsers, tag::kMeta},
         .needs = {cap::kUsers},
         .run = [](conf::Context& ctx) { resource_type_set(ctx, "/Users", "User"); }});
  t.add({.slug = "groups-resource-type-is-group",
         .title = "POST /Groups sets meta.resourceType Group",
         .level = kMust,
         .requirement = kResourceType,
         .tags = {tag::kCreate, tag::kGroups, tag::kMeta},
         .needs = {cap::kGroups},
         .run = [](conf::Context& ctx) { resource_type_set(ctx, "/Groups", "Group"); }});
}

}  // namespace scim::suites::rfc7644
