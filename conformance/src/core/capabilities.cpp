// Capabilities: the mapping of the capability vocabulary (capability.hpp) onto the discovery
// documents (RFC 7643 §5 ServiceProviderConfig, §6 ResourceType; draft-ietf-scim-events §4
// securityEvents).
#include "scim/conformance/capabilities.hpp"

#include "scim/protocol/device_urns.hpp"
#include "scim/protocol/urns.hpp"

namespace scim::conf {
namespace {

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool type_has_extension(const ResourceTypeInfo* type, std::string_view urn) {
  if (type == nullptr) return false;
  for (const auto& [schema, required] : type->extensions) {
    if (ascii_iequals(schema, urn)) return true;
  }
  return false;
}

// RFC 9865 §4: "cursor: A Boolean value specifying support of cursor-based pagination." Only a
// JSON true counts; a target without the pagination object does not claim cursors.
bool cursor_advertised(const nlohmann::json& spc) {
  if (!spc.is_object()) return false;
  for (const auto& [key, pagination] : spc.items()) {
    if (!ascii_iequals(key, "pagination") || !pagination.is_object()) continue;
    for (const auto& [name, value] : pagination.items()) {
      if (ascii_iequals(name, "cursor")) return value.is_boolean() && value.get<bool>();
    }
  }
  return false;
}

// RFC 9944 §2, §3: the Device resource type is the one whose core schema is
// urn:ietf:params:scim:schemas:core:2.0:Device, whatever its name or endpoint.
bool has_device_type(const std::vector<ResourceTypeInfo>& types) {
  for (const auto& type : types) {
    if (ascii_iequals(type.schema, scim::urn::kDevice)) return true;
  }
  return false;
}

}  // namespace

bool Capabilities::has(Capability capability) const {
  switch (capability) {
    case Capability::Patch:
      return patch;
    case Capability::Bulk:
      return bulk;
    case Capability::Filter:
      return filter;
    case Capability::Sort:
      return sort;
    case Capability::Etag:
      return etag;
    case Capability::ChangePassword:
      return change_password;
    case Capability::Me:
      return me;
    case Capability::Events:
      return events;
    case Capability::Async:
      for (const auto& mode : async_modes) {
        if (!ascii_iequals(mode, "none")) return true;
      }
      return false;
    // Without any readable /ResourceTypes the conventional /Users and /Groups are assumed: a
    // broken discovery document fails its own checks and must not hide every resource check as
    // skipped.
    case Capability::Users:
      return resource_types.empty() || find_type("User") != nullptr;
    case Capability::Groups:
      return resource_types.empty() || find_type("Group") != nullptr;
    case Capability::EnterpriseUser:
      return type_has_extension(find_type("User"), scim::urn::kEnterpriseUser);
    case Capability::Cursor:
      return cursor_advertised(service_provider_config);
    case Capability::Devices:
      return has_device_type(resource_types);
  }
  return false;
}

bool Capabilities::has(std::string_view capability) const {
  const auto known = parse_capability(capability);
  return known.has_value() && has(*known);  // unknown names are never advertised: check skipped
}

const ResourceTypeInfo* Capabilities::find_type(std::string_view name) const {
  for (const auto& type : resource_types) {
    if (ascii_iequals(type.name, name) || ascii_iequals(type.id, name)) return &type;
  }
  return nullptr;
}

std::string Capabilities::schema_urn(std::string_view type) const {
  if (const auto* info = find_type(type); info != nullptr) return info->schema;
  if (!resource_types.empty()) return {};
  if (ascii_iequals(type, "User")) return std::string(urn::kUser);
  if (ascii_iequals(type, "Group")) return std::string(urn::kGroup);
  return {};
}

const Attribute* Capabilities::attribute(std::string_view type, std::string_view path) const {
  const std::string core = schema_urn(type);
  if (path.size() > 4 && ascii_iequals(path.substr(0, 4), "urn:")) {
    // The longest schema id followed by ':' is the qualifier (RFC 7644 §3.10).
    const Schema* best = nullptr;
    for (const auto& s : schemas.all()) {
      const bool prefix = path.size() > s.id.size() && path[s.id.size()] == ':' &&
                          ascii_iequals(path.substr(0, s.id.size()), s.id);
      if (prefix && (best == nullptr || s.id.size() > best->id.size())) best = &s;
    }
    if (best == nullptr) return nullptr;
    const auto* info = find_type(type);
    const bool allowed = ascii_iequals(best->id, core) || type_has_extension(info, best->id);
    return allowed ? find_attribute(*best, path.substr(best->id.size() + 1)) : nullptr;
  }
  // The common attributes (RFC 7643 §3.1: id, externalId, meta) belong to every resource and to
  // no schema, so /Schemas never lists them.
  const auto dot = path.find('.');
  if (const Attribute* common = find_common_attribute(path.substr(0, dot)); common != nullptr)
    return dot == std::string_view::npos ? common : common->find_sub(path.substr(dot + 1));
  const Schema* schema = core.empty() ? nullptr : schemas.find(core);
  return schema == nullptr ? nullptr : find_attribute(*schema, path);
}

nlohmann::json Capabilities::to_json() const {
  nlohmann::json types = nlohmann::json::array();
  for (const auto& t : resource_types) {
    nlohmann::json ext = nlohmann::json::array();
    for (const auto& [schema, required] : t.extensions) {
      ext.push_back({{"schema", schema}, {"required", required}});
    }
    types.push_back({{"id", t.id},
                     {"name", t.name},
                     {"endpoint", t.endpoint},
                     {"schema", t.schema},
                     {"schemaExtensions", ext}});
  }
  return {{"patch", patch},
          {"bulk",
           {{"supported", bulk},
            {"maxOperations", bulk_max_operations},
            {"maxPayloadSize", bulk_max_payload_size}}},
          {"filter", {{"supported", filter}, {"maxResults", filter_max_results}}},
          {"changePassword", change_password},
          {"sort", sort},
          {"etag", etag},
          {"me", me},
          {"authenticationSchemes", authentication_schemes},
          {"interopProfileConformant", interop_claimed},
          {"events", events},
          {"asyncModes", async_modes},
          {"eventUris", event_uris},
          {"cursor", has(Capability::Cursor)},
          {"devices", has(Capability::Devices)},
          {"schemasFromTarget", schemas.from_target()},
          {"resourceTypes", types}};
}

}  // namespace scim::conf
