// Service handlers: each builds the per-request Context (the tenant's store) and calls one
// endpoint function. Method and path dispatch is the route table's (endpoints/routes.cpp).
#include "scim/server/endpoints/service.hpp"

#include <chrono>

#include "scim/protocol/strings.hpp"
#include "scim/server/api/responses.hpp"
#include "scim/server/endpoints/discovery.hpp"
#include "scim/server/endpoints/list.hpp"
#include "scim/server/endpoints/me.hpp"
#include "scim/server/endpoints/resources.hpp"
#include "scim/server/engine/query/cursor.hpp"
#include "scim/server/store/timestamp.hpp"

namespace scim::server {
namespace {

// RFC 9865 cursors are sealed with this key: one per server start unless configured. Tenant
// configurations derive from this one (Service::config()), so they share it.
ServiceConfig with_cursor_key(ServiceConfig config) {
  if (config.pagination.cursor_key.empty()) {
    config.pagination.cursor_key = engine::random_cursor_key();
  }
  return config;
}

}  // namespace

Service::Service(const Registry& registry, ServiceConfig config, store::TenantDirectory& tenants,
                 EventSink* sink)
    : registry_(registry),
      config_(std::make_shared<const ServiceConfig>(with_cursor_key(std::move(config)))),
      tenants_(tenants),
      sink_(sink),
      started_at_(store::format_timestamp(std::chrono::system_clock::now())),
      documents_(registry),
      names_(registry) {}

std::shared_ptr<const ServiceConfig> Service::config_for(std::string_view tenant) const {
  std::shared_lock lock(tenant_configs_mu_);
  auto it = tenant_configs_.find(tenant);
  return it == tenant_configs_.end() ? config_ : it->second;
}

void Service::set_tenant_config(const std::string& tenant, std::optional<ServiceConfig> config) {
  std::unique_lock lock(tenant_configs_mu_);
  if (!config) {
    tenant_configs_.erase(tenant);
    return;
  }
  tenant_configs_[tenant] = std::make_shared<const ServiceConfig>(std::move(*config));
}

Result<std::shared_ptr<store::ResourceStore>> Service::store_for(const Request& request) const {
  auto store = tenants_.find(request.principal.tenant);
  if (!store) return not_found("unknown tenant \"" + request.principal.tenant + "\"");
  return store;
}

const ResourceType* Service::type_at(std::string_view endpoint) const {
  return registry_.find_by_endpoint("/" + std::string(endpoint));
}

bool Service::is_resource_endpoint(std::string_view segment) const {
  return type_at(segment) != nullptr;
}

DiscoveryContext Service::discovery(const Request& request, const ServiceConfig& config) const {
  return {registry_, config, request, started_at_, &documents_};
}

Response Service::health(const Request&) {
  return json_response(200, {{"status", "ok"}});
}

Response Service::service_provider_config(const Request& request) {
  auto config = config_for(request.principal.tenant);
  return server::service_provider_config(discovery(request, *config));
}

Response Service::resource_types(const Request& request, std::optional<std::string_view> id) {
  auto config = config_for(request.principal.tenant);
  return server::resource_types(discovery(request, *config), id);
}

Response Service::schemas(const Request& request, std::optional<std::string_view> urn) {
  auto config = config_for(request.principal.tenant);
  return server::schemas(discovery(request, *config), urn);
}

Response Service::search_all_types(const Request& request) {
  auto config = config_for(request);
  // RFC 7644 §3.4.2.1: queries "MAY be performed against ... a SCIM server root"; a provider
  // that does not offer them says so with 501 (Table 8: "does not support the request operation").
  if (!config->features.root_query) {
    return error_response(
        http_error(501,
                   "queries against the server root are not supported by this service provider; "
                   "query a resource type endpoint (RFC 7644 §3.4.2.1)"));
  }
  auto store = store_for(request);
  if (!store) return error_response(store.error());
  auto body = parse_body(request, config->max_json_depth, &parsers_);
  if (!body) return error_response(body.error());
  auto params = list_params_from_search(*body);
  if (!params) return error_response(params.error());
  ResponseNotes notes;
  Response r = list_all_types(context(request, *config, **store, notes), *params);
  r.notes = std::move(notes);
  return r;
}

Response Service::me(const Request& request) {
  auto store = store_for(request);
  if (!store) return error_response(store.error());
  auto config = config_for(request.principal.tenant);
  auto target = resolve_me({registry_, *config, **store, sink_, request});
  if (!target) return error_response(target.error());
  Request aliased = request;
  aliased.path = target->type->endpoint + "/" + target->id;
  const std::string_view endpoint = std::string_view(target->type->endpoint).substr(1);
  const std::string& m = request.method;
  Response r = m == "GET"     ? get(aliased, endpoint, target->id)
               : m == "PUT"   ? replace(aliased, endpoint, target->id)
               : m == "PATCH" ? patch(aliased, endpoint, target->id)
                              : remove(aliased, endpoint, target->id);
  // RFC 7644 §3.11: "In any response, the HTTP Location header MUST be the permanent location of
  // the aliased resource".
  r.set_header("Location", request.base_url + target->type->endpoint + "/" + target->id);
  return r;
}

Response Service::list(const Request& request, std::string_view endpoint) {
  auto store = store_for(request);
  if (!store) return error_response(store.error());
  auto config = config_for(request.principal.tenant);
  ResponseNotes notes;
  Response r = list_resources(context(request, *config, **store, notes), *type_at(endpoint),
                              list_params_from_query(request));
  r.notes = std::move(notes);
  return r;
}

Response Service::create(const Request& request, std::string_view endpoint) {
  auto store = store_for(request);
  if (!store) return error_response(store.error());
  auto config = config_for(request.principal.tenant);
  ResponseNotes notes;
  // The id pool (item 7 of docs/performance.md): without it every new id and transaction id is a
  // RAND_bytes call of its own.
  Response r = create_resource(context(request, *config, **store, notes), *type_at(endpoint));
  r.notes = std::move(notes);
  return r;
}

Response Service::search(const Request& request, std::string_view endpoint) {
  auto store = store_for(request);
  if (!store) return error_response(store.error());
  auto config = config_for(request.principal.tenant);
  auto body = parse_body(request, config->max_json_depth, &parsers_);
  if (!body) return error_response(body.error());
  auto params = list_params_from_search(*body);
  if (!params) return error_response(params.error());
  ResponseNotes notes;
  Response r =
      list_resources(context(request, *config, **store, notes), *type_at(endpoint), *params);
  r.notes = std::move(notes);
  return r;
}

Response Service::on_resource(const Request& request, std::string_view endpoint,
                              std::string_view id, Verb verb) {
  auto store = store_for(request);
  if (!store) return error_response(store.error());
  auto config = config_for(request.principal.tenant);
  ResponseNotes notes;
  const Context ctx = context(request, *config, **store, notes);
  const ResourceType& type = *type_at(endpoint);
  Response r;
  switch (verb) {
    case Verb::Get:
      r = get_resource(ctx, type, id);
      break;
    case Verb::Replace:
      r = replace_resource(ctx, type, id);
      break;
    case Verb::Patch:
      r = patch_resource(ctx, type, id);
      break;
    case Verb::Remove:
      r = delete_resource(ctx, type, id);
      break;
  }
  r.notes = std::move(notes);
  return r;
}

Response Service::get(const Request& request, std::string_view endpoint, std::string_view id) {
  return on_resource(request, endpoint, id, Verb::Get);
}

Response Service::replace(const Request& request, std::string_view endpoint, std::string_view id) {
  return on_resource(request, endpoint, id, Verb::Replace);
}

Response Service::patch(const Request& request, std::string_view endpoint, std::string_view id) {
  return on_resource(request, endpoint, id, Verb::Patch);
}

Response Service::remove(const Request& request, std::string_view endpoint, std::string_view id) {
  return on_resource(request, endpoint, id, Verb::Remove);
}

namespace {

// Seed and import items may carry their own "id", which later items reference.
Result<std::optional<std::string>> given_id(const nlohmann::json& item) {
  if (!item.is_object() || !item.contains("id")) return std::optional<std::string>();
  const auto& given = item["id"];
  if (!given.is_string() || given.get<std::string>().empty() ||
      given.get<std::string>().size() > 256 ||
      given.get<std::string>().find('/') != std::string::npos) {
    return invalid_value("\"id\" must be a non-empty string of at most 256 characters without '/'");
  }
  return std::optional<std::string>(given.get<std::string>());
}

}  // namespace

Context Service::context(const Request& request, const ServiceConfig& config,
                         store::ResourceStore& store, ResponseNotes& notes) {
  return {registry_, config, store, sink_, request, &notes, &ids_, &names_, &parsers_};
}

Result<nlohmann::json> Service::seed_resource(std::string_view tenant, const ResourceType& type,
                                              const nlohmann::json& item) {
  if (!tenants_.add(tenant)) return http_error(507, "too many tenants");
  auto store = tenants_.find(tenant);
  Request request;
  request.method = "POST";
  request.principal.tenant = std::string(tenant);
  auto config = config_for(tenant);
  Context ctx{registry_, *config, *store, sink_, request, nullptr, nullptr, &names_, &parsers_};
  auto id = given_id(item);
  if (!id) return id.error();
  auto outcome = create_validated(ctx, type, item, *id);
  if (!outcome) return outcome.error();
  return outcome->resource.resource;
}

Result<nlohmann::json> Service::import_resource(store::InMemoryStore& staged,
                                                std::string_view tenant, const ResourceType& type,
                                                const nlohmann::json& item) {
  Request request;
  request.method = "POST";
  request.principal.tenant = std::string(tenant);
  auto config = config_for(tenant);
  const Context ctx{registry_, *config, staged,  nullptr,  request,
                    nullptr,   nullptr, &names_, &parsers_};
  auto id = given_id(item);
  if (!id) return id.error();
  auto resource = validated_for_create(ctx, type, item, *id);
  if (!resource) return resource.error();
  if (auto meta = item.find("meta"); meta != item.end()) (*resource)["meta"] = *meta;
  auto restored = staged.restore(type.id, std::move(*resource));
  if (!restored) return restored.error();
  return restored->resource.resource;
}

}  // namespace scim::server
