// JSON Schemas for SCIM resources, derived from the target's own /Schemas and /ResourceTypes
// (RFC 7643 §7 attribute definitions, §6 schema extensions): types, sub-attributes,
// multi-valued arrays, required attributes, and readOnly attributes left out of writes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/conformance/capabilities.hpp"

namespace scim::mcp {

// The schema of a resource of `type` as a client writes it (POST, PUT): the core schema's
// attributes, each extension as a property named by its URN, "schemas", "externalId"
// (RFC 7643 §3.1). Unknown schemas give an open object.
nlohmann::json writable_resource_schema(const conf::Capabilities& caps,
                                        const conf::ResourceTypeInfo& type);

// The readable paths of `type` ("userName", "name.givenName", "emails.value", and extension
// attributes as "urn:...:User:employeeNumber"), for filters, sorting and projection.
std::vector<std::string> attribute_paths(const conf::Capabilities& caps,
                                         const conf::ResourceTypeInfo& type);

// The schema definitions (RFC 7643 §7) of the target, from a ListResponse or a bare array.
const nlohmann::json& schema_list(const conf::Capabilities& caps);
const nlohmann::json* find_schema(const conf::Capabilities& caps, const std::string& urn);

}  // namespace scim::mcp
