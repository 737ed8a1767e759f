// Loading schema and resource-type definitions in the RFC 7643 §7 / §6 JSON format: the embedded
// RFC schemas, and custom files supplied by users. Every rejection names the source (file), the
// attribute path inside it and the problem, e.g.
//   "hr.json: attribute 'badges.kind': unknown type \"strnig\" (expected one of string, ...)".
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/protocol/schema.hpp"

namespace scim {

// Parse one schema object. `source` names the origin in messages.
Result<Schema, std::string> parse_schema(const nlohmann::json& json, std::string_view source);
// Parse one resource-type object.
Result<ResourceType, std::string> parse_resource_type(const nlohmann::json& json,
                                                      std::string_view source);

// A file holds one schema object or an array of them (as §8.7.1 shows). Same for resource types.
Result<std::vector<Schema>, std::string> load_schema_file(const std::filesystem::path& file);
Result<std::vector<ResourceType>, std::string> load_resource_type_file(
    const std::filesystem::path& file);

// The embedded RFC 7643 §8.7 schema documents, by file name ("user.json", "group.json",
// "enterprise-user.json", "service-provider-config.json", "resource-type.json", "schema.json").
std::string_view builtin_schema_document(std::string_view file_name);
std::vector<std::string_view> builtin_schema_files();
// All six built-in schemas, parsed.
std::vector<Schema> builtin_schemas();

}  // namespace scim
