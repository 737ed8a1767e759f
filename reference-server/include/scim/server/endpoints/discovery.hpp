// Discovery endpoints (RFC 7644 §4): /ServiceProviderConfig from the live configuration
// (RFC 7643 §5), /ResourceTypes[/{id}] (§6) and /Schemas[/{urn}] (§7) from the registry, each with
// meta. RFC 7644 §4 says query parameters SHALL be ignored there and a filter SHOULD get 403:
// this server answers 403 to "filter" and ignores sorting, paging and projection parameters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/endpoints/discovery_documents.hpp"
#include "scim/server/endpoints/service_config.hpp"

namespace scim::server {

struct DiscoveryContext {
  const Registry& registry;
  const ServiceConfig& config;
  const Request& request;
  const std::string& started_at;  // meta.created/lastModified of the configuration
  // Pre-rendered /Schemas and /ResourceTypes bodies; null renders them per request.
  const DiscoveryDocuments* documents = nullptr;
};

Response service_provider_config(const DiscoveryContext& ctx);
Response resource_types(const DiscoveryContext& ctx, std::optional<std::string_view> id);
Response schemas(const DiscoveryContext& ctx, std::optional<std::string_view> urn);

}  // namespace scim::server
