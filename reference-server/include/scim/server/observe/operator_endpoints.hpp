// The operator's endpoints (endpoints/operator_api.hpp): /metrics over the
// metrics registry, /ready over the server's readiness, /openapi.json generated
// once from the route table and the registry, the /admin/ dashboard page, and
// the dashboard's resource browser, which sends a RFC 7644 §3.4.2 query for the
// tenant through the route table.
#pragma once

#include <functional>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "scim/protocol/resource_type.hpp"
#include "scim/server/endpoints/operator_api.hpp"
#include "scim/server/observe/metrics_registry.hpp"

namespace scim::observe {

// Why the server is not ready, or "" when it is.
using ReadinessProbe = std::function<std::string()>;

struct OperatorParts {
  const MetricsRegistry* metrics = nullptr;  // null: metrics off (/metrics is not routed then)
  ReadinessProbe readiness;
  std::function<nlohmann::json()> openapi;  // builds the document (asked once)
  const Registry* registry = nullptr;       // resource type names -> endpoints (browse)
  server::Handler* scim = nullptr;          // the route table (browse)
  std::function<bool(std::string_view tenant)> tenant_exists;
  std::string base_path = "/scim/v2";
};

class OperatorEndpoints final : public server::OperatorApi {
 public:
  explicit OperatorEndpoints(OperatorParts parts) : parts_(std::move(parts)) {}

  server::Response metrics(const server::Request& request) override;
  server::Response ready(const server::Request& request) override;
  server::Response openapi(const server::Request& request) override;
  server::Response dashboard(const server::Request& request) override;
  server::Response browse(const server::Request& request, std::string_view tenant,
                          std::string_view type) override;

 private:
  OperatorParts parts_;
  std::once_flag openapi_once_;
  std::string openapi_text_;
};

}  // namespace scim::observe
