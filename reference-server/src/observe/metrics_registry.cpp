// Counter and histogram families with bounded series, and the registry that exposes them (see
// metrics_registry.hpp). The request path takes a shared lock to find an existing series and
// updates it with relaxed atomics; only a new label set takes the lock exclusively.
#include "scim/server/observe/metrics_registry.hpp"

#include <algorithm>
#include <mutex>
#include <string_view>
#include <vector>

namespace scim::observe {

std::vector<double> default_latency_buckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

Family::Family(std::string name, std::string help, std::vector<std::string> label_names,
               const MetricsLimits& limits, std::atomic<std::uint64_t>& overflow)
    : name_(std::move(name)),
      help_(std::move(help)),
      label_names_(std::move(label_names)),
      limits_(limits),
      overflow_(overflow) {}

std::size_t Family::series_count() const {
  std::shared_lock lock(mu_);
  return series_.size();
}

Family::Series& Family::series(const LabelValues& values) {
  const std::vector<std::string_view> views(values.begin(), values.end());
  return series(LabelViews(views));
}

Family::Series& Family::series(LabelViews values) {
  if (Series* found = series_within_limit(values)) return *found;
  overflow_.fetch_add(1, std::memory_order_relaxed);
  std::unique_lock lock(mu_);
  LabelValues spill(label_names_.size(), "overflow");
  auto& slot = series_[spill];
  if (!slot) slot = make_series();
  return *slot;
}

Family::Series* Family::series_within_limit(LabelViews values) {
  {
    std::shared_lock lock(mu_);
    if (auto it = series_.find(values); it != series_.end()) return it->second.get();
  }
  std::unique_lock lock(mu_);
  if (auto it = series_.find(values); it != series_.end()) return it->second.get();
  if (series_.size() >= limits_.max_series_per_family) return nullptr;
  return series_.emplace(LabelValues(values.begin(), values.end()), make_series())
      .first->second.get();
}

LabelPairs Family::pairs(const LabelValues& values) const {
  LabelPairs out;
  out.reserve(label_names_.size());
  for (std::size_t i = 0; i < label_names_.size() && i < values.size(); ++i) {
    out.emplace_back(label_names_[i], values[i]);
  }
  return out;
}

// ---- Counters.

struct CounterFamily::CounterSeries final : Series {
  std::atomic<std::uint64_t> value{0};
};

std::unique_ptr<Family::Series> CounterFamily::make_series() const {
  return std::make_unique<CounterSeries>();
}

void CounterFamily::inc(const LabelValues& values, std::uint64_t by) {
  static_cast<CounterSeries&>(series(values)).value.fetch_add(by, std::memory_order_relaxed);
}

void CounterFamily::inc(LabelViews values, std::uint64_t by) {
  static_cast<CounterSeries&>(series(values)).value.fetch_add(by, std::memory_order_relaxed);
}

std::optional<CounterFamily::Cell> CounterFamily::cell(LabelViews values) {
  auto* found = static_cast<CounterSeries*>(series_within_limit(values));
  if (found == nullptr) return std::nullopt;
  return Cell(found->value);
}

std::uint64_t CounterFamily::value(const LabelValues& values) const {
  std::shared_lock lock(mu_);
  auto it = series_.find(values);
  return it == series_.end() ? 0 : static_cast<const CounterSeries&>(*it->second).value.load();
}

void CounterFamily::write(Exposition& out) const {
  out.family(name_, help_, MetricType::Counter);
  std::shared_lock lock(mu_);
  for (const auto& [values, s] : series_) {
    out.sample(name_, pairs(values), static_cast<const CounterSeries&>(*s).value.load());
  }
}

// ---- Histograms.

struct HistogramFamily::HistogramSeries final : Series {
  explicit HistogramSeries(std::size_t buckets) : counts(buckets + 1) {}
  std::vector<std::atomic<std::uint64_t>> counts;  // per bucket, not cumulative; last = +Inf
  std::atomic<std::uint64_t> count{0};
  std::atomic<double> sum{0};
};

HistogramFamily::HistogramFamily(std::string name, std::string help,
                                 std::vector<std::string> label_names,
                                 std::vector<double> upper_bounds, const MetricsLimits& limits,
                                 std::atomic<std::uint64_t>& overflow)
    : Family(std::move(name), std::move(help), std::move(label_names), limits, overflow),
      upper_bounds_(std::move(upper_bounds)) {
  std::sort(upper_bounds_.begin(), upper_bounds_.end());
}

std::unique_ptr<Family::Series> HistogramFamily::make_series() const {
  return std::make_unique<HistogramSeries>(upper_bounds_.size());
}

void HistogramFamily::observe(const LabelValues& values, double value) {
  record(series(values), value);
}

void HistogramFamily::observe(LabelViews values, double value) {
  record(series(values), value);
}

std::optional<HistogramFamily::Cell> HistogramFamily::cell(LabelViews values) {
  Series* found = series_within_limit(values);
  if (found == nullptr) return std::nullopt;
  return Cell(*this, *found);
}

void HistogramFamily::record(Series& target, double value) {
  auto& s = static_cast<HistogramSeries&>(target);
  // le is inclusive: the first bound >= value.
  const auto bucket = static_cast<std::size_t>(
      std::lower_bound(upper_bounds_.begin(), upper_bounds_.end(), value) - upper_bounds_.begin());
  s.counts[bucket].fetch_add(1, std::memory_order_relaxed);
  s.sum.fetch_add(value, std::memory_order_relaxed);
  s.count.fetch_add(1, std::memory_order_relaxed);
}

std::uint64_t HistogramFamily::count(const LabelValues& values) const {
  std::shared_lock lock(mu_);
  auto it = series_.find(values);
  return it == series_.end() ? 0 : static_cast<const HistogramSeries&>(*it->second).count.load();
}

void HistogramFamily::write(Exposition& out) const {
  out.family(name_, help_, MetricType::Histogram);
  const std::string bucket = name_ + "_bucket";
  std::shared_lock lock(mu_);
  for (const auto& [values, base] : series_) {
    const auto& s = static_cast<const HistogramSeries&>(*base);
    LabelPairs labels = pairs(values);
    // Bucket counts are read one by one while requests go on; the cumulative sum is monotonic
    // by construction, and _count is written as the +Inf bucket so the two always agree.
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i <= upper_bounds_.size(); ++i) {
      cumulative += s.counts[i].load(std::memory_order_relaxed);
      const std::string le = i < upper_bounds_.size() ? format_value(upper_bounds_[i]) : "+Inf";
      labels.emplace_back("le", le);
      out.sample(bucket, labels, cumulative);
      labels.pop_back();
    }
    out.sample(name_ + "_sum", labels, s.sum.load(std::memory_order_relaxed));
    out.sample(name_ + "_count", labels, cumulative);
  }
}

// ---- The registry.

MetricsRegistry::MetricsRegistry(MetricsLimits limits) : limits_(limits) {}

CounterFamily& MetricsRegistry::counter(std::string name, std::string help,
                                        std::vector<std::string> labels) {
  auto family = std::make_unique<CounterFamily>(std::move(name), std::move(help), std::move(labels),
                                                limits_, overflow_);
  auto& ref = *family;
  families_.push_back(std::move(family));
  return ref;
}

HistogramFamily& MetricsRegistry::histogram(std::string name, std::string help,
                                            std::vector<std::string> labels,
                                            std::vector<double> upper_bounds) {
  auto family =
      std::make_unique<HistogramFamily>(std::move(name), std::move(help), std::move(labels),
                                        std::move(upper_bounds), limits_, overflow_);
  auto& ref = *family;
  families_.push_back(std::move(family));
  return ref;
}

void MetricsRegistry::add_collector(Collector collector) {
  collectors_.push_back(std::move(collector));
}

std::string MetricsRegistry::expose() const {
  Exposition out;
  for (const auto& family : families_) family->write(out);
  for (const auto& collect : collectors_) collect(out);
  out.family("scim_metrics_series_overflow_total",
             "Samples counted in an 'overflow' series because their family reached its series "
             "limit",
             MetricType::Counter);
  out.sample("scim_metrics_series_overflow_total", {}, overflow_.load());
  return out.take();
}

}  // namespace scim::observe
