// The metrics layer: the outermost middleware, so it sees every request the transport hands
// over (401s, injected faults and 202 async answers included) and times the whole chain. It
// counts requests by tenant, method, resource type and status class, observes their latency,
// counts body bytes, the leniencies the answers needed and the faults injected into them.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "scim/server/api/middleware.hpp"
#include "scim/server/observe/metrics_registry.hpp"
#include "scim/server/observe/request_labels.hpp"

namespace scim::observe {

class MetricsMiddleware final : public server::Middleware {
 public:
  // Creates its families in `registry` (which must outlive it).
  MetricsMiddleware(MetricsRegistry& registry, RequestLabelSources sources);

  std::string_view name() const override { return "metrics"; }
  server::Response handle(server::Request& request, const server::Next& next) override;
  std::int64_t in_flight() const { return in_flight_.load(); }

 private:
  void count(const server::Request& request, const server::Response& response, double seconds,
             std::size_t request_body_bytes);

  RequestLabelSources sources_;
  CounterFamily& requests_;
  HistogramFamily& latency_;
  CounterFamily& request_bytes_;
  CounterFamily& response_bytes_;
  CounterFamily& leniencies_;
  CounterFamily& faults_;
  std::atomic<std::int64_t> in_flight_{0};
};

}  // namespace scim::observe
