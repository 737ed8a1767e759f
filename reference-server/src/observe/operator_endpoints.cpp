// The operator's endpoints (see operator_endpoints.hpp).
#include "scim/server/observe/operator_endpoints.hpp"

#include "scim/server/api/responses.hpp"
#include "scim/server/observe/dashboard_page.hpp"
#include "scim/server/observe/exposition.hpp"

namespace scim::observe {
namespace {

// The query parameters the browser passes on (RFC 7644 §3.4.2); anything else
// is dropped.
constexpr std::string_view kBrowseParams[] = {
    "filter", "sortBy", "sortOrder", "startIndex", "count", "attributes", "excludedAttributes"};

}  // namespace

server::Response OperatorEndpoints::metrics(const server::Request&) {
  server::Response r;
  r.status = 200;
  r.set_header("Content-Type", std::string(kExpositionContentType));
  r.set_header("Cache-Control", "no-store");
  r.body = parts_.metrics ? parts_.metrics->expose() : std::string();
  return r;
}

server::Response OperatorEndpoints::ready(const server::Request&) {
  const std::string why = parts_.readiness ? parts_.readiness() : std::string();
  server::Response r = why.empty()
                           ? server::json_response(200, {{"status", "ready"}})
                           : server::json_response(503, {{"status", "not ready"}, {"reason", why}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

server::Response OperatorEndpoints::openapi(const server::Request&) {
  // The route table and the registry are fixed once the server is built: one
  // document.
  std::call_once(openapi_once_, [this] {
    openapi_text_ = parts_.openapi ? parts_.openapi().dump(2) : std::string("{}");
  });
  server::Response r;
  r.status = 200;
  r.set_header("Content-Type", "application/json");
  r.body = openapi_text_;
  return r;
}

server::Response OperatorEndpoints::dashboard(const server::Request&) {
  server::Response r;
  r.status = 200;
  r.set_header("Content-Type", "text/html; charset=utf-8");
  // The page's own policy, repeated as a header so that it holds even if the
  // meta tag is lost.
  r.set_header("Content-Security-Policy", std::string(kDashboardPolicy));
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "no-referrer");
  r.set_header("Cache-Control", "no-store");
  r.body = std::string(dashboard_page());
  return r;
}

server::Response OperatorEndpoints::browse(const server::Request& request, std::string_view tenant,
                                           std::string_view type) {
  // The type's id or name ("User"), or its endpoint ("Users").
  const ResourceType* rt = nullptr;
  if (parts_.registry) {
    rt = parts_.registry->find_resource_type(type);
    if (!rt) rt = parts_.registry->find_by_endpoint(type);
  }
  if (!rt) return server::error_response(scim::not_found("no resource type " + std::string(type)));
  if (!parts_.tenant_exists || !parts_.tenant_exists(tenant)) {
    return server::error_response(scim::not_found("no tenant " + std::string(tenant)));
  }
  // The tenant's own query, as its client would send it: the same filter rules
  // and errors.
  server::Request query;
  query.method = "GET";
  query.scope = server::Scope::Scim;
  query.path = rt->endpoint;
  for (auto name : kBrowseParams) {
    if (auto value = request.query_value(name)) query.query.emplace(name, *value);
  }
  query.principal.tenant = std::string(tenant);
  query.principal.credential_name = "admin-dashboard";
  query.base_url = "/tenants/" + std::string(tenant) + parts_.base_path;
  query.request_id = request.request_id;
  query.headers["accept"] = "application/scim+json";
  return parts_.scim->handle(query);
}

}  // namespace scim::observe
