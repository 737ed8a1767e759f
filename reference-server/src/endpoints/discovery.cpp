// Discovery documents (see discovery.hpp).
#include "scim/server/endpoints/discovery.hpp"

#include <algorithm>

#include "scim/protocol/urns.hpp"
#include "scim/server/api/responses.hpp"

namespace scim::server {
namespace {

std::optional<ScimError> reject_filter(const Request& request) {
  if (!request.query_param("filter")) return std::nullopt;
  // RFC 7644 §4: "If a "filter" is provided, the service provider SHOULD respond with HTTP
  // status code 403 (Forbidden)".
  return http_error(403, "filtering is not supported on discovery endpoints (RFC 7644 §4)");
}

nlohmann::json bearer_scheme() {
  return {{"type", "oauthbearertoken"},
          {"name", "OAuth Bearer Token"},
          {"description", "Authentication scheme using the OAuth Bearer Token Standard"},
          {"specUri", "https://www.rfc-editor.org/info/rfc6750"},
          {"primary", true}};
}

nlohmann::json absolute(const Request& request, nlohmann::json doc) {
  auto& location = doc["meta"]["location"];
  if (location.is_string()) location = request.base_url + location.get<std::string>();
  return doc;
}

// Where a client finds the SET streams (RFC 9967 §4 leaves "stream registration
// and configuration" out of scope, RFC 8936 §2 speaks of a "pre-arranged" endpoint): this server
// names the delivery methods by the identifiers the OpenID Shared Signals Framework uses, the feed
// collection, and the poll endpoint of every feed as a URI template (RFC 6570).
void advertise_feeds(const DiscoveryContext& ctx, nlohmann::json& events) {
  events["deliveryMethods"] = {"urn:ietf:rfc:8935", "urn:ietf:rfc:8936"};
  events["feedsEndpoint"] = ctx.request.base_url + "/Feeds";
  events["pollEndpoint"] = ctx.request.base_url + "/Feeds/{id}/poll";
}

Response rendered_body(const std::string& body) {
  Response r;
  r.status = 200;
  r.set_header("Content-Type", std::string(urn::kScimMediaType));
  r.body = body;
  return r;
}

// RFC 9865 §4: "A SCIM service provider implementing cursor-based pagination SHOULD include the
// following additional attribute". maxPageSize is filter.maxResults: one limit, two names.
nlohmann::json pagination(const ServiceConfig& c) {
  const auto& p = c.pagination;
  nlohmann::json doc = {
      {"cursor", p.cursor},
      {"index", p.index},
      {"defaultPaginationMethod", to_string(p.effective_default())},
      {"defaultPageSize", std::min(p.default_page_size.value_or(c.max_results), c.max_results)},
      {"maxPageSize", c.max_results}};
  // "No value being specified may mean that there is no cursor timeout".
  if (p.cursor && p.cursor_timeout.count() > 0) doc["cursorTimeout"] = p.cursor_timeout.count();
  return doc;
}

}  // namespace

Response service_provider_config(const DiscoveryContext& ctx) {
  if (auto e = reject_filter(ctx.request)) return error_response(*e);
  const auto& c = ctx.config;
  const bool bulk = c.bulk.has_value() && c.features.bulk;
  nlohmann::json doc = {
      {"schemas", {urn::kServiceProviderConfig}},
      {"patch", {{"supported", c.features.patch}}},
      {"bulk",
       {{"supported", bulk},
        {"maxOperations", bulk ? c.bulk->max_operations : 0},
        {"maxPayloadSize", bulk ? c.bulk->max_payload_bytes : 0}}},
      {"filter", {{"supported", c.features.filter}, {"maxResults", c.max_results}}},
      {"changePassword", {{"supported", c.features.change_password}}},
      {"sort", {{"supported", c.features.sort}}},
      {"etag", {{"supported", c.etag}}},
      {"authenticationSchemes", c.authentication_schemes.empty()
                                    ? nlohmann::json::array({bearer_scheme()})
                                    : c.authentication_schemes},
      {"meta",
       {{"resourceType", "ServiceProviderConfig"},
        {"location", ctx.request.base_url + "/ServiceProviderConfig"},
        {"created", ctx.started_at},
        {"lastModified", ctx.started_at}}}};
  doc["pagination"] = pagination(c);
  if (!c.documentation_uri.empty()) doc["documentationUri"] = c.documentation_uri;
  // interop profile §4: a provider that does not conform omits the attribute.
  if (c.interop_conformant) doc["interopProfileConformant"] = true;
  if (c.service_provider_config_extra.is_object()) doc.merge_patch(c.service_provider_config_extra);
  if (c.advertise_feeds && doc.contains("securityEvents"))
    advertise_feeds(ctx, doc["securityEvents"]);
  return json_response(200, doc);
}

Response resource_types(const DiscoveryContext& ctx, std::optional<std::string_view> id) {
  if (id) {
    const ResourceType* type = ctx.registry.find_resource_type(*id);
    if (!type)
      return error_response(not_found("resource type \"" + std::string(*id) + "\" not found"));
    if (ctx.documents)
      return rendered_body(ctx.documents->rendered(ctx.request.base_url)->resource_type.at(type));
    return json_response(200, absolute(ctx.request, type->to_json()));
  }
  if (auto e = reject_filter(ctx.request)) return error_response(*e);
  if (ctx.documents) {
    return rendered_body(ctx.documents->rendered(ctx.request.base_url)->resource_types_list);
  }
  nlohmann::json all = nlohmann::json::array();
  for (const ResourceType* t : ctx.registry.resource_types()) {
    all.push_back(absolute(ctx.request, t->to_json()));
  }
  return json_response(200, discovery_list(std::move(all)));
}

Response schemas(const DiscoveryContext& ctx, std::optional<std::string_view> urn) {
  if (urn) {
    const Schema* schema = ctx.registry.find_schema(*urn);
    if (!schema) return error_response(not_found("schema \"" + std::string(*urn) + "\" not found"));
    if (ctx.documents)
      return rendered_body(ctx.documents->rendered(ctx.request.base_url)->schema.at(schema));
    return json_response(200, absolute(ctx.request, schema->to_json()));
  }
  if (auto e = reject_filter(ctx.request)) return error_response(*e);
  if (ctx.documents) {
    return rendered_body(ctx.documents->rendered(ctx.request.base_url)->schemas_list);
  }
  nlohmann::json all = nlohmann::json::array();
  for (const Schema* s : ctx.registry.schemas()) all.push_back(absolute(ctx.request, s->to_json()));
  return json_response(200, discovery_list(std::move(all)));
}

}  // namespace scim::server
