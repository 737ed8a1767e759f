// The metrics layer: the outermost middleware, so it sees every request the transport hands
// over (401s, injected faults and 202 async answers included) and times the whole chain. It
// counts requests by tenant, method, resource type and status class, observes their latency,
// counts body bytes, the leniencies the answers needed and the faults injected into them.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

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
  // A request's labels: tenant, method, resource type, status class.
  using LabelSet = std::span<const std::string_view, 4>;

 private:
  // The series of one label set (tenant, method, resource type, status class), found once: the
  // body-byte cells when first needed, so that a series appears only once it counts something.
  struct Cells {
    CounterFamily::Cell requests;
    HistogramFamily::Cell latency;
    std::optional<CounterFamily::Cell> request_bytes;
    std::optional<CounterFamily::Cell> response_bytes;
  };
  // Label sets kept, at most: beyond them (or for labels longer than a key holds) a request is
  // counted with lookups in the families, as it would be anyway.
  static constexpr std::size_t kMaxCachedLabelSets = 1024;
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };

  void count(const server::Request& request, const server::Response& response, double seconds,
             std::size_t request_body_bytes);
  bool count_cached(std::string_view key, LabelSet labels, double seconds,
                    std::size_t request_bytes, std::size_t response_bytes);
  void cache(std::string_view key, LabelSet labels, bool request_bytes, bool response_bytes);

  RequestLabelSources sources_;
  CounterFamily& requests_;
  HistogramFamily& latency_;
  CounterFamily& request_bytes_;
  CounterFamily& response_bytes_;
  CounterFamily& leniencies_;
  CounterFamily& faults_;
  std::atomic<std::int64_t> in_flight_{0};
  std::shared_mutex cells_mu_;
  std::unordered_map<std::string, Cells, KeyHash, std::equal_to<>> cells_;  // by label_key()
};

}  // namespace scim::observe
