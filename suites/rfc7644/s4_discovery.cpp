// RFC 7644 §4 Service Provider Configuration Endpoints: /ServiceProviderConfig, /ResourceTypes and
// /Schemas shapes, ListResponse for collections, individual lookups, filters refused with 403.
#include <algorithm>

#include "index.hpp"
#include "scim/protocol/urns.hpp"
#include "scim/suites/common/helpers.hpp"
#include "scim/suites/common/section.hpp"

namespace scim::suites::rfc7644 {
namespace s4_discovery_local {

constexpr const char* kSpc =
    "This endpoint SHALL return responses with a JSON object using a \"schemas\" attribute of "
    "\"urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig\".";
constexpr const char* kSchemas =
    "An HTTP GET to the endpoint \"/Schemas\" SHALL return all supported schemas in ListResponse "
    "format (see Figure 3).";
constexpr const char* kListForm =
    "When returning multiple ResourceTypes or Schemas, the message form described by the "
    "\"urn:ietf:params:scim:api:messages:2.0:ListResponse\" (ListResponse) form SHALL be used as "
    "shown in Figure 3 and in Figure 9 below.";
constexpr const char* kSingle =
    "In cases where a request is for a specific \"ResourceType\" or \"Schema\", the single JSON "
    "object is returned in the same way that a single User or Group is retrieved, as per Section "
    "3.4.1.";
constexpr const char* k403 =
    "If a \"filter\" is provided, the service provider SHOULD respond with HTTP status code 403 "
    "(Forbidden) to ensure that clients cannot incorrectly assume that any matching conditions "
    "specified in a filter are true.";
constexpr const char* kIgnored =
    "Query parameters described in Section 3.4.2, such as filtering, sorting, and pagination, "
    "SHALL "
    "be ignored.";
constexpr const char* kApiNotDiscoverable =
    "As SCIM protocol messages are fixed and defined by SCIM specifications and registered "
    "extensions, SCIM message schemas using the above prefix URN SHALL NOT be discoverable using "
    "the \"/Schemas\" endpoint.";

const Tags kTags = {tag::kDiscovery};

void spc_schema(conf::Context& ctx) {
  json body =
      expect_json(ctx, ctx.get("/ServiceProviderConfig"), 200, "GET /ServiceProviderConfig");
  ctx.expect(has_schema(body, urn::kServiceProviderConfig), "schemas is the SPC URN",
             std::string(urn::kServiceProviderConfig), brief(body.value("schemas", json())));
}

void resource_types_list(conf::Context& ctx) {
  json list = expect_list(ctx, ctx.get("/ResourceTypes"), "GET /ResourceTypes");
  ctx.expect(!resources_of(list).empty(), "at least one resource type", "non-empty", brief(list));
}

void schemas_list(conf::Context& ctx) {
  json list = expect_list(ctx, ctx.get("/Schemas"), "GET /Schemas");
  ctx.expect(!resources_of(list).empty(), "at least one schema", "non-empty", brief(list));
}

void schema_by_urn(conf::Context& ctx) {
  json body = expect_json(ctx, ctx.get("/Schemas/" + std::string(urn::kUser)), 200,
                          "GET /Schemas/<User URN>");
  ctx.expect(body.value("id", "") == urn::kUser, "the User schema is returned",
             std::string(urn::kUser), brief(body.value("id", json())));
}

// The resource type is addressed by the id the target advertised for it (usually "User").
void resource_type_by_name(conf::Context& ctx) {
  const auto* type = ctx.caps().find_type("User");
  const std::string id = type ? type->id : "User";
  const std::string endpoint = type ? type->endpoint : "/Users";
  json body = expect_json(ctx, ctx.get("/ResourceTypes/" + id), 200, "GET /ResourceTypes/" + id);
  ctx.expect(body.value("name", "") == (type ? type->name : "User") &&
                 body.value("endpoint", "") == endpoint,
             "the User resource type", "name User, endpoint " + endpoint, brief(body));
}

void every_schema_discoverable(conf::Context& ctx) {
  for (const auto& type : ctx.caps().resource_types) {
    std::vector<std::string> urns = {type.schema};
    for (const auto& [ext, required] : type.extensions) urns.push_back(ext);
    for (const auto& u : urns)
      expect_json(ctx, ctx.get("/Schemas/" + u), 200, "GET /Schemas/" + u + " (" + type.name + ")");
  }
}

void no_api_schemas(conf::Context& ctx) {
  json list = expect_list(ctx, ctx.get("/Schemas"), "GET /Schemas");
  for (const auto& s : resources_of(list)) {
    std::string id = s.value("id", "");
    ctx.expect(id.rfind("urn:ietf:params:scim:api:", 0) != 0, "no protocol message schema listed",
               "no urn:ietf:params:scim:api:*", id);
  }
}

void filter_forbidden(conf::Context& ctx, const std::string& endpoint) {
  auto r = ctx.get(endpoint + "?filter=" + conf::Context::encode("id eq \"x\""));
  ctx.expect_scim_error(r, 403);
}

void paging_ignored(conf::Context& ctx) {
  json all = expect_list(ctx, ctx.get("/Schemas"), "GET /Schemas");
  json paged = expect_list(ctx, ctx.get("/Schemas?count=1&startIndex=2"), "GET /Schemas?count=1");
  ctx.expect(ids_of(all) == ids_of(paged), "paging parameters are ignored on /Schemas",
             std::to_string(ids_of(all).size()) + " schemas",
             std::to_string(ids_of(paged).size()) + " schemas");
}

}  // namespace s4_discovery_local

void register_s4(conf::Catalog& catalog) {
  using namespace s4_discovery_local;
  SectionBuilder s(catalog, rfc7644_spec(catalog), "4", "Service Provider Configuration Endpoints");
  s.add({.slug = "service-provider-config-schema",
         .title = "GET /ServiceProviderConfig has the SPC schema",
         .level = kMust,
         .requirement = kSpc,
         .tags = kTags,
         .run = spc_schema});
  s.add({.slug = "resource-types-list-response",
         .title = "GET /ResourceTypes is a ListResponse",
         .level = kMust,
         .requirement = kListForm,
         .tags = kTags,
         .run = resource_types_list});
  s.add({.slug = "schemas-list-response",
         .title = "GET /Schemas is a ListResponse of all schemas",
         .level = kMust,
         .requirement = kSchemas,
         .tags = kTags,
         .run = schemas_list});
  s.add({.slug = "schema-by-urn",
         .title = "GET /Schemas/<User URN> returns that schema",
         .level = kMust,
         .requirement = kSingle,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = schema_by_urn});
  s.add({.slug = "resource-type-by-name",
         .title = "GET /ResourceTypes/User returns the User type",
         .level = kMust,
         .requirement = kSingle,
         .tags = kTags,
         .needs = {cap::kUsers},
         .run = resource_type_by_name});
  s.add({.slug = "every-advertised-schema-discoverable",
         .title = "each type's schema and extensions resolve",
         .level = kMust,
         .requirement = kSingle,
         .tags = kTags,
         .run = every_schema_discoverable});
  s.add({.slug = "schemas-filter-403",
         .title = "a filter on /Schemas answers 403",
         .level = kShould,
         .requirement = k403,
         .tags = kTags,
         .run = [](conf::Context& ctx) { filter_forbidden(ctx, "/Schemas"); }});
  s.add({.slug = "resource-types-filter-403",
         .title = "a filter on /ResourceTypes answers 403",
         .level = kShould,
         .requirement = k403,
         .tags = kTags,
         .run = [](conf::Context& ctx) { filter_forbidden(ctx, "/ResourceTypes"); }});
  s.add({.slug = "schemas-paging-ignored",
         .title = "paging parameters on /Schemas are ignored",
         .level = kMust,
         .requirement = kIgnored,
         .tags = kTags,
         .run = paging_ignored});
  // The rule on protocol message schemas is stated in §3.1, so the check is registered there.
  SectionBuilder b(catalog, rfc7644_spec(catalog), "3.1", "Background");
  b.add({.slug = "no-protocol-message-schemas",
         .title = "/Schemas lists no urn:ietf:params:scim:api: schema",
         .level = kMust,
         .requirement = kApiNotDiscoverable,
         .tags = kTags,
         .run = no_api_schemas});
}

}  // namespace scim::suites::rfc7644
