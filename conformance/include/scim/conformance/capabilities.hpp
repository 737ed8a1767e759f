// What the target claims to support, read from /ServiceProviderConfig, /ResourceTypes and
// /Schemas before any check runs (RFC 7643 §5, §6, §7; RFC 7644 §4).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/conformance/capability.hpp"

namespace scim::conf {

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

  std::vector<ResourceTypeInfo> resource_types;
  nlohmann::json service_provider_config;  // raw documents, for checks on their shapes
  nlohmann::json resource_types_json;
  nlohmann::json schemas_json;

  // Whether the target offers `capability` (capability.hpp). "me" is not advertised by SCIM and
  // is decided by probing /Me. When no resource type could be read at all, "users" and "groups"
  // count as present (conventional endpoints) so a broken /ResourceTypes does not turn every
  // resource check into a skip.
  bool has(Capability capability) const;
  // The same by name, as in CheckInfo::capabilities; an unknown name is never advertised.
  bool has(std::string_view capability) const;
  bool me = false;
  const ResourceTypeInfo* find_type(std::string_view name) const;

  nlohmann::json to_json() const;
};

}  // namespace scim::conf
