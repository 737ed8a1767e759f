// What the target claims to support, read from /ServiceProviderConfig, /ResourceTypes and
// /Schemas before any check runs (RFC 7643 §5, §6, §7; RFC 7644 §4).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/capability.hpp"
#include "scim/conformance/target_schemas.hpp"

namespace scim::conf {

// The profile name of the SCIM 2.0 Interoperability Profile's checks (spec "interop").
inline constexpr const char* kInteropProfile = "interop";

struct ResourceTypeInfo {
  std::string id;
  std::string name;
  std::string endpoint;
  std::string schema;
  std::vector<std::pair<std::string, bool>> extensions;  // schema URN, required
};

struct Capabilities {
  bool patch = false;
  bool bulk = false;
  int bulk_max_operations = 0;
  long long bulk_max_payload_size = 0;
  bool filter = false;
  int filter_max_results = 0;
  bool change_password = false;
  bool sort = false;
  bool etag = false;
  std::vector<std::string> authentication_schemes;  // "type" values, e.g. "oauthbearertoken"
  // Events profile (draft-ietf-scim-events-16 §2.5): securityEvents in ServiceProviderConfig.
  bool events = false;
  std::vector<std::string> async_modes;  // e.g. "none", "request", "long"
  std::vector<std::string> event_uris;
  // securityEvents.pollEndpoint when the target advertises it: the RFC 8936 poll endpoint of a
  // feed, as a URI template with "{id}" (not defined by the draft; see docs/events.md).
  std::string poll_endpoint;
  // draft-zollner-scim-interop-profile-01 §4: the target claims the SCIM 2.0 Interoperability
  // Profile ("interopProfileConformant": true, the JSON boolean) in /ServiceProviderConfig.
  bool interop_claimed = false;

  std::vector<ResourceTypeInfo> resource_types;
  nlohmann::json service_provider_config;  // raw documents, for checks on their shapes
  nlohmann::json resource_types_json;
  nlohmann::json schemas_json;
  // The schemas read from schemas_json (RFC 7643 §8.7 stand-ins when it held none).
  TargetSchemas schemas;

  // Whether the target offers `capability` (capability.hpp). "me" is not advertised by SCIM and
  // is decided by probing /Me. When no resource type could be read at all, "users" and "groups"
  // count as present (conventional endpoints) so a broken /ResourceTypes does not turn every
  // resource check into a skip.
  bool has(Capability capability) const;
  // The same by name, as in CheckInfo::capabilities; an unknown name is never advertised.
  bool has(std::string_view capability) const;
  bool me = false;
  const ResourceTypeInfo* find_type(std::string_view name) const;
  // The core schema URN of resource type `type` ("User"): its advertised "schema", or the RFC
  // 7643 URN of User/Group when /ResourceTypes named none; empty when unknown.
  std::string schema_urn(std::string_view type) const;
  // The attribute that `path` names for resource type `type`: "nickName", "name.givenName", or a
  // URN-qualified path into the core schema or an extension ("urn:...:enterprise:2.0:User:
  // employeeNumber"). nullptr when the target's schemas do not define it, which is the target's
  // right (RFC 7643 §8.7.1), so checks that use it skip.
  const Attribute* attribute(std::string_view type, std::string_view path) const;

  nlohmann::json to_json() const;
};

}  // namespace scim::conf
