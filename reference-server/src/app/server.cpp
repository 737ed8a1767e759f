// Building the reference server from its configuration (see server.hpp). The middleware chain is
// assembled in the constructor, in the order a request meets it; with endpoints/routes.cpp it
// says where every request goes.
#include "scim/server/app/server.hpp"

#include <algorithm>
#include <iostream>

#include "config_profile.hpp"
#include "scim/protocol/schema_loader.hpp"
#include "scim/protocol/strings.hpp"
#include "scim/server/endpoints/device_types.hpp"
#include "scim/server/endpoints/routes.hpp"
#include "scim/server/endpoints/seed.hpp"
#include "scim/server/http/target.hpp"
#include "scim/server/observe/openapi_document.hpp"
#include "scim/server/observe/server_metrics.hpp"

namespace scim::app {
namespace {

// The path of a request-target (RFC 9112 §3.2.1 origin-form): what names its route; the query,
// which names none, is decoded only by the layer that builds the request.
std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

// The files named by --schema / --resource-type, parsed.
struct RegistryFiles {
  std::vector<Schema> schemas;
  std::vector<ResourceType> types;
};

Result<RegistryFiles, std::string> load_registry_files(const RegistryOptions& o) {
  RegistryFiles files;
  for (const auto& file : o.schema_files) {
    auto schemas = load_schema_file(file);
    if (!schemas) return Unexpected{schemas.error()};
    for (auto& s : *schemas) files.schemas.push_back(std::move(s));
  }
  for (const auto& file : o.resource_type_files) {
    auto types = load_resource_type_file(file);
    if (!types) return Unexpected{types.error()};
    for (auto& t : *types) files.types.push_back(std::move(t));
  }
  return files;
}

// The RFC 7643 registry plus the --schema / --resource-type files, schemas first so that
// resource types can name them. With replace_builtin, a file's schema or resource type replaces
// the built-in one of the same id (a minimal User schema with only its required attributes, a
// User type without the Enterprise extension), and the built-ins left keep their place.
Result<Registry, std::string> build_registry(const RegistryOptions& o) {
  auto files = load_registry_files(o);
  if (!files) return Unexpected{files.error()};
  // With declared type values every built-in schema is added one by one, so each can be amended.
  const bool rebuild = o.replace_builtin || o.declare_type_values;
  Registry registry = rebuild ? Registry() : Registry::with_builtin();
  auto replaced = [&](const auto& list, const std::string& id) {
    return std::any_of(list.begin(), list.end(), [&](const auto& x) { return iequals(x.id, id); });
  };
  if (rebuild) {
    for (auto& s : builtin_schemas()) {
      if (o.replace_builtin && replaced(files->schemas, s.id)) continue;
      if (o.declare_type_values) declare_type_values(s);
      if (auto st = registry.add_schema(std::move(s)); !st) return Unexpected{st.error()};
    }
  }
  for (auto& s : files->schemas) {
    if (o.declare_type_values) declare_type_values(s);
    if (auto st = registry.add_schema(std::move(s)); !st) return Unexpected{st.error()};
  }
  if (rebuild) {
    const Registry builtin = Registry::with_builtin();
    for (const ResourceType* t : builtin.resource_types()) {
      if (o.replace_builtin && replaced(files->types, t->id)) continue;
      if (auto st = registry.add_resource_type(*t); !st) return Unexpected{st.error()};
    }
  }
  for (auto& t : files->types) {
    const std::string id = t.id;
    if (auto st = registry.add_resource_type(std::move(t)); !st) {
      return Unexpected{"resource type " + id + ": " + st.error()};
    }
  }
  // RFC 9944 (--devices): after the RFC 7643 types and the files, whose names it must not reuse.
  if (o.devices) {
    if (auto st = server::add_device_types(registry); !st) {
      return Unexpected{"--devices: " + st.error()};
    }
  }
  return registry;
}

// Where the bounded queues report that they filled up (and have room again): one line each.
server::QueueMeter::Report report_to_stderr() {
  return [](std::string_view line) { std::cerr << "scim-reference-server: " << line << "\n"; };
}

// --deviate NAME: deliberate RFC deviations for testing conformance tools only.
Result<deviate::Deviations, std::string> deviations(const std::vector<std::string>& names) {
  deviate::Deviations d;
  for (const auto& name : names) {
    if (d.enable(name)) continue;
    std::string known;
    for (auto n : deviate::Deviations::names()) {
      known += (known.empty() ? "" : ", ") + std::string(n);
    }
    return Unexpected{"--deviate: unknown deviation '" + name + "' (known: " + known + ")"};
  }
  return d;
}

// What the ServiceProviderConfig advertises beyond the endpoints' own options: the
// authentication schemes the HTTP layer accepts (RFC 7643 §5), bulk (RFC 7644 §3.7) and the
// events profile's "securityEvents" (RFC 9967 §4).
server::ServiceConfig service_config(const ServerConfig& config, const events::EventHub& hub) {
  server::ServiceConfig sc = config.service;
  sc.authentication_schemes = nlohmann::json::array(
      {{{"type", "oauthbearertoken"},
        {"name", "OAuth Bearer Token"},
        {"description", "Authentication scheme using the OAuth Bearer Token Standard"},
        {"specUri", "https://www.rfc-editor.org/info/rfc6750"},
        {"primary", true}}});
  if (!config.auth.basic.empty()) {
    sc.authentication_schemes.push_back(
        {{"type", "httpbasic"},
         {"name", "HTTP Basic"},
         {"description", "Authentication scheme using the HTTP Basic Standard"},
         {"specUri", "https://www.rfc-editor.org/info/rfc7617"}});
  }
  sc.bulk = config.bulk;
  sc.advertise_feeds = true;  // /Feeds and /Feeds/{id}/poll are always served
  auto uris = hub.event_uris();
  if (config.async.mode == async::AsyncMode::None) uris.pop_back();  // no asyncresp then
  sc.service_provider_config_extra["securityEvents"] = {
      {"asyncRequest", std::string(async::to_string(config.async.mode))}, {"eventUris", uris}};
  return sc;
}

}  // namespace

Result<std::unique_ptr<ReferenceServer>, std::string> ReferenceServer::create(ServerConfig config) {
  // The bulk executor answers oversized bulk requests itself (RFC 7644 §3.7.4 maxPayloadSize);
  // the HTTP body limit for /Bulk must never be the smaller of the two.
  auto& bulk_body = config.http.limits.max_bulk_body_bytes;
  bulk_body = std::max(bulk_body, config.bulk.max_payload_bytes);

  auto registry = build_registry(config.registry);
  if (!registry) return Unexpected{registry.error()};
  auto deviate = deviations(config.deviations);
  if (!deviate) return Unexpected{deviate.error()};
  auto auth = http::Authenticator::create(config.auth);
  if (!auth) return Unexpected{auth.error()};
  auto oauth = http::OAuthProvider::create(config.auth.oauth);
  if (!oauth) return Unexpected{oauth.error()};
  if (config.observe.metrics && config.observe.metrics_auth == observe::MetricsAuth::Admin &&
      !auth->admin_enabled()) {
    return Unexpected{std::string("--metrics-auth admin needs an --admin-token")};
  }
  auto signer = config.events.signing_key.empty()
                    ? Result<events::JwsSigner, std::string>(events::JwsSigner::unsecured())
                    : events::JwsSigner::hs256(config.events.signing_key);
  if (!signer) return Unexpected{"events: " + signer.error()};
  std::unique_ptr<admin::JournalFile> journal_file;
  if (!config.admin.journal_file.path.empty()) {
    auto opened = admin::JournalFile::open(config.admin.journal_file);
    if (!opened) return Unexpected{"--journal-file: " + opened.error()};
    journal_file = std::move(*opened);
  }

  std::unique_ptr<ReferenceServer> server(new ReferenceServer(
      std::move(config), std::move(*registry), std::move(*auth), std::move(*oauth),
      std::move(*signer), *deviate, std::move(journal_file)));
  if (auto st = server->add_configured_feeds(); !st) return Unexpected{"events: " + st.error()};
  if (auto st = server->add_configured_faults(); !st) {
    return Unexpected{"admin.faults: " + st.error()};
  }
  if (!server->config_.seed_file.empty()) {
    auto seeded = server::load_seed_file(server->service_, server->config_.seed_file, "default");
    if (!seeded) return Unexpected{"seed: " + seeded.error()};
  }
  if (deviate->any()) {
    std::cerr << "scim-reference-server: WARNING: deliberately deviating from the RFCs "
                 "(--deviate); for testing conformance tools only\n";
  }
  if (!server->auth_.admin_enabled()) {
    std::cerr << "scim-reference-server: note: no --admin-token, so no admin API "
                 "(/admin/v1 answers 404; docs/mock.md)\n";
  }
  return server;
}

ReferenceServer::ReferenceServer(ServerConfig config, Registry registry, http::Authenticator auth,
                                 http::OAuthProvider oauth, events::JwsSigner signer,
                                 const deviate::Deviations& deviations,
                                 std::unique_ptr<admin::JournalFile> journal_file)
    : config_(std::move(config)),
      base_path_(config_.http.base_path),
      log_(config_.observe.log),
      registry_(std::move(registry)),
      auth_(std::move(auth)),
      oauth_(std::move(oauth)),
      oauth_routes_(oauth_.token_endpoint ? std::make_unique<OAuthRoutes>(*oauth_.token_endpoint)
                                          : nullptr),
      tenants_(deviate::deviate_store_specs(deviations, server::store_specs(registry_))),
      transport_(events::make_curl_transport()),
      feeds_(config_.events.limits, *transport_,
             [](std::string_view line) { std::cerr << "events: " << line << "\n"; }),
      hub_(config_.events.hub, std::move(signer), feeds_),
      service_(registry_, service_config(config_, hub_), tenants_, &hub_),
      // A tenant's bulk limits are its configuration's (the control plane may change them).
      bulk_(routes_, config_.bulk,
            [this](const std::string& tenant) { return service_.config_for(tenant)->bulk; }),
      jobs_(config_.async.jobs, {}, report_to_stderr()),
      runner_(jobs_, routes_, &hub_, config_.async.runner, report_to_stderr()),
      feed_endpoints_{hub_, config_.events.long_poll},
      journal_file_(std::move(journal_file)),
      journals_(config_.admin.journal, journal_file_.get()),
      faults_(config_.admin.fault_limits),
      plane_({auth_, tenants_, service_, feeds_, jobs_, journals_, faults_},
             {http::normalise_base_path(config_.http.base_path),
              {config_.http.limits.max_bulk_body_bytes},
              config_.admin.limits}),
      admin_handlers_(plane_),
      metrics_(config_.observe.limits),
      operator_(
          {.metrics = config_.observe.metrics ? &metrics_ : nullptr,
           .readiness = [this] { return readiness(); },
           .openapi = [this] { return openapi(); },
           .registry = &registry_,
           .scim = &routes_,
           .tenant_exists = [this](std::string_view t) { return tenants_.store(t) != nullptr; },
           .base_path = http::normalise_base_path(config_.http.base_path)}),
      routes_(server::make_routes(service_, route_parts(),
                                  http::normalise_base_path(config_.http.base_path))),
      access_log_(log_),
      journal_(journals_),
      authenticate_(
          config_.http.base_path, auth_, [this](const server::Request& r) { return access_of(r); },
          oauth_.validator.get()),
      faults_layer_(faults_),
      async_(jobs_, runner_, config_.async),
      pipeline_(routes_),
      http_(
          config_.http, pipeline_,
          [this](std::string_view method, std::string_view target) {
            return body_limit(method, target);
          },
          [this](const server::Request& request) { return may_wait(request); }) {
  for (const auto& tenant : auth_.tenants()) tenants_.add(tenant);
  plane_.adopt_startup_tenants();
  if (deviations.any()) deviate_.emplace(registry_, deviations);
  if (config_.rate_limit.enabled()) rate_limit_.emplace(config_.rate_limit);

  // The middleware chain, in the order a request meets it (docs/architecture.md):
  //   transport (http_) -> access-log -> metrics (unless --no-metrics) -> journal -> authenticate
  //   -> faults -> rate-limit (only with rate limits) -> deviate (only with --deviate) -> async
  //   -> routes_
  // The access log comes first: it settles the request id every later layer uses and logs every
  // answer. Metrics come next so that they count and time every request the transport hands
  // over; then the journal, so that it records what the client sent and got, 401s and injected
  // faults included; faults and rate limits need the tenant, so they follow authentication. A
  // request with Prefer: respond-async is answered 202 by the async layer; its runner sends the
  // request to routes_ (endpoints/routes.cpp) on a worker thread.
  add_metrics();
  pipeline_.use(access_log_);
  if (metrics_layer_) pipeline_.use(*metrics_layer_);
  pipeline_.use(journal_);
  pipeline_.use(authenticate_);
  pipeline_.use(faults_layer_);
  if (rate_limit_) pipeline_.use(*rate_limit_);
  if (deviate_) pipeline_.use(*deviate_);
  pipeline_.use(async_);
}

ReferenceServer::~ReferenceServer() {
  shutdown();
}

Status<std::string> ReferenceServer::add_configured_feeds() {
  for (const auto& f : config_.events.feeds) {
    events::FeedInfo info{f.id, f.tenant, f.description, f.membership, f.resource_types};
    if (auto added = feeds_.add_feed(std::move(info)); !added) {
      return Unexpected{"feed \"" + f.id + "\": " + added.error().detail};
    }
  }
  for (const auto& r : config_.events.receivers) {
    if (auto id = feeds_.add_receiver(r.tenant, r.feed, {r.url, r.token}); !id) {
      return Unexpected{"push receiver " + r.url + ": " + id.error().detail};
    }
  }
  return Ok{};
}

server::RouteParts ReferenceServer::route_parts() {
  std::optional<server::Access> metrics_access;
  if (config_.observe.metrics) {
    metrics_access = config_.observe.metrics_auth == observe::MetricsAuth::Admin
                         ? server::Access::Admin
                         : server::Access::Public;
  }
  return {.bulk = bulk_part(),
          .async_jobs = &jobs_,
          .feeds = &feed_endpoints_,
          .admin = auth_.admin_enabled() ? &admin_handlers_ : nullptr,
          .operator_api = &operator_,
          .oauth = oauth_routes_.get(),
          .metrics_access = metrics_access};
}

// The metrics layer and the scrape-time collectors (docs/observability.md). Resource types are
// labelled by name through their endpoint, so a request path never becomes a label.
void ReferenceServer::add_metrics() {
  if (!config_.observe.metrics) return;
  observe::RequestLabelSources sources;
  for (const ResourceType* type : registry_.resource_types()) {
    std::string_view endpoint = type->endpoint;
    if (!endpoint.empty() && endpoint.front() == '/') endpoint.remove_prefix(1);
    sources.type_by_endpoint.emplace(std::string(endpoint), type->id);  // found without case
  }
  sources.tenant_exists = [this](std::string_view t) { return tenants_.store(t) != nullptr; };
  metrics_layer_.emplace(metrics_, std::move(sources));
  observe::add_server_collectors(
      metrics_, {tenants_, journals_, hub_, feeds_, jobs_, runner_, [this] {
                   return observe::TransportGauges{http_.open_connections(),
                                                   http_.rejected_connections(), http_.waiting()};
                 }});
  metrics_.add_collector([this](observe::Exposition& out) {
    out.family("scim_log_lines_dropped_total",
               "Log lines overwritten because the log's queue was full (--log-level to lower)",
               observe::MetricType::Counter);
    out.sample("scim_log_lines_dropped_total", {}, log_.dropped());
  });
}

nlohmann::json ReferenceServer::openapi() const {
  return observe::openapi_document({.routes = routes_.routes(),
                                    .registry = registry_,
                                    .base_path = http::normalise_base_path(config_.http.base_path),
                                    .basic_auth = !config_.auth.basic.empty(),
                                    .version = SCIM_TOOLKIT_VERSION});
}

std::string ReferenceServer::readiness() const {
  if (http_.stopping()) return "shutting down";
  if (!http_.accepting()) return "not listening yet";
  return "";
}

bulk::BulkExecutor* ReferenceServer::bulk_part() {
  // Without bulk (Features::bulk) there is no /Bulk route, asynchronous ones included.
  return config_.service.features.bulk ? &bulk_ : nullptr;
}

// "admin.faults" of the config file: each tenant's faults, with "admin.faultSeed", through the
// control plane like a PUT of the admin API (audited as "config").
Status<std::string> ReferenceServer::add_configured_faults() {
  std::map<std::string, nlohmann::json> by_tenant;
  for (auto fault : config_.admin.faults) {
    if (!fault.is_object()) return Unexpected{std::string("each fault must be an object")};
    const std::string tenant = fault.value("tenant", "default");
    fault.erase("tenant");
    by_tenant[tenant].push_back(std::move(fault));
  }
  for (auto& [tenant, list] : by_tenant) {
    nlohmann::json seed = config_.admin.fault_seed ? nlohmann::json(*config_.admin.fault_seed)
                                                   : nlohmann::json(nullptr);
    auto set = plane_.replace_faults(tenant, {{"seed", seed}, {"faults", list}}, "config");
    if (!set) return Unexpected{"tenant \"" + tenant + "\": " + set.error().detail};
  }
  return Ok{};
}

std::optional<server::Access> ReferenceServer::access_of(const server::Request& request) const {
  const server::Route* route = routes_.find(request.scope, request.method, request.path);
  if (!route) return std::nullopt;
  return route->access;
}

std::size_t ReferenceServer::body_limit(std::string_view method, std::string_view target) const {
  const auto& limits = config_.http.limits;
  // Only /Bulk and the admin import have limits of their own: other methods skip the parse.
  if (!routes_.has_own_body_limit(method)) return limits.max_body_bytes;
  auto route = http::parse_route(path_of(target), base_path_);
  if (!route) return limits.max_body_bytes;
  const auto scope =
      route->kind == http::Route::Kind::Scim ? server::Scope::Scim : server::Scope::Root;
  const server::Route* found = routes_.find(scope, method, route->relative);
  if (found && found->body == server::BodyLimit::Bulk) {
    return std::max(limits.max_body_bytes, limits.max_bulk_body_bytes);
  }
  // The admin import's own limit (--max-admin-body-bytes), above or below the standard one.
  if (found && found->body == server::BodyLimit::Admin) return limits.max_admin_body_bytes;
  return limits.max_body_bytes;
}

bool ReferenceServer::may_wait(const server::Request& request) const {
  if (async_.may_wait(request)) return true;
  if (!routes_.has_waiting_route(request.method)) return false;  // no long poll of this method
  auto route = http::parse_route(path_of(request.target), base_path_);
  if (!route || route->kind != http::Route::Kind::Scim) return false;
  const server::Route* found = routes_.find(server::Scope::Scim, request.method, route->relative);
  return found && found->waits == server::Waits::May;
}

Status<std::string> ReferenceServer::start() {
  return http_.start();
}

std::string ReferenceServer::url() const {
  return http_.url();
}

void ReferenceServer::run() {
  http_.run();
  shutdown();
}

void ReferenceServer::stop() {
  http_.stop();
}

void ReferenceServer::shutdown() {
  runner_.stop();
  feeds_.shutdown();
}

}  // namespace scim::app
