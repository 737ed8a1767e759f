// Service: the socket-free SCIM service (RFC 7644 §3) behind the route table. It owns what every
// endpoint call needs (registry, live configuration, the tenants' stores, the event sink, the
// cached discovery documents) and exposes one handler per endpoint; endpoints/routes.cpp binds
// them to methods and paths. Expected failures are SCIM error responses (RFC 7644 §3.12).
// Thread-safe: handlers may run on many threads at once.
//
// The configuration is looked up per request: a tenant the control plane gave settings of its
// own runs with its own ServiceConfig (a snapshot taken when the request starts), every other
// tenant with the service-wide one.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/api/json_parsers.hpp"
#include "scim/server/api/request.hpp"
#include "scim/server/api/write_event.hpp"
#include "scim/server/endpoints/coded_names.hpp"
#include "scim/server/endpoints/context.hpp"
#include "scim/server/endpoints/discovery.hpp"
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
  // An imported resource (the control plane): validated as POST validates it for `tenant`, with
  // its "id" (or a new one) and its "meta" kept, then restored into `staged`. No SETs are issued.
  Result<nlohmann::json> import_resource(store::InMemoryStore& staged, std::string_view tenant,
                                         const ResourceType& type, const nlohmann::json& item);

  const Registry& registry() const { return registry_; }
  // The service-wide configuration: every tenant without settings of its own runs with it.
  const ServiceConfig& config() const { return *config_; }
  // The configuration requests of `tenant` run with: every handler builds its Context from it, so
  // the optional features (ServiceConfig::features) and the control plane's per-tenant settings
  // are read per request. A snapshot: a settings change never alters a request in flight.
  std::shared_ptr<const ServiceConfig> config_for(std::string_view tenant) const;
  std::shared_ptr<const ServiceConfig> config_for(const Request& request) const {
    return config_for(request.principal.tenant);
  }
  // Gives `tenant` a configuration of its own; nullopt returns it to the service-wide one.
  void set_tenant_config(const std::string& tenant, std::optional<ServiceConfig> config);

 private:
  enum class Verb { Get, Replace, Patch, Remove };
  // The tenant's store for an authenticated request, or the error to answer.
  Result<std::shared_ptr<store::ResourceStore>> store_for(const Request& request) const;
  DiscoveryContext discovery(const Request& request, const ServiceConfig& config) const;
  const ResourceType* type_at(std::string_view endpoint) const;
  Response on_resource(const Request& request, std::string_view endpoint, std::string_view id,
                       Verb verb);
  // The endpoints' Context of one request: the service's registry, sink, id pool, coded names
  // and body parsers around the request's configuration, store and notes.
  Context context(const Request& request, const ServiceConfig& config, store::ResourceStore& store,
                  ResponseNotes& notes);

  const Registry& registry_;
  std::shared_ptr<const ServiceConfig> config_;
  mutable std::shared_mutex tenant_configs_mu_;
  std::map<std::string, std::shared_ptr<const ServiceConfig>, std::less<>> tenant_configs_;
  store::TenantDirectory& tenants_;
  EventSink* sink_;
  std::string started_at_;
  DiscoveryDocuments documents_;  // the registry is immutable: discovery bodies are cached
  UuidPool ids_;                  // new resource and transaction ids (Context::new_id)
  CodedNames names_;              // the registry's attributes by stored-name code (Context::names)
  JsonParsers parsers_;           // the request-body fast path (Context::parsers)
};

// The store specs the registry implies: unique attributes (uniqueness server/global, e.g.
// userName), equality indexes (externalId; displayName of group-like types), membership roles.
std::vector<store::TypeSpec> store_specs(const Registry& registry);

}  // namespace scim::server
