// Registry of schemas and resource types, with case-insensitive lookups and attribute-path
// resolution (RFC 7643 §6, §7; RFC 7644 §3.10).
#include <deque>
#include <unordered_map>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/schema_loader.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/protocol/urns.hpp"

namespace scim {

struct Registry::Impl {
  std::deque<Schema> schema_storage;  // deque: stable addresses for the pointers below
  std::deque<ResourceType> type_storage;
  std::vector<const Schema*> schemas;
  std::vector<std::string> urns;  // the ids of `schemas`, in their order
  std::vector<const ResourceType*> types;
  std::unordered_map<std::string, const Schema*, IHash, IEqual> schema_by_urn;
  std::unordered_map<std::string, const ResourceType*, IHash, IEqual> type_by_name;
  std::unordered_map<std::string, const ResourceType*, IHash, IEqual> type_by_endpoint;
};

namespace {

std::string_view strip_slash(std::string_view endpoint) {
  return (!endpoint.empty() && endpoint.front() == '/') ? endpoint.substr(1) : endpoint;
}

ScimError unknown(const ResourceType& type, const AttributePath& path, std::string_view why) {
  return invalid_path("attribute \"" + path.to_string() + "\" " + std::string(why) +
                      " for resource type " + type.name);
}

}  // namespace

Registry::Registry() : impl_(std::make_unique<Impl>()) {}
Registry::~Registry() = default;
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;

Registry Registry::with_builtin() {
  Registry r;
  for (auto& s : builtin_schemas()) (void)r.add_schema(std::move(s));
  // RFC 7643 §8.6: the User resource type carries the enterprise extension as optional.
  (void)r.add_resource_type(ResourceType{"User",
                                         "User",
                                         "User Account",
                                         "/Users",
                                         std::string(urn::kUser),
                                         {{std::string(urn::kEnterpriseUser), false}}});
  (void)r.add_resource_type(
      ResourceType{"Group", "Group", "Group", "/Groups", std::string(urn::kGroup), {}});
  return r;
}

Status<std::string> Registry::add_schema(Schema schema) {
  if (impl_->schema_by_urn.count(schema.id))
    return "schema " + schema.id + " is already registered";
  const Schema& stored = impl_->schema_storage.emplace_back(std::move(schema));
  impl_->schemas.push_back(&stored);
  impl_->urns.push_back(stored.id);
  impl_->schema_by_urn.emplace(stored.id, &stored);
  return Ok{};
}

bool Registry::edit_schema(std::string_view urn, const std::function<void(Schema&)>& edit) {
  for (auto& s : impl_->schema_storage) {
    if (!iequals(s.id, urn)) continue;
    edit(s);
    impl_->urns.clear();
    for (const auto* schema : impl_->schemas) impl_->urns.push_back(schema->id);
    return true;
  }
  return false;
}

Status<std::string> Registry::add_resource_type(ResourceType type) {
  const std::string where = "resource type " + type.id + ": ";
  if (type.id.empty() || type.name.empty()) return where + "id and name are required";
  if (!find_schema(type.schema)) return where + "unknown schema " + type.schema;
  for (const auto& e : type.extensions)
    if (!find_schema(e.schema)) return where + "unknown extension schema " + e.schema;
  if (type.endpoint.empty() || type.endpoint.front() != '/') type.endpoint = "/" + type.endpoint;
  if (find_resource_type(type.id) || find_resource_type(type.name))
    return where + "id or name already registered";
  if (find_by_endpoint(type.endpoint)) return where + "endpoint " + type.endpoint + " already used";
  const ResourceType& stored = impl_->type_storage.emplace_back(std::move(type));
  impl_->types.push_back(&stored);
  impl_->type_by_name.emplace(stored.id, &stored);
  if (!iequals(stored.id, stored.name)) impl_->type_by_name.emplace(stored.name, &stored);
  impl_->type_by_endpoint.emplace(std::string(strip_slash(stored.endpoint)), &stored);
  return Ok{};
}

const Schema* Registry::find_schema(std::string_view urn) const {
  auto it = impl_->schema_by_urn.find(urn);
  return it == impl_->schema_by_urn.end() ? nullptr : it->second;
}

const ResourceType* Registry::find_resource_type(std::string_view id_or_name) const {
  auto it = impl_->type_by_name.find(id_or_name);
  return it == impl_->type_by_name.end() ? nullptr : it->second;
}

const ResourceType* Registry::find_by_endpoint(std::string_view endpoint) const {
  auto it = impl_->type_by_endpoint.find(strip_slash(endpoint));
  return it == impl_->type_by_endpoint.end() ? nullptr : it->second;
}

const std::vector<const Schema*>& Registry::schemas() const {
  return impl_->schemas;
}
const std::vector<const ResourceType*>& Registry::resource_types() const {
  return impl_->types;
}

const std::vector<std::string>& Registry::schema_urns() const {
  return impl_->urns;
}

Result<ResolvedAttribute> Registry::resolve(const ResourceType& type, std::string_view path) const {
  auto parsed = parse_attribute_path(path, schema_urns());
  if (!parsed) return parsed.error();
  return resolve(type, *parsed);
}

Result<ResolvedAttribute> Registry::resolve(const ResourceType& type,
                                            const AttributePath& path) const {
  ResolvedAttribute out;
  const Schema* core = find_schema(type.schema);
  if (!path.schema_urn.empty()) {
    out.schema = find_schema(path.schema_urn);
    if (!out.schema) return unknown(type, path, "names an unknown schema");
    out.is_extension = type.has_extension(out.schema->id);
    if (out.schema != core && !out.is_extension)
      return unknown(type, path, "names a schema that is not part of this resource type");
    out.path.schema_urn = out.schema->id;
    if (path.is_schema_only()) {
      if (!out.is_extension) return unknown(type, path, "must name an attribute");
      return out;
    }
    out.attribute = out.schema->find(path.attribute);
    if (!out.attribute && out.schema == core) out.attribute = find_common_attribute(path.attribute);
  } else {
    out.attribute = find_common_attribute(path.attribute);
    if (out.attribute) {
      out.schema = nullptr;
    } else {
      out.schema = core;
      out.attribute = core ? core->find(path.attribute) : nullptr;
    }
  }
  if (!out.attribute) return unknown(type, path, "is not defined");
  out.path.attribute = out.attribute->name;
  if (!path.sub_attribute.empty()) {
    out.sub_attribute = out.attribute->find_sub(path.sub_attribute);
    if (!out.sub_attribute) return unknown(type, path, "has no such sub-attribute");
    out.path.sub_attribute = out.sub_attribute->name;
  }
  return out;
}

}  // namespace scim
