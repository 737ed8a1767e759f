// Service: the socket-free SCIM service (RFC 7644 §3) behind the HTTP layer. It picks the
// tenant's store from request.principal.tenant, routes by method and path (relative to the base
// path) to one endpoint function per concern, and turns every expected failure into a SCIM error
// response (RFC 7644 §3.12). Thread-safe: handle() may run on many threads at once.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/endpoints/discovery_documents.hpp"
#include "scim/server/api/write_event.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/endpoints/service_config.hpp"
#include "scim/protocol/resource_type.hpp"
#include "scim/server/store/tenant_directory.hpp"

namespace scim::server {

// Extra endpoints registered by the composition root (e.g. "/Bulk", "/Events").
using RouteHandler = std::function<Response(const Request&)>;

class Service final : public Handler {
 public:
  // `registry`, `tenants` and `sink` must outlive the service; `sink` may be null.
  Service(const Registry& registry, ServiceConfig config, store::TenantDirectory& tenants,
          EventSink* sink = nullptr);

  Response handle(const Request& request) override;

  // Routes every request whose first path segment equals `segment` (case-insensitive, e.g.
  // "Bulk") to `handler`, ahead of resource endpoints. Call before serving requests.
  void add_route(std::string segment, RouteHandler handler);

  // Creates a resource through the same validation as POST, keeping item["id"] when present
  // (seed data references its own ids). Declares the tenant when needed.
  Result<nlohmann::json> seed_resource(std::string_view tenant, const ResourceType& type,
                                       const nlohmann::json& item);

  const Registry& registry() const { return registry_; }
  const ServiceConfig& config() const { return config_; }

 private:
  Response route(const Request& request);
  Response route_resources(const Request& request, const std::vector<std::string>& segments);

  const Registry& registry_;
  ServiceConfig config_;
  store::TenantDirectory& tenants_;
  EventSink* sink_;
  std::string started_at_;
  DiscoveryDocuments documents_;  // the registry is immutable: discovery bodies are cached
  std::vector<std::pair<std::string, RouteHandler>> extra_routes_;
};

// The store specs the registry implies: unique attributes (uniqueness server/global, e.g.
// userName), equality indexes (externalId; displayName of group-like types), membership roles.
std::vector<store::TypeSpec> store_specs(const Registry& registry);

}  // namespace scim::server
