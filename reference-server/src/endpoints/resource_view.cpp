// Presentation of stored resources (see resource_view.hpp).
#include "scim/server/endpoints/resource_view.hpp"

#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/device_types.hpp"
#include "scim/server/endpoints/etag.hpp"
#include "scim/server/store/record_codec.hpp"

namespace scim::server {
namespace {

// Sets "$ref" on each entry of a reference list whose "type" names a registered resource type.
void add_refs(const Context& ctx, nlohmann::json& list, const ResourceType* fixed_type) {
  if (!list.is_array()) return;
  for (auto& entry : list) {
    if (!entry.is_object() || !entry.contains("value") || !entry["value"].is_string()) continue;
    const ResourceType* type = fixed_type;
    if (!type && entry.contains("type") && entry["type"].is_string()) {
      type = ctx.registry.find_resource_type(entry["type"].get<std::string>());
    }
    if (type) entry["$ref"] = ctx.location(*type, entry["value"].get<std::string>());
  }
}

}  // namespace

nlohmann::json present(const Context& ctx, const ResourceType& type, nlohmann::json resource) {
  if (resource.contains("id") && resource["id"].is_string()) {
    resource["meta"]["location"] = ctx.location(type, resource["id"].get<std::string>());
  }
  if (resource.contains("members")) add_refs(ctx, resource["members"], nullptr);
  if (resource.contains("groups")) {
    // RFC 7643 §4.1.2: groups[].$ref points at the Group resource.
    add_refs(ctx, resource["groups"], ctx.registry.find_resource_type("Group"));
  }
  // RFC 9944 §7.6: applications[].$ref references the EndpointApp resource (readOnly).
  if (auto ext = resource.find(kEndpointAppsExtension); ext != resource.end() && ext->is_object()) {
    if (ext->contains("applications")) {
      add_refs(ctx, (*ext)["applications"], ctx.registry.find_resource_type("EndpointApp"));
    }
  }
  return resource;
}

nlohmann::json decoded_record(const store::StoredRecord& record) {
  nlohmann::json resource = store::decode_record(record.bytes);
  if (!record.groups.empty()) resource["groups"] = store::groups_json(record.groups);
  return resource;
}

Result<engine::Projection> request_projection(const Context& ctx, const ResourceType& type) {
  return engine::parse_projection(ctx.request.query_value("attributes"),
                                  ctx.request.query_value("excludedAttributes"), ctx.registry,
                                  type);
}

Response resource_response(const Context& ctx, const ResourceType& type,
                           store::StoredResource stored, int status,
                           const engine::Projection& projection) {
  auto shown = present(ctx, type, std::move(stored.resource));
  std::string location;
  if (status == 201) location = shown["meta"]["location"].get<std::string>();
  Response r =
      json_response(status, engine::project(std::move(shown), projection, ctx.registry, type));
  if (ctx.config.etag) r.set_header("ETag", format_etag(stored.version));
  if (status == 201) r.set_header("Location", std::move(location));
  return r;
}

}  // namespace scim::server
