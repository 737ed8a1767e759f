// The observability component's options (docs/observability.md): whether /metrics is served and
// who may read it, the metrics' series bound, and the structured log. Filled by app/config*.cpp.
#pragma once

#include "scim/server/observe/metrics_registry.hpp"
#include "scim/server/observe/server_log.hpp"

namespace scim::observe {

enum class MetricsAuth {
  None,   // /metrics is public, like /health (the usual Prometheus scrape)
  Admin,  // /metrics takes an admin token (Prometheus: authorization.credentials)
};

struct ObserveOptions {
  bool metrics = true;  // false: no metrics layer and no /metrics route (404)
  MetricsAuth metrics_auth = MetricsAuth::None;
  MetricsLimits limits;
  LogOptions log;  // --log-format, --log-level, --no-access-log
};

}  // namespace scim::observe
