// The composition root: one ReferenceServer object builds, from a ServerConfig, everything the
// reference server runs — the schema registry, the tenants' stores, the Service, Security Event
// Tokens, bulk, asynchronous requests, the control plane and its journal, the route table, the
// middleware chain and the HTTP transport — and owns them, in dependency order. Nothing is
// global: main() builds one.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "scim/protocol/resource_type.hpp"
#include "scim/protocol/result.hpp"
#include "scim/server/admin/admin_handlers.hpp"
#include "scim/server/admin/control_plane.hpp"
#include "scim/server/admin/fault_middleware.hpp"
#include "scim/server/admin/journal_middleware.hpp"
#include "scim/server/admin/journals.hpp"
#include "scim/server/api/middleware.hpp"
#include "scim/server/api/router.hpp"
#include "scim/server/app/config.hpp"
#include "scim/server/app/oauth_routes.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/async/async_middleware.hpp"
#include "scim/server/async/async_runner.hpp"
#include "scim/server/bulk/bulk_executor.hpp"
#include "scim/server/deviate/deviations.hpp"
#include "scim/server/endpoints/routes.hpp"
#include "scim/server/endpoints/service.hpp"
#include "scim/server/events/event_hub.hpp"
#include "scim/server/events/feed_endpoints.hpp"
#include "scim/server/events/feed_registry.hpp"
#include "scim/server/events/push_transport.hpp"
#include "scim/server/http/auth.hpp"
#include "scim/server/http/authenticate.hpp"
#include "scim/server/http/oauth_provider.hpp"
#include "scim/server/http/rate_limit.hpp"
#include "scim/server/http/server.hpp"
#include "scim/server/observe/access_log_middleware.hpp"
#include "scim/server/observe/metrics_middleware.hpp"
#include "scim/server/observe/metrics_registry.hpp"
#include "scim/server/observe/operator_endpoints.hpp"
#include "scim/server/observe/server_log.hpp"
#include "scim/server/store/tenant_directory.hpp"

namespace scim::app {

class ReferenceServer {
 public:
  // Builds every part and loads the seed file. The message names the problem (bad schema file,
  // credential, feed, seed item, unknown --deviate name, ...).
  static Result<std::unique_ptr<ReferenceServer>, std::string> create(ServerConfig config);
  ~ReferenceServer();
  ReferenceServer(const ReferenceServer&) = delete;
  ReferenceServer& operator=(const ReferenceServer&) = delete;

  // Binds and listens; the message says why not ("cannot listen on ...").
  Status<std::string> start();
  // "http://HOST:PORT/BASE", valid after start().
  std::string url() const;
  // Serves until stop() or, with http.handle_signals, SIGINT/SIGTERM; then stops the async
  // workers and push deliveries.
  void run();
  void stop();

  // The body limit of a request, from its method and target (RFC 7644 §3.7.4: the bulk route
  // takes max_bulk_body_bytes); given to the transport.
  std::size_t body_limit(std::string_view method, std::string_view target) const;
  // Whether a request may wait (a long poll route, an async wait): the transport serves it on
  // its WaitPool so that it never holds an I/O thread.
  bool may_wait(const server::Request& request) const;
  // The transport's pool of waiting requests (capacity, in use, refused).
  http::WaitPoolStats waiting() const { return http_.waiting(); }

  const server::RouteTable& routes() const { return routes_; }
  const server::Pipeline& pipeline() const { return pipeline_; }
  // The middleware chain as a Handler: requests in, responses out, no socket (tests, fuzzing).
  server::Handler& handler() { return pipeline_; }
  server::Service& service() { return service_; }
  admin::Journals& journals() { return journals_; }
  admin::ControlPlane& control_plane() { return plane_; }
  const observe::MetricsRegistry& metrics() const { return metrics_; }

 private:
  ReferenceServer(ServerConfig config, Registry registry, http::Authenticator auth,
                  http::OAuthProvider oauth, events::JwsSigner signer,
                  const deviate::Deviations& deviations,
                  std::unique_ptr<admin::JournalFile> journal_file);
  Status<std::string> add_configured_feeds();
  // The bulk executor when the configuration serves bulk, else nullptr (no /Bulk route).
  bulk::BulkExecutor* bulk_part();
  Status<std::string> add_configured_faults();
  std::optional<server::Access> access_of(const server::Request& request) const;
  server::RouteParts route_parts();
  void add_metrics();
  std::string readiness() const;
  nlohmann::json openapi() const;
  void shutdown();

  // Declaration order is construction order: each part only refers to parts above it, except
  // the bulk executor and the async runner, which keep a reference to routes_ and use it only
  // once requests arrive.
  ServerConfig config_;
  // The configured base path, normalised and split once: body_limit and may_wait match every
  // request's path against it.
  http::BasePath base_path_;
  observe::ServerLog log_;  // early, so that it outlives every part that logs
  Registry registry_;
  http::Authenticator auth_;
  http::OAuthProvider oauth_;  // JWT validation and the test token endpoint (--oauth-*)
  std::unique_ptr<OAuthRoutes> oauth_routes_;  // the token endpoint's routes; null without it
  store::TenantDirectory tenants_;
  std::unique_ptr<events::PushTransport> transport_;
  events::FeedRegistry feeds_;
  events::EventHub hub_;
  server::Service service_;
  bulk::BulkExecutor bulk_;
  async::AsyncJobs jobs_;
  async::AsyncRunner runner_;
  events::FeedEndpointsContext feed_endpoints_;
  std::unique_ptr<admin::JournalFile> journal_file_;  // null without --journal-file
  admin::Journals journals_;
  admin::Faults faults_;
  admin::ControlPlane plane_;
  admin::AdminHandlers admin_handlers_;
  observe::MetricsRegistry metrics_;
  observe::OperatorEndpoints operator_;  // /metrics, /ready, /openapi.json, /admin/
  server::RouteTable routes_;
  observe::AccessLogMiddleware access_log_;
  std::optional<observe::MetricsMiddleware> metrics_layer_;  // unless --no-metrics
  admin::JournalMiddleware journal_;
  http::AuthenticateMiddleware authenticate_;
  admin::FaultMiddleware faults_layer_;
  std::optional<http::RateLimiter> rate_limit_;  // only when rate limits are configured
  std::optional<deviate::DeviatingMiddleware> deviate_;
  async::AsyncMiddleware async_;
  server::Pipeline pipeline_;
  http::HttpServer http_;
};

}  // namespace scim::app
