// The operator's endpoints outside the SCIM base path (docs/observability.md): Prometheus
// metrics and readiness. Implemented in the observe folder, which sits above this one; declared
// here so that each route stays one row of endpoints/routes.cpp.
#pragma once

#include "scim/server/api/request.hpp"

namespace scim::server {

class OperatorApi {
 public:
  virtual ~OperatorApi() = default;
  // GET /metrics: the Prometheus text exposition format.
  virtual Response metrics(const Request& request) = 0;
  // GET /ready: 200 once the server accepts requests, 503 before and while shutting down.
  virtual Response ready(const Request& request) = 0;
};

}  // namespace scim::server
