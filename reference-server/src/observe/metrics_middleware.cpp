// The metrics layer (see metrics_middleware.hpp).
#include "scim/server/observe/metrics_middleware.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>

namespace scim::observe {
namespace {

// A label set as one key: each label's length (one byte), then its bytes, so that no two sets
// share a key. Empty when a label is longer than 255 bytes or the key longer than `buffer`.
std::string_view label_key(MetricsMiddleware::LabelSet labels, std::span<char> buffer) {
  std::size_t at = 0;
  for (const std::string_view label : labels) {
    if (label.size() > 255 || at + 1 + label.size() > buffer.size()) return {};
    buffer[at++] = static_cast<char>(label.size());
    std::copy(label.begin(), label.end(), buffer.begin() + static_cast<std::ptrdiff_t>(at));
    at += label.size();
  }
  return {buffer.data(), at};
}

}  // namespace

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
  const auto started = server::arrival(request);       // the access log's reading, usually
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
  const auto elapsed = server::answered(response) - started + response.delivery.delay;
  count(request, response, std::chrono::duration<double>(elapsed).count(), body_bytes);
  return response;
}

void MetricsMiddleware::count(const server::Request& request, const server::Response& response,
                              double seconds, std::size_t request_body_bytes) {
  // Views (of the request, sources_ or static text): no label is copied to be counted.
  const std::string_view tenant = tenant_label(request, sources_);
  const std::string_view method = method_label(request.method);
  const std::string_view type = resource_type_label(request, sources_);
  const std::string_view status_class = status_class_label(response.status);
  const std::array<std::string_view, 4> request_labels{tenant, method, type, status_class};
  const std::size_t response_body_bytes = response.body.size();
  std::array<char, 192> buffer;
  const std::string_view key = label_key(request_labels, buffer);
  if (key.empty() ||
      !count_cached(key, request_labels, seconds, request_body_bytes, response_body_bytes)) {
    // Views of the labels: an existing series is found without copying them (LabelViews).
    const std::array<std::string_view, 2> latency_labels{method, type};
    const std::array<std::string_view, 1> tenant_labels{tenant};
    requests_.inc(request_labels);
    latency_.observe(latency_labels, seconds);
    if (request_body_bytes > 0) request_bytes_.inc(tenant_labels, request_body_bytes);
    if (response_body_bytes > 0) response_bytes_.inc(tenant_labels, response_body_bytes);
  }
  for (const auto& name : response.notes.leniencies) leniencies_.inc({name});
  for (const auto& kind : response.notes.fault_kinds) faults_.inc({kind});
}

// One shared lock and no lookup in the families for a label set seen before. A set not cached
// yet is cached here (its series made, as the families' own path would make them) and counted
// by the caller through the families; so is one whose family is full (the overflow series,
// counted as overflowed every time), and every set beyond kMaxCachedLabelSets.
bool MetricsMiddleware::count_cached(std::string_view key, LabelSet labels, double seconds,
                                     std::size_t request_bytes, std::size_t response_bytes) {
  {
    std::shared_lock lock(cells_mu_);
    const auto it = cells_.find(key);
    if (it != cells_.end() && (request_bytes == 0 || it->second.request_bytes) &&
        (response_bytes == 0 || it->second.response_bytes)) {
      const Cells& cells = it->second;
      cells.requests.inc();
      cells.latency.observe(seconds);
      if (request_bytes > 0) cells.request_bytes->inc(request_bytes);
      if (response_bytes > 0) cells.response_bytes->inc(response_bytes);
      return true;
    }
  }
  cache(key, labels, request_bytes > 0, response_bytes > 0);
  return false;
}

void MetricsMiddleware::cache(std::string_view key, LabelSet labels, bool request_bytes,
                              bool response_bytes) {
  const std::array<std::string_view, 2> latency_labels{labels[1], labels[2]};
  const std::array<std::string_view, 1> tenant_labels{labels[0]};
  std::unique_lock lock(cells_mu_);
  auto it = cells_.find(key);
  if (it == cells_.end()) {
    if (cells_.size() >= kMaxCachedLabelSets) return;
    auto requests = requests_.cell(labels);
    auto latency = latency_.cell(latency_labels);
    if (!requests || !latency) return;
    it = cells_.emplace(std::string(key), Cells{*requests, *latency, {}, {}}).first;
  }
  // The byte series only once they count something, as the families' own path makes them.
  if (request_bytes && !it->second.request_bytes) {
    it->second.request_bytes = request_bytes_.cell(tenant_labels);
  }
  if (response_bytes && !it->second.response_bytes) {
    it->second.response_bytes = response_bytes_.cell(tenant_labels);
  }
}

}  // namespace scim::observe
