// Resource types (RFC 7643 §6) and the registry that ties them to schemas and endpoints.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/attribute_path.hpp"
#include "scim/protocol/error.hpp"
#include "scim/protocol/result.hpp"
#include "scim/protocol/schema.hpp"

namespace scim {

struct SchemaExtension {
  std::string schema;
  bool required = false;
};

struct ResourceType {
  std::string id;    // e.g. "User"
  std::string name;  // e.g. "User"
  std::string description;
  std::string endpoint;  // e.g. "/Users" (relative, leading slash)
  std::string schema;    // core schema URN
  std::vector<SchemaExtension> extensions;

  // RFC 7643 §8.6 representation ("schemas", "meta" with location /ResourceTypes/<id>).
  nlohmann::json to_json() const;
  bool has_extension(std::string_view urn) const;
};

// What an attribute path resolved to against a resource type.
struct ResolvedAttribute {
  const Schema* schema = nullptr;        // nullptr for common attributes (id, externalId, meta)
  const Attribute* attribute = nullptr;  // nullptr when the path is a bare schema URN
  const Attribute* sub_attribute = nullptr;
  bool is_extension = false;  // schema is one of the resource type's extensions
  AttributePath path;         // canonical spelling (schema and attribute names as defined)
};

// Holds schemas and resource types. Lookups by URN, id, name and endpoint are case-insensitive.
// Populated at start-up, read-only afterwards (safe to share across threads once built).
class Registry {
 public:
  Registry();
  ~Registry();
  Registry(Registry&&) noexcept;
  Registry& operator=(Registry&&) noexcept;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // The RFC 7643 resource types: User (with the optional EnterpriseUser extension) and Group,
  // with all six §8.7 schemas loaded.
  static Registry with_builtin();

  // Adds a schema; fails with a message when the id is already registered.
  Status<std::string> add_schema(Schema schema);
  // Adds a resource type; fails when its schema or an extension schema is unknown, or when its
  // id, name or endpoint clashes with an existing one.
  Status<std::string> add_resource_type(ResourceType type);
  // Start-up only, before the registry is shared: edits a registered schema in place (another
  // specification widening it, e.g. RFC 9944 letting Group members be devices). False when the
  // schema is unknown.
  bool edit_schema(std::string_view urn, const std::function<void(Schema&)>& edit);

  const Schema* find_schema(std::string_view urn) const;
  const ResourceType* find_resource_type(std::string_view id_or_name) const;
  const ResourceType* find_by_endpoint(std::string_view endpoint) const;  // "/Users" or "Users"

  const std::vector<const Schema*>& schemas() const;
  const std::vector<const ResourceType*>& resource_types() const;
  // The ids of schemas(), in their order: kept as schemas are added, not built per call (every
  // filter and attribute list reads them).
  const std::vector<std::string>& schema_urns() const;

  // Resolves a path against a resource type: unqualified names look in the common attributes and
  // the core schema; URN-qualified names in the named schema, which must be the core schema or one
  // of the type's extensions. Unknown attribute -> 400 invalidPath (callers may remap the
  // scimType, e.g. to invalidFilter for filters).
  Result<ResolvedAttribute> resolve(const ResourceType& type, std::string_view path) const;
  Result<ResolvedAttribute> resolve(const ResourceType& type, const AttributePath& path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace scim
