// Whole-resource rules shared by create/replace validation and PATCH: the "schemas" list
// (RFC 7643 §3), required attributes and required extensions (§7, §6), and immutable attributes
// on replace (RFC 7644 §3.5.1).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"

namespace scim::engine {

// Reads "schemas": a JSON array of strings naming the core schema and only extensions of `type`.
// Returns the canonical URNs, deduplicated (core first). Errors: 400 invalidSyntax when missing or
// not an array of strings, 400 invalidValue when the core schema is missing or a URN is undeclared.
Result<std::vector<std::string>> read_schemas(const nlohmann::json& schemas,
                                              const Registry& registry, const ResourceType& type);

// The schema an extension URN names when it is one of `type`'s extensions; nullptr otherwise.
const Schema* find_extension(const Registry& registry, const ResourceType& type,
                             std::string_view urn);

// Every required attribute of the core schema and of each extension present is assigned, and
// every required extension is listed in "schemas". Errors: 400 invalidValue naming the attribute.
Status<> check_required(const nlohmann::json& resource, const Registry& registry,
                        const ResourceType& type);

// RFC 7644 §3.5.1 immutable: values already set must match the input (else 400 mutability); when
// the input omits them the existing values are carried over into `resource`.
Status<> check_immutable(nlohmann::json& resource, const nlohmann::json& existing,
                         const Registry& registry, const ResourceType& type);

}  // namespace scim::engine
