// The metrics layer (see metrics_middleware.hpp).
#include "scim/server/observe/metrics_middleware.hpp"

#include <array>
#include <chrono>

namespace scim::observe {

MetricsMiddleware::MetricsMiddleware(MetricsRegistry& registry, RequestLabelSources sources)
    : sources_(std::move(sources)),
      requests_(registry.counter("scim_http_requests_total",
                                 "HTTP requests answered, by tenant, method, resource type and "
                                 "status class",
                                 {"tenant", "method", "resource_type", "status_class"})),
      latency_(registry.histogram("scim_http_request_duration_seconds",
                                  "Time from the request's arrival in the middleware chain to "
                                  "its answer, injected latency included",
                                  {"method", "resource_type"}, default_latency_buckets())),
      request_bytes_(registry.counter("scim_http_request_body_bytes_total",
                                      "Request body bytes received, by tenant", {"tenant"})),
      response_bytes_(registry.counter("scim_http_response_body_bytes_total",
                                       "Response body bytes sent, by tenant", {"tenant"})),
      leniencies_(registry.counter("scim_leniencies_used_total",
                                   "Requests that needed a leniency (docs/lenient.md), by name",
                                   {"leniency"})),
      faults_(registry.counter("scim_faults_injected_total",
                               "Faults the control plane injected into answers, by kind",
                               {"kind"})) {
  registry.add_collector([this](Exposition& out) {
    out.family("scim_http_requests_in_flight", "Requests inside the middleware chain now",
               MetricType::Gauge);
    out.sample("scim_http_requests_in_flight", {}, static_cast<double>(in_flight_.load()));
  });
}

server::Response MetricsMiddleware::handle(server::Request& request, const server::Next& next) {
  const auto started = std::chrono::steady_clock::now();
  const std::size_t body_bytes = request.body.size();  // before a layer moves the body away
  in_flight_.fetch_add(1, std::memory_order_relaxed);
  server::Response response;
  try {
    response = next(request);
  } catch (...) {
    in_flight_.fetch_sub(1, std::memory_order_relaxed);
    throw;
  }
  in_flight_.fetch_sub(1, std::memory_order_relaxed);
  // The client waits for the transport's injected delay too (Delivery::delay).
  const auto elapsed = std::chrono::steady_clock::now() - started + response.delivery.delay;
  count(request, response, std::chrono::duration<double>(elapsed).count(), body_bytes);
  return response;
}

void MetricsMiddleware::count(const server::Request& request, const server::Response& response,
                              double seconds, std::size_t request_body_bytes) {
  const std::string tenant = tenant_label(request, sources_);
  const std::string method = method_label(request.method);
  const std::string type = resource_type_label(request, sources_);
  const std::string status_class = status_class_label(response.status);
  // Views of the labels: an existing series is found without copying them (LabelViews).
  const std::array<std::string_view, 4> request_labels{tenant, method, type, status_class};
  const std::array<std::string_view, 2> latency_labels{method, type};
  const std::array<std::string_view, 1> tenant_labels{tenant};
  requests_.inc(request_labels);
  latency_.observe(latency_labels, seconds);
  if (request_body_bytes > 0) request_bytes_.inc(tenant_labels, request_body_bytes);
  if (!response.body.empty()) response_bytes_.inc(tenant_labels, response.body.size());
  for (const auto& name : response.notes.leniencies) leniencies_.inc({name});
  for (const auto& kind : response.notes.fault_kinds) faults_.inc({kind});
}

}  // namespace scim::observe
