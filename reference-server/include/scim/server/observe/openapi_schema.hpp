// JSON Schema (the OpenAPI 3.1 dialect, JSON Schema 2020-12) for SCIM data: each RFC 7643 §7
// schema of the live registry, custom ones included, as a component; each resource type as its
// core schema plus its extensions keyed by URN (RFC 7643 §3.3); and the RFC 7644 messages
// (ListResponse, PatchOp, SearchRequest, BulkRequest/BulkResponse, Error).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/schema.hpp"

namespace scim::observe {

// A component name from a URN or resource type name: letters, digits, '.', '_' and '-' only
// (OpenAPI 3.1 §4.8.7.1 component keys).
std::string component_name(std::string_view text);
// {"$ref": "#/components/schemas/<component>"}
nlohmann::json schema_ref(const std::string& component);

// One attribute (RFC 7643 §2.3 types, §7 characteristics) as a JSON Schema.
nlohmann::json attribute_schema(const Attribute& attribute);
// A SCIM schema as an object schema of its attributes.
nlohmann::json scim_schema_component(const Schema& schema);
// A resource of the type: common attributes (RFC 7643 §3.1), the core schema, its extensions.
nlohmann::json resource_type_component(const ResourceType& type, const Registry& registry);
// RFC 7644 messages: ScimError (§3.12), ListResponse (§3.4.2), PatchOp (§3.5.2), SearchRequest
// (§3.4.3), BulkRequest and BulkResponse (§3.7), keyed by component name.
nlohmann::json message_components();

}  // namespace scim::observe
