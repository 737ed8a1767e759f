// Every route of the reference server, in one table. Read with the middleware chain in
// app/server.cpp, it tells where any request goes: e.g. `POST /Bulk` with
// `Prefer: respond-async` is queued by the async layer, whose runner sends it here, to the bulk
// executor. Rules that belong to a route (method, Accept, tenant, body limit) live in its row.
#include "scim/server/endpoints/routes.hpp"

#include "scim/server/api/responses.hpp"
#include "scim/server/async/async_middleware.hpp"

namespace scim::server {
namespace {

constexpr std::string_view kDiscovery = "RFC 7644 §4";

// The control plane (docs/mock.md): outside the SCIM base, behind an admin token.
void add_admin_routes(RouteTable& t, AdminApi& api) {
  auto row = [&t](std::string_view method, std::string_view pattern, RouteHandler handler,
                  std::string_view summary, BodyLimit body = BodyLimit::Standard) {
    t.add({.method = method,
           .pattern = pattern,
           .handler = std::move(handler),
           .rfc = "docs/mock.md",
           .summary = summary,
           .scope = Scope::Root,
           .access = Access::Admin,
           .accepts = Accepts::Any,
           .body = body});
  };
  AdminApi* a = &api;
  using M = const RouteMatch&;
  row(
      "GET", "/admin/v1/tenants", [a](const Request& r, M) { return a->list_tenants(r); },
      "every tenant with its resource counts");
  row(
      "POST", "/admin/v1/tenants", [a](const Request& r, M) { return a->create_tenant(r); },
      "create a tenant: name, tokens, Basic users, settings");
  row(
      "GET", "/admin/v1/tenants/{tenant}",
      [a](const Request& r, M m) { return a->get_tenant(r, m.params[0]); },
      "one tenant: credentials (never secrets), settings, counts");
  row(
      "DELETE", "/admin/v1/tenants/{tenant}",
      [a](const Request& r, M m) { return a->delete_tenant(r, m.params[0]); },
      "delete a tenant; its tokens stop working at once");
  row(
      "POST", "/admin/v1/tenants/{tenant}/tokens",
      [a](const Request& r, M m) { return a->add_tokens(r, m.params[0]); },
      "add bearer tokens (none given: one is generated)");
  row(
      "PUT", "/admin/v1/tenants/{tenant}/tokens",
      [a](const Request& r, M m) { return a->rotate_tokens(r, m.params[0]); },
      "rotate: these become the tenant's only bearer tokens");
  row(
      "POST", "/admin/v1/tenants/{tenant}/reset",
      [a](const Request& r, M m) { return a->reset_tenant(r, m.params[0]); },
      "empty data, journal, event queues; keep configuration");
  row(
      "GET", "/admin/v1/tenants/{tenant}/export",
      [a](const Request& r, M m) { return a->export_tenant(r, m.params[0]); },
      "the tenant's data in the seed-file shape, ids and meta kept");
  row(
      "POST", "/admin/v1/tenants/{tenant}/import",
      [a](const Request& r, M m) { return a->import_tenant(r, m.params[0]); },
      "import (?mode=replace|merge), validated like POST, all or nothing", BodyLimit::Admin);
  row(
      "GET", "/admin/v1/tenants/{tenant}/settings",
      [a](const Request& r, M m) { return a->get_settings(r, m.params[0]); },
      "runtime settings: overrides and effective values");
  row(
      "PATCH", "/admin/v1/tenants/{tenant}/settings",
      [a](const Request& r, M m) { return a->patch_settings(r, m.params[0]); },
      "change settings (JSON merge patch, RFC 7396)");
  row(
      "PUT", "/admin/v1/tenants/{tenant}/settings",
      [a](const Request& r, M m) { return a->put_settings(r, m.params[0]); },
      "replace every override");
  row(
      "GET", "/admin/v1/tenants/{tenant}/journal",
      [a](const Request& r, M m) { return a->get_journal(r, m.params[0]); },
      "request journal: method, path glob, status, since, until, limit");
  row(
      "DELETE", "/admin/v1/tenants/{tenant}/journal",
      [a](const Request& r, M m) { return a->clear_journal(r, m.params[0]); }, "clear the journal");
  row(
      "GET", "/admin/v1/tenants/{tenant}/receivers",
      [a](const Request& r, M m) { return a->list_receivers(r, m.params[0]); },
      "push receivers of the tenant's feeds (RFC 8935)");
  row(
      "POST", "/admin/v1/tenants/{tenant}/receivers",
      [a](const Request& r, M m) { return a->add_receiver(r, m.params[0]); },
      "add a push receiver: url, token, feed");
  row(
      "DELETE", "/admin/v1/tenants/{tenant}/receivers/{id}",
      [a](const Request& r, M m) { return a->remove_receiver(r, m.params[0], m.params[1]); },
      "remove a push receiver");
  row(
      "GET", "/admin/v1/tenants/{tenant}/faults",
      [a](const Request& r, M m) { return a->list_faults(r, m.params[0]); },
      "injected faults with their counters, and the seed");
  row(
      "POST", "/admin/v1/tenants/{tenant}/faults",
      [a](const Request& r, M m) { return a->add_fault(r, m.params[0]); },
      "add a fault: latency, error, rateLimit, reset, close, truncate");
  row(
      "PUT", "/admin/v1/tenants/{tenant}/faults",
      [a](const Request& r, M m) { return a->replace_faults(r, m.params[0]); },
      "replace every fault and the seed");
  row(
      "DELETE", "/admin/v1/tenants/{tenant}/faults",
      [a](const Request& r, M m) { return a->clear_faults(r, m.params[0]); }, "remove every fault");
  row(
      "GET", "/admin/v1/tenants/{tenant}/faults/{id}",
      [a](const Request& r, M m) { return a->get_fault(r, m.params[0], m.params[1]); },
      "one fault with its counters");
  row(
      "DELETE", "/admin/v1/tenants/{tenant}/faults/{id}",
      [a](const Request& r, M m) { return a->remove_fault(r, m.params[0], m.params[1]); },
      "remove a fault");
  row(
      "GET", "/admin/v1/journal", [a](const Request& r, M) { return a->server_journal(r); },
      "audit entries of every admin change");
  row(
      "POST", "/admin/v1/tenants/{tenant}/sessions",
      [a](const Request& r, M m) { return a->start_session(r, m.params[0]); },
      "start a grading session of the tenant's client");
  row(
      "GET", "/admin/v1/tenants/{tenant}/sessions",
      [a](const Request& r, M m) { return a->list_sessions(r, m.params[0]); },
      "grading sessions with their state and request counts");
  row(
      "GET", "/admin/v1/tenants/{tenant}/sessions/{id}",
      [a](const Request& r, M m) { return a->get_session(r, m.params[0], m.params[1]); },
      "one grading session with its recorded requests");
  row(
      "DELETE", "/admin/v1/tenants/{tenant}/sessions/{id}",
      [a](const Request& r, M m) { return a->delete_session(r, m.params[0], m.params[1]); },
      "remove a grading session");
  row(
      "POST", "/admin/v1/tenants/{tenant}/sessions/{id}/end",
      [a](const Request& r, M m) { return a->end_session(r, m.params[0], m.params[1]); },
      "end a grading session (nothing more is recorded)");
  row(
      "GET", "/admin/v1/tenants/{tenant}/sessions/{id}/report",
      [a](const Request& r, M m) { return a->session_report(r, m.params[0], m.params[1]); },
      "the client's verdict (format json, junit, html or markdown)");
}

// The operator's view (docs/observability.md): outside the SCIM base, for scrapers and probes.
void add_operator_routes(RouteTable& t, OperatorApi& api, std::optional<Access> metrics_access) {
  OperatorApi* o = &api;
  t.add({.method = "GET",
         .pattern = "/ready",
         .handler = [o](const Request& r, const RouteMatch&) { return o->ready(r); },
         .rfc = "docs/observability.md",
         .summary = "readiness: 200 once serving, 503 before and while shutting down",
         .scope = Scope::Root,
         .access = Access::Public,
         .accepts = Accepts::Any});
  t.add({.method = "GET",
         .pattern = "/openapi.json",
         .handler = [o](const Request& r, const RouteMatch&) { return o->openapi(r); },
         .rfc = "docs/observability.md",
         .summary = "OpenAPI 3.1: every route, every resource type's schema, security schemes",
         .scope = Scope::Root,
         .access = Access::Public,
         .accepts = Accepts::Any});
  if (!metrics_access) return;
  t.add({.method = "GET",
         .pattern = "/metrics",
         .handler = [o](const Request& r, const RouteMatch&) { return o->metrics(r); },
         .rfc = "docs/observability.md",
         .summary = "Prometheus text exposition format (public or admin token: --metrics-auth)",
         .scope = Scope::Root,
         .access = *metrics_access,
         .accepts = Accepts::Any});
}

// The dashboard (docs/observability.md), only beside the admin API. The page is public because
// it holds no data: everything it shows comes from /admin/v1 with the token the operator types.
void add_dashboard_routes(RouteTable& t, OperatorApi& api) {
  OperatorApi* o = &api;
  t.add({.method = "GET",
         .pattern = "/admin",
         .handler = [o](const Request& r, const RouteMatch&) { return o->dashboard(r); },
         .rfc = "docs/observability.md",
         .summary = "the operator's dashboard page (its data comes from /admin/v1)",
         .scope = Scope::Root,
         .access = Access::Public,
         .accepts = Accepts::Any});
  t.add({.method = "GET",
         .pattern = "/admin/v1/tenants/{tenant}/resources/{resourceType}",
         .handler = [o](const Request& r,
                        const RouteMatch& m) { return o->browse(r, m.params[0], m.params[1]); },
         .rfc = "docs/observability.md",
         .summary = "a tenant's resources of one type: filter, sortBy, startIndex, count",
         .scope = Scope::Root,
         .access = Access::Admin,
         .accepts = Accepts::Any});
}

// The test authorization server (OAuthApi): public, outside the SCIM base, answers JSON itself.
void add_oauth_routes(RouteTable& t, OAuthApi& api) {
  OAuthApi* o = &api;
  t.add({.method = "GET",
         .pattern = "/.well-known/oauth-authorization-server",
         .handler = [o](const Request& r, const RouteMatch&) { return o->metadata(r); },
         .rfc = "RFC 8414 §3",
         .summary = "authorization server metadata (--oauth-signing-key)",
         .scope = Scope::Root,
         .access = Access::Public,
         .accepts = Accepts::Any});
  t.add({.method = "GET",
         .pattern = "/oauth/jwks",
         .handler = [o](const Request& r, const RouteMatch&) { return o->jwks(r); },
         .rfc = "RFC 7517 §5",
         .summary = "public keys of the access tokens it issues",
         .scope = Scope::Root,
         .access = Access::Public,
         .accepts = Accepts::Any});
  t.add({.method = "POST",
         .pattern = "/oauth/token",
         .handler = [o](const Request& r, const RouteMatch&) { return o->token(r); },
         .rfc = "RFC 6749 §4.4; RFC 7523 §2.2",
         .summary = "access token for a private_key_jwt client assertion",
         .scope = Scope::Root,
         .access = Access::Public,
         .accepts = Accepts::Any});
}

}  // namespace

RouteTable make_routes(Service& service, RouteParts parts, std::string base_path) {
  RouteTable t({.base_path = std::move(base_path), .is_type = [&service](std::string_view s) {
                  return service.is_resource_endpoint(s);
                }});
  Service* s = &service;

  // ---- Outside the SCIM base path.
  t.add({.method = "GET",
         .pattern = "/health",
         .handler = [s](const Request& r, const RouteMatch&) { return s->health(r); },
         .rfc = "-",
         .summary = "liveness: {\"status\":\"ok\"}",
         .scope = Scope::Root,
         .access = Access::Public,
         .accepts = Accepts::Any});
  if (parts.operator_api) add_operator_routes(t, *parts.operator_api, parts.metrics_access);
  if (parts.oauth) add_oauth_routes(t, *parts.oauth);

  // ---- Discovery (RFC 7644 §4). Public: RFC 7643 §5 "SHOULD be publicly accessible".
  t.add({.method = "GET",
         .pattern = "/ServiceProviderConfig",
         .handler = [s](const Request& r,
                        const RouteMatch&) { return s->service_provider_config(r); },
         .rfc = "RFC 7644 §4; RFC 7643 §5",
         .summary = "what the service provider supports",
         .access = Access::Public});
  t.add({.method = "GET",
         .pattern = "/ResourceTypes",
         .handler = [s](const Request& r,
                        const RouteMatch&) { return s->resource_types(r, std::nullopt); },
         .rfc = "RFC 7644 §4; RFC 7643 §6",
         .summary = "every resource type",
         .access = Access::Public});
  t.add({.method = "GET",
         .pattern = "/ResourceTypes/{id}",
         .handler = [s](const Request& r,
                        const RouteMatch& m) { return s->resource_types(r, m.params[0]); },
         .rfc = kDiscovery,
         .summary = "one resource type",
         .access = Access::Public});
  t.add(
      {.method = "GET",
       .pattern = "/Schemas",
       .handler = [s](const Request& r, const RouteMatch&) { return s->schemas(r, std::nullopt); },
       .rfc = "RFC 7644 §4; RFC 7643 §7",
       .summary = "every schema",
       .access = Access::Public});
  t.add(
      {.method = "GET",
       .pattern = "/Schemas/{urn}",
       .handler = [s](const Request& r, const RouteMatch& m) { return s->schemas(r, m.params[0]); },
       .rfc = kDiscovery,
       .summary = "one schema by URN",
       .access = Access::Public});

  // ---- Service endpoints that are not resource types.
  t.add({.method = "GET",
         .pattern = "/health",
         .handler = [s](const Request& r, const RouteMatch&) { return s->health(r); },
         .rfc = "-",
         .summary = "liveness for an authenticated client"});
  t.add({.method = "POST",
         .pattern = "/.search",
         .handler = [s](const Request& r, const RouteMatch&) { return s->search_all_types(r); },
         .rfc = "RFC 7644 §3.4.3",
         .summary = "query across every resource type (SearchRequest body)"});
  for (std::string_view method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
    t.add({.method = method,
           .pattern = "/Me",
           .handler = [s](const Request& r, const RouteMatch&) { return s->me(r); },
           .rfc = "RFC 7644 §3.11",
           .summary = method == "POST" ? "501: creating through /Me is not offered"
                                       : "the resource of the authenticated subject"});
  }
  // Absent when the deployment switches bulk off (Features::bulk, RFC 7644 §3.7: bulk.supported
  // false); the per-request check keeps that true for a configuration chosen per request.
  if (parts.bulk) {
    bulk::BulkExecutor* bulk = parts.bulk;
    t.add({.method = "POST",
           .pattern = "/Bulk",
           .handler =
               [bulk, s](const Request& r, const RouteMatch&) {
                 if (!s->config_for(r)->features.bulk)
                   return error_response(not_found("bulk operations are not supported here"));
                 return bulk->handle(r);
               },
           .rfc = "RFC 7644 §3.7",
           .summary = "many operations in one request, bulkId references resolved",
           .body = BodyLimit::Bulk});
  }
  if (parts.async_jobs) {
    async::AsyncJobs* jobs = parts.async_jobs;
    t.add({.method = "GET",
           .pattern = "/AsyncResults/{txn}",
           .handler =
               [jobs](const Request& r, const RouteMatch& m) {
                 return async::async_result(*jobs, r, m.params[0]);
               },
           .rfc = "RFC 9967 §2.5.1",
           .summary = "outcome of a Prefer: respond-async request (or its asyncresp SET)",
           .accepts = Accepts::Any});
  }
  if (parts.feeds) {
    events::FeedEndpointsContext* f = parts.feeds;
    constexpr std::string_view kFeed = "RFC 9967 §1.3";
    t.add(
        {.method = "GET",
         .pattern = "/Feeds",
         .handler = [f](const Request& r, const RouteMatch&) { return events::list_feeds(*f, r); },
         .rfc = kFeed,
         .summary = "the tenant's event feeds"});
    t.add(
        {.method = "POST",
         .pattern = "/Feeds",
         .handler = [f](const Request& r, const RouteMatch&) { return events::create_feed(*f, r); },
         .rfc = kFeed,
         .summary = "create a feed"});
    t.add({.method = "GET",
           .pattern = "/Feeds/{id}",
           .handler = [f](const Request& r,
                          const RouteMatch& m) { return events::get_feed(*f, r, m.params[0]); },
           .rfc = kFeed,
           .summary = "one feed with its counters"});
    t.add({.method = "POST",
           .pattern = "/Feeds/{id}/poll",
           .handler = [f](const Request& r,
                          const RouteMatch& m) { return events::poll_feed(*f, r, m.params[0]); },
           .rfc = "RFC 8936 §2",
           .summary = "poll-based SET delivery, with acknowledgements",
           .waits = Waits::May});
    t.add({.method = "POST",
           .pattern = "/Feeds/{id}/members",
           .handler =
               [f](const Request& r, const RouteMatch& m) {
                 return events::add_feed_member(*f, r, m.params[0]);
               },
           .rfc = "RFC 9967 §2.3",
           .summary = "add a resource to an explicit feed (feed:add)"});
    t.add({.method = "DELETE",
           .pattern = "/Feeds/{id}/members/{endpoint}/{resourceId}",
           .handler =
               [f](const Request& r, const RouteMatch& m) {
                 return events::remove_feed_member(*f, r, m.params[0], m.params[1], m.params[2]);
               },
           .rfc = "RFC 9967 §2.3",
           .summary = "remove a resource from an explicit feed (feed:remove)"});
    t.add({.method = "GET",
           .pattern = "/Feeds/{id}/receivers",
           .handler =
               [f](const Request& r, const RouteMatch& m) {
                 return events::list_feed_receivers(*f, r, m.params[0]);
               },
           .rfc = "RFC 8935 §2",
           .summary = "the feed's push receivers (tokens never shown)"});
    t.add({.method = "POST",
           .pattern = "/Feeds/{id}/receivers",
           .handler =
               [f](const Request& r, const RouteMatch& m) {
                 return events::add_feed_receiver(*f, r, m.params[0]);
               },
           .rfc = "RFC 8935 §2",
           .summary = "register a push receiver"});
    t.add({.method = "DELETE",
           .pattern = "/Feeds/{id}/receivers/{receiverId}",
           .handler =
               [f](const Request& r, const RouteMatch& m) {
                 return events::remove_feed_receiver(*f, r, m.params[0], m.params[1]);
               },
           .rfc = "RFC 8935 §2",
           .summary = "unregister a push receiver"});
  }

  if (parts.admin) add_admin_routes(t, *parts.admin);
  if (parts.admin && parts.operator_api) add_dashboard_routes(t, *parts.operator_api);

  // ---- Resources of every registered type ({type} = "Users", "Groups", custom endpoints).
  t.add({.method = "GET",
         .pattern = "/{type}",
         .handler = [s](const Request& r, const RouteMatch& m) { return s->list(r, m.params[0]); },
         .rfc = "RFC 7644 §3.4.2",
         .summary = "query: filter, sortBy, startIndex/count, attributes"});
  t.add(
      {.method = "POST",
       .pattern = "/{type}",
       .handler = [s](const Request& r, const RouteMatch& m) { return s->create(r, m.params[0]); },
       .rfc = "RFC 7644 §3.3",
       .summary = "create"});
  t.add(
      {.method = "POST",
       .pattern = "/{type}/.search",
       .handler = [s](const Request& r, const RouteMatch& m) { return s->search(r, m.params[0]); },
       .rfc = "RFC 7644 §3.4.3",
       .summary = "query with a SearchRequest body"});
  t.add({.method = "GET",
         .pattern = "/{type}/{id}",
         .handler = [s](const Request& r,
                        const RouteMatch& m) { return s->get(r, m.params[0], m.params[1]); },
         .rfc = "RFC 7644 §3.4.1",
         .summary = "retrieve (If-None-Match: 304)"});
  t.add({.method = "PUT",
         .pattern = "/{type}/{id}",
         .handler = [s](const Request& r,
                        const RouteMatch& m) { return s->replace(r, m.params[0], m.params[1]); },
         .rfc = "RFC 7644 §3.5.1",
         .summary = "replace (If-Match: 412)"});
  t.add({.method = "PATCH",
         .pattern = "/{type}/{id}",
         .handler = [s](const Request& r,
                        const RouteMatch& m) { return s->patch(r, m.params[0], m.params[1]); },
         .rfc = "RFC 7644 §3.5.2",
         .summary = "modify with PatchOp operations, atomically"});
  t.add({.method = "DELETE",
         .pattern = "/{type}/{id}",
         .handler = [s](const Request& r,
                        const RouteMatch& m) { return s->remove(r, m.params[0], m.params[1]); },
         .rfc = "RFC 7644 §3.6",
         .summary = "delete"});
  return t;
}

}  // namespace scim::server
