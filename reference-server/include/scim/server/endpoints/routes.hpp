// The reference server's one route table: every method and path it serves, the handler, the RFC
// section that defines it and who may call it (routes.cpp). docs/routes.md is generated from it
// and a unit test keeps the two equal.
#pragma once

#include <optional>
#include <string>

#include "scim/server/api/router.hpp"
#include "scim/server/async/async_jobs.hpp"
#include "scim/server/bulk/bulk_executor.hpp"
#include "scim/server/endpoints/admin_api.hpp"
#include "scim/server/endpoints/oauth_api.hpp"
#include "scim/server/endpoints/operator_api.hpp"
#include "scim/server/endpoints/service.hpp"
#include "scim/server/events/feed_endpoints.hpp"

namespace scim::server {

// The parts that serve routes besides the Service. A null part leaves its routes out (404).
struct RouteParts {
  bulk::BulkExecutor* bulk = nullptr;             // POST /Bulk
  async::AsyncJobs* async_jobs = nullptr;         // GET /AsyncResults/{txn}
  events::FeedEndpointsContext* feeds = nullptr;  // /Feeds...
  AdminApi* admin = nullptr;            // /admin/v1/... (only when an admin token is configured)
  OperatorApi* operator_api = nullptr;  // /metrics, /ready
  OAuthApi* oauth = nullptr;  // RFC 8414 metadata, /oauth/token, /oauth/jwks (--oauth-signing-key)
  // Who may GET /metrics: Public, or Admin (--metrics-auth admin); nullopt: no /metrics route.
  std::optional<Access> metrics_access = Access::Public;
};

// The parts must outlive the table. `base_path` is only named in 404 answers.
RouteTable make_routes(Service& service, RouteParts parts, std::string base_path = "/scim/v2");

}  // namespace scim::server
