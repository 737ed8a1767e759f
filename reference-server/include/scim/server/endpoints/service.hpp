// Service: the socket-free SCIM service (RFC 7644 §3) behind the route table. It owns what every
// endpoint call needs (registry, live configuration, the tenants' stores, the event sink, the
// cached discovery documents) and exposes one handler per endpoint; endpoints/routes.cpp binds
// them to methods and paths. Expected failures are SCIM error responses (RFC 7644 §3.12).
// Thread-safe: handlers may run on many threads at once.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/api/write_event.hpp"
#include "scim/server/endpoints/context.hpp"
#include "scim/server/endpoints/discovery_documents.hpp"
#include "scim/server/endpoints/service_config.hpp"
#include "scim/server/store/tenant_directory.hpp"

namespace scim::server {

class Service {
 public:
  // `registry`, `tenants` and `sink` must outlive the service; `sink` may be null.
  Service(const Registry& registry, ServiceConfig config, store::TenantDirectory& tenants,
          EventSink* sink = nullptr);

  // ---- Handlers (RFC section in endpoints/routes.cpp).
  Response health(const Request& request);
  Response service_provider_config(const Request& request);
  Response resource_types(const Request& request, std::optional<std::string_view> id);
  Response schemas(const Request& request, std::optional<std::string_view> urn);
  Response search_all_types(const Request& request);  // POST /.search
  Response me(const Request& request);                // any method on /Me
  // `endpoint` is the resource type's endpoint segment without the slash ("Users").
  Response list(const Request& request, std::string_view endpoint);
  Response create(const Request& request, std::string_view endpoint);
  Response search(const Request& request, std::string_view endpoint);  // POST /{type}/.search
  Response get(const Request& request, std::string_view endpoint, std::string_view id);
  Response replace(const Request& request, std::string_view endpoint, std::string_view id);
  Response patch(const Request& request, std::string_view endpoint, std::string_view id);
  Response remove(const Request& request, std::string_view endpoint, std::string_view id);

  // Whether `segment` ("Users") is a registered resource type's endpoint.
  bool is_resource_endpoint(std::string_view segment) const;

  // Creates a resource through the same validation as POST, keeping item["id"] when present
  // (seed data references its own ids). Declares the tenant when needed.
  Result<nlohmann::json> seed_resource(std::string_view tenant, const ResourceType& type,
                                       const nlohmann::json& item);

  const Registry& registry() const { return registry_; }
  const ServiceConfig& config() const { return config_; }
  // The configuration that applies to `request`: every handler builds its Context from it, so the
  // optional features (ServiceConfig::features) are read per request. Today one configuration
  // serves every tenant; a per-tenant override would return the tenant's own here.
  const ServiceConfig& config_for(const Request& request) const;

 private:
  enum class Verb { Get, Replace, Patch, Remove };
  // The tenant's store for an authenticated request, or the error to answer.
  Result<store::ResourceStore*> store_for(const Request& request) const;
  const ResourceType* type_at(std::string_view endpoint) const;
  Response on_resource(const Request& request, std::string_view endpoint, std::string_view id,
                       Verb verb);

  const Registry& registry_;
  ServiceConfig config_;
  store::TenantDirectory& tenants_;
  EventSink* sink_;
  std::string started_at_;
  DiscoveryDocuments documents_;  // the registry is immutable: discovery bodies are cached
};

// The store specs the registry implies: unique attributes (uniqueness server/global, e.g.
// userName), equality indexes (externalId; displayName of group-like types), membership roles.
std::vector<store::TypeSpec> store_specs(const Registry& registry);

}  // namespace scim::server
