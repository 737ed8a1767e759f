// GET /metrics and GET /ready (endpoints/operator_api.hpp) over the metrics registry and the
// server's readiness.
#pragma once

#include <functional>
#include <string>

#include "scim/server/endpoints/operator_api.hpp"
#include "scim/server/observe/metrics_registry.hpp"

namespace scim::observe {

// Why the server is not ready, or "" when it is.
using ReadinessProbe = std::function<std::string()>;

class OperatorEndpoints final : public server::OperatorApi {
 public:
  // `registry` may be null (metrics off: /metrics is not routed then).
  OperatorEndpoints(const MetricsRegistry* registry, ReadinessProbe readiness)
      : registry_(registry), readiness_(std::move(readiness)) {}

  server::Response metrics(const server::Request& request) override;
  server::Response ready(const server::Request& request) override;

 private:
  const MetricsRegistry* registry_;
  ReadinessProbe readiness_;
};

}  // namespace scim::observe
