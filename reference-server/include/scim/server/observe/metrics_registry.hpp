// The server's metrics: counter and histogram families that the request path updates, and
// collectors that read gauges and counters from the components (stores, journals, feeds, jobs,
// the transport) when /metrics is scraped. One registry per server, owned by the composition
// root; nothing global.
//
// Label cardinality is bounded twice: callers only pass label values from bounded sets (tenant
// names, registered resource types, method names, status classes; never ids or paths), and
// each family holds at most MetricsLimits::max_series_per_family series. Beyond it, samples go
// to one series whose every label is "overflow" and scim_metrics_series_overflow_total counts
// them, so a flood of new tenants cannot grow memory or the scrape without bound.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scim/server/observe/exposition.hpp"

namespace scim::observe {

using LabelValues = std::vector<std::string>;
// The same label values as views, for the request path: finding an existing series then copies
// and allocates nothing.
using LabelViews = std::span<const std::string_view>;

struct MetricsLimits {
  std::size_t max_series_per_family = 5000;
};

// Default latency buckets, in seconds: 0.5 ms to 10 s (an in-memory server answers in well
// under a millisecond; injected latency faults and long polls reach seconds).
std::vector<double> default_latency_buckets();

class Family {
 public:
  Family(std::string name, std::string help, std::vector<std::string> label_names,
         const MetricsLimits& limits, std::atomic<std::uint64_t>& overflow);
  virtual ~Family() = default;
  Family(const Family&) = delete;
  Family& operator=(const Family&) = delete;

  const std::string& name() const { return name_; }
  std::size_t series_count() const;
  virtual void write(Exposition& out) const = 0;

 protected:
  struct Series;
  // The series of `values` (created on first use, or the overflow series beyond the limit).
  Series& series(const LabelValues& values);
  Series& series(LabelViews values);
  // The series of `values`, made if need be; null when the family is full and `values` would go
  // to the overflow series (series() counts such a sample as overflowed, every time).
  Series* series_within_limit(LabelViews values);
  LabelPairs pairs(const LabelValues& values) const;
  virtual std::unique_ptr<Series> make_series() const = 0;

  // Series payloads derive from this; the map owns them, so references stay valid.
  struct Series {
    virtual ~Series() = default;
  };
  std::string name_;
  std::string help_;
  std::vector<std::string> label_names_;
  mutable std::shared_mutex mu_;
  // Label values compared element by element, so LabelViews find a series too.
  struct LabelsLess {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
      return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end());
    }
  };
  std::map<LabelValues, std::unique_ptr<Series>, LabelsLess> series_;

 private:
  const MetricsLimits& limits_;
  std::atomic<std::uint64_t>& overflow_;
};

// A monotonic counter per label set ("_total" names).
class CounterFamily final : public Family {
 public:
  using Family::Family;
  void inc(const LabelValues& values, std::uint64_t by = 1);
  void inc(LabelViews values, std::uint64_t by = 1);
  std::uint64_t value(const LabelValues& values) const;  // 0 when the series does not exist
  void write(Exposition& out) const override;

  // One series, found once, for a caller that counts the same label set again and again: it
  // keeps the cell and counts without a lookup (series live as long as the registry).
  class Cell {
   public:
    void inc(std::uint64_t by = 1) const { value_->fetch_add(by, std::memory_order_relaxed); }

   private:
    friend class CounterFamily;
    explicit Cell(std::atomic<std::uint64_t>& value) : value_(&value) {}
    std::atomic<std::uint64_t>* value_;
  };
  // The cell of `values` (its series made if need be); none when the family is full and the
  // sample would go to the overflow series: count those with inc().
  std::optional<Cell> cell(LabelViews values);

 private:
  struct CounterSeries;
  std::unique_ptr<Series> make_series() const override;
};

// A cumulative histogram per label set ("_seconds", "_bytes" names).
class HistogramFamily final : public Family {
 public:
  HistogramFamily(std::string name, std::string help, std::vector<std::string> label_names,
                  std::vector<double> upper_bounds, const MetricsLimits& limits,
                  std::atomic<std::uint64_t>& overflow);
  void observe(const LabelValues& values, double value);
  void observe(LabelViews values, double value);
  std::uint64_t count(const LabelValues& values) const;
  void write(Exposition& out) const override;

  // As CounterFamily::Cell, for observations.
  class Cell {
   public:
    void observe(double value) const { family_->record(*series_, value); }

   private:
    friend class HistogramFamily;
    Cell(HistogramFamily& family, Series& series) : family_(&family), series_(&series) {}
    HistogramFamily* family_;
    Series* series_;
  };
  std::optional<Cell> cell(LabelViews values);

 private:
  struct HistogramSeries;
  std::unique_ptr<Series> make_series() const override;
  void record(Series& target, double value);
  std::vector<double> upper_bounds_;  // ascending; +Inf is implicit
};

class MetricsRegistry {
 public:
  // Writes whole families of values read at scrape time (gauges of queue depths, counters the
  // components keep themselves).
  using Collector = std::function<void(Exposition&)>;

  explicit MetricsRegistry(MetricsLimits limits = {});

  // Families are created while the server is built, before requests arrive; the references
  // stay valid as long as the registry.
  CounterFamily& counter(std::string name, std::string help, std::vector<std::string> labels);
  HistogramFamily& histogram(std::string name, std::string help, std::vector<std::string> labels,
                             std::vector<double> upper_bounds);
  void add_collector(Collector collector);

  // The whole exposition: the families in creation order, then the collectors', then the
  // registry's own overflow counter.
  std::string expose() const;
  std::uint64_t overflowed() const { return overflow_.load(); }
  const MetricsLimits& limits() const { return limits_; }

 private:
  MetricsLimits limits_;
  std::atomic<std::uint64_t> overflow_{0};
  std::vector<std::unique_ptr<Family>> families_;
  std::vector<Collector> collectors_;
};

}  // namespace scim::observe
