// The operator's endpoints outside the SCIM base path (docs/observability.md):
// Prometheus metrics, readiness, the OpenAPI document and the /admin/ dashboard
// with the admin API's resource browser. Implemented in the observe folder,
// which sits above this one; declared here so that each route stays one row of
// endpoints/routes.cpp.
#pragma once

#include <string_view>

#include "scim/server/api/request.hpp"

namespace scim::server {

class OperatorApi {
 public:
  virtual ~OperatorApi() = default;
  // GET /metrics: the Prometheus text exposition format.
  virtual Response metrics(const Request& request) = 0;
  // GET /ready: 200 once the server accepts requests, 503 before and while
  // shutting down.
  virtual Response ready(const Request& request) = 0;
  // GET /openapi.json: OpenAPI 3.1 from the route table and the schema
  // registry.
  virtual Response openapi(const Request& request) = 0;
  // GET /admin/: the dashboard page (it holds no data; it calls the admin API
  // with the token).
  virtual Response dashboard(const Request& request) = 0;
  // GET /admin/v1/tenants/{tenant}/resources/{resourceType}: a tenant's resources of
  // one type, with filter, sortBy, startIndex and count as RFC 7644 §3.4.2
  // queries take them.
  virtual Response browse(const Request& request, std::string_view tenant,
                          std::string_view type) = 0;
};

}  // namespace scim::server
